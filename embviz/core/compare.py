"""Compare two embedding spaces: align them, then see which words moved.

Two vector files of the same words are two coordinate systems: another seed,
corpus or model rotates and reflects the space. Only relations between words
carry meaning, so the spaces are first brought into one frame, the way the
bilingual-embedding and semantic-change literature does it:

1. **Shared vocabulary** (:func:`shared_vocabulary`): words in both files,
   matched exactly, or case-insensitively (then, as in MUSE's loader, the
   first — most frequent — spelling of a word in each file stands for it).
2. **Normalisation** (:func:`normalize`): MUSE's ``renorm,center,renorm``
   (``normalize_embeddings`` in facebookresearch/MUSE ``src/utils.py``): unit
   rows, centred on the mean of the shared words, unit rows again.
3. **Orthogonal Procrustes** (:func:`procrustes`) fitted on anchor words — by
   default the 5,000 most frequent shared words (file order is frequency order
   in GloVe and word2vec files): ``W = U Vᵀ`` for the SVD of ``AᵀB`` (MUSE
   ``src/trainer.py`` ``Trainer.procrustes``; histwords
   ``vecanalysis/alignment.py`` ``smart_procrustes_align``, Hamilton et al.
   2016). A rotation keeps every angle inside A, so what changes between the
   spaces after it is what moved.

Quality is measured on words the rotation was **not** fitted on (MUSE's
word-translation precision@k by nearest neighbour), and each word gets the
cosine between its aligned A vector and its B vector plus its neighbour
overlap@k, which needs no alignment at all (Hamilton et al.'s local measure).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import numpy as np

from embviz.core._blockwise import top_k_blockwise
from embviz.core.embeddings import Embeddings, Neighbor
from embviz.core.errors import EmbvizError, UnknownWordError, close_spellings
from embviz.core.i18n import translate
from embviz.core.progress import NULL_PROGRESS, Progress

DimsMethod = Literal["pad", "pca"]
DEFAULT_ANCHORS = 5_000
DEFAULT_SAMPLE = 1_000
CV_FOLDS = 5
MAX_LISTED = 1_000
"""The most neighbours (k) and table rows (top) to ask for: each listed word searches every word."""


@dataclass(frozen=True)
class SharedVocabulary:
    """The words two spaces have in common, in A's file order.

    Attributes
    ----------
    words, words_b
        Each shared word as A and as B spell it (equal unless matching ignores case).
    rows_a, rows_b
        Its row in A and in B.
    case_insensitive
        Whether case was ignored.
    folded_a, folded_b
        Rows of A and B not used because a more frequent spelling (or an exact
        repeat) of the same word came earlier in the file.
    """

    words: list[str]
    words_b: list[str]
    rows_a: np.ndarray
    rows_b: np.ndarray
    case_insensitive: bool = False
    folded_a: int = 0
    folded_b: int = 0

    def __len__(self) -> int:
        return len(self.words)


def _first_rows(words: list[str], fold: bool):
    """A frame of (key, row) keeping the first row of every key, in file order."""
    import polars as pl

    key = pl.Series("key", words, dtype=pl.String)
    frame = pl.DataFrame([key.str.to_lowercase() if fold else key,
                          pl.Series("row", np.arange(len(words), dtype=np.int64))])  # fmt: skip
    return frame.unique(subset="key", keep="first", maintain_order=True)


def shared_vocabulary(
    a: Embeddings, b: Embeddings, *, case_insensitive: bool = False
) -> SharedVocabulary:
    """Words of ``a`` that ``b`` also has, in ``a``'s order.

    Parameters
    ----------
    a, b
        The two spaces.
    case_insensitive
        Match ``London`` with ``london`` (both lowercased). Within each file the
        first spelling wins (the most frequent, in frequency-ordered files), as
        in MUSE's loader.

    Returns
    -------
    SharedVocabulary
    """
    # A polars join: building two 400k-word dicts in Python took seconds on a busy machine.
    ka, kb = _first_rows(a.words, case_insensitive), _first_rows(b.words, case_insensitive)
    both = ka.join(kb, on="key", how="inner", suffix="_b").sort("row")
    rows_a = both["row"].to_numpy().astype(np.intp)
    rows_b = both["row_b"].to_numpy().astype(np.intp)
    words = [a.words[i] for i in rows_a]
    return SharedVocabulary(
        words=words, words_b=[b.words[j] for j in rows_b] if case_insensitive else words,
        rows_a=rows_a, rows_b=rows_b, case_insensitive=case_insensitive,
        folded_a=len(a) - len(ka), folded_b=len(b) - len(kb),
    )  # fmt: skip


def _renorm(x: np.ndarray) -> np.ndarray:
    # In place; a zero row stays zero (MUSE would divide by zero).
    norms = np.sqrt(np.einsum("ij,ij->i", x, x))  # np.linalg.norm is 3× slower here
    x /= np.where(norms > 0, norms, 1.0).astype(x.dtype)[:, None]
    return x


def normalize(x: np.ndarray, *, to_dim: int | None = None, copy: bool = True) -> np.ndarray:
    """MUSE's ``renorm,center,renorm`` of the rows of ``x``, as a new float32 matrix.

    Parameters
    ----------
    x
        ``(n, d)`` vectors of the shared words.
    to_dim
        If given and smaller than ``d``, the centred rows are projected on their
        first ``to_dim`` principal axes before the last renorm (for two spaces
        of different dimensions with ``dims="pca"``).
    copy
        False: ``x`` may be overwritten (when it is float32 already).
    """
    x = _renorm(np.array(x, dtype=np.float32, copy=copy or None))
    x -= x.mean(axis=0, dtype=np.float64).astype(np.float32)
    if to_dim is not None and to_dim < x.shape[1]:
        scatter = np.zeros((x.shape[1], x.shape[1]))
        for i in range(0, len(x), 65_536):  # float64 sums without a float64 copy of x
            blk = x[i : i + 65_536].astype(np.float64)
            scatter += blk.T @ blk
        w, v = np.linalg.eigh(scatter)
        x = x @ v[:, np.argsort(w)[::-1][:to_dim]].astype(np.float32)
    return _renorm(x)


def procrustes(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The orthogonal map ``W`` minimising ``‖x W − y‖`` (Frobenius), rows as words.

    ``W = U Vᵀ`` for the SVD ``xᵀ y = U S Vᵀ`` (MUSE ``Trainer.procrustes``
    writes the same with the map on the left: ``M = Bᵀ A``). With different
    dimensions the smaller side is zero-padded, which needs no padded copy:

    * ``dx ≤ dy``: ``W`` is ``dx × dy`` with orthonormal rows (the first ``dx``
      rows of the square solution for ``x`` padded; the others meet only zeros).
    * ``dx > dy``: ``y`` is padded, ``W`` is square ``dx × dx``, and ``x W`` has
      ``dx − dy`` extra coordinates where ``y`` has zeros.

    Parameters
    ----------
    x, y
        ``(n, dx)`` and ``(n, dy)``, rows for the same words.

    Returns
    -------
    numpy.ndarray
        float64, ``dx × max(dx, dy)``; equals scipy's ``orthogonal_procrustes``
        on the zero-padded matrices (up to the rows that meet only zeros).
    """
    m = np.asarray(x, np.float64).T @ np.asarray(y, np.float64)
    dx, dy = m.shape
    if dx <= dy:
        u, _, vt = np.linalg.svd(m, full_matrices=False)
        return u @ vt
    u, _, vt = np.linalg.svd(m, full_matrices=True)
    return np.hstack([u[:, :dy] @ vt, u[:, dy:]])


@dataclass(frozen=True)
class Precision:
    """How well the rotation maps words it was not fitted on.

    Attributes
    ----------
    at_1, at_5
        Fraction of the evaluated words whose aligned A vector has their own
        B vector as nearest (among the 1 / 5 nearest) of all shared B vectors.
    words
        How many words were evaluated (a seeded sample).
    cross_validated
        True when every shared word is an anchor: then each evaluated word is
        looked up with a rotation fitted on the other folds of a 5-fold split.
    """

    at_1: float
    at_5: float
    words: int
    cross_validated: bool = False


@dataclass(eq=False)
class Comparison:
    """Two spaces aligned on their shared words: what a view or the CLI shows.

    Shared words are numbered ``0 … n−1`` in A's file order; every array below
    has one row per shared word. Create with :func:`compare`.

    Attributes
    ----------
    a, b
        The two spaces as loaded.
    vocab
        The shared words.
    anchors
        Shared-word numbers the rotation was fitted on.
    aligned_a
        ``(n, D)`` float32: A normalised and rotated into B's frame,
        ``D = max(dA', dB')`` (``'``: after PCA, with ``dims="pca"``).
    normalized_b
        ``(n, dB')`` float32: B normalised; zero beyond ``dB'`` when ``D > dB'``.
    rotation
        The orthogonal map fitted by :func:`procrustes`.
    cosine
        ``(n,)`` cosine between each word's aligned A vector and its B vector.
    precision
        Held-out precision@1/@5.
    dims_method
        ``"same"``, ``"pad"`` or ``"pca"``.
    notes
        Sentences for the user (dimensions, skipped anchor words, …).
    """

    a: Embeddings
    b: Embeddings
    vocab: SharedVocabulary
    anchors: np.ndarray
    aligned_a: np.ndarray
    normalized_b: np.ndarray
    rotation: np.ndarray
    cosine: np.ndarray
    precision: Precision
    dims_method: str
    notes: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.vocab)

    @property
    def words(self) -> list[str]:
        """The shared words as A spells them."""
        return self.vocab.words

    @property
    def dims(self) -> tuple[int, int]:
        """The dimensions of A and B as loaded."""
        return self.a.dim, self.b.dim

    @cached_property
    def _number(self) -> dict[str, int]:
        out = {w: i for i, w in enumerate(self.vocab.words)}
        if self.vocab.case_insensitive:
            for i, w in enumerate(self.vocab.words):
                out.setdefault(w.lower(), i)
        return out

    def number(self, word: str) -> int:
        """The shared-word number of ``word``; :class:`UnknownWordError` if not shared."""
        i = self._number.get(word)
        if i is None and self.vocab.case_insensitive:
            i = self._number.get(word.lower())
        if i is None:
            raise UnknownWordError(word, close_spellings(word, self.vocab.words))
        return i

    def moved(self, count: int, *, most: bool = True) -> np.ndarray:
        """Numbers of the ``count`` most moved (lowest cosine) or least moved words.

        Equal cosines keep A's order (the more frequent word first).
        """
        key = self.cosine if most else -self.cosine
        return np.argsort(key, kind="stable")[: max(0, count)]

    def _unit_rows(self, space: Literal["a", "b"]):
        emb, rows = (self.a, self.vocab.rows_a) if space == "a" else (self.b, self.vocab.rows_b)

        def blocks(start: int, stop: int) -> np.ndarray:
            # Each space's own cosine, computed per block instead of keeping a unit copy.
            return _renorm(emb.vectors[rows[start:stop]].astype(np.float32))

        return blocks

    def neighbour_rows(
        self, numbers: Sequence[int], k: int = 10, *, space: Literal["a", "b"] = "a",
        progress: Progress = NULL_PROGRESS, span: tuple[float, float] = (0.0, 1.0),
    ) -> np.ndarray:  # fmt: skip
        """The ``k`` nearest shared words of each given word in one space, by its own cosine.

        Returns
        -------
        numpy.ndarray
            ``(len(numbers), min(k, n−1))`` shared-word numbers, nearest first,
            the word itself left out.
        """
        numbers = np.asarray(numbers, dtype=np.intp)
        blocks = self._unit_rows(space)
        queries = np.vstack([blocks(i, i + 1) for i in numbers]) if len(numbers) else None
        if queries is None:
            return np.zeros((0, max(0, min(k, len(self) - 1))), dtype=np.intp)
        return top_k_blockwise(queries, blocks, len(self), k, exclude=numbers, progress=progress,
                               message=f"neighbours in {space.upper()}", span=span)  # fmt: skip

    def overlap(
        self, numbers: Sequence[int], k: int = 10, *, progress: Progress = NULL_PROGRESS
    ) -> np.ndarray:
        """Neighbour overlap@k of each given word: |kNN in A ∩ kNN in B| / k.

        Both neighbourhoods are taken within the shared vocabulary, each by its
        own space's cosine, so the measure needs no alignment.
        """
        na = self.neighbour_rows(numbers, k, space="a", progress=progress, span=(0.0, 0.5))
        nb = self.neighbour_rows(numbers, k, space="b", progress=progress, span=(0.5, 1.0))
        if na.shape[1] == 0:
            return np.zeros(len(na))
        return np.array([len(set(x) & set(y)) / na.shape[1] for x, y in zip(na, nb, strict=True)])

    def neighbours(self, word: str, k: int = 10) -> tuple[list[Neighbor], list[Neighbor]]:
        """The word's ``k`` nearest shared words in A and in B, side by side, with cosines."""
        i = self.number(word)
        out = []
        for space in ("a", "b"):
            rows = self.neighbour_rows([i], k, space=space)[0]
            blocks = self._unit_rows(space)
            scores = [float(blocks(i, i + 1)[0] @ blocks(j, j + 1)[0]) for j in rows]
            out.append(
                [Neighbor(self.vocab.words[j], s) for j, s in zip(rows, scores, strict=True)]
            )
        return out[0], out[1]

    def aligned_slice(self, numbers: Sequence[int]):
        """One linear 3D slice showing the given words of both aligned spaces.

        The axes are the principal directions of the A and B points together,
        so the distance from a word's A point to its B point on screen is its
        movement inside the slice.

        Returns
        -------
        tuple of (Projection, numpy.ndarray)
            The projection of A's aligned points (``.coords``, ``.apply`` places
            more) and the ``(m, 3)`` coordinates of B's points on the same axes.
        """
        from embviz.core.frames import pca_axes
        from embviz.core.projection import Projection

        idx = np.asarray(numbers, dtype=np.intp)
        pa, pb = self.aligned_a[idx], self._b_padded(idx)
        both = np.vstack([pa, pb]).astype(np.float64)
        center = both.mean(axis=0)
        axes, explained = pca_axes(both - center)
        axes32, center32 = axes.astype(np.float32), center.astype(np.float32)
        labels = tuple(f"PC{j + 1} ({100 * e:.1f} %)" for j, e in enumerate(explained))
        proj = Projection(((pa - center32) @ axes32.T).astype(np.float32), axes32, center32,
                          explained, labels, "pca", "PCA of both aligned spaces")  # fmt: skip
        return proj, proj.apply(pb)

    def _b_padded(self, idx: np.ndarray) -> np.ndarray:
        b = self.normalized_b[idx]
        extra = self.aligned_a.shape[1] - b.shape[1]
        return np.hstack([b, np.zeros((len(b), extra), np.float32)]) if extra > 0 else b

    def summary(self) -> dict:
        """The numbers of the comparison (the CLI's ``--json`` without the word list).

        Precision is ``None`` when no word could be held out (two or three shared words).
        """
        p = self.precision
        return {
            "shared": len(self), "anchors": len(self.anchors), "dims": list(self.dims),
            "method": "procrustes", "precision_at_1": p.at_1 if p.words else None,
            "precision_at_5": p.at_5 if p.words else None, "heldout": p.words,
        }  # fmt: skip


def _anchor_numbers(vocab: SharedVocabulary, anchors, notes: list[str]) -> np.ndarray:
    if anchors is None or isinstance(anchors, int | np.integer):
        count = DEFAULT_ANCHORS if anchors is None else int(anchors)
        if count < 2:
            raise EmbvizError(
                translate("Errors", "need at least 2 anchor words, got {n}").format(n=count)
            )
        return np.arange(min(count, len(vocab)), dtype=np.intp)
    wanted = list(dict.fromkeys(anchors))
    number = {w: i for i, w in enumerate(vocab.words)}
    if vocab.case_insensitive:
        number = {w.lower(): i for w, i in reversed(list(number.items()))}
        wanted = list(dict.fromkeys(w.lower() for w in wanted))
    found = [number[w] for w in wanted if w in number]
    missing = [w for w in wanted if w not in number]
    if missing:
        notes.append(f"{len(missing):,} of {len(wanted):,} anchor words are not in both spaces "
                     f"and were skipped (first: {missing[0]!r})")  # fmt: skip
    if len(found) < 2:
        raise EmbvizError(translate("Errors", "only {found} of the {wanted:,} anchor words are in "
                          "both spaces: need at least 2").format(found=len(found),
                                                                 wanted=len(wanted)))  # fmt: skip
    return np.asarray(sorted(found), dtype=np.intp)


def _check_finite(x: np.ndarray, words: list[str], name: str) -> None:
    bad = ~np.isfinite(x).all(axis=1)
    if bad.any():
        raise EmbvizError(translate("Errors", "{name} has {n:,} shared words with NaN or infinite "
                          "values (first: {word!r}); load it with --drop-nonfinite").format(
                              name=name, n=int(bad.sum()), word=words[int(np.argmax(bad))]))  # fmt: skip


def _precision(na, nb, anchors, sample, seed, progress, span) -> Precision:
    n = len(na)
    rng = np.random.default_rng(seed)
    held = np.setdiff1d(np.arange(n), anchors, assume_unique=True)
    folds: list[tuple[np.ndarray, np.ndarray]]  # (fit on, evaluate)
    cross = len(held) == 0
    if not cross:
        pick = np.sort(rng.choice(held, size=min(sample, len(held)), replace=False))
        folds = [(anchors, pick)]
        rotation = procrustes(na[anchors], nb[anchors]).astype(np.float32)
    else:
        pick = rng.choice(anchors, size=min(sample, len(anchors)), replace=False)
        parts = [p for p in np.array_split(pick, min(CV_FOLDS, len(pick))) if len(p)]
        folds = [(np.setdiff1d(anchors, p), np.sort(p)) for p in parts]
    hits1 = hits5 = 0
    lo, hi = span
    for f, (fit, queries) in enumerate(folds):
        if cross:
            if len(fit) < 2:
                continue
            rotation = procrustes(na[fit], nb[fit]).astype(np.float32)
        q = (na[queries] @ rotation)[:, : nb.shape[1]]
        part = (lo + (hi - lo) * f / len(folds), lo + (hi - lo) * (f + 1) / len(folds))
        top = top_k_blockwise(q, lambda s, e: nb[s:e], n, 5, progress=progress,
                              message="precision of held-out words", span=part)  # fmt: skip
        hits1 += int((top[:, 0] == queries).sum())
        hits5 += int((top == queries[:, None]).any(axis=1).sum())
    words = int(sum(len(q) for fit, q in folds if not cross or len(fit) >= 2))
    if words == 0:
        return Precision(float("nan"), float("nan"), 0, cross)
    return Precision(hits1 / words, hits5 / words, words, cross)


def compare(
    a: Embeddings,
    b: Embeddings,
    *,
    anchors: int | Iterable[str] | None = None,
    case_insensitive: bool = False,
    dims: DimsMethod = "pad",
    sample: int = DEFAULT_SAMPLE,
    seed: int = 0,
    progress: Progress = NULL_PROGRESS,
) -> Comparison:
    """Align ``a`` onto ``b`` with orthogonal Procrustes and measure what moved.

    Parameters
    ----------
    a, b
        The two spaces; ``a`` is rotated into ``b``'s frame.
    anchors
        The words the rotation is fitted on: a count N (the N most frequent
        shared words, in ``a``'s file order; default 5,000, all if fewer) or a
        list of words (those not in both spaces are skipped and noted).
    case_insensitive
        Match words ignoring case (see :func:`shared_vocabulary`).
    dims
        When the dimensions differ: ``"pad"`` zero-pads the smaller space (a
        rotation then embeds it, lengths and angles intact, in the larger), or
        ``"pca"`` projects the larger one on its principal axes down to the
        smaller dimension (before the last renorm). The choice is in
        :attr:`Comparison.notes`.
    sample
        How many held-out words (shared, not anchors) precision@k is measured on.
    seed
        Seeds that sample.
    progress
        Reports and is checked for cancel between blocks of the search.

    Returns
    -------
    Comparison

    Raises
    ------
    EmbvizError
        No or too few shared words, too few anchors, non-finite vectors.
    Cancelled
        When ``progress`` is cancelled.
    """
    if dims not in ("pad", "pca"):
        raise EmbvizError(f"unknown dims method {dims!r}: use 'pad' or 'pca'")
    if sample < 1:
        raise EmbvizError(
            translate("Errors", "the held-out sample must have at least 1 word, got {n}").format(
                n=sample
            )
        )
    progress.report(0.0, "finding the shared words")
    vocab = shared_vocabulary(a, b, case_insensitive=case_insensitive)
    if len(vocab) < 2:
        if case_insensitive:
            msg = translate("Errors", "the two spaces share {n} words: need at least 2")
        else:
            msg = translate(
                "Errors",
                "the two spaces share {n} words: need at least 2 "
                "(matching ignoring case may find more)",
            )
        raise EmbvizError(msg.format(n=len(vocab)))
    notes: list[str] = []
    if case_insensitive and (vocab.folded_a or vocab.folded_b):
        notes.append(f"ignoring case, {vocab.folded_a:,} rows of A and {vocab.folded_b:,} of B "
                     "are other spellings of a more frequent word and were not used")  # fmt: skip
    anchor_numbers = _anchor_numbers(vocab, anchors, notes)
    progress.report(0.05, "normalising")
    xa, xb = a.vectors[vocab.rows_a], b.vectors[vocab.rows_b]
    _check_finite(xa, vocab.words, "A")
    _check_finite(xb, vocab.words_b, "B")
    da, db = a.dim, b.dim
    small = min(da, db)
    if da == db:
        method = "same"
    elif dims == "pad":
        method = "pad"
        notes.append(f"dimensions differ ({da} vs {db}): the {small}-dimensional space is "
                     f"zero-padded to {max(da, db)} dimensions")  # fmt: skip
    else:
        method = "pca"
        notes.append(f"dimensions differ ({da} vs {db}): the {max(da, db)}-dimensional space is "
                     f"projected on its first {small} principal axes")  # fmt: skip
    to_dim = small if method == "pca" else None
    na = normalize(xa, to_dim=to_dim, copy=False)  # xa, xb: gathered copies
    nb = normalize(xb, to_dim=to_dim, copy=False)
    del xa, xb
    progress.report(0.1, "fitting the rotation")
    if len(anchor_numbers) < min(na.shape[1], nb.shape[1]):
        notes.append(f"{len(anchor_numbers):,} anchors for {na.shape[1]} dimensions: the rotation "
                     "is not fully determined by them")  # fmt: skip
    rotation = procrustes(na[anchor_numbers], nb[anchor_numbers])
    aligned = na @ rotation.astype(np.float32)
    cosine = np.einsum("ij,ij->i", aligned[:, : nb.shape[1]], nb)
    progress.report(0.15, "precision of held-out words")
    precision = _precision(na, nb, anchor_numbers, sample, seed, progress, (0.15, 1.0))
    return Comparison(a, b, vocab, anchor_numbers, aligned, nb, rotation, cosine, precision,
                      method, notes)  # fmt: skip
