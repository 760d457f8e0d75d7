"""Exact 3CosAdd answers for a whole analogy test set without scoring every word.

The score of word ``w`` for the question ``a : b :: c : ?`` is
``w·((b̂ + ĉ) − â) = w·ĉ + w·(b̂ − â)`` (unit vectors). Test sets build each
section from pairs of one relation (country → capital, singular → plural), so
the pair differences ``b̂ − â`` of a section point in similar directions. For
the questions of one section that share ``c``, every score is therefore at
most the *bound*::

    bound(w) = w·ĉ + max over the section's pairs of w·(b̂ − â)

and the bound is close. Each question is scored exactly only against the
``K`` words of highest bound in its group (512, then 2,048 for the questions
the first set leaves open). When its best exact score is above the ``K``-th
highest bound by more than float32 rounding can account for, no word outside
those ``K`` can beat it; when it is also that far ahead of the runner-up, it is
the answer a full scan gives. Every other question (ties and near-ties
included, whose order rests on rounding) is returned for the full scan, so the
answers are always exactly the scan's.

On ``questions-words.txt`` with GloVe 6B 50d, bounds and scores together are
9 % of the full scan's dot products at ``restrict_vocab=30,000`` (1.2 % of the
questions left to the scan) and 6 % at 300,000 (4.6 % left).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np

K_SMALL = 512
"""Words scored exactly per group of questions at first."""

K_LARGE = 2048
"""Words scored for the questions of a group the first set does not settle."""


def margin(dim: int) -> np.float32:
    """Slack for rounding between bounds and exact scores.

    A float32 dot product of length ``dim`` is off by at most ``dim · 2⁻²⁴``
    times the product of the norms; scores here have norms ≤ 3 and bounds are
    two such products, so ``8 · dim · 2⁻²⁴`` covers the worst case (2.4e-5 at
    50 dims); 1e-4 at least.
    """
    return np.float32(max(1e-4, 8 * dim * 2.0**-24))


_CACHE_ELEMENTS = 1 << 18
"""Scores handled per numpy call (1 MB; 2 MB of indices): they stay in cache."""

_BOUNDS_AT_ONCE = 1 << 24
"""Bounds from one product (64 MB), at most 64 groups' worth: each product reads
the whole vocabulary (60 MB at 300,000 × 50); one product per group took 1.7 s
of a 2.6 s run there."""


def worthwhile(n: int, rows: np.ndarray, sections: np.ndarray) -> bool:
    """Whether the bounds pay: many words, and few groups and pairs for the questions.

    The bounds cost one product with the vocabulary per group and per pair,
    the full scan one per question: below a quarter of that, the bounds are
    cheap even when a test set's sections are not one relation each and
    leave most questions to the scan.
    """
    if n < 4 * K_LARGE or len(rows) == 0:
        return False
    sec = sections.astype(np.int64)
    groups = len(np.unique(sec * (n + 1) + rows[:, 2]))
    pairs = len(np.unique(np.stack([sec, rows[:, 0], rows[:, 1]], axis=1), axis=0))
    return 4 * (groups + pairs) <= len(rows)


def best_answers(
    unit: np.ndarray,
    n: int,
    rows: np.ndarray,
    sections: np.ndarray,
    check: Callable[[], None],
    report: Callable[[int], None] = lambda done: None,
    threads: int = 2,
) -> np.ndarray:
    """The best row among the first ``n`` for each question, or -1 where a full scan must decide.

    Parameters
    ----------
    unit
        Unit-length vectors (rows beyond ``n`` are ignored).
    n
        Only rows ``0 … n-1`` can be answers.
    rows
        ``(m, 3)`` row numbers of ``a, b, c``; these are never the answer.
    sections
        ``(m,)`` section of each question; bounds are taken per section.
    check
        Called between steps; raises to cancel.
    report
        Called after each section with the number of questions settled so far
        (the rest are left to the full scan, which counts on from there).
    threads
        For the products and partitions, which are few and large: numpy
        releases the GIL in them. (Whole sections on two threads were slower
        than one: the small steps between spent the gain handing the GIL back
        and forth.)

    Returns
    -------
    numpy.ndarray
        ``(m,)`` answer rows; -1 for the questions the bounds could not settle.
    """
    m = len(rows)
    best = np.full(m, -1, dtype=np.intp)
    if m == 0:
        return best
    inputs = rows.astype(np.intp)
    ia, ib, ic = inputs.T
    order = np.lexsort((ic, sections))
    sec_sorted = sections[order]
    cuts = np.flatnonzero(sec_sorted[1:] != sec_sorted[:-1]) + 1
    tasks = np.split(order, cuts)
    vocab = unit[:n]
    small, large = min(K_SMALL, n), min(K_LARGE, n)
    rows_at_once = max(1, _CACHE_ELEMENTS // n)
    groups_at_once = max(1, min(64, _BOUNDS_AT_ONCE // n))

    def one_section(qs: np.ndarray, pool: ThreadPoolExecutor) -> None:
        pairs = np.unique(inputs[qs, :2], axis=0)
        diff = unit[pairs[:, 1]] - unit[pairs[:, 0]]
        # The max over the section's pairs, a slice of the vocabulary at a time.
        top = np.empty(n, dtype=np.float32)
        width = max(256, _CACHE_ELEMENTS // len(diff))

        def pair_slice(v0: int) -> None:
            np.max(diff @ vocab[v0 : v0 + width].T, axis=0, out=top[v0 : v0 + width])

        _each(pool, pair_slice, range(0, n, width))
        check()
        cs = ic[qs]  # sorted within the section
        group = np.cumsum(np.r_[0, cs[1:] != cs[:-1]])  # of each question
        for g0 in range(0, group[-1] + 1, groups_at_once):
            lo, hi = np.searchsorted(group, [g0, g0 + groups_at_once])
            q, gq = qs[lo:hi], group[lo:hi] - g0
            firsts = np.r_[0, np.flatnonzero(gq[1:] != gq[:-1]) + 1]
            bounds = bounds_buffer[: len(firsts)]
            top_large = np.empty((len(bounds), large), dtype=np.intp)
            halves = np.array_split(np.arange(len(bounds)), threads)
            _each(pool, functools.partial(_bound_rows, unit[cs[lo:hi][firsts]], vocab, top,
                                          bounds, top_large, rows_at_once),
                  [(h[0], h[-1] + 1) for h in halves if len(h)])  # fmt: skip
            values = np.take_along_axis(bounds, top_large, axis=1)
            kth_large = values.min(axis=1)
            # Two single partitions: numpy's with two kth values took ~7× longer.
            sub = np.argpartition(values, large - small, axis=1)[:, large - small :]
            top_small = np.take_along_axis(top_large, sub, axis=1)
            kth_small = np.take_along_axis(values, sub, axis=1).min(axis=1)
            # The same expression as the full scan's, so the same float32 values.
            points = (unit[ib[q]] + unit[ic[q]]) - unit[ia[q]]
            found, sure = _settle(vocab, points, inputs[q], gq, top_small, kth_small)
            best[q[sure]] = found[sure]
            left = np.flatnonzero(~sure)
            if len(left) and large > small:
                used, g2 = np.unique(gq[left], return_inverse=True)
                found, sure = _settle(vocab, points[left], inputs[q[left]], g2,
                                      top_large[used], kth_large[used])  # fmt: skip
                best[q[left[sure]]] = found[sure]
            check()

    # Reused for every chunk: a fresh 64 MB array per product is fresh pages that
    # fault in again each time (a third of the products' time).
    bounds_buffer = np.empty((groups_at_once, n), dtype=np.float32)
    with ThreadPoolExecutor(threads, thread_name_prefix="embviz-evaluate") as pool:
        for qs in tasks:
            check()
            one_section(qs, pool)
            report(int((best >= 0).sum()))
    return best


def _bound_rows(centres, vocab, top, bounds, top_large, rows_at_once, span) -> None:
    """Bounds of the groups ``span`` and the indices of their ``K_LARGE`` highest."""
    r0, r1 = span
    n, large = len(vocab), top_large.shape[1]
    np.matmul(centres[r0:r1], vocab.T, out=bounds[r0:r1])
    bounds[r0:r1] += top
    for s0 in range(r0, r1, rows_at_once):  # in cache-sized pieces
        s1 = min(r1, s0 + rows_at_once)
        top_large[s0:s1] = np.argpartition(bounds[s0:s1], n - large, axis=1)[:, n - large :]


def _each(pool: ThreadPoolExecutor, fn: Callable[[int], None], items) -> None:
    """Run ``fn`` on every item on the pool's threads; re-raise the first error."""
    for f in [pool.submit(fn, item) for item in items]:
        f.result()


def _settle(vocab, points, inputs, group, cand, kth) -> tuple[np.ndarray, np.ndarray]:
    """Best candidate per question and whether no word outside the candidates can beat it.

    ``group`` (sorted) picks each question's row of ``cand`` (word rows) and of
    ``kth`` (a bound that no word outside that row exceeds); ``inputs`` are
    never answers.
    """
    cand = np.sort(cand, axis=1)  # for the one search below
    k = cand.shape[1]
    scores = np.empty((len(points), k), dtype=np.float32)
    words = np.empty((k, vocab.shape[1]), dtype=vocab.dtype)
    cuts = np.flatnonzero(np.r_[True, group[1:] != group[:-1], True])
    for s0, s1 in itertools.pairwise(cuts.tolist()):
        np.take(vocab, cand[group[s0]], axis=0, out=words)
        np.matmul(points[s0:s1], words.T, out=scores[s0:s1])
    # Every group's sorted candidates in one sorted array: one search finds all inputs.
    stride = len(vocab) + 1
    flat = (cand + np.arange(len(cand))[:, None] * stride).ravel()
    for col in inputs.T:
        target = col + group * stride
        pos = np.minimum(np.searchsorted(flat, target), flat.size - 1)
        hit = np.flatnonzero(flat[pos] == target)
        scores[hit, pos[hit] - group[hit] * k] = -np.inf
    rows = np.arange(len(points))
    j = scores.argmax(axis=1)
    top = scores[rows, j]
    scores[rows, j] = -np.inf
    runner_up = scores.max(axis=1)
    slack = margin(vocab.shape[1])
    # Sure only when no word outside the candidates can come near (bound) and the
    # runner-up is clearly behind: two words within rounding of each other are
    # ordered by how a product rounds, so the full scan decides, and the answers
    # stay exactly the scan's. Comparisons with NaN are False: the scan decides.
    sure = (top > kth[group] + slack) & (top > runner_up + slack)
    return cand[group, j], sure
