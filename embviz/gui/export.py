"""Export what the window shows, for slides.

The 3D view at any resolution, panels as PNG or SVG, and a turning 3D view as
an animated GIF.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from embviz.core.errors import EmbvizError
from embviz.gui.camera import camera_state, set_camera


def render_view(workspace, camera: dict, size: tuple[int, int], label_scale: float = 1.0) -> QImage:
    """Render the 3D scene of ``workspace`` at ``size`` pixels, as the window shows it.

    Labels are scaled with the image (relative to a 1280-pixel-wide window), so
    a 4K export reads like the screen, only sharper.
    """
    from embviz.gui.render import make_view

    w, h = size
    if not (16 <= w <= 8192 and 16 <= h <= 8192):
        raise EmbvizError(f"export size must be 16 to 8192 pixels a side, got {w}×{h}")
    factor = max(1.0, w / 1280)
    view = make_view(workspace, w, h, label_scale=label_scale * factor)
    try:
        view.set_point_scale(factor)
        set_camera(view, camera)
        return view.grabFramebuffer()
    finally:
        view.detach()
        view.close()
        view.deleteLater()


def _camera_for_export(window) -> dict:
    """The window's camera; its distance only if the user zoomed (else the export fits itself)."""
    cam = camera_state(window.view)
    if getattr(window.view, "_auto_distance", False):
        cam.pop("distance")
    return cam


def export_view(window, path: str | Path, size: tuple[int, int]) -> Path:
    """Save the main window's 3D view as PNG (or JPEG) at ``size``."""
    img = render_view(window.workspace, _camera_for_export(window), size, window.text_scale)
    path = Path(path)
    if not img.save(str(path)):
        raise EmbvizError(f"{path}: could not write the image (check the folder and extension)")
    return path


def export_widget(widget: QWidget, path: str | Path, *, width: int | None = None) -> Path:
    """Save a 2D panel as PNG at ``width`` pixels (default: its size) or as SVG (vector).

    The widget is painted again at the target size, so text and plots stay
    sharp rather than being an upscaled screenshot.
    """
    path = Path(path)
    size = widget.size()
    if path.suffix.lower() == ".svg":
        gen = QSvgGenerator()
        gen.setFileName(str(path))
        gen.setSize(size)
        gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
        gen.setTitle(widget.windowTitle() or "embviz panel")
        p = QPainter(gen)
        try:
            widget.render(p, QPoint())
        finally:
            p.end()
        return path
    scale = (width or size.width()) / max(1, size.width())
    img = QImage(QSize(round(size.width() * scale), round(size.height() * scale)),
                 QImage.Format.Format_ARGB32)  # fmt: skip
    img.fill(widget.palette().window().color())
    p = QPainter(img)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.scale(scale, scale)
        widget.render(p, QPoint())
        _paint_gl_views(p, widget, scale)
    finally:
        p.end()
    if not img.save(str(path)):
        raise EmbvizError(f"{path}: could not write the image (check the folder and extension)")
    return path


def _paint_gl_views(p: QPainter, widget: QWidget, scale: float) -> None:
    """Draw the OpenGL views inside ``widget`` again, at the export's resolution.

    ``QWidget.render`` copies a GL view's last frame without what it paints
    over it with QPainter (word labels, axis names, captions), and at the
    widget's own resolution.
    """
    from PySide6.QtOpenGLWidgets import QOpenGLWidget

    from embviz.gui.glview import draws_offscreen

    for gl in widget.findChildren(QOpenGLWidget):
        if not gl.isVisibleTo(widget) or gl.width() < 2 or gl.height() < 2:
            continue
        top_left = gl.mapTo(widget, QPoint(0, 0))
        target = QRectF(top_left.x(), top_left.y(), gl.width(), gl.height())
        w, h = round(gl.width() * scale), round(gl.height() * scale)
        img = gl.render_at(w, h) if draws_offscreen(gl) else gl.grabFramebuffer()
        p.drawImage(target, img)


def export_turntable(window, path: str | Path, *, frames: int = 36, size=(960, 600),
                     seconds: float = 6.0, progress=None) -> Path:  # fmt: skip
    """Save a full turn of the 3D view as an animated GIF (Pillow)."""
    from embviz.gui.render import frames as turn
    from embviz.gui.render import make_view, to_pil

    view = make_view(window.workspace, *size, label_scale=window.text_scale)
    try:
        set_camera(view, _camera_for_export(window))
        pics = []
        for i, img in enumerate(turn(view, frames)):
            pics.append(to_pil(img).convert("P", palette=1, colors=255))
            if progress is not None:
                progress.report((i + 1) / frames, f"frame {i + 1} of {frames}")
    finally:
        view.detach()
        view.close()
        view.deleteLater()
    path = Path(path)
    pics[0].save(path, save_all=True, append_images=pics[1:], loop=0,
                 duration=round(1000 * seconds / frames), optimize=False)  # fmt: skip
    return path
