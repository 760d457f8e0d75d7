"""Render the 3D scene offscreen to images: the GUI's own view, no window shown.

Used by ``embviz render``. OpenGL needs an X display; :func:`ensure_display`
starts a private Xvfb when there is none and Xvfb is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable

from embviz.core.errors import EmbvizError

_xvfb: subprocess.Popen | None = None


def ensure_display(width: int = 1920, height: int = 1080) -> None:
    """Make sure ``$DISPLAY`` names an X server, starting Xvfb if needed.

    The Xvfb is started with ``-terminate``: it exits by itself when this
    process, its only client, disconnects (stopping it earlier would kill
    Qt's connection while the application still exists).

    Raises
    ------
    EmbvizError
        No display and no Xvfb: says to run under ``xvfb-run``.
    """
    global _xvfb
    if os.environ.get("DISPLAY"):
        return
    exe = shutil.which("Xvfb")
    if exe is None:
        raise EmbvizError(
            "rendering needs an X display for OpenGL and $DISPLAY is not set: run it as "
            "'xvfb-run -a -s \"-screen 0 1920x1080x24\" embviz render ...' (or install Xvfb)"
        )
    for number in range(99, 160):
        if os.path.exists(f"/tmp/.X11-unix/X{number}") or os.path.exists(f"/tmp/.X{number}-lock"):
            continue
        proc = subprocess.Popen(
            [exe, f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp",
             "-terminate"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):  # wait until the server's socket appears
            if os.path.exists(f"/tmp/.X11-unix/X{number}") or proc.poll() is not None:
                break
            time.sleep(0.05)
        if proc.poll() is None:
            _xvfb = proc
            os.environ["DISPLAY"] = f":{number}"
            return
    raise EmbvizError("could not start Xvfb: run under 'xvfb-run -a embviz render ...'")


def application():
    """The running QApplication, or a new one able to render OpenGL offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        app = QApplication(["embviz-render"])
    return app


def make_view(workspace, width: int, height: int, label_scale: float = 1.0):
    """A :class:`~embviz.gui.view3d.SceneView` of ``workspace``, created but never mapped."""
    from PySide6.QtCore import Qt

    from embviz.gui.view3d import SceneView

    app = application()
    view = SceneView(workspace)
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.setMinimumSize(1, 1)  # any requested size, even below the window minimum
    view.resize(width, height)
    view.set_label_scale(label_scale)
    view.show()
    app.processEvents()
    return view


def frames(view, count: int = 1, *, degrees: float = 360.0,
           on_frame: Callable[[int], None] | None = None):  # fmt: skip
    """Yield ``count`` QImages, turning the camera ``degrees/count`` between them."""
    step = degrees / max(count, 1)
    start = view.opts["azimuth"]
    for i in range(count):
        view.setCameraPosition(azimuth=start + i * step)
        if on_frame is not None:
            on_frame(i)
        yield view.grabFramebuffer()


def to_pil(image):
    """Convert a QImage to a Pillow RGB image."""
    from PIL import Image

    img = image.convertToFormat(image.Format.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    raw = bytes(img.constBits())[: bpl * h]
    return Image.frombuffer("RGB", (w, h), raw, "raw", "RGB", bpl, 1)
