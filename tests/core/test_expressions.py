import numpy as np
import pytest

import embviz
from embviz.core.errors import UnknownWordError
from embviz.core.expressions import ExpressionError, Term, describe, evaluate, parse


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("king - man + woman", [(1, "king"), (-1, "man"), (1, "woman")]),
        ("king-man+woman", [(1, "king-man"), (1, "woman")]),  # no vocabulary: one word
        ("2*walked - walk", [(2, "walked"), (-1, "walk")]),
        ("0.5 * a + .5*b", [(0.5, "a"), (0.5, "b")]),
        ("-cat + cats", [(-1, "cat"), (1, "cats")]),
        ("  queen  ", [(1, "queen")]),
    ],
)
def test_parse(text, terms):
    assert parse(text) == [Term(float(c), w) for c, w in terms]


def test_hyphen_splits_only_when_the_vocabulary_says_so():
    vocab = {"woman", "man", "t-shirt", "shirt"}
    assert parse("woman-man", vocab) == [Term(1.0, "woman"), Term(-1.0, "man")]
    assert parse("t-shirt - shirt", vocab) == [Term(1.0, "t-shirt"), Term(-1.0, "shirt")]


@pytest.mark.parametrize(
    ("text", "position", "reason"),
    [
        ("", 0, "empty"),
        ("   ", 0, "empty"),
        ("king +", 6, "expected a word at the end"),
        ("king man", 5, "expected '+' or '-' before 'man'"),
        ("king + + queen", 7, "expected a word before '+'"),
        ("* king", 0, "'*' must follow a number"),
        ("2 3 king", 2, "before a number"),
    ],
)
def test_errors_point_at_the_bad_token(text, position, reason):
    with pytest.raises(ExpressionError) as err:
        parse(text)
    assert err.value.position == position
    assert reason in str(err.value)


def test_describe_round_trips():
    for text in ["king - man + woman", "2*walked - walk", "-a + 0.5*b"]:
        assert describe(parse(text)) == text


def test_evaluate_sums_vectors_and_names_unknown_words():
    emb = embviz.Embeddings(["a", "b"], np.array([[1.0, 2.0], [3.0, 5.0]]))
    assert np.allclose(evaluate("2*b - a", emb), [5.0, 8.0])
    assert np.allclose(evaluate("a + b", emb, unit=True), emb.unit[0] + emb.unit[1])
    with pytest.raises(UnknownWordError) as err:
        evaluate("a + c", emb)
    assert err.value.word == "c"
