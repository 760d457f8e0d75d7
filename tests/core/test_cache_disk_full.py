"""A disk that fills up while the cache is written: the load still returns every row."""

from __future__ import annotations

import errno
import os

import numpy as np
import pytest

import embviz
from embviz.core.embeddings import Embeddings
from embviz.core.formats import _binary, _cache, save


class _FillingFile:
    """A file object whose writes fail (ENOSPC) once ``budget`` writes have been made."""

    def __init__(self, f, budget: list[int]):
        self._f, self._budget = f, budget

    def write(self, data):
        if self._budget[0] <= 0:
            self._f.write(data[: len(data) // 3])  # a partial write, as a full disk leaves
            raise OSError(errno.ENOSPC, "No space left on device")
        self._budget[0] -= 1
        return self._f.write(data)

    def __getattr__(self, name):
        return getattr(self._f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()


@pytest.fixture
def vectors_file(tmp_path, monkeypatch):
    rng = np.random.default_rng(3)
    emb = Embeddings([f"w{i}" for i in range(3000)], rng.standard_normal((3000, 16)).astype("f4"))
    path = tmp_path / "v.bin"
    save(emb, path, format="word2vec-binary")
    monkeypatch.setattr(_binary, "BLOCK_BYTES", 16 << 10)  # ~200 rows a block: many blocks
    return path, emb


# writes allowed before the disk is full: the header only, a few blocks, all
# the rows but not the words file
@pytest.mark.parametrize("budget", [1, 2, 5, 14, 15])
def test_a_full_disk_while_caching_keeps_every_row(vectors_file, monkeypatch, budget):
    path, emb = vectors_file
    left = [budget]
    real = os.fdopen
    monkeypatch.setattr(_cache.os, "fdopen", lambda *a, **k: _FillingFile(real(*a, **k), left))
    got = embviz.load(path)
    assert got.words == emb.words
    assert np.array_equal(np.asarray(got.vectors), emb.vectors)
    assert not got.source.details.get("cached")
    # no half-written entry is left behind, and the next open reads the file again
    leftovers = list(_cache.cache_dir().iterdir())
    assert leftovers == [], leftovers
    monkeypatch.setattr(_cache.os, "fdopen", real)
    again = embviz.load(path)
    assert again.words == emb.words and not again.source.details.get("cached")
    assert embviz.load(path).source.details.get("cached")  # now it was cached
