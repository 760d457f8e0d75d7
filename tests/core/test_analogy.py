"""3CosAdd / 3CosMul answers compared with gensim's most_similar / most_similar_cosmul."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embviz.core.analogy import analogy_terms, parallelogram, query, rank_of, raw_point
from embviz.core.errors import EmbvizError, UnknownWordError
from embviz.core.expressions import ExpressionError, Term


@pytest.fixture(scope="module")
def kv(default_embeddings):
    from gensim.models import KeyedVectors

    kv = KeyedVectors(default_embeddings.dim)
    kv.add_vectors(default_embeddings.words, default_embeddings.vectors)
    return kv


CASES = [
    ("king - man + woman", ["king", "woman"], ["man"]),
    ("paris - france + italy", ["paris", "italy"], ["france"]),
    ("walked - walk + swim", ["walked", "swim"], ["walk"]),
]


@pytest.mark.parametrize(("expr", "pos", "neg"), CASES)
def test_3cosadd_equals_gensim_most_similar(default_embeddings, kv, expr, pos, neg):
    ours = query(default_embeddings, expr, k=10)
    theirs = kv.most_similar(positive=pos, negative=neg, topn=10)
    assert [w for w, _ in ours.results] == [w for w, _ in theirs]
    np.testing.assert_allclose([s for _, s in ours.results], [s for _, s in theirs], atol=1e-5)


@pytest.mark.parametrize(("expr", "pos", "neg"), CASES)
def test_3cosmul_equals_gensim_most_similar_cosmul(default_embeddings, kv, expr, pos, neg):
    ours = query(default_embeddings, expr, k=10, method="3cosmul")
    theirs = kv.most_similar_cosmul(positive=pos, negative=neg, topn=10)
    assert [w for w, _ in ours.results] == [w for w, _ in theirs]
    np.testing.assert_allclose([s for _, s in ours.results], [s for _, s in theirs], atol=1e-5)


def test_scalar_factors_weight_the_mean_like_gensim(default_embeddings, kv):
    ours = query(default_embeddings, "2*walked - walk", k=5)
    theirs = kv.most_similar(positive=[("walked", 2.0)], negative=[("walk", -1.0)], topn=5)
    assert [w for w, _ in ours.results] == [w for w, _ in theirs]
    # 3CosMul: a factor of 2 is the word counted twice
    ours = query(default_embeddings, "2*walked - walk", k=5, method="3cosmul")
    theirs = kv.most_similar_cosmul(positive=["walked", "walked"], negative=["walk"], topn=5)
    assert [w for w, _ in ours.results] == [w for w, _ in theirs]


def test_the_classic_answer_and_what_excluding_inputs_hides(default_embeddings):
    res = query(default_embeddings, "king - man + woman", k=5)
    assert res.results[0].word == "queen"
    assert not {"king", "man", "woman"} & {w for w, _ in res.results}
    assert res.inputs == ("king", "man", "woman")
    shown = query(default_embeddings, "king - man + woman", k=5, include_inputs=True)
    # The honest view: king itself is nearer to king - man + woman than queen is.
    assert shown.results[0].word == "king"
    assert [w for w, _ in shown.results if w not in res.inputs][:4] == [
        w for w, _ in res.results[:4]
    ]


def test_expected_answer_rank_and_cosine(default_embeddings, kv):
    res = query(default_embeddings, "king - man + woman", expected="queen")
    e = res.expected
    assert (e.rank, e.rank_with_inputs) == (1, 2)
    all_scores = kv.most_similar(positive=["king", "woman"], negative=["man"], topn=None)
    assert e.cosine == pytest.approx(float(all_scores[kv.get_index("queen")]), abs=1e-5)
    # a worse answer: its rank is its place in gensim's full ordering without the inputs
    e = query(default_embeddings, "king - man + woman", expected="princess").expected
    order = [w for w, _ in kv.most_similar(positive=["king", "woman"], negative=["man"], topn=60)]
    assert e.rank == order.index("princess") + 1
    assert e.rank_with_inputs > e.rank
    assert query(default_embeddings, "king - man + woman", expected="king").expected.rank is None


def test_restrict_vocab_searches_only_the_first_words(default_embeddings):
    res = query(default_embeddings, "king - man + woman", k=20, restrict_vocab=2000)
    assert res.searched == 2000
    assert all(default_embeddings.row(w) < 2000 for w, _ in res.results)
    with pytest.raises(EmbvizError, match="first 2,000 words"):
        query(default_embeddings, "king - man + woman", expected="throne", restrict_vocab=2000)


def test_bad_input_is_named(default_embeddings):
    with pytest.raises(UnknownWordError, match=r"'quen'.*queen"):
        query(default_embeddings, "king - man + quen")
    with pytest.raises(ExpressionError) as err:
        query(default_embeddings, "king - - man")
    assert err.value.position == 7
    with pytest.raises(ExpressionError, match="empty"):
        query(default_embeddings, "   ")
    with pytest.raises(EmbvizError, match="zero vector"):
        query(default_embeddings, "king - king")
    with pytest.raises(EmbvizError, match="at least one word with a \\+ sign"):
        query(default_embeddings, "-king", method="3cosmul")
    with pytest.raises(EmbvizError, match="unknown method"):
        query(default_embeddings, "king", method="3cosfoo")


def test_analogy_form_and_drawing_helpers(default_embeddings):
    terms = analogy_terms("man", "king", "woman")
    assert query(default_embeddings, terms).results[0].word == "queen"
    assert parallelogram(terms) == ("man", "king", "woman")
    assert parallelogram([Term(2.0, "walked"), Term(-1.0, "walk")]) is None
    emb = default_embeddings
    want = emb.vector("king") - emb.vector("man") + emb.vector("woman")
    np.testing.assert_allclose(raw_point(emb, terms), want, atol=1e-5)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=1, max_size=12), st.data())
def test_rank_of_is_the_place_in_a_stable_descending_sort(values, data):
    v = np.asarray(values, dtype=np.float32)
    row = data.draw(st.integers(0, len(v) - 1))
    excluded = data.draw(st.lists(st.integers(0, len(v) - 1), max_size=3))
    order = [int(i) for i in np.argsort(-v, kind="stable") if i == row or i not in excluded]
    assert rank_of(v, row, excluded) == order.index(row) + 1
