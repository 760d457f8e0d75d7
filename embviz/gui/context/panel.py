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

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from embviz.core.context import PRESETS, ContextPanelModel, CosineCurves, LayerView
from embviz.core.context._files import ModelNotFoundError, find_model
from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.playback import Playback
from embviz.core.progress import Progress
from embviz.core.workspace import Workspace
from embviz.gui import theme
from embviz.gui.context.export import LayerAnimation, render_layers
from embviz.gui.context.parts import LayerBar, NearestTable, TokenStrip
from embviz.gui.context.plots import CosinePlot
from embviz.gui.context.view import ContextView
from embviz.gui.panels.base import Panel

TITLE = "Context"
FPS = 30
SPEED = 1.5
"""Layers per second in playback: static → layer 6 in about five seconds."""
GIF_SIZE = (960, 600)
PNG_SIZE = (1600, 1000)
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
        self._last_tick = time.perf_counter()
        self.export = None
        self._build()
        self._bind()
        self.timer = QTimer(self)
        self.timer.setInterval(1000 // FPS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._pause()
        self.editor.setPlainText("\n".join(self.model.sentences))
        self.check_model()
        self._update_buttons()

    # -- construction --------------------------------------------------------------
    def _build(self) -> None:
        self.preset_combo = QComboBox()
        for p in PRESETS:
            self.preset_combo.addItem(QCoreApplication.translate("Context", p.name), p.name)
        self.preset_combo.setPlaceholderText(self.tr("Presets…"))  # shown once the text is edited
        self.preset_combo.setToolTip(self.tr("Sentences in which one word means different things; "
                                             "choosing one runs it"))  # fmt: skip
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Tokenise the sentences and run them through the model, "
                                           "keeping every layer"))  # fmt: skip
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the run"))
        self.model_button = QToolButton(text=self.tr("Model…"))
        self.model_button.setToolTip(self.tr("Use another BERT-family model folder (config.json, "
                                             "model.safetensors, tokenizer.json or vocab.txt)"))  # fmt: skip
        top = QHBoxLayout()
        top.addWidget(self.preset_combo, 1)
        top.addWidget(self.run_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.model_button)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("One sentence per line"))
        self.editor.setToolTip(self.tr("One sentence per line; a word that occurs in several "
                                       "sentences gets a vector for each occurrence"))  # fmt: skip
        self._fit_editor()
        self.progress = QProgressBar(minimum=0, maximum=1000, textVisible=False)
        self.progress.setMaximumHeight(6)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.view = ContextView(self)
        self.view.setMinimumHeight(150)
        self.view.caption = self.tr("Choose a preset or type sentences, then press Run")
        self.layer_bar = LayerBar(self.playback)
        self.layer_bar.set_layers([])  # idle until a run
        self.gif_button = QToolButton(text=self.tr("GIF…"))
        self.gif_button.setToolTip(self.tr("Export the layers as an animated GIF, from static "
                                           "to the last layer, interpolated as in playback"))  # fmt: skip
        self.png_button = QToolButton(text=self.tr("PNG…"))
        self.png_button.setToolTip(self.tr("Save the picture as it is now as a PNG image"))
        self.enlarge_button = QToolButton(text=self.tr("Enlarge"))
        self.enlarge_button.setToolTip(self.tr("Float the Context panel as a large window "
                                               "(press again to dock it back)"))  # fmt: skip
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.layer_bar, 1)
        bar.addWidget(self.gif_button)
        bar.addWidget(self.png_button)
        bar.addWidget(self.enlarge_button)
        picture = QWidget()
        pl = QVBoxLayout(picture)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.view, 1)
        pl.addLayout(bar)

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
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(7)
        self._split_by_user = False
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_split_by_user", True))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.editor)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.splitter, 1)

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
        self.gif_button.clicked.connect(lambda: self.export_gif())
        self.png_button.clicked.connect(lambda: self.export_png())
        self.enlarge_button.clicked.connect(self._enlarge)
        self._progressed.connect(self._on_progress)
        self.editor.textChanged.connect(self._on_text)
        self.view.set_scale(self.workspace.label_scale)
        self.workspace.label_scale_changed.connect(self.view.set_scale)

    def _fit_editor(self) -> None:
        # three sentences and a bit, at the font in use (the text size may change)
        self.editor.setFixedHeight(int(self.editor.fontMetrics().lineSpacing() * 3.6) + 12)

    def changeEvent(self, ev) -> None:
        """Refit the sentence box when the font (presentation text size) changes."""
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.FontChange and hasattr(self, "editor"):
            self._fit_editor()

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
                self._error(self.tr(
                    "No contextual model is installed. Run scripts/setup (it fetches MiniLM-L6), "
                    "or choose a BERT model folder with “Model…” (embviz context --model DIR), "
                    "or set $EMBVIZ_CONTEXT_MODEL to one."))  # fmt: skip
            else:
                self._error(self.tr("Not a model folder: {error}").format(error=e))
            self.view.caption = self.tr("No contextual model: see the message above")
            self.view.update()
            return False
        self._say(self.tr("Ready: choose a preset or type sentences, then press Run"))
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

    def _on_text(self) -> None:
        # the combo names a preset only while the box holds its sentences
        i = self.preset_combo.currentIndex()
        if i >= 0 and tuple(self.sentences()) != PRESETS[i].sentences:
            self.preset_combo.setCurrentIndex(-1)

    def sentences(self) -> list[str]:
        """The box's sentences: its non-blank lines."""
        return [line.strip() for line in self.editor.toPlainText().splitlines() if line.strip()]

    def start(self):
        """Run the box's sentences in the background; returns the job (``None``: nothing to run)."""
        lines = self.sentences()
        if not lines:
            self._error(self.tr("Type at least one sentence, one per line (two or more to "
                                "compare a word's occurrences)."))  # fmt: skip
            return None
        if tuple(lines) != self.model.sentences:
            self.model.set_sentences(lines)
        self._pause()
        relay = Progress(callback=lambda f, msg: self._progressed.emit(f, msg))
        token, work = self.model.start(relay)
        self._token = token
        job = self.jobs.start("context", "", lambda progress: work(), show_dialog=False)
        job.done.connect(lambda returned: self._on_done(token, returned))
        job.error.connect(lambda error: self._on_job_error(token, error))
        self._say(self.tr("Running {n} sentences…").format(n=len(lines)))
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
        if self.export is not None and self.export.is_running():
            self.export.cancel()
        self.model.cancel()
        super().shutdown()

    def _on_progress(self, fraction, message: str) -> None:
        if fraction is not None and self.model.running:
            self.progress.setValue(int(1000 * fraction))

    def _on_done(self, token: int, returned) -> None:
        if self.model.finish(token, returned):
            self.progress.setValue(1000)
            r = self.model.result
            self._say(self.tr("{model}: {tokens} tokens in {n} sentences, {layers} layers. "
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
        self._error(message)
        self._update_buttons()

    # -- showing -------------------------------------------------------------------
    def _on_result(self, result) -> None:
        self._pause()
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
        self.layer_bar.set_layers([self.layer_name(i) for i in range(len(s.layer_names))])
        self.playback.length = len(s.layer_names)
        self._update_buttons()

    def layer_name(self, index: int) -> str:
        """The short name of layer ``index`` as the slider shows it."""
        r = self.model.result
        name = r.states.layer_names[index] if r is not None else str(index)
        if name == "static":
            return self.tr("static")
        if name == "input":
            return self.tr("input")
        return self.tr("layer {n}").format(n=name)

    def caption(self, index: int) -> str:
        """What the view says at layer ``index``: the layer, and the followed tokens' cosine."""
        r = self.model.result
        if r is None:
            return ""
        names = r.states.layer_names
        name = names[index]
        if name == "static":
            text = self.tr("static: the token's row of the embedding matrix, "
                           "one vector for every occurrence")  # fmt: skip
        elif name == "input":
            text = self.tr("input: row + position + segment, normalised")
        else:
            text = self.tr("after layer {n} of {total}: rewritten from the context").format(
                n=name, total=len(names) - 2
            )
        sel = self.model.selected
        if len(sel) >= 2:
            cos = r.states.cosine(sel[0], sel[1])
            text += " · " + self.tr("cos({a}, {b}) = {c} (static: {s})").format(
                a=r.label(sel[0]), b=r.label(sel[1]), c=f"{cos[index]:.2f}", s=f"{cos[0]:.2f}"
            )
        return text

    def _show_t(self, t: float) -> None:
        """Draw layer position ``t`` (playback, the slider, the buttons)."""
        if self.model.result is None:
            return
        i = round(t)
        self.view.show_layer(t, self.caption(i))
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
            self.view.show_layer(view.layer, self.caption(view.layer))
            self.layer_bar.show_position(view.layer)
            self.cosine_plot.set_layer(view.layer)
        self._show_nearest()

    def _on_selection(self, selected) -> None:
        self.view.set_selected(selected)
        self.tokens.set_selected(selected)
        if self.model.result is not None:
            self.view.show_layer(self.playback.t, self.caption(round(self.playback.t)))
        self._show_nearest()

    def _on_cosines(self, curves: CosineCurves | None) -> None:
        if curves is None:
            self.cosine_plot.show_curves([], [])
            return
        # the encoder layers by number alone: the axis is narrow
        names = [self.layer_name(i) if n in ("static", "input") else n
                 for i, n in enumerate(curves.layer_names)]  # fmt: skip
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

    def _pause(self) -> None:
        if self.playback.playing:
            self.playback.toggle()

    def _tick(self) -> None:
        now = time.perf_counter()
        dt, self._last_tick = now - self._last_tick, now
        self.playback.tick(dt)

    # -- exports -------------------------------------------------------------------
    def animation(self) -> LayerAnimation:
        """The run as the export draws it: every layer, the followed tokens, the captions."""
        r = self.model.result
        if r is None:
            raise EmbvizError(self.tr("nothing to export yet: press Run first"))
        s = r.states
        return LayerAnimation(r.frame.coords, tuple(r.label(t) for t in range(len(s.tokens))),
                              s.sentence_of, s.special, self.model.selected,
                              tuple(self.caption(i) for i in range(len(s.layer_names))))  # fmt: skip

    def export_gif(self, path: str | None = None, *, show_dialog: bool = True):
        """Write the layers as an animated GIF (asks where without ``path``); returns the export."""
        from embviz.gui.export_menu import export_dir, remember_export
        from embviz.gui.training.export import AnimationExport, export_scale

        try:
            anim = self.animation()
        except EmbvizError as e:
            self._error(str(e))
            return None
        if path is None:
            start = str(export_dir(self.window()) / "embviz-context.gif")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the layers as a GIF"), start,
                                                  self.tr("Animated GIF (*.gif)"))  # fmt: skip
            if not path:
                return None
            remember_export(self.window(), path)
            if not Path(path).suffix:
                path += ".gif"
        export = AnimationExport(anim, path, fps=15.0, seconds=anim.playback_seconds(SPEED),
                                 size=GIF_SIZE, scale=export_scale(GIF_SIZE[0], self.workspace.label_scale),
                                 camera=self.view.camera(), parent=self, show_dialog=show_dialog,
                                 render=render_layers)  # fmt: skip
        export.finished.connect(
            lambda p: self._say(self.tr("Saved the animation to {path}").format(path=p))
        )
        export.failed.connect(self._export_failed)
        try:
            export.start()
        except EmbvizError as e:
            self._error(str(e))
            return None
        self.export = export
        self._say(
            self.tr("Exporting {n} frames to {name}…").format(n=export.frames, name=Path(path).name)
        )
        return export

    def _export_failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self._say(self.tr("Export cancelled; no file written"))
        else:
            self._error(str(error))

    def export_png(self, path: str | None = None) -> str | None:
        """Save the picture as it is now as a PNG (asks where without ``path``); returns the path."""
        from embviz.gui.export_menu import export_dir, remember_export

        if path is None:
            start = str(export_dir(self.window()) / "embviz-context.png")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the picture"), start,
                                                  self.tr("PNG image (*.png)"))  # fmt: skip
            if not path:
                return None
            remember_export(self.window(), path)
            if not Path(path).suffix:
                path += ".png"
        if not self.view.render_at(*PNG_SIZE).save(str(path)):
            self._error(self.tr("Could not write {path}").format(path=path))
            return None
        self._say(self.tr("Saved the picture to {path}").format(path=path))
        return str(path)

    def _enlarge(self) -> None:
        from embviz.gui.training.parts import float_dock

        float_dock(self)
        dock = self.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        floating = dock is not None and dock.isFloating()
        self.enlarge_button.setText(self.tr("Dock") if floating else self.tr("Enlarge"))

    # -- small helpers -------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _error(self, text: str) -> None:
        self.status.setStyleSheet(theme.ERROR_STYLE)
        self.status.setText(text)

    def _update_buttons(self) -> None:
        running = self.model.running
        has = self.model.result is not None
        self.cancel_button.setEnabled(running)
        for b in (self.gif_button, self.png_button):
            b.setEnabled(has and not running)


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for ``workspace``."""
    return ContextPanel(workspace, parent)
