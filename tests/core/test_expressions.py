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


# -- parentheses, signs and hyphens (issue 15, item 14) ---------------------------------

VOCAB = {"woman", "king", "man", "queen", "e-mail", "e", "mail", "t-shirt", "shirt", "a", "b"}


def _coefs(terms):
    out: dict[str, float] = {}
    for t in terms:
        out[t.word] = out.get(t.word, 0.0) + t.coef
    return {w: c for w, c in out.items() if c != 0}


@pytest.mark.parametrize(
    ("text", "coefs"),
    [
        ("woman - king-man", {"woman": 1, "king": -1, "man": 1}),
        ("woman - (king - man)", {"woman": 1, "king": -1, "man": 1}),
        ("woman-(king-man)", {"woman": 1, "king": -1, "man": 1}),
        ("-(king - man) + woman", {"king": -1, "man": 1, "woman": 1}),
        ("2*(king - man) + woman", {"king": 2, "man": -2, "woman": 1}),
        ("0.5 (a - (b - king))", {"a": 0.5, "b": -0.5, "king": 0.5}),
        ("((king))", {"king": 1}),
        ("king − man + woman", {"king": 1, "man": -1, "woman": 1}),  # the app's own minus sign
        ("king- man", {"king": 1, "man": -1}),
        ("e-mail - mail", {"e-mail": 1, "mail": -1}),  # a hyphenated word stays whole
        ("e-mail-mail", {"e-mail": 1, "mail": -1}),  # longest word first
        ("t-shirt", {"t-shirt": 1}),
        ("king-2*man", {"king": 1, "man": -2}),
        ("queen-woman+man", {"queen": 1, "woman": -1, "man": 1}),
    ],
)
def test_parentheses_and_signs(text, coefs):
    assert _coefs(parse(text, VOCAB)) == coefs


def test_hyphenated_unknown_word_stays_one_word():
    # the parts are not all words: the token is kept whole, so the error names it
    assert parse("king-xyz", VOCAB) == [Term(1.0, "king-xyz")]
    assert parse("woman - king-man") == [Term(1.0, "woman"), Term(-1.0, "king-man")]


@pytest.mark.parametrize(
    ("text", "position", "reason"),
    [
        ("(king", 0, "never closed"),
        ("woman - (king - (man)", 8, "never closed"),
        ("king)", 4, "without a matching '('"),
        ("()", 1, "expected a word before ')'"),
        ("(king -)", 7, "expected a word before ')'"),
        ("king (man)", 5, "expected '+' or '-' before '('"),
        ("(king) man", 7, "expected '+' or '-' before 'man'"),
        ("(" * 60 + "a" + ")" * 60, 50, "nested parentheses"),
    ],
)
def test_parenthesis_errors(text, position, reason):
    with pytest.raises(ExpressionError) as err:
        parse(text, VOCAB)
    assert err.value.position == position
    assert reason in str(err.value)


def test_users_of_expressions_see_the_signs():
    from embviz.core.analogy import query
    from embviz.core.directions import from_expression

    words = ["woman", "king", "man", "queen"]
    emb = embviz.Embeddings(words, np.eye(4, dtype=np.float32) + 0.1)
    expected = emb.vector("woman") - emb.vector("king") + emb.vector("man")
    assert np.allclose(evaluate("woman - king-man", emb), expected)
    assert np.allclose(from_expression(emb, "woman - (king - man)").vector, expected)
    res = query(emb, "woman - (king - man)", k=1)
    assert res.expression == "woman - king + man"


# A random expression tree, written out with random spacing and brackets, parses
# to the coefficients the tree evaluates to.
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = st.sampled_from(["king", "man", "woman", "queen", "e-mail", "t-shirt"])
_SP = st.sampled_from(["", " ", "  "])


def _leaf():
    return st.builds(lambda w: (w, {w: 1.0}), _WORDS)


def _extend(children):
    def combine(items, signs, spaces, factor):
        text, coefs = "", {}
        for k, ((t, c), s, sp) in enumerate(zip(items, signs, spaces, strict=False)):
            sgn = -1.0 if s == "-" else 1.0
            if k == 0 and s == "+":
                text += t
            else:
                if s == "-" and k and text[-1].isalpha() and t[0].isalpha():
                    sp = sp or " "  # a tight hyphen between words groups them (tested above)
                text += f"{sp}{s}{sp}{t}" if k else f"{s}{t}"
            for w, v in c.items():
                coefs[w] = coefs.get(w, 0.0) + sgn * v
        if factor != 1:
            text = f"{factor}*({text})"
            coefs = {w: factor * v for w, v in coefs.items()}
        else:
            text = f"({text})"
        return text, coefs

    n = st.integers(1, 4)
    return n.flatmap(lambda k: st.builds(
        combine, st.lists(children, min_size=k, max_size=k),
        st.lists(st.sampled_from(["+", "-"]), min_size=k, max_size=k),
        st.lists(_SP, min_size=k, max_size=k), st.sampled_from([1, 2, 3]),
    ))  # fmt: skip


@given(st.recursive(_leaf(), _extend, max_leaves=12))
def test_property_parse_equals_the_tree(tree):
    text, coefs = tree
    expected = {w: c for w, c in coefs.items() if c != 0}
    assert _coefs(parse(text, {"king", "man", "woman", "queen", "e-mail", "t-shirt"})) == expected


def test_slice_axes_take_parentheses_and_tight_hyphens(default_embeddings):
    from embviz.core.workspace import Workspace

    ws = Workspace()
    ws.set_embeddings(default_embeddings, ["king", "queen", "man", "woman", "cats"])
    v = default_embeddings.vector
    expected = v("woman").astype(np.float64) - v("king") + v("man")
    for same in ("woman - (king - man)", "woman - king-man"):
        ws.set_axes([same, "2*(cats - cat)", None])
        np.testing.assert_allclose(ws.axis_vectors[0], expected, atol=1e-5)
        np.testing.assert_allclose(ws.axis_vectors[1], 2 * (v("cats") - v("cat")), atol=1e-5)
