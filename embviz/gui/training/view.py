"""The 3D view of a training run: watched words as points that move as they learn.

It draws whatever frame the Train panel gives it (already on a stable frame
and interpolated); it owns no training data. Labels are placed with the same
Qt-free maths as the main view (:mod:`embviz.core.labels`), in one QPainter
pass over the GL scene. Positions are rescaled per frame to a fixed radius,
so the tiny initial vectors are as visible as the trained ones. Colours follow
the window's theme (:mod:`embviz.gui.theme`).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph.opengl as gl
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QStaticText
from PySide6.QtWidgets import QWidget

from embviz.core.labels import place_labels, project_to_screen
from embviz.gui import theme
from embviz.gui.fonts import with_cjk_fallback
from embviz.gui.gl_points import LineItem, PointCloudItem

RADIUS = 10.0
# Per theme (in embviz.gui.theme, with every other colour): background, axes,
# the corpus' word groups and the rest, labels and the caption.
COLORS = theme.TRAINING


class TrainingView(gl.GLViewWidget):
    """Orbitable scatter of the watched words of one training run."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(240, 200)
        self.colors = COLORS[theme.current()]
        self.label_scale = 1.0  # exports scale text and points with the image
        self.point_scale = 1.0
        self.setBackgroundColor(self.colors["background"])
        # The main view's GL items: per-context shaders, opaque round sprites.
        self._points = PointCloudItem()
        self.addItem(self._points)
        self._axes = LineItem(mode="lines", width=2, antialias=True)
        self.addItem(self._axes)
        self._push_axes()
        self.words: list[str] = []
        self._groups: list[str] = []
        self._pos = np.zeros((0, 3), np.float32)
        self._sizes = np.zeros((0, 2))
        self._highlight: set[str] = set()
        self.axis_labels: tuple[str, str, str] = ("", "", "")
        self.caption = ""
        self.frames_drawn = 0
        self._static: dict[str, QStaticText] = {}
        self.reset_camera()
        theme.notifier().changed.connect(self._on_theme)

    def _on_theme(self, name: str) -> None:
        self.colors = COLORS[name]
        self.setBackgroundColor(self.colors["background"])
        self._push_axes()
        self._push_points()
        self.update()

    def _push_axes(self) -> None:
        r = RADIUS * 1.1
        ends = np.array([[0, 0, 0], [r, 0, 0], [0, 0, 0], [0, r, 0], [0, 0, 0], [0, 0, r]])
        axis = self.colors["axis"]
        cols = np.repeat(np.array([(*c, 170) for c in axis], np.float32) / 255, 2, axis=0)
        self._axes.setData(pos=ends.astype(np.float32), color=cols)

    def set_scale(self, label_scale: float = 1.0, point_scale: float = 1.0) -> None:
        """Scale the text and the points (an export larger than the panel uses it)."""
        self.label_scale, self.point_scale = float(label_scale), float(point_scale)
        self._static.clear()
        self._measure_words()
        self._push_points()

    def reset_camera(self) -> None:
        """Put the camera where the whole cloud is in view."""
        self._auto_distance = True
        self.setCameraPosition(distance=self.fit_distance(), elevation=22, azimuth=40)
        self.opts["center"] = self.opts["center"] * 0

    def fit_distance(self) -> float:
        """Camera distance at which the axes and their names fit this widget's shape.

        pyqtgraph's field of view is horizontal, so a wide view (a 16:10 export)
        sees less vertically and needs the camera further back.
        """
        w, h = max(self.width(), 1), max(self.height(), 1)
        half = np.tan(np.radians(self.opts["fov"] / 2)) * min(1.0, h / w)
        return float(1.45 * RADIUS / half)

    def resizeEvent(self, ev) -> None:
        """Keep everything in view on resize until the user zooms."""
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

    def set_words(self, words: list[str], groups: dict[str, str] | None = None) -> None:
        """Set the words a run watches (and their colour groups); clears the points."""
        self.words = list(words)
        groups = groups or {}
        self._groups = [groups.get(w, "") for w in self.words]
        self._measure_words()
        self._pos = np.zeros((0, 3), np.float32)
        self._points.set_data(pos_to=self._pos, color=np.zeros((0, 4)), size=np.zeros(0))
        self.update()

    @classmethod
    def offscreen(cls, size: tuple[int, int], scale: float, camera: dict | None = None):
        """A view of ``size`` that is never shown on screen, for exports."""
        from embviz.gui.camera import set_camera
        from embviz.gui.render import application

        app = application()
        view = cls()
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        view.setMinimumSize(1, 1)
        view.resize(*size)
        view.set_scale(scale, scale)
        view.show()
        app.processEvents()  # the resize fits the camera distance to the export's shape
        if camera:
            set_camera(view, camera)  # the panel's angles (and its distance if the user zoomed)
        return view

    def render_at(self, width: int, height: int) -> QImage:
        """Draw the view as it is now again at ``width`` × ``height`` pixels.

        Text and points grow with the size, so a panel exported at 4K shows
        the same picture, sharp, instead of an upscaled screenshot.
        """
        grow = max(1.0, width / max(1, self.width()))
        view = TrainingView.offscreen((width, height), 1.0, self.camera())
        try:
            view.set_scale(self.label_scale * grow, self.point_scale * grow)
            view.set_words(self.words, dict(zip(self.words, self._groups, strict=True)))
            view.set_highlight(self._highlight)
            view.set_frame(self._pos, self.axis_labels, self.caption)
            return view.grabFramebuffer()
        finally:
            view.close()
            view.deleteLater()

    def _measure_words(self) -> None:
        fm = QFontMetricsF(self._font())
        self._sizes = np.array([[fm.horizontalAdvance(w), fm.height()] for w in self.words])
        self._sizes = self._sizes.reshape(-1, 2)

    def set_highlight(self, words) -> None:
        """Words drawn larger, in the highlight colour, and labelled first."""
        self._highlight = set(words)
        self._push_points()

    def set_frame(self, coords: np.ndarray, axis_labels=None, caption: str | None = None) -> None:
        """Show one frame: ``(n, 3)`` positions of :attr:`words` on the stable frame."""
        c = np.asarray(coords, np.float32)
        scale = RADIUS / max(float(np.abs(c).max()) if len(c) else 1.0, 1e-12)
        self._pos = np.ascontiguousarray(c * scale, dtype=np.float32)
        if axis_labels is not None:
            self.axis_labels = tuple(axis_labels)
        if caption is not None:
            self.caption = caption
        self._push_points()

    def _push_points(self) -> None:
        n = len(self._pos)
        if n == 0 or n != len(self.words):
            return
        colors = np.empty((n, 4), np.float32)
        sizes = np.full(n, 8.0 * self.point_scale, np.float32)
        c = self.colors
        for i, (w, g) in enumerate(zip(self.words, self._groups, strict=True)):
            rgb = c["highlight"] if w in self._highlight else c["groups"].get(g, c["default"])
            colors[i] = (*(x / 255 for x in rgb), 0.95)
            if w in self._highlight:
                sizes[i] = 13.0 * self.point_scale
        self._points.set_data(pos_to=self._pos, color=colors, size=sizes)
        self.update()

    def _font(self) -> QFont:
        f = with_cjk_fallback(QFont(self.font()))  # a Chinese corpus has Chinese words
        f.setPointSizeF(9.0 * self.label_scale)
        return f

    def mvp(self) -> np.ndarray:
        """The current projection·view matrix as a numpy 4×4 (row-major)."""
        vp = (0, 0, self.width(), self.height())
        m = self.projectionMatrix(vp, vp) * self.viewMatrix()
        return np.array(m.data(), dtype=np.float64).reshape(4, 4).T

    def _caption_font(self) -> QFont:
        f = self._font()
        f.setPointSizeF(10.5 * self.label_scale)
        return f

    def paintGL(self) -> None:
        """Draw the GL scene, then the caption, axis names and labels in one pass.

        Caption and axis names are placed first; word labels keep clear of them.
        """
        super().paintGL()
        self.frames_drawn += 1
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            blocked = []
            if self.caption:
                font = self._caption_font()
                fm = QFontMetricsF(font)
                painter.setFont(font)
                painter.setPen(QPen(QColor(*self.colors["caption"])))
                lines = _wrap(self.caption, fm, max(self.width() - 16.0, 40.0))
                for k, line in enumerate(lines):
                    painter.drawStaticText(QPointF(8, 6 + k * fm.lineSpacing()), self._text(line))
                width = max(fm.horizontalAdvance(line) for line in lines)
                blocked.append((4.0, 2.0, 12.0 + width, 10.0 + fm.lineSpacing() * len(lines)))
            blocked += self._paint_axes(painter, top=blocked[0][3] + 4 if blocked else 4.0)
            if len(self._pos) == len(self.words) and len(self._pos):
                self._paint_labels(painter, blocked)
        finally:
            painter.end()

    def _text(self, text: str) -> QStaticText:
        # QPainter.drawText draws nothing under the GL paint engine here (Mesa,
        # PySide6 6.11); QStaticText works, as in the main view. Cached per string.
        st = self._static.get(text)
        if st is None:
            if len(self._static) > 2000:
                self._static.clear()
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            self._static[text] = st
        return st

    def _paint_labels(self, painter: QPainter, blocked=()) -> None:
        w, h = self.width(), self.height()
        xy, depth, visible = project_to_screen(self._pos, self.mvp(), w, h)
        first = [i for i, word in enumerate(self.words) if word in self._highlight]
        rest = [i for i in np.argsort(depth, kind="stable") if i not in set(first)]
        order = np.asarray([i for i in first + rest if visible[i]], dtype=np.intp)
        font = self._font()
        painter.setFont(font)
        ascent = QFontMetricsF(font).ascent()
        # No drop shadow: light text on the dark background reads well, and each
        # text draw costs ~0.2 ms under software GL, every animation frame.
        plain = QPen(QColor(*self.colors["label"]))
        bright = QPen(QColor(*self.colors["highlight"]))
        offset = (6.0 * self.point_scale, -4.0 * self.point_scale)  # clear of the bigger sprites
        placed = place_labels(xy, self._sizes, order, w, h, offset=offset, max_labels=200,
                              blocked=list(blocked))  # fmt: skip
        for i, x, y in placed:
            word = self.words[i]
            painter.setPen(bright if word in self._highlight else plain)
            painter.drawStaticText(QPointF(x, y - ascent), self._text(word))

    def _paint_axes(self, painter: QPainter, top: float = 4.0) -> list[tuple]:
        """Draw the axis names beyond the axis tips, below ``top``; return their boxes."""
        if not any(self.axis_labels):
            return []
        r = RADIUS * 1.18
        ends = np.array([[r, 0, 0], [0, r, 0], [0, 0, r]], dtype=np.float64)
        xy, _, visible = project_to_screen(ends, self.mvp(), self.width(), self.height())
        font = self._font()
        font.setBold(True)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        boxes = []
        for k in range(3):
            if not visible[k]:
                continue
            text = self.axis_labels[k]
            tw = fm.horizontalAdvance(text)
            x = min(max(xy[k, 0] - tw / 2, 2.0), self.width() - tw - 2)
            y = min(max(xy[k, 1], top + fm.ascent()), self.height() - 4.0 - fm.descent())
            painter.setPen(QPen(QColor(*self.colors["axis"][k])))
            painter.drawStaticText(QPointF(x, y - fm.ascent()), self._text(text))
            boxes.append((x - 2, y - fm.ascent() - 2, x + tw + 2, y + fm.descent() + 2))
        return boxes


def _wrap(text: str, fm: QFontMetricsF, room: float) -> list[str]:
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
