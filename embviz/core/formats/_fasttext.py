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
from embviz.core.i18n import QT_TRANSLATE_NOOP, translate
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

    # the parts ``take`` and ``skip`` name, translated where a message shows them
    PARTS = (QT_TRANSLATE_NOOP("Errors", "the dictionary"), QT_TRANSLATE_NOOP("Errors", "the header"),
             QT_TRANSLATE_NOOP("Errors", "the matrix header"))  # fmt: skip

    def take(self, n: int, what: str) -> bytes:
        if not self._fill(n):
            raise LoadError(self.path, translate("Errors", "not a readable fastText .bin: the file "
                                       "ends inside {what} (truncated?)").format(
                                           what=translate("Errors", what)))  # fmt: skip
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
            raise LoadError(self.path, translate("Errors", "not a readable fastText .bin: the file "
                                       "ends inside {what} (truncated?)").format(
                                           what=translate("Errors", what)))  # fmt: skip
        self.f.seek(self.at)

    def entry(self, index: int, total: int) -> bytes:
        """Read one dictionary entry: a NUL-terminated word, its count (int64), its type (int8)."""
        while True:
            end = self.buf.find(b"\0", self.i, self.i + _MAX_WORD)
            if end >= 0 and end + 10 <= len(self.buf):
                word = self.buf[self.i : end]
                self.i = end + 10
                return word
            if end >= 0:
                word = self.buf[self.i : end]
                self.i = end + 1
                self.take(9, f"the count of word {index + 1:,}")
                return word
            if len(self.buf) - self.i >= _MAX_WORD:
                raise LoadError(self.path, translate("Errors", "not a readable fastText .bin: word "
                                           "{index:,} of {total:,} has no end within {mb} MB").format(
                                               index=index + 1, total=total, mb=_MAX_WORD >> 20))  # fmt: skip
            if not self._fill(len(self.buf) - self.i + 1):
                raise LoadError(self.path, translate("Errors", "not a readable fastText .bin: the file "
                                           "ends inside word {index:,} of {total:,} (truncated?)"
                                           ).format(index=index + 1, total=total))  # fmt: skip


def check_fasttext(path: Path, progress: Progress, *, check_memory: bool = True) -> dict:
    """Walk the file's layout; raise :class:`LoadError` where it does not hold.

    Returns
    -------
    dict
        ``words`` (their bytes, in file order), ``dim``, ``minn``, ``maxn``,
        ``bucket``, ``rows`` of the input matrix and ``offset``, where its
        float32 data starts.
    """
    size = path.stat().st_size
    with open(path, "rb") as f:
        s = _Stream(path, f, size, progress)
        magic, version = struct.unpack("<2i", s.take(8, "the header"))
        new = magic == MAGIC
        if new:
            args = _ARGS.unpack(s.take(_ARGS.size, "the header"))
        else:  # before the magic number: the header starts with dim and ws
            args = (
                magic,
                version,
                *_ARGS.unpack(bytes(8) + s.take(_ARGS.size - 8, "the header"))[2:],
            )
        dim, bucket, minn, maxn = args[0], args[8], args[9], args[10]
        if not 1 <= dim <= 100_000:
            raise LoadError(
                path,
                translate(
                    "Errors", "not a readable fastText .bin: the header says {dim} dims"
                ).format(dim=dim),
            )
        n_all, nwords, nlabels = struct.unpack("<3i", s.take(12, "the dictionary"))
        s.take(8, "the dictionary")  # ntokens
        prune = struct.unpack("<q", s.take(8, "the dictionary"))[0] if new else 0
        if nlabels > 0:
            raise LoadError(path, translate("Errors", "is a supervised fastText model (a classifier "
                                  "with labels); only word-vector models can be read"))  # fmt: skip
        # Every entry takes at least 10 bytes: an empty word's NUL, a count and a type.
        if not 0 <= nwords <= n_all or n_all * 10 > size:
            raise LoadError(path, translate("Errors", "not a readable fastText .bin: the dictionary "
                                  "claims {entries:,} entries ({words:,} words) in a file of "
                                  "{size:,} bytes").format(entries=n_all, words=nwords, size=size))  # fmt: skip
        words = [s.entry(i, n_all) for i in range(n_all)]
        if prune > 0:
            s.skip(8 * prune, "the dictionary")
        if new and s.take(1, "the matrix header") != b"\0":
            raise LoadError(path, translate("Errors", "is a quantized fastText model (.ftz), which "
                                  "gensim cannot read; use the full .bin"))  # fmt: skip
        rows, cols = struct.unpack("<2q", s.take(16, "the matrix header"))
        if cols != dim or rows != nwords + max(bucket, 0):
            raise LoadError(path, translate("Errors", "not a readable fastText .bin: a {rows} × "
                                  "{cols} matrix for {words:,} words of {dim} dims").format(
                                      rows=rows, cols=cols, words=nwords, dim=dim))  # fmt: skip
        offset = s.pos
        if offset + rows * cols * 4 > size:
            raise LoadError(path, translate("Errors", "not a readable fastText .bin: its {rows:,} × "
                                  "{cols} matrix does not fit in the file (truncated?)").format(
                                      rows=rows, cols=cols))  # fmt: skip
    if check_memory:
        from embviz.core.formats._memory import check_bytes

        # The input matrix (words' rows and n-gram rows) and the words' vectors.
        check_bytes(path, (rows + nwords) * dim * 4 + nwords * 150,
                    translate("Errors", "this fastText model"))  # fmt: skip
    return {"words": words, "dim": dim, "minn": minn, "maxn": maxn, "bucket": max(bucket, 0),
            "rows": rows, "offset": offset}  # fmt: skip


def read_fasttext(path: Path, progress: Progress, *, check_memory: bool = True):
    """The words of a fastText ``.bin`` and their vectors, exactly as gensim computes them.

    A word's vector is its own row plus the rows of its character n-grams,
    divided by their number + 1, summed in float32 in gensim's order
    (``FastTextKeyedVectors.adjust_vectors``); the n-gram hashes are gensim's
    ``ft_ngram_hashes``. Done here, in chunks of words, so that the load can
    be cancelled and memory holds the input matrix and the result only
    (gensim keeps three copies).

    Returns
    -------
    tuple of (list of str, numpy.ndarray, dict)
    """
    import numpy as np

    from embviz.core.formats._npy import _Array, read_matrix

    info = check_fasttext(path, progress, check_memory=check_memory)
    words = []
    for raw in info["words"]:
        try:
            words.append(raw.decode("utf-8"))
        except UnicodeDecodeError:  # as gensim: keep the bytes visible
            words.append(raw.decode("utf-8", errors="backslashreplace"))
    if len(set(words)) != len(words):
        raise LoadError(
            path, translate("Errors", "not a readable fastText .bin: its dictionary repeats a word")
        )
    nwords, dim, bucket = len(words), info["dim"], info["bucket"]
    with open(path, "rb") as f:
        f.seek(info["offset"])
        m = read_matrix(path, f, _Array((info["rows"], dim), False, np.dtype("<f4")), None,
                        progress, "the input matrix")  # fmt: skip
    if bucket == 0:
        return words, m[:nwords].copy(), {"oov": "none (the model has no n-grams)"}
    # Imported only now: importing gensim (~1 s, once per process) cannot be cancelled.
    from gensim.models.fasttext import ft_ngram_hashes

    out = np.empty((nwords, dim), dtype=np.float32)
    step = 2000
    for start in range(0, nwords, step):
        chunk = words[start : start + step]
        hashes = [ft_ngram_hashes(w, info["minn"], info["maxn"], bucket) for w in chunk]
        sizes = np.array([len(h) for h in hashes], dtype=np.int64)
        table = np.zeros((len(chunk), int(sizes.max(initial=0))), dtype=np.int64)
        for i, h in enumerate(hashes):
            table[i, : len(h)] = h
        # gensim's loop, one n-gram position at a time for all the chunk's words:
        # the same float32 additions in the same order, so the same bits.
        acc = m[start : start + len(chunk)].copy()
        for k in range(table.shape[1]):
            has = sizes > k
            acc[has] += m[nwords + table[has, k]]
        acc /= (sizes + 1)[:, None].astype(np.float32)
        out[start : start + len(chunk)] = acc
        progress.report(start / nwords, f"reading {path.name}: {start:,} words")
    oov = "available via embviz.core.formats.load_fasttext(path)[word]"
    return words, out, {"oov": oov}
