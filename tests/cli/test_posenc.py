"""``embviz posenc --out FILE.png`` renders a real image with no display."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image


def _run(*argv, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "embviz", "posenc", *argv],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60,
    )  # fmt: skip


def _rgb(path):
    return np.asarray(Image.open(path).convert("RGB")).astype(int)


def test_heatmap_png_headless(tmp_path):
    out = tmp_path / "pe.png"
    r = _run("--d-model", "64", "--length", "50", "--size", "800x500", "--out", str(out),
             tmp_path=tmp_path)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "sinusoidal PE (50 × 64" in r.stdout
    img = _rgb(out)
    assert img.shape == (500, 800, 3)
    red = (img[..., 0] > 150) & (img[..., 2] < 90)
    blue = (img[..., 2] > 150) & (img[..., 0] < 90)
    # A diverging map of sines and cosines: plenty of both ends.
    assert red.sum() > 5000 and blue.sum() > 2000


def test_similarity_png_is_mostly_positive(tmp_path):
    out = tmp_path / "sim.png"
    r = _run("--d-model", "64", "--length", "40", "--similarity", "--out", str(out),
             tmp_path=tmp_path)  # fmt: skip
    assert r.returncode == 0, r.stderr
    img = _rgb(out)
    red = (img[..., 0] > 150) & (img[..., 2] < 150)
    blue = (img[..., 2] > 150) & (img[..., 0] < 100)
    assert red.sum() > 20 * max(blue.sum(), 1)


def test_learned_matrix(tmp_path):
    from safetensors.numpy import save_file

    save_file({"bert.embeddings.position_embeddings.weight": np.eye(8, 6, dtype=np.float32)},
              str(tmp_path / "m.safetensors"))  # fmt: skip
    r = _run("--learned", "m.safetensors", "--out", "l.png", tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "learned bert.embeddings.position_embeddings.weight (8 × 6)" in r.stdout
    assert (tmp_path / "l.png").stat().st_size > 1000


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--d-model", "1", "--out", "x.png"], "d_model must be at least 2"),
        (["--length", "0", "--out", "x.png"], "length must be at least 1"),
        (["--out", "x.txt"], "--out must end in one of"),
        (["--out", "nodir/x.png"], "no such directory"),
        (["--size", "big", "--out", "x.png"], "--size must look like"),
        (["--learned", "absent.npy", "--out", "x.png"], "no such file"),
    ],
)
def test_bad_input(tmp_path, argv, message):
    r = _run(*argv, tmp_path=tmp_path)
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "x.png").exists()


def test_heavy_tailed_learned_matrix_cosine_and_clipping(tmp_path):
    from tests.helpers import bert_like

    np.save(tmp_path / "bert.npy", bert_like(96, 48))
    r = _run("--learned", "bert.npy", "--out", "l.png", tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "99.5th percentile" in r.stdout and "clips" in r.stdout
    # the outlier no longer washes the picture out: plenty of saturated cells
    img = _rgb(tmp_path / "l.png")
    strong = ((img[..., 0] > 150) & (img[..., 2] < 110)) | (
        (img[..., 2] > 150) & (img[..., 0] < 110)
    )
    assert strong.sum() > 10_000
    r = _run("--learned", "bert.npy", "--clip-percentile", "100", "--out", "m.png",
             tmp_path=tmp_path)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "largest |value|" in r.stdout and "clips" not in r.stdout
    img = _rgb(tmp_path / "m.png")
    weak = ((img[..., 0] > 150) & (img[..., 2] < 110)) | ((img[..., 2] > 150) & (img[..., 0] < 110))
    assert weak.sum() < strong.sum() / 10
    r = _run("--learned", "bert.npy", "--similarity", "cosine", "--out", "c.png", tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "cosine(PE, PE) of learned bert.npy (96 × 48)" in r.stdout
    # --similarity alone still means the dot product
    r = _run("--similarity", "--length", "20", "--out", "d.png", tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "PE · PEᵀ of sinusoidal" in r.stdout
    r = _run("--clip-percentile", "0", "--out", "x.png", tmp_path=tmp_path)
    assert r.returncode == 2 and "percentile" in r.stderr
