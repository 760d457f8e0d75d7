"""A cache of loaded vectors in the user's cache directory.

A second open of the same file maps the cached float32 matrix (``.npy``) into
memory instead of parsing the file again. Entries are keyed by the file's
absolute path, size and modification time plus the load options, so editing
the file invalidates its entry. Files are written to temporary names and
moved into place with :func:`os.replace`; the small ``.json`` entry is written
last and marks the entry complete. An entry that fails to read in any way is
ignored (and removed), never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import deque
from pathlib import Path

import numpy as np

CACHE_VERSION = 1
MAX_BYTES = 4 << 30
"""Oldest entries are removed when the cache grows beyond this."""

_HEADER_BYTES = 128  # room for any 2-D float32 .npy header; rewritten at the end


def cache_dir() -> Path:
    """The directory holding cached vectors (``$XDG_CACHE_HOME/embviz/vectors`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("embviz", appauthor=False)) / "vectors"


def cache_key(path: Path, fmt: str, options: dict) -> str:
    """A key that changes when the file, its format or the load options change."""
    st = path.stat()
    ident = [CACHE_VERSION, str(path.resolve()), st.st_size, st.st_mtime_ns, fmt, options]
    return hashlib.sha256(json.dumps(ident, sort_keys=True).encode()).hexdigest()[:32]


def _paths(key: str) -> tuple[Path, Path, Path]:
    d = cache_dir()
    return d / f"{key}.npy", d / f"{key}.words.json", d / f"{key}.json"


def _discard(key: str) -> None:
    for p in _paths(key):
        try:
            p.unlink()
        except OSError:
            pass


def lookup(key: str) -> tuple[list[str], np.ndarray, dict] | None:
    """Return ``(words, memory-mapped vectors, entry)`` or ``None`` on a miss.

    ``entry`` is the dict given to :meth:`CacheWriter.finish` (format, details,
    metadata).
    """
    npy, words_path, meta_path = _paths(key)
    if not meta_path.exists():
        return None
    try:
        entry = json.loads(meta_path.read_text(encoding="utf-8"))
        text = words_path.read_text(encoding="utf-8")
        words = text.split("\n") if entry.get("words_as_lines") else json.loads(text)
        vectors = np.load(npy, mmap_mode="r", allow_pickle=False)
        ok = (
            entry.get("version") == CACHE_VERSION
            and isinstance(words, list)
            and vectors.dtype == np.float32
            and vectors.ndim == 2
            and vectors.shape == (len(words), entry.get("dim"))
        )
    except (OSError, ValueError, TypeError, AttributeError):
        ok = False
    if not ok:
        _discard(key)
        return None
    os.utime(meta_path)  # most recently used entries are evicted last
    return words, vectors, entry


def _npy_header(rows: int, dim: int) -> bytes:
    text = f"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {dim}), }}"
    text = text.ljust(_HEADER_BYTES - 10 - 1) + "\n"
    return b"\x93NUMPY\x01\x00" + len(text).to_bytes(2, "little") + text.encode("latin1")


class CacheWriter:
    """Stream float32 rows into a new cache entry, writing on a thread of its own.

    The writes (80 MB for a 400k × 50 file) go to the page cache on a second
    thread while the loader parses the next block: a binary file's first open
    took ~25 % longer when the same thread both parsed and wrote.

    Raises
    ------
    OSError
        From the constructor when the cache directory cannot be written; from
        :meth:`add` or :meth:`finish` when a write failed (e.g. the disk is
        full) — :meth:`read_back` then still returns every row added.
    """

    _IN_FLIGHT = 4  # blocks queued for writing at most: bounds memory on a slow disk

    def __init__(self, key: str, dim: int):
        from concurrent.futures import ThreadPoolExecutor

        self.key = key
        self.dim = dim
        self.rows = 0
        d = cache_dir()
        d.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=d, prefix=f".{key}.", suffix=".tmp")
        self._tmp = Path(name)
        # Unbuffered: a row counts as written only once the OS took it, so after
        # a failed write (disk full) :meth:`read_back` knows what the file holds.
        self._f = os.fdopen(fd, "wb", buffering=0)
        _write_all(self._f, b"\0" * _HEADER_BYTES)
        self._written = 0  # rows safely in the file, all before any failed write
        self._error: OSError | None = None
        self._queue: deque = deque()  # (block, future) not yet known to be written
        # The words go to their own file as they come, one per line, so that the
        # end of a load does not wait for 400k of them to be joined and written.
        self._words_tmp: Path | None = None
        self._words_file = None
        self._words_count = 0
        self._words_as_lines = True  # False once a word holds a line break
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="embviz-cache")

    def _write(self, block: np.ndarray, words: list[str] | None) -> bool:
        if self._error is not None:
            return False  # after a failure nothing more is written: rows stay in order
        try:
            _write_all(self._f, memoryview(block).cast("B"))
            if words is not None and self._words_as_lines:
                self._write_words(words)
        except OSError as e:
            self._error = e
            return False
        self._written += len(block)
        return True

    def _write_words(self, words: list[str]) -> None:
        text = "\n".join(words)
        if text.count("\n") != len(words) - 1 or "\r" in text:
            self._words_as_lines = False  # finish() writes JSON instead
            return
        if self._words_file is None:
            fd, name = tempfile.mkstemp(dir=self._tmp.parent, prefix=f".{self.key}.w.",
                                        suffix=".tmp")  # fmt: skip
            self._words_tmp = Path(name)
            self._words_file = os.fdopen(fd, "wb")
        elif self._words_count:
            text = "\n" + text
        self._words_file.write(text.encode("utf-8"))
        self._words_count += len(words)

    def _settle(self, keep: int) -> None:
        """Wait until at most ``keep`` writes are queued; raise the first failure."""
        while self._queue and (len(self._queue) > keep or self._queue[0][1].done()):
            if not self._queue[0][1].result():
                raise self._error
            self._queue.popleft()

    def add(self, block: np.ndarray, words: list[str] | None = None) -> None:
        """Append rows (a ``(n, dim)`` float32 matrix), and their words if given.

        Written in the background. Give the words of every block or of none
        (then :meth:`finish` writes them all).
        """
        data = np.ascontiguousarray(block, dtype="<f4")
        if not len(data):  # a block a sample left empty: nothing to write (and no view of it)
            return
        self._queue.append((data, self._pool.submit(self._write, data, words)))
        self.rows += len(data)
        self._settle(self._IN_FLIGHT)

    def read_back(self) -> np.ndarray:
        """Every row added so far, in memory (used when a write failed, e.g. disk full)."""
        for _, fut in self._queue:
            fut.result()
        data = np.fromfile(self._tmp, dtype="<f4", offset=_HEADER_BYTES)
        parts = [data[: self._written * self.dim].reshape(self._written, self.dim)]
        parts += [b for b, fut in self._queue if not fut.result()]  # never written
        return np.concatenate(parts) if len(parts) > 1 else parts[0].copy()

    def finish(self, words: list[str], entry: dict) -> np.ndarray:
        """Complete the entry and return the memory-mapped matrix.

        An ``OSError`` while the rows are completed leaves the partial entry
        as it was, so :meth:`read_back` still recovers every row. If only the
        small files after it cannot be written, the matrix is read into
        memory and the incomplete entry removed.
        """
        self._settle(0)
        self._pool.shutdown()
        self._f.seek(0)
        _write_all(self._f, _npy_header(self.rows, self.dim))
        self._f.close()
        npy, words_path, meta_path = _paths(self.key)
        os.replace(self._tmp, npy)
        try:
            # One word per line is much faster to write and read than JSON; words
            # that hold a line break (possible in binary files) force JSON.
            as_lines = self._finish_words(words, words_path)
            entry = {**entry, "version": CACHE_VERSION, "dim": self.dim,
                     "words_as_lines": as_lines}  # fmt: skip
            _write_atomic(meta_path, json.dumps(entry, ensure_ascii=False))
        except OSError:  # e.g. the disk filled up just now: no entry, the rows in memory
            vectors = np.load(npy, allow_pickle=False)
            _discard(self.key)
            return vectors
        _evict(keep=self.key)
        return np.load(npy, mmap_mode="r", allow_pickle=False)

    def _finish_words(self, words: list[str], path: Path) -> bool:
        """Put the words file in place; whether it is one word per line."""
        if self._words_file is not None:
            self._words_file.close()
            self._words_file = None
            if self._words_as_lines and self._words_count == len(words):
                os.replace(self._words_tmp, path)
                return True
            self._words_tmp.unlink(missing_ok=True)
        text = "\n".join(words)
        as_lines = text.count("\n") == max(len(words) - 1, 0) and "\r" not in text
        _write_atomic(path, text if as_lines else json.dumps(words, ensure_ascii=False))
        return as_lines

    def abort(self) -> None:
        """Remove the partial entry."""
        try:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._f.close()
            if self._words_file is not None:
                self._words_file.close()
        finally:
            for tmp in (self._tmp, self._words_tmp):
                try:
                    if tmp is not None:
                        tmp.unlink()
                except OSError:
                    pass


def _write_all(f, data) -> None:
    view = memoryview(data).cast("B")
    while view:  # a raw file may take part of a write
        view = view[f.write(view) :]


def store(key: str, words: list[str], vectors: np.ndarray, entry: dict) -> np.ndarray | None:
    """Write a whole matrix as an entry; ``None`` (and no entry) if that fails."""
    try:
        w = CacheWriter(key, vectors.shape[1])
    except OSError:
        return None
    try:
        w.add(vectors)
        return w.finish(words, entry)
    except (OSError, TypeError, ValueError):
        w.abort()
        _discard(key)
        return None


def _write_atomic(path: Path, text: str) -> None:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _evict(keep: str, limit: int = MAX_BYTES) -> None:
    """Remove least recently used entries until the cache is under ``limit`` bytes."""
    d = cache_dir()
    entries = []
    total = 0
    for meta in d.glob("*.json"):
        if meta.name.endswith(".words.json"):
            continue
        key = meta.name[: -len(".json")]
        size = sum(p.stat().st_size for p in _paths(key) if p.exists())
        entries.append((meta.stat().st_mtime, key, size))
        total += size
    for _, key, size in sorted(entries):
        if total <= limit:
            break
        if key != keep:
            _discard(key)
            total -= size


def clear() -> None:
    """Remove every cached entry."""
    d = cache_dir()
    if d.exists():
        for p in d.iterdir():
            if p.is_file():
                p.unlink(missing_ok=True)
