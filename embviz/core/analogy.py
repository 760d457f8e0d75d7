"""Word analogies and vector arithmetic: 3CosAdd and 3CosMul over the whole vocabulary.

``king - man + woman`` is answered the way gensim answers it:

- **3CosAdd** (``KeyedVectors.most_similar``): the weighted mean of the
  *unit* vectors of the terms (weights are the coefficients, so ``-man`` has
  weight -1 and ``2*walked`` weight 2), normalised; every word is scored by
  its cosine to that point.
- **3CosMul** (``most_similar_cosmul``, Levy & Goldberg 2014, eq. 4): cosines
  shifted to [0, 1] by ``(1 + cos) / 2``; the product over the positive terms
  divided by the product over the negative ones plus 1e-6. A coefficient
  becomes an exponent, so ``2*walked`` counts ``walked`` twice — exactly what
  passing it twice to gensim does.

As in gensim, the input words are left out of the answers unless asked;
:func:`query` can also report where an expected answer ranks, with and without
them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

import numpy as np

from embviz.core.embeddings import Embeddings
from embviz.core.errors import EmbvizError
from embviz.core.expressions import Term, describe, parse
from embviz.core.i18n import translate
from embviz.core.ranking import top_rows

Method = Literal["3cosadd", "3cosmul"]
METHODS: tuple[str, ...] = ("3cosadd", "3cosmul")
COSMUL_EPSILON = 1e-6  # gensim's most_similar_cosmul: keeps a zero denominator finite


class Answer(NamedTuple):
    """One answer: a word and its score (cosine for 3CosAdd, ratio for 3CosMul)."""

    word: str
    score: float


@dataclass(frozen=True)
class ExpectedAnswer:
    """Where a word the user expected stands among the answers.

    Attributes
    ----------
    word
        The expected word.
    score
        Its score under the query's method.
    cosine
        Its cosine to the computed 3CosAdd point (the same as ``score`` for 3CosAdd).
    rank
        1-based rank among the answers with the input words left out; ``None``
        when the word is itself one of the inputs.
    rank_with_inputs
        1-based rank among all words searched, inputs included.
    """

    word: str
    score: float
    cosine: float
    rank: int | None
    rank_with_inputs: int


@dataclass(frozen=True)
class QueryResult:
    """The answer to one expression.

    Attributes
    ----------
    terms
        The parsed expression.
    method
        ``"3cosadd"`` or ``"3cosmul"``.
    results
        The top answers, best first.
    include_inputs
        Whether the input words were allowed among the answers.
    inputs
        The distinct input words (left out of ``results`` unless included).
    point
        The normalised weighted mean of unit vectors that 3CosAdd compares with.
    expected
        Rank and score of the expected answer, if one was given.
    searched
        How many words (the first ``searched`` rows) were scored.
    from_subwords
        Input words outside the vocabulary whose vectors a fastText model
        built from their character n-grams.
    """

    terms: tuple[Term, ...]
    method: str
    results: list[Answer]
    include_inputs: bool
    inputs: tuple[str, ...]
    point: np.ndarray = field(repr=False)
    expected: ExpectedAnswer | None = None
    searched: int = 0
    from_subwords: tuple[str, ...] = ()

    @property
    def expression(self) -> str:
        """The expression written back as text, e.g. ``king - man + woman``."""
        return describe(list(self.terms))

    def to_json(self) -> dict:
        """A JSON-ready dict: ``{"expression", "method", "results": [{"word", "score"}], ...}``."""
        out = {
            "expression": self.expression,
            "method": self.method,
            "include_inputs": self.include_inputs,
            "results": [{"word": w, "score": s} for w, s in self.results],
        }
        if self.from_subwords:
            out["from_subwords"] = list(self.from_subwords)
        if self.expected is not None:
            e = self.expected
            out["expected"] = {
                "word": e.word, "score": e.score, "cosine": e.cosine,
                "rank": e.rank, "rank_with_inputs": e.rank_with_inputs,
            }  # fmt: skip
        return out


def analogy_terms(a: str, b: str, c: str) -> list[Term]:
    """The terms of ``a : b :: c : ?``, i.e. ``b - a + c`` (man : king :: woman : ?)."""
    return [Term(1.0, b), Term(-1.0, a), Term(1.0, c)]


def _terms(emb: Embeddings, expression: str | Sequence[Term]) -> list[Term]:
    if isinstance(expression, str):
        return parse(expression, emb.index)
    terms = list(expression)
    if not terms:
        raise EmbvizError(translate("Errors", "the expression has no words"))
    return terms


def _limit(emb: Embeddings, restrict_vocab: int | None) -> int:
    if restrict_vocab is None:
        return len(emb)
    if restrict_vocab < 1:
        raise EmbvizError(
            translate("Errors", "restrict_vocab must be at least 1, got {value}").format(
                value=restrict_vocab
            )
        )
    return min(int(restrict_vocab), len(emb))


def combination(emb: Embeddings, terms: Sequence[Term]) -> np.ndarray:
    """The 3CosAdd point: ``sum(coef * unit(word)) / sum(|coef|)``, normalised.

    This is gensim's ``get_mean_vector(..., pre_normalize=True, post_normalize=True)``.

    Raises
    ------
    UnknownWordError
        For a word not in the vocabulary (with close spellings).
    EmbvizError
        When the terms cancel out to the zero vector (``king - king``).
    """
    units = [emb.lookup(t.word, unit=True) for t in terms]
    mean = np.zeros(emb.dim, dtype=np.float32)
    for t, u in zip(terms, units, strict=True):
        mean += np.float32(t.coef) * u
    total = float(sum(abs(t.coef) for t in terms))
    if total > 0:
        mean /= np.float32(total)
    norm = float(np.linalg.norm(mean))
    if not norm > 1e-12:
        raise EmbvizError(
            translate(
                "Errors",
                "'{expression}' adds up to the zero vector: no word is nearer than another",
            ).format(expression=describe(list(terms)))
        )
    return (mean / norm).astype(np.float32)


def scores(
    emb: Embeddings,
    terms: Sequence[Term],
    method: Method = "3cosadd",
    *,
    restrict_vocab: int | None = None,
) -> np.ndarray:
    """Score every word (of the first ``restrict_vocab``) for the expression.

    Returns
    -------
    numpy.ndarray
        float32, one score per row: the cosine to :func:`combination` for
        3CosAdd, the Levy & Goldberg ratio for 3CosMul. Higher is better.
    """
    n = _limit(emb, restrict_vocab)
    if method == "3cosadd":
        return emb.cosines(combination(emb, terms), n)
    if method != "3cosmul":
        raise EmbvizError(
            translate("Errors", "unknown method {method!r}: use one of {known}").format(
                method=method, known=", ".join(METHODS)
            )
        )
    if not any(t.coef > 0 for t in terms):
        raise EmbvizError(translate("Errors", "3CosMul needs at least one word with a + sign"))
    term_units = np.stack([emb.lookup(t.word, unit=True) for t in terms])
    # One matrix product for all terms instead of one pass over the vocabulary per term.
    shifted = (1.0 + emb.cosines(term_units.T, n)) / 2.0
    np.maximum(shifted, 0.0, out=shifted)  # rounding can dip below 0 at cos = -1
    num = np.ones(n, dtype=np.float32)
    den = np.ones(n, dtype=np.float32)
    for j, t in enumerate(terms):
        col = shifted[:, j]
        factor = col if abs(t.coef) == 1 else col ** np.float32(abs(t.coef))
        if t.coef > 0:
            num *= factor
        elif t.coef < 0:
            den *= factor
    return num / (den + np.float32(COSMUL_EPSILON))


def rank_of(values: np.ndarray, row: int, excluded: Sequence[int] = ()) -> int:
    """1-based rank of ``row`` among ``values`` (best first, ties to the earlier row).

    Rows in ``excluded`` (other than ``row`` itself) are not counted.
    """
    v = values[row]
    ahead = int(np.count_nonzero(values > v)) + int(np.count_nonzero(values[:row] == v))
    for e in set(excluded):
        if e != row and (values[e] > v or (values[e] == v and e < row)):
            ahead -= 1
    return ahead + 1


def query(
    emb: Embeddings,
    expression: str | Sequence[Term],
    k: int = 10,
    method: Method = "3cosadd",
    *,
    include_inputs: bool = False,
    expected: str | None = None,
    restrict_vocab: int | None = None,
) -> QueryResult:
    """Answer an expression such as ``king - man + woman`` with the top ``k`` words.

    Parameters
    ----------
    emb
        The vectors.
    expression
        Text (parsed with :func:`embviz.core.expressions.parse`) or terms.
    k
        How many answers.
    method
        ``"3cosadd"`` (gensim ``most_similar``) or ``"3cosmul"`` (``most_similar_cosmul``).
    include_inputs
        Allow the input words among the answers (gensim never does).
    expected
        A word whose rank and score to report.
    restrict_vocab
        Search only the first N words (gensim's ``restrict_vocab``).

    Returns
    -------
    QueryResult

    Raises
    ------
    ExpressionError
        For an empty or malformed expression (points at the bad token).
    UnknownWordError
        For an unknown word, with close spellings.
    """
    if method not in METHODS:
        raise EmbvizError(
            translate("Errors", "unknown method {method!r}: use one of {known}").format(
                method=method, known=", ".join(METHODS)
            )
        )
    if k < 1:
        raise EmbvizError(translate("Errors", "k must be at least 1, got {k}").format(k=k))
    terms = _terms(emb, expression)
    point = combination(emb, terms)
    n = _limit(emb, restrict_vocab)
    values = (
        emb.cosines(point, n)
        if method == "3cosadd"
        else scores(emb, terms, method, restrict_vocab=n)
    )
    inputs = tuple(dict.fromkeys(t.word for t in terms))
    # a word built from fastText subwords has no row to leave out (as in gensim)
    input_rows = sorted({emb.index[w] for w in inputs if w in emb.index and emb.index[w] < n})
    skip = set() if include_inputs else set(input_rows)
    top = top_rows(values, k + len(skip))
    results = [Answer(emb.words[i], float(values[i])) for i in top if i not in skip][:k]
    exp = None
    if expected is not None:
        row = emb.row(expected.strip())
        if row >= n:
            raise EmbvizError(
                translate("Errors", "'{word}' is not among the first {n:,} words searched").format(
                    word=expected, n=n
                )
            )
        cos = float(emb.unit_rows(row) @ point)
        exp = ExpectedAnswer(
            word=emb.words[row],
            score=float(values[row]),
            cosine=cos,
            rank=None if row in input_rows else rank_of(values, row, input_rows),
            rank_with_inputs=rank_of(values, row),
        )
    return QueryResult(
        terms=tuple(terms), method=method, results=results, include_inputs=include_inputs,
        inputs=inputs, point=point, expected=exp, searched=n,
        from_subwords=tuple(w for w in inputs if w not in emb.index),
    )  # fmt: skip


def raw_point(emb: Embeddings, terms: Sequence[Term]) -> np.ndarray:
    """``sum(coef * vector)`` with the raw (not unit) vectors: the point to draw in 3D."""
    out = np.zeros(emb.dim, dtype=np.float64)
    for t in terms:
        out += t.coef * emb.lookup(t.word).astype(np.float64)
    return out.astype(np.float32)


def parallelogram(terms: Sequence[Term]) -> tuple[str, str, str] | None:
    """``(a, b, c)`` when the terms read ``b - a + c`` (unit coefficients), else ``None``."""
    pos = [t.word for t in terms if t.coef == 1]
    neg = [t.word for t in terms if t.coef == -1]
    if len(terms) == 3 and len(pos) == 2 and len(neg) == 1:
        return neg[0], pos[0], pos[1]
    return None


__all__ = [
    "METHODS", "Answer", "ExpectedAnswer", "QueryResult", "analogy_terms", "combination",
    "parallelogram", "query", "rank_of", "raw_point", "scores", "top_rows",
]  # fmt: skip
