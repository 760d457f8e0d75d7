"""The :class:`Embeddings` type: words, their vectors, and lookups on them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple, Protocol

import numpy as np

from embviz.core.errors import EmbvizError, UnknownWordError, close_spellings
from embviz.core.ranking import top_rows

Metric = Literal["cosine", "euclidean"]


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
    ) -> None:
        vectors = np.asarray(vectors)
        if vectors.ndim != 2:
            raise EmbvizError(f"vectors must be a 2-D matrix, got shape {vectors.shape}")
        if len(words) != vectors.shape[0]:
            raise EmbvizError(f"{len(words)} words but {vectors.shape[0]} vectors: they must match")
        self._words = list(words)
        self._vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.source = source or Source()
        self.metadata = metadata or {}
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
        """Rows scaled to unit length (zero rows stay zero); computed once."""
        norms = self.norms
        safe = np.where(norms > 0, norms, 1.0).astype(np.float32)
        return self._vectors / safe[:, None]

    @cached_property
    def norms(self) -> np.ndarray:
        """The Euclidean length of every row, float32."""
        return np.linalg.norm(self._vectors, axis=1).astype(np.float32)

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
            return (self.unit if unit else self._vectors)[self.index[word]]
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
            raise EmbvizError(f"unknown metric {metric!r}: use 'cosine' or 'euclidean'")
        if k < 1:
            raise EmbvizError(f"k must be at least 1, got {k}")
        skip = {self.index[w] for w in exclude if w in self.index}
        if isinstance(query, str):
            q = self.lookup(query)
            if query in self.index:
                skip.add(self.index[query])
        else:
            q = np.asarray(query, dtype=np.float32).reshape(-1)
            if q.shape[0] != self.dim:
                raise EmbvizError(f"query has {q.shape[0]} dims, the vectors have {self.dim}")
        if metric == "cosine":
            qn = float(np.linalg.norm(q))
            scores = self.unit @ (q / qn if qn > 0 else q)
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
        out = Embeddings(
            [self._words[i] for i in rows], self._vectors[rows], source=self.source, metadata=meta
        )
        out.subwords = self.subwords
        return out
