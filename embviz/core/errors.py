"""Errors that embviz reports to users.

Every error a user can cause is an :class:`EmbvizError`; the CLI prints its
message as one line and the GUI shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from os import PathLike


class EmbvizError(Exception):
    """Base class of every error caused by input rather than by a bug."""


class Cancelled(EmbvizError):
    """Raised inside long work when the user asked to stop it."""

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)


class LoadError(EmbvizError):
    """A vector file could not be read.

    Parameters
    ----------
    path
        The file that was being read.
    reason
        What was wrong, in words a user understands.
    line
        1-based line number (text formats) where the problem is, if known.
    """

    def __init__(self, path: str | PathLike | None, reason: str, line: int | None = None):
        self.path = None if path is None else str(path)
        self.reason = reason
        self.line = line
        where = self.path or "<input>"
        if line is not None:
            where = f"{where}, line {line}"
        super().__init__(f"{where}: {reason}")


class UnknownWordError(EmbvizError, KeyError):
    """A word is not in the vocabulary; the message suggests close spellings."""

    def __init__(self, word: str, suggestions: Iterable[str] = ()):
        self.word = word
        self.suggestions = list(suggestions)
        msg = f"'{word}' is not in the vocabulary"
        if self.suggestions:
            msg += " (did you mean: " + ", ".join(self.suggestions) + "?)"
        super().__init__(msg)

    def __str__(self) -> str:
        # KeyError.__str__ would wrap the message in quotes.
        return self.args[0]


def close_spellings(word: str, vocabulary: Iterable[str], n: int = 3) -> list[str]:
    """Return up to ``n`` vocabulary words spelled like ``word``.

    Only words of similar length are compared, which keeps this fast on
    vocabularies of hundreds of thousands of words.
    """
    lo, hi = len(word) - 2, len(word) + 2
    lw = word.lower()
    pool = [w for w in vocabulary if lo <= len(w) <= hi and w[:1].lower() == lw[:1]]
    if len(pool) < n:
        pool = [w for w in vocabulary if lo <= len(w) <= hi]
    return difflib.get_close_matches(word, pool, n=n, cutoff=0.6)
