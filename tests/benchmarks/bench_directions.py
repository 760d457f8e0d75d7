"""Benchmark: directions and positional encodings against gensim in the same run.

Run: ``.venv/bin/python tests/benchmarks/bench_directions.py``. Prints times and
ratios (embviz / gensim); no asserts on timing. Values are checked equal.
"""

from __future__ import annotations

import time

import numpy as np
from gensim.models import KeyedVectors

import embviz
from embviz.core import directions as D
from embviz.core.posenc import positional_encoding


def best(fn, repeat=7):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    emb = embviz.load_default()
    kv = KeyedVectors(emb.dim)
    kv.add_vectors(emb.words, emb.vectors)
    pairs = D.section_pairs("gram8-plural")

    def gensim_direction():
        diffs = [kv[b].astype(np.float64) - kv[a] for a, b in pairs if a in kv and b in kv]
        return np.mean(diffs, axis=0)

    t_e, d_e = best(lambda: D.from_pairs(emb, pairs).vector)
    t_g, d_g = best(gensim_direction)
    np.testing.assert_allclose(d_e, d_g, rtol=1e-6)
    print(f"direction from {len(pairs)} gram8-plural pairs: embviz {t_e * 1e3:.2f} ms, "
          f"gensim {t_g * 1e3:.2f} ms, ratio {t_e / t_g:.2f}")  # fmt: skip

    rows = np.arange(len(emb))
    t_e, v_e = best(lambda: D.values(emb, d_e, rows, "dot"))
    t_g, v_g = best(lambda: kv.vectors @ d_g)
    np.testing.assert_allclose(v_e, v_g, rtol=1e-4, atol=1e-5)
    print(f"raw dot product with all {len(emb):,} words: embviz {t_e * 1e3:.2f} ms, "
          f"gensim matrix {t_g * 1e3:.2f} ms, ratio {t_e / t_g:.2f}")  # fmt: skip

    t_e, c_e = best(lambda: D.values(emb, d_e, rows, "cosine"))
    t_g, c_g = best(lambda: kv.cosine_similarities(d_g.astype(np.float32), kv.vectors))
    np.testing.assert_allclose(c_e, c_g, atol=1e-5)
    print(f"cosine with all {len(emb):,} words: embviz {t_e * 1e3:.2f} ms, "
          f"gensim cosine_similarities {t_g * 1e3:.2f} ms, ratio {t_e / t_g:.2f}")  # fmt: skip

    preset = D.PRESETS["plurality (cats − cat)"]
    d = D.from_expression(emb, preset.expression)
    t_s, _ = best(lambda: D.score(emb, d, preset.groups, n_random=1000), repeat=5)
    print(f"panel update (26 words + 1000-direction baseline): {t_s * 1e3:.1f} ms")

    t_p, pe = best(lambda: positional_encoding(1024, 1024))
    print(f"positional_encoding(1024, 1024): {t_p * 1e3:.1f} ms (no gensim equivalent), "
          f"shape {pe.shape}")  # fmt: skip


if __name__ == "__main__":
    main()
