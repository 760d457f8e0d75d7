"""A ``.npy``/``.npz`` matrix with its vocabulary (one token per line).

Arrays are read with ``allow_pickle=False``: object arrays, which would need
unpickling, are refused. A float32 ``.npy`` is memory-mapped, not copied.
"""

from __future__ import annotations

import tokenize
import zipfile
import zlib
from pathlib import Path

import numpy as np

from embviz.core.errors import LoadError

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

    data = vocab.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InvalidUtf8Error(vocab, e.reason, line=line) from None
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def _check(path: Path, matrix: np.ndarray, what: str = "matrix") -> None:
    if matrix.ndim != 2:
        raise LoadError(path, f"expected a 2-D {what}, found shape {matrix.shape}")
    if not (np.issubdtype(matrix.dtype, np.floating) or np.issubdtype(matrix.dtype, np.integer)):
        raise LoadError(path, f"expected numbers, found dtype {matrix.dtype}")


# numpy parses a .npy header with ast.literal_eval: a damaged header raises
# these (found by the loader fuzz test), besides the usual I/O errors.
_DAMAGED = (OSError, EOFError, SyntaxError, tokenize.TokenError, TypeError, MemoryError)


def read_npy(path: Path, *, vocab: Path | None = None):
    """Read a matrix and its vocabulary.

    Returns
    -------
    tuple of (list of str, numpy.ndarray, dict)
        Words, the matrix (memory-mapped when possible) and details.
    """
    try:
        matrix = np.load(path, mmap_mode="r", allow_pickle=False)
    except ValueError as e:
        # numpy raises ValueError for object arrays when pickles are off.
        raise LoadError(path, f"not a plain numeric .npy matrix ({e})") from None
    except _DAMAGED as e:
        raise LoadError(path, f"cannot be read as .npy (damaged header or data): {e}") from None
    _check(path, matrix)
    vocab = vocab or find_vocab(path)
    if vocab is None:
        raise LoadError(path, "no vocabulary file beside it (expected NAME.vocab.txt or vocab.txt)")
    words = read_vocab(vocab)
    if len(words) != matrix.shape[0]:
        raise LoadError(vocab, f"has {len(words)} words but {path.name} has {matrix.shape[0]} rows")
    return words, matrix, {"vocabulary": vocab.name, "dtype": str(matrix.dtype)}


def _stored_member(path: Path, zf: zipfile.ZipFile, name: str) -> np.ndarray | None:
    """Memory-map an uncompressed archive member, as ``np.load`` does for a ``.npy``.

    ``np.savez`` stores members uncompressed, so the matrix can be used in place
    (instant to open, and ``limit``/``sample`` touch only their rows). Returns
    ``None`` for a compressed member (``np.savez_compressed``), which must be read.
    """
    import struct

    info = zf.getinfo(name)
    if info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1:  # encrypted
        return None
    with open(path, "rb") as f:
        f.seek(info.header_offset)
        local = f.read(30)
        if len(local) < 30 or local[:4] != b"PK\x03\x04":
            raise LoadError(path, f"archive member {name!r} has a damaged header")
        name_len, extra_len = struct.unpack("<HH", local[26:30])
        f.seek(info.header_offset + 30 + name_len + extra_len)
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
        elif version == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
        else:
            return None
        if dtype.hasobject:
            raise ValueError("object arrays cannot be loaded when allow_pickle=False")
        offset = f.tell()
    size = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    if offset + size > path.stat().st_size:
        raise LoadError(path, f"archive member {name!r} is truncated")
    if size == 0:
        return np.zeros(shape, dtype=dtype)
    return np.memmap(path, dtype=dtype, mode="r", offset=offset, shape=shape,
                     order="F" if fortran else "C")  # fmt: skip


def read_npz(path: Path, *, vocab: Path | None = None):
    """Read the matrix of a ``.npz`` (and its words, from the archive or beside it).

    An uncompressed matrix (``np.savez``) is memory-mapped; a compressed one
    (``np.savez_compressed``) is decompressed into memory.
    """
    try:
        # Open the file here: numpy leaks its own handle when the archive is damaged.
        with open(path, "rb") as f, np.load(f, allow_pickle=False) as z:
            keys = list(z.files)
            key = next((k for k in _MATRIX_KEYS if k in keys), None)
            if key is None:
                mats = [k for k in keys if z[k].ndim == 2]
                if len(mats) != 1:
                    raise LoadError(path, f"cannot tell which array holds the vectors: {keys}")
                key = mats[0]
            member = key if key in z.zip.namelist() else key + ".npy"
            matrix = _stored_member(path, z.zip, member)
            mapped = matrix is not None
            if matrix is None:
                matrix = z[key]
            wkey = next((k for k in _WORD_KEYS if k in keys), None)
            words = [str(w) for w in z[wkey]] if wkey else None
    except ValueError as e:
        raise LoadError(path, f"not a plain numeric .npz archive ({e})") from None
    except (*_DAMAGED, zipfile.BadZipFile, zlib.error, KeyError) as e:
        raise LoadError(path, f"cannot be read as .npz: {e}") from None
    _check(path, matrix)
    details = {"array": key, "memory_mapped": mapped}
    if words is None:
        vocab = vocab or find_vocab(path)
        if vocab is None:
            raise LoadError(path, "no 'words' array inside and no vocabulary file beside it")
        words = read_vocab(vocab)
        details["vocabulary"] = vocab.name
    else:
        details["vocabulary"] = f"array {wkey!r}"
    if len(words) != matrix.shape[0]:
        raise LoadError(path, f"{len(words)} words but {matrix.shape[0]} rows")
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
        raise LoadError(path, f"word {bad[:40]!r} contains a NUL character; .npz cannot keep it")
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
