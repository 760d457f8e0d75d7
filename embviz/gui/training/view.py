"""The 3D view of a training run: watched words as points that move as they learn.

It draws whatever frame the Train panel gives it (already on a stable frame
and interpolated); it owns no training data. Camera, text cache, axes and
theme come from :class:`~embviz.gui.glview.GLView`; labels are placed with the
same Qt-free maths as the main view (:mod:`embviz.core.labels`), in one
QPainter pass over the GL scene. Positions are rescaled per frame to a fixed
radius, so the tiny initial vectors are as visible as the trained ones.
Colours are the theme's ``TRAINING`` table (:mod:`embviz.gui.theme`).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from embviz.core.labels import place_labels
from embviz.gui import theme
from embviz.gui.glview import GLView, paint_caption

RADIUS = GLView.RADIUS


class TrainingView(GLView):
    """Orbitable scatter of the watched words of one training run."""

    FIT = 1.45
    HOME = (22.0, 40.0)
    AXIS_LENGTH = 1.1
    AXIS_ALPHA = 170
    MIN_SIZE = (240, 200)
    PALETTE = theme.TRAINING  # the corpus' word groups and the rest, labels and caption

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # The main view's GL items: per-context shaders, opaque round sprites.
        self._points = self.add_points()
        self.add_axes()
        self.words: list[str] = []
        self._groups: list[str] = []
        self._pos = np.zeros((0, 3), np.float32)
        self._sizes = np.zeros((0, 2))
        self._highlight: set[str] = set()
        self.axis_labels: tuple[str, str, str] = ("", "", "")
        self.caption = ""
        self.frames_drawn = 0

    def restyle(self) -> None:
        """Colour the points in the new theme, sized for the label scale (``set_scale``)."""
        self._measure_words()
        self._push_points()

    def set_words(self, words: list[str], groups: dict[str, str] | None = None) -> None:
        """Set the words a run watches (and their colour groups); clears the points."""
        self.words = list(words)
        groups = groups or {}
        self._groups = [groups.get(w, "") for w in self.words]
        self._measure_words()
        self._pos = np.zeros((0, 3), np.float32)
        self._points.set_data(pos_to=self._pos, color=np.zeros((0, 4)), size=np.zeros(0))
        self.update()

    def copy_into(self, other: TrainingView) -> None:
        """Give ``other`` this view's words, highlights and frame (for exports)."""
        other.set_words(self.words, dict(zip(self.words, self._groups, strict=True)))
        other.set_highlight(self._highlight)
        other.set_frame(self._pos, self.axis_labels, self.caption)

    def _measure_words(self) -> None:
        self._sizes = self.texts.sizes(self.words, self._font())

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
        return self.text_font(9.0)

    def paintGL(self) -> None:
        """Draw the GL scene, then the caption, axis names and labels in one pass.

        Caption and axis names are placed first; word labels keep clear of them.
        """
        super().paintGL()
        self.frames_drawn += 1
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            blocked = paint_caption(self, painter, self.caption)
            blocked += self._paint_axes(painter, top=blocked[0][3] + 4 if blocked else 4.0)
            if len(self._pos) == len(self.words) and len(self._pos):
                self._paint_labels(painter, blocked)
        finally:
            painter.end()

    def _paint_labels(self, painter: QPainter, blocked=()) -> None:
        w, h = self.width(), self.height()
        xy, depth, visible = self.project(self._pos)
        first = [i for i, word in enumerate(self.words) if word in self._highlight]
        rest = [i for i in np.argsort(depth, kind="stable") if i not in set(first)]
        order = np.asarray([i for i in first + rest if visible[i]], dtype=np.intp)
        offset = (6.0 * self.point_scale, -4.0 * self.point_scale)  # clear of the bigger sprites
        placed = place_labels(xy, self._sizes, order, w, h, offset=offset, max_labels=200,
                              blocked=list(blocked))  # fmt: skip
        c = self.colors
        labels = []
        for i, x, y in placed:
            word = self.words[i]
            labels.append((x, y, word, c["highlight"] if word in self._highlight else c["label"]))
        # No halo: light text on the dark background reads well, and each text
        # draw costs ~0.2 ms under software GL, every animation frame.
        self.paint_labels(painter, self._font(), labels)

    def _paint_axes(self, painter: QPainter, top: float = 4.0) -> list[tuple]:
        """Draw the axis names beyond the axis tips, below ``top``; return their boxes."""
        if not any(self.axis_labels):
            return []
        r = RADIUS * 1.18
        xy, _, visible = self.project(np.array([[r, 0, 0], [0, r, 0], [0, 0, r]], np.float64))
        font = self._font()
        font.setBold(True)
        fm = QFontMetricsF(font)
        boxes, labels = [], []
        for k in range(3):
            if not visible[k]:
                continue
            text = self.axis_labels[k]
            tw = fm.horizontalAdvance(text)
            x = min(max(xy[k, 0] - tw / 2, 2.0), self.width() - tw - 2)
            y = min(max(xy[k, 1], top + fm.ascent()), self.height() - 4.0 - fm.descent())
            labels.append((x, y, text, self.colors["axis"][k]))
            boxes.append((x - 2, y - fm.ascent() - 2, x + tw + 2, y + fm.descent() + 2))
        self.paint_labels(painter, font, labels)
        return boxes
