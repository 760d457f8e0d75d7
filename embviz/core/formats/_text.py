"""word2vec text (``count dim`` header) and GloVe text (no header).

Lines are split on single spaces exactly as gensim does, and values are parsed
as float64 then rounded to float32 (gensim's ``np.float32(str)`` does the
same), so results equal gensim's bit for bit.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from embviz.core.errors import LoadError
from embviz.core.progress import Progress

_REPORT_EVERY = 20_000


def read_text(path: Path, *, header: bool, limit: int | None, progress: Progress):
    """Read a text vector file.

    Returns
    -------
    tuple of (list of str, numpy.ndarray)
    """
    with open(path, "rb") as f:
        data = f.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    start = 0
    count = None
    dim = None
    if header:
        if not lines:
            raise LoadError(path, "the file is empty", line=1)
        try:
            count, dim = (int(x) for x in lines[0].split())
        except ValueError:
            raise LoadError(path, "the header must be two numbers: count dim", line=1) from None
        start = 1
    total = len(lines) - start
    if count is not None and count != total:
        raise LoadError(path, f"the header says {count} vectors but the file has {total}", line=1)
    if total == 0:
        raise LoadError(path, "the file has no vectors", line=start + 1)
    n = total if limit is None else min(limit, total)
    words: list[str] = []
    values: list[bytes] = []
    for i in range(n):
        lineno = start + i + 1
        raw = lines[start + i].rstrip()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise LoadError(path, f"invalid UTF-8 at byte {e.start}", line=lineno) from None
        parts = text.split(" ")
        if dim is None:
            dim = len(parts) - 1
            if dim < 1:
                raise LoadError(path, "a line needs a word followed by numbers", line=lineno)
        if len(parts) != dim + 1:
            raise LoadError(
                path, f"expected a word and {dim} numbers, found {len(parts) - 1}", line=lineno
            )
        words.append(parts[0])
        values.extend(parts[1:])
        if i % _REPORT_EVERY == 0:
            progress.report(i / n, f"reading {path.name}")
    try:
        matrix = np.array(values, dtype=np.float64)
    except ValueError:
        for i in range(n):
            for tok in lines[start + i].rstrip().split(b" ")[1:]:
                try:
                    float(tok)
                except ValueError:
                    raise LoadError(
                        path, f"not a number: {tok[:40]!r}", line=start + i + 1
                    ) from None
        raise
    progress.report(1.0, f"read {path.name}")
    return words, matrix.astype(np.float32).reshape(n, dim)


def write_text(path: Path, words, vectors: np.ndarray, *, header: bool = True) -> None:
    """Write vectors as word2vec text (``header=True``) or GloVe text."""
    vectors = np.asarray(vectors, dtype=np.float32)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        if header:
            f.write(f"{len(words)} {vectors.shape[1]}\n")
        for w, v in zip(words, vectors, strict=True):
            f.write(w + " " + " ".join(repr(float(x)) for x in v) + "\n")
