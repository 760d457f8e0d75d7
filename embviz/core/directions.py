"""Directions in meaning: ``cats - cat`` as a "plural" direction and its relatives.

A direction is a vector in the embedding space, taken from one pair of words,
from a word expression, or as the mean of the differences over many pairs.
Its dot product with a word's vector says how far that word lies along it;
a baseline of random directions of the same norm says how much of that is
more than chance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np

from embviz.core.errors import EmbvizError
from embviz.core.expressions import describe, parse
from embviz.core.i18n import QT_TRANSLATE_NOOP, translate
from embviz.core.wordlists import (
    COMPARATIVES,
    COUNTRIES_CAPITALS,
    NUMBERS,
    PLURAL_PAIRS,
    ROYALTY_GENDER,
    VERBS_TENSE,
)

Measure = Literal["dot", "unit", "cosine"]
MEASURES: dict[str, str] = {
    "dot": QT_TRANSLATE_NOOP("Directions", "dot product with {label} (raw)"),
    "unit": QT_TRANSLATE_NOOP("Directions", "dot product with unit-length {label}"),
    "cosine": QT_TRANSLATE_NOOP("Directions", "cosine similarity with {label}"),
}
"""Axis wording for each measure; ``{label}`` is the direction's label (the GUI translates it)."""

QUESTION_SECTIONS = (
    "gram8-plural", "family", "gram7-past-tense", "gram3-comparative",
    "capital-common-countries",
)  # fmt: skip
"""Sections of gensim's ``questions-words.txt`` offered as pair sources."""

# ROYALTY_GENDER alternates male, female; "monarch, throne" is not such a pair.
_GENDER_PAIRS = [
    (a, b)
    for a, b in zip(ROYALTY_GENDER[::2], ROYALTY_GENDER[1::2], strict=True)
    if (a, b) != ("monarch", "throne")
]

# Pairs shown on the chart by default: the lesson's nouns, not all 24 pairs.
_CHART_PAIRS = PLURAL_PAIRS[:8]


@dataclass(frozen=True)
class Preset:
    """A built-in direction and the word groups charted against it."""

    name: str
    pairs: tuple[tuple[str, str], ...]
    groups: dict[str, list[str]]
    expression: str | None = None


def _groups(pairs, a: str, b: str, extra: dict[str, list[str]] | None = None):
    out = {a: [p[0] for p in pairs], b: [p[1] for p in pairs]}
    out.update(extra or {})
    return out


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            QT_TRANSLATE_NOOP("Directions", "plurality (cats − cat)"),
            tuple(PLURAL_PAIRS),
            _groups(
                _CHART_PAIRS,
                QT_TRANSLATE_NOOP("Directions", "singular"),
                QT_TRANSLATE_NOOP("Directions", "plural"),
                {QT_TRANSLATE_NOOP("Directions", "numbers"): list(NUMBERS)},
            ),
            expression="cats - cat",
        ),
        Preset(
            QT_TRANSLATE_NOOP("Directions", "plurality (mean of pairs)"),
            tuple(PLURAL_PAIRS),
            _groups(
                _CHART_PAIRS,
                QT_TRANSLATE_NOOP("Directions", "singular"),
                QT_TRANSLATE_NOOP("Directions", "plural"),
                {QT_TRANSLATE_NOOP("Directions", "numbers"): list(NUMBERS)},
            ),
        ),
        Preset(
            QT_TRANSLATE_NOOP("Directions", "gender (male → female)"),
            tuple(_GENDER_PAIRS),
            _groups(
                _GENDER_PAIRS[:10],
                QT_TRANSLATE_NOOP("Directions", "male"),
                QT_TRANSLATE_NOOP("Directions", "female"),
            ),
        ),
        Preset(
            QT_TRANSLATE_NOOP("Directions", "tense (present → past)"),
            tuple(VERBS_TENSE),
            _groups(
                VERBS_TENSE,
                QT_TRANSLATE_NOOP("Directions", "present"),
                QT_TRANSLATE_NOOP("Directions", "past"),
            ),
        ),
        Preset(
            QT_TRANSLATE_NOOP("Directions", "comparative"),
            tuple(COMPARATIVES),
            _groups(
                COMPARATIVES,
                QT_TRANSLATE_NOOP("Directions", "base"),
                QT_TRANSLATE_NOOP("Directions", "comparative"),
            ),
        ),
        Preset(
            QT_TRANSLATE_NOOP("Directions", "country → capital"),
            tuple(COUNTRIES_CAPITALS),
            _groups(
                COUNTRIES_CAPITALS[:10],
                QT_TRANSLATE_NOOP("Directions", "country"),
                QT_TRANSLATE_NOOP("Directions", "capital"),
            ),
        ),
    )
}
"""Built-in directions: plurality, gender, tense, comparative, country→capital.

Their names and group names are English here (the tour and the tests look them
up so); the GUI shows them translated (context ``Directions``)."""


@dataclass
class Direction:
    """A direction in the embedding space and how it was made.

    Attributes
    ----------
    label
        Human text such as ``cats − cat`` or ``mean of 24 pairs``.
    vector
        The direction, float64, not normalised.
    pairs
        The ``(a, b)`` pairs averaged (``b - a`` each); empty for an expression.
    missing
        Words of the definition that are not in the vocabulary (skipped).
    """

    label: str
    vector: np.ndarray
    pairs: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def norm(self) -> float:
        """Euclidean length of :attr:`vector`."""
        return float(np.linalg.norm(self.vector))


@dataclass(frozen=True)
class Score:
    """One word's position along a direction.

    ``z`` is ``(value - mean) / std`` over the baseline's random directions.
    """

    word: str
    group: str
    value: float
    z: float
    baseline_mean: float
    baseline_std: float


def from_expression(emb, expr: str) -> Direction:
    """Make a direction from a word expression such as ``cats - cat``.

    Raises
    ------
    ExpressionError
        When the expression does not parse.
    UnknownWordError
        Naming the first word not in the vocabulary (one word of a single
        pair cannot be skipped: the direction would mean something else).
    """
    terms = parse(expr, emb.index)
    vecs = [emb.lookup(t.word) for t in terms]  # fastText: out-of-vocabulary words too
    vec = np.zeros(emb.dim, dtype=np.float64)
    for t, v in zip(terms, vecs, strict=True):
        vec += t.coef * v.astype(np.float64)
    return Direction(describe(terms).replace(" - ", " − "), vec)


def from_pairs(emb, pairs, label: str | None = None) -> Direction:
    """Make a direction as the mean of ``b - a`` over the pairs ``(a, b)``.

    Pairs with a word missing from the vocabulary are skipped and listed in
    :attr:`Direction.missing`.

    Raises
    ------
    EmbvizError
        When there are no pairs, or none has both words in the vocabulary.
    """
    pairs = [(str(a), str(b)) for a, b in pairs]
    if not pairs:
        raise EmbvizError(
            translate("Errors", "the pair list is empty: give pairs such as 'cat cats, dog dogs'")
        )
    used, missing = [], []
    for a, b in dict.fromkeys(pairs):
        gone = [w for w in (a, b) if w not in emb]
        if gone:
            missing.extend(w for w in gone if w not in missing)
        else:
            used.append((a, b))
    if not used:
        raise EmbvizError(
            translate(
                "Errors", "none of the pairs has both words in the vocabulary (missing: {words})"
            ).format(words=", ".join(missing[:10]))
        )
    a_rows, b_rows = emb.rows(a for a, _ in used), emb.rows(b for _, b in used)
    diffs = emb.vectors[b_rows].astype(np.float64) - emb.vectors[a_rows].astype(np.float64)
    n = len(used)
    if label is None:
        label = (translate("Directions", "mean of {n} pairs") if n != 1
                 else translate("Directions", "mean of 1 pair")).format(n=n)  # fmt: skip
    return Direction(label, diffs.mean(axis=0), used, missing)


def parse_pairs(text: str) -> list[tuple[str, str]]:
    """Read pairs typed as ``cat cats, dog dogs`` or one ``a b`` per line.

    A line of four words (the analogy format ``a b c d``) gives two pairs;
    lines starting with ``:`` or ``#`` are skipped.

    Raises
    ------
    EmbvizError
        Naming an entry that is not two (or four) words.
    """
    pairs: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in ":#":
            continue
        for chunk in re.split(r"[,;]", line):
            words = chunk.replace("→", " ").replace("->", " ").split()
            if not words:
                continue
            if len(words) not in (2, 4):
                raise EmbvizError(
                    translate(
                        "Errors", "'{text}' is not a pair: write two words such as 'cat cats'"
                    ).format(text=chunk.strip())
                )
            pairs.append((words[0], words[1]))
            if len(words) == 4:
                pairs.append((words[2], words[3]))
    return pairs


@lru_cache(maxsize=4)
def _question_sections(path: str) -> dict[str, list[tuple[str, str]]]:
    sections: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(":"):
                current = sections.setdefault(line[1:].strip(), [])
            elif current is not None:
                w = line.lower().split()
                if len(w) == 4:
                    current.extend([(w[0], w[1]), (w[2], w[3])])
    return {k: list(dict.fromkeys(v)) for k, v in sections.items()}


def questions_words_path() -> str:
    """Path of ``questions-words.txt`` in gensim's shipped test data."""
    from gensim.test.utils import datapath

    return datapath("questions-words.txt")


def section_pairs(section: str, path: str | None = None) -> list[tuple[str, str]]:
    """Return the distinct, lowercased ``(a, b)`` pairs of a questions-words section.

    Each question line ``a b c d`` gives the pairs ``(a, b)`` and ``(c, d)``,
    so the direction runs from the first word of a pair to the second: for
    ``gram8-plural`` singular → plural, for ``family`` male → female, for
    ``capital-common-countries`` capital → country.

    Raises
    ------
    EmbvizError
        For an unknown section, listing the ones there are.
    """
    sections = _question_sections(path or questions_words_path())
    if section not in sections:
        raise EmbvizError(
            translate(
                "Errors", "no section '{section}' in questions-words.txt; sections: {known}"
            ).format(section=section, known=", ".join(sections))
        )
    return sections[section]


def load_pairs(source: str) -> tuple[list[tuple[str, str]], str]:
    """Pairs from a questions-words section name or from a text file of pairs.

    Returns
    -------
    (pairs, label)
        ``label`` names the source, e.g. ``gram8-plural``.
    """
    if source in _question_sections(questions_words_path()):
        return section_pairs(source), source
    p = Path(source)
    if not p.is_file():
        raise EmbvizError(
            translate(
                "Errors",
                "'{source}' is neither a questions-words section ({known}, …) nor a file of pairs",
            ).format(source=source, known=", ".join(QUESTION_SECTIONS))
        )
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise EmbvizError(
            translate("Errors", "{source}: not a UTF-8 text file of word pairs").format(
                source=source
            )
        ) from None
    return parse_pairs(text), p.name


def parse_groups(text: str) -> dict[str, list[str]]:
    """Read word groups typed as ``group: word word …`` lines.

    A line without ``group:`` adds to a group called ``words``. Words may be
    separated by spaces or commas. Groups keep the order typed.
    """
    groups: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        name, sep, rest = line.partition(":")
        if not sep:
            name, rest = "words", line
        words = [w for w in re.split(r"[\s,]+", rest) if w]
        if words:
            groups.setdefault(name.strip() or "words", []).extend(words)
    return groups


def format_groups(groups: dict[str, list[str]]) -> str:
    """Write groups back in the form :func:`parse_groups` reads."""
    return "\n".join(f"{name}: {' '.join(words)}" for name, words in groups.items())


def _measure(v: np.ndarray, dirs: np.ndarray, measure: str) -> np.ndarray:
    # (words × directions) matrix of the measure; every direction has norm > 0.
    out = v @ dirs.T
    if measure in ("unit", "cosine"):
        out /= np.linalg.norm(dirs, axis=1)[None, :]
    if measure == "cosine":
        out /= np.maximum(np.linalg.norm(v, axis=1), 1e-12)[:, None]
    return out


def values(emb, direction: Direction | np.ndarray, rows, measure: Measure = "dot") -> np.ndarray:
    """Return the measure of each row against the direction.

    ``dot`` is the raw dot product ``v · d`` (the lesson's number), ``unit``
    is ``v · d/|d|`` and ``cosine`` is ``cos(v, d)``.

    Raises
    ------
    EmbvizError
        For an unknown measure or a zero direction (``cat - cat``).
    """
    d = np.asarray(getattr(direction, "vector", direction), dtype=np.float64).reshape(1, -1)
    if measure not in MEASURES:
        raise EmbvizError(
            translate("Errors", "unknown measure {measure!r}: use one of {known}").format(
                measure=measure, known=", ".join(MEASURES)
            )
        )
    if not np.linalg.norm(d) > 0.0:
        raise EmbvizError(
            translate("Errors", "the direction is the zero vector: its two ends are the same word")
        )
    rows = np.asarray(rows, dtype=np.intp)
    # float32 matrix product (no float64 copy of the vocabulary); 50-300 terms
    # keep well within float32 precision.
    out = (emb.vectors[rows] @ d[0].astype(np.float32)).astype(np.float64)
    if measure in ("unit", "cosine"):
        out /= np.linalg.norm(d)
    if measure == "cosine":
        out /= np.maximum(emb.norms[rows].astype(np.float64), 1e-12)
    return out


def random_directions(
    emb,
    norm: float,
    n: int = 1000,
    *,
    kind: Literal["gaussian", "word-pairs"] = "gaussian",
    seed: int = 0,
) -> np.ndarray:
    """Return ``n`` random directions of length ``norm``, shape ``(n, dim)``.

    ``gaussian`` draws isotropic directions; ``word-pairs`` takes differences
    of two random words among the 10,000 most frequent (which, unlike
    isotropic noise, shares the anisotropy of the embedding space).
    """
    if n < 2:
        raise EmbvizError(
            translate("Errors", "the baseline needs at least 2 random directions, got {n}").format(
                n=n
            )
        )
    rng = np.random.default_rng(seed)
    if kind == "gaussian":
        r = rng.standard_normal((n, emb.dim))
    elif kind == "word-pairs":
        top = min(len(emb), 10_000)
        if top < 2:
            raise EmbvizError(
                translate("Errors", "the word-pair baseline needs at least two words")
            )
        a = rng.integers(0, top, n)
        b = (a + rng.integers(1, top, n)) % top  # never the same word twice
        r = emb.vectors[b].astype(np.float64) - emb.vectors[a].astype(np.float64)
    else:
        raise EmbvizError(
            translate("Errors", "unknown baseline {kind!r}: use 'gaussian' or 'word-pairs'").format(
                kind=kind
            )
        )
    lengths = np.linalg.norm(r, axis=1, keepdims=True)
    return r / np.maximum(lengths, 1e-12) * norm


def score(
    emb,
    direction: Direction,
    groups: dict[str, list[str]],
    *,
    measure: Measure = "dot",
    baseline: Literal["gaussian", "word-pairs"] = "gaussian",
    n_random: int = 1000,
    seed: int = 0,
) -> tuple[list[Score], list[str]]:
    """Score every word of ``groups`` along ``direction``, with baseline z-scores.

    Parameters
    ----------
    emb
        The embeddings.
    direction
        From :func:`from_expression` or :func:`from_pairs`.
    groups
        Group name → words, e.g. ``{"singular": [...], "plural": [...]}``.
    measure
        ``dot`` (raw, the default as in the lesson), ``unit`` or ``cosine``.
    baseline, n_random, seed
        The random directions of the same norm the z-scores are taken against
        (seeded, so the numbers repeat).

    Returns
    -------
    (scores, missing)
        Scores in group order; words not in the vocabulary are listed in
        ``missing``, not fatal.
    """
    words, names, missing = [], [], []
    for name, ws in groups.items():
        for w in ws:
            if w in emb:
                words.append(w)
                names.append(name)
            elif w not in missing:
                missing.append(w)
    if not words:
        return [], missing
    rows = emb.rows(words)
    vals = values(emb, direction, rows, measure)
    rand = random_directions(emb, direction.norm, n_random, kind=baseline, seed=seed)
    # (words × n_random) values of every word against every random direction.
    rv = _measure(emb.vectors[rows].astype(np.float64), rand, measure)
    mean, std = rv.mean(axis=1), rv.std(axis=1)
    z = (vals - mean) / np.maximum(std, 1e-12)
    out = [
        Score(w, g, float(v), float(zz), float(m), float(s))
        for w, g, v, zz, m, s in zip(words, names, vals, z, mean, std, strict=True)
    ]
    return out, missing


def group_means(scores: list[Score]) -> dict[str, float]:
    """Mean value of each group, in order of appearance."""
    acc: dict[str, list[float]] = {}
    for s in scores:
        acc.setdefault(s.group, []).append(s.value)
    return {g: float(np.mean(v)) for g, v in acc.items()}


__all__ = [
    "MEASURES", "PRESETS", "QUESTION_SECTIONS", "Direction", "Preset", "Score", "format_groups",
    "from_expression", "from_pairs", "group_means", "load_pairs", "parse_groups", "parse_pairs",
    "questions_words_path", "random_directions", "score", "section_pairs", "values",
]  # fmt: skip
