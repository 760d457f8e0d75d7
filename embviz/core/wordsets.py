"""Ways to choose which words the 3D view shows."""

from __future__ import annotations

import fnmatch
import re

from embviz.core.embeddings import Embeddings
from embviz.core.errors import EmbvizError
from embviz.core.i18n import translate

MAX_SHOWN = 20_000


def top_words(emb: Embeddings, n: int, *, alpha_only: bool = True) -> list[str]:
    """The ``n`` first (in frequency-sorted files: most frequent) words.

    ``alpha_only`` skips punctuation and numbers, which crowd the top of
    GloVe's and word2vec's vocabularies.
    """
    if n < 1:
        raise EmbvizError(translate("Errors", "show at least one word, got {n}").format(n=n))
    if not alpha_only:
        return emb.words[:n]
    out = []
    for w in emb.words:
        if w.isalpha():
            out.append(w)
            if len(out) >= n:
                break
    return out


def neighbor_words(emb: Embeddings, word: str, n: int) -> list[str]:
    """``word`` and its ``n`` nearest neighbours (cosine, whole vocabulary)."""
    return [word] + [nb.word for nb in emb.neighbors(word, k=n)]


def matching_words(emb: Embeddings, pattern: str, limit: int = 2000) -> list[str]:
    """Words matching ``pattern``, in file order, at most ``limit``.

    A pattern with ``*``, ``?`` or ``[`` is a shell-style wildcard matched
    against the whole word (``*ing``); any other text matches words that
    contain it.
    """
    pattern = pattern.strip()
    if not pattern:
        raise EmbvizError(translate("Errors", "type a pattern, e.g. *ing or king"))
    if any(c in pattern for c in "*?["):
        rx = re.compile(fnmatch.translate(pattern), re.IGNORECASE)
        hit = rx.match
    else:
        low = pattern.lower()

        def hit(w: str) -> bool:
            return low in w.lower()

    out = [w for w in emb.words if hit(w)][:limit]
    if not out:
        raise EmbvizError(
            translate("Errors", "no word matches {pattern!r}").format(pattern=pattern)
        )
    return out


def parse_word_list(text: str, emb: Embeddings) -> tuple[list[str], list[str]]:
    """Split pasted text (spaces, commas, new lines) into known and unknown words.

    Returns
    -------
    known, unknown : list of str
        Both in the order given, without repeats.
    """
    items = list(dict.fromkeys(t for t in re.split(r"[\s,;]+", text) if t))
    known = [w for w in items if w in emb]
    unknown = [w for w in items if w not in emb]
    return known, unknown
