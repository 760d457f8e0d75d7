"""The 3D view of a training run: watched words as points that move as they learn.

It draws whatever frame the Train panel gives it (already on a stable frame
and interpolated); it owns no training data. Labels are placed with the same
Qt-free maths as the main view (:mod:`embviz.core.labels`), in one QPainter
pass over the GL scene. Positions are rescaled per frame to a fixed radius,
so the tiny initial vectors are as visible as the trained ones.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph.opengl as gl
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QStaticText
from PySide6.QtWidgets import QWidget

from embviz.core.labels import place_labels, project_to_screen
from embviz.gui.gl_points import LineItem, PointCloudItem

RADIUS = 10.0
BACKGROUND = (18, 20, 28)
AXIS_COLORS = [(255, 110, 110), (110, 230, 120), (120, 160, 255)]
HIGHLIGHT = (255, 190, 60)
# Colours of the shipped corpus' word groups; other words get DEFAULT.
GROUP_COLORS = {
    "male": (90, 160, 255), "female": (255, 110, 170), "royal": (200, 170, 255),
    "family": (200, 170, 255), "animal": (110, 220, 120), "animals": (30, 150, 90),
    "number": (240, 220, 90), "country": (255, 150, 60), "capital": (170, 110, 60),
}  # fmt: skip
DEFAULT = (150, 185, 255)


class TrainingView(gl.GLViewWidget):
    """Orbitable scatter of the watched words of one training run."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(240, 200)
        self.setBackgroundColor(BACKGROUND)
        # The main view's GL items: per-context shaders, opaque round sprites.
        self._points = PointCloudItem()
        self.addItem(self._points)
        self._axes = LineItem(mode="lines", width=2, antialias=True)
        self.addItem(self._axes)
        r = RADIUS * 1.1
        ends = np.array([[0, 0, 0], [r, 0, 0], [0, 0, 0], [0, r, 0], [0, 0, 0], [0, 0, r]])
        cols = np.repeat(np.array([(*c, 170) for c in AXIS_COLORS], np.float32) / 255, 2, axis=0)
        self._axes.setData(pos=ends.astype(np.float32), color=cols)
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

    def reset_camera(self) -> None:
        """Put the camera where the whole cloud is in view."""
        self.setCameraPosition(distance=3.4 * RADIUS, elevation=22, azimuth=40)
        self.opts["center"] = self.opts["center"] * 0

    def set_words(self, words: list[str], groups: dict[str, str] | None = None) -> None:
        """Set the words a run watches (and their colour groups); clears the points."""
        self.words = list(words)
        groups = groups or {}
        self._groups = [groups.get(w, "") for w in self.words]
        fm = QFontMetricsF(self._font())
        self._sizes = np.array([[fm.horizontalAdvance(w), fm.height()] for w in self.words])
        self._sizes = self._sizes.reshape(-1, 2)
        self._pos = np.zeros((0, 3), np.float32)
        self._points.set_data(pos_to=self._pos, color=np.zeros((0, 4)), size=np.zeros(0))
        self.update()

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
        sizes = np.full(n, 8.0, np.float32)
        for i, (w, g) in enumerate(zip(self.words, self._groups, strict=True)):
            rgb = HIGHLIGHT if w in self._highlight else GROUP_COLORS.get(g, DEFAULT)
            colors[i] = (*(x / 255 for x in rgb), 0.95)
            if w in self._highlight:
                sizes[i] = 13.0
        self._points.set_data(pos_to=self._pos, color=colors, size=sizes)
        self.update()

    def _font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(9.0)
        return f

    def mvp(self) -> np.ndarray:
        """The current projection·view matrix as a numpy 4×4 (row-major)."""
        vp = (0, 0, self.width(), self.height())
        m = self.projectionMatrix(vp, vp) * self.viewMatrix()
        return np.array(m.data(), dtype=np.float64).reshape(4, 4).T

    def paintGL(self) -> None:
        """Draw the GL scene, then labels, axis names and the caption in one pass."""
        super().paintGL()
        self.frames_drawn += 1
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            if len(self._pos) == len(self.words) and len(self._pos):
                self._paint_labels(painter)
            self._paint_axes(painter)
            if self.caption:
                painter.setFont(self._font())
                painter.setPen(QPen(QColor(225, 228, 238)))
                painter.drawStaticText(QPointF(8, 6), self._text(self.caption))
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

    def _paint_labels(self, painter: QPainter) -> None:
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
        plain, bright = QPen(QColor(232, 232, 238)), QPen(QColor(*HIGHLIGHT))
        for i, x, y in place_labels(xy, self._sizes, order, w, h, max_labels=200):
            word = self.words[i]
            painter.setPen(bright if word in self._highlight else plain)
            painter.drawStaticText(QPointF(x, y - ascent), self._text(word))

    def _paint_axes(self, painter: QPainter) -> None:
        if not any(self.axis_labels):
            return
        r = RADIUS * 1.18
        ends = np.array([[r, 0, 0], [0, r, 0], [0, 0, r]], dtype=np.float64)
        xy, _, visible = project_to_screen(ends, self.mvp(), self.width(), self.height())
        font = self._font()
        font.setBold(True)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        for k in range(3):
            if not visible[k]:
                continue
            text = self.axis_labels[k]
            tw = fm.horizontalAdvance(text)
            x = min(max(xy[k, 0] - tw / 2, 2.0), self.width() - tw - 2)
            y = min(max(xy[k, 1], fm.height() + 40), self.height() - 4.0)
            painter.setPen(QPen(QColor(*AXIS_COLORS[k])))
            painter.drawStaticText(QPointF(x, y - fm.ascent()), self._text(text))
