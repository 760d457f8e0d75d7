"""Guess a vector file's format from its content, not its name."""

from __future__ import annotations

import struct
from pathlib import Path

from embviz.core.errors import LoadError
from embviz.core.formats._open import check_file, compression, read_head
from embviz.core.i18n import translate

_NPY_MAGIC = b"\x93NUMPY"
_ZIP_MAGIC = b"PK\x03\x04"
_FASTTEXT_MAGIC = (793712314).to_bytes(4, "little")
_HEAD = 65536


def _numbers(fields: list[bytes]) -> bool:
    try:
        for f in fields:
            float(f)
    except ValueError:
        return False
    return bool(fields)


def _text_line(rest: bytes, dim: int) -> bool:
    """Whether ``rest`` starts with a text line of a word and ``dim`` numbers.

    A line longer than the bytes read (3,072 values written with ``%.18e`` are
    80 KB) is judged by its complete fields, never by its length: binary
    float32 data does not read as space-separated numbers.
    """
    nl = rest.find(b"\n")
    if nl >= 0:
        fields = rest[:nl].rstrip().split(b" ")
        return len(fields) == dim + 1 and _numbers(fields[1:])
    fields = rest.split(b" ")
    return 2 < len(fields) <= dim + 2 and _numbers(fields[1:-1])


def _safetensors(head: bytes, size: int) -> bool:
    if len(head) < 10:
        return False
    n = int.from_bytes(head[:8], "little")
    return 2 <= n <= size - 8 and head[8:9] == b"{"


def _old_fasttext(head: bytes) -> bool:
    """FastText models from before the magic number: 12 small int32 args, then t (a double)."""
    if len(head) < 56:
        return False
    ints = struct.unpack("<12i", head[:48])
    (t,) = struct.unpack("<d", head[48:56])
    dim, ws, epoch, _min_count, _neg, ngrams, loss, model, _bucket, minn, maxn, lr_update = ints
    return (
        all(0 <= i <= 1 << 24 for i in ints)
        and min(dim, ws, epoch, ngrams, lr_update) >= 1
        and loss in (1, 2, 3)  # hierarchical softmax, negative sampling, softmax
        and model in (1, 2, 3)  # cbow, skipgram, supervised
        and minn <= maxn
        and 0.0 < t < 1.0
    )


def detect_format(path: Path) -> str:
    """Return the format name of the file at ``path`` (see :data:`FORMATS`).

    Raises
    ------
    LoadError
        If the file cannot be read or is empty.
    """
    return detect(path)[0]


def detect(path: Path) -> tuple[str, dict]:
    """Return the format name and what the detection saw (for ``info``)."""
    check_file(path, devices=True)
    try:
        with open(path, "rb") as f:
            raw = f.read(_HEAD)
    except OSError as e:
        raise LoadError(
            path, translate("Errors", "cannot be read: {error}").format(error=e.strerror or e)
        ) from None
    if not raw:
        raise LoadError(path, translate("Errors", "the file is empty"), line=1)
    size = path.stat().st_size or len(raw)  # a device such as /dev/zero has no size
    if raw.startswith(_NPY_MAGIC):
        return "npy", {"detected_by": "NumPy magic bytes"}
    if raw.startswith(_ZIP_MAGIC):
        return "npz", {"detected_by": "zip magic bytes (NumPy .npz)"}
    if raw.startswith(_FASTTEXT_MAGIC):
        return "fasttext-bin", {"detected_by": "fastText magic number"}
    if _old_fasttext(raw):
        return "fasttext-bin", {"detected_by": "fastText model header (format before the magic)"}
    if raw[:1] == b"\x80" and raw[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05"):
        return "gensim", {"detected_by": "Python pickle opcode (gensim .kv/.model)"}
    if _safetensors(raw, size):
        return "safetensors", {"detected_by": "safetensors JSON header"}
    details: dict = {}
    comp = compression(raw)
    head = raw
    if comp:
        details["compression"] = comp
        head = read_head(path, _HEAD)
        if not head:
            raise LoadError(
                path,
                translate("Errors", "the file is empty once {compression}-decompressed").format(
                    compression=comp
                ),
                line=1,
            )
    nl = head.find(b"\n")
    first = head if nl < 0 else head[:nl]
    fields = first.strip(b" \r").split(b" ")
    if len(fields) == 2 and all(t.isdigit() for t in fields):
        dim = int(fields[1])
        details["header"] = f"{int(fields[0])} {dim}"
        rest = head[nl + 1 :] if nl >= 0 else b""
        if len(rest) == 0 or _text_line(rest, dim):
            details["detected_by"] = "'count dim' header, then text lines"
            return "word2vec", details
        details["detected_by"] = "'count dim' header, then binary float32 data"
        return "word2vec-binary", details
    cells = first.rstrip(b"\r").split(b"\t")
    if (len(cells) >= 2 or b" " not in first.strip()) and _numbers(cells):
        details["detected_by"] = "tab-separated numbers (Embedding Projector)"
        return "tsv", details
    details["detected_by"] = "text lines of a word and numbers, no header"
    return "glove", details
