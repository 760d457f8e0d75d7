"""A labelled matrix heatmap: pyqtgraph ImageItem + a colour bar with values."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from embviz.core.posenc import ColourRange, colour_range
from embviz.gui.fit import wrap_title


def diverging_colormap() -> pg.ColorMap:
    """Blue (negative) – white (zero) – red (positive)."""
    return pg.colormap.get("CET-D1")


class Heatmap(pg.GraphicsLayoutWidget):
    """One matrix drawn as an image, row 0 at the top, with axis labels and a colour bar.

    Rows run down the vertical axis and columns along the horizontal one, so a
    ``(positions × dimensions)`` matrix reads like the paper's figure.
    """

    def __init__(self, parent: QWidget | None = None, *, title: str = ""):
        super().__init__(parent)
        self.setMinimumSize(150, 120)  # two side by side fit a 360 px dock
        self.plot = self.addPlot(title=title)
        wrap_title(self, self.plot)
        self.plot.invertY(True)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(
            values=(-1, 1), colorMap=diverging_colormap(), interactive=False, width=16
        )
        self.bar.setImageItem(self.image, insert_in=self.plot)
        self.matrix = np.zeros((0, 0))
        self.range = ColourRange(1.0, 0.0)
        # Says that (and how much) the colour range clips; in the layout only then.
        self.range_note = pg.LabelItem("", size="8pt", justify="left")

    def set_matrix(
        self,
        matrix: np.ndarray,
        *,
        x_label: str | None = None,
        y_label: str | None = None,
        title: str | None = None,
        limit: float | None = None,
        y_ticks: list[str] | None = None,
        percentile: float = 99.5,
    ) -> None:
        """Draw ``matrix`` (rows down, columns across) on a symmetric colour scale.

        Parameters
        ----------
        matrix
            2-D array.
        x_label, y_label
            Axis titles (the units or what is counted); by default "dimension"
            and "position", translated.
        title
            Plot title; ``None`` keeps the current one.
        limit
            Colour scale ``[-limit, limit]``; by default
            :func:`embviz.core.posenc.colour_range`: the largest absolute value,
            or for a heavy-tailed matrix the ``percentile`` of ``|x|``, with a
            note under the plot saying how much it clips. Zero is always white.
        y_ticks
            Text for each row (e.g. the words of a sentence) instead of numbers.
        percentile
            For the default range: the percentile of ``|x|`` a heavy tail is clipped at.
        """
        m = np.asarray(matrix, dtype=np.float32)
        self.matrix = m
        if limit is None:
            self.range = colour_range(m, percentile)
        else:
            self.range = ColourRange(limit if limit > 0 else 1.0, float(np.abs(m).max(initial=0)))
        lim = self.range.limit
        self._show_range_note()
        self.image.setImage(m, autoLevels=False)
        self.image.setRect(0, 0, m.shape[1], m.shape[0])
        self.bar.setLevels((-lim, lim))
        self.plot.setLabel("bottom", self.tr("dimension") if x_label is None else x_label)
        self.plot.setLabel("left", self.tr("position") if y_label is None else y_label)
        if title is not None:
            self.plot.setTitle(title)
        left = self.plot.getAxis("left")
        if y_ticks is not None:
            left.setTicks([[(i + 0.5, t) for i, t in enumerate(y_ticks)]])
        else:
            left.setTicks(None)
        self.plot.setRange(
            xRange=(0, max(m.shape[1], 1)), yRange=(0, max(m.shape[0], 1)), padding=0
        )

    def _show_range_note(self) -> None:
        shown = self.range_note.scene() is not None
        if self.range.clips:
            self.range_note.setText(self.range.short())
            self.range_note.setToolTip(
                self.tr(
                    "{range}. One outlier would wash the picture out: values beyond the range get "
                    "the end colours"
                ).format(range=self.range.describe())
            )
            if not shown:
                self.ci.addItem(self.range_note, row=1, col=0)
        elif shown:
            self.ci.removeItem(self.range_note)
