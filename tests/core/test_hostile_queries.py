"""Queries with hostile input: no warnings on stderr, bounded work for spelling suggestions."""

from __future__ import annotations

import difflib
import random
import string
import warnings

import numpy as np
import pytest

from embviz.core import errors
from embviz.core.analogy import query
from embviz.core.embeddings import Embeddings
from embviz.core.errors import EmbvizError, close_spellings
from embviz.core.expressions import ExpressionError, evaluate, parse


@pytest.mark.parametrize("expr", ["1" + "0" * 40 + "*king - man", "2000000*king", "1e40*king"])
def test_huge_factors_are_refused_in_words(expr):
    with pytest.raises(ExpressionError) as e:
        parse(expr)
    assert "at most 1,000,000" in str(e.value) or "'*' must follow a number" in str(e.value)


def test_sums_too_large_for_float32_are_errors_not_warnings():
    emb = Embeddings(["big", "small"], np.array([[3e38, 1.0], [1.0, 2.0]], np.float32))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # as pytest does: any RuntimeWarning fails here
        with pytest.raises(EmbvizError, match="too large to compute"):
            evaluate("1000*big - small", emb)
        assert np.isinf(emb.norms[0])  # an infinite length, no overflow warning
        assert query(emb, "small", k=1).results[0].word == "big"


def test_spelling_suggestions_match_difflib_on_ordinary_vocabularies(default_embeddings):
    vocab = default_embeddings.words[:3000]
    for typo in ["kingg", "qeen", "wmoan", "twoer", "xylophonee", "a"]:
        lo, hi = len(typo) - 2, len(typo) + 2
        pool = [w for w in vocab if lo <= len(w) <= hi and w[:1].lower() == typo[:1].lower()]
        if len(pool) < 3:
            pool = [w for w in vocab if lo <= len(w) <= hi]
        assert close_spellings(typo, vocab) == difflib.get_close_matches(typo, pool, n=3)


@pytest.mark.parametrize("kind", ["long alike", "numbered", "random long"])
def test_spelling_work_is_bounded_on_90k_words(kind, monkeypatch):
    rng = random.Random(1)
    if kind == "long alike":  # the case that took 34 s: 90k long words that all look alike
        vocab = ["a" * rng.randint(50, 60) + str(i) for i in range(90_000)]
        word = "a" * 55
    elif kind == "numbered":
        vocab = [f"w{i}" for i in range(90_000)]
        word = "w123456"
    else:
        vocab = ["".join(rng.choices("ab", k=200)) for _ in range(90_000)]
        word = "a" * 200
    cost = 0
    real = difflib.SequenceMatcher.set_seq1

    def counted(self, a):
        nonlocal cost
        assert len(a) <= errors.SPELLING_CHARS
        cost += len(a) * min(len(word), errors.SPELLING_CHARS) + 50
        return real(self, a)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq1", counted)
    got = close_spellings(word, vocab)
    assert cost <= 1.2 * errors.SPELLING_BUDGET  # candidates may be a little longer than word
    assert all(w in vocab for w in got)
    if kind == "numbered":
        assert got and all(len(w) == 6 for w in got)


def test_a_typo_of_a_frequent_word_is_found_in_a_large_vocabulary():
    rng = random.Random(2)
    vocab = ["elephants"] + ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 12)))
                             for _ in range(400_000)]  # fmt: skip
    assert close_spellings("elephnats", vocab)[0] == "elephants"
