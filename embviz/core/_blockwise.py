"""Exact top-k by dot product over many rows, one block at a time.

A full ``queries × rows`` score matrix of 1,000 queries against 400,000 words
is 1.6 GB of float32; scored block by block it never exceeds
``_QUERIES × _ROWS`` floats (32 MB), and the work can report progress and
stop between blocks.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from embviz.core.progress import NULL_PROGRESS, Progress

_QUERIES = 256
_ROWS = 32_768
_NONE = np.iinfo(np.int64).max  # row number of an empty slot: sorts after every real row

Blocks = Callable[[int, int], np.ndarray]
"""``blocks(start, stop)`` returns rows ``start:stop`` of the searched matrix (float32)."""


def top_k_blockwise(
    queries: np.ndarray,
    blocks: Blocks,
    n: int,
    k: int,
    *,
    exclude: np.ndarray | None = None,
    progress: Progress = NULL_PROGRESS,
    message: str = "",
    span: tuple[float, float] = (0.0, 1.0),
) -> np.ndarray:
    """Rows of the ``k`` highest dot products with each query, best first.

    Parameters
    ----------
    queries
        ``(m, d)`` float32.
    blocks
        Gives rows of the searched ``(n, d)`` matrix.
    n
        How many rows are searched.
    k
        How many results per query (at most ``n``, fewer when ``exclude`` takes one).
    exclude
        Optional ``(m,)`` row per query to leave out (the query word itself).
    progress
        Reported once per block with a fraction inside ``span``; cancel is checked there.
    message
        Text shown with the progress.
    span
        The part of the whole job's progress this search covers.

    Returns
    -------
    numpy.ndarray
        ``(m, k')`` row numbers, ``k' = min(k, n - (exclude is not None))``. Equal
        scores go to the earlier row, as in :func:`embviz.core.ranking.top_rows`.
    """
    queries = np.ascontiguousarray(queries, dtype=np.float32)
    m = len(queries)
    k = max(0, min(k, n - (exclude is not None)))
    best_v = np.full((m, k), -np.inf, dtype=np.float32)
    best_i = np.full((m, k), _NONE, dtype=np.int64)
    if m == 0 or k == 0:
        return best_i
    steps = -(-n // _ROWS) * -(-m // _QUERIES)
    step = 0
    lo, hi = span
    for r0 in range(0, n, _ROWS):
        rows = np.ascontiguousarray(blocks(r0, min(n, r0 + _ROWS)), dtype=np.float32)
        for q0 in range(0, m, _QUERIES):
            q1 = min(m, q0 + _QUERIES)
            s = queries[q0:q1] @ rows.T
            if exclude is not None:
                own = exclude[q0:q1] - r0
                hit = np.flatnonzero((own >= 0) & (own < len(rows)))
                s[hit, own[hit]] = -np.inf
            _merge(best_v[q0:q1], best_i[q0:q1], s, r0)
            step += 1
            progress.report(lo + (hi - lo) * step / steps, message)
    return best_i


def _merge(best_v: np.ndarray, best_i: np.ndarray, s: np.ndarray, offset: int) -> None:
    """Fold a block of scores ``s`` into each row's best ``k`` (in place)."""
    k = best_v.shape[1]
    if not np.isfinite(best_v[:, -1]).all():  # a first block: select its k best per row
        kk = min(k, s.shape[1])
        part = np.argpartition(s, s.shape[1] - kk, axis=1)[:, s.shape[1] - kk :]
        # Keep every tie of the k-th value, so that the earlier row can win it below.
        floor = np.take_along_axis(s, part, 1).min(axis=1, keepdims=True)
        q, col = np.nonzero(s >= floor)
    else:
        # Only scores reaching a query's current k-th best can enter its list: after
        # the first blocks that is a few per block, so the block is never sorted (an
        # argpartition of every block cost 10 of 13 seconds on 400k words), and
        # only rows whose maximum reaches it are searched.
        floor = best_v[:, -1:]
        need = np.flatnonzero(s.max(axis=1) >= floor[:, 0])
        q, col = np.nonzero(s[need] >= floor[need])
        q = need[q]
    v = s[q, col]
    keep = v > -np.inf  # an excluded word, when a block has fewer than k others
    q, col, v = q[keep], col[keep], v[keep]
    if len(q) == 0:
        return
    rows = np.arange(len(best_v))
    all_q = np.concatenate([np.repeat(rows, k), q])
    all_v = np.concatenate([best_v.ravel(), v])
    all_i = np.concatenate([best_i.ravel(), col.astype(np.int64) + offset])
    # Best first within each query; equal scores go to the earlier row.
    order = np.lexsort((all_i, -all_v, all_q))
    first = np.searchsorted(all_q[order], rows)  # each query has at least k entries
    take = order[(first[:, None] + np.arange(k)).ravel()]
    best_v[:] = all_v[take].reshape(best_v.shape)
    best_i[:] = all_i[take].reshape(best_i.shape)
