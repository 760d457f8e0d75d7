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
model's signals. The parts live in :mod:`.parts`, the file dialogs in :mod:`.dialogs`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from embviz.core.compare_model import CompareModel, CompareResult, MovedWord, SideBySide
from embviz.core.embeddings import Embeddings
from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.core.progress import Progress
from embviz.core.workspace import Workspace
from embviz.gui.compare.dialogs import ask_save_image, ask_space_b
from embviz.gui.compare.parts import (
    BigWindowButton,
    MovedTable,
    NeighboursTable,
    RunControls,
    SettingsRow,
    SpacesBox,
    short_name,
    snapshot_embeddings,
    summary,
)
from embviz.gui.compare.view import CompareView
from embviz.gui.jobs import Job
from embviz.gui.panels.base import Panel

TITLE = QT_TRANSLATE_NOOP("Panels", "Compare")


class ComparePanel(Panel):
    """Choose space B, set and run the comparison, read the table, the neighbours and the view."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.training = workspace.training
        self.model = CompareModel(workspace.embeddings)
        self._token: int | None = None
        self._build()
        self._bind()
        self._on_loaded(workspace.embeddings)

    # -- construction --------------------------------------------------------------
    def _build(self) -> None:
        self.spaces = SpacesBox()
        self.settings_row = SettingsRow()
        self.fields = self.settings_row.fields
        self.controls = RunControls(self.fields["case_insensitive"])
        self.view = CompareView(self)
        self.view.message = self.tr("Choose space B and press Compare: both spaces appear here, "
                                    "aligned")  # fmt: skip
        self.moved = MovedTable()
        self.neighbours = NeighboursTable()
        self.save_button = QPushButton(self.tr("Save image…"))
        self.save_button.setToolTip(self.tr("The 3D comparison as PNG at 1920 × 1080"))
        self.big_button = BigWindowButton(self)
        tools = QHBoxLayout()
        tools.addWidget(self.moved.list_choice, 1)
        tools.addWidget(self.save_button)
        tools.addWidget(self.big_button)
        tables = QSplitter(Qt.Orientation.Horizontal)
        tables.addWidget(self.moved.table)
        tables.addWidget(self.neighbours)
        tables.setStretchFactor(0, 3)
        tables.setStretchFactor(1, 2)
        bottom = QWidget()
        bottom.setMinimumHeight(140)
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
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        for part in (self.spaces, self.settings_row, self.controls):
            lay.addWidget(part)
        lay.addWidget(self.splitter, 1)
        # the names the tests, the monkey and the gallery know
        for part, names in ((self.spaces, "a_label b_label file_button trained_choice"),
                            (self.controls, "compare_button cancel_button progress status"),
                            (self.moved, "list_choice table")):  # fmt: skip
            for name in names.split():
                setattr(self, name, getattr(part, name))

    def _bind(self) -> None:
        self.workspace.loaded.connect(self._on_loaded)
        self.view.set_scale(self.workspace.label_scale)
        self.workspace.label_scale_changed.connect(self.view.set_scale)
        self.spaces.follow(self.training)
        m = self.model
        m.started.connect(self._on_started)
        m.result_changed.connect(self._show_result)
        m.failed.connect(self._on_failed)
        m.selection_changed.connect(self.neighbours.show_word)
        m.slice_changed.connect(self._show_slice)
        m.settings_changed.connect(lambda s: self.moved.set_k(s.k))
        self.settings_row.changed.connect(self._set)
        self.file_button.clicked.connect(lambda: ask_space_b(self))
        self.trained_choice.activated.connect(self._on_trained_choice)
        self.compare_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.moved.word_chosen.connect(self.select)
        self.view.wordClicked.connect(self.select)
        self.save_button.clicked.connect(lambda: ask_save_image(self))

    # -- spaces --------------------------------------------------------------------
    def _on_loaded(self, emb: Embeddings | None) -> None:
        self.cancel(quiet=True)  # a run on the old space A is of no use any more
        if emb is not None and emb is not self.model.a:
            self.model.set_a(emb)
        self.spaces.show_a(emb)
        self.view.set_names(self.tr("A: {name}").format(name=short_name(emb)), self.view.names[1])
        self._update_buttons()

    def set_b(self, emb: Embeddings, label: str = "") -> None:
        """Compare with ``emb`` (a loaded file, a trained model, a snapshot)."""
        self.cancel(quiet=True)
        self.model.set_b(emb, label)
        self.spaces.show_b(emb, self.model.b_label)
        self.view.set_names(
            self.view.names[0], self.tr("B: {name}").format(name=short_name(emb, label))
        )
        self.controls.show_status(self.tr("Space B is ready: press Compare."))
        self._update_buttons()

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
        self.controls.show_status(self.tr("Loading {name}…").format(name=name))

        def loaded(emb: Embeddings) -> None:
            self.set_b(offer_drop_nonfinite(self, emb))

        def failed(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                self.controls.show_status(self.tr("Loading cancelled."))
                return
            report_load_error(self, error, lambda **o: self.open_b(path, fmt, **{**options, **o}),
                              say=self.controls.show_error)  # fmt: skip

        job.done.connect(loaded)
        job.error.connect(failed)
        return job

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
            self.controls.show_error(
                self.tr("Nothing trained yet: train in the Train panel first.")
            )
            return
        self.set_b(model, self.tr("trained model: {name}").format(name=model.source.describe()))

    def use_snapshot(self, index: int) -> None:
        """Space B: the watched words at snapshot ``index`` of the Train panel's run."""
        snaps = self.training.snapshots
        if not 0 <= index < len(snaps):
            self.controls.show_error(
                self.tr("That snapshot is gone: the Train panel started a new run.")
            )
            return
        emb = snapshot_embeddings(snaps[index], index)
        self.set_b(emb, emb.source.label)

    # -- settings and the run ------------------------------------------------------
    def _set(self, name: str, value) -> None:
        try:
            self.model.update(**{name: value})
        except EmbvizError as e:
            self.controls.show_error(str(e))

    def run(self) -> Job | None:
        """Compare A and B in the background (a run still going is dropped)."""
        if self.model.a is None:
            self.controls.show_error(self.tr("Open a vector file first: it is space A."))
            return None
        if self.model.b is None:
            self.controls.show_error(
                self.tr("Choose space B first: a file, or the Train panel's model.")
            )
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
        job.progressed.connect(self.controls.set_progress)
        job.done.connect(lambda result, token=token: self.model.finish(token, result))
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
        self.controls.show_status(self.tr("Comparing {a} with {b}…").format(
            a=short_name(self.model.a), b=self.model.b_label))  # fmt: skip
        self._update_buttons(running=True)

    def _on_failed(self, message: str) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        if message:
            self.controls.show_error(message)
        self._update_buttons(running=False)

    def _update_buttons(self, running: bool | None = None) -> None:
        if running is None:
            running = self.jobs.current("compare") is not None
        self.compare_button.setEnabled(self.model.a is not None and self.model.b is not None)
        self.cancel_button.setEnabled(running)
        has = self.model.result is not None
        self.save_button.setEnabled(has)

    # -- results -------------------------------------------------------------------
    def _show_result(self, result: CompareResult | None) -> None:
        self.moved.show(result)
        if result is not None:
            self.progress.setValue(1000)
            # the core's notes (skipped anchor words, dimensions) on hover
            self.controls.show_status(summary(result), "\n".join(result.comparison.notes))
        self._update_buttons()

    def rows(self) -> tuple[MovedWord, ...]:
        """The table's rows as shown (most or least moved)."""
        return self.moved.rows()

    def select(self, word: str | None) -> SideBySide | None:
        """Select ``word``: its neighbours side by side, the view flies to it."""
        if self.model.result is None:
            return None
        try:
            return self.model.select(word)
        except EmbvizError as e:
            self.controls.show_error(str(e))
            return None

    def _show_slice(self, aligned) -> None:
        s = self.model.selected
        self.view.show_slice(aligned, s)
        if s is not None:
            target = self.view.position(s.word)
            if target is not None:
                self.view.fly_center(target)

    def common_neighbours(self) -> set[str]:
        """Words shown bold in the side-by-side lists (in both)."""
        return self.neighbours.common_words()

    # -- the view ------------------------------------------------------------------
    def save_image(self, path: str, size: tuple[int, int] = (1920, 1080)) -> bool:
        """Render the comparison at ``size`` to ``path``; True if written."""
        ok = self.view.render_at(*size).save(str(path))
        if ok:
            self.controls.show_status(self.tr("Saved {path}").format(path=path))
        else:
            self.controls.show_error(self.tr("{path}: could not write the image").format(path=path))
        return ok

    def shutdown(self) -> None:
        """Stop loading and comparing without waiting (the window is closing)."""
        self.model.cancel()
        super().shutdown()


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> ComparePanel:
    """The Compare panel for ``workspace``."""
    return ComparePanel(workspace, parent)
