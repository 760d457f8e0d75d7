"""The Context panel's plot: cosine between chosen occurrences of tokens, layer by layer.

At ``static`` two occurrences of one token have cosine exactly 1 (one row of
the embedding matrix); the curve then shows how far the layers pull them
apart. A vertical line marks the layer on show. Colours follow the theme
(:mod:`embviz.gui.theme`; the curves take the Train panel's pair colours).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from embviz.gui import theme
from embviz.gui.training.plots import pair_color


class CosinePlot(pg.PlotWidget):
    """Cosine per layer of the first followed token with each other one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(110)
        self.showGrid(x=True, y=True, alpha=0.25)
        self.setLabel("left", QCoreApplication.translate("Context", "cosine"))
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.legend = self.addLegend(offset=(-8, -8))
        theme.style_plot(self)
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.colors()["cursor"], width=1))
        self.addItem(self.cursor)
        self.cursor.setVisible(False)
        self.hint = pg.TextItem(anchor=(0.5, 0.5))
        self.hint.setText(QCoreApplication.translate(
            "Context", "Follow two tokens (click them)\nto plot their cosine per layer"))  # fmt: skip
        self.addItem(self.hint, ignoreBounds=True)
        self.setXRange(0, 1)
        self.setYRange(0, 1)
        self.hint.setPos(0.5, 0.5)
        self.curves: list[pg.PlotDataItem] = []
        self.x = np.zeros(0)
        self.values: list[np.ndarray] = []
        self._restyle()
        theme.notifier().changed.connect(self._restyle)

    def _restyle(self, _name: str = "") -> None:
        self.hint.setColor(theme.colors()["plot_foreground"])
        self.cursor.setPen(pg.mkPen(theme.colors()["cursor"], width=1))
        for k, curve in enumerate(self.curves):
            curve.setPen(pg.mkPen(pair_color(k), width=2))
            curve.setSymbolBrush(pair_color(k))
            curve.setSymbolPen(pair_color(k))

    def show_curves(self, layer_names: list[str], pairs) -> None:
        """Plot ``pairs``: ``(label a, label b, (layers,) cosines)``; x ticks name the layers."""
        for c in self.curves:
            self.removeItem(c)
        self.legend.clear()
        self.curves, self.values = [], []
        self.x = np.arange(len(layer_names), dtype=np.float64)
        self.getAxis("bottom").setTicks([list(enumerate(layer_names))] if pairs else None)
        low = 1.0
        for k, (a, b, cos) in enumerate(pairs):
            y = np.asarray(cos, dtype=np.float64)
            self.values.append(y)
            low = min(low, float(y.min()))
            name = QCoreApplication.translate("Context", "{a} · {b}").format(a=a, b=b)
            self.curves.append(self.plot(self.x, y, pen=pg.mkPen(pair_color(k), width=2),
                                         symbol="o", symbolSize=5, symbolBrush=pair_color(k),
                                         symbolPen=pair_color(k), name=name))  # fmt: skip
        self.hint.setVisible(not self.curves)
        self.cursor.setVisible(bool(self.curves))
        if not self.curves:
            self.setXRange(0, 1, padding=0)
            self.setYRange(0, 1, padding=0)
        else:
            self.setXRange(-0.3, len(self.x) - 0.7, padding=0)
            # from just below the lowest curve: the drop from 1 is the lesson
            self.setYRange(max(-1.0, np.floor((low - 0.1) * 10) / 10), 1.03, padding=0)

    def set_layer(self, t: float) -> None:
        """Move the marker to layer position ``t``."""
        self.cursor.setValue(t)
        self.cursor.setVisible(bool(self.curves))
