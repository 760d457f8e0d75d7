"""The Train panel: train word2vec live and watch the vectors learn.

The panel holds the form, the run's snapshots and the playback position; the
training itself is :func:`embviz.core.training.train_word2vec` in a
:class:`~embviz.gui.training_worker.TrainingRun` worker process, and the picture is a
:class:`~embviz.gui.training_view.TrainingView`. Playback interpolates between
snapshots on a stable frame (:mod:`embviz.core.frames`) at ~30 frames/s.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from embviz.core.child import ChildProcessFailed
from embviz.core.errors import EmbvizError
from embviz.core.frames import Prepared, frame_coords, interpolate
from embviz.core.training import (
    DEFAULT_PAIRS,
    Snapshot,
    TrainParams,
    caption,
    cosine_pairs,
    epoch_at,
)
from embviz.core.workspace import Workspace
from embviz.gui import theme
from embviz.gui.panels.base import Panel
from embviz.gui.training_export import AnimationExport, Recording
from embviz.gui.training_plots import LossPlot, SimilarityPlot
from embviz.gui.training_view import TrainingView
from embviz.gui.training_worker import TrainingRun

TITLE = "Train"
FPS = 30
INIT_CHOICES = [
    ("gensim", "gensim default: uniform in ±1/dim"),
    ("normal", "normal, σ ="),
    ("uniform", "uniform in ±a, a ="),
    ("pretrained", "pretrained file (covered words)"),
]
FRAME_CHOICES = [
    ("final", "Fixed axes: PCA of the newest state"),
    ("pinned", "Fixed axes: PCA of the snapshot shown now"),
    ("procrustes", "Procrustes: align each to the previous"),
]


def _spin(lo: int, hi: int, value: int, tip: str) -> QSpinBox:
    s = QSpinBox(minimum=lo, maximum=hi, value=value)
    s.setToolTip(tip)
    return s


class TrainPanel(Panel):
    """Form, run control, 3D view of the watched words, timeline and curves."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.run: TrainingRun | None = None
        self.snapshots: list[Snapshot] = []
        self.coords: list[np.ndarray] = []
        self.axis_labels = ("", "", "")
        self.model = None  # Embeddings of the last finished or stopped run
        self._saved_model = None  # the model last written to a file
        self.t = 0.0
        self.playing = True
        self.speed = 2.0  # snapshots per second during playback
        self.pinned = 0
        self.corpus_file: str | None = None
        self._shown_t = None
        self._last_tick = time.perf_counter()
        self._close_watcher: QObject | None = None
        self._dirty = False
        self._fraction = 0.0
        self._cursor_i, self._cursor_at = -1, 0.0
        self._refreshed_n = 0
        self._prepared: list[Prepared] = []  # frame data per snapshot, from the worker
        self._failed = False  # the current run reported an error
        self._sims: list[list[float | None]] = []  # cosine of the pairs, per snapshot
        self._groups: dict[str, str] = {}  # colour group per watched word
        self.export: AnimationExport | None = None

        self.view = TrainingView(self)
        # the presentation text size (Ctrl++) reaches the labels drawn in the view
        self.view.set_scale(workspace.label_scale)
        workspace.label_scale_changed.connect(self.view.set_scale)
        self._build_form()
        self._build_timeline()
        self._build_plots()

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.view, 3)
        rl.addLayout(self._timeline)
        rl.addWidget(self.tabs, 1)
        rl.addWidget(self.readout)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._form_scroll = scroll
        self._fit_form()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.splitter)

        self.view.caption = ("Press “Start training”: the initial vectors appear here, then move "
                             "as word2vec learns")  # fmt: skip
        for plot in (self.loss_plot, self.sim_plot):
            plot.setXRange(0, self.epochs.value() + 0.5)
        self.timer = QTimer(self)
        self.timer.setInterval(1000 // FPS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._update_buttons()

    # -- construction --------------------------------------------------------------
    def _build_form(self) -> None:
        self.form = QWidget()
        v = QVBoxLayout(self.form)
        corpus = QGroupBox("Corpus")
        cl = QVBoxLayout(corpus)
        self.corpus_choice = QComboBox()
        self.corpus_choice.addItems(["Shipped teaching corpus", "Text file…"])
        self.corpus_choice.setToolTip("Royalty, family, animals, numbers and capitals "
                                      "(resources/corpus), or any plain-text file")  # fmt: skip
        self.corpus_choice.activated.connect(self._on_corpus_choice)
        self.corpus_label = QLabel("teaching.txt · 60,000 sentences")
        self.corpus_label.setWordWrap(True)
        cl.addWidget(self.corpus_choice)
        cl.addWidget(self.corpus_label)
        v.addWidget(corpus)

        model = QGroupBox("Model")
        f = QFormLayout(model)
        self.arch = QComboBox()
        self.arch.addItems(["skip-gram", "CBOW"])
        self.arch.setToolTip(
            "Skip-gram predicts the context from a word; CBOW the word from its context"
        )
        self.dim = _spin(3, 300, 50, "Vector dimension")
        self.window_size = _spin(1, 20, 4, "Words on each side that count as context")
        self.negative = _spin(1, 25, 5, "Negative samples per positive pair")
        self.epochs = _spin(1, 200, 10, "Passes over the corpus")
        self.alpha = QDoubleSpinBox(decimals=4, minimum=0.0005, maximum=1.0, singleStep=0.005,
                                    value=0.025)  # fmt: skip
        self.alpha.setToolTip("Initial learning rate; it falls linearly to 0.0001")
        self.min_count = _spin(1, 10000, 5, "Ignore words rarer than this")
        self.seed = _spin(0, 2**31 - 1, 1, "Random seed (runs repeat exactly with 1 worker)")
        self.parts = _spin(1, 20, 4, "Snapshots taken within each epoch")
        self.workers = _spin(
            1,
            8,
            1,
            "Training threads. 1 gives the exact loss and "
            "reproducible runs; with more, gensim's loss counter "
            "undercounts (its workers overwrite each other's sums)",
        )
        for label, w in [("Architecture", self.arch), ("Dimensions", self.dim),
                         ("Window", self.window_size), ("Negative samples", self.negative),
                         ("Epochs", self.epochs), ("Learning rate", self.alpha),
                         ("Min count", self.min_count), ("Seed", self.seed),
                         ("Snapshots / epoch", self.parts), ("Workers", self.workers)]:  # fmt: skip
            f.addRow(label, w)
        v.addWidget(model)

        init = QGroupBox("Initial vectors")
        il = QFormLayout(init)
        self.init = QComboBox()
        for key, text in INIT_CHOICES:
            self.init.addItem(text, key)
        self.init.setToolTip("What the embedding matrix holds before the first update")
        self.init_scale = QDoubleSpinBox(decimals=3, minimum=0.001, maximum=5.0, singleStep=0.01,
                                         value=0.02)  # fmt: skip
        self.init_scale.setToolTip("σ of the normal or a of the uniform initialisation")
        self.pretrained = QLineEdit(placeholderText="vector file…")
        self.pretrained.setToolTip("Pretrained vectors: the words they cover start from them")
        browse = QToolButton(text="…")
        browse.setToolTip("Choose a pretrained vector file")
        browse.clicked.connect(self._browse_pretrained)
        row = QHBoxLayout()
        row.addWidget(self.pretrained, 1)
        row.addWidget(browse)
        il.addRow(self.init)
        il.addRow("σ or a", self.init_scale)
        il.addRow("File", row)
        v.addWidget(init)

        self.start_button = QPushButton("Start training")
        self.start_button.setToolTip("Train from new initial vectors (stops a run in progress)")
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setToolTip("Stop training; the snapshots so far stay")
        self.stop_button.clicked.connect(self.stop)
        row = QHBoxLayout()
        row.addWidget(self.start_button, 1)
        row.addWidget(self.stop_button)
        v.addLayout(row)
        self.progress = QProgressBar(minimum=0, maximum=1000, textVisible=False)
        self.progress.setMaximumHeight(8)
        v.addWidget(self.progress)
        self.status = QLabel("Ready")
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        self.save_button = QPushButton("Save vectors…")
        self.save_button.setToolTip("word2vec text (.txt) or binary (.bin) of the whole vocabulary")
        self.save_button.clicked.connect(self._save_dialog)
        self.open_button = QPushButton("Open as current data")
        self.open_button.setToolTip("Show the trained vectors in the main view")
        self.open_button.clicked.connect(self.open_as_current)
        v.addWidget(self.save_button)
        v.addWidget(self.open_button)
        v.addStretch(1)

    def _build_timeline(self) -> None:
        self.play_button = QToolButton()
        self.play_button.setToolTip("Play / pause the animation")
        self.play_button.clicked.connect(self.toggle_play)
        pix = QStyle.StandardPixmap
        back = QToolButton()
        back.setIcon(self.style().standardIcon(pix.SP_MediaSeekBackward))
        back.setToolTip("One snapshot back")
        back.clicked.connect(lambda: self.step(-1))
        fwd = QToolButton()
        fwd.setIcon(self.style().standardIcon(pix.SP_MediaSeekForward))
        fwd.setToolTip("One snapshot forward")
        fwd.clicked.connect(lambda: self.step(1))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip("Scrub through the snapshots")
        self.slider.setRange(0, 0)
        self.slider.valueChanged.connect(self._on_slider)
        self.time_label = QLabel("—")
        self._fit_time_label()
        self.frame_choice = QComboBox()
        self.frame_choice.setToolTip(
            "The stable frame: fixed PCA axes, or each snapshot aligned to the previous one"
        )
        for key, text in FRAME_CHOICES:
            self.frame_choice.addItem(text, key)
        self.frame_choice.setToolTip("How the 3D axes stay still while the vectors learn")
        policy = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        self.frame_choice.setSizeAdjustPolicy(policy)
        self.frame_choice.setMinimumContentsLength(14)
        self.frame_choice.activated.connect(self._on_frame_choice)
        row = QHBoxLayout()
        for w in (back, self.play_button, fwd):
            row.addWidget(w)
        row.addWidget(self.slider, 1)
        row.addWidget(self.time_label)
        self.pop_button = QToolButton(text="Float")
        self.pop_button.setToolTip("Float the Train panel as a large window (docked: back in)")
        self.pop_button.clicked.connect(self.pop_out)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel("Frame"))
        row2.addWidget(self.frame_choice, 1)
        row2.addWidget(self.pop_button)
        self.export_button = QToolButton(text="Export animation…")
        self.export_button.setToolTip(
            "Save the recorded run as an animated GIF (or MP4 with ffmpeg): every snapshot, "
            "interpolated as in playback, with the epoch caption and axis names"
        )
        self.export_button.clicked.connect(self.export_dialog)
        row2.addWidget(self.export_button)
        self._timeline = QVBoxLayout()
        self._timeline.addLayout(row)
        self._timeline.addLayout(row2)
        self._update_play_text()

    def _build_plots(self) -> None:
        self.loss_plot = LossPlot()
        self.sim_plot = SimilarityPlot()
        sim = QWidget()
        sl = QVBoxLayout(sim)
        sl.setContentsMargins(0, 0, 0, 0)
        self.pairs_edit = QLineEdit(DEFAULT_PAIRS)
        self.pairs_edit.setToolTip("Word pairs to follow, comma-separated: 'king queen, cat cats'")
        self.pairs_edit.editingFinished.connect(self._on_pairs_edited)
        sl.addWidget(self.pairs_edit)
        sl.addWidget(self.sim_plot, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.loss_plot, "Loss")
        self.tabs.addTab(sim, "Similarity")
        self.readout = QLabel("")
        self.readout.setWordWrap(True)

    # -- corpus and parameters -----------------------------------------------------
    def _on_corpus_choice(self, index: int) -> None:
        if index == 1:
            path, _ = QFileDialog.getOpenFileName(self, "Choose a text corpus", "",
                                                  "Text (*.txt);;All files (*)")  # fmt: skip
            if path:
                self.set_corpus_file(path)
            else:
                self.set_corpus_file(self.corpus_file)
        else:
            self.set_corpus_file(None)

    def set_corpus_file(self, path: str | None) -> None:
        """Train on ``path`` from now on (``None`` = the shipped teaching corpus)."""
        self.corpus_file = str(path) if path else None
        self.corpus_choice.setCurrentIndex(0 if path is None else 1)
        self.corpus_label.setText("teaching.txt · 60,000 sentences" if path is None
                                  else Path(path).name)  # fmt: skip

    def _browse_pretrained(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Pretrained vectors", "",
                                              "Vector files (*.txt *.vec *.bin *.npy);;All (*)")  # fmt: skip
        if path:
            self.pretrained.setText(path)
            self.init.setCurrentIndex(3)

    def params(self) -> TrainParams:
        """The parameters the form describes."""
        from embviz.core.corpus import shipped_watch_words

        return TrainParams(
            sg=self.arch.currentIndex() == 0, dim=self.dim.value(), window=self.window_size.value(),
            negative=self.negative.value(), epochs=self.epochs.value(), alpha=self.alpha.value(),
            min_count=self.min_count.value(), seed=self.seed.value(),
            workers=self.workers.value(), init=self.init.currentData(),
            init_scale=self.init_scale.value(), pretrained=self.pretrained.text().strip() or None,
            snapshots_per_epoch=self.parts.value(),
            watch=tuple(shipped_watch_words()) if self.corpus_file is None else None,
        )  # fmt: skip

    # -- running -------------------------------------------------------------------
    def start(self) -> TrainingRun | None:
        """Start a new run from fresh initial vectors; a run in progress is stopped first."""
        from embviz.core.live_training import train_prepared

        self.shutdown()
        try:
            params = self.params()
            params.check()
        except EmbvizError as e:
            self._error(str(e))
            return None
        path = self.corpus_file
        self.snapshots, self.coords, self.model = [], [], None
        self._prepared, self._sims, self._refreshed_n, self._fraction = [], [], 0, 0.0
        self.t, self.pinned, self._shown_t = 0.0, 0, None
        self._failed = False
        self.playing = True
        self.loss_plot.set_losses([])
        self.loss_plot.setXRange(0, params.epochs + 0.5)
        self.sim_plot.setXRange(0, params.epochs + 0.5)
        self.sim_plot.set_series([], [], [])
        self.slider.setRange(0, 0)

        run = TrainingRun(train_prepared, (path, params), self)
        run.snapshot.connect(lambda snap: self._on_snapshot(snap, run))
        run.progressed.connect(self._on_progress)
        run.failed.connect(lambda error: self._on_failed(error, run))
        run.finished.connect(lambda: self._on_finished(run))
        self.run = run
        self._status(f"Reading {Path(path).name if path else 'the teaching corpus'}…")
        self._set_progress(0)
        run.start()
        self._update_buttons()
        return run

    def stop(self) -> None:
        """Ask the run to stop after the part of an epoch it is training."""
        if self.run is not None and self.run.is_running():
            self.run.stop()
            self._status("Stopping…")
            self._update_buttons()

    def shutdown(self) -> None:
        """Stop any run and export without waiting for them (window closing, new run).

        Their threads end on their own; :mod:`embviz.gui.jobs` keeps them until then.
        """
        export = self.export
        if export is not None and export.is_running():
            export.cancel()
        run = self.run
        if run is not None:
            run.stop()
            # Snapshots it queues before ending are ignored: they are not from self.run.
            self.run = None
            run.deleteLater()
            self._update_buttons()

    def is_running(self) -> bool:
        """Whether a training thread runs."""
        return self.run is not None and self.run.is_running()

    def _on_snapshot(self, item: tuple[Snapshot, Prepared], run: TrainingRun) -> None:
        if run is not self.run:
            return  # a cancelled run's late snapshot
        snap, prep = item
        if self.snapshots and snap.stopped and snap.epoch == self.snapshots[-1].epoch:
            # the stopped state is the last one, untrained further
            self.snapshots[-1] = snap
            self._prepared[-1] = prep
            self._sims[len(self.snapshots) - 1 :] = []
        else:
            self.snapshots.append(snap)
            self._prepared.append(prep)
        if snap.index == 0:
            from embviz.core.corpus import shipped_watch_groups

            groups = shipped_watch_groups() if self.corpus_file is None else {}
            self._groups = groups
            self.view.set_words(snap.words, groups)
            self.view.set_highlight(w for pair in self.pairs() for w in pair)
            self._refresh()  # show the initial vectors at once
        if snap.model is not None:
            self.model = snap.model
        # The rest waits for the next frame tick: a fast run on a small corpus
        # yields hundreds of snapshots a second, and the GUI must not redo its
        # plots for each one.
        self._dirty = True

    def _refresh(self) -> None:
        """Bring frames, timeline, curves and status up to date with the snapshots."""
        self._dirty = False
        if not self.snapshots:
            return
        snap = self.snapshots[-1]
        n = len(self.snapshots)
        follow = self.playing and self.t >= self._refreshed_n - 1 - 1e-6
        self._recompute_frames()
        self.slider.blockSignals(True)
        self.slider.setRange(0, n - 1)
        self.slider.blockSignals(False)
        if follow and n > 1 and self.t < n - 2:
            self.t = n - 2  # fell behind a fast run: animate only the newest step
        self._refreshed_n = n
        self.loss_plot.set_losses(snap.epoch_losses)
        self.loss_plot.set_exact(bool(snap.info.get("loss_exact", True)))
        self._refresh_similarity()
        self._set_progress(int(1000 * self._fraction))
        self._update_buttons()  # e.g. export needs two snapshots
        info = snap.info
        total = self.epochs_total()
        what = "initial vectors" if snap.index == 0 else f"epoch {snap.epoch:.2f} of {total}"
        if self.is_running() and not self._failed:  # keep a failure's message in view
            self._status(f"{info.get('vocabulary', 0):,} words in the vocabulary, "
                         f"{len(snap.words)} watched — {what}")  # fmt: skip
        self._render(force=True)

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
            self._error(f"training failed: {error}")
        else:
            self._error(f"training failed: {type(error).__name__}: {error}")

    def _on_finished(self, run: TrainingRun) -> None:
        if run is not self.run:
            return
        self._refresh()
        if self.snapshots and self.snapshots[-1].final:
            last = self.snapshots[-1]
            self._set_progress(1000 if not last.stopped else self.progress.value())
            secs = sum(s.seconds for s in self.snapshots)
            word = "Stopped" if last.stopped else "Finished"
            self._status(f"{word} at epoch {last.epoch:.2f}: {len(self.model):,} words × "
                         f"{self.model.dim} dims, {secs:.1f} s of training")  # fmt: skip
        self._update_buttons()

    def epochs_total(self) -> int:
        """Epochs of the current run."""
        if self.snapshots:
            return int(self.snapshots[0].info.get("params", {}).get("epochs", 0))
        return self.epochs.value()

    # -- frames and playback -------------------------------------------------------
    def _on_frame_choice(self, _index: int) -> None:
        if self.frame_choice.currentData() == "pinned":
            self.pinned = round(self.t)
        self._recompute_frames()
        self._render(force=True)

    def _recompute_frames(self) -> None:
        if not self.snapshots:
            return
        mode = self.frame_choice.currentData()
        pinned = min(self.pinned, len(self.snapshots) - 1)
        self.coords, self.axis_labels = frame_coords(self._prepared, mode, pinned)

    def toggle_play(self) -> None:
        """Play or pause the animation."""
        self.playing = not self.playing
        if self.playing and self.t >= len(self.snapshots) - 1 and not self.is_running():
            self.t = 0.0  # replay from the initial vectors
        self._update_play_text()

    def step(self, delta: int) -> None:
        """Pause and move ``delta`` whole snapshots."""
        self.playing = False
        self._update_play_text()
        self.seek(round(self.t) + delta)

    def seek(self, t: float) -> None:
        """Show the state at snapshot position ``t`` (fractional = interpolated)."""
        if not self.snapshots:
            return
        self.t = min(max(float(t), 0.0), len(self.snapshots) - 1.0)
        self._render()

    def _on_slider(self, value: int) -> None:
        self.playing = False
        self._update_play_text()
        self.seek(value)

    def _update_play_text(self) -> None:
        pix = QStyle.StandardPixmap
        icon = pix.SP_MediaPause if self.playing else pix.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setToolTip("Pause" if self.playing else "Play")

    def _tick(self) -> None:
        if self._dirty:
            self._refresh()
        now = time.perf_counter()
        dt, self._last_tick = now - self._last_tick, now
        if self.playing and self.snapshots:
            end = len(self.snapshots) - 1.0
            if self.t < end:
                self.t = min(end, self.t + self.speed * min(dt, 0.2))
            elif not self.is_running():
                self.playing = False
                self._update_play_text()
        self._render()

    def _render(self, force: bool = False) -> None:
        if not self.coords or (not force and self._shown_t == self.t):
            return
        self._shown_t = self.t
        i = round(self.t)
        snap = self.snapshots[i]
        epoch = epoch_at(self.snapshots, self.t)
        text = caption(self.snapshots, self.t, self.epochs_total())
        self.view.set_frame(interpolate(self.coords, self.t), self.axis_labels, text)
        self.slider.blockSignals(True)
        self.slider.setValue(i)
        self.slider.blockSignals(False)
        self.time_label.setText(f"epoch {epoch:.2f}")
        now = time.perf_counter()
        if force or i != self._cursor_i or now - self._cursor_at > 0.25:
            # Moving a cursor repaints a whole plot: a few times a second is enough.
            self._cursor_i, self._cursor_at = i, now
            self.loss_plot.set_time(epoch)
            self.sim_plot.set_time(epoch)
            self._update_readout(snap)

    def pop_out(self) -> None:
        """Float the dock holding this panel as a big window, or dock it back."""
        dock = self.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is None:
            return
        if dock.isFloating():
            dock.setFloating(False)
            return
        dock.setFloating(True)
        screen = dock.screen().availableGeometry()
        dock.resize(min(1400, screen.width() - 40), min(900, screen.height() - 40))
        dock.move(screen.center() - dock.rect().center())

    # -- pairs ---------------------------------------------------------------------
    def pairs(self) -> list[tuple[str, str]]:
        """The word pairs typed in the Similarity tab."""
        out = []
        for part in self.pairs_edit.text().split(","):
            words = part.lower().split()
            if len(words) == 2:
                out.append((words[0], words[1]))
        return out

    def _on_pairs_edited(self) -> None:
        self._sims = []
        self.view.set_highlight(w for p in self.pairs() for w in p)
        self._refresh_similarity()

    def _refresh_similarity(self) -> None:
        pairs = self.pairs()
        if not self.snapshots:
            return
        for s in self.snapshots[len(self._sims) :]:
            self._sims.append(cosine_pairs(s, pairs))
        values = np.array([[np.nan if c is None else c for c in row] for row in self._sims])
        values = values.T.reshape(len(pairs), -1)
        names = [f"{a}·{b}" for a, b in pairs]
        self.sim_plot.set_series(names, [s.epoch for s in self.snapshots], values)
        self._update_readout(self.snapshots[round(self.t)])

    def _update_readout(self, snap: Snapshot) -> None:
        pairs = self.pairs()
        parts = []
        for (a, b), c in zip(pairs, cosine_pairs(snap, pairs), strict=True):
            parts.append(f"{a}·{b} {c:+.2f}" if c is not None else f"{a}·{b} (not watched)")
        self.readout.setText("cosine: " + "   ".join(parts) if parts else "")

    # -- animation export ----------------------------------------------------------
    def recording(self) -> Recording:
        """The run so far, as the export draws it (the frame chosen in the panel)."""
        if not self.snapshots:
            raise EmbvizError("nothing to export yet: train first")
        self._recompute_frames()
        return Recording(
            words=list(self.snapshots[0].words), coords=list(self.coords),
            axis_labels=self.axis_labels, snapshots=list(self.snapshots),
            total_epochs=self.epochs_total(), groups=dict(self._groups),
            highlight={w for pair in self.pairs() for w in pair},
        )  # fmt: skip

    def playback_seconds(self) -> float:
        """How long playback of the whole run takes in the panel."""
        return max(1.0, (len(self.snapshots) - 1) / self.speed)

    def export_animation(self, path: str, *, fps: float = 15.0, seconds: float | None = None,
                         size: tuple[int, int] = (960, 600),
                         show_dialog: bool = True) -> AnimationExport:  # fmt: skip
        """Start writing the recorded run to ``path`` (.gif or .mp4); returns the export.

        The frames are drawn one per turn of the event loop, with a progress
        dialog whose Cancel stops it; its ``finished``/``failed`` signals
        say how it ended, and the status line says so too.

        Raises
        ------
        EmbvizError
            Nothing recorded yet, a bad path or format, no ffmpeg for MP4, a GIF too large.
        """
        from embviz.gui.training_export import AnimationExport, export_scale

        if self.export is not None and self.export.is_running():
            raise EmbvizError("an export is already running")
        rec = self.recording()
        if len(rec.coords) < 2:
            raise EmbvizError("nothing to animate yet: wait for the first snapshot after the start")
        scale = export_scale(size[0], self.workspace.label_scale)
        export = AnimationExport(
            rec, path, fps=fps, seconds=seconds or self.playback_seconds(), size=size,
            scale=scale, camera=self.view.camera(), parent=self, show_dialog=show_dialog,
        )  # fmt: skip
        export.finished.connect(self._exported)
        export.failed.connect(self._export_failed)
        self.export = export
        try:
            export.start()
        except BaseException:
            self.export = None
            raise
        self._status(f"Exporting {export.frames} frames to {Path(path).name}…")
        self._update_buttons()
        return export

    def export_dialog(self) -> None:
        """Ask for frames per second, duration, size and a file, then export."""
        from embviz.gui.render import animation_formats
        from embviz.gui.training_export import ExportOptionsDialog

        if len(self.snapshots) < 2:
            self._error("nothing to animate yet: train first")
            return
        options = ExportOptionsDialog(self.playback_seconds(), len(self.snapshots), self)
        if not options.exec():
            return
        filters = ["Animated GIF (*.gif)"]
        if "mp4" in animation_formats():
            filters.append("MP4 video (*.mp4)")
        path, chosen = QFileDialog.getSaveFileName(self, "Export training animation",
                                                   "embviz-training.gif", ";;".join(filters))  # fmt: skip
        if not path:
            return
        if not Path(path).suffix:
            path += ".mp4" if chosen.startswith("MP4") else ".gif"
        try:
            self.export_animation(path, fps=options.fps(), seconds=options.seconds(),
                                  size=options.size())  # fmt: skip
        except EmbvizError as e:
            self._error(str(e))

    def _exported(self, path) -> None:
        self._status(f"Saved the animation ({self.export.frames} frames) to {path}")
        self._update_buttons()

    def _export_failed(self, error: BaseException) -> None:
        from embviz.core.errors import Cancelled

        if isinstance(error, Cancelled):
            self._status("Export cancelled; no file written")
        elif isinstance(error, EmbvizError):
            self._error(str(error))
        else:
            from embviz.gui.error_dialog import log_exception

            log_exception(error)
            self._error(f"export failed: {type(error).__name__}: {error}")
        self._update_buttons()

    # -- results -------------------------------------------------------------------
    def _save_dialog(self) -> None:
        if self.model is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self, "Save trained vectors", "vectors.txt",
            "word2vec text (*.txt);;word2vec binary (*.bin)")  # fmt: skip
        if path:
            self.save(path, binary=chosen.startswith("word2vec binary") or path.endswith(".bin"))

    def save(self, path: str, *, binary: bool = False) -> None:
        """Save the last run's vectors (all words) in word2vec format."""
        from embviz.core.training import save_vectors

        if self.model is None:
            self._error("nothing to save yet: train first")
            return
        try:
            save_vectors(self.model, path, binary=binary)
        except EmbvizError as e:
            self._error(str(e))
            return
        self._saved_model = self.model
        self._status(f"Saved {len(self.model):,} vectors to {path}")

    def has_unsaved(self) -> bool:
        """Whether trained vectors exist that were not saved to a file."""
        return self.model is not None and self.model is not self._saved_model

    def save_dialog(self) -> bool:
        """Ask where to save the trained vectors and save them; True if saved."""
        self._save_dialog()
        return not self.has_unsaved()

    def open_as_current(self) -> None:
        """Make the trained vectors the workspace's data, showing the watched words."""
        if self.model is None:
            return
        words = self.snapshots[-1].words if self.snapshots else None
        self.workspace.set_embeddings(self.model, words)

    # -- small helpers -------------------------------------------------------------
    def _set_progress(self, value: int) -> None:
        # QProgressBar.setValue repaints synchronously, and in a window holding a
        # GL widget that recomposes the whole window (~50 ms under software GL):
        # set it with updates off and let the normal, coalesced paint show it.
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(value)
        self.progress.setUpdatesEnabled(True)
        self.progress.update()

    def _status(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _error(self, text: str) -> None:
        self.status.setStyleSheet(theme.ERROR_STYLE)
        self.status.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.is_running()
        self.stop_button.setEnabled(running and not self.run.stopping)
        self.save_button.setEnabled(self.model is not None)
        self.open_button.setEnabled(self.model is not None)
        exporting = self.export is not None and self.export.is_running()
        self.export_button.setEnabled(len(self.snapshots) >= 2 and not exporting)

    def resizeEvent(self, ev) -> None:
        """Stack form and view vertically when the panel is narrow (docked at the side)."""
        super().resizeEvent(ev)
        # side by side only when the view column gets a useful width
        # With hysteresis: inside a scroll area, flipping the layout shows or hides a
        # scroll bar, which changes the width again; without a gap the two fed each
        # other forever (found by the monkey test at large text scales).
        limit = self.form.minimumSizeHint().width() + 560
        if self.splitter.orientation() == Qt.Orientation.Vertical:
            limit += 40
        narrow = self.width() < limit
        want = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.splitter.orientation() != want:
            self.splitter.setOrientation(want)
            total = self.height() if narrow else self.width()
            form = 0.28 if narrow else 0.3
            self.splitter.setSizes([int(total * form), int(total * (1 - form))])

    def _fit_form(self) -> None:
        # The form column is never narrower than its fields (no clipped numbers).
        bar = self._form_scroll.verticalScrollBar().sizeHint().width()
        self._form_scroll.setMinimumWidth(self.form.minimumSizeHint().width() + bar + 4)

    def changeEvent(self, ev) -> None:
        """Refit the form column when the font (presentation text size) changes."""
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.FontChange and hasattr(self, "_form_scroll"):
            self._fit_form()
            self._fit_time_label()

    def _fit_time_label(self) -> None:
        # A fixed width: a label whose text changes every frame must not relayout
        # (and so repaint) the plots below it; refitted when the font grows.
        self.time_label.setFixedWidth(
            self.time_label.fontMetrics().horizontalAdvance("epoch 0000.00")
        )

    def showEvent(self, ev) -> None:
        """Stop training when the window closes, so no thread outlives it."""
        super().showEvent(ev)
        self._fit_form()
        win = self.window()
        if win is not self and self._close_watcher is None:
            self._close_watcher = _CloseWatcher(self.shutdown, self)
            win.installEventFilter(self._close_watcher)

    def closeEvent(self, ev) -> None:
        """Stop training when the panel itself is a closing window."""
        self.shutdown()
        super().closeEvent(ev)


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


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for ``workspace``."""
    return TrainPanel(workspace, parent)
