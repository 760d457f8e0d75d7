"""Reading and writing vector files.

:func:`load` detects the format from the file's content and dispatches to one
reader per format; :func:`save` writes one. Every reader raises
:class:`~embviz.core.errors.LoadError` naming the file, the line and what was
wrong. Errors the user can resolve by a choice (trusting a pickle, replacing
invalid UTF-8, sampling a file too large for memory) are
:class:`NeedsChoiceError` subclasses that name the option to set.

Text and binary word2vec files are streamed into a cache in the user's cache
directory and returned memory-mapped from it, so memory stays small and the
next open of the same, unchanged file skips parsing entirely.
"""

from __future__ import annotations

import os
import stat
import time
from os import PathLike
from pathlib import Path

import numpy as np

from embviz.core.embeddings import Embeddings, Source
from embviz.core.errors import LoadError
from embviz.core.formats import _cache
from embviz.core.formats._detect import detect, detect_format
from embviz.core.formats._errors import (
    InvalidUtf8Error,
    NeedsChoiceError,
    TooLargeError,
    UntrustedFileError,
)
from embviz.core.formats._gensim import load_fasttext
from embviz.core.formats._open import check_file
from embviz.core.formats._safetensors import position_embeddings
from embviz.core.i18n import translate
from embviz.core.progress import NULL_PROGRESS, Progress

FORMATS = ("word2vec", "word2vec-binary", "glove", "fasttext-bin", "tsv", "npy", "npz",
           "safetensors", "gensim")  # fmt: skip
"""Format names :func:`load` accepts (``word2vec`` includes fastText ``.vec``)."""

WRITE_FORMATS = ("word2vec", "word2vec-binary", "glove", "tsv", "npy", "npz")
"""Format names :func:`save` writes."""

_STREAMED = ("word2vec", "word2vec-binary", "glove")
_SELECTING = ("npy", "npz", "safetensors")  # read only the rows limit and sample keep
_CACHED = (*_STREAMED, "tsv", "fasttext-bin")

__all__ = [
    "FORMATS", "WRITE_FORMATS", "InvalidUtf8Error", "NeedsChoiceError", "TooLargeError",
    "UntrustedFileError", "check_not_input", "detect_format", "drop_nonfinite", "load",
    "load_fasttext", "position_embeddings", "save",
]  # fmt: skip


def load(
    path: str | PathLike,
    *,
    format: str | None = None,
    limit: int | None = None,
    sample: int | None = None,
    progress: Progress | None = None,
    cache: bool = True,
    trust: bool = False,
    unicode_errors: str = "strict",
    check_memory: bool = True,
) -> Embeddings:
    """Load a vector file.

    Parameters
    ----------
    path
        The file to read. It is never modified.
    format
        One of :data:`FORMATS`; detected from the content when ``None``.
    limit
        Read only the first ``limit`` vectors (files are usually ordered by
        frequency, so this keeps the most common words).
    sample
        Keep ``sample`` vectors spread evenly through the file (after
        ``limit``), for files too large to load whole.
    progress
        Receives progress reports and may cancel the load.
    cache
        Use (and fill) the cache in the user's cache directory.
    trust
        Allow gensim ``.kv``/``.model`` files, which are pickles and can run
        code when opened. Never set this for files from unknown sources.
    unicode_errors
        ``"strict"``: invalid UTF-8 is an error naming the line;
        ``"replace"``: invalid bytes become U+FFFD.
    check_memory
        Refuse (with :class:`TooLargeError`) a load that would not fit in
        the available memory: before it starts, from what the file declares
        and its size allow, and again as rows arrive (the README's budget:
        at most the estimated result × 1.5 + 300 MB).

    Returns
    -------
    Embeddings
        ``source.details`` says what detection saw, the number of rows with
        NaN/inf values (``nonfinite_rows``) and whether the cache was used.

    Raises
    ------
    LoadError
        For any problem with the file, naming it (and the line, for text).
    """
    progress = progress or NULL_PROGRESS
    p = Path(path)
    if not str(path):
        raise LoadError(None, translate("Errors", "no file name given"))
    st = check_file(p, devices=True)
    for name, value in (("limit", limit), ("sample", sample)):
        if value is not None and value < 1:
            raise LoadError(
                p,
                translate("Errors", "{name} must be at least 1, got {value}").format(
                    name=name, value=value
                ),
            )
    if unicode_errors not in ("strict", "replace"):
        raise LoadError(
            p,
            translate(
                "Errors", "unicode_errors must be 'strict' or 'replace', not {value!r}"
            ).format(value=unicode_errors),
        )
    t0 = time.perf_counter()
    fmt, details = detect(p)
    if format is not None:
        if format not in FORMATS:
            raise LoadError(
                p,
                translate("Errors", "unknown format {format!r}; known formats: {known}").format(
                    format=format, known=", ".join(FORMATS)
                ),
            )
        fmt = format
        details = {**details, "detected_by": "given by the user"}
    if fmt not in (*_STREAMED, "tsv") and not stat.S_ISREG(st.st_mode):
        # These readers seek to the end or read a whole array: a device never ends.
        raise LoadError(
            p,
            translate(
                "Errors", "is a device, not a regular file; a {format} file cannot be read from it"
            ).format(format=fmt),
        )
    metadata: dict = {}
    options = {"limit": limit, "sample": sample, "unicode_errors": unicode_errors}
    if fmt == "tsv":  # the words live in metadata.tsv: its changes must miss the cache too
        from embviz.core.formats._tsv import metadata_candidates

        meta = next((m for m in metadata_candidates(p) if m.exists()), None)
        if meta is not None:
            # Before anything opens it: opening a FIFO would wait forever.
            check_file(meta, directory=translate("Errors", "is a directory, not a metadata file"))
            try:
                options["metadata"] = _cache.file_identity(meta)
            except OSError:  # the reader reports it; the cache is simply not used
                cache = False
    key = _cache.cache_key(p, fmt, options) if cache and fmt in _CACHED else None
    hit = _cache.lookup(key) if key else None
    norms = None
    if hit is not None:
        words, vectors, entry = hit
        norms = entry["norms"]  # cosine queries stream over the mapped rows with these
        details = {**entry.get("details", {}), "cached": True}
        metadata = entry.get("metadata", {})
        progress.report(1.0, f"read {p.name} from the cache")
    elif fmt in _STREAMED:
        words, vectors, more = _load_streamed(p, fmt, details, limit=limit, sample=sample, key=key,
                                              unicode_errors=unicode_errors, progress=progress,
                                              check_memory=check_memory)  # fmt: skip
        details = {**details, **more}
    else:
        if check_memory and fmt == "tsv":
            _check_tsv_fits(p, details, limit=limit, sample=sample)
        words, vectors, metadata, more = _load_whole(
            p, fmt, trust=trust, unicode_errors=unicode_errors, limit=limit, sample=sample,
            progress=progress, check_memory=check_memory,
        )  # fmt: skip
        details = {**details, **more}
        if fmt not in _SELECTING:
            words, vectors, metadata = _select(words, vectors, metadata, limit, sample)
        vectors = np.asarray(vectors, dtype=np.float32)
        details["nonfinite_rows"] = int((~np.isfinite(vectors).all(axis=1)).sum())
        details["unique_words"] = _unique(words)  # kept in the cache entry: checked once
        if key:
            entry = {"format": fmt, "details": details, "metadata": metadata}
            vectors = _cache.store(key, list(words), vectors, entry) if len(words) else vectors
            if vectors is None:  # the cache could not be written: reread without it
                return load(p, format=format, limit=limit, sample=sample, progress=progress,
                            cache=False, trust=trust, unicode_errors=unicode_errors)  # fmt: skip
        details["cached"] = False
        progress.report(1.0, f"read {p.name}")
    if not details.get("unique_words") and not _unique(words):  # a cache entry knows
        words, vectors, metadata, rows = _first_of_duplicates(words, vectors, metadata, details)
        norms = None if norms is None else np.asarray(norms)[rows]
    note = _cache.take_note()
    if note:
        details["cache_problem"] = note
    seconds = time.perf_counter() - t0
    emb = Embeddings(words, vectors, metadata=metadata, norms=norms,
                     source=Source(path=str(p), format=fmt, seconds=seconds, details=details))  # fmt: skip
    if fmt == "fasttext-bin":
        from embviz.core.formats._gensim import FastTextSubwords

        emb.subwords = FastTextSubwords(p)
    return emb


def _unique(words: list[str]) -> bool:
    """Whether no word repeats.

    Sorting the words' hashes needs 8 bytes a word where a set needs ~60
    (25 MB more at the peak of a 400k-word load); only equal hashes, almost
    always a real repeat, are checked with a set.
    """
    h = np.fromiter(map(hash, words), dtype=np.int64, count=len(words))
    h.sort()
    return not (h[1:] == h[:-1]).any() or len(set(words)) == len(words)


def _first_of_duplicates(words, vectors, metadata, details):
    """Keep only the first row of a repeated word, as gensim does; also return the rows kept.

    A second ``cat`` row would otherwise show up among ``cat``'s own
    neighbours (or twice in any list). ``details`` notes how many rows went.
    """
    first: dict[str, int] = {}
    for i, w in enumerate(words):
        first.setdefault(w, i)
    rows = np.fromiter(first.values(), dtype=np.int64, count=len(first))
    dup = next(w for i, w in enumerate(words) if first[w] != i)
    details["duplicate_rows_dropped"] = len(words) - len(rows)
    details["first_duplicate_word"] = dup
    metadata = {k: [v[i] for i in rows] for k, v in metadata.items()}
    return list(first), np.asarray(vectors)[rows], metadata, rows


def _check_tsv_fits(p: Path, seen: dict, *, limit, sample) -> None:
    """Refuse a projector TSV too large for memory before reading it (read whole)."""
    from embviz.core.formats._memory import check_fits, estimate_rows
    from embviz.core.formats._open import open_reader

    with open_reader(p) as r:
        head = r.read(1 << 20)
        consumed = r.fraction()
    dim = len(head.split(b"\n", 1)[0].split(b"\t"))
    rows = estimate_rows(p, head, compressed="compression" in seen, consumed=consumed)
    # The whole file is parsed as float64 before rows are selected.
    check_fits(p, rows, 2 * dim, limit=None, sample=None)


def _select(words, vectors, metadata, limit, sample):
    n = len(words) if limit is None else min(limit, len(words))
    rows = np.arange(n)
    if sample is not None and sample < n:
        rows = _sample_rows(n, sample)
    if n == len(words) and len(rows) == n:
        return words, vectors, metadata
    return ([words[i] for i in rows], vectors[rows],
            {k: [v[i] for i in rows] for k, v in metadata.items()})  # fmt: skip


def _sample_rows(total: int, sample: int) -> np.ndarray:
    """``sample`` row numbers spread evenly over ``range(total)``, in order."""
    from embviz.core.formats._npy import sample_rows

    return sample_rows(total, sample)


def _load_whole(p: Path, fmt: str, *, trust: bool, unicode_errors: str, limit, sample, progress,
                check_memory):  # fmt: skip
    rows = {"limit": limit, "sample": sample, "progress": progress, "check_memory": check_memory}
    if fmt == "npy":
        from embviz.core.formats._npy import read_npy

        words, m, d = read_npy(p, **rows)
        return words, m, {}, d
    if fmt == "npz":
        from embviz.core.formats._npy import read_npz

        words, m, d = read_npz(p, **rows)
        return words, m, {}, d
    if fmt == "tsv":
        from embviz.core.formats._tsv import read_tsv

        return read_tsv(p, unicode_errors=unicode_errors, progress=progress)
    if fmt == "safetensors":
        from embviz.core.formats._safetensors import read_safetensors

        words, m, d = read_safetensors(p, **rows)
        return words, m, {}, d
    if fmt == "fasttext-bin":
        from embviz.core.formats._gensim import read_fasttext

        words, m, d = read_fasttext(p, progress=progress, check_memory=check_memory)
        return words, m, {}, d
    if fmt == "gensim":
        from embviz.core.formats._gensim import read_gensim

        words, m, d = read_gensim(p, trust=trust)
        return words, m, {}, d
    raise LoadError(p, translate("Errors", "unknown format {format!r}").format(format=fmt))


def _load_streamed(p: Path, fmt: str, seen: dict, *, limit, sample, key, unicode_errors, progress,
                   check_memory):  # fmt: skip
    from embviz.core.formats._binary import BinaryReader
    from embviz.core.formats._text import TextReader

    if fmt == "word2vec-binary":
        reader = BinaryReader(p, limit=limit, unicode_errors=unicode_errors, progress=progress)
    else:
        reader = TextReader(p, header=(fmt == "word2vec"), limit=limit,
                            unicode_errors=unicode_errors, progress=progress)  # fmt: skip
    from embviz.core.formats._memory import WORD_BYTES, available_memory, check_fits
    from embviz.core.formats._npy import sample_between

    keep = None  # (rows, sample): keep the sample's rows of the first ``rows``
    total = None
    compressed = "compression" in seen
    if check_memory or sample is not None:
        total, dim = _count(p, fmt, seen, exact=sample is not None, progress=progress)
        if check_memory and dim:
            check_fits(p, total, dim, limit=limit, sample=sample)
        if sample is not None:
            n = total if limit is None else min(limit, total)
            keep = (n, sample) if sample < n else None
    next_check = 64 << 20  # bytes of rows kept before memory is checked again
    words: list[str] = []
    blocks: list[np.ndarray] = []
    writer = None
    nonfinite = 0
    first_bad = None
    row0 = 0
    out = None
    filled = 0
    try:
        for bw, block in reader.blocks():
            if keep is not None:
                idx = sample_between(*keep, row0, row0 + len(bw)) - row0
                row0 += len(bw)
                bw, block = [bw[i] for i in idx], block[idx]
            kept = len(words) + len(bw)
            per_row = block.shape[1] * 4 + WORD_BYTES
            if check_memory and kept * per_row > next_check:
                # Extrapolate from the bytes read so far (enough rows now for that):
                # the estimate made up front may have been wrong, and a compressed
                # file's size says nothing about its rows.
                fraction = max(reader.fraction(), 1e-9)
                avail = available_memory()
                coming = min(kept / fraction, limit or np.inf) - kept
                if coming * per_row > 0.8 * avail:
                    _too_large(p, kept, fraction, block.shape[1])
                next_check = kept * per_row + max(avail // 16, 16 << 20)
            bad = ~np.isfinite(block).all(axis=1)
            if bad.any():
                if first_bad is None:
                    first_bad = bw[int(np.argmax(bad))]
                nonfinite += int(bad.sum())
            words.extend(bw)
            if key and writer is None:
                try:
                    writer = _cache.CacheWriter(key, block.shape[1])
                except OSError:
                    key = None
            if writer is not None:
                try:
                    writer.add(block, bw)
                    continue
                except OSError:  # disk full: carry on in memory
                    blocks = [writer.read_back()]  # every row so far, this block's too
                    writer.abort()
                    writer = None
                    key = None
                    continue
            if out is not None and filled + len(block) <= len(out):
                out[filled : filled + len(block)] = block
                filled += len(block)
                continue
            size = reader.count if reader.count is not None else total
            if out is None and size is not None and keep is None and not blocks:
                # Fill one matrix of the size the header gives (or, without a
                # header, a little more than the estimate) instead of joining
                # blocks at the end, which would briefly need twice the memory.
                rows = size if reader.count is not None else int(size * 1.05) + 1024
                rows = min(rows, limit or rows, _most_rows(p, block.shape[1], fmt, compressed))
                out = np.empty((max(rows, len(block)), block.shape[1]), dtype=np.float32)
                out[: len(block)] = block
                filled = len(block)
                continue
            if out is not None:
                # The estimate was short: grow the matrix in place. realloc moves
                # no data for large sizes (mremap) and never holds two copies, where
                # joining blocks at the end briefly needed twice the memory.
                grown = max(filled + len(block), len(out) + len(out) // 2)
                out.resize((grown, out.shape[1]), refcheck=False)
                out[filled : filled + len(block)] = block
                filled += len(block)
                continue
            blocks.append(block)
        if out is not None:
            out.resize((filled, out.shape[1]), refcheck=False)  # give back the unused rows
            blocks = [out]
        details = {"nonfinite_rows": nonfinite, "cached": False}
        if first_bad is not None:
            details["first_nonfinite_word"] = first_bad
        if getattr(reader, "newlines", None) is not None:
            details["newline_after_vector"] = reader.newlines
        if getattr(reader, "exact_rows", 0):
            details["rows_parsed_exactly"] = reader.exact_rows
        if unicode_errors == "replace":
            details["invalid_utf8"] = "replaced with U+FFFD"
        details["unique_words"] = _unique(words)  # kept in the cache entry: checked once
        if writer is not None:
            entry = {"format": fmt, "details": {**seen, **details}, "metadata": {}}
            try:
                vectors = writer.finish(words, entry)
            except OSError:  # the last rows did not fit on the disk: keep them in memory
                vectors = writer.read_back()
                writer.abort()
            writer = None
        else:
            vectors = blocks[0] if len(blocks) == 1 else np.concatenate(blocks)
        return words, vectors, details
    finally:
        if writer is not None:
            writer.abort()


def _too_large(p: Path, kept: int, fraction: float, dim: int):
    """Refuse, mid-way, a load whose rows outgrew memory.

    A compressed file's rows are known only as they arrive.
    """
    from embviz.core.formats._memory import WORD_BYTES, available_memory

    per_row = dim * 4 + WORD_BYTES
    rows = max(kept, int(kept / max(fraction, 1e-9)))  # extrapolated from the bytes read
    avail = available_memory()
    raise TooLargeError(p, rows * per_row, avail, rows, max(1, min(rows, avail // 2 // per_row)))


def _most_rows(p: Path, dim: int, fmt: str, compressed: bool) -> int:
    """The most rows of ``dim`` values the file's size allows (a header may claim more).

    A text row takes at least ``2 × dim`` bytes (``" 0"`` per value), a binary
    one ``4 × dim + 1``. A compressed file allows any number: the rows that
    fit in memory are the bound then.
    """
    from embviz.core.formats._memory import WORD_BYTES, available_memory

    size = p.stat().st_size
    if compressed or not size:
        return max(1, available_memory() // (dim * 4 + WORD_BYTES))
    per_row = 4 * dim + 1 if fmt == "word2vec-binary" else 2 * dim
    return size // per_row + 1


def _count(p: Path, fmt: str, seen: dict, *, exact: bool,
           progress: Progress = NULL_PROGRESS) -> tuple[int, int | None]:  # fmt: skip
    """Rows and dim of a streamed file.

    From the header (as far as the file's size allows), else estimated or counted.
    """
    from embviz.core.formats._memory import estimate_rows
    from embviz.core.formats._open import open_reader
    from embviz.core.formats._text import MAX_LINE, parse_header

    with open_reader(p) as r:
        head = r.read(1 << 20)
        consumed = r.fraction()  # of the file on disk, for those 1 MB
    compressed = "compression" in seen
    if fmt in ("word2vec", "word2vec-binary"):  # the header, even if detection saw none
        nl = head.find(b"\n")
        count, dim = parse_header(p, head[: nl if nl >= 0 else 100])
        return min(count, _most_rows(p, dim, fmt, compressed)), dim
    first = head.split(b"\n", 1)[0].rstrip()
    dim = first.count(b" ") or None
    if not exact:
        return estimate_rows(p, head, compressed=compressed, consumed=consumed), dim
    # Spreading a sample needs the exact count: one cheap pass over the bytes.
    n = 0
    last = b"\n"
    since = 0  # bytes since the last newline: a file without any is not text
    with open_reader(p) as r:
        while block := r.read(8 << 20):
            progress.check()
            k = block.count(b"\n")
            n += k
            since = len(block) - block.rfind(b"\n") - 1 if k else since + len(block)
            if since > MAX_LINE:
                raise LoadError(p, translate("Errors", "no line break in {mb} MB: not a text "
                                "vector file").format(mb=since >> 20), line=n + 1)  # fmt: skip
            last = block[-1:]
    return n + (last != b"\n"), dim


def drop_nonfinite(emb: Embeddings) -> Embeddings:
    """Return ``emb`` without the rows holding NaN or infinite values."""
    good = np.flatnonzero(np.isfinite(emb.vectors).all(axis=1))
    out = emb.subset(good)
    details = {**out.source.details, "nonfinite_rows": 0,
               "dropped_nonfinite_rows": len(emb) - len(good)}  # fmt: skip
    src = out.source
    out.source = Source(path=src.path, format=src.format, label=src.label, seconds=src.seconds,
                        details=details)  # fmt: skip
    return out


def save(emb: Embeddings, path: str | PathLike, *, format: str) -> list[Path]:
    """Write ``emb`` to ``path`` in ``format`` (one of :data:`WRITE_FORMATS`).

    Every file is written under a temporary name in a new directory beside
    ``path`` and renamed into place once complete, so a failure (a full disk)
    leaves the old files as they were. A file that ``emb`` was read from, or
    one of its side files (vocabulary, metadata), is never overwritten, by name
    or through a hard or symbolic link.

    Returns
    -------
    list of Path
        Every file written (formats such as ``tsv`` and ``npy`` write two).

    Raises
    ------
    LoadError
        For an unknown format, a word the format cannot hold, an output that
        is an input, or a failed write.
    """
    import shutil
    import tempfile

    p = Path(path)
    if format not in WRITE_FORMATS:
        raise LoadError(
            p,
            translate("Errors", "cannot write format {format!r}; writable: {known}").format(
                format=format, known=", ".join(WRITE_FORMATS)
            ),
        )
    if p.is_dir():
        raise LoadError(p, translate("Errors", "is a directory; give a file name"))
    if emb.source.path is not None:
        check_not_input(p, format, Path(emb.source.path), emb.source.format)
    try:
        tmp = Path(tempfile.mkdtemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp"))
    except OSError as e:
        raise LoadError(
            p.parent,
            translate("Errors", "cannot write here: {error}").format(error=e.strerror or e),
        ) from None
    try:
        written = _write(emb, tmp / p.name, format)
        # The side file first, the main file last: a reader finds a whole pair or the old one.
        for w in sorted(written, key=lambda w: w.name == p.name):
            os.replace(w, p.parent / w.name)
    except OSError as e:
        raise LoadError(p, translate("Errors", "could not be written ({error}); any file of that "
                           "name is unchanged").format(error=e.strerror or e)) from None  # fmt: skip
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [p.parent / w.name for w in written]


def output_files(path: Path, format: str) -> list[Path]:
    """The files :func:`save` writes for ``path`` in ``format``."""
    if format == "tsv":
        from embviz.core.formats._tsv import metadata_candidates

        return [path, metadata_candidates(path)[0]]
    if format == "npy":
        stem = path.with_suffix("")
        return [path, stem.with_name(stem.name + ".vocab.txt")]
    return [path]


def input_files(path: Path, fmt: str | None = None) -> list[Path]:
    """``path`` and the side files a load of it in ``fmt`` may read (vocabulary, metadata)."""
    from embviz.core.formats._npy import VOCAB_SUFFIXES
    from embviz.core.formats._tsv import metadata_candidates

    out = [path]
    if fmt in ("npy", "npz"):
        stem = path.with_suffix("")
        out += [stem.with_name(stem.name + s) for s in VOCAB_SUFFIXES]
        out.append(path.parent / "vocab.txt")
    elif fmt == "safetensors":
        out += [path.parent / "vocab.txt", path.parent / "tokenizer.json"]
    elif fmt == "tsv":
        out += metadata_candidates(path)
    return out


def check_not_input(out: Path, format: str, source: Path, source_format: str | None) -> None:
    """Refuse (:class:`LoadError`) to write ``out`` in ``format`` over ``source`` or its side files.

    Every file :func:`save` would write is compared with ``source`` and the
    side files read with it in ``source_format``, by name and by identity
    (a hard or symbolic link is the same file).
    """

    def same(a: Path, b: Path) -> bool:
        try:
            return a.resolve() == b.resolve() or os.path.samefile(a, b)
        except OSError:  # one of them does not exist (or cannot be looked at)
            return False

    inputs = input_files(source, source_format)
    for o in output_files(out, format):
        for i, f in enumerate(inputs):
            if not same(o, f):
                continue
            if i > 0:
                if o.name == f.name:
                    what = translate("Errors", "is read with the input {input}")
                else:
                    what = translate("Errors", "is read with the input {input} (a link to {file})")
                what = what.format(input=source.name, file=f.name)
            elif o.name == source.name and o.parent.resolve() == source.parent.resolve():
                what = translate("Errors", "is the input file")
            else:
                what = translate(
                    "Errors", "is the input {input} under another name (a link to it)"
                ).format(input=source.name)
            raise LoadError(
                o,
                translate(
                    "Errors", "{what}: writing it would destroy the input; choose another name"
                ).format(what=what),
            )


def _write(emb: Embeddings, p: Path, format: str) -> list[Path]:
    words, vectors = emb.words, emb.vectors
    if format in ("word2vec", "glove"):
        from embviz.core.formats._text import write_text

        bad = next((w for w in words if not w or any(c in w for c in " \n\r")), None)
        if bad is not None:
            raise LoadError(p, translate("Errors", "word {word!r} is empty or holds whitespace; "
                               "text formats cannot store it").format(word=bad[:40]))  # fmt: skip
        write_text(p, words, vectors, header=(format == "word2vec"))
        return [p]
    if format == "word2vec-binary":
        from embviz.core.formats._binary import write_binary

        write_binary(p, words, vectors)
        return [p]
    if format == "tsv":
        from embviz.core.formats._tsv import write_tsv

        return [p, write_tsv(p, words, vectors, emb.metadata)]
    if format == "npz":
        from embviz.core.formats._npy import write_npz

        write_npz(p, words, vectors)
        return [p]
    from embviz.core.formats._npy import write_npy

    return [p, write_npy(p, words, vectors)]
