"""A Transformer's token-embedding matrix from ``.safetensors`` + its vocabulary.

The safetensors layout is documented and simple: an 8-byte little-endian
header length, a JSON header naming each tensor's dtype, shape and byte range,
then the raw data. It is parsed here directly (no torch); the data is
memory-mapped. The vocabulary comes from ``vocab.txt`` (BERT: one token per
line, the line number is the id) or ``tokenizer.json`` beside the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from embviz.core.errors import LoadError

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
                raise LoadError(path, "safetensors header is implausibly large")
            header = json.loads(f.read(n))
    except (OSError, ValueError, UnicodeDecodeError) as e:
        raise LoadError(path, f"not a readable safetensors file: {e}") from None
    if not isinstance(header, dict):
        raise LoadError(path, "safetensors header is not a JSON object")
    return header, 8 + n


def _find(header: dict, names: tuple[str, ...]) -> str | None:
    for key in header:
        if key != "__metadata__" and any(key.endswith(n) for n in names):
            return key
    return None


def tensor(path: Path, name: str) -> np.ndarray:
    """Return one 2-D tensor of the file as float32 (bfloat16 widened exactly)."""
    header, start = read_header(path)
    info = header.get(name)
    try:
        dtype = _DTYPES[info["dtype"]]
        shape = tuple(int(s) for s in info["shape"])
        lo, hi = (int(x) for x in info["data_offsets"])
    except (KeyError, TypeError, ValueError):
        raise LoadError(path, f"tensor {name!r}: unsupported dtype or bad header entry") from None
    if len(shape) != 2 or hi - lo != shape[0] * shape[1] * np.dtype(dtype).itemsize:
        raise LoadError(path, f"tensor {name!r} has shape {shape}, expected a 2-D matrix")
    try:
        raw = np.memmap(path, dtype=dtype, mode="r", offset=start + lo, shape=shape)
    except (OSError, ValueError) as e:
        raise LoadError(path, f"tensor {name!r} lies outside the file (truncated?): {e}") from None
    if info["dtype"] == "BF16":
        return (raw.astype(np.uint32) << 16).view(np.float32)
    return np.asarray(raw, dtype=np.float32)


def read_tensors(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of the file, memory-mapped (float32 and float16 stay as stored).

    One read-only map of the whole file; each tensor is a view into it, so
    nothing is read from disk until it is used. Names are as stored.

    Raises
    ------
    LoadError
        For a header entry with an unknown dtype or a byte range that does not
        match its shape or lies outside the file.
    """
    header, start = read_header(path)
    try:
        raw = np.memmap(path, dtype=np.uint8, mode="r")
    except (OSError, ValueError) as e:
        raise LoadError(path, f"cannot map the file: {e}") from None
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
                path, f"tensor {name!r}: unsupported dtype or bad header entry"
            ) from None
        if hi - lo != int(np.prod(shape, dtype=np.int64)) * dtype.itemsize or not (
            0 <= lo <= hi <= len(raw) - start
        ):
            raise LoadError(path, f"tensor {name!r}: its bytes do not fit its shape {shape} "
                                  "or lie outside the file (truncated?)")  # fmt: skip
        try:
            out[name] = raw[start + lo : start + hi].view(dtype).reshape(shape)
        except ValueError:  # a shape whose product overflowed into a plausible size
            raise LoadError(path, f"tensor {name!r}: shape {shape} is impossible") from None
    return out


def read_tokenizer_vocab(path: Path) -> list[str] | None:
    """Tokens by id from ``vocab.txt`` or ``tokenizer.json`` beside ``path``."""
    vocab = path.parent / "vocab.txt"
    if vocab.exists():
        from embviz.core.formats._npy import read_vocab

        return read_vocab(vocab)
    tok = path.parent / "tokenizer.json"
    if not tok.exists():
        return None
    try:
        model = json.loads(tok.read_text(encoding="utf-8"))["model"]
        v = model["vocab"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise LoadError(tok, f"no vocabulary in tokenizer.json: {e}") from None
    if isinstance(v, dict):  # WordPiece / BPE: token -> id
        out = [""] * (max(v.values()) + 1 if v else 0)
        for token, i in v.items():
            out[int(i)] = token
    else:  # Unigram: [[token, score], ...]
        out = [str(t[0]) for t in v]
    for added in json.loads(tok.read_text(encoding="utf-8")).get("added_tokens", []):
        i = int(added.get("id", -1))
        if 0 <= i < len(out) and not out[i]:
            out[i] = added.get("content", "")
    return out


def read_safetensors(path: Path):
    """Read the token embeddings; note any position embeddings in the details.

    Returns
    -------
    tuple of (list of str, numpy.ndarray, dict)
    """
    header, _ = read_header(path)
    name = _find(header, _TOKEN_NAMES)
    if name is None:
        mats = [
            k for k, v in header.items() if k != "__metadata__" and len(v.get("shape", [])) == 2
        ]
        raise LoadError(path, f"no token-embedding tensor (looked for *{_TOKEN_NAMES[0]} etc.); "
                              f"2-D tensors: {mats[:8]}")  # fmt: skip
    matrix = tensor(path, name)
    words = read_tokenizer_vocab(path)
    details: dict = {"tensor": name, "dtype": header[name]["dtype"]}
    if words is None:
        raise LoadError(path, "no vocab.txt or tokenizer.json beside it")
    n = min(len(words), len(matrix))
    words = [w if w else f"[id {i}]" for i, w in enumerate(words[:n])]
    if len(matrix) != n:
        details["rows_without_token"] = len(matrix) - n
    pos = _find(header, _POSITION_NAMES)
    if pos is not None:
        details["position_embeddings"] = {"tensor": pos, "shape": header[pos]["shape"]}
    return words, matrix[:n], details


def position_embeddings(path: str | Path) -> np.ndarray | None:
    """The positional-embedding matrix of a safetensors model, or ``None``."""
    path = Path(path)
    header, _ = read_header(path)
    name = _find(header, _POSITION_NAMES)
    return None if name is None else tensor(path, name)
