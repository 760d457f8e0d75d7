"""A Transformer's token-embedding matrix from ``.safetensors`` + its vocabulary.

The safetensors layout is documented and simple: an 8-byte little-endian
header length, a JSON header naming each tensor's dtype, shape and byte range,
then the raw data. It is parsed here directly (no torch); the data is read
in chunks, not memory-mapped (a model re-saved while it is mapped would kill
the process with SIGBUS). The vocabulary comes from ``vocab.txt`` (BERT: one token per
line, the line number is the id) or ``tokenizer.json`` beside the file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NamedTuple

import numpy as np

from embviz.core.errors import LoadError
from embviz.core.formats._open import check_file
from embviz.core.i18n import translate
from embviz.core.progress import NULL_PROGRESS, Progress

_DTYPES = {"F32": "<f4", "F16": "<f2", "F64": "<f8", "BF16": "<u2"}
_TOKEN_NAMES = ("word_embeddings.weight", "embed_tokens.weight", "wte.weight",
                "token_embedding.weight", "shared.weight", "tok_embeddings.weight")  # fmt: skip
_POSITION_NAMES = ("position_embeddings.weight", "wpe.weight", "embed_positions.weight")


def read_header(path: Path) -> tuple[dict, int]:
    """Return the JSON header and the offset where tensor data starts."""
    try:
        with open(path, "rb") as f:
            n = int.from_bytes(f.read(8), "little")
            if n > 100 << 20:
                raise LoadError(
                    path, translate("Errors", "safetensors header is implausibly large")
                )
            header = json.loads(f.read(n))
    except (OSError, ValueError, UnicodeDecodeError, RecursionError) as e:
        # RecursionError: JSON nested thousands deep.
        raise LoadError(
            path,
            translate("Errors", "not a readable safetensors file: {error}").format(
                error=str(e)[:200]
            ),
        ) from None
    if not isinstance(header, dict):
        raise LoadError(path, translate("Errors", "safetensors header is not a JSON object"))
    return header, 8 + n


def _find(header: dict, names: tuple[str, ...]) -> str | None:
    for key in header:
        if key != "__metadata__" and any(key.endswith(n) for n in names):
            return key
    return None


def _whole(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and x >= 0


class _Entry(NamedTuple):
    dtype: str
    shape: tuple[int, ...]
    lo: int
    hi: int


def _entry(path: Path, header: dict, name: str) -> _Entry:
    """One tensor's header entry, checked: a known dtype, a 2-D shape, a byte range that fits it."""
    info = header.get(name)
    if not isinstance(info, dict):
        raise LoadError(
            path,
            translate("Errors", "tensor {name!r}: its header entry is not a JSON object").format(
                name=name
            ),
        )
    dtype, shape, offsets = info.get("dtype"), info.get("shape"), info.get("data_offsets")
    if dtype not in _DTYPES:
        raise LoadError(path, translate("Errors", "tensor {name!r}: unsupported dtype {dtype!r} "
                              "(readable: {known})").format(name=name, dtype=str(dtype)[:20],
                                                             known=", ".join(_DTYPES)))  # fmt: skip
    if not isinstance(shape, list) or not all(_whole(s) for s in shape):
        raise LoadError(
            path,
            translate(
                "Errors", "tensor {name!r}: the shape must be a list of whole numbers"
            ).format(name=name),
        )
    if (not isinstance(offsets, list) or len(offsets) != 2 or not all(_whole(x) for x in offsets)
            or offsets[0] > offsets[1]):  # fmt: skip
        raise LoadError(path, translate("Errors", "tensor {name!r}: data_offsets must be two whole "
                              "numbers, start <= end").format(name=name))  # fmt: skip
    shape = tuple(shape)
    size = int(np.prod(shape, dtype=object)) * np.dtype(_DTYPES[dtype]).itemsize
    if len(shape) != 2 or offsets[1] - offsets[0] != size:
        raise LoadError(path, translate("Errors", "tensor {name!r} has shape {shape}, expected a "
                              "2-D matrix filling its byte range").format(name=name, shape=shape))  # fmt: skip
    return _Entry(dtype, shape, offsets[0], offsets[1])


def _widen_bf16(block: np.ndarray) -> np.ndarray:
    return (block.astype(np.uint32) << 16).view(np.float32)


def tensor(path: Path, name: str, *, rows: np.ndarray | None = None,
           progress: Progress = NULL_PROGRESS) -> np.ndarray:  # fmt: skip
    """Return one 2-D tensor of the file as float32 (bfloat16 widened exactly).

    Only ``rows`` (all when ``None``) are read, in chunks, into memory.
    """
    from embviz.core.formats._npy import _Array, read_matrix

    header, start = read_header(path)
    e = _entry(path, header, name)
    with open(path, "rb") as f:
        if start + e.hi > os.fstat(f.fileno()).st_size:
            raise LoadError(
                path,
                translate("Errors", "tensor {name!r} lies outside the file (truncated?)").format(
                    name=name
                ),
            )
        f.seek(start + e.lo)
        arr = _Array(e.shape, False, np.dtype(_DTYPES[e.dtype]))
        return read_matrix(path, f, arr, rows, progress,
                           translate("Errors", "tensor {name!r}").format(name=name),
                           convert=_widen_bf16 if e.dtype == "BF16" else None)  # fmt: skip


def read_tensors(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of the file, read into memory (float32 and float16 stay as stored).

    The file is read once and each tensor is a view into that copy. It is not
    memory-mapped: a model file re-saved while mapped would crash the process
    (SIGBUS) at the next touch of a changed page. Names are as stored.

    Raises
    ------
    LoadError
        For a header entry with an unknown dtype or a byte range that does not
        match its shape or lies outside the file.
    """
    header, start = read_header(path)
    try:
        raw = np.fromfile(path, dtype=np.uint8)
    except (OSError, ValueError, MemoryError) as e:
        raise LoadError(
            path, translate("Errors", "cannot read the file: {error}").format(error=e)
        ) from None
    raw.flags.writeable = False
    out: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        try:
            dtype = np.dtype({"I64": "<i8", "I32": "<i4", **_DTYPES}[info["dtype"]])
            shape = tuple(int(s) for s in info["shape"])
            lo, hi = (int(x) for x in info["data_offsets"])
        except (KeyError, TypeError, ValueError):
            raise LoadError(
                path,
                translate(
                    "Errors", "tensor {name!r}: unsupported dtype or bad header entry"
                ).format(name=name),
            ) from None
        if hi - lo != int(np.prod(shape, dtype=np.int64)) * dtype.itemsize or not (
            0 <= lo <= hi <= len(raw) - start
        ):
            raise LoadError(path, translate("Errors", "tensor {name!r}: its bytes do not fit its "
                                  "shape {shape} or lie outside the file (truncated?)").format(
                                      name=name, shape=shape))  # fmt: skip
        try:
            out[name] = raw[start + lo : start + hi].view(dtype).reshape(shape)
        except ValueError:  # a shape whose product overflowed into a plausible size
            raise LoadError(
                path,
                translate("Errors", "tensor {name!r}: shape {shape} is impossible").format(
                    name=name, shape=shape
                ),
            ) from None
    return out


def _token_id(tok: Path, token, i) -> int:
    if not _whole(i):
        raise LoadError(tok, translate("Errors", "the id of token {token!r} is {id!r}, not a whole "
                             "number").format(token=str(token)[:40], id=str(i)[:40]))  # fmt: skip
    return i


def read_tokenizer_vocab(path: Path, rows: int | None = None) -> list[str] | None:
    """Tokens by id from ``vocab.txt`` or ``tokenizer.json`` beside ``path``.

    Ids at or beyond ``rows`` (the matrix' rows, when given) have no vector and
    are left out, so an id of 300,000,000 costs nothing.
    """
    vocab = path.parent / "vocab.txt"
    if vocab.exists():
        from embviz.core.formats._npy import read_vocab

        return read_vocab(vocab)
    tok = path.parent / "tokenizer.json"
    if not tok.exists():
        return None
    check_file(tok, directory=translate("Errors", "is a directory, not a tokenizer file"))
    try:
        doc = json.loads(tok.read_text(encoding="utf-8"))
        v = doc["model"]["vocab"]
        added = doc.get("added_tokens") or []
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as e:
        raise LoadError(
            tok,
            translate("Errors", "no vocabulary in tokenizer.json: {error}").format(
                error=str(e)[:200]
            ),
        ) from None
    if isinstance(v, dict):  # WordPiece / BPE: token -> id
        ids = {token: _token_id(tok, token, i) for token, i in v.items()}
        top = max(ids.values(), default=-1) + 1
        out = [""] * (top if rows is None else min(top, rows))
        for token, i in ids.items():
            if i < len(out):
                out[i] = token
    elif isinstance(v, list):  # Unigram: [[token, score], ...]
        if not all(isinstance(t, list | tuple) and t and isinstance(t[0], str) for t in v):
            raise LoadError(
                tok,
                translate(
                    "Errors", "the Unigram vocabulary must be a list of [token, score] pairs"
                ),
            )
        out = [t[0] for t in v]
    else:
        raise LoadError(
            tok, translate("Errors", "the vocabulary is neither a token → id map nor a list")
        )
    if not isinstance(added, list):
        raise LoadError(tok, translate("Errors", "added_tokens must be a list"))
    for entry in added:
        if not isinstance(entry, dict):
            raise LoadError(tok, translate("Errors", "each of added_tokens must be a JSON object"))
        content = entry.get("content", "")
        i = _token_id(tok, content, entry.get("id", 0))
        if i < len(out) and not out[i]:
            out[i] = str(content)
    return out


def read_safetensors(path: Path, *, limit: int | None = None, sample: int | None = None,
                     progress: Progress = NULL_PROGRESS, check_memory: bool = True):  # fmt: skip
    """Read the token embeddings; note any position embeddings in the details.

    Returns
    -------
    tuple of (list of str, numpy.ndarray, dict)
    """
    from embviz.core.formats._npy import wanted_rows

    header, _ = read_header(path)
    name = _find(header, _TOKEN_NAMES)
    if name is None:
        mats = [k for k, v in header.items()
                if k != "__metadata__" and isinstance(v, dict) and isinstance(v.get("shape"), list)
                and len(v["shape"]) == 2]  # fmt: skip
        raise LoadError(path, translate("Errors", "no token-embedding tensor (looked for *{name} "
                              "etc.); 2-D tensors: {found}").format(name=_TOKEN_NAMES[0],
                                                                    found=mats[:8]))  # fmt: skip
    e = _entry(path, header, name)
    details: dict = {"tensor": name, "dtype": e.dtype}
    pos = _find(header, _POSITION_NAMES)
    if pos is not None:
        details["position_embeddings"] = {
            "tensor": pos,
            "shape": list(_entry(path, header, pos).shape),
        }
    n_rows, dim = e.shape
    if check_memory:
        from embviz.core.formats._memory import check_fits

        tok = path.parent / "tokenizer.json"
        extra = 10 * tok.stat().st_size if tok.is_file() else 0  # the JSON document, parsed
        check_fits(path, n_rows, dim, limit=limit, sample=sample, extra=extra)
    words = read_tokenizer_vocab(path, rows=n_rows)
    if words is None:
        raise LoadError(path, translate("Errors", "no vocab.txt or tokenizer.json beside it"))
    n = min(len(words), n_rows)
    if n_rows != n:
        details["rows_without_token"] = n_rows - n
    rows = wanted_rows(n, limit, sample)
    if rows is None and n < n_rows:
        rows = np.arange(n)
    matrix = tensor(path, name, rows=rows, progress=progress)
    keep = range(n) if rows is None else rows
    words = [words[i] if words[i] else f"[id {i}]" for i in keep]
    return words, matrix, details


def position_embeddings(path: str | Path) -> np.ndarray | None:
    """The positional-embedding matrix of a safetensors model, or ``None``."""
    path = Path(path)
    header, _ = read_header(path)
    name = _find(header, _POSITION_NAMES)
    return None if name is None else tensor(path, name)
