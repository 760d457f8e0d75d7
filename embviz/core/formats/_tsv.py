"""TensorFlow Embedding Projector TSV: ``vectors.tsv`` and ``metadata.tsv``.

``vectors.tsv`` holds only numbers, one row per line, tab-separated. The
optional ``metadata.tsv`` beside it has one label per line, or (with several
columns) a header line and then tab-separated columns; the first column gives
the words and every column is kept for colouring and labels.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from embviz.core.errors import LoadError
from embviz.core.formats._open import open_reader
from embviz.core.i18n import translate
from embviz.core.progress import NULL_PROGRESS, Progress


def metadata_candidates(path: Path) -> list[Path]:
    """Where the metadata of a vectors TSV may be, most specific first."""
    name = path.name
    out = []
    if "vectors" in name:
        out.append(path.with_name(name.replace("vectors", "metadata")))
    stem = name[: -len(".tsv")] if name.endswith(".tsv") else path.stem
    out += [path.with_name(stem + ".metadata.tsv"), path.with_name(stem + "_metadata.tsv"),
            path.with_name("metadata.tsv")]  # fmt: skip
    return [p for p in out if p != path]


def _parse_vectors(path: Path, data: bytes) -> np.ndarray:
    import polars as pl

    lines = data.rstrip(b"\r\n").split(b"\n")
    dim = len(lines[0].rstrip(b"\r").split(b"\t"))
    try:
        df = pl.read_csv(data, separator="\t", has_header=False, quote_char=None,
                         schema={f"c{i}": pl.Float64 for i in range(dim)})  # fmt: skip
        if df.height == len(lines) and not any(df.null_count().row(0)):
            return df.to_numpy()
    except Exception:  # polars raises several types; the loop below names the line
        pass
    rows = []
    for i, line in enumerate(lines, 1):
        cells = line.rstrip(b"\r").split(b"\t")
        if len(cells) != dim:
            raise LoadError(
                path,
                translate("Errors", "expected {dim} tab-separated numbers, found {found}").format(
                    dim=dim, found=len(cells)
                ),
                line=i,
            )
        try:
            rows.append([float(c) for c in cells])
        except ValueError:
            bad = next(c for c in cells if not _isfloat(c))
            raise LoadError(
                path, translate("Errors", "not a number: {value!r}").format(value=bad[:40]), line=i
            ) from None
    return np.array(rows, dtype=np.float64)


def _isfloat(b: bytes) -> bool:
    try:
        float(b)
    except ValueError:
        return False
    return True


def _read_all(path: Path, progress: Progress) -> bytes:
    """The decompressed file, read in chunks that check for cancel, within memory.

    The text is parsed whole (as float64, then float32). A plain file may not
    grow beyond the size its memory check saw; compressed text may take a fifth
    of the available memory (it grows about fourfold once parsed); a device
    or a compression bomb stops there.
    """
    from embviz.core.formats._memory import available_memory

    parts = []
    got = 0
    with open_reader(path) as r:
        if r.compression:
            most = available_memory() // 5
        else:  # what the size said when the load was checked (a device: a little)
            most = max(r.size, 16 << 20)
        while block := r.read(8 << 20):
            parts.append(block)
            got += len(block)
            if got > most:
                raise LoadError(path, translate("Errors", "holds more than {mb:,} MB of text: too "
                                      "large to read whole into the memory available"
                                      ).format(mb=most >> 20))  # fmt: skip
            progress.report(r.fraction(), f"reading {path.name}")
    return b"".join(parts)


def read_tsv(path: Path, *, unicode_errors: str = "strict", progress: Progress = NULL_PROGRESS):
    """Read projector vectors and the metadata beside them, if any.

    Returns
    -------
    tuple of (list of str, numpy.ndarray, dict, dict)
        Words, float32 matrix, metadata columns and details.
    """
    data = _read_all(path, progress)
    if not data.strip():
        raise LoadError(path, translate("Errors", "the file is empty"), line=1)
    vectors = _parse_vectors(path, data).astype(np.float32)
    n = len(vectors)
    meta_path = next((p for p in metadata_candidates(path) if p.exists()), None)
    details: dict = {}
    metadata: dict[str, list] = {}
    if meta_path is None:
        words = [str(i) for i in range(n)]
        details["metadata"] = "none (words are row numbers)"
        return words, vectors, metadata, details
    from embviz.core.formats._open import check_file

    check_file(meta_path, directory=translate("Errors", "is a directory, not a metadata file"))
    raw = meta_path.read_bytes()
    try:
        text = raw.decode("utf-8", errors=unicode_errors)
    except UnicodeDecodeError as e:
        from embviz.core.formats._errors import InvalidUtf8Error

        raise InvalidUtf8Error(meta_path, e.reason, line=raw[: e.start].count(b"\n") + 1) from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [ln.rstrip("\r") for ln in lines]
    if len(lines) == n:  # one column, no header (the projector's rule)
        words = lines
        metadata["label"] = list(lines)
    elif len(lines) == n + 1 and "\t" in lines[0]:
        names = lines[0].split("\t")
        cols: list[list[str]] = [[] for _ in names]
        for i, ln in enumerate(lines[1:], 2):
            cells = ln.split("\t")
            if len(cells) != len(names):
                raise LoadError(
                    meta_path,
                    translate("Errors", "expected {columns} columns, found {found}").format(
                        columns=len(names), found=len(cells)
                    ),
                    line=i,
                )
            for c, v in zip(cols, cells, strict=True):
                c.append(v)
        words = cols[0]
        metadata = dict(zip(names, cols, strict=True))
    else:
        raise LoadError(
            meta_path,
            translate("Errors", "has {lines} lines but {file} has {n} vectors").format(
                lines=len(lines), file=path.name, n=n
            ),
        )
    details["metadata"] = meta_path.name
    return words, vectors, metadata, details


def write_tsv(path: Path, words, vectors: np.ndarray, metadata: dict | None = None) -> Path:
    """Write ``vectors.tsv`` and its metadata file; return the metadata path."""
    import polars as pl

    for w in words:
        if "\t" in w or "\n" in w:
            raise LoadError(
                path,
                translate(
                    "Errors", "word {word!r} contains a tab or newline; TSV cannot hold it"
                ).format(word=w[:40]),
            )
    vectors = np.asarray(vectors, dtype=np.float32)
    df = pl.DataFrame(vectors, schema=[f"c{i}" for i in range(vectors.shape[1])], orient="row")
    df.write_csv(path, separator="\t", include_header=False, quote_style="never")
    meta_path = metadata_candidates(path)[0]
    cols = {k: v for k, v in (metadata or {}).items() if k != "label"}
    with open(meta_path, "w", encoding="utf-8", newline="\n") as f:
        if not cols:
            f.writelines(w + "\n" for w in words)
        else:
            names = ["word", *cols]
            f.write("\t".join(names) + "\n")
            for i, w in enumerate(words):
                cells = [w] + [str(cols[k][i]).replace("\t", " ").replace("\n", " ") for k in cols]
                f.write("\t".join(cells) + "\n")
    return meta_path
