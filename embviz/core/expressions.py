"""Vector arithmetic expressions over words: ``king - man + woman``, ``2*walked - walk``.

Grammar (whitespace is optional around operators)::

    expr   := [sign] term (sign term)*
    sign   := "+" | "-"
    term   := [number ["*"]] word
    word   := any run of characters other than whitespace, "+", "*"

A word may contain "-" (``t-shirt``). When a vocabulary is given, a hyphenated
token that is not in it but whose parts are (``woman-man``) is read as a
subtraction.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

import numpy as np

from embviz.core.errors import EmbvizError

MAX_COEF = 1e6
"""The largest factor a word may have (``2*walked``)."""

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d*)?|\.\d+)(?![^\s+*\-])|(?P<op>[+\-*])|(?P<word>[^\s+*]+))"
)


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
                f"{reason} at position {position + 1}: {expression[:position]}»{expression[position:]}"
            )


@dataclass(frozen=True)
class Term:
    """One ``coefficient * word`` of an expression."""

    coef: float
    word: str


def _tokens(expr: str):
    pos = 0
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if m is None or m.end() == pos:
            if expr[pos:].strip() == "":
                return
            raise ExpressionError(expr, pos, "unexpected character")
        kind = m.lastgroup
        start = m.start(kind)
        yield kind, m.group(kind), start
        pos = m.end()


def parse(expr: str, vocabulary: Container[str] | None = None) -> list[Term]:
    """Parse ``expr`` into terms.

    Parameters
    ----------
    expr
        The expression text.
    vocabulary
        If given, hyphenated tokens absent from it are split into subtractions
        when all their parts are present.

    Returns
    -------
    list of Term
        In the order written; repeated words are kept as separate terms.

    Raises
    ------
    ExpressionError
        For an empty expression, a missing word or a dangling operator.
    """
    if not expr or not expr.strip():
        raise ExpressionError(
            expr or "", 0, "the expression is empty: type words joined by + and -"
        )
    terms: list[Term] = []
    sign = 1.0
    coef: float | None = None
    expect_word = True  # at start or after an operator
    saw_sign = False
    last = 0
    for kind, text, pos in _tokens(expr):
        last = pos + len(text)
        if kind == "op":
            if text == "*":
                if coef is None:
                    raise ExpressionError(expr, pos, "'*' must follow a number, as in 2*walked")
                continue
            if not expect_word:
                sign, coef, expect_word, saw_sign = (1.0 if text == "+" else -1.0), None, True, True
                continue
            if coef is not None or saw_sign:
                raise ExpressionError(expr, pos, f"expected a word before '{text}'")
            sign = 1.0 if text == "+" else -1.0
            saw_sign = True
            continue
        if kind == "num":
            if not expect_word or coef is not None:
                raise ExpressionError(expr, pos, "expected '+' or '-' before a number")
            coef = float(text)
            if coef > MAX_COEF:  # larger factors only overflow float32 arithmetic
                raise ExpressionError(expr, pos, f"a number must be at most {MAX_COEF:,.0f}")
            continue
        # a word
        if not expect_word:
            raise ExpressionError(expr, pos, f"expected '+' or '-' before '{text}'")
        factor = sign * (1.0 if coef is None else coef)
        parts = text.split("-")
        if (
            vocabulary is not None
            and len(parts) > 1
            and text not in vocabulary
            and all(p and p in vocabulary for p in parts)
        ):
            terms.append(Term(factor, parts[0]))
            terms.extend(Term(-1.0, p) for p in parts[1:])
        else:
            terms.append(Term(factor, text))
        sign, coef, expect_word, saw_sign = 1.0, None, False, False
    if expect_word:
        where = last if terms or saw_sign or coef is not None else 0
        raise ExpressionError(expr, min(where, len(expr)), "expected a word at the end")
    return terms


def combine(terms: list[Term], emb, *, unit: bool = False) -> np.ndarray:
    """Return ``sum(coef * vector(word))``; ``unit=True`` uses unit-length vectors.

    Raises :class:`~embviz.core.errors.UnknownWordError` naming the first
    unknown word (with close spellings).
    """
    rows = [emb.row(t.word) for t in terms]
    out = np.zeros(emb.dim, dtype=np.float64)
    for t, r in zip(terms, rows, strict=True):
        row = emb.unit_rows(r) if unit else emb.vectors[r]
        out += t.coef * row.astype(np.float64)
    with np.errstate(over="ignore"):  # reported below as an error, not a warning on stderr
        result = out.astype(np.float32)
    if not np.isfinite(result).all():
        raise EmbvizError(f"'{describe(terms)}' is too large to compute with these vectors")
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
