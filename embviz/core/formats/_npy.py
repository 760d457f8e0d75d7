"""A ``.npy``/``.npz`` matrix with its vocabulary (one token per line).

Arrays are read with ``allow_pickle=False``: object arrays, which would need
unpickling, are refused. The matrix is read into memory in chunks, never
memory-mapped: these are the user's files, and a file rewritten while it is
mapped (a training script saving again) would kill the process with SIGBUS
at the next touch of a vanished page.
"""

from __future__ import annotations

import os
import struct
import tokenize
import zipfile
import zlib
from pathlib import Path
from typing import NamedTuple

import numpy as np

from embviz.core.errors import LoadError
from embviz.core.formats._open import check_file
from embviz.core.i18n import translate
from embviz.core.progress import NULL_PROGRESS, Progress

VOCAB_SUFFIXES = (".vocab.txt", ".vocab", ".txt")
_MATRIX_KEYS = ("vectors", "embeddings", "weights", "matrix", "arr_0")
_WORD_KEYS = ("words", "vocab", "tokens", "index_to_key")


def find_vocab(path: Path) -> Path | None:
    """Return the vocabulary file beside ``path`` (``X.vocab.txt`` for ``X.npy``)."""
    stem = path.with_suffix("")
    for suffix in VOCAB_SUFFIXES:
        cand = stem.with_name(stem.name + suffix)
        if cand.exists() and cand != path:
            return cand
    cand = path.parent / "vocab.txt"
    return cand if cand.exists() else None


def read_vocab(vocab: Path) -> list[str]:
    """Read one token per line (UTF-8), naming the line of invalid bytes."""
    from embviz.core.formats._errors import InvalidUtf8Error

    check_file(vocab, directory=translate("Errors", "is a directory, not a vocabulary file"))
    data = vocab.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InvalidUtf8Error(vocab, e.reason, line=line) from None
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


# numpy parses a .npy header with ast.literal_eval: a damaged header raises
# these (found by the loader fuzz test), besides the usual I/O errors.
_DAMAGED = (OSError, EOFError, SyntaxError, tokenize.TokenError, TypeError, ValueError,
            MemoryError, struct.error)  # fmt: skip

CHUNK_BYTES = 8 << 20
"""Bytes read at a time: the load can be cancelled between two reads."""


class _Array(NamedTuple):
    """What a ``.npy`` header declares, checked to be a plain 2-D numeric matrix."""

    shape: tuple[int, ...]
    fortran: bool
    dtype: np.dtype

    @property
    def nbytes(self) -> int:
        return int(np.prod(self.shape, dtype=object)) * self.dtype.itemsize


def _what(what: str) -> str:
    """``what`` for a message: "matrix" in the interface's language, an array's name as given."""
    return translate("Errors", "matrix") if what == "matrix" else what


def _array(key: str) -> str:
    return translate("Errors", "array {name!r}").format(name=key)


def _header(path: Path, f, what: str | None) -> _Array:
    """Read and check the header of the ``.npy`` data at ``f``'s position.

    ``what`` names the array in messages (``None``: the file itself).
    """
    at = translate("Errors", "{what}: ").format(what=what) if what else ""
    try:
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
        elif version == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
        else:
            raise LoadError(
                path,
                translate("Errors", "{at}.npy version {version} is not supported").format(
                    at=at, version=version
                ),
            )
    except LoadError:
        raise
    except _DAMAGED as e:
        raise LoadError(
            path,
            translate("Errors", "{at}cannot be read as .npy (damaged header): {error}").format(
                at=at, error=e
            ),
        ) from None
    if dtype.hasobject:
        # Object arrays would need unpickling: never.
        raise LoadError(path, translate("Errors", "{at}not a plain numeric array (it holds Python "
                              "objects, which cannot be read without unpickling)").format(at=at))  # fmt: skip
    return _Array(tuple(shape), bool(fortran), dtype)


def _check(path: Path, arr: _Array, what: str = "matrix") -> None:
    if len(arr.shape) != 2:
        raise LoadError(
            path,
            translate("Errors", "expected a 2-D {what}, found shape {shape}").format(
                what=_what(what), shape=arr.shape
            ),
        )
    dt = arr.dtype
    if dt.fields is not None or not (
        np.issubdtype(dt, np.floating) or np.issubdtype(dt, np.integer)
    ):
        raise LoadError(
            path, translate("Errors", "expected numbers, found dtype {dtype}").format(dtype=dt)
        )


def _read_exact(path: Path, f, n: int, what: str) -> bytes:
    data = f.read(n)
    if len(data) != n:
        raise LoadError(
            path,
            translate("Errors", "{what} is truncated (the header promises more data)").format(
                what=_what(what)
            ),
        )
    return data


def wanted_rows(n: int, limit: int | None, sample: int | None) -> np.ndarray | None:
    """The rows ``limit`` and ``sample`` keep of ``n``; ``None`` for all of them."""
    if limit is not None and limit < n:
        n_kept = limit
    else:
        n_kept = n
    if sample is not None and sample < n_kept:
        return sample_rows(n_kept, sample)
    return None if n_kept == n else np.arange(n_kept)


def sample_rows(total: int, sample: int) -> np.ndarray:
    """``sample`` row numbers spread evenly over ``range(total)``, in order (``sample <= total``)."""
    return sample_between(total, sample, 0, total)


def sample_between(total: int, sample: int, lo: int, hi: int) -> np.ndarray:
    """The rows of :func:`sample_rows` that lie in ``[lo, hi)``, without making the others.

    Row ``j`` of the sample is ``round(j × (total - 1) / (sample - 1))``; with
    ``sample <= total`` the step is at least 1, so rows are distinct and
    increasing, and the ``j`` of a range of rows follow from its ends.
    """
    if sample <= 1:
        return np.zeros(1 if lo == 0 < hi else 0, dtype=np.int64)
    step = (total - 1) / (sample - 1)
    j0 = max(0, int((lo - 1) / step))
    j1 = min(sample, int(hi / step) + 2)
    rows = np.rint(np.arange(j0, j1, dtype=np.float64) * step).astype(np.int64)
    return rows[(rows >= lo) & (rows < hi)]


def read_matrix(path: Path, f, arr: _Array, rows: np.ndarray | None, progress: Progress,
                what: str = "matrix", convert=None) -> np.ndarray:  # fmt: skip
    """Read ``arr``'s data from ``f`` into float32 memory, keeping only ``rows``.

    Read in chunks (never memory-mapped: a file rewritten while it is mapped
    kills the process with SIGBUS), so the load can be cancelled and memory
    holds the result plus one chunk. ``convert`` turns a block of ``arr.dtype``
    into float32 (bfloat16 is stored as ``uint16``); a plain cast by default.
    """
    n, dim = arr.shape
    if arr.fortran:  # column-major: every row is spread over the whole data
        data = _read_chunked(path, f, arr.nbytes, progress, what)
        m = np.frombuffer(data, arr.dtype).reshape(dim, n).T
        m = m if rows is None else m[rows]
        with np.errstate(over="ignore"):
            return np.ascontiguousarray(m if convert is None else convert(m), dtype=np.float32)
    row_bytes = dim * arr.dtype.itemsize
    count = n if rows is None else len(rows)
    out = np.empty((count, dim), dtype=np.float32)
    if count == 0 or row_bytes == 0:
        return out
    end = n if rows is None else int(rows[-1]) + 1
    step = max(1, CHUNK_BYTES // row_bytes)
    filled = 0
    pos = 0
    for start in range(0, end, step):
        stop = min(end, start + step)
        if rows is None:
            sel = None
        else:
            lo, hi = np.searchsorted(rows, [start, stop])
            sel = rows[lo:hi] - start
            if not len(sel):
                continue
        if pos != start:  # skip rows no one wants
            _skip(path, f, (start - pos) * row_bytes, what)
        block = np.frombuffer(_read_exact(path, f, (stop - start) * row_bytes, what), arr.dtype)
        block = block.reshape(stop - start, dim)
        pos = stop
        if sel is not None:
            block = block[sel]
        if convert is not None:
            block = convert(block)
        with np.errstate(over="ignore"):  # float64 beyond float32 becomes inf, as in gensim
            out[filled : filled + len(block)] = block
        filled += len(block)
        progress.report(stop / end, f"reading {path.name}: {filled:,} rows")
    return out


def _skip(path: Path, f, nbytes: int, what: str) -> None:
    if f.seekable():
        f.seek(nbytes, 1)
        return
    while nbytes:
        got = len(f.read(min(nbytes, CHUNK_BYTES)))
        if not got:
            raise LoadError(
                path,
                translate("Errors", "{what} is truncated (the header promises more data)").format(
                    what=_what(what)
                ),
            )
        nbytes -= got


def _read_chunked(path: Path, f, nbytes: int, progress: Progress, what: str) -> bytearray:
    data = bytearray(nbytes)
    view = memoryview(data)
    done = 0
    while done < nbytes:
        got = f.readinto(view[done : done + CHUNK_BYTES])
        if not got:
            raise LoadError(
                path,
                translate("Errors", "{what} is truncated (the header promises more data)").format(
                    what=_what(what)
                ),
            )
        done += got
        progress.report(done / nbytes, f"reading {path.name}")
    return data


def _fits(path: Path, arr: _Array, rows, *, limit, sample, check_memory: bool, extra: int) -> None:
    if not check_memory:
        return
    from embviz.core.formats._memory import check_bytes, check_fits

    n, dim = arr.shape
    if arr.fortran:  # read whole, then the rows taken from it
        check_bytes(path, arr.nbytes + (n if rows is None else len(rows)) * dim * 4 + extra,
                    translate("Errors", "this column-major (Fortran-order) matrix"))  # fmt: skip
    check_fits(path, n, dim, limit=limit, sample=sample, extra=extra)


def read_npy(path: Path, *, vocab: Path | None = None, limit: int | None = None,
             sample: int | None = None, progress: Progress = NULL_PROGRESS,
             check_memory: bool = True):  # fmt: skip
    """Read a matrix and its vocabulary (only the rows ``limit`` and ``sample`` keep).

    Returns
    -------
    tuple of (list of str, numpy.ndarray, dict)
        Words, the float32 matrix (in memory) and details.
    """
    with open(path, "rb") as f:
        arr = _header(path, f, None)
        _check(path, arr)
        if f.tell() + arr.nbytes > os.fstat(f.fileno()).st_size:
            raise LoadError(path, translate("Errors", "is truncated: the header promises a {shape} "
                                  "matrix of {dtype} but the file is shorter").format(
                                      shape=arr.shape, dtype=arr.dtype))  # fmt: skip
        vocab = vocab or find_vocab(path)
        if vocab is None:
            raise LoadError(path, translate("Errors", "no vocabulary file beside it (expected "
                                  "NAME.vocab.txt or vocab.txt)"))  # fmt: skip
        vst = check_file(
            vocab, directory=translate("Errors", "is a directory, not a vocabulary file")
        )
        rows = wanted_rows(arr.shape[0], limit, sample)
        _fits(path, arr, rows, limit=limit, sample=sample, check_memory=check_memory,
              extra=3 * vst.st_size)  # fmt: skip
        words = read_vocab(vocab)
        if len(words) != arr.shape[0]:
            raise LoadError(vocab, translate("Errors", "has {words} words but {file} has {rows} rows"
                                   ).format(words=len(words), file=path.name, rows=arr.shape[0]))  # fmt: skip
        matrix = read_matrix(path, f, arr, rows, progress)
    if rows is not None:
        words = [words[i] for i in rows]
    return words, matrix, {"vocabulary": vocab.name, "dtype": str(arr.dtype)}


def _members(path: Path, zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The archive's ``.npy`` members by array name (``vectors.npy`` → ``vectors``)."""
    out = {}
    for info in zf.infolist():
        if info.filename.endswith(".npy") and not info.is_dir():
            out[info.filename[: -len(".npy")]] = info
    if not out:
        names = [i.filename for i in zf.infolist()[:5]]
        raise LoadError(path, translate("Errors", "is a zip archive holding no .npy arrays (it has "
                              "{names}), not a NumPy .npz").format(names=names))  # fmt: skip
    return out


def _member_header(path: Path, zf: zipfile.ZipFile, key: str, info: zipfile.ZipInfo) -> _Array:
    with zf.open(info) as m:
        arr = _header(path, m, _array(key))
        if m.tell() + arr.nbytes > info.file_size:
            raise LoadError(path, translate("Errors", "{array} is truncated: its header promises "
                                  "{shape} of {dtype}").format(array=_array(key), shape=arr.shape,
                                                               dtype=arr.dtype))  # fmt: skip
    return arr


def read_npz(path: Path, *, vocab: Path | None = None, limit: int | None = None,
             sample: int | None = None, progress: Progress = NULL_PROGRESS,
             check_memory: bool = True):  # fmt: skip
    """Read the matrix of a ``.npz`` (and its words, from the archive or beside it).

    Every array's size comes from its header, checked against the archive
    before anything is decompressed: a small compressed archive can expand
    to gigabytes.
    """
    try:
        with open(path, "rb") as f, zipfile.ZipFile(f) as zf:
            return _read_npz(path, zf, vocab=vocab, limit=limit, sample=sample, progress=progress,
                             check_memory=check_memory)  # fmt: skip
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError,
            OSError, RuntimeError, struct.error) as e:  # fmt: skip
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression.
        raise LoadError(
            path, translate("Errors", "cannot be read as .npz: {error}").format(error=e)
        ) from None


def _read_npz(path: Path, zf: zipfile.ZipFile, *, vocab, limit, sample, progress, check_memory):
    members = _members(path, zf)
    key = next((k for k in _MATRIX_KEYS if k in members), None)
    headers = {}
    if key is None:
        headers = {k: _member_header(path, zf, k, i) for k, i in members.items()}
        mats = [k for k, a in headers.items() if len(a.shape) == 2]
        if len(mats) != 1:
            raise LoadError(
                path,
                translate("Errors", "cannot tell which array holds the vectors: {names}").format(
                    names=list(members)
                ),
            )
        key = mats[0]
    arr = headers.get(key) or _member_header(path, zf, key, members[key])
    _check(path, arr)
    wkey = next((k for k in _WORD_KEYS if k in members), None)
    extra = 0
    if wkey is not None:
        warr = headers.get(wkey) or _member_header(path, zf, wkey, members[wkey])
        extra = warr.nbytes * 2  # the array, then one str per word
    else:
        vocab = vocab or find_vocab(path)
        if vocab is None:
            raise LoadError(
                path,
                translate("Errors", "no 'words' array inside and no vocabulary file beside it"),
            )
        extra = (
            3
            * check_file(
                vocab, directory=translate("Errors", "is a directory, not a vocabulary file")
            ).st_size
        )
    rows = wanted_rows(arr.shape[0], limit, sample)
    _fits(path, arr, rows, limit=limit, sample=sample, check_memory=check_memory, extra=extra)
    if wkey is not None:
        with zf.open(members[wkey]) as m:
            try:
                raw = np.lib.format.read_array(m, allow_pickle=False)
            except _DAMAGED as e:
                raise LoadError(
                    path,
                    translate("Errors", "{array} cannot be read: {error}").format(
                        array=_array(wkey), error=e
                    ),
                ) from None
        if raw.ndim != 1:
            raise LoadError(path, translate("Errors", "{array} should hold one word per row, found "
                                  "shape {shape}").format(array=_array(wkey), shape=raw.shape))  # fmt: skip
        words = [str(w) for w in raw]
        details = {"array": key, "vocabulary": f"array {wkey!r}"}
    else:
        words = read_vocab(vocab)
        details = {"array": key, "vocabulary": vocab.name}
    if len(words) != arr.shape[0]:
        raise LoadError(
            path,
            translate("Errors", "{words} words but {rows} rows").format(
                words=len(words), rows=arr.shape[0]
            ),
        )
    info = members[key]
    details["compressed"] = info.compress_type != zipfile.ZIP_STORED
    with zf.open(info) as m:
        _header(path, m, _array(key))
        matrix = read_matrix(path, m, arr, rows, progress, _array(key))
    if rows is not None:
        words = [words[i] for i in rows]
    return words, matrix, details


def write_npz(path: Path, words, vectors: np.ndarray) -> None:
    """Write one uncompressed ``.npz`` holding ``vectors`` (float32) and ``words``.

    Uncompressed, so embviz (and ``np.load(mmap_mode=...)`` users) can map it
    without reading it; the words are a fixed-width unicode array, which needs
    no pickle to load.
    """
    bad = next((w for w in words if "\x00" in w), None)
    if bad is not None:
        # numpy strips trailing NULs from unicode arrays: the word would change.
        raise LoadError(
            path,
            translate(
                "Errors", "word {word!r} contains a NUL character; .npz cannot keep it"
            ).format(word=bad[:40]),
        )
    with open(path, "wb") as f:  # a file object: np.savez would append ".npz" to a name
        np.savez(
            f,
            vectors=np.asarray(vectors, dtype=np.float32),
            words=np.array(list(words), dtype=str) if len(words) else np.zeros(0, "U1"),
        )


def write_npy(path: Path, words, vectors: np.ndarray) -> Path:
    """Write ``NAME.npy`` (float32) and ``NAME.vocab.txt``; return the vocabulary path."""
    bad = [w for w in words if "\n" in w]
    if bad:
        raise LoadError(
            path, f"word {bad[0][:40]!r} contains a newline; a vocabulary file cannot hold it"
        )
    with open(path, "wb") as f:  # a file object: np.save would append ".npy" to a name
        np.save(f, np.asarray(vectors, dtype=np.float32), allow_pickle=False)
    vocab = path.with_suffix("").with_name(path.with_suffix("").name + ".vocab.txt")
    vocab.write_text("".join(w + "\n" for w in words), encoding="utf-8")
    return vocab
