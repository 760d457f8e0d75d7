"""t-SNE and UMAP layouts (openTSNE, umap-learn) on the embedded GloVe vectors.

The layouts run for real on the teaching words; UMAP tests are few because
numba compiles UMAP's code on the first call of a process (about half a minute).
"""

from __future__ import annotations

import sys
import threading

import numpy as np
import pytest

from embviz.core import nonlinear
from embviz.core.errors import EmbvizError
from embviz.core.progress import Progress
from embviz.core.wordlists import ANIMALS, COUNTRIES_CAPITALS, NUMBERS
from tests.helpers import start_job

needs_both = pytest.mark.skipif(
    nonlinear.available() != nonlinear.KINDS, reason="needs embviz[projections]"
)

COUNTRIES = [c for c, _ in COUNTRIES_CAPITALS]


@pytest.fixture(scope="module")
def umap_coords(teaching):
    return nonlinear.umap(teaching[1], seed=0)


def _together(words, coords, group) -> tuple[float, float]:
    """Mean distance within ``group`` and from ``group`` to every other word."""
    at = {w: i for i, w in enumerate(words)}
    inside = np.array([at[w] for w in group])
    outside = np.setdiff1d(np.arange(len(words)), inside)
    d = np.linalg.norm(coords[:, None, :] - coords[None, :, :], axis=-1)
    within = d[np.ix_(inside, inside)][np.triu_indices(len(inside), 1)].mean()
    return float(within), float(d[np.ix_(inside, outside)].mean())


def _pca_rms(x):
    xc = x - x.mean(axis=0)
    sv = np.linalg.svd(xc, compute_uv=False)[:3]
    return float(np.sqrt((sv**2).sum() / len(x)))


@needs_both
@pytest.mark.parametrize("kind", ["tsne", "umap"])
def test_layout_places_every_word_finitely_and_keeps_clusters(kind, request, teaching):
    words, x = teaching
    coords = request.getfixturevalue(f"{kind}_coords")
    assert coords.shape == (len(words), 3) and coords.dtype == np.float32
    assert np.isfinite(coords).all()
    # standardised: centred, with PCA's spread of the same words
    assert np.allclose(coords.mean(axis=0), 0, atol=1e-3 * _pca_rms(x))
    rms = float(np.sqrt((coords.astype(np.float64) ** 2).sum(axis=1).mean()))
    assert rms == pytest.approx(_pca_rms(x), rel=1e-3)
    # neighbours in the 50-d space stay together: tight groups much closer than the rest
    for group, factor in ((NUMBERS, 0.5), (COUNTRIES, 0.5), (ANIMALS, 1.0)):
        within, between = _together(words, coords, group)
        assert within < factor * between, (kind, group[0], within, between)


@needs_both
def test_tsne_same_seed_same_layout_other_seed_other_layout(teaching, tsne_coords):
    x = teaching[1]
    assert np.array_equal(nonlinear.tsne(x, seed=0), tsne_coords)
    assert not np.allclose(nonlinear.tsne(x, seed=1), tsne_coords, atol=1e-3)


@needs_both
def test_umap_same_seed_same_layout(teaching, umap_coords):
    assert np.array_equal(nonlinear.umap(teaching[1], seed=0), umap_coords)


@needs_both
def test_progress_reports_iterations_to_the_end(teaching):
    seen = []
    nonlinear.tsne(teaching[1][:60], seed=0, progress=Progress(lambda f, m: seen.append((f, m))))
    fractions = [f for f, _ in seen if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    assert any(m == "t-SNE: iteration 750 of 750" for _, m in seen)


def _cancel_at_first(work, needle: str):
    """Run ``work(progress)`` on a thread; cancel at the first report containing ``needle``.

    Returns (how many progress reports came after the cancel, the outcome).
    The work must stop at its next check: one more report, two if the cancel
    came between a report and its check.
    """
    seen = threading.Event()
    messages = []

    def report(_fraction, message):
        messages.append(message)
        if needle in message:
            seen.set()

    progress = Progress(report)
    t, outcome = start_job(work, progress)
    assert seen.wait(120), "no progress report arrived"
    before = len(messages)
    progress.cancel()
    t.join(timeout=60)
    assert not t.is_alive(), "the work did not stop"
    return len(messages) - before, outcome


@needs_both
def test_cancel_tsne_mid_run_then_run_again(default_embeddings):
    x = default_embeddings.vectors[:2000]
    after, outcome = _cancel_at_first(
        lambda p: nonlinear.tsne(x, seed=0, progress=p), "iteration 20 of"
    )
    assert outcome == {"cancelled": True}, outcome
    assert after <= 2, f"t-SNE went on for {after} reports (10 iterations each)"
    coords = nonlinear.tsne(x[:100], seed=0)
    assert coords.shape == (100, 3) and np.isfinite(coords).all()


@needs_both
def test_cancel_umap_mid_run_then_run_again_on_another_thread(teaching, umap_coords):
    """Cancel raises from inside tqdm's write: tqdm's lock must be free afterwards."""
    from tqdm import tqdm

    x = teaching[1]
    after, outcome = _cancel_at_first(
        lambda p: nonlinear.umap(x, seed=0, progress=p), "UMAP: epoch 5 of"
    )
    assert outcome == {"cancelled": True}, outcome
    assert after <= 2, f"UMAP went on for {after} epochs"

    got = {}

    def probe():
        lock = tqdm.get_lock()
        got["free"] = lock.locks[-1].acquire(timeout=5)  # the thread lock
        if got["free"]:
            lock.locks[-1].release()

    t = threading.Thread(target=probe)
    t.start()
    t.join(10)
    assert got.get("free"), "tqdm's lock stayed held after the cancel"

    result = {}
    t = threading.Thread(target=lambda: result.setdefault("c", nonlinear.umap(x, seed=0)))
    t.start()
    t.join(120)
    assert not t.is_alive(), "a UMAP run after a cancel hung"
    assert np.array_equal(result["c"], umap_coords)


@needs_both
@pytest.mark.parametrize("kind", ["tsne", "umap"])
def test_tiny_sets(kind, default_embeddings):
    x = default_embeddings.vectors[default_embeddings.rows(NUMBERS)]
    with pytest.raises(EmbvizError, match=r"needs at least 5 words .* 4 shown"):
        nonlinear.compute(kind, x[:4])
    coords = nonlinear.compute(kind, x[:6], seed=0)  # perplexity / neighbours lowered
    assert coords.shape == (6, 3) and np.isfinite(coords).all()


def test_bad_vectors_are_explained():
    x = np.ones((10, 5), np.float32)
    x[3] = 0
    with pytest.raises(EmbvizError, match="zero vector"):
        nonlinear.tsne(x)
    x[3] = np.nan
    with pytest.raises(EmbvizError, match="NaN"):
        nonlinear.umap(x)
    with pytest.raises(EmbvizError, match="unknown layout 'mds'"):
        nonlinear.compute("mds", x)


def test_sample_is_seeded_sorted_and_keeps_what_it_must():
    assert np.array_equal(nonlinear.sample(30, limit=50), np.arange(30))
    keep = [3, 17_999, 12_345]
    a = nonlinear.sample(20_000, keep=keep, limit=5000, seed=4)
    assert len(a) == 5000 and len(np.unique(a)) == 5000 and np.all(np.diff(a) > 0)
    assert set(keep) <= set(a.tolist())
    assert np.array_equal(a, nonlinear.sample(20_000, keep=keep, limit=5000, seed=4))
    assert not np.array_equal(a, nonlinear.sample(20_000, keep=keep, limit=5000, seed=5))


def test_missing_packages_are_reported_not_imported(monkeypatch, default_embeddings):
    monkeypatch.setitem(sys.modules, "openTSNE", None)  # import openTSNE now fails
    monkeypatch.setitem(sys.modules, "umap", None)
    assert nonlinear.available() == ()
    x = default_embeddings.vectors[:50]
    for kind in nonlinear.KINDS:
        with pytest.raises(EmbvizError, match=r"pip install embviz\[projections\]"):
            nonlinear.compute(kind, x)


def test_importing_embviz_imports_neither_package():
    import subprocess

    code = (
        "import sys, embviz, embviz.core.workspace, embviz.core.nonlinear as n\n"
        "n.available()\n"
        "print(sorted(m for m in ('openTSNE', 'umap', 'numba') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
