"""One training run as a model, Qt-free: snapshots, frames, similarities, the trained model.

The Train panel and ``embviz train --animation`` both feed a
:class:`TrainingSession` with the snapshots of a run (the panel's come with
their frame data from the worker process; the command line's are prepared
here) and draw the run from :meth:`TrainingSession.recording`, so a
recording is built one way. A view subscribes to the session's psygnal
signals; a :class:`~embviz.core.playback.Playback` says which moment to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

import numpy as np
from psygnal import Signal

from embviz.core.embeddings import Embeddings
from embviz.core.errors import EmbvizError
from embviz.core.frames import (
    FrameMode,
    Prepared,
    frame_coords,
    frame_count,
    playback_times,
    prepare,
)
from embviz.core.i18n import translate
from embviz.core.playback import DEFAULT_SPEED, playback_seconds
from embviz.core.training import (
    DEFAULT_PAIRS,
    DEFAULT_PAIRS_ZH,
    Snapshot,
    TrainParams,
    caption,
    cosine_pairs,
    save_vectors,
)


@dataclass
class Recording:
    """What it takes to draw any moment of a training run (no Qt, no gensim model).

    Attributes
    ----------
    words
        The watched words, in the order of the rows of ``coords``.
    coords
        ``(n, 3)`` positions per snapshot on one stable frame
        (:func:`embviz.core.frames.frame_coords`).
    axis_labels
        The frame's axis names.
    snapshots
        The snapshots, for the captions (epoch, loss).
    total_epochs
        Epochs the run was set to train.
    groups
        Colour group per word (the shipped corpus' lesson groups).
    highlight
        Words drawn larger and labelled first.
    """

    words: list[str]
    coords: list[np.ndarray]
    axis_labels: tuple[str, str, str]
    snapshots: Sequence[Snapshot]
    total_epochs: int
    groups: dict[str, str] = field(default_factory=dict)
    highlight: set[str] = field(default_factory=set)

    def times(self, fps: float, seconds: float) -> np.ndarray:
        """Snapshot positions of the frames of a ``seconds`` long animation at ``fps``."""
        return playback_times(len(self.coords), frame_count(fps, seconds))

    def playback_seconds(self, speed: float = DEFAULT_SPEED) -> float:
        """How long the panel's playback of the whole run takes."""
        return playback_seconds(len(self.coords), speed)


def default_pairs(language: str | None) -> str:
    """The lesson's word pairs in ``language`` (``"zh"``: Chinese; else English)."""
    return DEFAULT_PAIRS_ZH if language == "zh" else DEFAULT_PAIRS


def parse_pairs(text: str) -> list[tuple[str, str]]:
    """Word pairs from ``"king queen, cat cats"`` (lowercased; parts not of two words skipped)."""
    out = []
    for part in text.split(","):
        words = part.lower().split()
        if len(words) == 2:
            out.append((words[0], words[1]))
    return out


def default_watch(corpus: str | PathLike | None) -> tuple[str, ...] | None:
    """The words a run follows by default: the lesson's on a shipped corpus, else ``None``.

    ``None`` lets :func:`~embviz.core.training.train_word2vec` follow the most frequent words.
    """
    from embviz.core.corpus import shipped_language, shipped_watch_words

    lang = shipped_language(corpus)
    return tuple(shipped_watch_words(lang)) if lang else None


class TrainingSession:
    """The snapshots of one run and everything derived from them.

    Signals
    -------
    started()
        A new run began: everything was cleared.
    snapshot_added(Snapshot)
        A snapshot arrived (the first one: the watched words are known).
    model_changed(object)
        The trained :class:`Embeddings` (the run's final snapshot).
    pairs_changed(str)
        The followed word pairs, as text.
    corpus_changed(object)
        The corpus file (``None``: the shipped teaching corpus).
    """

    started = Signal()
    snapshot_added = Signal(object)
    model_changed = Signal(object)
    pairs_changed = Signal(str)
    corpus_changed = Signal(object)

    def __init__(self, corpus: str | PathLike | None = None) -> None:
        self.corpus: str | None = None  # None: the shipped teaching corpus
        self.language: str | None = "en"
        self.pairs_text = DEFAULT_PAIRS
        self.params: TrainParams | None = None
        self.frame_mode: FrameMode = "final"
        self.pinned = 0  # the reference snapshot of the "pinned" frame
        self.model: Embeddings | None = None  # of the last finished or stopped run
        self._saved_model: Embeddings | None = None  # the model last written to a file
        self._clear()
        self.set_corpus(corpus)

    def _clear(self) -> None:
        self.snapshots: list[Snapshot] = []
        self.prepared: list[Prepared] = []  # frame data per snapshot
        self.coords: list[np.ndarray] = []
        self.axis_labels: tuple[str, str, str] = ("", "", "")
        self.groups: dict[str, str] = {}  # colour group per watched word
        self._sims: list[list[float | None]] = []  # cosine of the pairs, per snapshot
        self._frames_of = -1  # how many snapshots self.coords were computed from

    # -- settings ------------------------------------------------------------------
    def set_corpus(self, path: str | PathLike | None) -> None:
        """Train on ``path`` from now on (``None``: the shipped teaching corpus).

        The lesson's pairs switch to the corpus' language unless the user typed others.
        """
        from embviz.core.corpus import shipped_language

        self.corpus = str(path) if path else None
        self.language = shipped_language(self.corpus)
        swap = {
            default_pairs(None if self.language == "zh" else "zh"): default_pairs(self.language)
        }
        if self.pairs_text in swap:
            self.set_pairs(swap[self.pairs_text])
        self.corpus_changed.emit(self.corpus)

    def set_pairs(self, text: str) -> None:
        """Follow the cosine of the word pairs in ``text`` (``"king queen, cat cats"``)."""
        self.pairs_text = text
        self._sims = []
        self.pairs_changed.emit(text)

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """The followed word pairs."""
        return parse_pairs(self.pairs_text)

    def highlight(self) -> set[str]:
        """The words of the followed pairs (drawn larger, labelled first)."""
        return {w for pair in self.pairs for w in pair}

    def set_frame(self, mode: FrameMode, pinned: int | None = None) -> None:
        """Project on the stable frame ``mode`` (``"pinned"``: PCA of snapshot ``pinned``)."""
        self.frame_mode = mode
        if pinned is not None:
            self.pinned = pinned
        self._frames_of = -1

    # -- the run -------------------------------------------------------------------
    def begin(self, params: TrainParams) -> None:
        """Start a new run with ``params``: the previous run's snapshots go."""
        from embviz.core.corpus import shipped_watch_groups

        self._clear()
        self.params = params
        self.model = None
        self.pinned = 0
        self.groups = shipped_watch_groups(self.language) if self.language else {}
        self.started.emit()

    @property
    def total_epochs(self) -> int:
        """Epochs the run was set to train."""
        return self.params.epochs if self.params is not None else 0

    def add(self, snap: Snapshot, prepared: Prepared | None = None) -> None:
        """Add the run's next snapshot, with its frame data (``None``: computed here).

        A stopped snapshot of the same epoch as the previous one replaces it:
        the stopped state is the last one, untrained further.
        """
        replace = bool(self.snapshots) and snap.stopped and snap.epoch == self.snapshots[-1].epoch
        if replace:
            self.snapshots.pop()
            self.prepared.pop()
            self._sims[len(self.snapshots) :] = []
        if prepared is None:
            prepared = prepare(snap.vectors, self.prepared[-1] if self.prepared else None)
        self.snapshots.append(snap)
        self.prepared.append(prepared)
        self._frames_of = -1
        self.snapshot_added.emit(snap)
        if snap.model is not None:
            self.model = snap.model
            self.model_changed.emit(snap.model)

    # -- derived -------------------------------------------------------------------
    def update_frames(self) -> None:
        """Project every snapshot on the chosen frame (only when something changed)."""
        if self._frames_of == len(self.snapshots) or not self.snapshots:
            return
        pinned = min(self.pinned, len(self.snapshots) - 1)
        self.coords, self.axis_labels = frame_coords(self.prepared, self.frame_mode, pinned)
        self._frames_of = len(self.snapshots)

    def similarities(self) -> tuple[list[str], list[float], np.ndarray]:
        """Names of the pairs, the snapshots' epochs and each pair's cosine per snapshot.

        ``values[k][j]`` is pair ``k`` at snapshot ``j`` (NaN: a word not watched).
        """
        pairs = self.pairs
        for s in self.snapshots[len(self._sims) :]:
            self._sims.append(cosine_pairs(s, pairs))
        values = np.array([[np.nan if c is None else c for c in row] for row in self._sims])
        values = values.T.reshape(len(pairs), -1)
        return [f"{a}·{b}" for a, b in pairs], [s.epoch for s in self.snapshots], values

    def readout(self, index: int) -> str:
        """The pairs' cosines at snapshot ``index``, e.g. ``"cosine: king·queen +0.31"``."""
        pairs = self.pairs
        parts = []
        for (a, b), c in zip(pairs, cosine_pairs(self.snapshots[index], pairs), strict=True):
            parts.append(
                f"{a}·{b} {c:+.2f}"
                if c is not None
                else translate("Training", "{pair} (not watched)").format(pair=f"{a}·{b}")
            )
        return (
            translate("Training", "cosine: {values}").format(values="   ".join(parts))
            if parts
            else ""
        )

    def caption(self, t: float) -> str:
        """What the view writes over the picture at snapshot position ``t``."""
        return caption(self.snapshots, t, self.total_epochs)

    def recording(self) -> Recording:
        """The run so far, as an animation draws it (on the chosen frame).

        Raises
        ------
        EmbvizError
            No snapshot yet.
        """
        if not self.snapshots:
            raise EmbvizError("nothing to export yet: train first")
        self.update_frames()
        words = list(self.snapshots[0].words)
        return Recording(
            words=words, coords=list(self.coords), axis_labels=self.axis_labels,
            snapshots=list(self.snapshots), total_epochs=self.total_epochs,
            groups=dict(self.groups), highlight=self.highlight() & set(words),
        )  # fmt: skip

    # -- the trained vectors -------------------------------------------------------
    def save(self, path: str | PathLike, *, binary: bool = False) -> Path:
        """Save the trained vectors (all words) in word2vec format; returns the file.

        Raises
        ------
        EmbvizError
            Nothing trained yet, or the file cannot be written.
        """
        if self.model is None:
            raise EmbvizError("nothing to save yet: train first")
        out = save_vectors(self.model, path, binary=binary)
        self._saved_model = self.model
        return out

    def has_unsaved(self) -> bool:
        """Whether trained vectors exist that were not saved to a file."""
        return self.model is not None and self.model is not self._saved_model
