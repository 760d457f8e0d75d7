"""The :class:`Embeddings` type: words, their vectors, and lookups on them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple, Protocol

import numpy as np

from embviz.core.errors import EmbvizError, UnknownWordError, close_spellings
from embviz.core.i18n import translate
from embviz.core.ranking import top_rows

Metric = Literal["cosine", "euclidean"]

UNIT_COPY_BYTES = 512 << 20
"""Largest matrix that gets a normalised copy in memory (:attr:`Embeddings.unit`)
for cosine queries. Larger ones (usually memory-mapped from the cache) are
scored in blocks of :data:`BLOCK_ROWS` rows, divided by the stored row norms,
so a 2M × 300 file needs no second 2.4 GB matrix."""

BLOCK_ROWS = 32768


def row_norms(matrix: np.ndarray) -> np.ndarray:
    """The Euclidean length of every row, float32, computed block by block.

    ``np.linalg.norm(m, axis=1)`` squares the whole matrix first: a temporary
    as large as the matrix. Each row's value is the same either way.
    """
    out = np.empty(len(matrix), dtype=np.float32)
    with np.errstate(over="ignore"):  # values near float32's limit: an infinite norm, no warning
        for i in range(0, len(matrix), BLOCK_ROWS):
            out[i : i + BLOCK_ROWS] = np.linalg.norm(matrix[i : i + BLOCK_ROWS], axis=1)
    return out


class Neighbor(NamedTuple):
    """One result of a nearest-neighbour query.

    ``score`` is the cosine similarity (higher is closer) for the cosine
    metric and the Euclidean distance (lower is closer) for the euclidean one.
    """

    word: str
    score: float


@dataclass(frozen=True)
class Source:
    """Where a set of embeddings came from, for status bars and ``info``."""

    path: str | None = None
    format: str | None = None
    label: str | None = None
    seconds: float | None = None
    details: dict = field(default_factory=dict)

    def describe(self) -> str:
        """A short human description such as ``glove.txt (glove)``."""
        name = self.label or (self.path.rsplit("/", 1)[-1] if self.path else "vectors")
        return f"{name} ({self.format})" if self.format else name


class SubwordModel(Protocol):
    """Builds vectors for words outside the vocabulary (fastText's character n-grams)."""

    def vector(self, word: str) -> np.ndarray | None:
        """The word's vector, or ``None`` when the model cannot build one."""


class Embeddings:
    """Words in file order and their vectors as one float32 matrix.

    Parameters
    ----------
    words
        The vocabulary, in file order. When a word repeats, the first row
        wins for lookups (as in gensim), but every row is kept.
    vectors
        A ``(len(words), dim)`` matrix; converted to C-contiguous float32.
    source
        Where the data came from.
    metadata
        Optional per-word columns (e.g. from a projector ``metadata.tsv``).
    norms
        The rows' Euclidean lengths if already known (the cache stores them).

    Attributes
    ----------
    subwords
        For a fastText model, what builds vectors for out-of-vocabulary words
        from their character n-grams (:meth:`lookup`); ``None`` otherwise.
    """

    def __init__(
        self,
        words: Sequence[str],
        vectors: np.ndarray,
        *,
        source: Source | None = None,
        metadata: dict[str, list] | None = None,
        norms: np.ndarray | None = None,
    ) -> None:
        vectors = np.asarray(vectors)
        if vectors.ndim != 2:
            raise EmbvizError(
                translate("Errors", "vectors must be a 2-D matrix, got shape {shape}").format(
                    shape=vectors.shape
                )
            )
        if len(words) != vectors.shape[0]:
            raise EmbvizError(
                translate("Errors", "{words} words but {vectors} vectors: they must match").format(
                    words=len(words), vectors=vectors.shape[0]
                )
            )
        self._words = list(words)
        self._vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.source = source or Source()
        self.metadata = metadata or {}
        if norms is not None:
            norms = np.asarray(norms, dtype=np.float32)
            if norms.shape != (len(self._words),):
                raise EmbvizError(f"{norms.shape[0]} norms for {len(self._words)} vectors")
            self.__dict__["norms"] = norms  # the cached_property's slot
        self.subwords: SubwordModel | None = None
        self._subword_cache: dict[str, np.ndarray | None] = {}

    # -- basic container behaviour ------------------------------------------------
    @property
    def words(self) -> list[str]:
        """The vocabulary in file order."""
        return self._words

    @property
    def vectors(self) -> np.ndarray:
        """The ``(count, dim)`` float32 matrix, row ``i`` for ``words[i]``."""
        return self._vectors

    @property
    def dim(self) -> int:
        """The number of dimensions of each vector."""
        return int(self._vectors.shape[1])

    def __len__(self) -> int:
        return len(self._words)

    def __contains__(self, word: object) -> bool:
        return word in self.index

    def __repr__(self) -> str:
        return f"<Embeddings {len(self):,} words × {self.dim} dims from {self.source.describe()}>"

    @cached_property
    def index(self) -> dict[str, int]:
        """Map each word to its row (the first row where it appears)."""
        index: dict[str, int] = {}
        for i, w in enumerate(self._words):
            index.setdefault(w, i)
        return index

    @cached_property
    def unit(self) -> np.ndarray:
        """Rows scaled to unit length (zero rows stay zero); computed once.

        A copy as large as :attr:`vectors`: queries use :meth:`cosines` and
        :meth:`unit_rows`, which avoid it for large matrices.
        """
        return self._vectors / self._safe_norms[:, None]

    @cached_property
    def norms(self) -> np.ndarray:
        """The Euclidean length of every row, float32."""
        return row_norms(self._vectors)

    @cached_property
    def _safe_norms(self) -> np.ndarray:
        return np.where(self.norms > 0, self.norms, 1.0).astype(np.float32)

    def _streams(self) -> bool:
        """Whether cosine queries stream over the rows instead of using :attr:`unit`."""
        return "unit" not in self.__dict__ and self._vectors.nbytes > UNIT_COPY_BYTES

    def unit_rows(self, rows) -> np.ndarray:
        """Rows (an index or index array) scaled to unit length, as in :attr:`unit`."""
        if not self._streams():
            return self.unit[rows]
        return self._vectors[rows] / self._safe_norms[rows][..., None]

    def cosines(self, q: np.ndarray, n: int | None = None) -> np.ndarray:
        """``unit[:n] @ q``: every row's cosine to unit ``q`` (or to each column of ``q``).

        The values equal those from :attr:`unit`; a large matrix is scored
        block by block, with no copy of it in memory.
        """
        n = len(self) if n is None else n
        if not self._streams():
            return self.unit[:n] @ q
        q = np.asarray(q, dtype=np.float32)
        out = np.empty((n, *q.shape[1:]), dtype=np.float32)
        safe = self._safe_norms
        buf = np.empty((min(BLOCK_ROWS, n), self.dim), dtype=np.float32)  # reused: no new pages
        for i in range(0, n, BLOCK_ROWS):
            j = min(i + BLOCK_ROWS, n)
            block = np.divide(self._vectors[i:j], safe[i:j, None], out=buf[: j - i])
            out[i:j] = block @ q
        return out

    # -- lookups -------------------------------------------------------------------
    def row(self, word: str) -> int:
        """Return the row of ``word``; raise :class:`UnknownWordError` if absent."""
        try:
            return self.index[word]
        except KeyError:
            raise UnknownWordError(word, close_spellings(word, self._words)) from None

    def vector(self, word: str) -> np.ndarray:
        """Return the vector of ``word`` (a view; do not modify it)."""
        return self._vectors[self.row(word)]

    def subword_vector(self, word: str) -> np.ndarray | None:
        """The vector a fastText model builds for an out-of-vocabulary ``word``.

        Returns ``None`` for a word in the vocabulary, for vectors without a
        subword model, and when the model has no n-grams for the word.
        """
        if self.subwords is None or word in self.index:
            return None
        if word not in self._subword_cache:
            if len(self._subword_cache) > 1000:  # a long session typing words: stay bounded
                self._subword_cache.clear()
            v = self.subwords.vector(word)
            ok = v is not None and v.shape == (self.dim,) and np.isfinite(v).all() and v.any()
            self._subword_cache[word] = np.asarray(v, dtype=np.float32) if ok else None
        return self._subword_cache[word]

    def from_subwords(self, word: str) -> bool:
        """Whether ``word`` is not in the vocabulary but its vector can be built from subwords."""
        return self.subword_vector(word) is not None

    def lookup(self, word: str, *, unit: bool = False) -> np.ndarray:
        """The vector of ``word``, or for a fastText model one built from its subwords.

        Parameters
        ----------
        word
            Any word; out of the vocabulary it needs :attr:`subwords`.
        unit
            Scale to unit length (a zero vector stays zero).

        Raises
        ------
        UnknownWordError
            When the word is neither in the vocabulary nor buildable.
        """
        if word in self.index:
            row = self.index[word]
            return self.unit_rows(row) if unit else self._vectors[row]
        v = self.subword_vector(word)
        if v is None:
            self.row(word)  # raises, with close spellings
        if unit:
            return v / np.float32(np.linalg.norm(v))
        return v

    def rows(self, words: Iterable[str], *, missing: Literal["raise", "skip"] = "raise"):
        """Return the rows of ``words``; unknown words raise or are skipped."""
        out = []
        for w in words:
            if w in self.index:
                out.append(self.index[w])
            elif missing == "raise":
                self.row(w)
        return np.asarray(out, dtype=np.intp)

    def neighbors(
        self,
        query: str | np.ndarray,
        k: int = 10,
        metric: Metric = "cosine",
        *,
        exclude: Iterable[str] = (),
    ) -> list[Neighbor]:
        """Return the ``k`` nearest words to a word or a vector.

        Parameters
        ----------
        query
            A word (which is then left out of its own results, as gensim does)
            or a vector of length :attr:`dim`. A word outside the vocabulary
            works for a fastText model (its vector built from subwords, see
            :meth:`lookup`), as gensim's ``most_similar`` does.
        k
            How many results.
        metric
            ``"cosine"`` (score = cosine similarity, descending) or
            ``"euclidean"`` (score = distance, ascending).
        exclude
            More words to leave out of the results.

        Returns
        -------
        list of Neighbor
            Closest first, computed over the whole vocabulary.
        """
        if metric not in ("cosine", "euclidean"):
            raise EmbvizError(
                translate(
                    "Errors", "unknown metric {metric!r}: use 'cosine' or 'euclidean'"
                ).format(metric=metric)
            )
        if k < 1:
            raise EmbvizError(translate("Errors", "k must be at least 1, got {k}").format(k=k))
        skip = {self.index[w] for w in exclude if w in self.index}
        if isinstance(query, str):
            q = self.lookup(query)
            if query in self.index:
                skip.add(self.index[query])
        else:
            q = np.asarray(query, dtype=np.float32).reshape(-1)
            if q.shape[0] != self.dim:
                raise EmbvizError(
                    translate("Errors", "query has {query} dims, the vectors have {dim}").format(
                        query=q.shape[0], dim=self.dim
                    )
                )
        if metric == "cosine":
            qn = float(np.linalg.norm(q))
            scores = self.cosines(q / qn if qn > 0 else q)
            best = scores
        else:
            # |v - q|² = |v|² - 2 v·q + |q|², without forming v - q for every row.
            d2 = self.norms.astype(np.float64) ** 2 - 2.0 * (self._vectors @ q) + float(q @ q)
            scores = np.sqrt(np.maximum(d2, 0.0))
            best = -scores
        top = top_rows(best, min(len(self), k + len(skip)))
        out = [Neighbor(self._words[i], float(scores[i])) for i in top if i not in skip]
        return out[:k]

    def subset(self, words_or_rows: Iterable) -> Embeddings:
        """Return a new :class:`Embeddings` holding only the given words or rows."""
        items = list(words_or_rows)
        rows = self.rows(items) if items and isinstance(items[0], str) else np.asarray(items, int)
        meta = {k: [v[i] for i in rows] for k, v in self.metadata.items()}
        norms = self.__dict__.get("norms")
        out = Embeddings(
            [self._words[i] for i in rows], self._vectors[rows], source=self.source, metadata=meta,
            norms=None if norms is None else norms[rows],
        )  # fmt: skip
        out.subwords = self.subwords
        return out
