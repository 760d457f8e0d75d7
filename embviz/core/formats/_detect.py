"""Guess a vector file's format from its first bytes, not its name."""

from __future__ import annotations

from pathlib import Path

from embviz.core.errors import LoadError

_NPY_MAGIC = b"\x93NUMPY"


def detect_format(path: Path) -> str:
    """Return the format name of the file at ``path``.

    Raises
    ------
    LoadError
        If the file is empty or clearly not a vector file.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError as e:
        raise LoadError(path, f"cannot be read: {e.strerror or e}") from None
    if not head:
        raise LoadError(path, "the file is empty", line=1)
    if head.startswith(_NPY_MAGIC):
        return "npy"
    first = head.split(b"\n", 1)[0].strip().split()
    if len(first) == 2 and all(tok.isdigit() for tok in first):
        return "word2vec"
    return "glove"
