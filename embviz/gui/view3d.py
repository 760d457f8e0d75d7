"""The central 3D view: shown words as points, labels drawn in one overlay pass."""

from __future__ import annotations

import numpy as np
import pyqtgraph.opengl as gl
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QMatrix4x4, QPainter, QPen
from PySide6.QtWidgets import QWidget

from embviz.core.labels import place_labels, project_to_screen
from embviz.core.workspace import Workspace

# World radius the projected cloud is scaled to; the camera is set for it.
RADIUS = 10.0

THEME = {
    "background": (18, 20, 28),
    "point": (110, 170, 255, 230),
    "selected": (255, 170, 40, 255),
    "neighbor": (90, 230, 140, 255),
    "label": (235, 235, 240),
    "label_selected": (255, 200, 90),
    "axis": [(255, 110, 110), (110, 230, 120), (120, 160, 255)],
}


def _qmatrix_to_numpy(m: QMatrix4x4) -> np.ndarray:
    # QMatrix4x4.data() is column-major.
    return np.array(m.data(), dtype=np.float64).reshape(4, 4).T


class SceneView(gl.GLViewWidget):
    """Orbitable 3D scatter of the workspace's shown words.

    Parameters
    ----------
    workspace
        The model; the view redraws on its ``shown_changed`` and
        ``selection_changed`` signals and calls :meth:`Workspace.select` on click.
    """

    wordClicked = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.label_scale = 1.0
        self.setMinimumSize(320, 240)
        self.setBackgroundColor(THEME["background"])
        self._scatter = gl.GLScatterPlotItem(pxMode=True)
        self._scatter.setGLOptions("translucent")
        self.addItem(self._scatter)
        self._axes = gl.GLLinePlotItem(mode="lines", width=2, antialias=True)
        self.addItem(self._axes)
        self._pos = np.zeros((0, 3), dtype=np.float32)
        self._press = None
        self._label_sizes = np.zeros((0, 2))
        self.reset_camera()
        workspace.shown_changed.connect(self._on_shown)
        workspace.selection_changed.connect(self._on_selection)

    # -- model → pixels ------------------------------------------------------------
    def reset_camera(self) -> None:
        """Put the camera where the whole cloud is in view."""
        self.setCameraPosition(distance=3.2 * RADIUS, elevation=20, azimuth=45)
        self.opts["center"] = self.opts["center"] * 0

    def _on_shown(self) -> None:
        proj = self.workspace.projection
        if proj is None:
            self._pos = np.zeros((0, 3), dtype=np.float32)
        else:
            c = proj.coords
            scale = RADIUS / max(float(np.abs(c).max()), 1e-9)
            self._pos = np.ascontiguousarray(c * scale, dtype=np.float32)
        self._label_sizes = self._measure_labels()
        self._update_axes()
        self._update_points()

    def _on_selection(self, _word) -> None:
        self._update_points()

    def _font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(max(6.0, 10.0 * self.label_scale))
        return f

    def set_label_scale(self, scale: float) -> None:
        """Scale label text (presentation size); 1.0 is the normal size."""
        self.label_scale = float(scale)
        self._label_sizes = self._measure_labels()
        self.update()

    def _measure_labels(self) -> np.ndarray:
        fm = QFontMetricsF(self._font())
        words = self.workspace.shown_words
        return np.array([[fm.horizontalAdvance(w), fm.height()] for w in words]).reshape(-1, 2)

    def _colors(self) -> np.ndarray:
        n = len(self._pos)
        colors = np.tile(np.array(THEME["point"], np.float32) / 255, (n, 1))
        words = self.workspace.shown_words
        at = {w: i for i, w in enumerate(words)}
        for nb in self.workspace.neighbors:
            if nb.word in at:
                colors[at[nb.word]] = np.array(THEME["neighbor"], np.float32) / 255
        if self.workspace.selected in at:
            colors[at[self.workspace.selected]] = np.array(THEME["selected"], np.float32) / 255
        return colors

    def _update_points(self) -> None:
        n = len(self._pos)
        sizes = np.full(n, 9.0, dtype=np.float32)
        words = self.workspace.shown_words
        if self.workspace.selected in words:
            sizes[words.index(self.workspace.selected)] = 16.0
        self._scatter.setData(pos=self._pos, color=self._colors(), size=sizes)
        self.update()

    def _update_axes(self) -> None:
        r = RADIUS * 1.15
        pts = np.array([[0, 0, 0], [r, 0, 0], [0, 0, 0], [0, r, 0], [0, 0, 0], [0, 0, r]],
                       dtype=np.float32)  # fmt: skip
        cols = np.repeat(np.array([(*c, 200) for c in THEME["axis"]], np.float32) / 255, 2, axis=0)
        self._axes.setData(pos=pts, color=cols)

    # -- screen geometry -----------------------------------------------------------
    def mvp(self) -> np.ndarray:
        """The current projection·view matrix as a numpy 4×4."""
        vp = (0, 0, self.width(), self.height())
        return _qmatrix_to_numpy(self.projectionMatrix(vp, vp) * self.viewMatrix())

    def screen_positions(self):
        """Pixel position, depth and visibility of every shown point."""
        return project_to_screen(self._pos, self.mvp(), self.width(), self.height())

    def word_at(self, x: float, y: float, radius: float = 12.0) -> str | None:
        """Return the shown word whose point is nearest to pixel (x, y), within ``radius``."""
        if len(self._pos) == 0:
            return None
        xy, _depth, visible = self.screen_positions()
        d2 = ((xy[:, 0] - x) ** 2 + (xy[:, 1] - y) ** 2) + np.where(visible, 0, np.inf)
        i = int(np.argmin(d2))
        if d2[i] > radius * radius:
            return None
        return self.workspace.shown_words[i]

    # -- painting ------------------------------------------------------------------
    def paintGL(self) -> None:
        """Draw the GL scene, then all labels and axis names in one QPainter pass."""
        super().paintGL()
        if len(self._pos) == 0:
            return
        painter = QPainter(self)
        try:
            self._paint_labels(painter)
        finally:
            painter.end()

    def _label_order(self, visible: np.ndarray, depth: np.ndarray) -> np.ndarray:
        words = self.workspace.shown_words
        at = {w: i for i, w in enumerate(words)}
        first = []
        if self.workspace.selected in at:
            first.append(at[self.workspace.selected])
        first += [at[n.word] for n in self.workspace.neighbors if n.word in at]
        # then by frequency (row order in the file), nearest first among equals
        rows = self.workspace.shown_rows
        rest = np.lexsort((depth, rows))
        seen = set(first)
        order = [i for i in first if visible[i]] + [
            int(i) for i in rest if visible[i] and int(i) not in seen
        ]
        return np.asarray(order, dtype=np.intp)

    def _paint_labels(self, painter: QPainter) -> None:
        w, h = self.width(), self.height()
        xy, depth, visible = self.screen_positions()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = self._font()
        painter.setFont(font)
        words = self.workspace.shown_words
        order = self._label_order(visible, depth)
        placed = place_labels(xy, self._label_sizes, order, w, h)
        highlight = {self.workspace.selected} | {n.word for n in self.workspace.neighbors}
        shadow = QColor(0, 0, 0, 200)
        for i, x, y in placed:
            word = words[i]
            color = THEME["label_selected"] if word in highlight else THEME["label"]
            painter.setPen(QPen(shadow))
            painter.drawText(QPointF(x + 1, y + 1), word)
            painter.setPen(QPen(QColor(*color)))
            painter.drawText(QPointF(x, y), word)
        self._paint_axis_names(painter)

    def _paint_axis_names(self, painter: QPainter) -> None:
        proj = self.workspace.projection
        if proj is None:
            return
        r = RADIUS * 1.2
        ends = np.array([[r, 0, 0], [0, r, 0], [0, 0, r]], dtype=np.float64)
        xy, _, visible = project_to_screen(ends, self.mvp(), self.width(), self.height())
        font = self._font()
        font.setBold(True)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        for k in range(3):
            if not visible[k]:
                continue
            text = proj.labels[k]
            tw = fm.horizontalAdvance(text)
            x = min(max(xy[k, 0] - tw / 2, 2.0), self.width() - tw - 2)
            y = min(max(xy[k, 1], fm.height()), self.height() - 4.0)
            painter.setPen(QPen(QColor(*THEME["axis"][k])))
            painter.drawText(QPointF(x, y), text)

    # -- mouse ---------------------------------------------------------------------
    def mousePressEvent(self, ev) -> None:
        """Remember where a press started, to tell a click from a drag."""
        self._press = ev.position()
        super().mousePressEvent(ev)

    def mouseReleaseEvent(self, ev) -> None:
        """A click (not a drag) on a point selects its word."""
        super().mouseReleaseEvent(ev)
        if self._press is None or ev.button() != Qt.MouseButton.LeftButton:
            return
        moved = (ev.position() - self._press).manhattanLength()
        self._press = None
        if moved <= 3:
            word = self.word_at(ev.position().x(), ev.position().y())
            if word is not None:
                self.wordClicked.emit(word)
