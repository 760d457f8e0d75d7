"""word2vec binary: a ``count dim`` text header, then per word ``WORD `` + dim float32.

The original C tool writes a newline after each vector; gensim does not. Both
are read, as gensim reads them: newlines before a word are skipped. The file
is streamed in blocks so memory stays small and the load can be cancelled.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from embviz.core.errors import LoadError
from embviz.core.formats._errors import InvalidUtf8Error
from embviz.core.formats._open import open_reader
from embviz.core.formats._text import parse_header
from embviz.core.i18n import translate
from embviz.core.progress import NULL_PROGRESS, Progress

BLOCK_BYTES = 4 << 20
_MAX_WORD = 1 << 16
_LEADING_NEWLINES = re.compile(
    r"(?:^|(?<= ))\n+"
)  # a "word" longer than this means the file is not what it claims


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
        self._reader = None
        self.count: int | None = None
        self.dim: int | None = None
        self.newlines: bool | None = None

    def fraction(self) -> float:
        """How much of the file on disk has been read, in [0, 1]."""
        return self._reader.fraction() if self._reader is not None else 0.0

    def blocks(self) -> Iterator[tuple[list[str], np.ndarray]]:
        """Yield ``(words, float32 matrix)`` per block, in file order."""
        path = self.path
        with open_reader(path) as r:
            self._reader = r
            buf = r.read(BLOCK_BYTES)
            end = buf.find(b"\n")
            if not buf.strip():
                raise LoadError(path, translate("Errors", "the file is empty"), line=1)
            if end < 0 or end > 100:
                raise LoadError(path, translate("Errors", "no 'count dim' header line"), line=1)
            self.count, self.dim = parse_header(path, buf[:end])
            pos = end + 1
            nbytes = self.dim * 4
            want = self.count if self.limit is None else min(self.limit, self.count)
            done = 0
            eof = False
            while done < want:
                room = want - done
                fast = _scan_fast(buf, pos, room, nbytes)
                if fast is not None:
                    spaces, joined, pos = fast
                else:  # an overlong word: the careful scan finds and reports it
                    spaces, raws, pos = _scan(buf, pos, room, nbytes)
                    joined = b" ".join(raws)
                if (len(spaces) < room and len(buf) - pos >= _MAX_WORD
                        and buf.find(b" ", pos, pos + _MAX_WORD) < 0):  # fmt: skip
                    raise self._damaged(
                        done + len(spaces), translate("Errors", "no space after a word")
                    )
                if len(spaces):
                    if self.newlines is None:
                        e0 = spaces[0] + 1 + nbytes
                        self.newlines = buf[e0 : e0 + 1] == b"\n"
                    words = self._decode(joined, done)
                    # Gather every vector at once from a windowed view of the block.
                    windows = sliding_window_view(np.frombuffer(buf, np.uint8), nbytes)
                    values = windows[np.asarray(spaces) + 1].view("<f4")
                    done += len(words)
                    yield words, values.astype(np.float32)
                    self.progress.report(r.fraction(), f"reading {path.name}: {done:,} words")
                if done >= want:
                    break
                if eof:
                    raise self._damaged(
                        done, translate("Errors", "the file ends early (truncated?)")
                    )
                block = r.read(BLOCK_BYTES)
                self.progress.check()  # blocks holding no whole record report nothing
                eof = not block
                buf = buf[pos:] + block
                pos = 0
        if done == 0:
            raise LoadError(
                path,
                translate("Errors", "the header says 0 vectors: the file has no vectors"),
                line=1,
            )

    def _decode(self, joined: bytes, first: int) -> list[str]:
        # Words cannot hold a space (it ends them), so one decode of the
        # space-joined block splits back into exactly the same words.
        try:
            text = joined.decode("utf-8", errors=self.unicode_errors)
        except UnicodeDecodeError as e:
            index = first + joined[: e.start].count(b" ") + 1
            raise InvalidUtf8Error(
                self.path,
                translate("Errors", "word {index} (byte 0x{byte:02x})").format(
                    index=index, byte=joined[e.start]
                ),
            ) from None
        if text.startswith("\n") or " \n" in text:
            # Vectors followed by newlines: gensim strips them from the next word.
            # One newline per word is the common case and one C-level replace.
            text = text.lstrip("\n").replace(" \n", " ")
            if " \n" in text:
                text = _LEADING_NEWLINES.sub("", text)
        return text.split(" ")

    def _damaged(self, index: int, what: str) -> LoadError:
        return LoadError(
            self.path,
            translate(
                "Errors",
                "{what}: the header says {count} vectors of {dim} dims but only {index} could be read",
            ).format(what=what, count=self.count, dim=self.dim, index=index),
        )


def _scan_fast(buf: bytes, pos: int, room: int, nbytes: int):
    """Find up to ``room`` complete records from ``pos`` with numpy.

    A record's word ends at the first space at or after its start, and the
    next record starts ``1 + nbytes`` bytes after that space. So for every
    space in the block the space of the following record is one
    ``searchsorted`` away, and following that chain is a cheap loop over
    integers instead of a ``find`` per record. Same result as :func:`_scan`.

    Returns
    -------
    tuple or None
        ``(space positions, the words joined by spaces, next record start)``,
        or ``None`` when a word is longer than any real word (the caller then
        uses :func:`_scan`, which reports it).
    """
    arr = np.frombuffer(buf, np.uint8)
    candidates = np.flatnonzero(arr == 0x20)
    follow = np.searchsorted(candidates, candidates + (1 + nbytes)).tolist()
    last = len(buf) - 1 - nbytes  # a space beyond this has no complete vector after it
    cand = [*candidates.tolist(), last + 1]  # a sentinel ends every chain
    follow.append(len(cand) - 1)
    i = int(np.searchsorted(candidates, pos))
    found: list[int] = []
    add = found.append
    for _ in range(room):
        sp = cand[i]
        if sp > last:
            break
        add(sp)
        i = follow[i]
    spaces = np.asarray(found, dtype=np.int64)
    if not len(spaces):
        return spaces, b"", pos
    starts = np.empty_like(spaces)
    starts[0] = pos
    starts[1:] = spaces[:-1] + 1 + nbytes
    lengths = spaces - starts + 1  # each word with its space
    if int(lengths.max()) > _MAX_WORD:
        return None
    # Gather "word1 word2 ... wordk " in one step, then drop the final space.
    offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    joined = arr[offsets + np.arange(int(lengths.sum()))].tobytes()[:-1]
    return spaces, joined, int(spaces[-1]) + 1 + nbytes


def _scan(buf: bytes, pos: int, room: int, nbytes: int) -> tuple[list[int], list[bytes], int]:
    """Find up to ``room`` complete records from ``pos``: the hot loop of the reader.

    Returns the positions of the spaces that end the words, the words' bytes,
    and where the next record starts.
    """
    find = buf.find
    n = len(buf)
    spaces: list[int] = []
    words: list[bytes] = []
    add_space = spaces.append
    add_word = words.append
    for _ in range(room):
        sp = find(b" ", pos, pos + _MAX_WORD)
        end = sp + 1 + nbytes
        if sp < 0 or end > n:
            break
        add_space(sp)
        add_word(buf[pos:sp])
        pos = end
    return spaces, words, pos


def write_binary(path: Path, words, vectors: np.ndarray, *, newlines: bool = True) -> None:
    """Write word2vec binary (with a newline after each vector, as word2vec.c does)."""
    vectors = np.ascontiguousarray(vectors, dtype="<f4")
    for w in words:
        if " " in w or not w or w.startswith("\n"):
            raise LoadError(path, translate("Errors", "word {word!r} cannot be stored in word2vec "
                                  "binary (empty, or contains a space, or starts with a newline)"
                                  ).format(word=w[:40]))  # fmt: skip
    end = b"\n" if newlines else b""
    with open(path, "wb") as f:
        f.write(f"{len(words)} {vectors.shape[1]}\n".encode())
        for w, v in zip(words, vectors, strict=True):
            f.write(w.encode("utf-8") + b" " + v.tobytes() + end)
