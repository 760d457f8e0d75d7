"""A ``.npy`` matrix with its vocabulary beside it (one token per line)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from embviz.core.errors import LoadError

VOCAB_SUFFIXES = (".vocab.txt", ".vocab", ".txt")


def find_vocab(path: Path) -> Path | None:
    """Return the vocabulary file beside ``path`` (``X.vocab.txt`` for ``X.npy``)."""
    stem = path.with_suffix("")
    for suffix in VOCAB_SUFFIXES:
        cand = stem.with_name(stem.name + suffix)
        if cand.exists():
            return cand
    cand = path.parent / "vocab.txt"
    return cand if cand.exists() else None


def read_npy(path: Path, *, limit: int | None = None, vocab: Path | None = None):
    """Read a matrix and its vocabulary; pickled (object) arrays are refused.

    Returns
    -------
    tuple of (list of str, numpy.ndarray)
    """
    try:
        matrix = np.load(path, mmap_mode="r", allow_pickle=False)
    except ValueError as e:
        # numpy raises ValueError for object arrays when pickles are off.
        raise LoadError(path, f"not a plain numeric .npy matrix ({e})") from None
    except OSError as e:
        raise LoadError(path, f"cannot be read as .npy: {e}") from None
    if matrix.ndim != 2:
        raise LoadError(path, f"expected a 2-D matrix, found shape {matrix.shape}")
    if not np.issubdtype(matrix.dtype, np.number):
        raise LoadError(path, f"expected numbers, found dtype {matrix.dtype}")
    vocab = vocab or find_vocab(path)
    if vocab is None:
        raise LoadError(path, "no vocabulary file beside it (expected NAME.vocab.txt or vocab.txt)")
    try:
        words = vocab.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as e:
        line = vocab.read_bytes()[: e.start].count(b"\n") + 1
        raise LoadError(vocab, f"invalid UTF-8: {e.reason}", line=line) from None
    if len(words) != matrix.shape[0]:
        raise LoadError(vocab, f"has {len(words)} words but {path.name} has {matrix.shape[0]} rows")
    n = matrix.shape[0] if limit is None else min(limit, matrix.shape[0])
    return words[:n], np.asarray(matrix[:n], dtype=np.float32)
