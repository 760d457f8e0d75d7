"""Vector arithmetic expressions over words: ``king - man + woman``, ``2*walked - walk``.

Grammar (whitespace is optional around operators)::

    expr   := [sign] term (sign term)*
    sign   := "+" | "-" | "−"
    term   := [number ["*"]] (word | "(" expr ")")
    word   := any run of characters other than whitespace, "+", "*", "(", ")", "−"

Parentheses group, and a sign or factor in front of a group applies to all of
it: ``woman - (king - man)`` is woman − king + man, ``2*(a - b)`` is 2a − 2b.
``(`` and ``)`` are never part of a word.

Hyphens. A word may contain "-" (``t-shirt``, ``e-mail``). When a vocabulary
is given, a hyphenated token that is *not* in it is read as a subtraction of
its parts, if the parts are words: ``king-man`` is ``(king - man)``, a group,
so ``woman - king-man`` is woman − (king − man). The parts are matched
longest first, so a hyphenated word inside a chain stays whole (``e-mail-mail``
with ``e-mail`` in the vocabulary is e-mail − mail). A token in the
vocabulary is always one word, and without a vocabulary no token is split.
A hyphen at the end of a token not in the vocabulary, or before a number,
is an operator (``king- man`` is king − man, ``king-2*man`` is king − 2 man).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from dataclasses import dataclass

import numpy as np

from embviz.core.errors import EmbvizError
from embviz.core.i18n import translate

MAX_COEF = 1e6
"""The largest factor a word may have (``2*walked``)."""

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d*)?|\.\d+)(?![^\s+*\-−()])|(?P<op>[+\-−*()])|(?P<word>[^\s+*()−]+))"
)

_NUMBER = re.compile(r"\d+(?:\.\d*)?|\.\d+")

# Nesting deeper than any sensible expression is refused, so hostile input stays bounded.
MAX_DEPTH = 50


class ExpressionError(EmbvizError):
    """An expression could not be parsed; says where and what was expected."""

    def __init__(self, expression: str, position: int, reason: str):
        self.expression = expression
        self.position = position
        self.reason = reason
        if not expression.strip():
            super().__init__(reason)
        else:
            super().__init__(
                translate("Errors", "{reason} at position {position}: {before}»{after}").format(
                    reason=reason,
                    position=position + 1,
                    before=expression[:position],
                    after=expression[position:],
                )
            )


@dataclass(frozen=True)
class Term:
    """One ``coefficient * word`` of an expression."""

    coef: float
    word: str


def _raw_tokens(expr: str) -> Iterator[tuple[str, str, int]]:
    pos = 0
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if m is None or m.end() == pos:
            if expr[pos:].strip() == "":
                return
            raise ExpressionError(expr, pos, translate("Errors", "unexpected character"))
        kind = m.lastgroup
        start = m.start(kind)
        text = m.group(kind)
        yield kind, ("-" if text == "−" else text), start
        pos = m.end()


def _segment(text: str, vocabulary: Container[str]) -> list[str] | None:
    """Split ``a-b-c`` into vocabulary words, longest first; ``None`` if that fails."""
    pieces = text.split("-")
    out, i = [], 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            cand = "-".join(pieces[i:j])
            if cand and cand in vocabulary:
                out.append(cand)
                i = j
                break
        else:
            return None
    return out


def _word_tokens(text: str, pos: int, vocabulary) -> list[tuple[str, str, int]]:
    """One word token, or the tokens of ``(a - b)`` for a hyphenated non-word."""
    if vocabulary is None or "-" not in text or text in vocabulary:
        return [("word", text, pos)]
    pieces = text.split("-")
    for k in range(1, len(pieces)):
        if _NUMBER.fullmatch(pieces[k]):
            # "king-2*queen": a hyphen before a number is always an operator
            left = "-".join(pieces[:k])
            at = pos + len(left)
            right = [(kd, t, at + 1 + p) for kd, t, p in _tokens(text[len(left) + 1 :], vocabulary)]
            head = _word_tokens(left, pos, vocabulary) if left else []
            return [*head, ("op", "-", at), *right]
    stripped = text.rstrip("-")
    if stripped != text and stripped:
        # "king- man": the trailing hyphens are operators
        ops = [("op", "-", pos + k) for k in range(len(stripped), len(text))]
        return _word_tokens(stripped, pos, vocabulary) + ops
    parts = _segment(text, vocabulary)
    if parts is None or len(parts) == 1:
        return [("word", text, pos)]
    out = [("op", "(", pos)]
    at = pos
    for k, p in enumerate(parts):
        if k:
            out.append(("op", "-", at - 1))
        out.append(("word", p, at))
        at += len(p) + 1
    out.append(("op", ")", pos + len(text)))
    return out


def _tokens(expr: str, vocabulary) -> Iterator[tuple[str, str, int]]:
    for kind, text, pos in _raw_tokens(expr):
        if kind == "word":
            yield from _word_tokens(text, pos, vocabulary)
        else:
            yield kind, text, pos


def parse(expr: str, vocabulary: Container[str] | None = None) -> list[Term]:
    """Parse ``expr`` into terms, parentheses multiplied out.

    Parameters
    ----------
    expr
        The expression text (see the module's grammar).
    vocabulary
        If given, hyphenated tokens absent from it are read as subtractions
        of their parts (``king-man`` = ``(king - man)``) when the parts are in it.

    Returns
    -------
    list of Term
        In the order written, each coefficient the product of the signs and
        factors around it; repeated words are kept as separate terms.

    Raises
    ------
    ExpressionError
        For an empty expression, a missing word, a dangling operator or
        unbalanced parentheses.
    """
    if not expr or not expr.strip():
        raise ExpressionError(
            expr or "",
            0,
            translate("Errors", "the expression is empty: type words joined by + and -"),
        )
    terms: list[Term] = []
    # Each open group: the factor it multiplies its terms by, and where it opened.
    groups: list[tuple[float, int]] = [(1.0, -1)]
    sign = 1.0
    coef: float | None = None
    expect_word = True  # at start, after an operator or after "("
    saw_sign = False
    last = 0
    for kind, text, pos in _tokens(expr, vocabulary):
        last = pos + len(text)
        if kind == "op" and text == "(":
            if not expect_word:
                raise ExpressionError(
                    expr, pos, translate("Errors", "expected '+' or '-' before '('")
                )
            if len(groups) > MAX_DEPTH:
                raise ExpressionError(
                    expr,
                    pos,
                    translate("Errors", "more than {n} nested parentheses").format(n=MAX_DEPTH),
                )
            groups.append((groups[-1][0] * sign * (1.0 if coef is None else coef), pos))
            sign, coef, saw_sign = 1.0, None, False
            continue
        if kind == "op" and text == ")":
            if len(groups) == 1:
                raise ExpressionError(expr, pos, translate("Errors", "')' without a matching '('"))
            if expect_word:
                raise ExpressionError(expr, pos, translate("Errors", "expected a word before ')'"))
            groups.pop()
            continue
        if kind == "op":
            if text == "*":
                if coef is None:
                    raise ExpressionError(
                        expr, pos, translate("Errors", "'*' must follow a number, as in 2*walked")
                    )
                continue
            if not expect_word:
                sign, coef, expect_word, saw_sign = (1.0 if text == "+" else -1.0), None, True, True
                continue
            if coef is not None or saw_sign:
                raise ExpressionError(
                    expr,
                    pos,
                    translate("Errors", "expected a word before '{operator}'").format(
                        operator=text
                    ),
                )
            sign = 1.0 if text == "+" else -1.0
            saw_sign = True
            continue
        if kind == "num":
            if not expect_word or coef is not None:
                raise ExpressionError(
                    expr, pos, translate("Errors", "expected '+' or '-' before a number")
                )
            coef = float(text)
            if coef > MAX_COEF:  # larger factors only overflow float32 arithmetic
                raise ExpressionError(
                    expr,
                    pos,
                    translate("Errors", "a number must be at most {most:,.0f}").format(
                        most=MAX_COEF
                    ),
                )
            continue
        # a word
        if not expect_word:
            raise ExpressionError(
                expr,
                pos,
                translate("Errors", "expected '+' or '-' before '{word}'").format(word=text),
            )
        terms.append(Term(groups[-1][0] * sign * (1.0 if coef is None else coef), text))
        sign, coef, expect_word, saw_sign = 1.0, None, False, False
    if expect_word:
        where = last if terms or saw_sign or coef is not None or len(groups) > 1 else 0
        raise ExpressionError(
            expr, min(where, len(expr)), translate("Errors", "expected a word at the end")
        )
    if len(groups) > 1:
        opened = groups[-1][1]
        raise ExpressionError(
            expr, opened, translate("Errors", "this '(' is never closed: add ')'")
        )
    return terms


def combine(terms: list[Term], emb, *, unit: bool = False) -> np.ndarray:
    """Return ``sum(coef * vector(word))``; ``unit=True`` uses unit-length vectors.

    A word outside the vocabulary of a fastText model gets the vector built
    from its subwords. Raises :class:`~embviz.core.errors.UnknownWordError`
    naming the first unknown word (with close spellings).
    """
    vecs = [emb.lookup(t.word, unit=unit) for t in terms]
    out = np.zeros(emb.dim, dtype=np.float64)
    for t, v in zip(terms, vecs, strict=True):
        out += t.coef * v.astype(np.float64)
    with np.errstate(over="ignore"):  # reported below as an error, not a warning on stderr
        result = out.astype(np.float32)
    if not np.isfinite(result).all():
        raise EmbvizError(
            translate("Errors", "'{expression}' is too large to compute with these vectors").format(
                expression=describe(terms)
            )
        )
    return result


def evaluate(expr: str, emb, *, unit: bool = False) -> np.ndarray:
    """Parse ``expr`` against ``emb``'s vocabulary and return the combined vector."""
    return combine(parse(expr, emb.index), emb, unit=unit)


def describe(terms: list[Term]) -> str:
    """Write terms back as text, e.g. ``king - man + woman``."""
    out = []
    for i, t in enumerate(terms):
        mag = abs(t.coef)
        body = t.word if mag == 1 else f"{mag:g}*{t.word}"
        if i == 0:
            out.append(("-" if t.coef < 0 else "") + body)
        else:
            out.append(("- " if t.coef < 0 else "+ ") + body)
    return " ".join(out)
