"""Helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import json
import re
import sys
import traceback

from embviz.core.errors import EmbvizError


def add_file_argument(parser: argparse.ArgumentParser, *, optional: bool = True) -> None:
    """Add the FILE argument (omitted = the embedded default) and ``--format``."""
    if optional:
        parser.add_argument(
            "file", nargs="?", metavar="FILE", help="vector file (default: embedded GloVe 50d)"
        )
    else:
        parser.add_argument("file", metavar="FILE", help="vector file")
    add_file_options(parser)


def add_file_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--format``, ``--limit`` and every other option of :func:`embviz.load`.

    For commands whose FILE is not a plain positional (``[FILE] WORD``, ``IN OUT``).
    """
    parser.add_argument("--format", help="file format (detected from the content if omitted)")
    parser.add_argument("--limit", type=int, help="read only the first N vectors")
    add_load_options(parser)


def parse_size(text: str, example: str, smallest: int = 64, largest: int = 8192) -> tuple[int, int]:
    """Parse a ``--size`` option such as ``1280x800`` into ``(width, height)``.

    Raises
    ------
    EmbvizError
        Not of the form ``WxH``, or a side outside ``smallest`` to ``largest`` pixels.
    """
    m = re.fullmatch(r"\s*(\d{1,6})\s*[xX×]\s*(\d{1,6})\s*", text)
    if not m:
        raise EmbvizError(f"--size must look like {example}, got {text!r}")
    w, h = int(m.group(1)), int(m.group(2))
    if not (smallest <= w <= largest and smallest <= h <= largest):
        raise EmbvizError(
            f"--size {w}x{h} is out of range: each side must be {smallest} to {largest} pixels"
        )
    return w, h


def leading_file(args: argparse.Namespace, usage: str) -> str:
    """For a command taking ``[FILE] X`` in ``args.args``: set ``args.file``, return X."""
    if len(args.args) > 2:
        raise EmbvizError(f"{usage}: too many arguments")
    args.file, value = (None, args.args[0]) if len(args.args) == 1 else args.args
    return value


def add_load_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of :func:`embviz.load` beyond FILE, ``--format`` and ``--limit``."""
    parser.add_argument(
        "--sample",
        type=int,
        metavar="N",
        help="keep N vectors spread evenly through the file (huge files)",
    )
    parser.add_argument(
        "--trust",
        action="store_true",
        help="allow gensim .kv/.model pickles, which can run code: trusted files only",
    )
    parser.add_argument(
        "--unicode-errors",
        choices=("strict", "replace"),
        default="strict",
        help="what to do with invalid UTF-8: report it (default) or replace it",
    )
    parser.add_argument(
        "--drop-nonfinite", action="store_true", help="drop rows holding NaN or infinite values"
    )
    parser.add_argument("--no-cache", action="store_true",
                        help="neither use nor fill the cache of loaded files")  # fmt: skip


def load_from_args(args: argparse.Namespace):
    """Load the FILE named in ``args`` (or the embedded default)."""
    from embviz.core import load, load_default

    if getattr(args, "file", None) is None:
        return load_default(limit=args.limit)
    emb = load(
        args.file, format=args.format, limit=args.limit, sample=getattr(args, "sample", None),
        trust=getattr(args, "trust", False), cache=not getattr(args, "no_cache", False),
        unicode_errors=getattr(args, "unicode_errors", "strict"),
    )  # fmt: skip
    problem = emb.source.details.get("cache_problem")
    if problem:  # never fatal: the file was read without the cache
        print(f"embviz: note: {problem}", file=sys.stderr)
    bad = emb.source.details.get("nonfinite_rows", 0)
    if bad and getattr(args, "drop_nonfinite", False):
        from embviz.core.formats import drop_nonfinite

        emb = drop_nonfinite(emb)
    elif bad:
        first = emb.source.details.get("first_nonfinite_word")
        print(f"embviz: warning: {args.file}: {bad} rows hold NaN or infinite values"
              + (f" (first: {first!r})" if first else "") + "; --drop-nonfinite removes them",
              file=sys.stderr)  # fmt: skip
    return emb


def terminal_progress():
    """A :class:`Progress` that keeps one line on stderr up to date, when it is a terminal.

    Call :func:`clear_progress_line` when the work ends.
    """
    from embviz.core.progress import Progress

    if not sys.stderr.isatty():
        return Progress()
    last = [""]

    def show(fraction, message):
        if message and message != last[0]:
            last[0] = message
            pct = "" if fraction is None else f"{100 * fraction:3.0f} % "
            sys.stderr.write(f"\r{pct}{message}\x1b[K")
            sys.stderr.flush()

    return Progress(show)


def clear_progress_line() -> None:
    """Remove what :func:`terminal_progress` wrote."""
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def print_json(obj) -> None:
    """Print ``obj`` as JSON on stdout."""
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def fail(error: BaseException) -> int:
    """Report ``error`` as one line on stderr and return the exit code.

    User errors (:class:`EmbvizError`, missing files) give exit code 2 and no
    traceback; anything else is a bug and says so, still without a traceback
    unless ``EMBVIZ_DEBUG`` is set.
    """
    import os

    if isinstance(error, EmbvizError):
        print(f"embviz: error: {error}", file=sys.stderr)
        return 2
    if isinstance(error, OSError):
        print(f"embviz: error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 2
    if os.environ.get("EMBVIZ_DEBUG"):
        traceback.print_exc()
    print(f"embviz: internal error: {type(error).__name__}: {error}", file=sys.stderr)
    return 3
