"""The Context panel's 3D view: every token of the sentences at one layer, in one frame.

It draws what the panel gives it: a :class:`~embviz.core.context.ContextResult`'s
frame (every token at every layer, one PCA frame for all layers), a fractional
layer ``t`` (playback interpolates between layers as the Train panel does
between snapshots) and the followed tokens, whose trails run from their
``static`` point (shared by every occurrence of a token) through each layer
to ``t``. Unlike the training view, the whole run has **one** scale: a point
that moves on screen moved in the frame. Colours are the theme's ``CONTEXT``
table (:mod:`embviz.gui.theme`): one per sentence.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QWidget

from embviz.core.frames import interpolate
from embviz.core.labels import place_labels
from embviz.gui import theme
from embviz.gui.glview import GLView, paint_caption

RADIUS = GLView.RADIUS


class ContextView(GLView):
    """Orbitable scatter of the tokens of some sentences at one (fractional) layer.

    Signals
    -------
    token_clicked(int)
        The user clicked a token's point (its flat index).
    """

    token_clicked = Signal(int)

    FIT = 1.2
    HOME = (18.0, 35.0)
    AXIS_LENGTH = 1.05
    AXIS_ALPHA = 150
    MIN_SIZE = (200, 150)
    PALETTE = theme.CONTEXT  # one colour per sentence, the followed tokens, labels, caption

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._trails = self.add_lines(width=2.5)
        self._points = self.add_points()
        self.add_axes()
        self.labels: list[str] = []
        self._sentence = np.zeros(0, np.intp)
        self._special = np.zeros(0, bool)
        self._coords: list[np.ndarray] = []
        self._scale = 1.0
        self._centre = np.zeros(3, np.float32)
        self._selected: tuple[int, ...] = ()
        self.t = 0.0
        self.positions = np.zeros((0, 3), np.float32)  # in the frame, unscaled
        self._pos = np.zeros((0, 3), np.float32)  # world coordinates (centred, scaled)
        self._sizes = np.zeros((0, 2))
        self.caption = ""
        self.frames_drawn = 0

    def restyle(self) -> None:
        """Colour points and trails in the new theme, sized for the label scale (``set_scale``)."""
        self._sizes = self.texts.sizes(self.labels, self._font())
        self._push()

    def set_result(self, coords, labels, sentence_of, special) -> None:
        """Show a run: ``coords`` ``(layers, tokens, 3)`` in its one frame, and each token's label.

        ``None`` coordinates clear the view.
        """
        if coords is None:
            self._coords, self.labels = [], []
            self._sentence, self._special = np.zeros(0, np.intp), np.zeros(0, bool)
            self._selected, self.positions = (), np.zeros((0, 3), np.float32)
            self._pos = self.positions
            self._points.set_data(pos_to=self._pos, color=np.zeros((0, 4)), size=np.zeros(0))
            self._trails.setData(pos=np.zeros((0, 3), np.float32))
            self.update()
            return
        c = np.asarray(coords, np.float32)
        self._coords = list(c)
        # One fixed map for all layers, so a point that moves on screen moved in the
        # frame: the box around every layer's points is centred and scaled to RADIUS.
        lo, hi = c.reshape(-1, 3).min(axis=0), c.reshape(-1, 3).max(axis=0)
        self._centre = ((lo + hi) / 2).astype(np.float32)
        self._scale = RADIUS / max(float((hi - lo).max()) / 2, 1e-12)
        self.labels = list(labels)
        self._sentence = np.asarray(sentence_of, np.intp)
        self._special = np.asarray(special, bool)
        self._sizes = self.texts.sizes(self.labels, self._font())
        self._selected = tuple(t for t in self._selected if t < len(self.labels))
        self.show_layer(min(self.t, len(self._coords) - 1.0))

    def set_selected(self, tokens) -> None:
        """The followed tokens: drawn larger, labelled first, with their trails."""
        self._selected = tuple(int(t) for t in tokens)
        self._push()

    def show_layer(self, t: float, caption: str | None = None) -> None:
        """Show layer position ``t`` (fractional: between two layers, interpolated)."""
        self.t = float(t)
        if caption is not None:
            self.caption = caption
        if not self._coords:
            self.update()
            return
        self.positions = np.asarray(interpolate(self._coords, self.t), np.float32)
        self._pos = self.to_world(self.positions)
        self._push()

    def to_world(self, coords: np.ndarray) -> np.ndarray:
        """Frame coordinates to world ones: the run's one centre and scale, for every layer."""
        return np.ascontiguousarray((coords - self._centre) * self._scale, dtype=np.float32)

    @property
    def world_positions(self) -> np.ndarray:
        """The points' world coordinates as handed to OpenGL (see :meth:`to_world`)."""
        return self._pos

    def trail(self, token: int) -> np.ndarray:
        """A token's path in world coordinates, from ``static`` to the layer shown."""
        i = int(np.floor(self.t + 1e-9))
        whole = [self._coords[k][token] for k in range(i + 1)]
        if self.t - i > 1e-9:
            whole.append(self.positions[token])
        return self.to_world(np.asarray(whole, np.float32))

    # -- drawing -------------------------------------------------------------------
    def _rgba(self, rgb, alpha: float = 0.95) -> tuple:
        return (*(x / 255 for x in rgb[:3]), alpha)

    def _push(self) -> None:
        n = len(self._pos)
        if n == 0 or n != len(self.labels):
            return
        c = self.colors
        sent = c["sentences"]
        colors = np.array([self._rgba(sent[s % len(sent)]) for s in self._sentence], np.float32)
        sizes = np.full(n, 9.0 * self.point_scale, np.float32)
        colors[self._special] = self._rgba(c["special"])
        sizes[self._special] = 6.0 * self.point_scale
        sel = [t for t in self._selected if t < n]
        sizes[sel] = 15.0 * self.point_scale
        self._points.set_data(pos_to=self._pos, color=colors, size=sizes)
        segments, seg_colors = [], []
        for t in sel:
            path = self.trail(t)
            if len(path) < 2:
                continue
            rgba = self._rgba(sent[self._sentence[t] % len(sent)], 0.9)
            segments.append(np.repeat(path, 2, axis=0)[1:-1])  # (a, b), (b, c), …
            seg_colors += [rgba] * (2 * (len(path) - 1))
        if segments:
            self._trails.setData(pos=np.concatenate(segments), color=np.array(seg_colors))
        else:
            self._trails.setData(pos=np.zeros((0, 3), np.float32))
        self.update()

    def _font(self) -> QFont:
        return self.text_font(9.5)

    def paintGL(self) -> None:
        """Draw the GL scene, then the caption and the labels in one QPainter pass."""
        super().paintGL()
        self.frames_drawn += 1
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            blocked = paint_caption(self, painter, self.caption, halo=True)
            if len(self._pos) and len(self._pos) == len(self.labels):
                self._paint_labels(painter, blocked)
        finally:
            painter.end()

    def _paint_labels(self, painter: QPainter, blocked) -> None:
        xy, depth, visible = self.project(self._pos)
        sel = [t for t in self._selected if t < len(self._pos)]
        rest = [int(i) for i in np.argsort(depth, kind="stable")
                if int(i) not in set(sel) and not self._special[i]]  # fmt: skip
        order = np.asarray([i for i in sel + rest if visible[i]], dtype=np.intp)
        offset = (7.0 * self.point_scale, -5.0 * self.point_scale)
        # the followed tokens' labels look for another place when theirs is taken (at
        # "static" all occurrences of a token share one point)
        placed = place_labels(xy, self._sizes, order, self.width(), self.height(), offset=offset,
                              max_labels=120, blocked=list(blocked),
                              important=len(sel))  # fmt: skip
        c = self.colors
        sent, chosen = c["sentences"], set(sel)
        first, others = [], []
        for i, x, y in placed:
            if i in chosen:
                first.append((x, y, self.labels[i], c["selected"]))
            else:
                others.append((x, y, self.labels[i], sent[self._sentence[i] % len(sent)]))
        self.paint_labels(painter, self._font(), others, halo=True)
        bold = self._font()
        bold.setBold(True)
        self.paint_labels(painter, bold, first, halo=True)

    # -- input and export --------------------------------------------------------------
    def clicked(self, x: float, y: float) -> None:
        """A click on a point follows (or stops following) that token."""
        i = self.index_at(self._pos, x, y)
        if i is not None:
            self.token_clicked.emit(i)

    def copy_into(self, other: ContextView) -> None:
        """Give ``other`` this view's run, selection, layer and caption (for exports)."""
        other.set_result(np.stack(self._coords) if self._coords else None, self.labels,
                         self._sentence, self._special)  # fmt: skip
        other.set_selected(self._selected)
        other.show_layer(self.t, self.caption)
