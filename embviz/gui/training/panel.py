"""The Train panel: train word2vec live and watch the vectors learn.

The panel holds widgets only: the run's snapshots, frames, similarities and
trained model are a :class:`~embviz.core.training_session.TrainingSession`,
the playback position a :class:`~embviz.core.playback.Playback`, and the
form is built from :class:`~embviz.core.training.TrainParams`
(:mod:`embviz.gui.training.form`). The training itself is
:func:`embviz.core.training.train_word2vec` in a
:class:`~embviz.gui.training.worker.TrainingRun` worker process, and the picture is a
:class:`~embviz.gui.training.view.TrainingView`. Playback interpolates between
snapshots on a stable frame (:mod:`embviz.core.frames`) at ~30 frames/s
(:class:`~embviz.gui.training.player.FramePlayer`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from embviz.core.child import ChildProcessFailed
from embviz.core.errors import EmbvizError
from embviz.core.frames import Prepared
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.core.playback import Playback
from embviz.core.training import DEFAULT_PAIRS, DEFAULT_PAIRS_ZH, Snapshot
from embviz.core.workspace import Workspace
from embviz.gui.panels.base import Panel
from embviz.gui.training.export import TrainingExports
from embviz.gui.training.form import TrainForm
from embviz.gui.training.parts import (
    FormAndPicture,
    RunHeader,
    Timeline,
    TrainingCurves,
    float_dock,
)
from embviz.gui.training.player import FramePlayer
from embviz.gui.training.view import TrainingView
from embviz.gui.training.worker import TrainingRun

TITLE = QT_TRANSLATE_NOOP("Panels", "Train")
__all__ = ["DEFAULT_PAIRS", "DEFAULT_PAIRS_ZH", "TITLE", "TrainPanel", "make_panel"]


class TrainPanel(Panel):
    """Form, run control, 3D view of the watched words, timeline and curves."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.run: TrainingRun | None = None
        self.session = workspace.training  # shared: the Compare panel reads what was trained
        self.playback = Playback()
        self._close_watcher: QObject | None = None
        self._fraction = 0.0
        self._failed = False  # the current run reported an error
        self._build()
        self.exports = TrainingExports(self.session, self.playback, self.view,
                                       lambda: self.workspace.label_scale, self)  # fmt: skip
        self.player = FramePlayer(self.session, self.playback, self.view, self.timeline,
                                  self.curves, self._refresh, self)  # fmt: skip
        self.timer = self.player.clock.timer
        self._bind()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._update_buttons()

    # -- construction --------------------------------------------------------------
    def _build(self) -> None:
        self.view = TrainingView(self)
        self.view.setMinimumHeight(150)  # stacked under the form in a side dock, all of it fits
        self.view.caption = self.tr("Press “Start training”: the initial vectors appear here, "
                                    "then move as word2vec learns")  # fmt: skip
        self.header = RunHeader()
        self.form = TrainForm(self.session)
        self.save_button = QPushButton(self.tr("Save vectors…"))
        self.save_button.setToolTip(
            self.tr("word2vec text (.txt) or binary (.bin) of the whole vocabulary")
        )
        self.open_button = QPushButton(self.tr("Open as current data"))
        self.open_button.setToolTip(self.tr("Show the trained vectors in the main view"))
        v = self.form.layout()
        v.addWidget(self.save_button)
        v.addWidget(self.open_button)
        v.addStretch(1)
        self.timeline = Timeline(self.playback)
        self.curves = TrainingCurves(self.session)
        self.curves.reset(self.form.fields["epochs"].value())
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.view, 3)
        rl.addWidget(self.timeline)
        rl.addWidget(self.curves, 2)  # the loss curve needs height to be read
        self.splitter = FormAndPicture(self.form, right, self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.header)
        lay.addWidget(self.splitter, 1)
        # the names the tests, the tour and the gallery know
        for name, w in self.form.fields.items():
            setattr(self, _WIDGET_NAMES.get(name, name), w)
        for part, names in ((self.form, "corpus_choice corpus_label"),
                            (self.header, "start_button stop_button progress status"),
                            (self.timeline, "slider frame_choice export_button play_button"),
                            (self.curves, "loss_plot sim_plot tabs pairs_edit readout"),
                            (self.splitter, "form_scroll")):  # fmt: skip
            for name in names.split():
                setattr(self, name, getattr(part, name))
        self._form_scroll = self.splitter.form_scroll

    def _bind(self) -> None:
        """Subscribe the widgets to the session and the playback, and the buttons to actions."""
        # the presentation text size (Ctrl++) reaches the labels drawn in the view
        self.view.set_scale(self.workspace.label_scale)
        self.workspace.label_scale_changed.connect(self.view.set_scale)
        self.session.snapshot_added.connect(self._on_snapshot)
        self.session.pairs_changed.connect(self._on_pairs)
        self.timeline.frame_chosen.connect(self._on_frame_choice)
        self.timeline.pop_button.clicked.connect(lambda: float_dock(self))
        self.timeline.export_button.clicked.connect(self.exports.ask)
        self.exports.status.connect(self.header.show_status)
        self.exports.error.connect(self._error)
        self.exports.changed.connect(self._update_buttons)
        self.header.start_button.clicked.connect(self.start)
        self.header.stop_button.clicked.connect(self.stop)
        self.save_button.clicked.connect(self.save_dialog)
        self.open_button.clicked.connect(self.open_as_current)

    # -- running -------------------------------------------------------------------
    def start(self) -> TrainingRun | None:
        """Start a new run from fresh initial vectors; a run in progress is stopped first."""
        from embviz.core.live_training import train_prepared

        self.shutdown()
        try:
            params = self.form.params()
            params.check()
        except EmbvizError as e:
            self._error(str(e))
            return None
        path = self.session.corpus
        self.session.begin(params)
        self.playback.reset()
        self.playback.live = True
        self._fraction, self._failed = 0.0, False
        self.player.forget()
        self.curves.reset(params.epochs)
        self.timeline.set_count(0)

        run = TrainingRun(train_prepared, (path, params), self)
        run.snapshot.connect(lambda item: self._on_item(item, run))
        run.progressed.connect(self._on_progress)
        run.failed.connect(lambda error: self._on_failed(error, run))
        run.finished.connect(lambda: self._on_finished(run))
        self.run = run
        self.header.show_status(
            self.tr("Reading {name}…").format(
                name=Path(path).name if path else self.tr("the teaching corpus")
            )
        )
        self.header.set_progress(0)
        run.start()
        self._update_buttons()
        return run

    def stop(self) -> None:
        """Ask the run to stop after the part of an epoch it is training."""
        if self.run is not None and self.run.is_running():
            self.run.stop()
            self.header.show_status(self.tr("Stopping…"))
            self._update_buttons()

    def shutdown(self) -> None:
        """Stop any run and export without waiting for them (window closing, new run).

        Their threads end on their own; :mod:`embviz.gui.jobs` keeps them until then.
        """
        self.exports.shutdown()
        run = self.run
        if run is not None:
            run.stop()
            # Snapshots it queues before ending are ignored: they are not from self.run.
            self.run = None
            self.playback.live = False
            run.deleteLater()
            self._update_buttons()

    def is_running(self) -> bool:
        """Whether a training thread runs."""
        return self.run is not None and self.run.is_running()

    def _on_item(self, item: tuple[Snapshot, Prepared], run: TrainingRun) -> None:
        if run is self.run:  # else a cancelled run's late snapshot
            self.session.add(*item)

    def _on_snapshot(self, snap: Snapshot) -> None:
        self.playback.length = len(self.session.snapshots)
        if snap.index == 0:
            self.view.set_words(snap.words, self.session.groups)
            self.view.set_highlight(self.session.highlight())
            self._refresh()  # show the initial vectors at once
        # The rest waits for the next frame tick: a fast run on a small corpus
        # yields hundreds of snapshots a second, and the GUI must not redo its
        # plots for each one.
        self.player.dirty = True

    def _refresh(self) -> None:
        """Bring frames, timeline, curves and status up to date with the snapshots."""
        self.player.dirty = False
        session = self.session
        if not session.snapshots:
            return
        snap = session.snapshots[-1]
        session.update_frames()
        self.timeline.set_count(len(session.snapshots))
        self.playback.catch_up()
        self.curves.show_run(self.playback.index)
        self.header.set_progress(int(1000 * self._fraction))
        self._update_buttons()  # e.g. export needs two snapshots
        if self.is_running() and not self._failed:  # keep a failure's message in view
            self.header.show_status(_run_status(snap, session.total_epochs))
        self.player.render(force=True)

    def _on_progress(self, fraction, _message: str) -> None:
        if fraction is not None:
            self._fraction = float(fraction)

    def _on_failed(self, error: BaseException, run: TrainingRun) -> None:
        if run is not self.run:
            return
        self._failed = True
        if not isinstance(error, EmbvizError):
            from embviz.gui.error_dialog import log_exception

            log_exception(error)  # a bug, not bad input: keep the traceback
        if isinstance(error, EmbvizError):
            self._error(str(error))
        elif isinstance(error, ChildProcessFailed):  # its message names the error already
            self._error(self.tr("training failed: {error}").format(error=error))
        else:
            self._error(
                self.tr("training failed: {error}").format(error=f"{type(error).__name__}: {error}")
            )

    def _on_finished(self, run: TrainingRun) -> None:
        if run is not self.run:
            return
        self.playback.live = False
        self._refresh()
        snaps, model = self.session.snapshots, self.session.model
        if snaps and snaps[-1].final:
            last = snaps[-1]
            self.header.set_progress(1000 if not last.stopped else self.progress.value())
            secs = sum(s.seconds for s in snaps)
            text = (self.tr("Stopped at epoch {epoch}: {n} words × {dim} dims, {secs} s of training")
                    if last.stopped else
                    self.tr("Finished at epoch {epoch}: {n} words × {dim} dims, {secs} s of training"))  # fmt: skip
            self.header.show_status(text.format(epoch=f"{last.epoch:.2f}", n=f"{len(model):,}",
                                                dim=model.dim, secs=f"{secs:.1f}"))  # fmt: skip
        self._update_buttons()

    # -- frames and playback -------------------------------------------------------
    def _on_frame_choice(self, mode: str | int) -> None:
        if not isinstance(mode, str):  # an index, as the combo box's signal gives it
            mode = self.frame_choice.itemData(mode)
        self.session.set_frame(mode, self.playback.index if mode == "pinned" else None)
        self.session.update_frames()
        self.player.render(force=True)

    def _on_pairs(self, _text: str) -> None:
        self.view.set_highlight(self.session.highlight())
        self.curves.show_pairs(self.playback.index)

    # -- results -------------------------------------------------------------------
    def save_dialog(self) -> bool:
        """Ask where to save the trained vectors and save them; True if saved."""
        if self.session.model is None:
            return False
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save trained vectors"), "vectors.txt",
            self.tr("word2vec text (*.txt);;word2vec binary (*.bin)"))  # fmt: skip
        if path:
            self.save(path, binary=chosen.endswith("(*.bin)") or path.endswith(".bin"))
        return not self.has_unsaved()

    def save(self, path: str, *, binary: bool = False) -> None:
        """Save the last run's vectors (all words) in word2vec format."""
        try:
            self.session.save(path, binary=binary)
        except EmbvizError as e:
            self._error(str(e))
            return
        self.header.show_status(
            self.tr("Saved {n} vectors to {path}").format(
                n=f"{len(self.session.model):,}", path=path
            )
        )

    def has_unsaved(self) -> bool:
        """Whether trained vectors exist that were not saved to a file."""
        return self.session.has_unsaved()

    def open_as_current(self) -> None:
        """Make the trained vectors the workspace's data, showing the watched words."""
        model, snaps = self.session.model, self.session.snapshots
        if model is not None:
            self.workspace.set_embeddings(model, snaps[-1].words if snaps else None)

    # -- small helpers -------------------------------------------------------------
    def _error(self, text: str) -> None:
        self.header.show_error(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.is_running()
        self.stop_button.setEnabled(running and not self.run.stopping)
        trained = self.session.model is not None
        self.save_button.setEnabled(trained)
        self.open_button.setEnabled(trained)
        exporting = self.exports.is_running()
        self.export_button.setEnabled(len(self.session.snapshots) >= 2 and not exporting)

    def resizeEvent(self, ev) -> None:
        """Stack form and view vertically when the panel is narrow (docked at the side)."""
        super().resizeEvent(ev)
        self.splitter.fit_width(self.width())

    def showEvent(self, ev) -> None:
        """Stop training when the window closes, so no thread outlives it."""
        super().showEvent(ev)
        win = self.window()
        if win is not self and self._close_watcher is None:
            self._close_watcher = _CloseWatcher(self.shutdown, self)
            win.installEventFilter(self._close_watcher)

    def closeEvent(self, ev) -> None:
        """Stop training when the panel itself is a closing window."""
        self.shutdown()
        super().closeEvent(ev)


def _run_status(snap: Snapshot, total: int) -> str:
    """The status line during a run, e.g. "1,234 words in the vocabulary, 40 watched — epoch 2.00 of 10"."""
    info = snap.info
    if snap.index == 0:
        what = QCoreApplication.translate("TrainPanel", "initial vectors")
    else:
        what = QCoreApplication.translate("TrainPanel", "epoch {epoch} of {total}").format(
            epoch=f"{snap.epoch:.2f}", total=total
        )
    # e.g. "Chinese text segmented into words by jieba …" (core's words, translated there)
    seg = f" · {info['segmentation']}" if info.get("segmentation") else ""
    if info.get("segmentation_parts"):  # the template the core marked: in the interface's language
        template, values = info["segmentation_parts"]
        seg = " · " + QCoreApplication.translate("Corpus", template).format(**values)
    return QCoreApplication.translate(
        "TrainPanel", "{n} words in the vocabulary, {watched} watched — {what}{seg}"
    ).format(n=f"{info.get('vocabulary', 0):,}", watched=len(snap.words), what=what, seg=seg)


class _CloseWatcher(QObject):
    """Calls ``on_close`` when the watched window gets a Close event."""

    def __init__(self, on_close, parent: QObject | None = None):
        super().__init__(parent)
        self._on_close = on_close

    def eventFilter(self, obj, ev) -> bool:
        """Pass every event on; notice Close."""
        if ev.type() == QEvent.Type.Close:
            self._on_close()
        return False


# TrainParams field -> the panel's attribute for its widget
_WIDGET_NAMES = {"sg": "arch", "window": "window_size", "snapshots_per_epoch": "parts"}


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for ``workspace``."""
    return TrainPanel(workspace, parent)
