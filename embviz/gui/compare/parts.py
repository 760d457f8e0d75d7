"""The Compare panel's parts: the two spaces, the settings row, the run controls, the tables.

Each part owns its widgets and knows how to show one thing (a space's name, a
result's rows, a word's neighbours); the panel (:mod:`.panel`) binds them to
the :class:`~embviz.core.compare_model.CompareModel`.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from embviz.core.compare import MAX_LISTED
from embviz.core.compare_model import CompareResult, CompareSettings, MovedWord, SideBySide
from embviz.core.embeddings import Embeddings, Source
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.gui import theme

# The settings the panel offers, in CompareSettings' names: label, tooltip, range.
SETTINGS = {
    "anchors": (QT_TRANSLATE_NOOP("ComparePanel", "Anchors"),
                QT_TRANSLATE_NOOP("ComparePanel", "The rotation is fitted on the N most frequent "
                                  "shared words; the others are held out to measure it"),
                (2, 1_000_000)),
    "k": (QT_TRANSLATE_NOOP("ComparePanel", "k"),
          QT_TRANSLATE_NOOP("ComparePanel", "Neighbours compared per word (overlap@k) and "
                            "listed side by side"),
          (1, MAX_LISTED)),
    "dims": (QT_TRANSLATE_NOOP("ComparePanel", "Dims"),
             QT_TRANSLATE_NOOP("ComparePanel", "When the spaces have different dimensions: pad "
                               "the smaller with zeros, or reduce the larger by PCA"),
             None),
    "case_insensitive": (QT_TRANSLATE_NOOP("ComparePanel", "Ignore case"),
                         QT_TRANSLATE_NOOP("ComparePanel", "Match “Paris” and “paris” as one "
                                           "word (the more frequent spelling stands for it)"),
                         None),
}  # fmt: skip
DIMS = {"pad": QT_TRANSLATE_NOOP("ComparePanel", "pad"),
        "pca": QT_TRANSLATE_NOOP("ComparePanel", "PCA")}  # fmt: skip


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComparePanel", text)


def short_name(emb: Embeddings | None, label: str = "") -> str:
    """A space's name for the legend and the status line (at most 40 characters)."""
    if emb is None:
        return "—"
    text = label or emb.source.describe()
    return text if len(text) <= 40 else text[:39] + "…"


def snapshot_embeddings(snap, index: int) -> Embeddings:
    """A training snapshot's watched words as a space of their own."""
    label = QCoreApplication.translate("ComparePanel", "snapshot {i}, epoch {epoch:.1f}").format(
        i=index, epoch=snap.epoch
    )
    return Embeddings(list(snap.words), snap.vectors, source=Source(label=label, format="trained"))


def summary(result: CompareResult) -> str:
    """One line: shared words, anchors, dimensions and how, held-out precision."""
    c = result.comparison
    dims = {"same": QCoreApplication.translate("ComparePanel", "{d} dims both"),
            "pad": QCoreApplication.translate("ComparePanel", "{a}→{b} dims, zero-padded"),
            "pca": QCoreApplication.translate("ComparePanel", "{a}→{b} dims, PCA")}[c.dims_method]  # fmt: skip
    dims = dims.format(d=c.dims[0], a=c.dims[0], b=c.dims[1])
    p = c.precision
    if p.words:
        held = QCoreApplication.translate(
            "ComparePanel", "precision@1 {p1:.2f}, @5 {p5:.2f} on {n:,} held-out words"
        ).format(p1=p.at_1, p5=p.at_5, n=p.words)
        if p.cross_validated:
            held += QCoreApplication.translate("ComparePanel", " (5-fold cross-validated)")
    else:
        held = QCoreApplication.translate("ComparePanel", "no held-out words")
    return QCoreApplication.translate(
        "ComparePanel", "{shared:,} shared words · {anchors:,} anchors · {dims} · {held}"
    ).format(shared=len(c), anchors=len(c.anchors), dims=dims, held=held)


def make_table(columns: int, t: QTableWidget | None = None) -> QTableWidget:
    """A read-only table of compact rows, one selected at a time, never scrolled sideways.

    ``t``: set up this table (of a subclass) instead of a new one.
    """
    t = t if t is not None else QTableWidget()
    t.setColumnCount(columns)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    t.setWordWrap(False)
    header = t.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for c in range(1, columns):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents if columns > 2
                                    else QHeaderView.ResizeMode.Stretch)  # fmt: skip
    t.setMinimumWidth(120)
    rows = t.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(t.fontMetrics().height() + 6)  # compact rows: more words
    return t


class SpacesBox(QWidget):
    """Which spaces are compared: A's and B's names, B from a file or from the Train panel."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.a_label = QLabel()
        self.b_label = QLabel()
        for lab in (self.a_label, self.b_label):
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lab.setMinimumWidth(40)
        self._set_elided(self.b_label, self.tr("B: choose a file or a trained model"))
        self.file_button = QPushButton(self.tr("Open B file…"))
        self.file_button.setToolTip(self.tr("Read space B from a vector file (as File → Open)"))
        self.trained_choice = QComboBox()
        self.trained_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.trained_choice.setMinimumContentsLength(8)
        row = QHBoxLayout()
        row.addWidget(self.file_button)
        row.addWidget(self.trained_choice, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.a_label)
        lay.addWidget(self.b_label)
        lay.addLayout(row)

    def show_a(self, emb: Embeddings | None) -> None:
        """Name space A (the open file)."""
        if emb is None:
            text = self.tr("A: nothing open yet (File → Open)")
        else:
            text = self.tr("A (open file): {name}, {n:,} × {dim}").format(
                name=emb.source.describe(), n=len(emb), dim=emb.dim
            )
        self._set_elided(self.a_label, text)

    def show_b(self, emb: Embeddings, label: str) -> None:
        """Name space B."""
        self._set_elided(self.b_label, self.tr("B: {name}, {n:,} × {dim}").format(
            name=label, n=len(emb), dim=emb.dim))  # fmt: skip

    def follow(self, session) -> None:
        """Offer what ``session`` (the Train panel's run) trained, as it trains it."""
        self._session = session
        # bound methods: psygnal holds them weakly, so the session never keeps this box
        for signal in (session.started, session.snapshot_added, session.model_changed):
            signal.connect(self._refill)
        self._refill()

    def _refill(self, *_args) -> None:
        self.fill_training(self._session.model, self._session.snapshots)

    def fill_training(self, model: Embeddings | None, snapshots) -> None:
        """Offer the Train panel's trained model and snapshots as B (data: "model" or index)."""
        c = self.trained_choice
        c.clear()
        if model is None and not snapshots:
            c.addItem(self.tr("Train panel: nothing trained yet"), None)
            c.setEnabled(False)
            c.setToolTip(self.tr("Train word2vec in the Train panel to compare its vectors"))
            return
        c.setEnabled(True)
        c.setToolTip(self.tr("Use the Train panel's trained model, or one of its snapshots "
                             "(only the watched words), as space B"))  # fmt: skip
        c.addItem(self.tr("From the Train panel…"), None)
        if model is not None:
            c.addItem(self.tr("Trained model ({n:,} words)").format(n=len(model)), "model")
        for i, s in enumerate(snapshots):
            c.addItem(self.tr("Snapshot {i}: epoch {epoch:.1f}").format(i=i, epoch=s.epoch), i)

    def _set_elided(self, label: QLabel, text: str) -> None:
        # the whole text in the tooltip; the label elides it to the panel's width
        label.setToolTip(text)
        label.setProperty("full_text", text)
        width = max(label.width(), 40)
        label.setText(label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, width))

    def resizeEvent(self, ev) -> None:
        """Elide the space names to the new width."""
        super().resizeEvent(ev)
        for lab in (self.a_label, self.b_label):
            if lab.property("full_text"):
                self._set_elided(lab, lab.property("full_text"))


class SettingsRow(QWidget):
    """Anchors, k and the dimension method in one row, built from :class:`CompareSettings`.

    The "ignore case" check box is :attr:`fields` ``["case_insensitive"]``; the
    panel puts it beside the Compare button.

    Signals
    -------
    changed(str, object)
        A setting's name and its new value.
    """

    changed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        defaults = {f.name: f.default for f in dataclasses.fields(CompareSettings)}
        for col, (name, (label, tip, bounds)) in enumerate(SETTINGS.items()):
            default = defaults[name]
            if isinstance(default, bool):
                w = QCheckBox(_tr(label))
                w.setChecked(default)
                w.toggled.connect(lambda v, name=name: self.changed.emit(name, bool(v)))
            elif isinstance(default, int):
                w = QSpinBox()
                w.setRange(*bounds)
                w.setGroupSeparatorShown(True)
                w.setValue(default)
                w.valueChanged.connect(lambda v, name=name: self.changed.emit(name, int(v)))
            else:
                w = QComboBox()
                for value, text in DIMS.items():
                    w.addItem(_tr(text), value)
                w.setCurrentIndex(w.findData(default))
                w.currentIndexChanged.connect(
                    lambda _i, name=name, w=w: self.changed.emit(name, w.currentData()))  # fmt: skip
            if not isinstance(w, QCheckBox):
                grid.addWidget(QLabel(_tr(label)), 0, 2 * col)
                grid.addWidget(w, 0, 2 * col + 1)
                grid.setColumnStretch(2 * col + 1, 1)
            w.setToolTip(_tr(tip))
            self.fields[name] = w


class RunControls(QWidget):
    """Ignore case, Compare and Cancel; a thin progress bar; the status or summary line."""

    def __init__(self, case_box: QCheckBox, parent: QWidget | None = None):
        super().__init__(parent)
        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.setToolTip(self.tr("Align A onto B and find the words that moved"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.progress = QProgressBar(minimum=0, maximum=1000, textVisible=False)
        self.progress.setMaximumHeight(6)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(case_box)
        row.addWidget(self.compare_button, 1)
        row.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)

    def set_progress(self, fraction: float | None, _message: str = "") -> None:
        """Show ``fraction`` done (``None``: busy, amount unknown)."""
        if fraction is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * fraction))

    def show_status(self, text: str, tip: str = "") -> None:
        """Say ``text`` in the status line (``tip``: more, on hover)."""
        self.status.setStyleSheet("")
        self.status.setText(text)
        self.status.setToolTip(tip)

    def show_error(self, text: str) -> None:
        """Say ``text`` (one line) in the status line, in the theme's error colour."""
        self.status.setStyleSheet(theme.ERROR_STYLE)
        self.status.setText(text)


class MovedTable(QWidget):
    """Most or least moved words with their cosine and overlap@k; picking a row emits its word.

    Signals
    -------
    word_chosen(str)
        The user selected a row.
    """

    word_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.list_choice = QComboBox()
        self.list_choice.addItem(self.tr("Most moved"), True)
        self.list_choice.addItem(self.tr("Least moved"), False)
        self.list_choice.setToolTip(self.tr("Lowest cosine after alignment first, or highest"))
        self.table = make_table(3)
        self.result: CompareResult | None = None
        self.set_k(CompareSettings().k)
        self.list_choice.currentIndexChanged.connect(lambda _i: self.show(self.result))
        self.table.itemSelectionChanged.connect(self._on_row)

    def set_k(self, k: int) -> None:
        """Name the overlap column after ``k``."""
        t = self.table
        t.setHorizontalHeaderLabels([self.tr("Word"), self.tr("Cosine"),
                                     self.tr("Overlap@{k}").format(k=k)])  # fmt: skip
        t.horizontalHeaderItem(1).setToolTip(
            self.tr("Cosine between the word's aligned A vector and its B vector"))  # fmt: skip
        t.horizontalHeaderItem(2).setToolTip(
            self.tr("Share of its {k} nearest words in A that are among its {k} nearest in B")
            .format(k=k))  # fmt: skip

    def rows(self) -> tuple[MovedWord, ...]:
        """The rows as shown (most or least moved)."""
        if self.result is None:
            return ()
        return self.result.most if self.list_choice.currentData() else self.result.least

    def show(self, result: CompareResult | None) -> None:
        """Fill the table from ``result`` (``None``: empty)."""
        self.result = result
        rows = self.rows()
        t = self.table
        t.blockSignals(True)
        t.clearSelection()
        t.setRowCount(len(rows))
        for i, m in enumerate(rows):
            t.setItem(i, 0, QTableWidgetItem(m.word))
            for col, value in ((1, f"{m.cosine:.3f}"), (2, f"{m.overlap:.2f}")):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                t.setItem(i, col, item)
        t.blockSignals(False)

    def _on_row(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.word_chosen.emit(self.table.item(rows[0].row(), 0).text())


class NeighboursTable(QTableWidget):
    """A word's nearest words in A and in B side by side; those in both lists in bold."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        make_table(2, self)  # the same look as the moved-word table
        self.setHorizontalHeaderLabels([self.tr("Nearest in A"), self.tr("Nearest in B")])
        self.setToolTip(self.tr("The selected word's nearest shared words in each space; "
                                "bold: in both lists"))  # fmt: skip
        self.shown: SideBySide | None = None
        # the common words' colour is the theme's (a bound method: Qt disconnects it)
        theme.notifier().changed.connect(self._on_theme)

    def _on_theme(self, _name: str) -> None:
        self.show_word(self.shown)

    def show_word(self, s: SideBySide | None) -> None:
        """Show ``s``'s neighbours (``None``: none)."""
        self.shown = s
        if s is None:
            self.setRowCount(0)
            return
        common = s.common
        self.setRowCount(max(len(s.in_a), len(s.in_b)))
        rgb = theme.COMPARE[theme.current()]["common"]
        for col, near in ((0, s.in_a), (1, s.in_b)):
            for i, n in enumerate(near):
                item = QTableWidgetItem(f"{n.word}  {n.score:.2f}")
                item.setData(Qt.ItemDataRole.UserRole, n.word)
                if n.word in common:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setForeground(QColor(*rgb[:3]))
                    item.setToolTip(self.tr("{w} is near “{s}” in both spaces").format(
                        w=n.word, s=s.word))  # fmt: skip
                self.setItem(i, col, item)
        self.horizontalHeaderItem(0).setText(self.tr("“{w}” in A").format(w=s.word))
        self.horizontalHeaderItem(1).setText(self.tr("in B: {n} common").format(n=len(common)))
        self.horizontalHeaderItem(0).setToolTip(
            self.tr("The nearest shared words to “{w}” in A").format(w=s.word))  # fmt: skip

    def common_words(self) -> set[str]:
        """The words shown bold (in both lists)."""
        out = set()
        for r in range(self.rowCount()):
            for c in range(2):
                item = self.item(r, c)
                if item is not None and item.font().bold():
                    out.add(item.data(Qt.ItemDataRole.UserRole))
        return out


class BigWindowButton(QPushButton):
    """Floats the dock holding ``panel`` as a big window, or docks it back; says which."""

    def __init__(self, panel: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.panel = panel
        self._watched = False
        self._say(False)
        self.setToolTip(self.tr("Show the comparison in a large window of its own, or "
                                "dock it back"))  # fmt: skip
        self.clicked.connect(self.toggle_big)

    def toggle_big(self) -> None:
        """Float the panel's dock, or dock it again."""
        from embviz.gui.training.parts import float_dock

        dock = self.panel.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is not None and not self._watched:
            self._watched = True  # the dock's own float button counts too
            dock.topLevelChanged.connect(self._say)
        float_dock(self.panel)

    def _say(self, floating: bool) -> None:
        self.setText(self.tr("Dock back") if floating else self.tr("Big window"))
