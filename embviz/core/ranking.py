"""Selecting the k best of many scores, exactly and fast (the hot path of every query)."""

from __future__ import annotations

import numpy as np

_PREFILTER_MIN = 50_000
_PREFILTER_STRIDE = 64


def _order(values: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    # Best first; ties go to the earlier (more frequent) word.
    return candidates[np.lexsort((candidates, -values[candidates]))]


def top_rows(values: np.ndarray, k: int) -> np.ndarray:
    """The rows of the ``k`` highest ``values``, best first; ties go to the earlier row."""
    k = min(k, len(values))
    if k <= 0:
        return np.zeros(0, dtype=np.intp)
    if len(values) >= _PREFILTER_MIN and k * _PREFILTER_STRIDE * 4 < len(values):
        # Exact shortcut: the k-th best of every 64th value is a floor that at least k
        # values reach, so the true top k (and every tie of the k-th) are at or above
        # it. Selecting among those few hundred beats argpartition over 400k (2 ms).
        sample = values[::_PREFILTER_STRIDE]
        floor = np.partition(sample, len(sample) - k)[len(sample) - k]
        if np.isfinite(floor):
            candidates = np.flatnonzero(values >= floor)
            if len(candidates) * 4 < len(values):  # not a sea of ties
                return candidates[top_rows(values[candidates], k)]
    if k < len(values):
        part = np.argpartition(values, len(values) - k)[len(values) - k :]
        # argpartition may cut a run of equal scores anywhere: keep every tie of the k-th.
        kth = values[part].min()
        if np.count_nonzero(values >= kth) > k:
            part = np.flatnonzero(values >= kth)
    else:
        part = np.arange(len(values))
    return _order(values, part)[:k]
