"""Check a fastText ``.bin`` before gensim reads it.

gensim's reader trusts the file: a word without its terminating NUL byte makes
it read empty bytes forever at the end of the file, and the matrix sizes in the
file decide what it allocates. This walks the same layout (fastText's
``Args::save``, ``Dictionary::save`` and ``Matrix::save``, as gensim's
``_fasttext_bin`` reads them) in chunks, checking each count against the
bytes that are really there, so a damaged file fails fast with a message and
the walk can be cancelled.
"""

from __future__ import annotations

import struct
from pathlib import Path

from embviz.core.errors import LoadError
from embviz.core.progress import Progress

MAGIC = 793712314
_ARGS = struct.Struct("<12id")  # dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket,
# minn, maxn, lrUpdateRate; then t
_MAX_WORD = 1 << 20
_CHUNK = 1 << 20  # ~100,000 words: checked for cancel well within a second


class _Stream:
    """Chunked reads with a position, a cancel check per chunk and truncation errors."""

    def __init__(self, path: Path, f, size: int, progress: Progress):
        self.path, self.f, self.size, self.progress = path, f, size, progress
        self.buf = b""
        self.at = 0  # position of buf[0] in the file
        self.i = 0  # position in buf

    @property
    def pos(self) -> int:
        return self.at + self.i

    def _fill(self, need: int) -> bool:
        while len(self.buf) - self.i < need:
            more = self.f.read(_CHUNK)
            self.progress.report(min(1.0, self.pos / self.size) if self.size else None,
                                 f"checking {self.path.name}")  # fmt: skip
            if not more:
                return False
            self.at += self.i
            self.buf = self.buf[self.i :] + more
            self.i = 0
        return True

    def take(self, n: int, what: str) -> bytes:
        if not self._fill(n):
            raise LoadError(self.path, f"not a readable fastText .bin: the file ends inside "
                                       f"{what} (truncated?)")  # fmt: skip
        out = self.buf[self.i : self.i + n]
        self.i += n
        return out

    def skip(self, n: int, what: str) -> None:
        if len(self.buf) - self.i >= n:
            self.i += n
            return
        n -= len(self.buf) - self.i
        self.at, self.buf, self.i = self.pos + len(self.buf) - self.i + n, b"", 0
        if self.at > self.size:
            raise LoadError(self.path, f"not a readable fastText .bin: the file ends inside "
                                       f"{what} (truncated?)")  # fmt: skip
        self.f.seek(self.at)

    def entry(self, index: int, total: int) -> None:
        """Skip one dictionary entry: a NUL-terminated word, its count (int64), its type (int8)."""
        while True:
            end = self.buf.find(b"\0", self.i, self.i + _MAX_WORD)
            if end >= 0 and end + 10 <= len(self.buf):
                self.i = end + 10
                return
            if end >= 0:
                self.i = end + 1
                self.take(9, f"the count of word {index + 1:,}")
                return
            if len(self.buf) - self.i >= _MAX_WORD:
                raise LoadError(self.path, f"not a readable fastText .bin: word {index + 1:,} of "
                                           f"{total:,} has no end within {_MAX_WORD >> 20} MB")  # fmt: skip
            if not self._fill(len(self.buf) - self.i + 1):
                raise LoadError(self.path, f"not a readable fastText .bin: the file ends inside "
                                           f"word {index + 1:,} of {total:,} (truncated?)")  # fmt: skip


def check_fasttext(path: Path, progress: Progress, *, check_memory: bool = True) -> dict:
    """Walk the file's layout; raise :class:`LoadError` where it does not hold.

    Returns
    -------
    dict
        ``words``, ``dim`` and ``buckets`` (n-gram rows), for ``info``.
    """
    size = path.stat().st_size
    with open(path, "rb") as f:
        s = _Stream(path, f, size, progress)
        magic, _version = struct.unpack("<2i", s.take(8, "the header"))
        new = magic == MAGIC
        if new:
            args = _ARGS.unpack(s.take(_ARGS.size, "the header"))
            dim = args[0]
        else:  # before the magic number: the header starts with dim and ws
            dim = magic
            s.take(_ARGS.size - 8, "the header")
        if not 1 <= dim <= 100_000:
            raise LoadError(path, f"not a readable fastText .bin: the header says {dim} dims")
        n_all, nwords, nlabels = struct.unpack("<3i", s.take(12, "the dictionary"))
        s.take(8, "the dictionary")  # ntokens
        prune = struct.unpack("<q", s.take(8, "the dictionary"))[0] if new else 0
        if nlabels > 0:
            raise LoadError(path, "is a supervised fastText model (a classifier with labels); "
                                  "only word-vector models can be read")  # fmt: skip
        # Every entry takes at least 10 bytes: an empty word's NUL, a count and a type.
        if not 0 <= nwords <= n_all or n_all * 10 > size:
            raise LoadError(path, f"not a readable fastText .bin: the dictionary claims {n_all:,} "
                                  f"entries ({nwords:,} words) in a file of {size:,} bytes")  # fmt: skip
        for i in range(n_all):
            s.entry(i, n_all)
        if prune > 0:
            s.skip(8 * prune, "the dictionary")
        if new and s.take(1, "the matrix header") != b"\0":
            raise LoadError(path, "is a quantized fastText model (.ftz), which gensim cannot "
                                  "read; use the full .bin")  # fmt: skip
        rows, cols = struct.unpack("<2q", s.take(16, "the matrix header"))
        if cols != dim or rows < nwords:
            raise LoadError(path, f"not a readable fastText .bin: a {rows} × {cols} matrix for "
                                  f"{nwords:,} words of {dim} dims")  # fmt: skip
        if s.pos + rows * cols * 4 > size:
            raise LoadError(path, f"not a readable fastText .bin: its {rows:,} × {cols} matrix "
                                  "does not fit in the file (truncated?)")  # fmt: skip
    if check_memory:
        from embviz.core.formats._memory import check_bytes

        # gensim holds the n-gram matrix, the words' own rows and the adjusted
        # vectors, plus a dictionary entry per word.
        check_bytes(path, (rows + 2 * nwords) * dim * 4 + nwords * 300, "this fastText model")
    return {"words": nwords, "dim": dim, "buckets": rows - nwords}
