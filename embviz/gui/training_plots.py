"""The Train panel's two curves: per-epoch loss and chosen pairs' cosine over time."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

PAIR_COLORS = [(255, 190, 60), (90, 160, 255), (110, 220, 120), (255, 110, 170),
               (200, 170, 255), (240, 220, 90)]  # fmt: skip


class LossPlot(pg.PlotWidget):
    """Loss of every completed epoch, with a marker at the time on screen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, background=(24, 26, 34))
        self.setMinimumHeight(120)
        self.showGrid(x=True, y=True, alpha=0.25)
        self.setLabel("bottom", "epoch")
        self.setLabel("left", "loss per epoch")
        self.setMenuEnabled(False)
        self.curve = self.plot(pen=pg.mkPen((255, 150, 60), width=2), symbol="o", symbolSize=6,
                               symbolBrush=(255, 150, 60))  # fmt: skip
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen((200, 200, 210, 140), width=1))
        self.addItem(self.cursor)

    def set_exact(self, exact: bool) -> None:
        """Say on the axis whether the loss is exact (one worker) or approximate."""
        self.setLabel("left", "loss per epoch" if exact else "loss per epoch (≈, 2+ workers)")

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
        super().__init__(parent, background=(24, 26, 34))
        self.setMinimumHeight(120)
        self.showGrid(x=True, y=True, alpha=0.25)
        self.setLabel("bottom", "epoch")
        self.setLabel("left", "cosine")
        self.setMenuEnabled(False)
        self.setYRange(-1.0, 1.0)
        self.legend = self.addLegend(offset=(-8, -8), labelTextColor=(230, 230, 235), colCount=4)
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen((200, 200, 210, 140), width=1))
        self.addItem(self.cursor)
        self.curves: list[pg.PlotDataItem] = []
        self.names: list[str] = []

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
            pen = pg.mkPen(PAIR_COLORS[k % len(PAIR_COLORS)], width=2)
            y = np.asarray(values[k], dtype=np.float64)
            self.curves.append(self.plot(x, y, pen=pen, name=name, connect="finite"))

    def set_time(self, epoch: float) -> None:
        """Move the marker to ``epoch``."""
        self.cursor.setValue(epoch)
