import numpy as np
import pytest

import embviz
from embviz.core.errors import EmbvizError, UnknownWordError


def _toy():
    words = ["a", "b", "c", "d", "a"]
    vecs = np.array([[1, 0], [0.9, 0.1], [0, 1], [-1, 0], [5, 5]], dtype=np.float64)
    return embviz.Embeddings(words, vecs)


def test_basic_container_behaviour():
    e = _toy()
    assert len(e) == 5
    assert e.dim == 2
    assert e.vectors.dtype == np.float32 and e.vectors.flags.c_contiguous
    assert "c" in e and "z" not in e
    # first occurrence wins for lookups, as in gensim
    assert np.array_equal(e.vector("a"), [1, 0])
    assert e.words == ["a", "b", "c", "d", "a"]


def test_unit_rows_are_normalised_and_cached():
    e = _toy()
    assert np.allclose(np.linalg.norm(e.unit, axis=1), 1.0)
    assert e.unit is e.unit


def test_cosine_neighbors_exclude_the_query_word():
    e = _toy()
    res = e.neighbors("b", k=2)
    assert [n.word for n in res] == ["a", "a"]  # both 'a' rows, not 'b' itself
    assert res[0].score == pytest.approx(0.9 / np.hypot(0.9, 0.1), rel=1e-6)


def test_euclidean_neighbors_are_distances_ascending():
    e = _toy()
    res = e.neighbors(np.array([0.0, 1.0]), k=3, metric="euclidean")
    assert res[0].word == "c" and res[0].score == pytest.approx(0.0, abs=1e-6)
    assert [r.score for r in res] == sorted(r.score for r in res)


def test_unknown_word_suggests_close_spellings(default_embeddings):
    with pytest.raises(UnknownWordError) as err:
        default_embeddings.neighbors("towr")
    assert "tower" in err.value.suggestions
    assert "'towr' is not in the vocabulary" in str(err.value)


def test_bad_arguments_are_user_errors():
    e = _toy()
    with pytest.raises(EmbvizError):
        e.neighbors("a", metric="manhattan")
    with pytest.raises(EmbvizError):
        e.neighbors(np.zeros(3))
    with pytest.raises(EmbvizError):
        embviz.Embeddings(["a"], np.zeros((2, 2)))


def test_neighbors_match_gensim_on_the_default_data(default_embeddings):
    from gensim.models import KeyedVectors

    emb = default_embeddings
    kv = KeyedVectors(emb.dim)
    kv.add_vectors(emb.words, emb.vectors)
    for word in ("tower", "queen", "sushi", "octopuses"):
        ours = emb.neighbors(word, k=10)
        theirs = kv.most_similar(word, topn=10)
        assert [n.word for n in ours] == [w for w, _ in theirs]
        assert np.allclose([n.score for n in ours], [s for _, s in theirs], atol=1e-5)


def test_tower_neighbours_are_buildings(default_embeddings):
    words = {n.word for n in default_embeddings.neighbors("tower", k=10)}
    assert {"towers", "building", "skyscraper"} <= words


def test_subset_keeps_rows_and_metadata():
    e = embviz.Embeddings(["x", "y", "z"], np.eye(3), metadata={"pos": ["n", "v", "a"]})
    s = e.subset(["z", "x"])
    assert s.words == ["z", "x"]
    assert np.array_equal(s.vectors, np.eye(3)[[2, 0]])
    assert s.metadata == {"pos": ["a", "n"]}
