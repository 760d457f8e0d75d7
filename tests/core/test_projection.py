"""Projection maths (no Qt): orthogonality, explained variance, in-slice fraction, errors."""

from __future__ import annotations

import numpy as np
import pytest

from embviz.core.errors import EmbvizError, UnknownWordError
from embviz.core.expressions import ExpressionError
from embviz.core.projection import (
    axes_projection,
    gram_schmidt,
    in_slice_fraction,
    pca,
    random_projection,
    raw_projection,
)

AXES = ["woman - man", "cats - cat", "king - man"]


def _orthonormal(a):
    return np.allclose(a @ a.T, np.eye(len(a)), atol=1e-5)


def test_pca_matches_numpy_eigendecomposition():
    rng = np.random.default_rng(1)
    # known spread: std 5, 3, 2, then small noise
    x = rng.standard_normal((400, 8)) * np.array([5, 3, 2, 0.1, 0.1, 0.1, 0.1, 0.1])
    p = pca(x)
    assert _orthonormal(p.axes.astype(np.float64))
    cov = np.cov(x.T, bias=True)
    vals, vecs = np.linalg.eigh(cov)
    top = vecs[:, ::-1][:, :3].T
    assert np.allclose(np.abs(p.axes @ top.T), np.eye(3), atol=1e-3)
    assert np.allclose(p.explained, vals[::-1][:3] / vals.sum(), atol=1e-4)
    assert p.labels[0].startswith("PC1 (") and p.labels[0].endswith("%)")
    # coordinates are the centred data on the axes
    assert np.allclose(p.coords, (x - x.mean(0)) @ p.axes.T, atol=1e-3)


def test_pca_fit_on_other_vectors_projects_the_shown_ones(default_embeddings):
    e = default_embeddings
    shown = e.vectors[:50]
    p = pca(shown, fit=e.vectors[:5000])
    assert p.coords.shape == (50, 3)
    assert np.allclose(p.apply(shown), p.coords, atol=1e-4)
    assert p.explained.sum() < 0.5  # 3 of 50 dims of 5000 words


def test_gram_schmidt_keeps_order_and_reports_parallel_axis():
    a = np.array([1.0, 0, 0, 0])
    b = np.array([1.0, 1, 0, 0])
    q = gram_schmidt([a, b], 4)
    assert np.allclose(q, [[1, 0, 0, 0], [0, 1, 0, 0]])
    with pytest.raises(EmbvizError, match="parallel"):
        gram_schmidt([a, 2 * a + 1e-4 * b], 4, ["x = a", "y = 2a"])
    with pytest.raises(EmbvizError, match="zero vector"):
        gram_schmidt([np.zeros(4)], 4)


def test_semantic_axes_are_orthonormal_and_first_axis_is_the_expression(default_embeddings):
    e = default_embeddings
    from embviz.core.expressions import evaluate

    dirs = [evaluate(a, e) for a in AXES]
    shown = e.vectors[e.rows(["king", "queen", "man", "woman", "cat", "cats", "dog", "dogs"])]
    p = axes_projection(shown, dirs, AXES)
    assert _orthonormal(p.axes.astype(np.float64))
    x_dir = dirs[0] / np.linalg.norm(dirs[0])
    assert np.allclose(p.axes[0], x_dir, atol=1e-5)
    assert p.labels == tuple(AXES)
    assert "order x, y, z" in p.note
    # woman lies further along "woman - man" than man does
    i_w, i_m = 3, 2
    assert p.coords[i_w, 0] > p.coords[i_m, 0]
    # plural words lie further along the (orthogonalised) plural axis
    assert p.coords[5, 1] > p.coords[4, 1] and p.coords[7, 1] > p.coords[6, 1]


def test_free_axes_are_filled_orthogonally(default_embeddings):
    e = default_embeddings
    d = e.vector("cats") - e.vector("cat")
    p = axes_projection(e.vectors[:200], [None, d, None], ["", "plural", ""])
    assert _orthonormal(p.axes.astype(np.float64))
    assert p.labels == ("rest PC1", "plural", "rest PC2")


def test_in_slice_fraction():
    axes = np.eye(5)[:3]
    v = np.array([[3.0, 4, 0, 0, 0], [0, 0, 0, 3, 4], [1, 0, 0, 1, 0], [0, 0, 0, 0, 0]])
    f = in_slice_fraction(v, axes)
    assert np.allclose(f, [1.0, 0.0, np.sqrt(0.5), 0.0])


def test_random_slices_are_orthonormal_reproducible_and_differ():
    x = np.random.default_rng(0).standard_normal((30, 20))
    a, b, c = random_projection(x, 1), random_projection(x, 1), random_projection(x, 2)
    assert _orthonormal(a.axes.astype(np.float64))
    assert np.array_equal(a.axes, b.axes)
    assert not np.allclose(a.axes, c.axes)


def test_raw_projection_shows_coordinates_and_rejects_bad_dims():
    x = np.arange(40, dtype=float).reshape(8, 5)
    p = raw_projection(x, (4, 0, 2))
    assert np.allclose(p.coords, (x - x.mean(0))[:, [4, 0, 2]])
    assert p.labels == ("dim 4", "dim 0", "dim 2")
    with pytest.raises(EmbvizError, match="dimension 7 does not exist"):
        raw_projection(x, (0, 1, 7))
    with pytest.raises(EmbvizError, match="different"):
        raw_projection(x, (0, 0, 1))


def test_workspace_axes_errors_name_the_axis_and_change_nothing(ws):
    before = ws.projection
    with pytest.raises(UnknownWordError) as err:
        ws.set_axes(["woman - man", "cats - caat", ""])
    assert "y axis" in str(err.value) and "'caat'" in str(err.value)
    assert "cat" in err.value.suggestions
    with pytest.raises(EmbvizError, match="z = 2\\*woman - 2\\*man is \\(nearly\\) parallel"):
        ws.set_axes(["woman - man", "", "2*woman - 2*man"])
    with pytest.raises(ExpressionError, match="x axis"):
        ws.set_axes(["woman -", "", ""])
    assert ws.projection is before and ws.mode == "pca"


def test_workspace_switches_slices_and_reports_in_slice(ws):
    ws.set_axes(AXES)
    assert ws.mode == "axes" and ws.projection.labels == tuple(AXES)
    assert ws.in_slice.shape == (len(ws.shown_rows),)
    assert np.all((ws.in_slice > 0) & (ws.in_slice < 1))
    ws.new_random_slice()
    first = ws.projection.axes.copy()
    ws.new_random_slice()
    assert ws.mode == "random" and not np.allclose(first, ws.projection.axes)
    ws.set_projection("raw", raw_dims=(5, 6, 7))
    assert ws.projection.labels == ("dim 5", "dim 6", "dim 7")
    ws.set_projection("pca", pca_fit="all")
    assert ws.projection.kind == "pca" and "20,000 words" in ws.projection.note
    with pytest.raises(EmbvizError, match="unknown projection"):
        ws.set_projection("tsne-ish")


def test_use_as_axis_puts_direction_in_slot_and_keeps_others(ws):
    e = ws.embeddings
    ws.set_axes(AXES)
    plural = e.vector("dogs") - e.vector("dog")
    ws.use_as_axis("plural", plural, slot=1)
    assert ws.projection.labels == ("woman - man", "plural", "king - man")
    ws.set_projection("pca")
    ws.use_as_axis("gender", e.vector("woman") - e.vector("man"))
    assert ws.mode == "axes" and ws.projection.labels[0] == "gender"
    d = e.vector("woman") - e.vector("man")
    assert np.allclose(ws.projection.axes[0], d / np.linalg.norm(d), atol=1e-5)
    with pytest.raises(EmbvizError, match="slot"):
        ws.use_as_axis("bad", plural, slot=3)


def test_coloring_by_cluster_group_and_metadata(ws):
    from embviz.core.embeddings import Embeddings

    ws.set_coloring("cluster", n_clusters=4)
    codes, names = ws.categories()
    assert names == ["cluster 1", "cluster 2", "cluster 3", "cluster 4"]
    assert set(codes.tolist()) == {0, 1, 2, 3}
    ws.set_coloring("group", groups={"royals": ["king", "queen"]})
    codes, names = ws.categories()
    words = ws.shown_words
    assert (
        names == ["royals"] and codes[words.index("king")] == 0 and codes[words.index("cat")] == -1
    )
    with pytest.raises(EmbvizError, match="no metadata column 'pos'"):
        ws.set_coloring("meta:pos")
    e = Embeddings(["a", "b", "c"], np.eye(3) + 0.1, metadata={"pos": ["n", "v", "n"]})
    ws.set_embeddings(e, ["a", "b", "c"])
    ws.set_coloring("meta:pos")
    codes, names = ws.categories()
    assert names == ["n", "v"] and codes.tolist() == [0, 1, 0]


def test_word_sets(default_embeddings):
    from embviz.core import wordsets

    e = default_embeddings
    top = wordsets.top_words(e, 10)
    assert len(top) == 10 and all(w.isalpha() for w in top) and top[0] == "the"
    nb = wordsets.neighbor_words(e, "tower", 5)
    assert nb[0] == "tower" and "towers" in nb and len(nb) == 6
    ing = wordsets.matching_words(e, "*ing", limit=30)
    assert len(ing) == 30 and all(w.endswith("ing") for w in ing)
    with pytest.raises(EmbvizError, match="no word matches"):
        wordsets.matching_words(e, "qqqzzz*")
    known, unknown = wordsets.parse_word_list("king, queen\nxyzzyq  king", e)
    assert known == ["king", "queen"] and unknown == ["xyzzyq"]
