"""``embviz train``: headless training with real gensim, real files."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

import embviz
from embviz.cli import main
from tests.helpers import tiny_corpus

FAST = ["--dim", "8", "--epochs", "2", "--min-count", "2"]


def test_train_writes_vectors_and_loadable_snapshots(tmp_path, capsys):
    corpus = tiny_corpus(tmp_path / "c.txt")
    out, snaps = tmp_path / "v.txt", tmp_path / "snaps"
    code = main(["train", str(corpus), "--out", str(out), "--snapshots", str(snaps),
                 "--watch", "king,queen,man,woman,unicorn", *FAST])  # fmt: skip
    assert code == 0
    printed = capsys.readouterr().out
    assert "epoch   1/2  loss" in printed and "epoch   2/2  loss" in printed
    assert "not in the vocabulary: unicorn" in printed
    vectors = embviz.load(out)
    assert vectors.dim == 8 and "king" in vectors and "cats" in vectors
    files = sorted(p.name for p in snaps.iterdir())
    assert files == ["epoch_000.txt", "epoch_001.txt", "epoch_002.txt"]
    first, last = (embviz.load(snaps / f) for f in ("epoch_000.txt", "epoch_002.txt"))
    assert first.words == last.words == ["king", "queen", "man", "woman"]
    assert not np.allclose(first.vectors, last.vectors)  # the vectors learned
    np.testing.assert_allclose(last.vectors, vectors.vectors[vectors.rows(last.words)], rtol=1e-6)


def test_train_json_and_intermediate_snapshots(tmp_path, capsys):
    corpus = tiny_corpus(tmp_path / "c.txt")
    code = main(["train", str(corpus), "--out", str(tmp_path / "v.bin"), "--binary", "--json",
                 "--snapshots", str(tmp_path / "s"), "--snapshots-per-epoch", "2", *FAST])  # fmt: skip
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert [e["epoch"] for e in summary["epochs"]] == [1, 2]
    assert all(e["loss"] > 0 and e["seconds"] > 0 for e in summary["epochs"])
    names = sorted(p.name for p in (tmp_path / "s").iterdir())
    assert names == ["epoch_000.txt", "epoch_000_1of2.txt", "epoch_001.txt",
                     "epoch_001_1of2.txt", "epoch_002.txt"]  # fmt: skip
    from gensim.models import KeyedVectors

    kv = KeyedVectors.load_word2vec_format(str(tmp_path / "v.bin"), binary=True)
    assert kv.vector_size == 8 and len(kv) == summary["vocabulary"]


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 10)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    cases = [
        ([str(binary)], "binary file, not text"),
        ([str(empty)], "the corpus is empty"),
        ([str(tmp_path / "nope.txt")], "does not exist"),
        ([str(tiny_corpus(tmp_path / "c.txt")), "--min-count", "100000"], "min count = 100000"),
        ([str(tmp_path / "c.txt"), "--dim", "1"], "dimension must be 3 to 1000"),
    ]
    for extra, message in cases:
        r = subprocess.run([sys.executable, "-m", "embviz", "train", "--out", str(tmp_path / "o.txt"),
                            *extra], capture_output=True, text=True, timeout=60)  # fmt: skip
        assert r.returncode == 2, r.stderr
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0] and "Traceback" not in r.stderr


@pytest.mark.gui
def test_train_writes_the_animation(tmp_path):
    from PIL import Image

    corpus = tiny_corpus(tmp_path / "c.txt", lines=2000)
    gif = tmp_path / "run.gif"
    r = subprocess.run([sys.executable, "-m", "embviz", "train", str(corpus), "--out",
                        str(tmp_path / "v.txt"), *FAST, "--snapshots-per-epoch", "2",
                        "--animation", str(gif), "--fps", "10", "--size", "320x200"],
                       capture_output=True, text=True, timeout=300)  # fmt: skip
    assert r.returncode == 0, r.stderr
    # 5 snapshots, half a second each by default: 2 s at 10 frames/s
    assert f"wrote {gif} (20 frames, 320x200, 2 s of 5 snapshots)" in r.stdout
    with Image.open(gif) as im:
        assert im.n_frames == 20 and im.size == (320, 200)
        im.seek(0)
        first = np.asarray(im.convert("RGB")).astype(int)
        im.seek(19)
        last = np.asarray(im.convert("RGB")).astype(int)
    assert (np.abs(first - first[-1, -1]).sum(axis=2) > 60).sum() > 300  # not blank
    assert (np.abs(first[40:] - last[40:]).sum(axis=2) > 60).sum() > 100  # the words moved


def test_train_animation_options_are_checked_before_training(tmp_path):
    corpus = tiny_corpus(tmp_path / "c.txt")
    for extra, message in [
        (["--animation", str(tmp_path / "a.png")], "write a .gif"),
        (["--animation", str(tmp_path / "a.gif"), "--fps", "0"], "--fps must be 1 to 60"),
        (["--animation", str(tmp_path / "a.gif"), "--size", "big"], "--size must look like"),
    ]:
        r = subprocess.run([sys.executable, "-m", "embviz", "train", str(corpus), "--out",
                            str(tmp_path / "v.txt"), *FAST, *extra],
                           capture_output=True, text=True, timeout=120)  # fmt: skip
        assert r.returncode == 2 and message in r.stderr, (extra, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1
        assert "epoch" not in r.stdout  # refused before any training
    assert not (tmp_path / "v.txt").exists()
