"""A cache of loaded vectors in the user's cache directory.

A second open of the same file maps the cached float32 matrix (``.npy``) into
memory instead of parsing the file again, with the rows' lengths (``.norms.npy``)
so that cosine queries can stream over the mapped matrix instead of holding a
normalised copy of it. Entries are keyed by the file's identity (see
:func:`file_identity`: path, device and inode, size, modification and change
times, and hashes of three sampled blocks of its content) plus the load options,
so a file replaced by another of the same size and time is not served from the
cache. Files are written to temporary names and moved into place with
:func:`os.replace`; the small ``.json`` entry is written last and marks the
entry complete. An entry that fails to read in any way is ignored (and
removed), never trusted; a cache directory that cannot be used is passed over.
Either is reported once per process (:func:`take_note`), never fatal.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
import time
from collections import deque
from pathlib import Path

import numpy as np

from embviz.core.embeddings import row_norms

CACHE_VERSION = 2  # 2: keyed on inode, ctime and content samples; row norms stored
MAX_BYTES = 4 << 30
"""Oldest entries are removed when the cache grows beyond this."""

SAMPLE_BYTES = 64 << 10
"""Bytes hashed at the start, middle and end of a file for its identity."""

ORPHAN_SECONDS = 60
"""A temporary file untouched this long and not locked by a writer is an orphan."""

_HEADER_BYTES = 128  # room for any 2-D float32 .npy header; rewritten at the end
_notes: list[str] = []  # problems with the cache seen in this process, not yet taken
_noted: set[str] = set()  # kinds of problem already reported: each is reported once


def _note(kind: str, message: str) -> None:
    """Record a problem with the cache, once per kind and process."""
    if kind in _noted:
        return
    _noted.add(kind)
    _notes.append(message)


def take_note() -> str | None:
    """The cache problems seen since the last call (``None`` if none), for the user.

    A broken entry or an unusable cache directory never fails a load: the
    load goes on without the cache, and the problem is reported once.
    """
    if not _notes:
        return None
    text = "; ".join(_notes)
    _notes.clear()
    return text


def cache_dir() -> Path:
    """The directory holding cached vectors (``$XDG_CACHE_HOME/embviz/vectors`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("embviz", appauthor=False)) / "vectors"


def file_identity(path: Path) -> list | None:
    """What identifies the content of ``path`` without reading all of it.

    The resolved path, device, inode, size, modification and change times,
    and SHA-256 hashes of :data:`SAMPLE_BYTES` at the start, middle and end.
    A file replaced by another of the same size and modification time (``cp``
    then ``touch -r``, rsync, archive extraction) has another inode or change
    time, and usually other samples. ``None`` for what is not a regular file
    (never cached).
    """
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        return None
    samples = hashlib.sha256()
    with open(path, "rb") as f:
        for offset in sorted({0, max(0, st.st_size // 2 - SAMPLE_BYTES // 2),
                              max(0, st.st_size - SAMPLE_BYTES)}):  # fmt: skip
            f.seek(offset)
            samples.update(f.read(SAMPLE_BYTES))
    return [str(path.resolve()), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns,
            st.st_ctime_ns, samples.hexdigest()]  # fmt: skip


def cache_key(path: Path, fmt: str, options: dict) -> str | None:
    """A key that changes when the file, its format or the load options change.

    ``None`` when the file cannot be identified (not a regular file, or
    unreadable): it is then not cached.
    """
    try:
        ident = file_identity(path)
    except OSError:
        return None
    if ident is None:
        return None
    text = json.dumps([CACHE_VERSION, ident, fmt, options], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


_PARTS = (".npy", ".words.json", ".norms.npy", ".json")


def _paths(key: str) -> tuple[Path, Path, Path, Path]:
    """The matrix, words, norms and entry files of ``key`` (the entry last: it marks completion)."""
    d = cache_dir()
    return tuple(d / f"{key}{suffix}" for suffix in _PARTS)


def _discard(key: str) -> None:
    for p in reversed(_paths(key)):  # the entry file first: then nothing looks complete
        try:
            p.unlink()
        except OSError:
            pass


def lookup(key: str) -> tuple[list[str], np.ndarray, dict] | None:
    """Return ``(words, memory-mapped vectors, entry)`` or ``None`` on a miss.

    ``entry`` is the dict given to :meth:`CacheWriter.finish` (format, details,
    metadata) plus ``"norms"``, the rows' Euclidean lengths (float32, in
    memory). A damaged entry (a truncated or empty file, wrong shapes) is
    removed and reported once; a cache directory that cannot be read is
    reported once. Neither is an error: the caller reads the file instead.
    """
    npy, words_path, norms_path, meta_path = _paths(key)
    try:
        if not meta_path.exists():
            return None
    except OSError as e:  # e.g. the cache directory is not readable
        _note("dir", f"the cache directory {cache_dir()} cannot be used ({e.strerror or e}); "
                     "loading without it")  # fmt: skip
        return None
    try:
        entry = json.loads(meta_path.read_text(encoding="utf-8"))
        text = words_path.read_text(encoding="utf-8")
        words = text.split("\n") if entry.get("words_as_lines") else json.loads(text)
        vectors = np.load(npy, mmap_mode="r", allow_pickle=False)
        norms = np.load(norms_path, allow_pickle=False)
        ok = (
            entry.get("version") == CACHE_VERSION
            and isinstance(words, list)
            and vectors.dtype == np.float32
            and vectors.ndim == 2
            and vectors.shape == (len(words), entry.get("dim"))
            and norms.dtype == np.float32
            and norms.shape == (len(words),)
        )
    # Anything at all wrong with a cache file (numpy raises EOFError for an
    # empty .npy, ValueError for a short one) means: not a hit, never a failure.
    except Exception:
        ok = False
    if not ok:
        _note("entry", f"a damaged entry in the cache ({npy.name}) was ignored and removed")
        _discard(key)
        return None
    try:
        os.utime(meta_path)  # most recently used entries are evicted last
    except OSError:
        pass
    return words, vectors, {**entry, "norms": norms}


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
        _lock(fd)
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
        self._norms: list[np.ndarray] = []  # each written block's row lengths, in order
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
        self._norms.append(row_norms(block))  # here, off the loader's thread
        return True

    def _write_words(self, words: list[str]) -> None:
        text = "\n".join(words)
        if text.count("\n") != len(words) - 1 or "\r" in text:
            self._words_as_lines = False  # finish() writes JSON instead
            return
        if self._words_file is None:
            fd, name = tempfile.mkstemp(dir=self._tmp.parent, prefix=f".{self.key}.w.",
                                        suffix=".tmp")  # fmt: skip
            _lock(fd)
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
        npy, words_path, norms_path, meta_path = _paths(self.key)
        os.replace(self._tmp, npy)
        try:
            # One word per line is much faster to write and read than JSON; words
            # that hold a line break (possible in binary files) force JSON.
            as_lines = self._finish_words(words, words_path)
            norms = np.concatenate(self._norms) if self._norms else np.zeros(0, np.float32)
            _save_atomic(norms_path, norms)
            entry = {**entry, "version": CACHE_VERSION, "dim": self.dim,
                     "words_as_lines": as_lines}  # fmt: skip
            _write_atomic(meta_path, json.dumps(entry, ensure_ascii=False))
        except OSError:  # e.g. the disk filled up just now: no entry, the rows in memory
            vectors = np.load(npy, allow_pickle=False)
            _discard(self.key)
            return vectors
        _evict(keep=self.key)
        return np.load(npy, mmap_mode="r", allow_pickle=False)

    def norms(self) -> np.ndarray | None:
        """The row lengths of a finished entry (as stored beside it), else ``None``."""
        if self._written != self.rows or not self._norms:
            return None
        return np.concatenate(self._norms)

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


def _save_atomic(path: Path, array: np.ndarray) -> None:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            np.save(f, array, allow_pickle=False)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _write_atomic(path: Path, text: str) -> None:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _lock(fd: int) -> None:
    """Hold an exclusive lock on a temporary file while it is written (see :func:`_orphan`)."""
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (ImportError, OSError):  # no flock here: the file's age alone decides
        pass


def _orphan(path: Path, now: float) -> bool:
    """Whether a temporary file is left over from a load that was killed.

    A writer holds a lock on its files, and writes them steadily; a file
    unlocked and untouched for :data:`ORPHAN_SECONDS` belongs to no one.
    """
    try:
        if now - path.stat().st_mtime < ORPHAN_SECONDS:
            return False
        import fcntl
    except ImportError:
        return True
    except OSError:
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # a writer holds it
    finally:
        os.close(fd)  # also releases the lock just taken
    return True


def _evict(keep: str, limit: int = MAX_BYTES) -> dict:
    """Remove orphaned temporary files, then least recently used entries until under ``limit``.

    Temporary files count towards the limit: a killed load can leave
    gigabytes of them. Files that vanish meanwhile (another process evicting)
    are skipped; nothing here raises. Returns what was removed:
    ``{"orphans": n, "orphan_bytes": b, "entries": m}``.
    """
    removed = {"orphans": 0, "orphan_bytes": 0, "entries": 0}
    d = cache_dir()
    now = time.time()
    entries = []
    total = 0
    try:
        names = list(d.iterdir())
    except OSError:
        return removed
    for p in names:
        if not p.name.endswith(".tmp"):
            continue
        try:
            size = p.stat().st_size
            if _orphan(p, now):
                p.unlink()
                removed["orphans"] += 1
                removed["orphan_bytes"] += size
            else:
                total += size  # a load writing right now: it counts, but stays
        except OSError:
            continue
    for meta in names:
        if not meta.name.endswith(".json") or meta.name.endswith(".words.json"):
            continue
        key = meta.name[: -len(".json")]
        try:
            mtime = meta.stat().st_mtime
        except OSError:
            continue
        size = 0
        for part in _paths(key):
            try:
                size += part.stat().st_size
            except OSError:
                pass
        entries.append((mtime, key, size))
        total += size
    for _, key, size in sorted(entries):
        if total <= limit:
            break
        if key != keep:
            _discard(key)
            removed["entries"] += 1
            total -= size
    return removed


def clear() -> None:
    """Remove every cached entry."""
    d = cache_dir()
    if d.exists():
        for p in d.iterdir():
            if p.is_file():
                p.unlink(missing_ok=True)
