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
        scores go to the earlier row, as in :func:`embviz.core.ranking.top_rows`
        (except that a tie cut by a block's partition may keep a later row).
    """
    queries = np.ascontiguousarray(queries, dtype=np.float32)
    m = len(queries)
    k = max(0, min(k, n - (exclude is not None)))
    best_v = np.full((m, k), -np.inf, dtype=np.float32)
    best_i = np.full((m, k), np.iinfo(np.int64).max, dtype=np.int64)
    if m == 0 or k == 0:
        return best_i[:, :0]
    steps = -(-n // _ROWS) * -(-m // _QUERIES)
    step = 0
    for r0 in range(0, n, _ROWS):
        rows = np.ascontiguousarray(blocks(r0, min(n, r0 + _ROWS)), dtype=np.float32)
        for q0 in range(0, m, _QUERIES):
            q1 = min(m, q0 + _QUERIES)
            s = queries[q0:q1] @ rows.T
            if exclude is not None:
                own = exclude[q0:q1] - r0
                hit = np.flatnonzero((own >= 0) & (own < len(rows)))
                s[hit, own[hit]] = -np.inf
            kk = min(k, s.shape[1])
            part = np.argpartition(-s, kk - 1, axis=1)[:, :kk]
            v = np.concatenate([best_v[q0:q1], np.take_along_axis(s, part, 1)], axis=1)
            i = np.concatenate([best_i[q0:q1], part + r0], axis=1)
            order = np.lexsort((i, -v), axis=-1)[:, :k]
            best_v[q0:q1] = np.take_along_axis(v, order, 1)
            best_i[q0:q1] = np.take_along_axis(i, order, 1)
            step += 1
            lo, hi = span
            progress.report(lo + (hi - lo) * step / steps, message)
    return best_i
