"""``top_rows``: the k best rows, exact, whichever path it takes."""

from __future__ import annotations

import numpy as np
import pytest

from embviz.core.analogy import top_rows


def reference(values: np.ndarray, k: int) -> np.ndarray:
    # best first, ties to the earlier row: a full stable sort
    return np.argsort(-values, kind="stable")[:k]


@pytest.mark.parametrize("seed", range(20))
def test_large_arrays_match_a_full_sort(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(50_000, 150_000))
    values = rng.standard_normal(n).astype(np.float32)
    if seed % 2:
        values = np.round(values, 1)  # thousands of ties at every score
    k = int(rng.integers(1, 50))
    assert np.array_equal(top_rows(values, k), reference(values, k))


def test_best_values_are_found_anywhere_in_a_large_array():
    values = np.zeros(200_000, dtype=np.float32)
    # none of these rows is in the every-64th sample
    values[[1, 65, 199_999]] = [3.0, 2.0, 1.0]
    assert top_rows(values, 3).tolist() == [1, 65, 199_999]
    assert top_rows(values, 4).tolist() == [1, 65, 199_999, 0]


def test_nan_scores_are_never_the_best():
    values = np.linspace(0, 1, 100_000, dtype=np.float32)
    values[[5, 500]] = np.nan
    assert top_rows(values, 2).tolist() == [99_999, 99_998]


def test_small_arrays_and_large_k():
    values = np.array([0.5, 0.9, 0.9, 0.1], dtype=np.float32)
    assert top_rows(values, 2).tolist() == [1, 2]
    assert top_rows(values, 10).tolist() == [1, 2, 0, 3]
    assert top_rows(values, 0).tolist() == []
