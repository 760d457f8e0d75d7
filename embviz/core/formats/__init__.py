"""Reading (and writing) vector files.

:func:`load` detects the format from the file's content and dispatches to one
reader per format. Every reader raises :class:`~embviz.core.errors.LoadError`
naming the file, the line and what was wrong.
"""

from __future__ import annotations

import time
from os import PathLike
from pathlib import Path

from embviz.core.embeddings import Embeddings, Source
from embviz.core.errors import LoadError
from embviz.core.formats._detect import detect_format
from embviz.core.formats._npy import read_npy
from embviz.core.formats._text import read_text
from embviz.core.progress import NULL_PROGRESS, Progress

FORMATS = ("word2vec", "glove", "npy")
"""Format names :func:`load` accepts."""

__all__ = ["FORMATS", "detect_format", "load"]


def load(
    path: str | PathLike,
    *,
    format: str | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
) -> Embeddings:
    """Load a vector file.

    Parameters
    ----------
    path
        The file to read. It is never modified.
    format
        One of :data:`FORMATS`; detected from the content when ``None``.
    limit
        Read only the first ``limit`` vectors (files are usually ordered by
        frequency, so this keeps the most common words).
    progress
        Receives progress reports and may cancel the load.

    Returns
    -------
    Embeddings
        With ``source`` saying the path, the format and the load time.
    """
    progress = progress or NULL_PROGRESS
    p = Path(path)
    if not p.exists():
        raise LoadError(p, "no such file")
    if p.is_dir():
        raise LoadError(p, "is a directory, not a vector file")
    if limit is not None and limit < 1:
        raise LoadError(p, f"limit must be at least 1, got {limit}")
    t0 = time.perf_counter()
    fmt = format or detect_format(p)
    if fmt in ("word2vec", "glove"):
        words, vectors = read_text(p, header=(fmt == "word2vec"), limit=limit, progress=progress)
    elif fmt == "npy":
        words, vectors = read_npy(p, limit=limit)
    else:
        raise LoadError(p, f"unknown format {fmt!r}; known formats: {', '.join(FORMATS)}")
    seconds = time.perf_counter() - t0
    return Embeddings(words, vectors, source=Source(path=str(p), format=fmt, seconds=seconds))
