"""word2vec text (``count dim`` header), GloVe text (no header) and fastText ``.vec``.

Reading is streamed in blocks of 1 MB so that memory stays small and the user
can cancel. Each block goes to polars' multi-threaded CSV reader first;
the block is re-read by an exact line-by-line parser when polars rejects it or
when its result would differ from gensim's (empty words, ``nan`` spellings,
stray whitespace, a byte-order mark, invalid UTF-8). The exact parser is also
what produces the error messages, with line numbers.

Semantics are gensim's ``load_word2vec_format``: each line is stripped of
trailing ASCII whitespace and split on single spaces; the first field is the
word, the rest are numbers, parsed as float64 and rounded to float32 (gensim's
``np.float32(str)`` does the same), so values equal gensim's bit for bit. A
word containing a space therefore cannot be stored in these formats: the line
has too many fields and is reported as an error, as gensim does.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from embviz.core.errors import LoadError
from embviz.core.formats._errors import InvalidUtf8Error
from embviz.core.formats._open import open_reader
from embviz.core.i18n import translate
from embviz.core.progress import NULL_PROGRESS, Progress

BLOCK_BYTES = 1 << 20
"""Bytes read per block: large enough for polars' threads, small for memory."""

_PARSERS = 4
"""Blocks parsed at once. Four of 1 MB kept polars' two executor threads busier
than two of 2 MB (GloVe 400k: median 0.61 s instead of 0.62–0.67 s, and 7 MB
less at the peak)."""

_BOM = b"\xef\xbb\xbf"

MAX_DIM = 100_000
"""The widest vectors read (real embeddings have at most a few tens of thousands)."""

MAX_LINE = 16 << 20
"""The longest line read: 100,000 values of up to 160 characters. A longer line
(or a file with no newline at all, such as a compression bomb of zeros) is not
a vector file, and reading on would hold it all in memory."""

_FAST_MAX_DIM = 1536
"""Wider lines go straight to the exact parser: polars' per-column cost made it
5× slower than the exact parser at 2,048 dims (1 MB block: 0.22 s against 0.14 s)."""


def parse_header(path: Path, line: bytes) -> tuple[int, int]:
    """Return ``(count, dim)`` from a word2vec header line."""
    parts = line.split()
    try:
        count, dim = (int(x) for x in parts)
    except ValueError:
        raise LoadError(
            path, translate("Errors", "the header must be two whole numbers: count dim"), line=1
        ) from None
    if count < 0 or dim < 1:
        raise LoadError(
            path,
            translate("Errors", "the header says {count} vectors of {dim} dims").format(
                count=count, dim=dim
            ),
            line=1,
        )
    if dim > MAX_DIM:
        raise LoadError(path, translate("Errors", "the header says {dim:,} dims; embviz reads "
                              "vectors of at most {most:,} dims").format(dim=dim, most=MAX_DIM),
                        line=1)  # fmt: skip
    return count, dim


def _decode(path: Path, raw: bytes, lineno: int, errors: str) -> str:
    try:
        return raw.decode("utf-8", errors=errors)
    except UnicodeDecodeError as e:
        bad = raw[e.start]
        raise InvalidUtf8Error(
            path,
            translate("Errors", "byte 0x{byte:02x} at column {column}").format(
                byte=bad, column=e.start + 1
            ),
            line=lineno,
        ) from None


def looks_binary(head: bytes) -> bool:
    """Whether ``head`` is binary data rather than text (NUL or many control bytes)."""
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def _is_number(tok: str) -> bool:
    try:
        np.float64(tok)
    except ValueError:
        return False
    return True


def _numbers(n: int) -> str:
    if n == 1:
        return translate("Errors", "{n} number").format(n=n)
    return translate("Errors", "{n} numbers").format(n=n)


def _ragged(path: Path, text: str, dim: int, lineno: int, header_dim: bool) -> LoadError:
    found = text.count(" ")
    if not text:
        return LoadError(
            path,
            translate("Errors", "empty line; expected a word and {numbers}").format(
                numbers=_numbers(dim)
            ),
            line=lineno,
        )
    if header_dim:
        msg = translate(
            "Errors", "expected a word and {numbers} (the header says {dim}), found {found}"
        )
    else:
        msg = translate(
            "Errors", "expected a word and {numbers} (the first line has {dim}), found {found}"
        )
    msg = msg.format(numbers=_numbers(dim), dim=dim, found=found)
    # Split only a line of sane width: a 16 MB line of "0 0 0 …" is 8 million strings.
    parts = text.split(" ", found - dim + 1) if found > dim and found - dim < 64 else []
    if parts and not _is_number(parts[1]):
        msg += translate(
            "Errors",
            "; the word looks like it contains a space ({word!r}),"
            " which this format cannot store (gensim refuses such lines too)",
        ).format(word=" ".join(parts[: found - dim + 1]))
    return LoadError(path, msg, line=lineno)


def parse_exact(path: Path, part: bytes, dim: int, lineno: int, *, unicode_errors: str = "strict",
                header_dim: bool = False) -> tuple[list[str], np.ndarray]:  # fmt: skip
    """Parse complete lines exactly as gensim does, with errors naming the line.

    Returns
    -------
    tuple of (list of str, numpy.ndarray)
        The words and a float64 ``(n, dim)`` matrix.
    """
    lines = part.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    words: list[str] = []
    tokens: list[str] = []
    for i, line in enumerate(lines):
        text = _decode(path, line.rstrip(), lineno + i, unicode_errors)
        if text.count(" ") != dim or not text:
            raise _ragged(path, text, dim, lineno + i, header_dim)
        parts = text.split(" ")
        words.append(parts[0])
        tokens.extend(parts[1:])
    try:
        values = np.array(tokens, dtype=np.float64)
    except ValueError:
        for j, tok in enumerate(tokens):
            if not _is_number(tok):
                row, col = divmod(j, dim)
                raise LoadError(
                    path,
                    translate(
                        "Errors", "not a number: {value!r} (value {column} of the word {word!r})"
                    ).format(value=tok[:40], column=col + 1, word=words[row][:40]),
                    line=lineno + row,
                ) from None
        raise
    return words, values.reshape(len(words), dim)


def parse_fast(
    part: bytes, dim: int, trailing_space: bool, n: int
) -> tuple[list[str], np.ndarray] | None:
    """Parse complete lines with polars; ``None`` when the exact parser must decide.

    The values come back as float32. Returns ``None`` rather than a result
    that could differ from gensim's: if
    polars fails, finds a different number of lines, an empty field, or any
    non-finite value (whose spellings gensim and polars may read differently).
    """
    import polars as pl

    if n == 0 or part.startswith(_BOM):
        return None
    cols = [f"c{i}" for i in range(dim)]
    schema = {"w": pl.String, **dict.fromkeys(cols, pl.Float64)}
    if trailing_space:
        schema["t"] = pl.String
    try:
        df = pl.read_csv(
            part, separator=" ", has_header=False, quote_char=None, schema=schema,
            comment_prefix=None, raise_if_empty=False, truncate_ragged_lines=False,
        )  # fmt: skip
    except Exception:  # polars raises several error types; any means "not simple"
        return None
    if df.height != n:
        return None
    nulls = df.null_count().row(0)
    if any(nulls[: dim + 1]) or (trailing_space and nulls[-1] != n):
        return None
    values = np.empty((n, dim), dtype=np.float32)
    # Column by column into the row-major matrix: half the time of polars' own
    # cast-and-convert. numpy rounds to nearest even, as gensim's float32() of a
    # float64 does; too large a value becomes inf, as there, and is then sent
    # to the exact parser like every non-finite value.
    with np.errstate(over="ignore"):
        for i, c in enumerate(cols):
            values[:, i] = df[c].to_numpy()
    if not np.isfinite(values).all():
        return None
    return df["w"].to_list(), values


class _Declined:
    """A finished "polars declined" result, for blocks too wide to offer polars."""

    @staticmethod
    def result() -> None:
        return None


_DECLINED = _Declined()


def _count_lines(buf: bytes) -> int:
    """Newlines in ``buf``.

    numpy's compare is ~6× faster than ``bytes.count`` here and releases the
    GIL, which the parse threads need.
    """
    return int(np.count_nonzero(np.frombuffer(buf, dtype=np.uint8) == 10))


def _nth_newline(buf: bytes, n: int) -> int:
    """Index just past the ``n``-th newline of ``buf`` (``n`` ≥ 1)."""
    pos = -1
    for _ in range(n):
        pos = buf.find(b"\n", pos + 1)
    return pos + 1


class TextReader:
    """Stream a text vector file block by block.

    Parameters
    ----------
    path
        The file (possibly gzip/bz2/xz compressed).
    header
        Whether the first line is ``count dim`` (word2vec, fastText ``.vec``).
    limit
        Stop after this many vectors.
    unicode_errors
        ``"strict"`` (invalid UTF-8 is an error naming the line) or ``"replace"``.
    progress
        Receives ``fraction of the file read``; may cancel.

    Attributes
    ----------
    count, dim
        From the header (``count`` is ``None`` without one); ``dim`` is known
        after the first block.
    fast_rows, exact_rows
        How many rows polars and the exact parser read (for ``info``).
    """

    def __init__(self, path: Path, *, header: bool, limit: int | None = None,
                 unicode_errors: str = "strict", progress: Progress = NULL_PROGRESS):  # fmt: skip
        self.path = path
        self.header = header
        self.limit = limit
        self.unicode_errors = unicode_errors
        self.progress = progress
        self._reader = None
        self.count: int | None = None
        self.dim: int | None = None
        self.fast_rows = 0
        self.exact_rows = 0
        self._done = 0

    def _finish(self, fut, part: bytes, lineno: int, fraction: float):
        """The parsed block: polars' result, or the exact parser's when polars declined."""
        parsed = fut.result()
        if parsed is None:
            parsed = parse_exact(self.path, part, self.dim, lineno,
                                 unicode_errors=self.unicode_errors,
                                 header_dim=self.header)  # fmt: skip
            self.exact_rows += len(parsed[0])
        else:
            self.fast_rows += len(parsed[0])
        words, values = parsed
        self._done += len(words)
        self.progress.report(fraction, f"reading {self.path.name}: {self._done:,} words")
        with np.errstate(over="ignore"):  # beyond float32 is inf, as in gensim; counted later
            return words, np.ascontiguousarray(values, dtype=np.float32)

    def _first_dim(self, first: bytes, lineno: int) -> int:
        """The dim a header-less file's first line gives, refusing what is not a vector."""
        path = self.path
        dim = first.count(b" ")
        if dim > MAX_DIM:
            raise LoadError(path, translate("Errors", "the line has {dim:,} values; embviz reads "
                                  "vectors of at most {most:,} dims").format(dim=dim, most=MAX_DIM),
                            line=lineno)  # fmt: skip
        if looks_binary(first[:4096]):
            # Not text at all: advice about invalid UTF-8 would send the user astray.
            raise LoadError(path, translate("Errors", "holds binary data, not text, and is no vector "
                                  "format embviz knows (damaged, or not a vector file)"),
                            line=lineno)  # fmt: skip
        fields = _decode(path, first, lineno, self.unicode_errors).split(" ")
        if len(fields) < 2 or fields == [""]:
            raise LoadError(
                path, translate("Errors", "a line needs a word followed by numbers"), line=lineno
            )
        if len(fields) == 2 and fields[0].isdigit() and not _is_number(fields[1]):
            raise LoadError(path, translate("Errors", "looks like a 'count dim' header, but {value!r} "
                                  "is not a whole number").format(value=fields[1][:40]),
                            line=lineno)  # fmt: skip
        return len(fields) - 1

    def fraction(self) -> float:
        """How much of the file on disk has been read, in [0, 1]."""
        return self._reader.fraction() if self._reader is not None else 0.0

    def blocks(self) -> Iterator[tuple[list[str], np.ndarray]]:
        """Yield ``(words, float32 matrix)`` per block, in file order."""
        # Imported here, once, before the parse threads start: two threads
        # importing polars at the same moment for their first block hung the
        # process once (seen in a test run under load).
        import polars  # noqa: F401

        path = self.path
        pending: deque = deque()
        with open_reader(path) as r, ThreadPoolExecutor(_PARSERS, "embviz-parse") as pool:
            self._reader = r
            buf = r.read(BLOCK_BYTES)
            lineno = 1
            if self.header:
                end = buf.find(b"\n")
                while end < 0 and len(buf) < 1 << 16:
                    more = r.read(BLOCK_BYTES)
                    if not more:
                        break
                    buf += more
                    end = buf.find(b"\n")
                first, buf = (buf, b"") if end < 0 else (buf[:end], buf[end + 1 :])
                if not first.strip() and not buf.strip():
                    raise LoadError(path, translate("Errors", "the file is empty"), line=1)
                self.count, self.dim = parse_header(path, first)
                lineno = 2
            want = self.limit if self.count is None else min(self.limit or self.count, self.count)
            rows = 0
            trailing = None
            carry = buf
            rest = b""
            stopped = False
            while True:
                block = r.read(BLOCK_BYTES)
                self.progress.check()  # a file with no newline yields no block to report on
                eof = not block
                buf = carry + block
                if eof:
                    # Blank lines at the very end are tolerated (a common editor artefact).
                    part = buf.rstrip(b" \t\r\n")
                    part, carry = (part + b"\n" if part else b""), b""
                else:
                    k = buf.rfind(b"\n")
                    if k < 0:
                        if len(buf) > MAX_LINE:
                            raise LoadError(path, translate("Errors", "no line break in {mb} MB: "
                                            "not a text vector file (lines are at most {most} MB)"
                                            ).format(mb=len(buf) >> 20, most=MAX_LINE >> 20),
                                            line=lineno)  # fmt: skip
                        carry = buf
                        continue
                    part, carry = buf[: k + 1], buf[k + 1 :]
                n_lines = _count_lines(part)
                if n_lines and want is not None and rows + n_lines >= want:
                    cut = _nth_newline(part, want - rows)
                    part, rest = part[:cut], part[cut:] + carry
                    n_lines = want - rows
                    stopped = True
                if n_lines == 0:
                    if eof or stopped:
                        break
                    continue
                if self.dim is None:
                    self.dim = self._first_dim(part[: part.find(b"\n")].rstrip(), lineno)
                if trailing is None:
                    first = part[: part.find(b"\n")].rstrip(b"\r")
                    trailing = first.endswith(b" ")
                # polars parses this block in the worker while this thread
                # reads the next one and the caller stores the previous one.
                if self.dim <= _FAST_MAX_DIM:
                    fut = pool.submit(parse_fast, part, self.dim, trailing, n_lines)
                else:
                    fut = _DECLINED
                pending.append((fut, part, lineno, r.fraction()))
                rows += n_lines
                lineno += n_lines
                if len(pending) > _PARSERS:
                    yield self._finish(*pending.popleft())
                if eof or stopped:
                    break
            while pending:
                yield self._finish(*pending.popleft())
            if rows == 0:
                raise LoadError(path, translate("Errors", "the file has no vectors"), line=lineno)
            if self.count is not None:
                if rows < want:
                    raise LoadError(
                        path,
                        translate(
                            "Errors", "the header says {count} vectors but the file has {rows}"
                        ).format(count=self.count, rows=rows),
                        line=1,
                    )
                if self.limit is None or self.limit > self.count:
                    extra = (rest + r.read(1 << 16)) if stopped else b""
                    if extra.strip():
                        raise LoadError(
                            path,
                            translate(
                                "Errors",
                                "the header says {count} vectors but the file has more lines",
                            ).format(count=self.count),
                            line=1,
                        )


def write_text(path: Path, words, vectors: np.ndarray, *, header: bool = True) -> None:
    """Write word2vec text (``header=True``) or GloVe text, exactly re-readable.

    Values are written in the shortest form that reads back to the same
    float32 through float64 (as gensim and embviz read); the rare value whose
    shortest float32 form would not survive that is written in full float64
    precision instead.
    """
    import polars as pl

    vectors = np.asarray(vectors, dtype=np.float32)
    dim = vectors.shape[1]
    with open(path, "wb") as f:
        if header:
            f.write(f"{len(words)} {dim}\n".encode())
        step = 50_000
        for start in range(0, len(words), step):
            block = vectors[start : start + step]
            df = pl.DataFrame(block, schema=[f"c{i}" for i in range(dim)], orient="row")
            exprs = []
            for c in df.columns:
                short = pl.col(c).cast(pl.String)
                back = short.cast(pl.Float64).cast(pl.Float32)
                full = pl.col(c).cast(pl.Float64).cast(pl.String)
                # NaN never compares equal: keep its short spelling.
                same = (back == pl.col(c)) | pl.col(c).is_nan()
                exprs.append(pl.when(same).then(short).otherwise(full))
            rows = df.select(pl.concat_str(exprs, separator=" ").alias("v"))["v"].to_list()
            for w, line in zip(words[start : start + step], rows, strict=True):
                f.write(w.encode("utf-8") + b" " + line.encode("ascii") + b"\n")
