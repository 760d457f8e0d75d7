"""The Directions panel: ``cats - cat`` as a "plural" direction, computed, never staged.

A direction comes from an expression, typed pairs or a questions-words
section; the chart shows each word's dot product with it (bars and a number
line, coloured by group) against random directions of the same norm.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from embviz.core import directions as D
from embviz.core.errors import EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.core.workspace import Workspace
from embviz.gui import theme
from embviz.gui.fit import wrap_title
from embviz.gui.panels.base import Panel

TITLE = QT_TRANSLATE_NOOP("Panels", "Directions")

# The dark theme's group colours; the light theme darkens them (see theme.py).
GROUP_COLOURS = theme.colors("dark")["series"]
# (English; shown translated, context "DirectionsPanel")
SOURCES = [
    QT_TRANSLATE_NOOP("DirectionsPanel", "expression"),
    QT_TRANSLATE_NOOP("DirectionsPanel", "mean of typed pairs"),
    QT_TRANSLATE_NOOP("DirectionsPanel", "questions-words section"),
]
MEASURE_NAMES = {
    "dot": QT_TRANSLATE_NOOP("DirectionsPanel", "raw dot product"),
    "unit": QT_TRANSLATE_NOOP("DirectionsPanel", "unit-length direction"),
    "cosine": QT_TRANSLATE_NOOP("DirectionsPanel", "cosine"),
}
BASELINES = {
    "gaussian": QT_TRANSLATE_NOOP("DirectionsPanel", "random directions, same norm"),
    "word-pairs": QT_TRANSLATE_NOOP("DirectionsPanel", "random word pairs, same norm"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DirectionsPanel", text)


def group_name(name: str) -> str:
    """A preset's group name (``"singular"``) as the interface shows it."""
    return QCoreApplication.translate("Directions", name)


def _colour(i: int) -> str:
    return theme.series_color(i)


class DirectionsPanel(Panel):
    """Define a direction and chart words along it with a random baseline."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.direction: D.Direction | None = None
        self.scores: list[D.Score] = []
        self.missing: list[str] = []
        self._build_direction_inputs()
        self._build_chart_options()
        self._build_layout()
        self._bind()
        self._preset_chosen(self.preset.currentData())

    def _build_direction_inputs(self) -> None:
        """The preset, how the direction is defined, and its expression / pairs / section."""
        self.preset = QComboBox()
        # the text is translated, the data is the preset's key
        for name in D.PRESETS:
            self.preset.addItem(QCoreApplication.translate("Directions", name), name)
        self.preset.addItem(self.tr("custom"), "custom")
        self.preset.setToolTip(self.tr("Built-in directions and the words charted against them"))
        self.source = QComboBox()
        self.source.setToolTip(
            self.tr(
                "Define the direction by an expression, by typed pairs or by a questions-words "
                "section"
            )
        )
        self.source.addItems([_tr(s) for s in SOURCES])
        self.expr = QLineEdit("cats - cat")
        self.expr.setToolTip(self.tr("A word expression, e.g. cats - cat or king - queen"))
        self.pairs = QPlainTextEdit()
        self.pairs.setPlaceholderText(
            self.tr("cat cats, dog dogs …  (one pair a line, or comma-separated)")
        )
        self.pairs.setToolTip(
            self.tr("The direction is the mean of (second − first) over these pairs")
        )
        self.section = QComboBox()
        self.section.setToolTip(
            self.tr("A section of gensim's questions-words.txt: its pairs define the direction")
        )
        self.section.addItems(D.QUESTION_SECTIONS)
        self.pairs.setMaximumHeight(64)
        self.stack = QWidget()
        box = QVBoxLayout(self.stack)
        box.setContentsMargins(0, 0, 0, 0)
        for w in (self.expr, self.pairs, self.section):
            box.addWidget(w)
        self._show_source(0)

    def _build_chart_options(self) -> None:
        """The words to chart, the measure, the baseline, and the buttons under them."""
        self.words = QPlainTextEdit()
        self.words.setToolTip(self.tr("One group a line: 'group: word word …'"))
        self.words.setMaximumHeight(84)
        self.measure = QComboBox()
        for key, name in MEASURE_NAMES.items():
            self.measure.addItem(_tr(name), key)
        self.measure.setToolTip(self.tr("Raw dot product as in the lesson, or normalised"))
        self.baseline = QComboBox()
        for key, name in BASELINES.items():
            self.baseline.addItem(_tr(name), key)
        self.baseline.setToolTip(
            self.tr("What the z-scores compare against (1000 seeded random directions)")
        )
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Recompute the direction and the chart"))
        self.axis_button = QPushButton(self.tr("Use as axis"))
        self.axis_button.setToolTip(
            self.tr("Send this direction to the 3D view as one of its axes")
        )
        self.axis_slot = QComboBox()
        self.axis_slot.addItems([self.tr("x axis"), self.tr("y axis"), self.tr("z axis")])
        self.axis_slot.setToolTip(self.tr("Which axis of the 3D view the direction replaces"))
        self.message = QLabel(wordWrap=True)

    def _build_tabs(self) -> QTabWidget:
        """Bars, number line and table of the words' values."""
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.bars = pg.PlotWidget()
        self.line = pg.PlotWidget()
        for plot in (self.bars, self.line):
            wrap_title(plot)  # the legend is the title: on two lines when narrow
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("word"), self.tr("group"), self.tr("value"), "z"]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabs.addTab(self.bars, self.tr("Bars"))
        self.tabs.addTab(self.line, self.tr("Number line"))
        self.tabs.addTab(self.table, self.tr("Table"))
        return self.tabs

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.WrapLongRows
        )  # narrow: field under its label
        form.addRow(self.tr("Preset"), self.preset)
        form.addRow(self.tr("Define by"), self.source)
        form.addRow(self.tr("Direction"), self.stack)
        form.addRow(self.tr("Words"), self.words)
        form.addRow(self.tr("Measure"), self.measure)
        form.addRow(self.tr("Baseline"), self.baseline)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.axis_button)
        buttons.addWidget(self.axis_slot)
        tabs = self._build_tabs()
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.message)
        lay.addWidget(tabs, 1)

    def _bind(self) -> None:
        self.preset.currentIndexChanged.connect(
            lambda _i: self._preset_chosen(self.preset.currentData())
        )
        self.source.currentIndexChanged.connect(self._show_source)
        self.source.currentIndexChanged.connect(lambda _i: self.apply())
        self.section.currentIndexChanged.connect(lambda _i: self.apply())
        self.expr.returnPressed.connect(self.apply)
        self.measure.currentIndexChanged.connect(lambda _i: self.apply())
        self.baseline.currentIndexChanged.connect(lambda _i: self.apply())
        self.apply_button.clicked.connect(self.apply)
        self.axis_button.clicked.connect(self.use_as_axis)
        self.workspace.loaded.connect(lambda _emb: self.apply())
        # a bound method, not a lambda: Qt drops the connection when the panel is deleted
        theme.notifier().changed.connect(self._on_theme)

    # -- input ---------------------------------------------------------------------------
    def use_preset(self, index: int) -> None:
        """Choose preset ``index`` and put back its words, even when it was already chosen."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(index)
        self.preset.blockSignals(False)
        self._preset_chosen(self.preset.currentData())

    def _preset_chosen(self, name: str) -> None:
        preset = D.PRESETS.get(name)
        if preset is None:
            return
        widgets = (self.source, self.expr, self.pairs, self.section)
        for w in widgets:
            w.blockSignals(True)
        self.pairs.setPlainText("\n".join(f"{a} {b}" for a, b in preset.pairs))
        if preset.expression:
            self.expr.setText(preset.expression)
        self.source.setCurrentIndex(0 if preset.expression else 1)
        self._show_source(self.source.currentIndex())
        # the groups' names in the interface's language (they are the user's to edit)
        groups = {group_name(g): words for g, words in preset.groups.items()}
        self.words.setPlainText(D.format_groups(groups))
        for w in widgets:
            w.blockSignals(False)
        self.apply()

    def _show_source(self, index: int) -> None:
        for i, w in enumerate((self.expr, self.pairs, self.section)):
            w.setVisible(i == index)

    def _make_direction(self, emb) -> D.Direction:
        kind = self.source.currentIndex()
        if kind == 0:
            return D.from_expression(emb, self.expr.text())
        if kind == 1:
            return D.from_pairs(emb, D.parse_pairs(self.pairs.toPlainText()))
        name = self.section.currentText()
        return D.from_pairs(
            emb, D.section_pairs(name), self.tr("mean of {section} pairs").format(section=name)
        )

    # -- compute -------------------------------------------------------------------------
    def apply(self) -> None:
        """Recompute the direction and the scores; problems are shown, not raised."""
        emb = self.workspace.embeddings
        self.direction, self.scores, self.missing = None, [], []
        if emb is None:
            self._say(self.tr("Open vectors first."), error=False)
            self._draw()
            return
        try:
            self.direction = self._make_direction(emb)
            self.scores, self.missing = D.score(
                emb, self.direction, D.parse_groups(self.words.toPlainText()),
                measure=self.measure.currentData(), baseline=self.baseline.currentData(),
            )  # fmt: skip
        except EmbvizError as e:
            self.direction = None
            self._say(str(e), error=True)
            self._draw()
            return
        d = self.direction
        text = self.tr("<b>{label}</b>, norm {norm}").format(label=d.label, norm=f"{d.norm:.2f}")
        if d.pairs:
            text += self.tr("; {n} pairs").format(n=len(d.pairs))
        text += self.tr(".")
        means = D.group_means(self.scores)
        if means:
            text += self.tr(" Group means: {means}.").format(
                means=", ".join(f"{g} {m:+.2f}" for g, m in means.items())
            )
        gone = d.missing + [w for w in self.missing if w not in d.missing]
        if gone:
            text += (
                f" <span style='color:{theme.colors()['error']}'>"
                + self.tr("Not in the vocabulary: {words}").format(words=", ".join(gone))
                + "</span>"
            )
        self._say(text, error=False)
        self._draw()

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(theme.ERROR_STYLE if error else "")
        self.message.setText(text)

    def axis_label(self) -> str:
        """What the value axis shows, with its unit."""
        label = self.direction.label if self.direction else self.tr("the direction")
        measure = QCoreApplication.translate("Directions", D.MEASURES[self.measure.currentData()])
        return measure.format(label=label)

    # -- draw ----------------------------------------------------------------------------
    @staticmethod
    def _legend_html(groups: list[str]) -> str:
        return " &nbsp; ".join(
            f"<span style='color:{_colour(i)}'>■ {g}</span>" for i, g in enumerate(groups)
        )

    def _groups(self) -> list[str]:
        return list(dict.fromkeys(s.group for s in self.scores))

    def _on_theme(self, _name: str) -> None:
        self._draw()

    def _draw(self) -> None:
        self._draw_bars()
        self._draw_line()
        self._fill_table()

    def _draw_bars(self) -> None:
        p = self.bars.getPlotItem()
        p.clear()
        p.setLabel("bottom", self.axis_label())
        p.invertY(True)
        s = self.scores
        if not s:
            p.getAxis("left").setTicks([[]])
            return
        groups = self._groups()
        y = np.arange(len(s), dtype=float)
        vals = np.array([x.value for x in s])
        brushes = [pg.mkBrush(_colour(groups.index(x.group))) for x in s]
        c = theme.colors()
        p.addItem(pg.BarGraphItem(x0=0, y=y, width=vals, height=0.7, brushes=brushes, pen=None))
        # The random baseline: mean ± 2 std of the same measure for each word.
        mean = np.array([x.baseline_mean for x in s])
        std = np.array([x.baseline_std for x in s])
        p.addItem(pg.ErrorBarItem(x=mean, y=y, left=2 * std, right=2 * std, beam=0.25,
                                  pen=pg.mkPen(c["muted"], width=1)))  # fmt: skip
        p.addItem(pg.InfiniteLine(0, angle=90, pen=pg.mkPen(c["reference"], width=1)))
        p.getAxis("left").setTicks([[(i, x.word) for i, x in enumerate(s)]])
        p.setTitle(
            self._legend_html(groups) + " &nbsp; " + self.tr("⊢⊣ random mean ± 2σ"), size="9pt"
        )
        p.autoRange()

    def _draw_line(self) -> None:
        p = self.line.getPlotItem()
        p.clear()
        p.setLabel("bottom", self.axis_label())
        p.invertY(True)
        groups = self._groups()
        c = theme.colors()
        p.getAxis("left").setTicks([[(i, g) for i, g in enumerate(groups)]])
        p.setTitle(self._legend_html(groups) + " &nbsp; "
                   + self.tr("(sorted by value within each group)"), size="9pt")  # fmt: skip
        for gi, g in enumerate(groups):
            members = sorted((x for x in self.scores if x.group == g), key=lambda x: x.value)
            xs = np.array([x.value for x in members])
            # Each word gets its own sub-row inside the group's band, so labels never
            # collide however close the values are.
            ys = gi - 0.4 + 0.8 * (np.arange(len(xs)) + 0.5) / max(len(xs), 1)
            p.plot([xs.min(), xs.max()], [gi, gi], pen=pg.mkPen(c["guide"], width=1))
            p.plot(xs, ys, pen=None, symbol="o", symbolSize=8, symbolBrush=_colour(gi),
                   symbolPen=None)  # fmt: skip
            for x, y in zip(members, ys, strict=True):
                t = pg.TextItem(x.word, color=_colour(gi), anchor=(-0.05, 0.5))
                t.setPos(x.value, y)
                p.addItem(t)
        if groups:
            p.addItem(pg.InfiniteLine(0, angle=90, pen=pg.mkPen(c["reference"], width=1)))
            p.setYRange(-0.5, len(groups) - 0.5, padding=0)
            lo = min(x.value for x in self.scores)
            hi = max(x.value for x in self.scores)
            # Room on the right for the last labels.
            p.setXRange(lo - 0.05 * (hi - lo), hi + 0.3 * (hi - lo), padding=0)

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.scores))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("word"),
                self.tr("group"),
                _tr(MEASURE_NAMES[self.measure.currentData()]),
                self.tr("z vs random"),
            ]
        )
        for r, s in enumerate(self.scores):
            for c, text in enumerate((s.word, s.group, f"{s.value:+.3f}", f"{s.z:+.2f}")):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)

    # -- to the 3D view ------------------------------------------------------------------
    def use_as_axis(self) -> bool:
        """Send the direction to the 3D view as a semantic axis; False if not possible."""
        if self.direction is None:
            self._say(self.tr("Define a direction first."), error=True)
            return False
        fn = getattr(self.workspace, "use_as_axis", None)
        if fn is None:
            # The projection-axes mode of the 3D view is not in this build yet.
            self._say(self.tr("The 3D view cannot take axes in this version."), error=True)
            return False
        slot = self.axis_slot.currentIndex()
        try:
            fn(self.direction.label, self.direction.vector.astype(np.float32), slot=slot)
        except EmbvizError as e:
            self._say(str(e), error=True)
            return False
        self._say(
            self.message.text()
            + self.tr(" Sent to the 3D view as its {axis} axis.").format(axis="xyz"[slot]),
            error=False,
        )
        return True


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for ``workspace``."""
    return DirectionsPanel(workspace, parent)
