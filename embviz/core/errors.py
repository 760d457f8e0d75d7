"""Errors that embviz reports to users.

Every error a user can cause is an :class:`EmbvizError`; the CLI prints its
message as one line and the GUI shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations

import difflib
import heapq
from collections.abc import Iterable
from os import PathLike

from embviz.core.i18n import translate


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
        # the frame too is in the interface's language (the CLI's stays English)
        if line is not None:
            where = translate("Errors", "{path}, line {line}").format(path=where, line=line)
        super().__init__(
            translate("Errors", "{where}: {reason}").format(where=where, reason=reason)
        )


class UnknownWordError(EmbvizError, KeyError):
    """A word is not in the vocabulary; the message suggests close spellings."""

    def __init__(self, word: str, suggestions: Iterable[str] = ()):
        self.word = word
        self.suggestions = list(suggestions)
        # the most common message a learner meets: in the interface's language
        if self.suggestions:
            msg = translate(
                "Errors", "'{word}' is not in the vocabulary (did you mean: {suggestions}?)"
            ).format(word=word, suggestions=", ".join(self.suggestions))
        else:
            msg = translate("Errors", "'{word}' is not in the vocabulary").format(word=word)
        super().__init__(msg)

    def __str__(self) -> str:
        # KeyError.__str__ would wrap the message in quotes.
        return self.args[0]


SPELLING_CHARS = 32
"""Only the first this many characters of words are compared for spellings."""

SPELLING_BUDGET = 600_000
"""The work of comparing spellings for one word is bounded by this many units:
a comparison of words of lengths a and b (cut to :data:`SPELLING_CHARS`) costs
``a * b + 50`` (difflib's time grows with the product). About 0.25 s, however
large the vocabulary or long its words."""


def close_spellings(word: str, vocabulary: Iterable[str], n: int = 3) -> list[str]:
    """Return up to ``n`` vocabulary words spelled like ``word``.

    As :func:`difflib.get_close_matches` (cutoff 0.6), among words of similar
    length and, when there are enough, the same first letter. The work is
    bounded (:data:`SPELLING_BUDGET`): words are compared on their first
    :data:`SPELLING_CHARS` characters, and when there are too many candidates,
    those closest in length and earliest in the vocabulary (the most frequent,
    in most files) are compared.
    """
    lo, hi = len(word) - 2, len(word) + 2
    lw = word[:1].lower()
    vocabulary = vocabulary if isinstance(vocabulary, list | tuple) else list(vocabulary)
    pool = [w for w in vocabulary if lo <= len(w) <= hi and w[:1].lower() == lw]
    if len(pool) < n:
        pool = [w for w in vocabulary if lo <= len(w) <= hi]
    cost = (min(len(word), SPELLING_CHARS) + 2) ** 2 + 50  # candidates are about as long
    if len(pool) * cost > SPELLING_BUDGET:
        pool.sort(key=lambda w: abs(len(w) - len(word)))  # stable: vocabulary order within
        pool = pool[: SPELLING_BUDGET // cost]
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word[:SPELLING_CHARS])
    scored = []
    for w in pool:
        matcher.set_seq1(w[:SPELLING_CHARS])
        if (matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6
                and (score := matcher.ratio()) >= 0.6):  # fmt: skip
            scored.append((score, w))
    return [w for _, w in heapq.nlargest(n, scored)]
