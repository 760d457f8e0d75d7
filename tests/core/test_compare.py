import json
import threading
from itertools import pairwise

import numpy as np
import pytest
from scipy.linalg import orthogonal_procrustes

from embviz.core import Cancelled, Embeddings, EmbvizError, Progress, load
from embviz.core.compare import compare, procrustes, shared_vocabulary
from tests.helpers import gensim_data, start_job


@pytest.fixture(scope="module")
def glove(default_embeddings):
    """The 8,000 most frequent words of the embedded GloVe vectors."""
    return default_embeddings.subset(range(8000))


@pytest.fixture(scope="module")
def fasttext():
    """A real space of other dimensions: gensim's fastText vectors (1,694 × 100)."""
    return load(gensim_data("pang_lee_polarity_fasttext.vec"), unicode_errors="replace")


def random_orthogonal(d, seed):
    q, r = np.linalg.qr(np.random.default_rng(seed).normal(size=(d, d)))
    return q * np.sign(np.diag(r))


def rotated_copy(emb, seed=1, noise=0.0, drop=0.1, upper=False):
    """``emb`` rotated, rows shuffled, a fraction of words dropped, noise added."""
    rng = np.random.default_rng(seed)
    keep = rng.permutation(len(emb))[: round((1 - drop) * len(emb))]
    v = emb.vectors[keep] @ random_orthogonal(emb.dim, seed).astype(np.float32)
    scale = float(np.sqrt((emb.vectors**2).mean()))
    v = v + noise * scale * np.random.default_rng(99).normal(size=v.shape).astype(np.float32)
    words = [emb.words[i].upper() if upper else emb.words[i] for i in keep]
    return Embeddings(words, v)


def muse_normalize(x):
    """renorm, centre, renorm in float64 (written apart from the module under test)."""
    x = np.asarray(x, np.float64)
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    x = x - x.mean(axis=0)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def shared_by_sets(a, b):
    other = set(b.words)
    return [w for w in a.words if w in other]


def test_a_rotated_shuffled_copy_is_recovered_exactly(glove):
    b = rotated_copy(glove)
    c = compare(glove, b)
    assert len(c) == len(b)
    assert len(c.anchors) == 5000
    assert c.precision.words == 1000 and not c.precision.cross_validated
    assert c.precision.at_1 == 1.0 and c.precision.at_5 == 1.0
    assert c.cosine.min() >= 0.999
    # The aligned A rows are B's normalised rows.
    np.testing.assert_allclose(c.aligned_a, c.normalized_b, atol=1e-4)


def test_noise_degrades_the_alignment_smoothly(glove):
    levels = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6]
    results = [compare(glove, rotated_copy(glove, noise=s)) for s in levels]
    p1 = [c.precision.at_1 for c in results]
    mean_cos = [float(c.cosine.mean()) for c in results]
    assert p1[0] == 1.0 and p1[-1] < 0.5, p1
    assert all(x >= y for x, y in pairwise(p1)), p1
    assert all(x > y for x, y in pairwise(mean_cos)), mean_cos
    # Smooth: no step of 0.2 (noise rms / vector rms) loses more than a quarter.
    assert all(x - y < 0.25 for x, y in pairwise(p1)), p1


def test_matches_scipy_orthogonal_procrustes_on_real_data(glove):
    # A real space against a distorted (not merely rotated) copy of it, so the
    # rotation is a genuine least-squares fit.
    rng = np.random.default_rng(5)
    distort = random_orthogonal(50, 3) + 0.3 * rng.normal(size=(50, 50))
    b = rotated_copy(glove, noise=0.3)
    b = Embeddings(b.words, np.tanh(b.vectors @ distort.astype(np.float32)))
    c = compare(glove, b, anchors=3000)
    words = shared_by_sets(glove, b)
    assert c.words == words
    na = muse_normalize(glove.vectors[glove.rows(words)])
    nb = muse_normalize(b.vectors[b.rows(words)])
    r, _ = orthogonal_procrustes(na[:3000], nb[:3000])
    np.testing.assert_allclose(c.rotation, r, atol=1e-4)
    np.testing.assert_allclose(c.aligned_a, na @ r, atol=1e-4)
    np.testing.assert_allclose(c.cosine, np.einsum("ij,ij->i", na @ r, nb), atol=1e-4)


def test_different_dimensions_zero_padded_match_scipy(glove, fasttext):
    for a, b in ((glove, fasttext), (fasttext, glove)):
        c = compare(a, b)
        assert c.dims == (a.dim, b.dim) and c.dims_method == "pad"
        assert any("zero-padded to 100" in n for n in c.notes)
        words = shared_by_sets(a, b)
        na = muse_normalize(a.vectors[a.rows(words)])
        nb = muse_normalize(b.vectors[b.rows(words)])
        pad = ((0, 0), (0, 100 - a.dim))
        r, _ = orthogonal_procrustes(np.pad(na, pad), np.pad(nb, ((0, 0), (0, 100 - b.dim))))
        expected = np.pad(na, pad) @ r
        assert c.aligned_a.shape == (len(words), 100)
        # Columns that meet only padding are not determined; the others are.
        cols = min(a.dim, b.dim) if a.dim > b.dim else 100
        np.testing.assert_allclose(c.aligned_a[:, :cols], expected[:, :cols], atol=1e-4)
        cos = np.einsum("ij,ij->i", expected[:, : b.dim], nb)
        np.testing.assert_allclose(c.cosine, cos, atol=1e-4)
        assert c.precision.cross_validated  # 1,000-odd shared words: all are anchors


def test_different_dimensions_by_pca(glove, fasttext):
    c = compare(glove, fasttext, dims="pca")
    assert c.dims_method == "pca" and c.aligned_a.shape[1] == 50
    assert any("first 50 principal axes" in n for n in c.notes)
    words = shared_by_sets(glove, fasttext)
    na = muse_normalize(glove.vectors[glove.rows(words)])
    x = fasttext.vectors[fasttext.rows(words)].astype(np.float64)
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    x -= x.mean(axis=0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    nb = x @ vt[:50].T
    nb /= np.linalg.norm(nb, axis=1, keepdims=True)
    r, _ = orthogonal_procrustes(na, nb)
    np.testing.assert_allclose(c.cosine, np.einsum("ij,ij->i", na @ r, nb), atol=1e-4)


def test_a_space_embedded_in_more_dimensions_is_recovered(glove):
    # B = A rotated into 384 dimensions (a sentence-transformer's size): padding
    # recovers it exactly, and so does PCA.
    w = random_orthogonal(384, 2)[:50].astype(np.float32)
    b = rotated_copy(glove)
    b = Embeddings(b.words, b.vectors @ w)
    for dims in ("pad", "pca"):
        c = compare(glove, b, dims=dims)
        assert c.precision.at_1 == 1.0 and c.cosine.min() >= 0.999, dims
        c = compare(b, glove, dims=dims)
        assert c.precision.at_1 == 1.0 and c.cosine.min() >= 0.999, dims


def test_case_insensitive_matching_keeps_the_first_spelling():
    v = np.eye(6, dtype=np.float32)
    a = Embeddings(["The", "cat", "Cat", "dog", "Paris", "x"], v)
    b = Embeddings(["the", "CAT", "dog", "paris", "The"], v[:5])
    exact = shared_vocabulary(a, b)
    assert exact.words == ["The", "dog"]
    folded = shared_vocabulary(a, b, case_insensitive=True)
    assert folded.words == ["The", "cat", "dog", "Paris"]
    assert folded.words_b == ["the", "CAT", "dog", "paris"]
    assert list(folded.rows_a) == [0, 1, 3, 4] and list(folded.rows_b) == [0, 1, 2, 3]
    assert (folded.folded_a, folded.folded_b) == (1, 1)  # "Cat" and B's second "The"


def test_case_insensitive_compare_end_to_end(glove):
    b = rotated_copy(glove, upper=True)
    exact = shared_vocabulary(glove, b)  # only words without letters: "1990", ","
    assert len(exact) < len(b) / 4 and all(w == w.lower() for w in exact.words)
    c = compare(glove, b, case_insensitive=True)
    assert len(c) == len(b) and c.precision.at_1 == 1.0
    assert c.vocab.words_b[0] == c.vocab.words[0].upper()
    word = next(w for w in c.words[10:] if w != w.upper())
    assert c.number(word.upper()) == c.number(word) == c.words.index(word)


def test_anchor_list_skips_unknown_words_and_holds_out_the_rest(glove):
    b = rotated_copy(glove)
    wanted = [w for w in glove.words[:400] if w in b] + ["zzzz-not-a-word"]
    c = compare(glove, b, anchors=wanted, sample=50)
    assert len(c.anchors) == len(wanted) - 1
    assert any("1 of" in n and "zzzz-not-a-word" in n for n in c.notes)
    assert c.precision.words == 50 and c.precision.at_1 == 1.0
    with pytest.raises(EmbvizError, match="need at least 2"):
        compare(glove, b, anchors=["king", "zzzz"])


def test_overlap_and_neighbours_equal_a_brute_force_search(glove):
    small = glove.subset(range(600))
    b = rotated_copy(small, noise=0.5)
    c = compare(small, b)
    words = c.words
    ua = muse_unit(small.vectors[small.rows(words)])
    ub = muse_unit(b.vectors[b.rows(words)])
    picks = [0, 5, 77, len(words) - 1]
    got = c.overlap(picks, k=10)
    for p, o in zip(picks, got, strict=True):
        na, nb = brute_knn(ua, p, 10), brute_knn(ub, p, 10)
        assert o == len(set(na) & set(nb)) / 10
    in_a, in_b = c.neighbours(words[5], k=4)
    assert [n.word for n in in_a] == [words[j] for j in brute_knn(ua, 5, 4)]
    assert [n.word for n in in_b] == [words[j] for j in brute_knn(ub, 5, 4)]
    assert in_a[0].score == pytest.approx(float(ua[5] @ ua[brute_knn(ua, 5, 1)[0]]), abs=1e-5)


def muse_unit(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def brute_knn(u, i, k):
    s = u @ u[i]
    s[i] = -np.inf
    return list(np.argsort(-s, kind="stable")[:k])


def test_moved_words_and_the_aligned_slice(glove):
    c = compare(glove, rotated_copy(glove, noise=0.5))
    most, least = c.moved(20), c.moved(20, most=False)
    assert list(c.cosine[most]) == sorted(c.cosine)[:20]
    assert list(c.cosine[least]) == sorted(c.cosine, reverse=True)[:20]
    proj, b_coords = c.aligned_slice(most)
    assert proj.coords.shape == b_coords.shape == (20, 3)
    # A word's on-screen gap grows with how far it moved: the least moved are closer.
    _, b_least = c.aligned_slice(least)
    far = np.linalg.norm(proj.coords - b_coords, axis=1).mean()
    near = np.linalg.norm(c.aligned_slice(least)[0].coords - b_least, axis=1).mean()
    assert near < far


def test_cancel_stops_the_search(glove):
    b = rotated_copy(glove)
    seen = []

    def on_report(fraction, message):
        seen.append(message)
        if "precision" in message:
            progress.cancel()

    progress = Progress(on_report)
    with pytest.raises(Cancelled):
        compare(glove, b, progress=progress)
    assert seen[-1].startswith("precision")

    c = compare(glove, b)
    stopper = Progress()
    stopper.cancel()
    with pytest.raises(Cancelled):
        c.overlap(range(100), progress=stopper)


def test_cancel_from_another_thread(glove):
    b = rotated_copy(glove)
    reported, go = threading.Event(), threading.Event()

    def on_report(fraction, message):
        reported.set()
        go.wait(30)  # paused, so that the cancel below surely comes while it runs

    progress = Progress(on_report)
    thread, outcome = start_job(lambda p: compare(glove, b, progress=p), progress)
    assert reported.wait(30)
    progress.cancel()
    go.set()
    thread.join(timeout=30)
    assert outcome == {"cancelled": True}


@pytest.mark.parametrize(
    ("a_words", "b_words", "match"),
    [(["a", "b"], ["c", "d"], "share 0 words"), (["a", "b"], ["a", "d"], "share 1 words")],
)
def test_too_few_shared_words_is_a_clear_error(a_words, b_words, match):
    v = np.ones((2, 3), np.float32)
    with pytest.raises(EmbvizError, match=match):
        compare(Embeddings(a_words, v), Embeddings(b_words, v))


def test_non_finite_vectors_are_named(glove):
    b = rotated_copy(glove)
    v = b.vectors.copy()
    v[3, 0] = np.nan
    with pytest.raises(EmbvizError, match=f"B has 1 shared words with NaN.*'{b.words[3]}'"):
        compare(glove, Embeddings(b.words, v))


def test_procrustes_is_orthogonal_for_every_shape():
    rng = np.random.default_rng(0)
    for dx, dy in ((5, 5), (3, 7), (7, 3)):
        w = procrustes(rng.normal(size=(40, dx)), rng.normal(size=(40, dy)))
        assert w.shape == (dx, max(dx, dy))
        np.testing.assert_allclose(w @ w.T, np.eye(dx), atol=1e-10)


def test_two_shared_words_align_but_hold_nothing_out():
    v = np.random.default_rng(0).normal(size=(3, 4)).astype(np.float32)
    c = compare(Embeddings(["a", "b", "c"], v), Embeddings(["b", "a", "x"], v))
    assert c.words == ["a", "b"] and c.precision.words == 0
    summary = json.loads(json.dumps(c.summary(), allow_nan=False))
    assert summary["precision_at_1"] is None and summary["heldout"] == 0
