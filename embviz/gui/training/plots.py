"""The Train panel's two curves: per-epoch loss and chosen pairs' cosine over time.

Background, axes and legend follow the window's theme (:mod:`embviz.gui.theme`);
the curves take the theme's colours, which read on its background.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from embviz.gui import theme


def pair_color(k: int) -> tuple[int, int, int]:
    """Colour of the ``k``-th pair's curve in the current theme."""
    colors = theme.colors()["pairs"]
    return colors[k % len(colors)]


def _cursor_pen():
    return pg.mkPen(theme.colors()["cursor"], width=1)


class LossPlot(pg.PlotWidget):
    """Loss of every completed epoch, with a marker at the time on screen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.style_plot(self)
        self.setMinimumHeight(120)
        self.showGrid(x=True, y=True, alpha=0.25)
        self.setLabel("bottom", self.tr("epoch"))
        self.setLabel("left", self.tr("loss per epoch"))
        self.setMenuEnabled(False)
        self.curve = self.plot(symbol="o", symbolSize=6)
        self.cursor = pg.InfiniteLine(angle=90)
        self.addItem(self.cursor)
        self._restyle()
        theme.notifier().changed.connect(self._restyle)

    def _restyle(self, _name: str = "") -> None:
        color = theme.colors()["loss"]
        self.curve.setPen(pg.mkPen(color, width=2))
        self.curve.setSymbolBrush(color)
        self.curve.setSymbolPen(color)
        self.cursor.setPen(_cursor_pen())

    def set_exact(self, exact: bool) -> None:
        """Say on the axis whether the loss is exact (one worker) or approximate."""
        self.setLabel(
            "left",
            self.tr("loss per epoch") if exact else self.tr("loss per epoch (≈, 2+ workers)"),
        )

    def set_losses(self, losses) -> None:
        """Plot ``losses[i]`` at epoch ``i + 1``."""
        y = np.asarray(losses, dtype=np.float64)
        self.curve.setData(np.arange(1, len(y) + 1, dtype=np.float64), y)

    def set_time(self, epoch: float) -> None:
        """Move the marker to ``epoch``."""
        self.cursor.setValue(epoch)


class SimilarityPlot(pg.PlotWidget):
    """Cosine similarity of chosen word pairs at every snapshot."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(120)
        self.showGrid(x=True, y=True, alpha=0.25)
        self.setLabel("bottom", self.tr("epoch"))
        self.setLabel("left", self.tr("cosine"))
        self.setMenuEnabled(False)
        self.setYRange(-1.0, 1.0)
        self.legend = self.addLegend(offset=(-8, -8), colCount=4)
        theme.style_plot(self)
        self.cursor = pg.InfiniteLine(angle=90, pen=_cursor_pen())
        self.addItem(self.cursor)
        self.curves: list[pg.PlotDataItem] = []
        self.names: list[str] = []
        theme.notifier().changed.connect(self._restyle)

    def _restyle(self, _name: str = "") -> None:
        self.cursor.setPen(_cursor_pen())
        for k, curve in enumerate(self.curves):
            curve.setPen(pg.mkPen(pair_color(k), width=2))

    def set_series(self, names: list[str], epochs, values) -> None:
        """``values[k][j]``: cosine of pair ``k`` at ``epochs[j]`` (NaN = not watched)."""
        x = np.asarray(epochs, dtype=np.float64)
        if names == self.names:  # same pairs, more snapshots: update the data in place
            for k, curve in enumerate(self.curves):
                curve.setData(x, np.asarray(values[k], dtype=np.float64), connect="finite")
            return
        self.names = list(names)
        for c in self.curves:
            self.removeItem(c)
        self.legend.clear()
        self.curves = []
        for k, name in enumerate(names):
            pen = pg.mkPen(pair_color(k), width=2)
            y = np.asarray(values[k], dtype=np.float64)
            self.curves.append(self.plot(x, y, pen=pen, name=name, connect="finite"))

    def set_time(self, epoch: float) -> None:
        """Move the marker to ``epoch``."""
        self.cursor.setValue(epoch)
