"""The Compare panel: align a second space with the open one and see which words moved.

The panel holds widgets only. What it shows is a
:class:`~embviz.core.compare_model.CompareModel`: space A is the workspace's
open embeddings (followed when another file is opened), space B a file (read
with the window's own loader, :mod:`embviz.gui.loading`), the model the Train
panel trained or one of its snapshots (from
:attr:`Workspace.training <embviz.core.workspace.Workspace.training>`, so this
panel never imports the Train panel). The settings row is built from
:class:`~embviz.core.compare_model.CompareSettings`; a run is the model's work
on a ``"compare"`` job with an inline progress bar and Cancel. The table of most
and least moved words, the neighbours of the selected word in A and in B side
by side, and the :class:`~embviz.gui.compare.view.CompareView` follow the
model's signals.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from embviz.core.compare import MAX_LISTED
from embviz.core.compare_model import CompareModel, CompareResult, CompareSettings, SideBySide
from embviz.core.embeddings import Embeddings, Source
from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.core.progress import Progress
from embviz.core.workspace import Workspace
from embviz.gui import theme
from embviz.gui.compare.view import CompareView
from embviz.gui.jobs import Job
from embviz.gui.panels.base import Panel

TITLE = QT_TRANSLATE_NOOP("Panels", "Compare")

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


def snapshot_embeddings(snap, index: int) -> Embeddings:
    """A training snapshot's watched words as a space of their own."""
    label = QCoreApplication.translate("ComparePanel", "snapshot {i}, epoch {epoch:.1f}").format(
        i=index, epoch=snap.epoch
    )
    return Embeddings(list(snap.words), snap.vectors, source=Source(label=label, format="trained"))


class ComparePanel(Panel):
    """Choose space B, set and run the comparison, read the table, the neighbours and the view."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.training = workspace.training
        self.model = CompareModel(workspace.embeddings)
        self._token: int | None = None
        self._big_watched = False
        self._build()
        self._bind()
        self._show_a(workspace.embeddings)
        self._fill_training()
        self._update_buttons()

    # -- construction --------------------------------------------------------------
    def _build(self) -> None:
        self.a_label = QLabel()
        self.b_label = QLabel(self.tr("B: choose a file or a trained model"))
        for lab in (self.a_label, self.b_label):
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lab.setMinimumWidth(40)
        self.file_button = QPushButton(self.tr("Open B file…"))
        self.file_button.setToolTip(self.tr("Read space B from a vector file (as File → Open)"))
        self.trained_choice = QComboBox()
        self.trained_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.trained_choice.setMinimumContentsLength(8)
        row_b = QHBoxLayout()
        row_b.addWidget(self.file_button)
        row_b.addWidget(self.trained_choice, 1)

        self.fields: dict[str, QWidget] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        defaults = {f.name: f.default for f in dataclasses.fields(CompareSettings)}
        # one row: Anchors [n] k [n] Dims [pad]; the check box goes beside Compare
        for col, (name, (label, tip, bounds)) in enumerate(SETTINGS.items()):
            default = defaults[name]
            if isinstance(default, bool):
                w = QCheckBox(_tr(label))
                w.setChecked(default)
            elif isinstance(default, int):
                w = QSpinBox()
                w.setRange(*bounds)
                w.setGroupSeparatorShown(True)
                w.setValue(default)
            else:
                w = QComboBox()
                for value, text in DIMS.items():
                    w.addItem(_tr(text), value)
                w.setCurrentIndex(w.findData(default))
            if not isinstance(w, QCheckBox):
                grid.addWidget(QLabel(_tr(label)), 0, 2 * col)
                grid.addWidget(w, 0, 2 * col + 1)
                grid.setColumnStretch(2 * col + 1, 1)
            w.setToolTip(_tr(tip))
            self.fields[name] = w

        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.setToolTip(self.tr("Align A onto B and find the words that moved"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.progress = QProgressBar(minimum=0, maximum=1000, textVisible=False)
        self.progress.setMaximumHeight(6)
        run_row = QHBoxLayout()
        run_row.addWidget(self.fields["case_insensitive"])
        run_row.addWidget(self.compare_button, 1)
        run_row.addWidget(self.cancel_button)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.view = CompareView(self)
        self.view.message = self.tr("Choose space B and press Compare: both spaces appear here, "
                                    "aligned")  # fmt: skip
        self.list_choice = QComboBox()
        self.list_choice.addItem(self.tr("Most moved"), True)
        self.list_choice.addItem(self.tr("Least moved"), False)
        self.list_choice.setToolTip(self.tr("Lowest cosine after alignment first, or highest"))
        self.big_button = QPushButton(self.tr("Big window"))
        self.big_button.setToolTip(self.tr("Show the comparison in a large window of its own, or "
                                           "dock it back"))  # fmt: skip
        self.save_button = QPushButton(self.tr("Save image…"))
        self.save_button.setToolTip(self.tr("The 3D comparison as PNG at 1920 × 1080"))
        tools = QHBoxLayout()
        tools.addWidget(self.list_choice, 1)
        tools.addWidget(self.save_button)
        tools.addWidget(self.big_button)

        self.table = self._make_table(3)
        self.neighbours = self._make_table(2)
        self.neighbours.setHorizontalHeaderLabels([self.tr("Nearest in A"),
                                                   self.tr("Nearest in B")])  # fmt: skip
        self.neighbours.setToolTip(self.tr("The selected word's nearest shared words in each "
                                           "space; bold: in both lists"))  # fmt: skip
        self._set_table_headers(self.model.settings.k)
        tables = QSplitter(Qt.Orientation.Horizontal)
        tables.addWidget(self.table)
        tables.addWidget(self.neighbours)
        tables.setStretchFactor(0, 3)
        tables.setStretchFactor(1, 2)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addLayout(tools)
        bl.addWidget(tables, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(bottom)
        # the picture gets most of the height; the tables show about six rows
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        bottom.setMinimumHeight(140)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.a_label)
        lay.addWidget(self.b_label)
        lay.addLayout(row_b)
        lay.addLayout(grid)
        lay.addLayout(run_row)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.splitter, 1)

    @staticmethod
    def _make_table(columns: int) -> QTableWidget:
        t = QTableWidget(0, columns)
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

    def _set_table_headers(self, k: int) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Word"), self.tr("Cosine"), self.tr("Overlap@{k}").format(k=k)]
        )
        self.table.horizontalHeaderItem(1).setToolTip(
            self.tr("Cosine between the word's aligned A vector and its B vector")
        )
        self.table.horizontalHeaderItem(2).setToolTip(
            self.tr("Share of its {k} nearest words in A that are among its {k} nearest in B")
            .format(k=k))  # fmt: skip

    def _bind(self) -> None:
        self.workspace.loaded.connect(self._on_loaded)
        self.view.set_scale(self.workspace.label_scale)
        self.workspace.label_scale_changed.connect(self.view.set_scale)
        for signal in (self.training.started, self.training.snapshot_added,
                       self.training.model_changed):  # fmt: skip
            signal.connect(self._fill_training)
        m = self.model
        m.started.connect(self._on_started)
        m.result_changed.connect(self._show_result)
        m.failed.connect(self._on_failed)
        m.selection_changed.connect(self._show_neighbours)
        m.slice_changed.connect(self._show_slice)
        m.settings_changed.connect(lambda s: self._set_table_headers(s.k))
        for name, w in self.fields.items():
            if isinstance(w, QCheckBox):
                w.toggled.connect(lambda v, name=name: self._set(name, bool(v)))
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(
                    lambda _i, name=name, w=w: self._set(name, w.currentData())
                )
            else:
                w.valueChanged.connect(lambda v, name=name: self._set(name, int(v)))
        self.file_button.clicked.connect(self.open_b_dialog)
        self.trained_choice.activated.connect(self._on_trained_choice)
        self.compare_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.list_choice.currentIndexChanged.connect(lambda _i: self._fill_table())
        self.table.itemSelectionChanged.connect(self._on_row)
        self.view.wordClicked.connect(self.select)
        self.big_button.clicked.connect(self._toggle_big)
        # the common neighbours' colour is the theme's
        # (a bound method: Qt disconnects it when the panel is deleted)
        theme.notifier().changed.connect(self._on_theme)
        self.save_button.clicked.connect(self.save_image_dialog)

    # -- spaces --------------------------------------------------------------------
    def _on_loaded(self, emb: Embeddings | None) -> None:
        self.cancel(quiet=True)  # a run on the old space A is of no use any more
        if emb is not None:
            self.model.set_a(emb)
        self._show_a(emb)
        self._update_buttons()

    def _show_a(self, emb: Embeddings | None) -> None:
        if emb is None:
            text = self.tr("A: nothing open yet (File → Open)")
        else:
            text = self.tr("A (open file): {name}, {n:,} × {dim}").format(
                name=emb.source.describe(), n=len(emb), dim=emb.dim
            )
        self._set_elided(self.a_label, text)
        self.view.set_names(self.tr("A: {name}").format(name=_short(emb)),
                            self.view.names[1])  # fmt: skip

    def set_b(self, emb: Embeddings, label: str = "") -> None:
        """Compare with ``emb`` (a loaded file, a trained model, a snapshot)."""
        self.cancel(quiet=True)
        self.model.set_b(emb, label)
        self._set_elided(self.b_label, self.tr("B: {name}, {n:,} × {dim}").format(
            name=self.model.b_label, n=len(emb), dim=emb.dim))  # fmt: skip
        self.view.set_names(
            self.view.names[0], self.tr("B: {name}").format(name=_short(emb, label))
        )
        self.show_status(self.tr("Space B is ready: press Compare."))
        self._update_buttons()

    def _set_elided(self, label: QLabel, text: str) -> None:
        # the whole text in the tooltip; the label elides to the panel's width
        label.setToolTip(text)
        label.setProperty("full_text", text)
        self._elide(label)

    def _elide(self, label: QLabel) -> None:
        text = label.property("full_text") or ""
        width = max(label.width(), 40)
        label.setText(label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, width))

    def resizeEvent(self, ev) -> None:
        """Elide the space names to the new width."""
        super().resizeEvent(ev)
        for lab in (self.a_label, self.b_label):
            if lab.property("full_text"):
                self._elide(lab)

    def open_b_dialog(self) -> None:
        """Ask for a vector file and load it as space B."""
        from embviz.gui.settings import Settings

        settings = Settings()
        start = settings.text("last_dir", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open space B"), start,
            self.tr("Vector files (*.txt *.vec *.bin *.npy *.npz *.tsv *.safetensors *.kv "
                    "*.model *.gz *.bz2 *.xz);;All files (*)"))  # fmt: skip
        if path:
            settings.setValue("last_dir", str(Path(path).parent))
            self.open_b(path)

    def open_b(self, path: str | None, fmt: str | None = None, **options) -> Job:
        """Load ``path`` as space B in the background (``None``: the embedded GloVe vectors).

        The loaders, cache and questions are File → Open's
        (:mod:`embviz.gui.loading`); an error is said in the status line.
        """
        from embviz.gui.load_choices import offer_drop_nonfinite
        from embviz.gui.loading import load_work, report_load_error

        name = Path(path).name if path else self.tr("embedded GloVe")
        job = self.jobs.start("load", self.tr("Loading {name}…").format(name=name),
                              load_work(path, fmt, **options))  # fmt: skip
        self.show_status(self.tr("Loading {name}…").format(name=name))

        def loaded(emb: Embeddings) -> None:
            self.set_b(offer_drop_nonfinite(self, emb))

        def failed(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                self.show_status(self.tr("Loading cancelled."))
                return
            report_load_error(self, error, lambda **o: self.open_b(path, fmt, **{**options, **o}),
                              say=self.show_error)  # fmt: skip

        job.done.connect(loaded)
        job.error.connect(failed)
        return job

    def _fill_training(self, *_args) -> None:
        """List the Train panel's trained model and snapshots as choices for B."""
        c = self.trained_choice
        c.clear()
        model, snaps = self.training.model, self.training.snapshots
        if model is None and not snaps:
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
        for i, s in enumerate(snaps):
            c.addItem(self.tr("Snapshot {i}: epoch {epoch:.1f}").format(i=i, epoch=s.epoch), i)

    def _on_trained_choice(self, index: int) -> None:
        which = self.trained_choice.itemData(index)
        if which is None:
            return
        if which == "model":
            self.use_trained_model()
        else:
            self.use_snapshot(int(which))
        self.trained_choice.setCurrentIndex(0)

    def use_trained_model(self) -> None:
        """Space B: the model the Train panel trained last."""
        model = self.training.model
        if model is None:
            self.show_error(self.tr("Nothing trained yet: train in the Train panel first."))
            return
        self.set_b(model, self.tr("trained model: {name}").format(name=model.source.describe()))

    def use_snapshot(self, index: int) -> None:
        """Space B: the watched words at snapshot ``index`` of the Train panel's run."""
        snaps = self.training.snapshots
        if not 0 <= index < len(snaps):
            self.show_error(self.tr("That snapshot is gone: the Train panel started a new run."))
            return
        emb = snapshot_embeddings(snaps[index], index)
        self.set_b(emb, emb.source.label)

    # -- settings and the run ------------------------------------------------------
    def _set(self, name: str, value) -> None:
        try:
            self.model.update(**{name: value})
        except EmbvizError as e:
            self.show_error(str(e))

    def run(self) -> Job | None:
        """Compare A and B in the background (a run still going is dropped)."""
        if self.model.a is None:
            self.show_error(self.tr("Open a vector file first: it is space A."))
            return None
        if self.model.b is None:
            self.show_error(self.tr("Choose space B first: a file, or the Train panel's model."))
            return None
        holder: list[Progress] = []
        # the model's run reports through the job's progress: its bar, and its Cancel
        relay = Progress(callback=lambda f, m: holder[0].report(f, m) if holder else None)
        token, work = self.model.start(relay)
        self._token = token

        def fn(progress: Progress):
            holder.append(progress)
            return work()

        job = self.jobs.start("compare", self.tr("Comparing…"), fn, show_dialog=False)
        job.progressed.connect(self._on_progress)
        job.done.connect(lambda result, token=token: self._finished(token, result))
        job.error.connect(lambda error, token=token: self._run_failed(token, error))
        return job

    @property
    def job(self) -> Job | None:
        """The comparison running, if any."""
        return self.jobs.current("compare")

    def cancel(self, quiet: bool = False) -> None:
        """Stop the comparison running, if any; returns at once."""
        running = self.jobs.current("compare") is not None
        self.jobs.cancel("compare")
        if running and self._token is not None:
            self.model.cancel()
            self.model.fail(self._token, "" if quiet else self.tr("Comparison cancelled."))
        self._update_buttons()

    def _finished(self, token: int, result: CompareResult) -> None:
        self.model.finish(token, result)
        self._update_buttons()

    def _run_failed(self, token: int, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            message = self.tr("Comparison cancelled.")
        elif isinstance(error, EmbvizError | MemoryError):
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
        else:  # a bug: the details in a dialog and the log, one line here
            from embviz.gui.error_dialog import show_error

            show_error(error, self, self.tr("Comparison failed"))
            message = self.tr("Comparison failed: {error}").format(error=type(error).__name__)
        self.model.fail(token, message)
        self._update_buttons()

    def _on_started(self, _token: int) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.show_status(self.tr("Comparing {a} with {b}…").format(
            a=_short(self.model.a), b=self.model.b_label))  # fmt: skip
        self._update_buttons(running=True)

    def _on_progress(self, fraction, message: str) -> None:
        if fraction is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * fraction))

    def _on_failed(self, message: str) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        if message:
            self.show_error(message)
        self._update_buttons(running=False)

    def _update_buttons(self, running: bool | None = None) -> None:
        if running is None:
            running = self.jobs.current("compare") is not None
        self.compare_button.setEnabled(self.model.a is not None and self.model.b is not None)
        self.cancel_button.setEnabled(running)
        has = self.model.result is not None
        self.save_button.setEnabled(has)

    def show_status(self, text: str) -> None:
        """Say ``text`` in the status line."""
        self.status.setStyleSheet("")
        self.status.setText(text)
        self.status.setToolTip("")

    def show_error(self, text: str) -> None:
        """Say ``text`` (one line) in the status line, in the theme's error colour."""
        self.status.setStyleSheet(theme.ERROR_STYLE)
        self.status.setText(text)

    # -- results -------------------------------------------------------------------
    def summary(self, result: CompareResult) -> str:
        """One line: shared words, anchors, dimensions and how, held-out precision."""
        c = result.comparison
        dims = {"same": self.tr("{d} dims both"), "pad": self.tr("{a}→{b} dims, zero-padded"),
                "pca": self.tr("{a}→{b} dims, PCA")}[c.dims_method]  # fmt: skip
        dims = dims.format(d=c.dims[0], a=c.dims[0], b=c.dims[1])
        p = c.precision
        if p.words:
            held = self.tr("precision@1 {p1:.2f}, @5 {p5:.2f} on {n:,} held-out words").format(
                p1=p.at_1, p5=p.at_5, n=p.words
            )
            if p.cross_validated:
                held += self.tr(" (5-fold cross-validated)")
        else:
            held = self.tr("no held-out words")
        return self.tr("{shared:,} shared words · {anchors:,} anchors · {dims} · {held}").format(
            shared=len(c), anchors=len(c.anchors), dims=dims, held=held
        )

    def _show_result(self, result: CompareResult | None) -> None:
        self.table.clearSelection()
        self._fill_table()
        if result is not None:
            self.progress.setValue(1000)
            self.show_status(self.summary(result))
            notes = result.comparison.notes
            self.status.setToolTip("\n".join(notes))
        self._update_buttons()

    def rows(self) -> tuple:
        """The table's rows as shown (most or least moved)."""
        r = self.model.result
        if r is None:
            return ()
        return r.most if self.list_choice.currentData() else r.least

    def _fill_table(self) -> None:
        rows = self.rows()
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, m in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(m.word))
            for col, value in ((1, f"{m.cosine:.3f}"), (2, f"{m.overlap:.2f}")):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        self.table.blockSignals(False)

    def _on_row(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.select(self.table.item(rows[0].row(), 0).text())

    def select(self, word: str | None) -> SideBySide | None:
        """Select ``word``: its neighbours side by side, the view flies to it."""
        if self.model.result is None:
            return None
        try:
            return self.model.select(word)
        except EmbvizError as e:
            self.show_error(str(e))
            return None

    def _on_theme(self, _name: str) -> None:
        self._show_neighbours(self.model.selected)

    def _show_neighbours(self, s: SideBySide | None) -> None:
        t = self.neighbours
        if s is None:
            t.setRowCount(0)
            return
        common = s.common
        t.setRowCount(max(len(s.in_a), len(s.in_b)))
        rgb = theme.COMPARE[theme.current()]["common"]
        for col, near in ((0, s.in_a), (1, s.in_b)):
            for i, n in enumerate(near):
                item = QTableWidgetItem(f"{n.word}  {n.score:.2f}")
                item.setData(Qt.ItemDataRole.UserRole, n.word)
                if n.word in common:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setForeground(_qcolor(rgb))
                    item.setToolTip(self.tr("{w} is near “{s}” in both spaces").format(
                        w=n.word, s=s.word))  # fmt: skip
                t.setItem(i, col, item)
        t.horizontalHeaderItem(0).setText(self.tr("“{w}” in A").format(w=s.word))
        t.horizontalHeaderItem(1).setText(self.tr("in B: {n} common").format(n=len(common)))
        t.horizontalHeaderItem(0).setToolTip(
            self.tr("The nearest shared words to “{w}” in A").format(w=s.word)
        )

    def _show_slice(self, aligned) -> None:
        s = self.model.selected
        self.view.show_slice(aligned, s)
        if s is not None:
            target = self.view.position(s.word)
            if target is not None:
                self.view.fly_center(target)

    def common_neighbours(self) -> set[str]:
        """Words shown bold in the side-by-side lists (in both)."""
        out = set()
        for r in range(self.neighbours.rowCount()):
            for c in range(2):
                item = self.neighbours.item(r, c)
                if item is not None and item.font().bold():
                    out.add(item.data(Qt.ItemDataRole.UserRole))
        return out

    # -- the view ------------------------------------------------------------------
    def _toggle_big(self) -> None:
        from PySide6.QtWidgets import QDockWidget

        from embviz.gui.training.parts import float_dock

        dock = self.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is not None and not self._big_watched:
            self._big_watched = True  # the dock's own float button counts too
            dock.topLevelChanged.connect(self._on_floating)
        float_dock(self)

    def _on_floating(self, floating: bool) -> None:
        self.big_button.setText(self.tr("Dock back") if floating else self.tr("Big window"))

    def save_image_dialog(self) -> None:
        """Ask where, then save the 3D comparison as an image."""
        from embviz.gui.export_menu import ask_save_path

        path = ask_save_path(self, self.tr("Save comparison image"), "embviz-compare.png",
                             self.tr("PNG image (*.png);;JPEG image (*.jpg)"))  # fmt: skip
        if path:
            self.save_image(path)

    def save_image(self, path: str, size: tuple[int, int] = (1920, 1080)) -> bool:
        """Render the comparison at ``size`` to ``path``; True if written."""
        ok = self.view.render_at(*size).save(str(path))
        if ok:
            self.show_status(self.tr("Saved {path}").format(path=path))
        else:
            self.show_error(self.tr("{path}: could not write the image").format(path=path))
        return ok

    def shutdown(self) -> None:
        """Stop loading and comparing without waiting (the window is closing)."""
        self.model.cancel()
        super().shutdown()


def _short(emb: Embeddings | None, label: str = "") -> str:
    if emb is None:
        return "—"
    text = label or emb.source.describe()
    return text if len(text) <= 40 else text[:39] + "…"


def _qcolor(rgb):
    from PySide6.QtGui import QColor

    return QColor(*rgb[:3])


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> ComparePanel:
    """The Compare panel for ``workspace``."""
    return ComparePanel(workspace, parent)
