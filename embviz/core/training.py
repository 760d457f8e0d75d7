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
from dataclasses import asdict, dataclass, field, fields
from os import PathLike
from pathlib import Path
from typing import Literal

import numpy as np

from embviz.core.corpus import Corpus
from embviz.core.embeddings import Embeddings, Source
from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP, translate
from embviz.core.progress import NULL_PROGRESS, Progress

Init = Literal["gensim", "normal", "uniform", "pretrained"]
INITS: tuple[Init, ...] = ("gensim", "normal", "uniform", "pretrained")
MAX_WATCH = 300
# Pairs whose cosine the Train panel and `embviz train --animation` follow over a run.
DEFAULT_PAIRS = "king queen, man woman, cat cats, paris france"
DEFAULT_PAIRS_ZH = "国王 王后, 男人 女人, 巴黎 法国, 北京 中国"
"""The same pairs for the shipped Chinese corpus."""


@dataclass(frozen=True)
class Param:
    """How a :class:`TrainParams` field is shown: in the Train form and as an ``embviz train`` option.

    Attributes
    ----------
    label
        The form's label (``""``: the widget stands alone).
    tip
        What it means: the form's tooltip and the option's help.
    option
        The command-line option, e.g. ``"--dim"`` (a ``bool`` field's option
        flips its default, e.g. ``--cbow``).
    noun
        Its name in error messages (``"dimension must be 3 to 1000"``).
    range
        Allowed values; ``None`` as the upper end: no bound. For an ``int``
        field :meth:`TrainParams.check` enforces it; for a ``float`` field it
        is the form's range (``check`` tests the mathematical interval).
    form_max
        A lower top for the form's spin box than the range allows.
    decimals, step
        A ``float`` field's spin box.
    choices
        ``(value, text)`` for a field picked from a list.
    group
        The form's group box: ``"model"`` or ``"init"``.
    """

    label: str
    tip: str
    option: str
    noun: str = ""
    range: tuple[float, float | None] | None = None
    form_max: float | None = None
    decimals: int = 0
    step: float = 1.0
    choices: tuple[tuple[object, str], ...] = ()
    group: str = "model"


def _param(default, **how) -> object:
    return field(default=default, metadata={"param": Param(**how)})


def params_shown() -> dict[str, Param]:
    """The :class:`TrainParams` fields a user sets, in the form's order, with their :class:`Param`."""
    return {f.name: f.metadata["param"] for f in fields(TrainParams) if "param" in f.metadata}


@dataclass(frozen=True)
class TrainParams:
    """Everything that defines a training run.

    The fields a user sets carry a :class:`Param` (label, range, tooltip,
    option) from which the Train form and ``embviz train``'s options are built.

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

    sg: bool = _param(
        True,
        label=QT_TRANSLATE_NOOP("TrainParams", "Architecture"),
        option="--cbow",
        tip=QT_TRANSLATE_NOOP(
            "TrainParams",
            "Skip-gram predicts the context from a word; CBOW the word from its context",
        ),
        choices=((True, QT_TRANSLATE_NOOP("TrainParams", "skip-gram")), (False, "CBOW")),
    )
    dim: int = _param(
        50,
        label=QT_TRANSLATE_NOOP("TrainParams", "Dimensions"),
        option="--dim",
        noun="dimension",
        tip=QT_TRANSLATE_NOOP("TrainParams", "Vector dimension"),
        range=(3, 1000),
    )
    window: int = _param(
        4,
        label=QT_TRANSLATE_NOOP("TrainParams", "Window"),
        option="--window",
        noun="window",
        tip=QT_TRANSLATE_NOOP("TrainParams", "Words on each side that count as context"),
        range=(1, 50),
    )
    negative: int = _param(
        5,
        label=QT_TRANSLATE_NOOP("TrainParams", "Negative samples"),
        option="--negative",
        noun="negative samples",
        tip=QT_TRANSLATE_NOOP("TrainParams", "Negative samples per positive pair"),
        range=(1, 50),
    )
    epochs: int = _param(
        10,
        label=QT_TRANSLATE_NOOP("TrainParams", "Epochs"),
        option="--epochs",
        noun="epochs",
        tip=QT_TRANSLATE_NOOP("TrainParams", "Passes over the corpus"),
        range=(1, 1000),
    )
    alpha: float = _param(
        0.025,
        label=QT_TRANSLATE_NOOP("TrainParams", "Learning rate"),
        option="--alpha",
        tip=QT_TRANSLATE_NOOP("TrainParams", "Initial learning rate; it falls linearly to 0.0001"),
        range=(0.0005, 1.0),
        decimals=4,
        step=0.005,
    )
    min_alpha: float = 0.0001
    min_count: int = _param(
        5,
        label=QT_TRANSLATE_NOOP("TrainParams", "Min count"),
        option="--min-count",
        noun="min count",
        tip=QT_TRANSLATE_NOOP("TrainParams", "Ignore words rarer than this"),
        range=(1, None),
        form_max=10000,
    )
    sample: float = 1e-3
    seed: int = _param(
        1,
        label=QT_TRANSLATE_NOOP("TrainParams", "Seed"),
        option="--seed",
        noun="seed",
        tip=QT_TRANSLATE_NOOP("TrainParams", "Random seed (runs repeat exactly with 1 worker)"),
        range=(0, 2**32 - 1),
        form_max=2**31 - 1,
    )
    workers: int = _param(
        1,
        label=QT_TRANSLATE_NOOP("TrainParams", "Workers"),
        option="--workers",
        noun="workers",
        tip=QT_TRANSLATE_NOOP(
            "TrainParams",
            "Training threads. 1 gives the exact loss and reproducible runs; "
            "with more, gensim's loss counter undercounts (its workers overwrite "
            "each other's sums)",
        ),
        range=(1, 16),
    )
    # (an immutable str; ruff cannot see through the Literal alias)
    init: Init = _param(  # noqa: RUF009
        "gensim",
        label="",
        option="--init",
        group="init",
        tip=QT_TRANSLATE_NOOP(
            "TrainParams", "What the embedding matrix holds before the first update"
        ),
        choices=(
            ("gensim", QT_TRANSLATE_NOOP("TrainParams", "gensim default: uniform in ±1/dim")),
            ("normal", QT_TRANSLATE_NOOP("TrainParams", "normal, σ =")),
            ("uniform", QT_TRANSLATE_NOOP("TrainParams", "uniform in ±a, a =")),
            ("pretrained", QT_TRANSLATE_NOOP("TrainParams", "pretrained file (covered words)")),
        ),
    )
    init_scale: float = _param(
        0.02,
        label=QT_TRANSLATE_NOOP("TrainParams", "σ or a"),
        option="--init-scale",
        group="init",
        tip=QT_TRANSLATE_NOOP("TrainParams", "σ of the normal or a of the uniform initialisation"),
        range=(0.001, 5.0),
        decimals=3,
        step=0.01,
    )
    pretrained: str | None = _param(
        None,
        label=QT_TRANSLATE_NOOP("TrainParams", "File"),
        option="--pretrained",
        group="init",
        tip=QT_TRANSLATE_NOOP(
            "TrainParams", "Pretrained vectors: the words they cover start from them"
        ),
    )
    snapshots_per_epoch: int = _param(
        1,
        label=QT_TRANSLATE_NOOP("TrainParams", "Snapshots / epoch"),
        option="--snapshots-per-epoch",
        noun="snapshots per epoch",
        tip=QT_TRANSLATE_NOOP("TrainParams", "Snapshots taken within each epoch"),
        range=(1, 100),
    )
    watch: tuple[str, ...] | None = None

    def check(self) -> None:
        """Raise :class:`EmbvizError` naming the first parameter out of range."""
        for name, p in params_shown().items():
            value = getattr(self, name)
            if p.range is None or not isinstance(value, int) or isinstance(value, bool):
                continue
            lo, hi = p.range
            if hi is None and value < lo:
                raise EmbvizError(f"{p.noun} must be at least {lo}, got {value}")
            if hi is not None and not lo <= value <= hi:
                raise EmbvizError(f"{p.noun} must be {lo} to {hi}, got {value}")
        rules = [
            (0 < self.alpha <= 1, f"learning rate must be in (0, 1], got {self.alpha}"),
            (0 < self.min_alpha <= self.alpha, "final learning rate must be in (0, alpha]"),
            (self.sample >= 0, f"sample must be at least 0, got {self.sample}"),
            (self.init in INITS, f"unknown initialisation {self.init!r}: use {', '.join(INITS)}"),
            (self.init_scale > 0, f"initial scale must be positive, got {self.init_scale}"),
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
        # how Chinese text was cut into words (None: there was none)
        "segmentation": getattr(corpus, "segmentation_note", None),
        # the same as a template and its values, for the GUI to show translated
        "segmentation_parts": getattr(corpus, "segmentation_parts", None),
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
            raise EmbvizError(
                translate("Errors", "{path}: the corpus became empty during training").format(
                    path=corpus.path
                )
            )


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
        translate(
            "Errors",
            "{path}: only {kept} word(s) occur at least min count = {min_count} times "
            "({distinct} distinct words, the most frequent occurs {top} times); training needs "
            "at least 3 — lower the min count or use a larger corpus",
        ).format(
            path=corpus.path,
            kept=kept,
            min_count=params.min_count,
            distinct=distinct or len(counts),
            top=top,
        )
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
                translate(
                    "Errors",
                    "{path}: the pretrained vectors have {dim} dimensions; "
                    "set the dimension to {dim} to start from them",
                ).format(path=params.pretrained, dim=emb.dim)
            )
        covered = [(i, emb.index[w]) for i, w in enumerate(model.wv.index_to_key) if w in emb]
        if not covered:
            raise EmbvizError(
                translate("Errors", "{path}: covers none of the corpus' words").format(
                    path=params.pretrained
                )
            )
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
        raise EmbvizError(
            translate("Errors", "{path}: cannot write the vectors ({error})").format(
                path=path, error=e.strerror or e
            )
        ) from None
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
        translate("Training", " · loss of epoch {epoch}: {loss}").format(
            epoch=len(snap.epoch_losses), loss=f"{snap.epoch_losses[-1]:,.0f}"
        )
        if snap.epoch_losses
        else ""
    )
    return translate("Training", "epoch {epoch} / {total} · snapshot {i} of {last}{loss}").format(
        epoch=f"{epoch_at(snapshots, t):.2f}", total=total_epochs, i=i, last=len(snapshots) - 1,
        loss=loss,
    )  # fmt: skip
