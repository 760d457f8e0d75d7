"""Load errors that a user can resolve by choosing an option and retrying.

Each carries the keyword argument of :func:`embviz.load` (``option``) and the
value (``value``) that would let the load go ahead, plus a question the GUI can
ask. The CLI prints the message, which names the flag to pass.
"""

from __future__ import annotations

from os import PathLike

from embviz.core.errors import LoadError
from embviz.core.i18n import translate


class NeedsChoiceError(LoadError):
    """A load that can go ahead if the user chooses to set ``option=value``.

    Parameters
    ----------
    path, reason, line
        As for :class:`~embviz.core.errors.LoadError`.
    option
        The keyword of :func:`embviz.load` that allows the load.
    value
        The value to give it.
    question
        A yes/no question for a dialog.
    """

    def __init__(self, path: str | PathLike | None, reason: str, *, option: str, value,
                 question: str, line: int | None = None):  # fmt: skip
        super().__init__(path, reason, line=line)
        self.option = option
        self.value = value
        self.question = question


class UntrustedFileError(NeedsChoiceError):
    """A gensim ``.kv``/``.model`` file is a pickle, which can run any code."""

    def __init__(self, path: str | PathLike):
        super().__init__(
            path,
            translate(
                "Errors",
                "is a gensim pickle (.kv/.model); unpickling a file can run arbitrary code, so "
                "embviz opens it only if you trust it (CLI: --trust; API: trust=True)",
            ),
            option="trust",
            value=True,
            question=translate(
                "Errors",
                "This file is a Python pickle. Opening it runs code stored in the file. "
                "Open it only if you trust where it came from. Open it?",
            ),
        )


class InvalidUtf8Error(NeedsChoiceError):
    """A word is not valid UTF-8; replacing the bad bytes lets the load go ahead."""

    def __init__(self, path: str | PathLike, detail: str, line: int | None = None):
        super().__init__(
            path,
            translate(
                "Errors",
                "invalid UTF-8 ({detail}); to replace bad bytes with U+FFFD use "
                "--unicode-errors replace (API: unicode_errors='replace')",
            ).format(detail=detail),
            line=line,
            option="unicode_errors",
            value="replace",
            question=(
                translate(
                    "Errors",
                    "Line {line} is not valid UTF-8 ({detail}). "
                    "Replace invalid bytes with “\ufffd” and continue?",
                )
                if line
                else translate(
                    "Errors",
                    "The file is not valid UTF-8 ({detail}). "
                    "Replace invalid bytes with “\ufffd” and continue?",
                )
            ).format(line=line, detail=detail),
        )


class TooLargeError(NeedsChoiceError):
    """The vectors would not fit in the memory that is available."""

    def __init__(self, path: str | PathLike, need: int, available: int, rows: int, fit: int):
        gb = 1024**3
        super().__init__(
            path,
            translate(
                "Errors",
                "needs about {need:.1f} GB of memory for ~{rows:,} vectors but only "
                "{available:.1f} GB is available; open a part of it with --limit N "
                "(the first N words) or --sample N (N words spread through the file), "
                "e.g. --sample {fit}",
            ).format(need=need / gb, rows=rows, available=available / gb, fit=fit),
            option="sample",
            value=fit,
            question=translate(
                "Errors",
                "The file needs about {need:.1f} GB of memory but only "
                "{available:.1f} GB is available. Load a sample of {fit:,} words spread "
                "through the file instead?",
            ).format(need=need / gb, available=available / gb, fit=fit),
        )
        self.need = need
        self.available = available


__all__ = ["InvalidUtf8Error", "NeedsChoiceError", "TooLargeError", "UntrustedFileError"]
