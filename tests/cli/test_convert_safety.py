"""``convert`` never destroys an input, and a failed write leaves the old output whole."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

import embviz
from embviz.cli import main
from embviz.core.embeddings import Embeddings
from embviz.core.errors import LoadError
from embviz.core.formats import save

CHILD_LIMITS = r"""
import resource, signal, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), as on a full disk
if len(sys.argv) > 1 and sys.argv[1] == "--fsize":
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    del sys.argv[1:3]
from embviz.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _run(tmp_path, *args, fsize=None):
    """The CLI in a child under a memory limit and a timeout (a SIGBUS would kill only it)."""
    extra = ["--fsize", str(fsize)] if fsize else []
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-c", CHILD_LIMITS, *extra, "convert", *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)  # fmt: skip


@pytest.fixture
def npy_pair(tmp_path):
    m = tmp_path / "m.npy"
    np.save(m, np.arange(20_000 * 50, dtype=np.float32).reshape(20_000, 50))
    (tmp_path / "m.vocab.txt").write_text("".join(f"w{i}\n" for i in range(20_000)))
    return m, m.read_bytes(), (tmp_path / "m.vocab.txt").read_bytes()


def test_a_hard_link_of_the_input_is_refused(tmp_path, npy_pair):
    m, data, _ = npy_pair
    os.link(m, tmp_path / "h.npz")
    r = _run(tmp_path, m, tmp_path / "h.npz")
    assert r.returncode == 2, r.stderr
    assert "h.npz: is the input m.npy under another name" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert m.read_bytes() == data


def test_text_to_a_hard_link_of_itself_is_refused(tmp_path):
    t = tmp_path / "t.txt"
    t.write_text("cat 1 2 3\ndog 4 5 6\n")
    os.link(t, tmp_path / "o.bin")
    assert main(["convert", str(t), str(tmp_path / "o.bin")]) == 2
    assert t.read_text() == "cat 1 2 3\ndog 4 5 6\n"


@pytest.mark.parametrize("out", ["m.vocab.txt", "link.txt", "m.npy", "./m.npy"])
def test_the_inputs_vocabulary_or_itself_is_refused(tmp_path, npy_pair, out, capsys, monkeypatch):
    m, data, vocab = npy_pair
    (tmp_path / "link.txt").symlink_to("m.vocab.txt")
    monkeypatch.chdir(tmp_path)
    assert main(["convert", "m.npy", out]) == 2
    assert "would destroy the input" in capsys.readouterr().err
    assert m.read_bytes() == data and (tmp_path / "m.vocab.txt").read_bytes() == vocab


def test_an_npy_output_whose_vocabulary_is_the_input_is_refused(tmp_path):
    src = tmp_path / "x.vocab.txt"  # a GloVe file that happens to have this name
    src.write_text("cat 1 2 3\ndog 4 5 6\n")
    with pytest.raises(LoadError, match=r"x\.vocab\.txt: is the input file"):
        save(embviz.load(src), tmp_path / "x.npy", format="npy")
    assert src.read_text() == "cat 1 2 3\ndog 4 5 6\n" and not (tmp_path / "x.npy").exists()


def test_tsv_metadata_of_the_input_is_refused(tmp_path):
    emb = Embeddings(["a", "b"], np.eye(2, dtype=np.float32))
    save(emb, tmp_path / "vectors.tsv", format="tsv")
    with pytest.raises(LoadError, match=r"is read with the input vectors\.tsv"):
        save(embviz.load(tmp_path / "vectors.tsv"), tmp_path / "metadata.tsv", format="glove")


def test_a_full_disk_leaves_the_old_output_whole_and_no_temporary_files(tmp_path, npy_pair):
    m, _, _ = npy_pair
    out = tmp_path / "out.txt"
    out.write_text("old 1 2 3\n")
    # about 4 MB of text cannot be written under a 1 MB file size limit
    r = _run(tmp_path, m, out, "--no-cache", fsize=1 << 20)
    assert r.returncode == 2, r.stderr
    assert "out.txt: could not be written" in r.stderr and "unchanged" in r.stderr
    assert out.read_text() == "old 1 2 3\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.npy", "m.vocab.txt", "out.txt"]


def test_to_npy_writes_exactly_the_named_file(tmp_path, capsys):
    t = tmp_path / "t.txt"
    t.write_text("cat 1 2 3\ndog 4 5 6\n")
    out = tmp_path / "out.bin"
    assert main(["convert", str(t), str(out), "--to", "npy"]) == 0
    assert f"{out}, {tmp_path / 'out.vocab.txt'}" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin", "out.vocab.txt", "t.txt"]
    assert embviz.load(out).words == ["cat", "dog"]


def test_a_new_output_replaces_the_old_one_with_normal_permissions(tmp_path):
    out = tmp_path / "v.bin"
    out.write_bytes(b"old")
    emb = Embeddings(["a", "b"], np.eye(2, dtype=np.float32))
    assert save(emb, out, format="word2vec-binary") == [out]
    assert embviz.load(out).words == ["a", "b"]
    assert (out.stat().st_mode & 0o777) == 0o666 & ~_umask()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.bin"]


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask
