"""The Context panel: static vs contextual token vectors, layer by layer, in 3D.

The panel holds widgets only; its state is a
:class:`~embviz.core.context.ContextPanelModel` (sentences, the run, the layer on
show, the followed tokens, cosine curves, nearest vocabulary tokens). A run (open
the model, tokenise, the numpy BERT forward pass, one PCA frame over all layers,
nearest tokens) is the model's work, run by :attr:`Panel.jobs` off the GUI thread
with an inline progress bar and Cancel. Layers play like training snapshots: a
:class:`~embviz.core.playback.Playback` whose fractional position the
:class:`~embviz.gui.context.view.ContextView` interpolates, and the animation
export is the Train panel's (:mod:`embviz.gui.training.export`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from embviz.core.context import ContextPanelModel, CosineCurves, LayerView
from embviz.core.context._files import ModelNotFoundError, find_model
from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.core.playback import Playback
from embviz.core.progress import Progress
from embviz.core.workspace import Workspace
from embviz.gui.context.captions import axis_name, caption, layer_name
from embviz.gui.context.export import ContextExports
from embviz.gui.context.parts import NearestTable, PictureBar, SentenceInputs, TokenStrip
from embviz.gui.context.plots import CosinePlot
from embviz.gui.context.view import ContextView
from embviz.gui.panels.base import Panel
from embviz.gui.playback_clock import PlaybackClock

TITLE = QT_TRANSLATE_NOOP("Panels", "Context")
FPS = 30
SPEED = 1.5
"""Layers per second in playback: static → layer 6 in about five seconds."""
__all__ = ["TITLE", "ContextPanel", "make_panel"]


class ContextPanel(Panel):
    """Sentences and presets, run / Cancel, the 3D view and its layer bar, tokens, cosines, nearest.

    Parameters
    ----------
    workspace
        The window's workspace (the panel follows its text size).
    model_path
        A model folder; ``None``: the installed MiniLM-L6.
    """

    _progressed = Signal(object, str)  # from the worker thread, queued to the GUI thread

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *,
                 model_path=None):  # fmt: skip
        super().__init__(parent)
        self.workspace = workspace
        self.model = ContextPanelModel(model_path)
        self.playback = Playback(SPEED)
        self._token: int | None = None
        self._build()
        self.exports = ContextExports(self.model, self.view, SPEED,
                                      lambda: self.workspace.label_scale, self)  # fmt: skip
        self._bind()
        self.clock = PlaybackClock(self.playback, FPS, parent=self)
        self.timer = self.clock.timer
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.clock.pause()
        self.editor.setPlainText("\n".join(self.model.sentences))
        self.check_model()
        self._update_buttons()

    # -- construction --------------------------------------------------------------
    def _build(self) -> None:
        self.inputs = SentenceInputs()
        self.view = ContextView(self)
        self.view.setMinimumHeight(150)
        self.view.caption = self.tr("Choose a preset or type sentences, then press Run")
        self.picture_bar = PictureBar(self.playback)
        picture = QWidget()
        pl = QVBoxLayout(picture)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.view, 1)
        pl.addWidget(self.picture_bar)
        self.tokens = TokenStrip()
        self.tokens.setToolTip(self.tr("Each sentence's WordPiece tokens (## continues a word); "
                                       "click one to follow it across the layers"))  # fmt: skip
        self.cosine_plot = CosinePlot()
        self.nearest = NearestTable()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tokens, self.tr("Tokens"))
        self.tabs.addTab(self.cosine_plot, self.tr("Cosine"))
        self.tabs.addTab(self.nearest, self.tr("Nearest"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(picture)
        self.splitter.addWidget(self.tabs)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(7)
        self._split_by_user = False
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_split_by_user", True))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.inputs)
        lay.addWidget(self.splitter, 1)
        # the names the tests, the gallery and the fit test know
        for part, names in ((self.inputs, "preset_combo run_button cancel_button model_button "
                                          "editor progress status"),
                            (self.picture_bar, "layer_bar gif_button png_button enlarge_button")):  # fmt: skip
            for name in names.split():
                setattr(self, name, getattr(part, name))

    def _bind(self) -> None:
        m = self.model
        m.result_changed.connect(self._on_result)
        m.failed.connect(self._on_failed)
        m.layer_changed.connect(self._on_layer)
        m.selection_changed.connect(self._on_selection)
        m.cosines_changed.connect(self._on_cosines)
        self.playback.time_changed.connect(self._show_t)
        self.view.token_clicked.connect(self.toggle_token)
        self.tokens.token_clicked.connect(self.toggle_token)
        self.preset_combo.activated.connect(lambda i: self.use_preset(i))
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.model_button.clicked.connect(self.choose_model)
        self.gif_button.clicked.connect(lambda: self.exports.gif())
        self.png_button.clicked.connect(lambda: self.exports.png())
        self.exports.status.connect(self.inputs.say)
        self.exports.error.connect(self.inputs.error)
        self._progressed.connect(self._on_progress)
        self.view.set_scale(self.workspace.label_scale)
        self.workspace.label_scale_changed.connect(self.view.set_scale)

    def resizeEvent(self, ev) -> None:
        """Give the picture most of the height until the user drags the splitter."""
        super().resizeEvent(ev)
        if not self._split_by_user:
            total = self.splitter.height()
            if total > 0:
                tabs = max(int(total * 0.3), self.tabs.minimumSizeHint().height())
                self.splitter.setSizes([total - tabs, tabs])

    # -- model folder --------------------------------------------------------------
    def check_model(self) -> bool:
        """Say so when no model is installed (or the folder is not one); True if there is one."""
        path = self.model.model_path
        try:
            find_model(path)
        except ModelNotFoundError as e:
            if path is None:
                self.inputs.error(self.tr(
                    "No contextual model is installed. Run scripts/setup (it fetches MiniLM-L6), "
                    "or choose a BERT model folder with “Model…” (embviz context --model DIR), "
                    "or set $EMBVIZ_CONTEXT_MODEL to one."))  # fmt: skip
            else:
                self.inputs.error(self.tr("Not a model folder: {error}").format(error=e))
            self.view.caption = self.tr("No contextual model: see the message above")
            self.view.update()
            return False
        self.inputs.say(self.tr("Ready: choose a preset or type sentences, then press Run"))
        if self.model.result is None:
            self.view.caption = self.tr("Choose a preset or type sentences, then press Run")
            self.view.update()
        return True

    def choose_model(self) -> None:
        """Ask for a model folder and use it from the next run on."""
        path = QFileDialog.getExistingDirectory(self, self.tr("Choose a BERT model folder"))
        if path:
            self.set_model_path(path)

    def set_model_path(self, path) -> None:
        """Use the model in folder ``path`` (``None``: the installed one); says if it is not one."""
        self.cancel()
        self.model.set_model_path(path)
        self.check_model()

    # -- running -------------------------------------------------------------------
    def use_preset(self, index: int) -> None:
        """Put preset ``index``'s sentences in the box and run them, following its word."""
        name = self.preset_combo.itemData(index)
        self.preset_combo.setCurrentIndex(index)
        self.model.load_preset(name)
        self.editor.setPlainText("\n".join(self.model.sentences))
        self.start()

    def start(self):
        """Run the box's sentences in the background; returns the job (``None``: nothing to run)."""
        lines = self.inputs.sentences()
        if not lines:
            self.inputs.error(self.tr("Type at least one sentence, one per line (two or more to "
                                "compare a word's occurrences)."))  # fmt: skip
            return None
        if tuple(lines) != self.model.sentences:
            self.model.set_sentences(lines)
        self.clock.pause()
        relay = Progress(callback=lambda f, msg: self._progressed.emit(f, msg))
        token, work = self.model.start(relay)
        self._token = token
        job = self.jobs.start("context", "", lambda progress: work(), show_dialog=False)
        job.done.connect(lambda returned: self._on_done(token, returned))
        job.error.connect(lambda error: self._on_job_error(token, error))
        self.inputs.say(self.tr("Running {n} sentences…").format(n=len(lines)))
        self.progress.setValue(0)
        self._update_buttons()
        return job

    def cancel(self) -> None:
        """Stop the run now: its result, should it still come, is ignored."""
        if not self.model.running or self._token is None:
            return
        self.model.cancel()
        self.jobs.cancel("context")
        self.model.fail(self._token, self.tr("Cancelled; nothing was changed."))

    def is_running(self) -> bool:
        """Whether a run is going."""
        return self.model.running

    def shutdown(self) -> None:
        """Stop the run and any export without waiting (the window is closing)."""
        self.exports.shutdown()
        self.model.cancel()
        super().shutdown()

    def _on_progress(self, fraction, message: str) -> None:
        if fraction is not None and self.model.running:
            self.progress.setValue(int(1000 * fraction))

    def _on_done(self, token: int, returned) -> None:
        if self.model.finish(token, returned):
            self.progress.setValue(1000)
            r = self.model.result
            self.inputs.say(self.tr("{model}: {tokens} tokens in {n} sentences, {layers} layers. "
                              "Click tokens to follow them.").format(
                model=r.states.model, tokens=len(r.states.tokens), n=len(r.states.sentences),
                layers=len(r.states.layer_names) - 2))  # fmt: skip
            self.playback.seek(0)  # play the layers from the static rows on
            if not self.playback.playing:
                self.playback.toggle()
        self._update_buttons()

    def _on_job_error(self, token: int, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            message = self.tr("Cancelled; nothing was changed.")
        elif isinstance(error, EmbvizError):
            message = str(error)
        else:
            from embviz.gui.error_dialog import log_exception

            log_exception(error)
            message = self.tr("The run failed: {error}").format(
                error=f"{type(error).__name__}: {error}"
            )
        self.model.fail(token, message)
        self._update_buttons()

    def _on_failed(self, message: str) -> None:
        self.progress.setValue(0)
        self.inputs.error(message)
        self._update_buttons()

    # -- showing -------------------------------------------------------------------
    def _on_result(self, result) -> None:
        self.clock.pause()
        if result is None:
            self.view.set_result(None, [], [], [])
            self.view.show_layer(0.0, self.tr("Press Run to see these sentences"))
            self.tokens.set_tokens([], [])
            self.layer_bar.set_layers([])
            self.playback.length = 0
            self.nearest.show_rows([])
            self._update_buttons()
            return
        s = result.states
        labels = [result.label(t) for t in range(len(s.tokens))]
        self.view.set_result(result.frame.coords, labels, s.sentence_of, s.special)
        self.tokens.set_tokens([t.tokens for t in s.sentences],
                               [list(map(bool, t.special)) for t in s.sentences])  # fmt: skip
        self.layer_bar.set_layers([layer_name(n) for n in s.layer_names])
        self.playback.length = len(s.layer_names)
        self._update_buttons()

    def _show_t(self, t: float) -> None:
        """Draw layer position ``t`` (playback, the slider, the buttons)."""
        if self.model.result is None:
            return
        i = round(t)
        self.view.show_layer(t, caption(self.model.result, self.model.selected, i))
        self.layer_bar.show_position(t)
        self.cosine_plot.set_layer(t)
        if i != self.model.layer:
            self.model.set_layer(i)

    def _on_layer(self, view: LayerView | None) -> None:
        if view is None:
            return
        if round(self.playback.t) != view.layer:  # set from outside the playback
            self.playback.scrub(view.layer)
        elif self.playback.t == view.layer:
            self.view.show_layer(
                view.layer, caption(self.model.result, self.model.selected, view.layer)
            )
            self.layer_bar.show_position(view.layer)
            self.cosine_plot.set_layer(view.layer)
        self._show_nearest()

    def _on_selection(self, selected) -> None:
        self.view.set_selected(selected)
        self.tokens.set_selected(selected)
        if self.model.result is not None:
            self.view.show_layer(
                self.playback.t,
                caption(self.model.result, self.model.selected, round(self.playback.t)),
            )
        self._show_nearest()

    def _on_cosines(self, curves: CosineCurves | None) -> None:
        if curves is None:
            self.cosine_plot.show_curves([], [])
            return
        # the encoder layers by number alone: the axis is narrow
        names = [axis_name(n) for n in curves.layer_names]
        self.cosine_plot.show_curves(names, curves.pairs)
        self.cosine_plot.set_layer(self.playback.t)

    def _show_nearest(self) -> None:
        r = self.model.result
        if r is None:
            self.nearest.show_rows([])
            return
        self.nearest.show_rows([(r.label(t), self.model.nearest(t)) for t in self.model.selected])

    def toggle_token(self, token: int) -> None:
        """Follow token ``token`` (flat index), or stop following it."""
        if self.model.result is not None:
            self.model.toggle(token)

    # -- small helpers -------------------------------------------------------------
    def _update_buttons(self) -> None:
        running = self.model.running
        has = self.model.result is not None
        self.cancel_button.setEnabled(running)
        for b in (self.gif_button, self.png_button):
            b.setEnabled(has and not running)


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for ``workspace``."""
    return ContextPanel(workspace, parent)
