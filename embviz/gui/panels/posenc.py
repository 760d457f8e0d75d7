"""The Positional encoding panel: how a Transformer's input knows word order.

Shared sliders (d_model, length, base, layout) drive the sinusoidal views;
tabs show the heatmap, chosen dimensions as waves, the position similarity,
a learned matrix beside the sinusoidal one, token + position for a typed
sentence, and the size of the open embedding matrix (:mod:`.posenc_facts`).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from embviz.core import posenc as P
from embviz.core.errors import EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.core.workspace import Workspace
from embviz.gui import theme
from embviz.gui.fit import wrap_title
from embviz.gui.heatmap import Heatmap
from embviz.gui.panels.base import Panel
from embviz.gui.panels.posenc_facts import FactsView

TITLE = QT_TRANSLATE_NOOP("Panels", "Positional encoding")

_ERROR_STYLE = theme.ERROR_STYLE
_NOTE_STYLE = theme.NOTE_STYLE
SIMILARITY_POSITIONS = 1024


def _slider_row(label: str, spin: QSpinBox | QDoubleSpinBox, slider: QSlider, grid, row: int):
    grid.addWidget(QLabel(label), row, 0)
    grid.addWidget(slider, row, 1)
    grid.addWidget(spin, row, 2)


class PosencPanel(Panel):
    """Sinusoidal and learned positional encodings, and token + position = input."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.learned: np.ndarray | None = None
        self.learned_name = ""
        self._build_controls()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._build_heatmap_tab()
        self._build_waves_tab()
        self._build_similarity_tab()
        self._build_learned_tab()
        self._build_sum_tab()
        self.facts = FactsView(workspace)
        self.tabs.addTab(self.facts, self.tr("Sizes"))
        lay = QVBoxLayout(self)
        lay.addLayout(self.controls)
        lay.addWidget(self.layout_note)
        lay.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        workspace.loaded.connect(lambda _emb: self.refresh())
        # a bound method, not a lambda: Qt drops the connection when the panel is deleted
        theme.notifier().changed.connect(self._on_theme)
        self.refresh()

    def _on_theme(self, _name: str) -> None:
        self.refresh()

    # -- construction --------------------------------------------------------------
    def _build_controls(self) -> None:
        g = QGridLayout()
        self.d_spin, self.d_slider = QSpinBox(), QSlider(Qt.Orientation.Horizontal)
        self.len_spin, self.len_slider = QSpinBox(), QSlider(Qt.Orientation.Horizontal)
        for spin, slider, hi, val in ((self.d_spin, self.d_slider, 1024, 128),
                                      (self.len_spin, self.len_slider, 1024, 100)):  # fmt: skip
            lo = 2 if spin is self.d_spin else 1
            spin.setRange(lo, hi)
            slider.setRange(lo, hi)
            spin.setValue(val)
            slider.setValue(val)
            slider.valueChanged.connect(spin.setValue)
            spin.valueChanged.connect(slider.setValue)
            spin.valueChanged.connect(lambda _v: self.refresh())
        d_tip = self.tr("d_model: the number of dimensions of each position vector")
        len_tip = self.tr("How many positions (tokens) to encode")
        self.d_slider.setToolTip(d_tip)
        self.len_slider.setToolTip(len_tip)
        self.d_spin.setToolTip(d_tip)
        self.len_spin.setToolTip(len_tip)
        # The base spans orders of magnitude: the slider moves its log₁₀ in tenths.
        self.base_spin = QDoubleSpinBox(decimals=0, minimum=2, maximum=1_000_000, value=10000)
        self.base_spin.setToolTip(self.tr("The wavelength base: 10000 in the Transformer paper"))
        self.base_slider = QSlider(Qt.Orientation.Horizontal, minimum=4, maximum=60, value=40)
        self.base_slider.setToolTip(self.base_spin.toolTip())
        self.base_slider.valueChanged.connect(
            lambda k: self.base_spin.setValue(round(10 ** (k / 10)))
        )
        self.base_spin.valueChanged.connect(self._base_changed)
        self.layout_combo = QComboBox()
        # the text is translated; the data is the layout's key
        self.layout_combo.addItem(self.tr("interleaved"), "interleaved")
        self.layout_combo.addItem(self.tr("concatenated"), "concatenated")
        self.layout_combo.setToolTip(
            self.tr("Interleaved is the paper's formula; concatenated puts all sines first")
        )
        self.layout_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        _slider_row("d_model", self.d_spin, self.d_slider, g, 0)
        _slider_row(self.tr("length"), self.len_spin, self.len_slider, g, 1)
        _slider_row(self.tr("base"), self.base_spin, self.base_slider, g, 2)
        g.addWidget(QLabel(self.tr("layout")), 3, 0)
        g.addWidget(self.layout_combo, 3, 1, 1, 2)
        g.setColumnStretch(1, 1)
        self.controls = g
        self.layout_note = QLabel(wordWrap=True)
        self.layout_note.setStyleSheet(_NOTE_STYLE)

    def _base_changed(self, value: float) -> None:
        k = round(10 * math.log10(max(value, 2)))
        self.base_slider.blockSignals(True)
        self.base_slider.setValue(k)
        self.base_slider.blockSignals(False)
        self.refresh()

    def _build_heatmap_tab(self) -> None:
        self.pe_map = Heatmap(title=self.tr("Sinusoidal positional encoding"))
        self.tabs.addTab(self.pe_map, self.tr("Heatmap"))

    def _build_waves_tab(self) -> None:
        w = QWidget()
        self.dims_edit = QLineEdit("0 10 20 40")
        self.dims_edit.setToolTip(self.tr("Dimensions to plot across positions, e.g. 0 1 10 40"))
        self.dims_edit.editingFinished.connect(self.refresh)
        self.waves = pg.PlotWidget()
        self.waves.setLabel("bottom", self.tr("position"))
        self.waves.setLabel("left", self.tr("PE value"))
        # legend colours come from the theme (theme.style_plot)
        self.waves.addLegend(offset=(-10, 10))
        wrap_title(self.waves)
        self.waves_msg = QLabel(styleSheet=_ERROR_STYLE)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("dimensions")))
        row.addWidget(self.dims_edit, 1)
        lay = QVBoxLayout(w)
        lay.addLayout(row)
        lay.addWidget(self.waves_msg)
        lay.addWidget(self.waves, 1)
        self.tabs.addTab(w, self.tr("Waves"))

    def _build_similarity_tab(self) -> None:
        w = QWidget()
        self.sim_map = Heatmap(title=self.tr("PE · PEᵀ (dot product of positions)"))
        self.pos_spin = QSpinBox(minimum=0, maximum=1023, value=20)
        self.pos_spin.setToolTip(self.tr("The position compared with all others in the line plot"))
        self.pos_spin.valueChanged.connect(lambda _v: self.refresh())
        self.sim_line = pg.PlotWidget()
        self.sim_line.setLabel("bottom", self.tr("position"))
        self.sim_line.setLabel("left", self.tr("dot product"))
        self.sim_line.setMinimumHeight(120)
        wrap_title(self.sim_line)
        self.sim_kind = self._similarity_combo()
        row = QHBoxLayout()
        row.addWidget(self.sim_kind)
        row.addWidget(QLabel(self.tr("of position")))
        row.addWidget(self.pos_spin)
        row.addWidget(QLabel(self.tr("with every position")), 1)
        lay = QVBoxLayout(w)
        lay.addWidget(self.sim_map, 3)
        lay.addLayout(row)
        lay.addWidget(self.sim_line, 2)
        self.tabs.addTab(w, self.tr("Similarity"))

    def _similarity_combo(self) -> QComboBox:
        """A dot product / cosine chooser; the Similarity and Learned tabs' choosers move together."""
        combo = QComboBox()
        combo.addItem(self.tr("dot product"), "dot")
        combo.addItem(self.tr("cosine"), "cosine")
        combo.setToolTip(
            self.tr(
                "Dot product: PE·PEᵀ as the model adds it, lengths included. Cosine: rows "
                "normalised first, so one long row or one huge entry cannot drown the rest"
            )
        )
        combo.currentIndexChanged.connect(self._similarity_changed)
        return combo

    def _similarity_changed(self, index: int) -> None:
        for combo in (self.sim_kind, getattr(self, "learned_kind", None)):
            if combo is not None and combo.currentIndex() != index:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
        self.refresh()

    @property
    def similarity_kind(self) -> str:
        """``"dot"`` or ``"cosine"``: how positions are compared."""
        return self.sim_kind.currentData()

    def _sim_title(self) -> str:
        return "PE · PEᵀ" if self.similarity_kind == "dot" else self.tr("cosine(PE, PE)")

    def _build_learned_tab(self) -> None:
        w = QWidget()
        load = QPushButton(self.tr("Load learned positions…"))
        load.setToolTip(
            self.tr(
                "A .npy matrix or a .safetensors model file (tensor named *position_embeddings*)"
            )
        )
        load.clicked.connect(self._load_dialog)
        self.learned_msg = QLabel(
            self.tr("No learned matrix loaded: showing the sinusoidal one only.")
        )
        self.learned_msg.setWordWrap(True)
        self.learned_maps = [Heatmap() for _ in range(4)]
        grid = QGridLayout()
        for i, m in enumerate(self.learned_maps):
            grid.addWidget(m, i // 2, i % 2)
        self.learned_kind = self._similarity_combo()
        top = QHBoxLayout()
        top.addWidget(load)
        top.addWidget(QLabel(self.tr("compare positions by")))
        top.addWidget(self.learned_kind)
        top.addStretch(1)
        lay = QVBoxLayout(w)
        lay.addLayout(top)
        lay.addWidget(self.learned_msg)
        lay.addLayout(grid, 1)
        self.tabs.addTab(w, self.tr("Learned"))

    def _build_sum_tab(self) -> None:
        w = QWidget()
        self.sentence = QLineEdit("the cat sat on the mat")
        self.sentence.setToolTip(
            self.tr("Words are looked up in the open vectors; unknown ones are listed")
        )
        self.sentence.editingFinished.connect(self.refresh)
        self.sqrt_check = QCheckBox(self.tr("scale tokens by √d_model"))
        self.sqrt_check.setToolTip(
            self.tr("The Transformer multiplies token embeddings by √d before adding positions")
        )
        self.sqrt_check.toggled.connect(lambda _b: self.refresh())
        self.source_combo = QComboBox()
        self.source_combo.setToolTip(
            self.tr("Add the sinusoidal or the loaded learned position vectors")
        )
        self.source_combo.addItems([self.tr("sinusoidal positions"), self.tr("learned positions")])
        self.source_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.sum_msg = QLabel(wordWrap=True)
        self.sum_maps = [Heatmap() for _ in range(3)]
        for m in self.sum_maps:
            m.setMinimumHeight(90)  # a sentence is a few rows
        for m in self.sum_maps[1:]:
            m.plot.setXLink(self.sum_maps[0].plot)
        opts = QHBoxLayout()
        opts.addWidget(self.sqrt_check)
        opts.addWidget(self.source_combo, 1)
        # One above the other, dimensions aligned: a sentence is a few rows of
        # d columns, so the three fit a narrow dock and read as a sum.
        maps = QVBoxLayout()
        for m, stretch in zip(self.sum_maps, (3, 3, 4), strict=True):
            maps.addWidget(m, stretch)  # the last one also holds the dimension axis
        lay = QVBoxLayout(w)
        lay.addWidget(self.sentence)
        lay.addLayout(opts)
        lay.addWidget(self.sum_msg)
        lay.addLayout(maps, 1)
        self.tabs.addTab(w, self.tr("Token + position"))

    # -- model → views -------------------------------------------------------------
    @property
    def layout_name(self) -> str:
        """The chosen layout, ``interleaved`` or ``concatenated``."""
        return self.layout_combo.currentData()

    def encoding(self, length: int | None = None, d: int | None = None) -> np.ndarray:
        """The sinusoidal encoding for the current controls (or another shape)."""
        return P.positional_encoding(
            length or self.len_spin.value(), d or self.d_spin.value(),
            self.base_spin.value(), self.layout_name,
        )  # fmt: skip

    def refresh(self) -> None:
        """Redraw the visible tab from the controls and the open vectors."""
        self.layout_note.setText(QCoreApplication.translate("Posenc", P.LAYOUTS[self.layout_name]))
        self.layout_note.setStyleSheet(_NOTE_STYLE)
        page = self.tabs.currentIndex()
        draw = [self._draw_heatmap, self._draw_waves, self._draw_similarity, self._draw_learned,
                self._draw_sum, self.facts.refresh][page]  # fmt: skip
        try:
            draw()
        except EmbvizError as e:
            # e.g. a learned matrix too large to compare: say so instead of failing.
            self.layout_note.setText(str(e))
            self.layout_note.setStyleSheet(_ERROR_STYLE)

    def _draw_heatmap(self) -> None:
        d, n = self.d_spin.value(), self.len_spin.value()
        self.pe_map.set_matrix(
            self.encoding(),
            title=self.tr("Sinusoidal PE: {n} positions × d_model {d} ({layout})").format(
                n=n, d=d, layout=self.layout_combo.currentText()
            ),
        )

    def dims(self) -> list[int]:
        """The dimensions typed for the wave plot, within range (errors shown)."""
        d = self.d_spin.value()
        out, bad = [], []
        for tok in self.dims_edit.text().replace(",", " ").split():
            if tok.isdigit() and int(tok) < d:
                out.append(int(tok))
            else:
                bad.append(tok)
        self.waves_msg.setText(
            self.tr("not a dimension of 0…{last}: {tokens}").format(
                last=d - 1, tokens=", ".join(bad)
            )
            if bad
            else ""
        )
        return out[:12]

    def _draw_waves(self) -> None:
        pe = self.encoding()
        lam = P.wavelengths(self.d_spin.value(), self.base_spin.value())
        n_sin = (pe.shape[1] + 1) // 2
        self.waves.clear()
        x = np.arange(pe.shape[0])
        for k, dim in enumerate(self.dims()):
            if self.layout_name == "interleaved":
                fn, i = ("sin" if dim % 2 == 0 else "cos"), dim // 2
            else:
                fn, i = ("sin", dim) if dim < n_sin else ("cos", dim - n_sin)
            # the theme's series colours: each reads on its background (3:1 or more)
            pen = pg.mkPen(theme.series_color(k), width=2)
            self.waves.plot(
                x,
                pe[:, dim],
                pen=pen,
                name=self.tr("dim {dim}: {fn}, wavelength {wavelength}").format(
                    dim=dim, fn=fn, wavelength=f"{lam[i]:.1f}"
                ),
            )
        self.waves.setTitle(
            self.tr("PE values across positions (d_model {d})").format(d=pe.shape[1])
        )

    def _draw_similarity(self) -> None:
        pe = self.encoding()
        kind = self.similarity_kind
        sim = P.similarity(pe, kind)
        self.sim_map.set_matrix(
            sim, x_label=self.tr("position"), y_label=self.tr("position"),
            title=self.tr("{what}: similar where positions are close (d_model {d})").format(
                what=self._sim_title(), d=pe.shape[1]),
        )  # fmt: skip
        self.sim_line.setLabel(
            "left", self.tr("dot product") if kind == "dot" else self.tr("cosine")
        )
        p = min(self.pos_spin.value(), pe.shape[0] - 1)
        self.sim_line.clear()
        self.sim_line.plot(
            np.arange(pe.shape[0]), sim[p], pen=pg.mkPen(theme.series_color(1), width=2)
        )
        fg = theme.colors()["plot_foreground"]
        self.sim_line.addItem(pg.InfiniteLine(p, pen=pg.mkPen(fg, style=Qt.PenStyle.DashLine)))
        what = (
            f"PE[{p}] · PE[q]" if kind == "dot" else self.tr("cosine(PE[{p}], PE[q])").format(p=p)
        )
        self.sim_line.setTitle(self.tr("{what} for every position q").format(what=what))

    # -- learned positions -----------------------------------------------------------
    def _load_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Learned position embeddings"), str(Path.home()),
            self.tr("Position matrices (*.npy *.safetensors);;All files (*)"),
        )  # fmt: skip
        if path:
            self.load_learned(path)

    def load_learned(self, path: str) -> bool:
        """Load a learned position matrix; a failure is shown, not raised."""
        try:
            self.learned, self.learned_name = P.load_position_matrix(path)
        except EmbvizError as e:
            self.learned_msg.setText(str(e))
            self.learned_msg.setStyleSheet(_ERROR_STYLE)
            return False
        self.learned_msg.setStyleSheet("")
        self.tabs.setCurrentIndex(3)
        self.refresh()
        return True

    def _draw_learned(self) -> None:
        sin_map, learned_map, sin_sim, learned_sim = self.learned_maps
        if self.learned is None:
            n, d = self.len_spin.value(), self.d_spin.value()
        else:
            n, d = self.learned.shape
            emb = self.workspace.embeddings
            note = self.tr("{name}: {n} positions × {d} dims.").format(
                name=self.learned_name, n=n, d=d
            )
            if emb is not None and emb.dim != d:
                note += self.tr(" Its width differs from the open vectors' {dim} dims, so "
                                "token + position cannot use it.").format(dim=emb.dim)  # fmt: skip
            self.learned_msg.setText(note)
        # The sinusoidal matrix is drawn at the learned one's shape for comparison.
        pe = self.encoding(n, d)
        sin_map.set_matrix(pe, title=self.tr("sinusoidal ({n} × {d})").format(n=n, d=d))
        kind, sim_title = self.similarity_kind, self._sim_title()
        sin_sim.set_matrix(P.similarity(pe[:SIMILARITY_POSITIONS], kind),
                           x_label=self.tr("position"), y_label=self.tr("position"),
                           title=self.tr("sinusoidal {what}").format(what=sim_title))  # fmt: skip
        if self.learned is None:
            for m in (learned_map, learned_sim):
                m.set_matrix(np.zeros((1, 1)), title=self.tr("(no learned matrix)"),
                             x_label=self.tr("dimension"), y_label=self.tr("position"))  # fmt: skip
            return
        learned_map.set_matrix(self.learned, title=self.tr("learned ({n} × {d})").format(n=n, d=d),
                               x_label=self.tr("dimension"), y_label=self.tr("position"))  # fmt: skip
        # The similarity picture of a very long matrix would not fit in memory.
        first = self.learned[:SIMILARITY_POSITIONS]
        shown = "" if len(first) == n else self.tr(" (first {n} positions)").format(n=len(first))
        learned_sim.set_matrix(P.similarity(first, kind), x_label=self.tr("position"),
                               y_label=self.tr("position"),
                               title=self.tr("learned {what}{shown}").format(what=sim_title,
                                                                             shown=shown))  # fmt: skip

    # -- token + position --------------------------------------------------------------
    def token_plus_position(self) -> P.TokenPlusPosition | None:
        """Compute token + position for the typed sentence (errors shown in the tab)."""
        emb = self.workspace.embeddings
        if emb is None:
            self.sum_msg.setText(self.tr("Open vectors first."))
            return None
        learned = self.source_combo.currentIndex() == 1
        if learned and self.learned is None:
            self.sum_msg.setText(self.tr("Load a learned matrix in the Learned tab first."))
            self.sum_msg.setStyleSheet(_ERROR_STYLE)
            return None
        try:
            return P.token_plus_position(
                emb, self.sentence.text(), scale_sqrt_d=self.sqrt_check.isChecked(),
                positions=self.learned if learned else None,
                base=self.base_spin.value(), layout=self.layout_name,
            )  # fmt: skip
        except EmbvizError as e:
            self.sum_msg.setText(str(e))
            self.sum_msg.setStyleSheet(_ERROR_STYLE)
            return None

    def _draw_sum(self) -> None:
        r = self.token_plus_position()
        if r is None:
            for m in self.sum_maps:
                m.set_matrix(np.zeros((1, 1)), title="", x_label=self.tr("dimension"), y_label="")
            return
        self.sum_msg.setStyleSheet("")
        text = self.tr(
            "mean |token| = {token}, mean |position| = {position}: "
            "the token part is {ratio}× the position part (d = {d})."
        ).format(token=f"{r.token_norm:.2f}", position=f"{r.position_norm:.2f}",
                 ratio=f"{r.ratio:.2f}", d=r.token.shape[1])  # fmt: skip
        if r.missing:
            text += self.tr(" Not in the vectors (left out): {words}").format(
                words=", ".join(r.missing)
            )
        self.sum_msg.setText(text)
        lim = float(max(np.abs(r.token).max(), np.abs(r.position).max(), np.abs(r.total).max()))
        token = self.tr("token")
        scale = f"{token} × √{r.token.shape[1]}" if r.scale != 1 else token
        titles = (scale, self.tr("+ position"), self.tr("= input"))
        for m, mat, title in zip(self.sum_maps, (r.token, r.position, r.total), titles,
                                 strict=True):  # fmt: skip
            m.set_matrix(mat, title=title, limit=lim, x_label=self.tr("dimension"), y_label="",
                         y_ticks=r.words)  # fmt: skip
        for m in self.sum_maps[:-1]:  # the columns line up: one dimension axis, at the bottom
            m.plot.hideAxis("bottom")


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for ``workspace``."""
    return PosencPanel(workspace, parent)
