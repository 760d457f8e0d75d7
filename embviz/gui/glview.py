"""The base of every 3D view: camera, screen maths, text and theme, shared.

:class:`GLView` is a ``pyqtgraph`` ``GLViewWidget`` that knows what all of
embviz's 3D views have in common, so a view keeps only what it shows:

- **Camera.** :meth:`~GLView.reset_camera` looks at the origin from
  :attr:`~GLView.HOME` at :meth:`~GLView.fit_distance`, where a cloud scaled to
  :attr:`~GLView.RADIUS` and its axes fit the widget's shape; on resize the
  distance is fitted again until the user zooms (the wheel). :meth:`~GLView.camera`
  is the camera as plain data, :meth:`~GLView.fly_center` moves the centre smoothly.
- **Screen maths.** :meth:`~GLView.mvp` (numpy 4×4), :meth:`~GLView.project`
  (world → pixels, depth, visible) and :meth:`~GLView.index_at` (the point under
  a pixel); a click (not a drag) calls :meth:`~GLView.clicked`.
- **Text.** :attr:`~GLView.texts` is a bounded :class:`TextCache` of laid-out
  ``QStaticText``, text widths and haloed label images per font;
  :meth:`~GLView.paint_labels` draws placed labels, with a halo in the
  background's colour if asked;
  :meth:`~GLView.paint_text` draws one string; :meth:`~GLView.paint_notes` the
  notes in the bottom-left corner and a colour legend in the top-left one.
- **Axes.** :meth:`~GLView.add_axes` adds the three coloured axis lines (drawn
  in the order items are added, so a view adds them after its points).
- **Theme.** :attr:`~GLView.colors` is the view's colour table in
  :mod:`embviz.gui.theme` (the only place colours live; a view with a table of
  its own, like the training view's ``theme.TRAINING``, names it in
  :attr:`~GLView.PALETTE`); on the theme's one change signal
  (:func:`embviz.gui.theme.notifier`) the background and axes follow and
  :meth:`~GLView.restyle` is called.
- **Scale.** :attr:`~GLView.label_scale` multiplies text sizes (presentation
  text size, exports at 4K), :attr:`~GLView.point_scale` sprite sizes
  (:meth:`~GLView.set_scale`, then the view's :meth:`~GLView.restyle`).
- **Exports.** :func:`offscreen_view` makes a view that is never shown;
  :meth:`~GLView.render_at` draws this view's picture again at any size in one
  (a view says what its picture is in :meth:`~GLView.copy_into`); class
  attributes (``FIT``, ``HOME``, ``AXIS_LENGTH``, ``AXIS_ALPHA``, ``MIN_SIZE``)
  tune the camera and axes per view.

A new view (the Compare and Context views) derives from it and shows **one
frame** at a time: points, labels, lines and trails. The recipe::

    class MyView(GLView):
        def __init__(self, parent=None):
            super().__init__(parent)
            self._points = self.add_points()  # gl_points.PointCloudItem
            self._trails = self.add_lines()  # gl_points.LineItem, segment pairs
            self.add_axes()

        def set_frame(self, pos, colors, sizes, trails):  # world coords, ~RADIUS
            self._points.set_data(pos_to=pos, color=colors, size=sizes)
            self._trails.setData(pos=trails, color=...)
            self._pos = pos
            self.update()

        def restyle(self):  # the theme changed: re-push theme colours
            ...

        def paintGL(self):
            super().paintGL()  # the GL items
            painter = QPainter(self)  # then every text in one QPainter pass
            xy, depth, visible = self.project(self._pos)
            placed = place_labels(xy, self.texts.sizes(words, font), order, ...)
            self.paint_labels(painter, font, [(x, y, words[i], rgb) for i, x, y in placed])
            painter.end()

Text is drawn with ``QPainter`` over the GL scene after ``super().paintGL()``:
both ``drawText`` and ``drawStaticText`` work under Qt's GL paint engine. Plain
labels use ``QStaticText`` (laid out once, then cached) and haloed ones a cached
image of text and outline (one draw instead of five), which matters at hundreds
of labels a frame under software OpenGL.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
import pyqtgraph.opengl as gl
from pyqtgraph import Vector
from PySide6.QtCore import QEasingCurve, QPointF, Qt, QVariantAnimation
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMatrix4x4,
    QPainter,
    QPen,
    QStaticText,
)
from PySide6.QtWidgets import QApplication, QWidget

from embviz.core.labels import project_to_screen
from embviz.gui import theme
from embviz.gui.fonts import with_cjk_fallback
from embviz.gui.gl_points import LineItem, PointCloudItem

# Where a label's halo is drawn around it, in pixels: a one-pixel outline. The four
# diagonals cover the sides too, at half the cost of eight passes. A haloed label
# is drawn once into an image that is cached (TextCache.sprite), so a frame draws
# each label once, not five times (text is the frame's main cost).
HALO_OFFSETS = ((-1, -1), (1, -1), (-1, 1), (1, 1))
HALO_PAD = 1
FLY_MS = 500


def qmatrix_to_numpy(m: QMatrix4x4) -> np.ndarray:
    """A ``QMatrix4x4`` as a row-major numpy 4×4 (``QMatrix4x4.data()`` is column-major)."""
    return np.array(m.data(), dtype=np.float64).reshape(4, 4).T


def nearest_point(pos: np.ndarray, mvp: np.ndarray, size: tuple[int, int], x: float, y: float,
                  radius: float = 12.0) -> int | None:  # fmt: skip
    """Index of the point of ``pos`` drawn nearest to pixel (x, y), within ``radius``.

    ``mvp`` is the projection·view matrix and ``size`` the view's (width, height).
    Among points under the cursor the one nearest the camera wins.
    """
    if len(pos) == 0:
        return None
    # float32 and only the x, y, w rows of the matrix: ~2x faster than the
    # general projection, which matters at 100k points
    m = mvp.astype(np.float32)
    clip = pos @ m[[0, 1, 3], :3].T + m[[0, 1, 3], 3]
    w = clip[:, 2]
    front = w > 1e-6
    w = np.where(front, w, 1.0)
    sx = (clip[:, 0] / w + 1.0) * (0.5 * size[0]) - x
    sy = (1.0 - clip[:, 1] / w) * (0.5 * size[1]) - y
    d2 = sx * sx + sy * sy
    near = np.flatnonzero(front & (d2 <= radius * radius))
    if len(near) == 0:
        return None
    # the nearest to the cursor, preferring what is in front when sprites overlap
    depth = (pos[near] @ m[2, :3] + m[2, 3]) / w[near]
    return int(near[np.argmin(d2[near] + 1e3 * depth)] if len(near) > 1 else near[0])


class CameraFlight(QVariantAnimation):
    """A smooth move of a view's camera centre (``opts["center"]``) to a point."""

    def __init__(self, view: gl.GLViewWidget):
        super().__init__(view)
        self._view = view
        self.setDuration(FLY_MS)
        self.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self.setStartValue(0.0)
        self.setEndValue(1.0)
        self._from = self._to = np.zeros(3)
        self.valueChanged.connect(self._step)

    def fly(self, target) -> None:
        """Start moving from the current centre to world point ``target``."""
        c = self._view.opts["center"]
        self.stop()
        self._from = np.array([c.x(), c.y(), c.z()])
        self._to = np.asarray(target, dtype=np.float64)
        self.start()

    def _step(self, value) -> None:
        p = self._from + (self._to - self._from) * float(value)
        self._view.opts["center"] = Vector(*p)
        self._view.update()


class TextCache:
    """Laid-out texts and their widths per font, the least recently used dropped first.

    Parameters
    ----------
    max_size
        Most entries of each kind kept: a view that shows ever new words (a
        search through 400k words, a long training run) stays bounded.
    """

    def __init__(self, max_size: int = 4096):
        self.max_size = int(max_size)
        self._static: OrderedDict[tuple[str, str], QStaticText] = OrderedDict()
        self._widths: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._sprites: OrderedDict[tuple, QImage] = OrderedDict()

    def __len__(self) -> int:
        return len(self._static) + len(self._widths) + len(self._sprites)

    def clear(self) -> None:
        """Forget everything (e.g. the text size changed)."""
        self._static.clear()
        self._widths.clear()
        self._sprites.clear()

    def sprite(self, text: str, font: QFont, font_key: str, rgb: tuple, halo: tuple,
               dpr: float = 1.0) -> QImage:  # fmt: skip
        """``text`` in colour ``rgb`` with a one-pixel ``halo`` (RGBA), drawn into an image.

        ``font_key`` is ``font.key()`` (taken once per frame by the caller);
        ``rgb`` and ``halo`` are tuples, part of the cache key. The text's
        top-left corner is at (:data:`HALO_PAD`, :data:`HALO_PAD`) in the
        image's logical pixels; ``dpr`` is the screen's device pixel ratio.
        """
        key = (text, font_key, rgb, halo, dpr)
        img = self._sprites.get(key)
        if img is not None:
            self._sprites.move_to_end(key)
            return img
        fm = QFontMetricsF(font)
        w = fm.horizontalAdvance(text) + 2 * HALO_PAD + 2  # + italics / antialiasing overhang
        h = fm.height() + 2 * HALO_PAD
        img = QImage(max(1, round(w * dpr)), max(1, round(h * dpr)),
                     QImage.Format.Format_ARGB32_Premultiplied)  # fmt: skip
        img.setDevicePixelRatio(dpr)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setFont(font)
        st = self.static(text, font_key)
        p.setPen(QPen(QColor(*halo)))
        for dx, dy in HALO_OFFSETS:
            p.drawStaticText(QPointF(HALO_PAD + dx, HALO_PAD + dy), st)
        p.setPen(QPen(QColor(*rgb)))
        p.drawStaticText(QPointF(HALO_PAD, HALO_PAD), st)
        p.end()
        self._sprites[key] = img
        if len(self._sprites) > self.max_size:
            self._sprites.popitem(last=False)
        return img

    def static(self, text: str, font_key: str) -> QStaticText:
        """``text`` as a ``QStaticText`` for the font whose ``QFont.key()`` is ``font_key``."""
        key = (text, font_key)
        st = self._static.get(key)
        if st is None:
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            # no AggressiveCaching: under the GL paint engine it drops large text
            self._static[key] = st
            if len(self._static) > self.max_size:
                self._static.popitem(last=False)
        else:
            self._static.move_to_end(key)
        return st

    def sizes(self, texts: list[str], font: QFont) -> np.ndarray:
        """``(n, 2)`` width and height of each of ``texts`` in ``font``."""
        fm = QFontMetricsF(font)
        fkey = font.key()
        widths = self._widths
        out = np.empty((len(texts), 2))
        out[:, 1] = fm.height()
        for i, t in enumerate(texts):
            key = (t, fkey)
            w = widths.get(key)
            if w is None:
                w = widths[key] = fm.horizontalAdvance(t)
                if len(widths) > self.max_size:
                    widths.popitem(last=False)
            out[i, 0] = w
        return out


class GLView(gl.GLViewWidget):
    """An orbitable 3D view with embviz's camera, text, axes and theme (see the module).

    Parameters
    ----------
    parent
        The parent widget.
    """

    RADIUS = 10.0
    """World radius the shown cloud is scaled to; the camera is fitted to it."""
    FIT = 1.4
    """Radii that must fit in the view's height (or width, if narrower)."""
    HOME = (20.0, 45.0)
    """Camera elevation and azimuth of :meth:`reset_camera`, in degrees."""
    AXIS_LENGTH = 1.15
    """Axis lines' length, in radii."""
    AXIS_ALPHA = 200
    """Axis lines' opacity, 0-255."""
    MIN_SIZE = (320, 240)
    PALETTE: dict | None = None
    """The view's colour table in :mod:`theme` (one entry per theme); None: the 3D view's."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(*self.MIN_SIZE)
        self.label_scale = 1.0  # exports scale text and points with the image
        self.point_scale = 1.0
        self.texts = TextCache()
        self._axes: LineItem | None = None
        self._press = None
        self._fly = CameraFlight(self)
        self.setBackgroundColor(self.colors["background"])
        self.reset_camera()
        theme.notifier().changed.connect(self._on_theme)

    # -- theme ---------------------------------------------------------------------
    @property
    def colors(self) -> dict:
        """The colours this view draws with now: :attr:`PALETTE`'s, else the 3D view's."""
        if self.PALETTE is None:
            return theme.VIEW3D_CURRENT
        return self.PALETTE[theme.current()]

    def _on_theme(self, _name: str) -> None:
        self.setBackgroundColor(self.colors["background"])
        self._push_axes()
        self.restyle()
        self.update()

    def restyle(self) -> None:
        """Push theme colours into the GL items again (after a theme change)."""

    # -- scale and exports ---------------------------------------------------------
    def set_scale(self, label_scale: float = 1.0, point_scale: float = 1.0) -> None:
        """Scale the text and the points (presentation text size; an export larger than the view).

        Then :meth:`restyle` pushes the sizes again (it measures labels, if the view has any).
        """
        self.label_scale, self.point_scale = float(label_scale), float(point_scale)
        self.texts.clear()  # measured and drawn again at the new size
        self.restyle()

    def copy_into(self, other: GLView) -> None:
        """Give ``other`` (an offscreen view of the same class) this view's picture.

        Views that export with :meth:`render_at` implement it
        (:func:`draws_offscreen` tells which do).
        """
        raise NotImplementedError(f"{type(self).__name__} cannot be drawn offscreen")

    def render_at(self, width: int, height: int) -> QImage:
        """Draw the view as it is now again at ``width`` × ``height`` pixels.

        Text and points grow with the size, so a view exported at 4K shows the
        same picture, sharp, instead of an upscaled screenshot.
        """
        grow = max(1.0, width / max(1, self.width()))
        view = offscreen_view(type(self), (width, height), 1.0, self.camera())
        try:
            view.set_scale(self.label_scale * grow, self.point_scale * grow)
            self.copy_into(view)
            return view.grabFramebuffer()
        finally:
            view.close()
            view.deleteLater()

    # -- items ---------------------------------------------------------------------
    def add_points(self, **style) -> PointCloudItem:
        """Add a point cloud item (``style``: see ``PointCloudItem.set_style``)."""
        item = PointCloudItem()
        if style:
            item.set_style(**style)
        self.addItem(item)
        return item

    def add_lines(self, width: float = 2.0, mode: str = "lines") -> LineItem:
        """Add an antialiased line item (``"lines"``: segment pairs, e.g. trails)."""
        item = LineItem(mode=mode, width=width, antialias=True)
        self.addItem(item)
        return item

    def add_axes(self) -> LineItem:
        """Add the x, y and z axis lines, in the theme's axis colours."""
        self._axes = self.add_lines(width=2)
        self._push_axes()
        return self._axes

    def _push_axes(self) -> None:
        if self._axes is None:
            return
        r = self.RADIUS * self.AXIS_LENGTH
        pts = np.array([[0, 0, 0], [r, 0, 0], [0, 0, 0], [0, r, 0], [0, 0, 0], [0, 0, r]],
                       dtype=np.float32)  # fmt: skip
        rgba = [(*c, self.AXIS_ALPHA) for c in self.colors["axis"]]
        cols = np.repeat(np.array(rgba, np.float32) / 255, 2, axis=0)
        self._axes.setData(pos=pts, color=cols)

    # -- camera --------------------------------------------------------------------
    def reset_camera(self) -> None:
        """Put the camera where the whole cloud is in view."""
        self._fly.stop()
        self._auto_distance = True
        elevation, azimuth = self.HOME
        self.setCameraPosition(distance=self.fit_distance(), elevation=elevation, azimuth=azimuth)
        self.opts["center"] = Vector(0, 0, 0)
        self.update()

    def fit_distance(self) -> float:
        """Camera distance at which the axes (and the cloud) fit this widget's shape.

        pyqtgraph's field of view is horizontal, so a wide view (a 16:10 export)
        sees less vertically and needs the camera further back.
        """
        w, h = max(self.width(), 1), max(self.height(), 1)
        half = np.tan(np.radians(self.opts["fov"] / 2)) * min(1.0, h / w)
        return float(self.FIT * self.RADIUS / half)

    def resizeEvent(self, ev) -> None:
        """Keep the whole cloud in view on resize until the user zooms."""
        super().resizeEvent(ev)
        if getattr(self, "_auto_distance", False):
            self.opts["distance"] = self.fit_distance()

    def wheelEvent(self, ev) -> None:
        """Zoom; from now on resizing keeps the user's distance."""
        self._auto_distance = False
        super().wheelEvent(ev)

    def camera(self) -> dict:
        """The camera as plain data; without the distance unless the user zoomed."""
        from embviz.gui.camera import camera_state

        state = camera_state(self)
        if self._auto_distance:
            state.pop("distance")
        return state

    def fly_center(self, target) -> None:
        """Move the camera's centre smoothly to world point ``target``."""
        self._fly.fly(target)

    # -- screen geometry -----------------------------------------------------------
    def mvp(self) -> np.ndarray:
        """The current projection·view matrix as a numpy 4×4 (row-major)."""
        vp = (0, 0, self.width(), self.height())
        return qmatrix_to_numpy(self.projectionMatrix(vp, vp) * self.viewMatrix())

    def project(self, points: np.ndarray):
        """Pixel position, depth and visibility of world ``points`` (see ``project_to_screen``)."""
        return project_to_screen(points, self.mvp(), self.width(), self.height())

    def index_at(self, pos: np.ndarray, x: float, y: float, radius: float = 12.0) -> int | None:
        """Index of the point of ``pos`` (world) under pixel (x, y); see :func:`nearest_point`."""
        return nearest_point(pos, self.mvp(), (self.width(), self.height()), x, y, radius)

    # -- text ----------------------------------------------------------------------
    def text_font(self, size: float, minimum: float = 0.0) -> QFont:
        """The widget's font at ``size`` points × :attr:`label_scale`, with CJK fallback."""
        f = with_cjk_fallback(QFont(self.font()))  # a Chinese corpus has Chinese words
        f.setPointSizeF(max(minimum, size * self.label_scale))
        return f

    def paint_labels(self, painter: QPainter, font: QFont, placed, halo: bool = False) -> None:
        """Draw ``placed`` labels, ``(x, baseline y, text, rgb)`` each, in ``font``.

        With ``halo`` an outline in the theme's ``"halo"`` colour goes first,
        under every label, so text reads where it crosses points and lines.
        """
        painter.setFont(font)
        ascent = QFontMetricsF(font).ascent()
        if halo:
            sprite, rgba = self.texts.sprite, tuple(self.colors["halo"])
            dpr, fkey = self.devicePixelRatioF(), font.key()
            for x, y, text, rgb in placed:
                img = sprite(text, font, fkey, tuple(rgb), rgba, dpr)
                painter.drawImage(QPointF(x - HALO_PAD, y - ascent - HALO_PAD), img)
            return
        static, fkey = self.texts.static, font.key()
        texts = [static(text, fkey) for _x, _y, text, _rgb in placed]  # one look-up each
        pens: dict[tuple, QPen] = {}
        for (x, y, _text, rgb), st in zip(placed, texts, strict=True):
            pen = pens.get(key := tuple(rgb))
            if pen is None:
                pen = pens[key] = QPen(QColor(*rgb))
            painter.setPen(pen)
            painter.drawStaticText(QPointF(x, y - ascent), st)

    def paint_text(self, painter: QPainter, x: float, y: float, text: str, rgb) -> None:
        """Draw one ``text`` with its baseline at (x, y) in the painter's font."""
        painter.setPen(QPen(QColor(*rgb)))
        painter.drawText(QPointF(x, y), text)

    def notes_height(self, n: int) -> float:
        """Pixels ``n`` lines of notes take at the bottom of the view."""
        return n * QFontMetricsF(self.text_font(9.0, minimum=7.0)).height() + 6.0 if n else 0.0

    def paint_notes(self, painter: QPainter, lines: list[str], legend=()) -> None:
        """Draw ``lines`` in the bottom-left corner, ``legend`` (name, rgb) top left."""
        font = self.text_font(9.0, minimum=7.0)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        info = self.colors["info"]
        y = self.height() - 6.0 - fm.descent()
        painter.setPen(QPen(QColor(*info)))
        for line in reversed(lines):
            text = fm.elidedText(line, Qt.TextElideMode.ElideRight, self.width() - 12)
            painter.drawText(QPointF(6.0, y), text)
            y -= fm.height()
        y = 6.0 + fm.ascent()
        for name, rgb in legend:
            painter.fillRect(6, int(y - fm.ascent() + 2), 10, 10, QColor(*rgb))
            self.paint_text(painter, 22.0, y + 1, name, info)
            y += fm.height()

    # -- mouse ---------------------------------------------------------------------
    def mousePressEvent(self, ev) -> None:
        """Remember where a press started, to tell a click from a drag."""
        self._press = ev.position()
        super().mousePressEvent(ev)

    def mouseReleaseEvent(self, ev) -> None:
        """A left click (not a drag) calls :meth:`clicked`."""
        super().mouseReleaseEvent(ev)
        if self._press is None or ev.button() != Qt.MouseButton.LeftButton:
            return
        moved = (ev.position() - self._press).manhattanLength()
        self._press = None
        if moved <= 3:
            self.clicked(ev.position().x(), ev.position().y())

    def clicked(self, x: float, y: float) -> None:
        """The user clicked pixel (x, y) (not a drag); a view may select what is there."""


def offscreen_view(cls: type[GLView], size: tuple[int, int], scale: float = 1.0,
                   camera: dict | None = None) -> GLView:  # fmt: skip
    """A view of class ``cls`` and ``size`` that is never shown on screen, for exports.

    A QApplication must exist (headless callers: :func:`embviz.gui.render.application`).
    """
    from embviz.gui.camera import set_camera

    app = QApplication.instance()
    view = cls()
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.setMinimumSize(1, 1)
    view.resize(*size)
    view.set_scale(scale, scale)
    view.show()
    app.processEvents()  # the resize fits the camera distance to the export's shape
    if camera:
        set_camera(view, camera)  # the view's angles (and its distance if the user zoomed)
    return view


def draws_offscreen(view) -> bool:
    """Whether ``view`` can draw its picture again at any size (:meth:`GLView.render_at`)."""
    return isinstance(view, GLView) and type(view).copy_into is not GLView.copy_into


def wrap_text(text: str, fm: QFontMetricsF, room: float) -> list[str]:
    """Lines of ``text`` no wider than ``room``: first at its " · " parts, then at spaces."""
    if fm.horizontalAdvance(text) <= room:
        return [text]
    lines = []
    for part in text.split(" · "):
        line = ""
        for word in part.split(" "):
            trial = f"{line} {word}" if line else word
            if line and fm.horizontalAdvance(trial) > room:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def paint_caption(view: GLView, painter: QPainter, text: str, *, halo: bool = False) -> list:
    """Paint ``text`` wrapped at the view's top left in its caption colour.

    Returns
    -------
    list
        The rectangle it covers, ``[(x0, y0, x1, y1)]``, for labels to keep clear
        of (empty when there is no caption).
    """
    if not text:
        return []
    font = view.text_font(10.5)
    fm = QFontMetricsF(font)
    lines = wrap_text(text, fm, max(view.width() - 16.0, 40.0))
    step = fm.lineSpacing()
    rgb = view.colors["caption"]
    placed = [(8.0, 6.0 + k * step + fm.ascent(), line, rgb) for k, line in enumerate(lines)]
    view.paint_labels(painter, font, placed, halo=halo)
    width = max(fm.horizontalAdvance(line) for line in lines)
    return [(4.0, 2.0, 12.0 + width, 10.0 + step * len(lines))]
