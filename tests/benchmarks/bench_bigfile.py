"""Benchmark: peak memory of a 2,000,000 × 300 word2vec text file (4.8 GB), opened twice.

Run from the repository root (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_bigfile.py [--dir /tmp/embviz-bigfile]
        [--rows 2000000] [--dim 300] [--peer /work/main] [--keep]

Generates random vectors as word2vec text (the size of the fastText crawl
vectors; needs about 4.8 GB for the file and 2.4 GB per cache entry in
``--dir``), then in a fresh process per step: the first open (parse and fill
the cache), and a reopen from the cache followed by one ``neighbors`` and one
analogy query. Each step reports the process's peak resident memory (VmHWM,
which counts the pages of the memory-mapped matrix that were read) after
open, after neighbours and after the analogy. ``--peer`` repeats the reopen
with another checkout's code (e.g. the main branch) in the same run; the
matrix itself (rows × dim × 4 bytes) is the floor every figure is compared
with. Prints figures and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

CHILD = r"""
import json, sys, time

def hwm_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

import embviz
from embviz.core.analogy import query
out = {"base_mb": hwm_mb()}
t = time.perf_counter()
emb = embviz.load(sys.argv[1])
out["open_s"] = time.perf_counter() - t
out["cached"] = bool(emb.source.details.get("cached"))
out["open_mb"] = hwm_mb()
if sys.argv[2] == "queries":
    t = time.perf_counter()
    emb.neighbors("w12345", k=10)
    out["neighbors_s"] = time.perf_counter() - t
    out["neighbors_mb"] = hwm_mb()
    t = time.perf_counter()
    query(emb, "w1 - w2 + w3", k=10)
    out["analogy_s"] = time.perf_counter() - t
    out["analogy_mb"] = hwm_mb()
    t = time.perf_counter()
    query(emb, "w4 - w5 + w6", k=10)
    out["second_analogy_s"] = time.perf_counter() - t
print(json.dumps(out))
"""


def generate(path: Path, rows: int, dim: int, seed: int = 0) -> None:
    """Write ``rows`` random ``dim``-vectors as word2vec text, 7 characters a value.

    Positive values as ``0.12345``, negative as ``-0.1234``: fixed width, so
    the text is built with array operations instead of 600 million formats.
    """
    rng = np.random.default_rng(seed)
    block = 20_000
    tmp = path.with_suffix(".partial")
    with open(tmp, "wb") as f:
        f.write(f"{rows} {dim}\n".encode())
        for start in range(0, rows, block):
            n = min(block, rows - start)
            neg = rng.random((n, dim)) < 0.5
            digits = rng.integers(48, 58, (n, dim, 5), dtype=np.uint8)
            chars = np.empty((n, dim, 8), dtype=np.uint8)
            chars[..., 0] = np.where(neg, ord("-"), ord("0"))
            chars[..., 1] = np.where(neg, ord("0"), ord("."))
            chars[..., 2] = np.where(neg, ord("."), digits[..., 0])
            for k in range(3, 7):
                chars[..., k] = np.where(neg, digits[..., k - 3], digits[..., k - 2])
            chars[..., 7] = ord(" ")
            chars[:, -1, 7] = ord("\n")
            lines = chars.reshape(n, dim * 8)
            f.write(b"".join(b"w%d " % (start + i) + lines[i].tobytes() for i in range(n)))
    tmp.replace(path)


def run(code: Path, path: Path, what: str, cache: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code), "XDG_CACHE_HOME": str(cache)}
    t = time.perf_counter()
    # cwd=code: with -c the working directory comes first on sys.path, before PYTHONPATH
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path), what], env=env, cwd=code,
                          capture_output=True, text=True, check=False)  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(f"{code}: step {what} failed:\n{proc.stderr[-2000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["wall_s"] = time.perf_counter() - t
    return out


def report(name: str, r: dict, floor_mb: float) -> None:
    parts = [f"open {r['open_mb']:7,.0f} MB ({r['open_s']:5.1f} s, cached={r['cached']})"]
    for k in ("neighbors", "analogy"):
        if f"{k}_mb" in r:
            parts.append(f"{k} {r[f'{k}_mb']:7,.0f} MB ({1000 * r[f'{k}_s']:7.0f} ms)")
    peak = max(v for k, v in r.items() if k.endswith("_mb"))
    print(f"{name:24s} " + " | ".join(parts) + f" | peak/matrix {peak / floor_mb:4.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=Path("/tmp/embviz-bigfile"))
    ap.add_argument("--rows", type=int, default=2_000_000)
    ap.add_argument("--dim", type=int, default=300)
    ap.add_argument("--peer", type=Path, help="another checkout to compare with (e.g. main)")
    ap.add_argument("--keep", action="store_true", help="keep the file and caches")
    args = ap.parse_args()
    here = Path(__file__).resolve().parents[2]
    args.dir.mkdir(parents=True, exist_ok=True)
    path = args.dir / f"random-{args.rows}x{args.dim}.vec"
    if not path.exists():
        t = time.perf_counter()
        generate(path, args.rows, args.dim)
        print(f"generated {path} ({path.stat().st_size / 1e9:.2f} GB) "
              f"in {time.perf_counter() - t:.0f} s")  # fmt: skip
    floor_mb = args.rows * args.dim * 4 / 2**20
    print(f"matrix alone: {floor_mb:,.0f} MB (float32); target: peak under 3,500 MB\n")
    codes = [("this branch", here)] + ([("peer " + str(args.peer), args.peer)] if args.peer else [])
    try:
        for name, code in codes:
            cache = args.dir / ("cache-" + name.split()[0])
            shutil.rmtree(cache, ignore_errors=True)
            report(f"{name}: first open", run(code, path, "open", cache), floor_mb)
            report(f"{name}: reopen+queries", run(code, path, "queries", cache), floor_mb)
            if not args.keep:
                shutil.rmtree(cache, ignore_errors=True)
    finally:
        if not args.keep:
            path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
