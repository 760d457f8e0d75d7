"""What a Compare panel binds to, Qt-free: settings, the run, its table, selection and slice.

The panel owns no data. It edits :class:`CompareSettings` through
:meth:`CompareModel.update`, runs the work that :meth:`CompareModel.start`
hands it on a worker thread (a plain function taking a
:class:`~embviz.core.progress.Progress`), hands the result back with
:meth:`CompareModel.finish` on the GUI thread, and redraws when the model's
psygnal signals fire. Starting a new run cancels the old one, and a late
result of an old run is ignored, so a slow comparison can never overwrite a
newer one.

How a panel would use it (the Qt side: superqt's ``thread_worker``)::

    model = CompareModel(workspace.embeddings)
    model.result_changed.connect(table.show_result)          # most / least moved
    model.selection_changed.connect(side_by_side.show)       # neighbours in A and B
    model.slice_changed.connect(view.show_aligned)           # A and B points, lines A→B
    model.set_b(embviz.load(path), path)                     # or a trained model / snapshot
    token, work = model.start(progress)                      # progress: Cancel sets its flag
    worker = thread_worker(work)()                           # returned on the GUI thread:
    worker.returned.connect(lambda r: model.finish(token, r))
    worker.errored.connect(lambda e: model.fail(token, str(e)))
    table.clicked.connect(model.select)                      # then fly the camera to the word
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from psygnal import Signal

from embviz.core.compare import (
    DEFAULT_ANCHORS,
    DEFAULT_SAMPLE,
    MAX_LISTED,
    Comparison,
    DimsMethod,
    compare,
)
from embviz.core.embeddings import Embeddings, Neighbor
from embviz.core.errors import EmbvizError
from embviz.core.i18n import translate
from embviz.core.progress import Progress
from embviz.core.projection import Projection
from embviz.core.runs import LatestRun, RunsInBackground


@dataclass(frozen=True)
class CompareSettings:
    """The choices of a comparison (the CLI's options).

    Attributes
    ----------
    anchors
        The N most frequent shared words, or the words themselves.
    case_insensitive, dims, heldout, seed
        As in :func:`embviz.core.compare.compare` (``heldout`` is its ``sample``).
    k
        Neighbours for the overlap and the side-by-side lists.
    top
        How many most and least moved words the table lists.
    """

    anchors: int | tuple[str, ...] = DEFAULT_ANCHORS
    case_insensitive: bool = False
    dims: DimsMethod = "pad"
    k: int = 10
    top: int = 50
    heldout: int = DEFAULT_SAMPLE
    seed: int = 0

    def check(self) -> None:
        """Raise :class:`EmbvizError` naming the first setting out of range."""
        if isinstance(self.anchors, int) and self.anchors < 2:
            raise EmbvizError(f"need at least 2 anchor words, got {self.anchors}")
        if self.dims not in ("pad", "pca"):
            raise EmbvizError(f"unknown dims method {self.dims!r}: use 'pad' or 'pca'")
        for name in ("k", "top", "heldout"):
            if getattr(self, name) < 1:
                raise EmbvizError(f"{name} must be at least 1, got {getattr(self, name)}")
        for name in ("k", "top"):
            if getattr(self, name) > MAX_LISTED:
                raise EmbvizError(
                    f"{name} must be at most {MAX_LISTED:,}, got {getattr(self, name)}"
                )


@dataclass(frozen=True)
class MovedWord:
    """One row of the moved-word table."""

    word: str
    cosine: float
    overlap: float


@dataclass(frozen=True)
class CompareResult:
    """A finished comparison and its table (most moved first, least moved first)."""

    comparison: Comparison
    settings: CompareSettings
    most: tuple[MovedWord, ...]
    least: tuple[MovedWord, ...]


@dataclass(frozen=True)
class SideBySide:
    """A word's nearest shared words in A and in B, for two lists side by side."""

    word: str
    in_a: tuple[Neighbor, ...]
    in_b: tuple[Neighbor, ...]

    @property
    def common(self) -> frozenset[str]:
        """Words in both lists (a view may highlight them)."""
        return frozenset(n.word for n in self.in_a) & frozenset(n.word for n in self.in_b)


@dataclass(frozen=True)
class AlignedSlice:
    """Both aligned spaces in one 3D slice: draw A and B points and a line A→B per word.

    Attributes
    ----------
    words
        The words shown (the table's words, and the selected one).
    a, b
        ``(m, 3)`` float32 positions of each word in A (aligned) and in B.
    projection
        The linear map (its ``labels`` name the axes).
    """

    words: tuple[str, ...]
    a: np.ndarray
    b: np.ndarray
    projection: Projection


def run_comparison(
    a: Embeddings, b: Embeddings, settings: CompareSettings, progress: Progress
) -> CompareResult:
    """The long work of a Compare run: align, then the overlaps of the table's words."""
    settings.check()
    c = compare(a, b, anchors=settings.anchors, case_insensitive=settings.case_insensitive,
                dims=settings.dims, sample=settings.heldout, seed=settings.seed,
                progress=progress)  # fmt: skip
    most, least = c.moved(settings.top), c.moved(settings.top, most=False)
    overlap = c.overlap([*most, *least], settings.k, progress=progress)

    def rows(numbers, ov):
        return tuple(MovedWord(c.words[i], float(c.cosine[i]), float(o))
                     for i, o in zip(numbers, ov, strict=True))  # fmt: skip

    return CompareResult(c, settings, rows(most, overlap[: len(most)]),
                         rows(least, overlap[len(most) :]))  # fmt: skip


class CompareModel(RunsInBackground):
    """State of a Compare panel.

    Signals
    -------
    settings_changed(CompareSettings)
        A setting changed; the shown result (if any) no longer matches it.
    started(int)
        A run was handed out (its token).
    result_changed(CompareResult | None)
        A run finished, or the result was cleared (new space, new settings).
    failed(str)
        The current run stopped with an error (one line for the user).
    selection_changed(SideBySide | None)
        A word was selected in the table or the view (or the selection cleared).
    slice_changed(AlignedSlice | None)
        The aligned points on show changed.
    """

    settings_changed = Signal(object)
    started = Signal(int)
    result_changed = Signal(object)
    failed = Signal(str)
    selection_changed = Signal(object)
    slice_changed = Signal(object)

    def __init__(self, a: Embeddings | None = None, settings: CompareSettings | None = None):
        self._a = a
        self._b: Embeddings | None = None
        self.b_label = ""
        self._settings = settings or CompareSettings()
        self._settings.check()
        self._run = LatestRun()
        self._result: CompareResult | None = None
        self._selected: SideBySide | None = None

    # -- inputs --------------------------------------------------------------------------
    @property
    def a(self) -> Embeddings | None:
        """The open space (the one rotated)."""
        return self._a

    @property
    def b(self) -> Embeddings | None:
        """The space compared with it."""
        return self._b

    def set_a(self, a: Embeddings) -> None:
        """Compare another open space; drops the result."""
        self._a = a
        self._clear()

    def set_b(self, b: Embeddings, label: str = "") -> None:
        """Choose the second space (a file, a trained model, a snapshot); drops the result."""
        self._b, self.b_label = b, label or b.source.describe()
        self._clear()

    @property
    def settings(self) -> CompareSettings:
        """The current settings."""
        return self._settings

    def update(self, **changes) -> None:
        """Change settings by name (checked first: a bad value changes nothing)."""
        new = dataclasses.replace(self._settings, **changes)
        new.check()
        if new == self._settings:
            return
        self._settings = new
        self.settings_changed.emit(new)
        self._clear()

    # -- running -------------------------------------------------------------------------
    def start(self, progress: Progress | None = None) -> tuple[int, Callable[[], CompareResult]]:
        """Hand out a run: its token and the work to call on a worker thread.

        A run still going is cancelled. Pass the token back to :meth:`finish`
        or :meth:`fail` on the GUI thread.
        """
        if self._a is None or self._b is None:
            raise EmbvizError(translate("Errors", "choose the two spaces to compare first"))
        token, p = self._run.begin(progress)
        a, b, settings = self._a, self._b, self._settings
        self.started.emit(token)
        return token, lambda: run_comparison(a, b, settings, p)

    def finish(self, token: int, result: CompareResult) -> bool:
        """Show a run's result; ``False`` (and nothing changes) if a newer run replaced it."""
        if not self._run.end(token):
            return False
        self._result = result
        self._selected = None
        self.result_changed.emit(result)
        self.selection_changed.emit(None)
        self.slice_changed.emit(self.aligned_slice())
        return True

    @property
    def result(self) -> CompareResult | None:
        """The shown result, if any."""
        return self._result

    def _clear(self) -> None:
        self._run.clear()
        had = self._result is not None
        self._result, self._selected = None, None
        if had:
            self.result_changed.emit(None)
            self.selection_changed.emit(None)
            self.slice_changed.emit(None)

    # -- what the panel shows ------------------------------------------------------------
    def select(self, word: str | None) -> SideBySide | None:
        """Select a word (or none): its neighbours in A and B, and the slice with it."""
        if self._result is None:
            raise EmbvizError("nothing compared yet")
        if word is None:
            self._selected = None
        else:
            c = self._result.comparison
            in_a, in_b = c.neighbours(word, self._result.settings.k)
            self._selected = SideBySide(c.words[c.number(word)], tuple(in_a), tuple(in_b))
        self.selection_changed.emit(self._selected)
        self.slice_changed.emit(self.aligned_slice())
        return self._selected

    @property
    def selected(self) -> SideBySide | None:
        """The selected word's side-by-side neighbours."""
        return self._selected

    def slice_words(self) -> list[str]:
        """The words the slice shows: the table's, then the selected word and its neighbours."""
        if self._result is None:
            return []
        words = [m.word for m in (*self._result.most, *self._result.least)]
        if self._selected is not None:
            s = self._selected
            words += [s.word, *(n.word for n in s.in_a), *(n.word for n in s.in_b)]
        return list(dict.fromkeys(words))

    def aligned_slice(self) -> AlignedSlice | None:
        """A and B positions of :meth:`slice_words` on shared PCA axes (``None`` before a run)."""
        words = self.slice_words()
        if self._result is None or not words:
            return None
        c = self._result.comparison
        proj, b = c.aligned_slice([c.number(w) for w in words])
        return AlignedSlice(tuple(words), proj.coords, b, proj)
