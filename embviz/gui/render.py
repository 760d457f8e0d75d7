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


# -- animations --------------------------------------------------------------------
# Above this many pixels (frames × width × height) a GIF is refused: Pillow
# keeps every frame in memory (one byte a pixel) until it writes the file.
MAX_GIF_PIXELS = 400_000_000


def find_ffmpeg() -> str | None:
    """Path of an ffmpeg executable for MP4, or ``None``.

    ``ffmpeg`` on the PATH, else the binary the optional ``imageio-ffmpeg``
    package ships; embviz itself depends on neither.
    """
    exe = shutil.which("ffmpeg")
    if exe is not None:
        return exe
    try:
        import imageio_ffmpeg
    except ImportError:
        return None
    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError:  # the package without its binary
        return None


def animation_formats() -> list[str]:
    """The animation file types this installation can write: ``gif``, and ``mp4`` with ffmpeg."""
    return ["gif", "mp4"] if find_ffmpeg() else ["gif"]


def gif_durations(frames: int, fps: float, hold_last: float = 0.0) -> list[int]:
    """Per-frame GIF durations in ms that add up to ``frames / fps`` seconds.

    A GIF counts time in hundredths of a second, so 15 frames/s cannot be
    66.7 ms each: the durations alternate (60, 70, 70, ...) to keep the
    total right. ``hold_last`` seconds are added to the last frame, so a
    looping animation rests on its final state.
    """
    ends = [round(100 * (i + 1) / fps) * 10 for i in range(frames)]
    out = [b - a for a, b in zip([0, *ends[:-1]], ends, strict=True)]
    out = [max(d, 20) for d in out]  # browsers slow down frames under 20 ms
    out[-1] += round(1000 * hold_last / 10) * 10
    return out


class AnimationWriter:
    """Write frames (Pillow images of one size) to an animated GIF or an MP4, one at a time.

    A GIF gets one shared palette, from ``palette_from`` (say the first and
    last frames) or the first frame, so colours do not flicker between
    frames; pixels are mapped to it without dithering for the same reason.
    An MP4 is piped frame by frame to ffmpeg, so nothing piles up in memory.

    Parameters
    ----------
    path
        ``.gif`` or ``.mp4``.
    fps
        Frames per second.
    size
        Width and height of every frame.
    frames
        How many frames will come (checked against the GIF memory limit).
    palette_from
        Images whose colours make the GIF palette.
    """

    def __init__(self, path, fps: float, size: tuple[int, int], *, frames: int | None = None,
                 palette_from=None):  # fmt: skip
        from pathlib import Path

        self.path = Path(path)
        self.fps = float(fps)
        self.size = tuple(size)
        self.kind = self.path.suffix.lower().lstrip(".")
        self.count = 0
        self._frames: list = []
        self._palette = None
        self._proc: subprocess.Popen | None = None
        self._last = b""
        if self.kind not in ("gif", "mp4"):
            raise EmbvizError(f"{self.path}: an animation is written as .gif or .mp4")
        if not self.fps > 0:
            raise EmbvizError(f"frames per second must be positive, got {fps}")
        if not self.path.parent.is_dir():
            raise EmbvizError(f"{self.path.parent}: no such folder")
        if self.kind == "gif":
            if frames is not None and frames * size[0] * size[1] > MAX_GIF_PIXELS:
                raise EmbvizError(
                    f"{frames} frames of {size[0]}×{size[1]} are too much for a GIF: use "
                    "fewer frames per second, a shorter or smaller animation, or .mp4"
                )
            if palette_from:
                self._palette = _shared_palette(list(palette_from))
        else:
            self._start_ffmpeg()

    def _start_ffmpeg(self) -> None:
        exe = find_ffmpeg()
        if exe is None:
            raise EmbvizError(
                "writing .mp4 needs ffmpeg (on the PATH, or pip install imageio-ffmpeg): use .gif"
            )
        w, h = self.size
        cmd = [exe, "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24",
               "-s", f"{w}x{h}", "-framerate", f"{self.fps:g}", "-i", "-",
               "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-pix_fmt", "yuv420p",
               "-movflags", "+faststart", str(self.path)]  # fmt: skip
        self._proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )

    def add(self, image) -> None:
        """Append one frame (a Pillow image, converted to RGB)."""
        image = image.convert("RGB")
        if image.size != self.size:
            raise EmbvizError(f"frame {self.count} is {image.size}, not {self.size}")
        if self.kind == "gif":
            from PIL import Image

            if self._palette is None:
                self._palette = _shared_palette([image])
            self._frames.append(image.quantize(palette=self._palette, dither=Image.Dither.NONE))
        else:
            self._last = image.tobytes()  # the hold at the end repeats it
            try:
                self._proc.stdin.write(self._last)
            except OSError:  # ffmpeg exited: say why
                self._ffmpeg_failed()
        self.count += 1

    def finish(self, hold_last: float = 0.0):
        """Write the file (the GIF is encoded here) and return its path.

        ``hold_last`` seconds of the final frame are added at the end.
        """
        if self.count < 1:
            raise EmbvizError("no frames to write")
        if self.kind == "gif":
            first, *rest = self._frames
            self._frames = []
            try:
                first.save(self.path, save_all=True, append_images=rest, loop=0,
                           duration=gif_durations(self.count, self.fps, hold_last),
                           optimize=False, disposal=1)  # fmt: skip
            except OSError as e:
                raise EmbvizError(f"{self.path}: could not write the GIF ({e})") from None
            return self.path
        try:
            for _ in range(round(hold_last * self.fps)):
                self._proc.stdin.write(self._last)
            self._proc.stdin.close()
        except OSError:
            self._ffmpeg_failed()
        if self._proc.wait() != 0:
            self._ffmpeg_failed()
        self._proc.stderr.close()
        return self.path

    def abort(self) -> None:
        """Drop everything written so far (Cancel): no partial file stays behind."""
        self._frames = []
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
                self._proc.wait()
            for pipe in (self._proc.stdin, self._proc.stderr):
                pipe.close()
        self.path.unlink(missing_ok=True)

    def _ffmpeg_failed(self):
        err = b""
        if self._proc is not None:
            self._proc.kill()
            err = self._proc.stderr.read()
            self._proc.wait()
            for pipe in (self._proc.stdin, self._proc.stderr):
                try:
                    pipe.close()
                except OSError:  # the stdin of a dead ffmpeg: nothing left to flush
                    pass
        self.path.unlink(missing_ok=True)
        detail = err.decode(errors="replace").strip().splitlines()
        raise EmbvizError(f"ffmpeg could not write {self.path}" +
                          (f": {detail[-1]}" if detail else ""))  # fmt: skip


def _shared_palette(images):
    """One 255-colour palette for all frames, from ``images`` side by side."""
    from PIL import Image

    w = sum(im.width for im in images)
    h = max(im.height for im in images)
    sheet = Image.new("RGB", (w, h))
    x = 0
    for im in images:
        sheet.paste(im.convert("RGB"), (x, 0))
        x += im.width
    return sheet.quantize(colors=255, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
