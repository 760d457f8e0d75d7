"""Stable frames for training snapshots: Procrustes and fixed PCA axes."""

from __future__ import annotations

import numpy as np
import pytest

from embviz.core.errors import EmbvizError
from embviz.core.frames import frame_coords, interpolate, prepare_all, procrustes_rotation
from embviz.core.projection import pca


def random_rotation(d: int, rng) -> np.ndarray:
    q, r = np.linalg.qr(rng.normal(size=(d, d)))
    return q * np.sign(np.diag(r))


def test_procrustes_undoes_a_rotation():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 8))
    x -= x.mean(axis=0)
    rot = random_rotation(8, rng)
    r = procrustes_rotation(x @ rot, x)
    np.testing.assert_allclose(r @ r.T, np.eye(8), atol=1e-10)
    np.testing.assert_allclose((x @ rot) @ r, x, atol=1e-10)


def test_aligned_sequence_keeps_every_similarity_and_removes_rotation():
    rng = np.random.default_rng(1)
    base = rng.normal(size=(30, 6))
    # the same cloud, slowly learning (small drift) and spun by a random rotation each time
    snaps = [
        (base + 0.05 * k * rng.normal(size=base.shape)) @ random_rotation(6, rng) for k in range(4)
    ]
    aligned = [p.aligned for p in prepare_all(snaps)]
    for raw, al in zip(snaps, aligned, strict=True):
        rc = raw - raw.mean(axis=0)
        np.testing.assert_allclose(al @ al.T, rc @ rc.T, atol=1e-9)  # Gram matrix unchanged
    # after alignment successive snapshots are close; before, they were far apart
    for a, b, ra, rb in zip(aligned, aligned[1:], snaps, snaps[1:], strict=False):
        assert np.linalg.norm(a - b) < 0.3 * np.linalg.norm(ra - rb)


def test_fixed_axes_from_final_and_pinned():
    rng = np.random.default_rng(2)
    snaps = [rng.normal(size=(20, 5)) for _ in range(3)]
    coords, labels = frame_coords(prepare_all(snaps), "final")
    np.testing.assert_allclose(coords[-1], pca(snaps[-1]).coords, atol=1e-5)
    assert labels[0].startswith("PC1 of final")
    coords, labels = frame_coords(prepare_all(snaps), "pinned", pinned=1)
    np.testing.assert_allclose(coords[1], pca(snaps[1]).coords, atol=1e-5)
    assert "snapshot 1" in labels[2]
    # one set of axes for all: a snapshot equal to the reference plus a shift lands identically
    coords, _ = frame_coords(prepare_all([snaps[0] + 3.0, snaps[0]]), "final")
    np.testing.assert_allclose(coords[0], coords[1], atol=1e-5)
    with pytest.raises(EmbvizError, match="pinned snapshot 7 does not exist"):
        frame_coords(prepare_all(snaps), "pinned", pinned=7)


def test_procrustes_mode_is_stable_under_spinning():
    rng = np.random.default_rng(3)
    base = rng.normal(size=(25, 6))
    snaps = [base @ random_rotation(6, rng) for _ in range(3)]
    coords, labels = frame_coords(prepare_all(snaps), "procrustes")
    for c in coords[1:]:
        np.testing.assert_allclose(c, coords[0], atol=1e-6)  # nothing learned: nothing moves
    assert "aligned" in labels[0]


def test_interpolate():
    a, b = np.zeros((2, 3), np.float32), np.ones((2, 3), np.float32)
    np.testing.assert_allclose(interpolate([a, b], 0.25), 0.25)
    np.testing.assert_allclose(interpolate([a, b], 9), 1.0)
    np.testing.assert_allclose(interpolate([a, b], -1), 0.0)


def test_pca_axes_match_the_svd_pca():
    from embviz.core.frames import pca_axes

    rng = np.random.default_rng(4)
    x = rng.normal(size=(60, 12)) * np.linspace(3, 0.5, 12)
    xc = x - x.mean(axis=0)
    axes, explained = pca_axes(xc)
    ref = pca(x)
    np.testing.assert_allclose(axes, ref.axes, atol=1e-5)
    np.testing.assert_allclose(explained, ref.explained, atol=1e-9)


def test_procrustes_with_fewer_words_than_dimensions():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(6, 20))
    x -= x.mean(axis=0)
    rot = random_rotation(20, rng)
    r = procrustes_rotation(x @ rot, x)  # rank-deficient: the SVD fallback
    np.testing.assert_allclose(r @ r.T, np.eye(20), atol=1e-10)
    np.testing.assert_allclose((x @ rot) @ r, x, atol=1e-10)


def test_playback_times_run_from_the_initial_vectors_to_the_last_snapshot():
    from embviz.core.frames import frame_count, playback_times

    t = playback_times(7, 25)
    assert len(t) == 25 and t[0] == 0.0 and t[-1] == 6.0
    assert np.allclose(np.diff(t), 0.25)
    assert frame_count(15, 2.0) == 30 and frame_count(10, 0.05) == 2
    with pytest.raises(EmbvizError, match="train first"):
        playback_times(0, 10)
    with pytest.raises(EmbvizError, match="at least 2 frames"):
        playback_times(5, 1)
    with pytest.raises(EmbvizError, match="positive"):
        frame_count(0, 3)
