"""The cache never serves stale vectors, and a broken cache never fails a load."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest

import embviz
from embviz.core import embeddings as embeddings_module
from embviz.core.analogy import query
from embviz.core.embeddings import Embeddings
from embviz.core.formats import _cache, save


def _write(path, rows):
    path.write_text("".join(f"{w} {' '.join(str(x) for x in v)}\n" for w, v in rows))


def _same_times(src, dst):
    st = os.stat(src)
    os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))  # what `touch -r src dst` does


@pytest.fixture(autouse=True)
def _fresh_notes(monkeypatch):
    monkeypatch.setattr(_cache, "_notes", [])
    monkeypatch.setattr(_cache, "_noted", set())


def test_a_file_replaced_by_one_of_the_same_size_and_time_is_read_again(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    _write(a, [("cat", [1, 2, 3]), ("dog", [4, 5, 6])])
    _write(b, [("cat", [9, 9, 9]), ("dog", [4, 5, 6])])
    _same_times(a, b)
    assert a.stat().st_size == b.stat().st_size
    assert list(embviz.load(a).vector("cat")) == [1, 2, 3]
    assert embviz.load(a).source.details["cached"]
    # cp b a.tmp; mv a.tmp a; touch -r b a: a new inode, the same size and time
    shutil.copyfile(b, tmp_path / "a.tmp")
    os.replace(tmp_path / "a.tmp", a)
    _same_times(b, a)
    got = embviz.load(a)
    assert list(got.vector("cat")) == [9, 9, 9] and not got.source.details["cached"]


def test_a_file_rewritten_in_place_with_its_old_time_is_read_again(tmp_path):
    a = tmp_path / "a.txt"
    _write(a, [("cat", [1, 2, 3]), ("dog", [4, 5, 6])])
    before = os.stat(a)
    embviz.load(a)
    with open(a, "r+b") as f:  # the same inode: only the content and ctime change
        f.write(b"cat 7 7 7\n")
    os.utime(a, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(a).st_size == before.st_size
    assert list(embviz.load(a).vector("cat")) == [7, 7, 7]


def test_identity_samples_the_content(tmp_path, monkeypatch):
    """Same inode, size and times (ctime pinned here) but another middle block: another key."""
    a = tmp_path / "a.txt"
    a.write_bytes(b"x" * 300_000)
    key = _cache.cache_key(a, "glove", {})
    real_stat = os.stat(a)
    with open(a, "r+b") as f:
        f.seek(150_000)
        f.write(b"y")

    class Pinned:
        def __getattr__(self, name):
            return getattr(real_stat, name)

    monkeypatch.setattr(type(a), "stat", lambda self, **kw: Pinned())
    assert _cache.cache_key(a, "glove", {}) != key
    a.write_bytes(b"x" * 300_000)
    assert _cache.cache_key(a, "glove", {}) == key


def _only_entry(suffix):
    (meta,) = [p for p in _cache.cache_dir().glob("*.json") if p.name.count(".") == 1]
    return meta.with_name(meta.name[: -len(".json")] + suffix)


@pytest.mark.parametrize("damage", ["empty npy", "short npy", "empty norms", "garbage entry"])
def test_a_damaged_entry_is_ignored_reported_once_and_rebuilt(tmp_path, damage):
    a = tmp_path / "a.txt"
    _write(a, [(f"w{i}", [i, 1, 2]) for i in range(50)])
    embviz.load(a)
    if damage == "empty npy":
        _only_entry(".npy").write_bytes(b"")
    elif damage == "short npy":
        p = _only_entry(".npy")
        p.write_bytes(p.read_bytes()[:200])
    elif damage == "empty norms":
        _only_entry(".norms.npy").write_bytes(b"")
    else:
        _only_entry(".json").write_text("{]")
    got = embviz.load(a)
    assert got.words[49] == "w49" and list(got.vector("w49")) == [49, 1, 2]
    assert "damaged entry" in got.source.details["cache_problem"]
    again = embviz.load(a)
    assert again.source.details["cached"] and "cache_problem" not in again.source.details


def test_an_unusable_cache_directory_is_passed_over(tmp_path, monkeypatch):
    # A name too long for the file system fails every access, even for root.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ("x" * 300)))
    a = tmp_path / "a.txt"
    _write(a, [("cat", [1, 2, 3]), ("dog", [4, 5, 6])])
    first = embviz.load(a)
    assert list(first.vector("dog")) == [4, 5, 6]
    assert "cannot be used" in first.source.details["cache_problem"]
    second = embviz.load(a)  # reported once per process
    assert list(second.vector("dog")) == [4, 5, 6]
    assert "cache_problem" not in second.source.details


UNREADABLE_CHILD = r"""
import json, os, sys
import embviz
from embviz.core.formats import _cache
embviz.load(sys.argv[1])  # fills the cache
d = _cache.cache_dir()
d.chmod(0)
try:
    got = embviz.load(sys.argv[1])
    again = embviz.load(sys.argv[1])
finally:
    d.chmod(0o755)
print(json.dumps([got.vector("cat").tolist(), got.source.details, again.source.details]))
"""


def test_an_unreadable_cache_directory_is_passed_over():
    """chmod 0 on the cache directory; as root, the child runs as nobody (root reads anything)."""
    prefix = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root reads any directory, and setpriv is missing")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    d = Path(tempfile.mkdtemp(prefix="embviz-unreadable-"))
    try:
        d.chmod(0o777)  # the unprivileged child writes its cache here
        a = d / "a.txt"
        _write(a, [("cat", [1, 2, 3]), ("dog", [4, 5, 6])])
        env = {**os.environ, "XDG_CACHE_HOME": str(d / "cache"), "HOME": str(d)}
        r = subprocess.run([*prefix, sys.executable, "-c", UNREADABLE_CHILD, str(a)], env=env,
                           capture_output=True, text=True, timeout=120, cwd=d)  # fmt: skip
        assert r.returncode == 0, r.stderr[-2000:]
        vec, details, again = json.loads(r.stdout)
        assert vec == [1, 2, 3] and not details["cached"]
        assert "cannot be used (Permission denied)" in details["cache_problem"]
        assert "cache_problem" not in again  # reported once
    finally:
        shutil.rmtree(d, ignore_errors=True)


def test_orphaned_temporary_files_are_swept_and_counted(tmp_path):
    d = _cache.cache_dir()
    d.mkdir(parents=True)
    orphan = d / ".0123456789abcdef.abcd.tmp"
    orphan.write_bytes(b"\0" * 100_000)
    old = time.time() - 2 * _cache.ORPHAN_SECONDS
    os.utime(orphan, (old, old))
    young = d / ".fedcba9876543210.x.tmp"  # a load that is writing right now
    young.write_bytes(b"\0" * 10)
    a = tmp_path / "a.txt"
    _write(a, [("cat", [1, 2, 3])])
    embviz.load(a)  # a new entry: eviction runs
    assert not orphan.exists() and young.exists()
    # a temporary file locked by a live writer is kept, however old, and counts
    writer = _cache.CacheWriter("k" * 32, 3)
    try:
        writer.add(np.ones((10, 3), np.float32))
        (tmp,) = [p for p in d.iterdir() if p.name.startswith(".kkkk")]
        os.utime(tmp, (old, old))
        os.utime(young, (old, old))
        removed = _cache._evict(keep="none", limit=0)
        assert tmp.exists() and not young.exists()
        assert removed["orphans"] == 1 and removed["orphan_bytes"] == 10
        assert removed["entries"] == 1  # the limit counted the writer's file, then evicted
    finally:
        writer.abort()


def test_cached_norms_and_streamed_cosines_match_the_unit_copy(tmp_path, monkeypatch):
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(3000)]
    vecs = rng.standard_normal((3000, 20)).astype(np.float32)
    vecs[7] = 0  # a zero row stays zero
    path = tmp_path / "v.txt"
    save(Embeddings(words, vecs), path, format="glove")
    embviz.load(path)
    hit = embviz.load(path)
    assert hit.source.details["cached"]
    assert "norms" in hit.__dict__  # from the cache, not computed
    assert np.array_equal(hit.norms, np.linalg.norm(np.asarray(hit.vectors), axis=1))
    whole = Embeddings(words, np.asarray(hit.vectors).copy())
    monkeypatch.setattr(embeddings_module, "UNIT_COPY_BYTES", 1000)
    monkeypatch.setattr(embeddings_module, "BLOCK_ROWS", 700)
    whole.unit  # noqa: B018 - materialised: this one uses the copy
    assert hit._streams() and not whole._streams()
    assert hit.neighbors("w5", k=10) == whole.neighbors("w5", k=10)
    for method in ("3cosadd", "3cosmul"):
        a = query(hit, "w1 - w2 + w3", k=10, method=method, expected="w9")
        b = query(whole, "w1 - w2 + w3", k=10, method=method, expected="w9")
        assert a.results == b.results and a.expected == b.expected
    assert np.allclose(hit.cosines(whole.unit[3]), whole.unit @ whole.unit[3], atol=1e-6)
    assert "unit" not in hit.__dict__  # no normalised copy was made


def test_the_cli_notes_a_damaged_entry_and_goes_on(tmp_path, capsys):
    from embviz.cli import main

    a = tmp_path / "a.txt"
    _write(a, [("cat", [1, 2, 3]), ("dog", [4, 5, 6])])
    assert main(["neighbors", str(a), "cat", "-k", "1"]) == 0
    _only_entry(".npy").write_bytes(b"")  # as a killed or full-disk write can leave it
    capsys.readouterr()
    assert main(["neighbors", str(a), "cat", "-k", "1"]) == 0
    out, err = capsys.readouterr()
    assert "dog" in out
    assert err.startswith("embviz: note: a damaged entry in the cache") and err.count("\n") == 1
