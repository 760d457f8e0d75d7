"""The Compare panel's 3D view: both spaces aligned in one slice, A→B lines, a legend.

It draws the :class:`~embviz.core.compare_model.AlignedSlice` it is given (A
aligned onto B, both projected on the same axes) and owns no data. A and B
are two point clouds in the theme's ``COMPARE`` colours; the selected word
gets a thick line from its A position to its B position (with nothing
selected, every shown word gets a thin one, so the picture shows what moved);
the selected word and its neighbours in A and in B are labelled. Camera, text
cache, axes and theme come from :class:`~embviz.gui.glview.GLView`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QWidget

from embviz.core.compare_model import AlignedSlice, SideBySide
from embviz.core.labels import place_labels
from embviz.gui import theme
from embviz.gui.glview import GLView

RADIUS = GLView.RADIUS
UNSELECTED_LABELS = 12  # with nothing selected, the most moved words are named


class CompareView(GLView):
    """Orbitable picture of two aligned spaces; a click on a point emits its word.

    Signals
    -------
    wordClicked(str)
        The user clicked the point of a word (in A or in B).
    """

    wordClicked = Signal(str)
    FIT = 1.15
    HOME = (22.0, 40.0)
    AXIS_LENGTH = 1.1
    AXIS_ALPHA = 150
    MIN_SIZE = (240, 180)
    PALETTE = theme.COMPARE  # A, B, the A→B line, labels and legend text

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._lines = self.add_lines(width=1.5)
        self._a_points = self.add_points()
        self._b_points = self.add_points()
        self.add_axes()
        self.slice: AlignedSlice | None = None
        self.selected: SideBySide | None = None
        self.names = ("A", "B")
        self.a_pos = np.zeros((0, 3), np.float32)
        self.b_pos = np.zeros((0, 3), np.float32)
        self.line_pos = np.zeros((0, 3), np.float32)
        self.message = ""  # said in the middle of an empty view
        self.frames_drawn = 0

    def restyle(self) -> None:
        """Colour the points and lines in the new theme."""
        self._push()

    def set_names(self, a: str, b: str) -> None:
        """What the legend calls the two spaces."""
        self.names = (a, b)
        self.update()

    def show_slice(self, aligned: AlignedSlice | None, selected: SideBySide | None = None) -> None:
        """Show ``aligned`` (``None``: nothing compared yet), with ``selected`` labelled."""
        self.slice, self.selected = aligned, selected
        if aligned is None or not len(aligned.words):
            self.a_pos = self.b_pos = np.zeros((0, 3), np.float32)
        else:
            both = np.concatenate([aligned.a, aligned.b])
            # a few far-out words may leave the sphere; the bulk fills the view
            reach = float(np.percentile(np.linalg.norm(both, axis=1), 95))
            scale = RADIUS / max(reach, 1e-12)
            self.a_pos = np.ascontiguousarray(aligned.a * scale, dtype=np.float32)
            self.b_pos = np.ascontiguousarray(aligned.b * scale, dtype=np.float32)
        self._push()

    def position(self, word: str) -> np.ndarray | None:
        """The world point between ``word``'s A and B positions (where to fly), if shown."""
        if self.slice is None or word not in self.slice.words:
            return None
        i = self.slice.words.index(word)
        return (self.a_pos[i] + self.b_pos[i]) / 2

    # -- drawing -------------------------------------------------------------------
    def _sizes(self) -> np.ndarray:
        n = len(self.a_pos)
        sizes = np.full(n, 7.0 * self.point_scale, np.float32)
        if self.selected is not None and self.slice is not None:
            near = {x.word for x in (*self.selected.in_a, *self.selected.in_b)}
            for i, w in enumerate(self.slice.words):
                if w == self.selected.word:
                    sizes[i] = 14.0 * self.point_scale
                elif w in near:
                    sizes[i] = 10.0 * self.point_scale
        return sizes

    def _push(self) -> None:
        c = self.colors
        n = len(self.a_pos)
        sizes = self._sizes()
        for item, pos, rgb in ((self._a_points, self.a_pos, c["a"]),
                               (self._b_points, self.b_pos, c["b"])):  # fmt: skip
            color = np.tile(np.array([*(v / 255 for v in rgb[:3]), 0.95], np.float32), (n, 1))
            item.set_data(pos_to=pos, color=color, size=sizes)
        if n and self.selected is not None and self.slice is not None:
            i = self.slice.words.index(self.selected.word)
            rows, width = [i], 3.5
        else:
            rows, width = list(range(n)), 1.2
        pts = np.empty((2 * len(rows), 3), np.float32)
        pts[0::2], pts[1::2] = self.a_pos[rows], self.b_pos[rows]
        self.line_pos = pts
        rgba = np.array(c["line"], np.float32) / 255
        if len(rgba) == 3:
            rgba = np.append(rgba, 1.0)
        self._lines.setData(pos=pts, color=np.tile(rgba, (len(pts), 1)), width=width)
        self.update()

    def _font(self) -> QFont:
        return self.text_font(9.5)

    def paintGL(self) -> None:
        """Draw the GL scene, then legend, notes and labels in one QPainter pass."""
        super().paintGL()
        self.frames_drawn += 1
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            c = self.colors
            legend = [(self.names[0], c["a"]), (self.names[1], c["b"]),
                      (QCoreApplication.translate("CompareView", "A→B: where a word moved"),
                       c["line"][:3])]  # fmt: skip
            notes = [
                QCoreApplication.translate(
                    "CompareView", "Drag to rotate · click a point to compare its neighbours"
                )
            ]
            if self.message and not len(self.a_pos):
                notes = [self.message]
            self.paint_notes(painter, notes, legend if len(self.a_pos) else ())
            if len(self.a_pos):
                self._paint_labels(painter)
        finally:
            painter.end()

    def _labelled(self) -> list[tuple[np.ndarray, str, tuple]]:
        """(world point, text, colour) of each label, most important first."""
        c, s, words = self.colors, self.selected, self.slice.words
        out = []
        if s is None:
            for i in range(min(UNSELECTED_LABELS, len(words))):
                out.append((self.a_pos[i], words[i], c["label"]))
            return out
        i = words.index(s.word)
        out += [(self.a_pos[i], s.word, c["label_selected"]),
                (self.b_pos[i], s.word, c["label_selected"])]  # fmt: skip
        for near, pos, rgb in ((s.in_a, self.a_pos, c["a"]), (s.in_b, self.b_pos, c["b"])):
            for n in near:
                if n.word in words:
                    out.append((pos[words.index(n.word)], n.word, rgb))
        return out

    def _paint_labels(self, painter: QPainter) -> None:
        labelled = self._labelled()
        if not labelled:
            return
        font = self._font()
        xy, _depth, visible = self.project(np.array([p for p, _, _ in labelled], np.float64))
        sizes = self.texts.sizes([t for _, t, _ in labelled], font)
        order = np.asarray([i for i in range(len(labelled)) if visible[i]], dtype=np.intp)
        legend_h = 3 * self.notes_height(1) + 8
        placed = place_labels(xy, sizes, order, self.width(), self.height(),
                              offset=(7.0 * self.point_scale, -4.0 * self.point_scale),
                              max_labels=60, blocked=[(0.0, 0.0, 260.0, legend_h)])  # fmt: skip
        self.paint_labels(painter, font, [(x, y, labelled[i][1], labelled[i][2])
                                          for i, x, y in placed], halo=True)  # fmt: skip

    # -- interaction ---------------------------------------------------------------
    def clicked(self, x: float, y: float) -> None:
        """A click on a point (its A or its B position) emits its word."""
        if self.slice is None or not len(self.a_pos):
            return
        both = np.concatenate([self.a_pos, self.b_pos])
        i = self.index_at(both, x, y)
        if i is not None:
            self.wordClicked.emit(self.slice.words[i % len(self.a_pos)])

    # -- export --------------------------------------------------------------------
    def copy_into(self, other: CompareView) -> None:
        """Give ``other`` this view's names, slice and selection (for exports)."""
        other.set_names(*self.names)
        other.show_slice(self.slice, self.selected)
