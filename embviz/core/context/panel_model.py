"""What a Context panel binds to, Qt-free: sentences, the run, the layer on show, selection.

The panel owns no data. It sets the sentences (typed or a preset), runs the
work :meth:`ContextPanelModel.start` hands it on a worker thread, hands the
result back with :meth:`ContextPanelModel.finish` on the GUI thread, and
redraws when the psygnal signals fire. Starting a new run cancels the old one
and a late result of an old run is ignored. The layer slider (and play / scrub,
which only step it) calls :meth:`ContextPanelModel.set_layer`.

How a panel would use it (the Qt side: superqt's ``thread_worker``)::

    model = ContextPanelModel()                              # the installed MiniLM-L6
    model.result_changed.connect(token_list.show)            # tokens of each sentence
    model.layer_changed.connect(view.show_layer)             # points, labels, trails
    model.cosines_changed.connect(plot.show)                 # cosine per layer
    model.load_preset("bank: river vs money")
    token, work = model.start(progress)                      # progress: Cancel sets its flag
    worker = thread_worker(work)()
    worker.returned.connect(lambda r: model.finish(token, r))
    worker.errored.connect(lambda e: model.fail(token, str(e)))
    slider.valueChanged.connect(model.set_layer)             # 0 = static … L + 1
    view.token_clicked.connect(model.toggle)                 # follow / compare a token
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from psygnal import Signal

from embviz.core.context._model import ContextModel
from embviz.core.context.layers import (
    PRESETS,
    ContextFrame,
    ContextStates,
    NearestTokens,
    contextualize,
    nearest_tokens,
)
from embviz.core.errors import EmbvizError
from embviz.core.progress import Progress
from embviz.core.runs import LatestRun, RunsInBackground

NEAREST_K = 5


@dataclass(frozen=True)
class ContextResult:
    """A finished run: the vectors, their one frame, and each vector's nearest tokens."""

    states: ContextStates
    frame: ContextFrame
    nearest: NearestTokens

    def label(self, token: int) -> str:
        """A token's label in the view: its text and sentence, e.g. ``"bank (2)"``."""
        return f"{self.states.tokens[token]} ({int(self.states.sentence_of[token]) + 1})"


@dataclass(frozen=True)
class LayerView:
    """Everything the 3D view draws at one layer.

    Attributes
    ----------
    layer, name
        The layer's index (0 = static) and name (``"static"``, ``"input"``, ``"1"`` …).
    positions
        ``(tokens, 3)`` float32, in the frame shared by all layers.
    labels
        Each token's label.
    trails
        For each selected token, its ``(layer + 1, 3)`` path from ``static`` to here.
    """

    layer: int
    name: str
    positions: np.ndarray
    labels: tuple[str, ...]
    trails: dict[int, np.ndarray]


@dataclass(frozen=True)
class CosineCurves:
    """Cosine per layer between the first selected token and each other one.

    Attributes
    ----------
    layer_names
        The x axis.
    pairs
        ``(label of a, label of b, (layers,) cosines)`` for each other selected token.
    """

    layer_names: tuple[str, ...]
    pairs: tuple[tuple[str, str, np.ndarray], ...]


def run_context(model: ContextModel | None, path: str | os.PathLike | None,
                sentences: Sequence[str], progress: Progress) -> tuple[ContextModel, ContextResult]:  # fmt: skip
    """The long work of a Context run: open the model if needed, run, frame, nearest tokens."""
    if model is None:
        progress.report(None, "opening the model")
        model = ContextModel(path)
    states = contextualize(model, sentences, progress)
    frame = states.frame()
    nearest = nearest_tokens(model, states, NEAREST_K, progress=progress)
    return model, ContextResult(states, frame, nearest)


class ContextPanelModel(RunsInBackground):
    """State of a Context panel.

    Parameters
    ----------
    path
        A model folder; ``None`` = the installed MiniLM-L6 (opened by the
        first run, on the worker thread).

    Signals
    -------
    sentences_changed(tuple of str)
        The sentences changed; the shown result (if any) is dropped.
    started(int)
        A run was handed out (its token).
    result_changed(ContextResult | None)
        A run finished, or the result was cleared.
    failed(str)
        The current run stopped with an error (one line for the user).
    layer_changed(LayerView | None)
        The layer on show, or the selection's trails, changed.
    selection_changed(tuple of int)
        The followed tokens (flat indices) changed.
    cosines_changed(CosineCurves | None)
        The cosine plot changed (it needs two selected tokens).
    """

    sentences_changed = Signal(object)
    started = Signal(int)
    result_changed = Signal(object)
    failed = Signal(str)
    layer_changed = Signal(object)
    selection_changed = Signal(object)
    cosines_changed = Signal(object)

    def __init__(self, path: str | os.PathLike | None = None):
        self._path = path
        self._model: ContextModel | None = None
        self._sentences: tuple[str, ...] = PRESETS[0].sentences
        self._follow: tuple[str, ...] = PRESETS[0].tokens
        self._run = LatestRun()
        self._result: ContextResult | None = None
        self._layer = 0
        self._selected: tuple[int, ...] = ()

    # -- inputs --------------------------------------------------------------------------
    @property
    def sentences(self) -> tuple[str, ...]:
        """The sentences of the next run."""
        return self._sentences

    def set_sentences(self, sentences: Sequence[str], follow: Sequence[str] = ()) -> None:
        """Use other sentences; ``follow`` names tokens to select after the run (default: shared ones)."""
        new = tuple(sentences)
        if new == self._sentences and tuple(follow) == self._follow:
            return
        self._sentences, self._follow = new, tuple(follow)
        self.sentences_changed.emit(new)
        self._clear()

    def load_preset(self, name: str) -> None:
        """Use one of :data:`~embviz.core.context.PRESETS` by name."""
        for p in PRESETS:
            if p.name == name:
                self.set_sentences(p.sentences, p.tokens)
                return
        raise EmbvizError(f"no preset {name!r}; presets: {', '.join(p.name for p in PRESETS)}")

    @property
    def model_path(self) -> str | os.PathLike | None:
        """The model folder asked for (``None``: the installed default)."""
        return self._path

    def set_model_path(self, path: str | os.PathLike | None) -> None:
        """Use another model folder from the next run on; the shown result is dropped."""
        self._path, self._model = path, None
        self._clear()

    @property
    def context_model(self) -> ContextModel | None:
        """The opened model (``None`` until the first run has opened it); later runs reuse it."""
        return self._model

    # -- running -------------------------------------------------------------------------
    def start(self, progress: Progress | None = None
              ) -> tuple[int, Callable[[], tuple[ContextModel, ContextResult]]]:  # fmt: skip
        """Hand out a run: its token and the work to call on a worker thread.

        A run still going is cancelled. Pass the token and what the work
        returned to :meth:`finish`, or the error to :meth:`fail`, on the GUI thread.
        """
        token, p = self._run.begin(progress)
        model, path, sentences = self._model, self._path, self._sentences
        self.started.emit(token)
        return token, lambda: run_context(model, path, sentences, p)

    def finish(self, token: int, returned: tuple[ContextModel, ContextResult]) -> bool:
        """Show a run's result; ``False`` (and nothing changes) if a newer run replaced it."""
        if not self._run.end(token):
            return False
        self._model, self._result = returned
        self.result_changed.emit(self._result)
        self._select(self._default_selection(), emit_layer=False)
        self.set_layer(len(self._result.states.layer_names) - 1, force=True)
        return True

    @property
    def result(self) -> ContextResult | None:
        """The shown result, if any."""
        return self._result

    def _clear(self) -> None:
        self._run.clear()
        if self._result is not None:
            self._result, self._selected = None, ()
            self.result_changed.emit(None)
            self.selection_changed.emit(())
            self.layer_changed.emit(None)
            self.cosines_changed.emit(None)

    # -- what the panel shows ------------------------------------------------------------
    @property
    def layer(self) -> int:
        """The layer on show: 0 = static, 1 = input, 2 … = after encoder layer 1 …."""
        return self._layer

    def set_layer(self, layer: int | str, *, force: bool = False) -> LayerView | None:
        """Show another layer (index or name); returns what the view draws."""
        r = self._need_result()
        names = r.states.layer_names
        index = names.index(layer) if isinstance(layer, str) and layer in names else layer
        if not isinstance(index, int) or not 0 <= index < len(names):
            raise EmbvizError(f"no layer {layer!r}; layers are {', '.join(names)}")
        if index == self._layer and not force:
            return self.layer_view()
        self._layer = index
        view = self.layer_view()
        self.layer_changed.emit(view)
        return view

    def layer_view(self) -> LayerView | None:
        """What the 3D view draws at the current layer (``None`` before a run)."""
        r = self._result
        if r is None:
            return None
        n = len(r.states.sentence_of)
        trails = {t: r.frame.coords[: self._layer + 1, t] for t in self._selected}
        return LayerView(self._layer, r.states.layer_names[self._layer],
                         r.frame.at(self._layer), tuple(r.label(t) for t in range(n)), trails)  # fmt: skip

    @property
    def selected(self) -> tuple[int, ...]:
        """The followed tokens (flat indices), in the order they were chosen."""
        return self._selected

    def select(self, tokens: Sequence[int]) -> None:
        """Follow these tokens: trails in the view, cosines against the first in the plot."""
        self._select(tuple(tokens))

    def toggle(self, token: int) -> None:
        """Follow a token, or stop following it."""
        sel = self._selected
        self._select(tuple(t for t in sel if t != token) if token in sel else (*sel, token))

    def _select(self, tokens: tuple[int, ...], *, emit_layer: bool = True) -> None:
        r = self._need_result()
        n = len(r.states.sentence_of)
        bad = [t for t in tokens if not 0 <= t < n]
        if bad:
            raise EmbvizError(f"no token {bad[0]} (there are {n})")
        self._selected = tuple(dict.fromkeys(tokens))
        self.selection_changed.emit(self._selected)
        self.cosines_changed.emit(self.cosine_curves())
        if emit_layer:
            self.layer_changed.emit(self.layer_view())

    def cosine_curves(self) -> CosineCurves | None:
        """Cosine per layer of the first selected token with each other one (``None`` if < 2)."""
        r = self._result
        if r is None or len(self._selected) < 2:
            return None
        a = self._selected[0]
        pairs = tuple((r.label(a), r.label(b), r.states.cosine(a, b)) for b in self._selected[1:])
        return CosineCurves(r.states.layer_names, pairs)

    def nearest(self, token: int, layer: int | None = None) -> list[tuple[str, float]]:
        """A token's nearest vocabulary tokens at a layer (default: the one on show)."""
        r = self._need_result()
        return r.nearest.words(self._layer if layer is None else layer, token)

    def _default_selection(self) -> tuple[int, ...]:
        states = self._result.states
        if self._follow:
            return tuple(i for t in self._follow for i in states.occurrences(t))
        shared = states.shared_tokens()
        if not shared:
            return ()
        # The longest shared token: content words ("bank") are longer than "the" or ".".
        return tuple(shared[max(shared, key=lambda t: (len(t.lstrip("#")), -len(shared[t])))])

    def _need_result(self) -> ContextResult:
        if self._result is None:
            raise EmbvizError("nothing run yet")
        return self._result
