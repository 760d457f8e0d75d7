"""word2vec binary: a ``count dim`` text header, then per word ``WORD `` + dim float32.

The original C tool writes a newline after each vector; gensim does not. Both
are read, as gensim reads them: newlines before a word are skipped. The file
is streamed in blocks so memory stays small and the load can be cancelled.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from embviz.core.errors import LoadError
from embviz.core.formats._errors import InvalidUtf8Error
from embviz.core.formats._open import open_reader
from embviz.core.formats._text import parse_header
from embviz.core.progress import NULL_PROGRESS, Progress

BLOCK_BYTES = 4 << 20
_MAX_WORD = 1 << 16  # a "word" longer than this means the file is not what it claims


class BinaryReader:
    """Stream a word2vec binary file block by block.

    Attributes
    ----------
    count, dim
        From the header.
    newlines
        Whether vectors are followed by a newline (word2vec.c) or not (gensim).
    """

    def __init__(self, path: Path, *, limit: int | None = None, unicode_errors: str = "strict",
                 progress: Progress = NULL_PROGRESS):  # fmt: skip
        self.path = path
        self.limit = limit
        self.unicode_errors = unicode_errors
        self.progress = progress
        self.count: int | None = None
        self.dim: int | None = None
        self.newlines: bool | None = None

    def blocks(self) -> Iterator[tuple[list[str], np.ndarray]]:
        """Yield ``(words, float32 matrix)`` per block, in file order."""
        path = self.path
        with open_reader(path) as r:
            buf = r.read(BLOCK_BYTES)
            end = buf.find(b"\n")
            if not buf.strip():
                raise LoadError(path, "the file is empty", line=1)
            if end < 0 or end > 100:
                raise LoadError(path, "no 'count dim' header line", line=1)
            self.count, self.dim = parse_header(path, buf[:end])
            pos = end + 1
            nbytes = self.dim * 4
            want = self.count if self.limit is None else min(self.limit, self.count)
            done = 0
            eof = False
            while done < want:
                raws: list[bytes] = []
                chunks: list[bytes] = []
                n = len(buf)
                room = want - done
                find = buf.find
                start = pos
                # The hot loop: one record per iteration, as little work as possible.
                while len(raws) < room:
                    while pos < n and buf[pos] == 0x0A:  # gensim strips newlines before words
                        pos += 1
                    sp = find(b" ", pos, pos + _MAX_WORD)
                    end = sp + 1 + nbytes
                    if sp < 0 or end > n:
                        if sp < 0 and n - pos >= _MAX_WORD:
                            raise self._damaged(done + len(raws), "no space after a word")
                        break
                    raws.append(buf[pos:sp])
                    chunks.append(buf[sp + 1 : end])
                    pos = end
                if raws:
                    if self.newlines is None:
                        p0 = start
                        while buf[p0] == 0x0A:
                            p0 += 1
                        e0 = buf.find(b" ", p0) + 1 + nbytes
                        self.newlines = buf[e0 : e0 + 1] == b"\n"
                    words = self._decode(raws, done)
                    values = np.frombuffer(b"".join(chunks), dtype="<f4").reshape(len(raws), -1)
                    done += len(raws)
                    yield words, values.astype(np.float32)
                    self.progress.report(r.fraction(), f"reading {path.name}: {done:,} words")
                if done >= want:
                    break
                if eof:
                    raise self._damaged(done, "the file ends early (truncated?)")
                block = r.read(BLOCK_BYTES)
                eof = not block
                buf = buf[pos:] + block
                pos = 0
        if done == 0:
            raise LoadError(path, "the header says 0 vectors: the file has no vectors", line=1)

    def _decode(self, raws: list[bytes], first: int) -> list[str]:
        # Words cannot hold a space (it ends them), so one decode of the
        # space-joined block splits back into exactly the same words.
        joined = b" ".join(raws)
        try:
            return joined.decode("utf-8", errors=self.unicode_errors).split(" ")
        except UnicodeDecodeError as e:
            index = first + joined[: e.start].count(b" ") + 1
            raise InvalidUtf8Error(
                self.path, f"word {index} (byte 0x{joined[e.start]:02x})"
            ) from None

    def _damaged(self, index: int, what: str) -> LoadError:
        return LoadError(
            self.path,
            f"{what}: the header says {self.count} vectors of {self.dim} dims "
            f"but only {index} could be read",
        )


def write_binary(path: Path, words, vectors: np.ndarray, *, newlines: bool = True) -> None:
    """Write word2vec binary (with a newline after each vector, as word2vec.c does)."""
    vectors = np.ascontiguousarray(vectors, dtype="<f4")
    for w in words:
        if " " in w or not w or w.startswith("\n"):
            raise LoadError(path, f"word {w[:40]!r} cannot be stored in word2vec binary "
                                  "(empty, or contains a space, or starts with a newline)")  # fmt: skip
    end = b"\n" if newlines else b""
    with open(path, "wb") as f:
        f.write(f"{len(words)} {vectors.shape[1]}\n".encode())
        for w, v in zip(words, vectors, strict=True):
            f.write(w.encode("utf-8") + b" " + v.tobytes() + end)
