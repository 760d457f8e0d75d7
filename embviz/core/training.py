"""Train a real gensim word2vec model and watch its vectors, snapshot by snapshot.

:func:`train_word2vec` is a generator: it builds the vocabulary, sets the
initial vectors the user chose, yields a :class:`Snapshot` of the watched
words at initialisation, then trains and yields again after every part of an
epoch. It checks the stop flag between parts, so Stop takes effect within a
fraction of a second on the shipped corpus.

Intermediate states are real: each epoch is cut into ``snapshots_per_epoch``
parts and ``Word2Vec.train`` runs on one part at a time with the learning rate
of gensim's own linear schedule for that stretch (``start_alpha``/``end_alpha``),
so the model learns what one ``train(epochs=E)`` call would teach it.

The loss: gensim accumulates the loss of one ``train()`` call in a float32, so
over a long call it loses precision and stalls at 2**27 = 134217728. Each call
here covers one part of one epoch and ``running_training_loss`` is reset to 0
before it; an epoch's loss is the float64 sum of its parts. With more than one
worker the number is only approximate: each gensim worker copies the counter
at the start of a job and writes it back at the end, so concurrent jobs
overwrite each other's sums (two workers report about half the loss). One
worker — the default — gives the exact loss and reproducible runs.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from os import PathLike
from pathlib import Path
from typing import Literal

import numpy as np

from embviz.core.corpus import Corpus
from embviz.core.embeddings import Embeddings, Source
from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.progress import NULL_PROGRESS, Progress

Init = Literal["gensim", "normal", "uniform", "pretrained"]
INITS: tuple[Init, ...] = ("gensim", "normal", "uniform", "pretrained")
MAX_WATCH = 300
# Pairs whose cosine the Train panel and `embviz train --animation` follow over a run.
DEFAULT_PAIRS = "king queen, man woman, cat cats, paris france"


@dataclass(frozen=True)
class TrainParams:
    """Everything that defines a training run.

    Attributes
    ----------
    sg
        Skip-gram (True) or CBOW (False).
    dim, window, negative, epochs, alpha, min_alpha, min_count, sample, seed, workers
        As in ``gensim.models.Word2Vec`` (``dim`` is ``vector_size``).
    init
        Initial vectors: ``"gensim"`` (gensim's default, uniform in ±1/(2·dim)...
        precisely ``[-1/dim, 1/dim)``), ``"normal"`` (σ = ``init_scale``),
        ``"uniform"`` (in ±``init_scale``) or ``"pretrained"`` (rows of the
        ``pretrained`` file for the words it covers, gensim's default for the rest).
    init_scale
        σ of ``"normal"`` or the bound ``a`` of ``"uniform"``.
    pretrained
        Vector file for ``init="pretrained"``; its dimension must equal ``dim``.
    snapshots_per_epoch
        How many snapshots each epoch yields (1 = one per epoch).
    watch
        Words to follow; ``None`` = the most frequent :data:`MAX_WATCH` words.
    """

    sg: bool = True
    dim: int = 50
    window: int = 4
    negative: int = 5
    epochs: int = 10
    alpha: float = 0.025
    min_alpha: float = 0.0001
    min_count: int = 5
    sample: float = 1e-3
    seed: int = 1
    workers: int = 1
    init: Init = "gensim"
    init_scale: float = 0.02
    pretrained: str | None = None
    snapshots_per_epoch: int = 1
    watch: tuple[str, ...] | None = None

    def check(self) -> None:
        """Raise :class:`EmbvizError` naming the first parameter out of range."""
        rules = [
            (3 <= self.dim <= 1000, f"dimension must be 3 to 1000, got {self.dim}"),
            (1 <= self.window <= 50, f"window must be 1 to 50, got {self.window}"),
            (1 <= self.negative <= 50, f"negative samples must be 1 to 50, got {self.negative}"),
            (1 <= self.epochs <= 1000, f"epochs must be 1 to 1000, got {self.epochs}"),
            (0 < self.alpha <= 1, f"learning rate must be in (0, 1], got {self.alpha}"),
            (0 < self.min_alpha <= self.alpha, "final learning rate must be in (0, alpha]"),
            (self.min_count >= 1, f"min count must be at least 1, got {self.min_count}"),
            (self.sample >= 0, f"sample must be at least 0, got {self.sample}"),
            (1 <= self.workers <= 16, f"workers must be 1 to 16, got {self.workers}"),
            (0 <= self.seed <= 2**32 - 1, f"seed must be 0 to 4294967295, got {self.seed}"),
            (self.init in INITS, f"unknown initialisation {self.init!r}: use {', '.join(INITS)}"),
            (self.init_scale > 0, f"initial scale must be positive, got {self.init_scale}"),
            (1 <= self.snapshots_per_epoch <= 100, "snapshots per epoch must be 1 to 100"),
            (self.init != "pretrained" or bool(self.pretrained),
             "initialisation 'pretrained' needs a pretrained vector file"),
        ]  # fmt: skip
        for ok, message in rules:
            if not ok:
                raise EmbvizError(message)


@dataclass(frozen=True)
class Snapshot:
    """The watched words' vectors at one moment of training.

    Attributes
    ----------
    index
        0 for the initial vectors, then 1, 2, ...
    epoch
        Epochs done, fractional between epoch ends (0.0 = initial vectors).
    words, vectors
        The watched words and their ``(n, dim)`` float32 vectors (a copy).
    epoch_losses
        Loss of every completed epoch so far.
    loss
        Loss of the part of training since the previous snapshot (0 at init).
    alpha
        Learning rate at the end of that part.
    seconds
        Wall time of that part of training.
    final
        The last snapshot of the run (complete or stopped).
    stopped
        The run was stopped before its last epoch.
    model
        On the final snapshot only: every word's vectors, for saving and opening.
    info
        Facts about the run for the user (vocabulary size, corpus words, coverage).
    """

    index: int
    epoch: float
    words: list[str]
    vectors: np.ndarray
    epoch_losses: tuple[float, ...] = ()
    loss: float = 0.0
    alpha: float = 0.0
    seconds: float = 0.0
    final: bool = False
    stopped: bool = False
    model: Embeddings | None = None
    info: dict = field(default_factory=dict)


def train_word2vec(
    corpus: Corpus, params: TrainParams = TrainParams(), progress: Progress = NULL_PROGRESS
) -> Iterator[Snapshot]:
    """Train word2vec on ``corpus`` and yield snapshots of the watched words.

    Parameters
    ----------
    corpus
        The text, re-read from disk on every pass.
    params
        The run's settings; checked first.
    progress
        Receives progress reports; when cancelled, training stops at the next
        part boundary and one last snapshot (``stopped=True``) is yielded.

    Yields
    ------
    Snapshot
        ``epochs * snapshots_per_epoch + 1`` of them for a complete run: the
        initial vectors, then one after every part of every epoch.

    Raises
    ------
    EmbvizError
        Bad parameters, a corpus too small for ``min_count``, a pretrained
        file that does not fit, or a corpus file that disappears mid-run.
    """
    from gensim.models import Word2Vec

    params.check()
    progress.report(None, f"building the vocabulary of {corpus.name}")
    model = Word2Vec(
        vector_size=params.dim, window=params.window, negative=params.negative, hs=0,
        sg=1 if params.sg else 0, min_count=params.min_count, sample=params.sample,
        seed=params.seed, workers=params.workers, alpha=params.alpha,
        min_alpha=params.min_alpha, compute_loss=True,
    )  # fmt: skip
    model.build_vocab(_until_cancelled(corpus.sentences(), progress))
    progress.check()
    _check_vocabulary(model, corpus, params)
    info = {
        "corpus": str(corpus.path),
        "sentences": int(model.corpus_count),
        "corpus_words": int(model.corpus_total_words),
        "vocabulary": len(model.wv),
        "loss_exact": params.workers == 1,
        "params": asdict(params),
    }
    info.update(_initialise(model, params, progress))
    rows, words, missing = _watched(model, params.watch)
    info["watched_missing"] = missing
    progress.check()
    yield Snapshot(0, 0.0, words, model.wv.vectors[rows].copy(), alpha=params.alpha, info=info)

    yield from _train_epochs(model, corpus, params, progress, rows, words, info)


def _train_epochs(model, corpus, params, progress, rows, words, info) -> Iterator[Snapshot]:
    parts = params.snapshots_per_epoch
    total = params.epochs * model.corpus_count
    per_part = -(-model.corpus_count // parts)  # ceil: sentences per part
    done = 0
    epoch_losses: list[float] = []
    index = 0
    for epoch in range(params.epochs):
        epoch_loss = 0.0
        part = 0
        for chunk in _chunks(corpus.sentences(), per_part):
            if progress.cancelled:
                # Stop asked between parts: hand back the state as it is, untrained further.
                yield _stopped(model, corpus, params, rows, words, index + 1, done, epoch_losses,
                               info)  # fmt: skip
                return
            # gensim's own linear decay, evaluated at this part's start and end.
            a0 = _alpha(params, done / total)
            a1 = _alpha(params, min(done + len(chunk), total) / total)
            model.running_training_loss = 0.0
            t0 = time.perf_counter()
            fed = _until_cancelled(chunk, progress)
            model.train(fed, total_examples=len(chunk), epochs=1,
                        start_alpha=a0, end_alpha=a1, compute_loss=True)  # fmt: skip
            seconds = time.perf_counter() - t0
            loss = float(model.get_latest_training_loss())
            epoch_loss += loss
            done += fed.taken
            cut_short = fed.taken < len(chunk)
            part += 0 if cut_short else 1
            index += 1
            end_of_epoch = part >= parts
            if end_of_epoch:
                epoch_losses.append(epoch_loss)
            last = end_of_epoch and epoch == params.epochs - 1
            stop = progress.cancelled and not last
            reached = epoch + min(
                (part + (fed.taken / len(chunk) if cut_short else 0)) / parts, 1.0
            )
            yield Snapshot(
                index, reached, words, model.wv.vectors[rows].copy(),
                epoch_losses=tuple(epoch_losses), loss=loss, alpha=a1, seconds=seconds,
                final=last or stop, stopped=stop,
                model=_model_embeddings(model, corpus, params) if last or stop else None,
                info=info,
            )  # fmt: skip
            if stop:
                return
            try:
                progress.report(done / total, f"epoch {epoch + 1}/{params.epochs}")
            except Cancelled:
                pass  # handled at the top of the next part, with a stopped snapshot
        if part == 0:
            raise EmbvizError(f"{corpus.path}: the corpus became empty during training")


def _stopped(model, corpus, params, rows, words, index, done, epoch_losses, info) -> Snapshot:
    epoch = done / model.corpus_count
    return Snapshot(
        index, epoch, words, model.wv.vectors[rows].copy(), epoch_losses=tuple(epoch_losses),
        alpha=_alpha(params, done / (params.epochs * model.corpus_count)), final=True,
        stopped=True, model=_model_embeddings(model, corpus, params), info=info,
    )  # fmt: skip


def _chunks(sentences, size: int) -> Iterator[list[list[str]]]:
    # Materialised here, in the caller's thread, so a read error surfaces as a
    # clear LoadError rather than inside gensim's producer thread.
    chunk: list[list[str]] = []
    for s in sentences:
        chunk.append(s)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _until_cancelled:
    """Sentences fed to gensim, cut short as soon as the run is cancelled.

    gensim cannot be interrupted inside ``build_vocab()`` or ``train()``, but it
    reads the corpus lazily: once the iterable runs dry, the workers finish the
    batch in hand (milliseconds) and the call returns.  Without this, Cancel
    waited for a whole part, over a second on a busy machine.  ``taken``
    counts the sentences handed over, so a stopped snapshot reports how far
    training really got.
    """

    def __init__(self, sentences: Iterable[list[str]], progress: Progress) -> None:
        self._sentences = sentences
        self._progress = progress
        self.taken = 0

    def __iter__(self) -> Iterator[list[str]]:
        for s in self._sentences:
            if self._progress.cancelled:
                return
            self.taken += 1
            yield s


def _alpha(params: TrainParams, fraction: float) -> float:
    return max(params.min_alpha, params.alpha - (params.alpha - params.min_alpha) * fraction)


def _check_vocabulary(model, corpus: Corpus, params: TrainParams) -> None:
    kept = len(model.wv)
    if kept >= 3:
        return
    distinct = len(model.raw_vocab) if getattr(model, "raw_vocab", None) else None
    counts = {}
    for s in corpus.sentences():
        for w in s:
            counts[w] = counts.get(w, 0) + 1
    top = max(counts.values()) if counts else 0
    raise EmbvizError(
        f"{corpus.path}: only {kept} word(s) occur at least min count = {params.min_count} "
        f"times ({distinct or len(counts)} distinct words, the most frequent occurs {top} "
        f"times); training needs at least 3 — lower the min count or use a larger corpus"
    )


def _initialise(model, params: TrainParams, progress: Progress) -> dict:
    vectors = model.wv.vectors  # gensim's default is already in place
    rng = np.random.default_rng(params.seed)
    if params.init == "normal":
        vectors[:] = rng.normal(0.0, params.init_scale, vectors.shape)
    elif params.init == "uniform":
        vectors[:] = rng.uniform(-params.init_scale, params.init_scale, vectors.shape)
    elif params.init == "pretrained":
        from embviz.core.formats import load

        emb = load(params.pretrained, progress=progress)
        if emb.dim != params.dim:
            raise EmbvizError(
                f"{params.pretrained}: the pretrained vectors have {emb.dim} dimensions; "
                f"set the dimension to {emb.dim} to start from them"
            )
        covered = [(i, emb.index[w]) for i, w in enumerate(model.wv.index_to_key) if w in emb]
        if not covered:
            raise EmbvizError(f"{params.pretrained}: covers none of the corpus' words")
        ours, theirs = (np.asarray(c) for c in zip(*covered, strict=True))
        vectors[ours] = emb.vectors[theirs]
        return {"pretrained_covered": len(covered)}
    return {}


def _watched(model, watch: Sequence[str] | None):
    index = model.wv.key_to_index
    if watch:
        words = [w for w in dict.fromkeys(watch) if w in index]
        missing = [w for w in dict.fromkeys(watch) if w not in index]
        if len(words) < 3:
            words = list(model.wv.index_to_key[:MAX_WATCH])
    else:
        words, missing = list(model.wv.index_to_key[:MAX_WATCH]), []
    return np.asarray([index[w] for w in words], dtype=np.intp), words, missing


def _model_embeddings(model, corpus: Corpus, params: TrainParams) -> Embeddings:
    kind = "skip-gram" if params.sg else "CBOW"
    return Embeddings(
        list(model.wv.index_to_key),
        model.wv.vectors.copy(),
        source=Source(label=f"word2vec {kind} {params.dim}d trained on {corpus.name}",
                      format="trained", details={"params": asdict(params)}),
    )  # fmt: skip


def save_vectors(emb: Embeddings, path: str | PathLike, *, binary: bool = False) -> Path:
    """Save vectors in word2vec format with gensim's ``save_word2vec_format``.

    Parameters
    ----------
    emb
        The vectors to save.
    path
        Destination file.
    binary
        word2vec binary instead of text.

    Returns
    -------
    pathlib.Path
        The written file.
    """
    from gensim.models import KeyedVectors

    path = Path(path)
    kv = KeyedVectors(emb.dim)
    # Filled directly (as gensim's own loaders do): add_vectors would drop repeated words.
    kv.index_to_key = list(emb.words)
    kv.key_to_index = dict(emb.index)
    kv.vectors = emb.vectors
    try:
        kv.save_word2vec_format(str(path), binary=binary)
    except OSError as e:
        raise EmbvizError(f"{path}: cannot write the vectors ({e.strerror or e})") from None
    return path


def cosine_pairs(snapshot: Snapshot, pairs: Sequence[tuple[str, str]]) -> list[float | None]:
    """Cosine similarity of each word pair in ``snapshot`` (``None`` if a word is not watched)."""
    at = {w: i for i, w in enumerate(snapshot.words)}
    out: list[float | None] = []
    for a, b in pairs:
        if a not in at or b not in at:
            out.append(None)
            continue
        u, v = (
            snapshot.vectors[at[a]].astype(np.float64),
            snapshot.vectors[at[b]].astype(np.float64),
        )
        den = float(np.linalg.norm(u) * np.linalg.norm(v))
        out.append(float(u @ v / den) if den > 0 else 0.0)
    return out


def epoch_at(snapshots: Sequence[Snapshot], t: float) -> float:
    """Epochs done at snapshot position ``t`` (fractional ``t``: interpolated)."""
    return float(np.interp(t, np.arange(len(snapshots)), [s.epoch for s in snapshots]))


def caption(snapshots: Sequence[Snapshot], t: float, total_epochs: int) -> str:
    """What the training view writes over the picture at snapshot position ``t``.

    E.g. ``"epoch 1.50 / 10 · snapshot 3 of 40 · loss of epoch 1: 51,234"``:
    the interpolated epoch, the nearest snapshot and the last finished epoch's loss.
    """
    i = min(max(round(t), 0), len(snapshots) - 1)
    snap = snapshots[i]
    loss = (
        f" · loss of epoch {len(snap.epoch_losses)}: {snap.epoch_losses[-1]:,.0f}"
        if snap.epoch_losses
        else ""
    )
    return (
        f"epoch {epoch_at(snapshots, t):.2f} / {total_epochs} · snapshot {i} of "
        f"{len(snapshots) - 1}{loss}"
    )
