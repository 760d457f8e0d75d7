"""Benchmark: MiniLM-L6 in numpy (embviz) vs transformers + torch, a 32-token sentence.

Run from the repository root (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_context.py [--model DIR] [--torch-python PY]

Targets (issue 19): the model loads in under 1 s (memory-mapped safetensors)
and one 32-token sentence runs through all 6 layers in under 50 ms. Each side
runs in a fresh subprocess: "import" is the libraries' import time, "load"
opening the model folder (config, weights, tokenizer), "first" the first
sentence (which pages the weights in), "forward" the median of 50 further
runs of the same token ids (wall clock) and of its CPU time (all threads;
less disturbed when other processes share the cores). When PY (default /tmp/refvenv/bin/python, made as
in tests/fixtures/make_bert_fixture.py) has torch and transformers, the same
ids run through ``BertModel`` (eager attention, ``torch.no_grad``) in the same
run, and the ratio is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# 30 WordPiece tokens + [CLS] + [SEP] = 32 (checked below).
SENTENCE = ("The old fisherman sat on the muddy bank of the river and watched the cold "
            "water, while his daughter deposited the money at the bank in the town.")  # fmt: skip
RUNS = 50

NUMPY_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
import numpy as np
from embviz.core.context import ContextModel
t1 = time.perf_counter()
model = ContextModel(sys.argv[1])
t2 = time.perf_counter()
tok = model.tokenize(sys.argv[2])
t3 = time.perf_counter()
first = model.hidden_states(tok)
t4 = time.perf_counter()
times, cpu = [], []
for _ in range(int(sys.argv[3])):
    a, c = time.perf_counter(), time.process_time()
    hs = model.hidden_states(tok)
    times.append(time.perf_counter() - a)
    cpu.append(time.process_time() - c)
np.save(sys.argv[4], np.stack(hs))
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "tokenize": t3 - t2, "first": t4 - t3,
                  "forward": sorted(times)[len(times) // 2], "cpu": sorted(cpu)[len(cpu) // 2],
                  "ids": tok.ids.tolist()}))
"""

TORCH_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
import numpy as np
import torch
from transformers import BertModel
t1 = time.perf_counter()
model = BertModel.from_pretrained(sys.argv[1], attn_implementation="eager").eval()
t2 = time.perf_counter()
ids = torch.tensor([json.loads(sys.argv[2])])
with torch.no_grad():
    t3 = time.perf_counter()
    model(input_ids=ids, output_hidden_states=True)
    t4 = time.perf_counter()
    times, cpu = [], []
    for _ in range(int(sys.argv[3])):
        a, c = time.perf_counter(), time.process_time()
        hs = model(input_ids=ids, output_hidden_states=True).hidden_states
        times.append(time.perf_counter() - a)
        cpu.append(time.process_time() - c)
np.save(sys.argv[4], torch.stack([h[0] for h in hs]).numpy())
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "first": t4 - t3, "threads": torch.get_num_threads(),
                  "forward": sorted(times)[len(times) // 2], "cpu": sorted(cpu)[len(cpu) // 2],
                  "version": torch.__version__}))
"""


def child(python: str, code: str, *args: str, threads: int | None = None) -> dict:
    env = dict(os.environ)
    if threads:
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env[var] = str(threads)
    r = subprocess.run([python, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                       timeout=600, env=env)  # fmt: skip
    if r.returncode != 0:
        raise SystemExit(f"child {python} failed:\n{r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    import tempfile

    import numpy as np

    from embviz.core.context import find_model

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="model folder (default: the installed MiniLM-L6)")
    ap.add_argument("--torch-python", default="/tmp/refvenv/bin/python")
    ap.add_argument("--threads", type=int,
                    help="BLAS / OpenMP threads for both sides (default: the libraries' own)")  # fmt: skip
    args = ap.parse_args()
    model = str(find_model(args.model))
    with tempfile.TemporaryDirectory() as tmp:
        ours = child(sys.executable, NUMPY_CHILD, model, SENTENCE, str(RUNS), f"{tmp}/np.npy",
                     threads=args.threads)  # fmt: skip
        n = len(ours["ids"])
        print(
            f"model: {model}\nsentence: {n} tokens with [CLS] and [SEP]; "
            f"threads: {args.threads or 'library default'}; load average "
            f"{Path('/proc/loadavg').read_text().split()[0]} on {os.cpu_count()} cores"
        )
        if n != 32:
            print(f"warning: the sentence is {n} tokens, not 32")
        print(f"{'':<22}{'import':>9}{'load':>9}{'first':>9}{'forward':>10}{'CPU':>10}")
        print(f"{'embviz (numpy)':<22}{ours['import']:9.3f}{ours['load']:9.3f}{ours['first']:9.3f}"
              f"{1000 * ours['forward']:8.1f} ms{1000 * ours['cpu']:7.1f} ms"
              "   (targets: load < 1 s, forward < 50 ms)")  # fmt: skip
        py = Path(args.torch_python)
        if not py.exists():
            print(f"(no {py}: torch comparison skipped)")
            return
        ref = child(str(py), TORCH_CHILD, model, json.dumps(ours["ids"]), str(RUNS),
                    f"{tmp}/torch.npy", threads=args.threads)  # fmt: skip
        print(f"{'torch ' + ref['version']:<22}{ref['import']:9.3f}{ref['load']:9.3f}"
              f"{ref['first']:9.3f}{1000 * ref['forward']:8.1f} ms{1000 * ref['cpu']:7.1f} ms"
              f"   ({ref['threads']} threads)")  # fmt: skip
        diff = float(np.abs(np.load(f"{tmp}/np.npy") - np.load(f"{tmp}/torch.npy")).max())
        print(f"numpy / torch: forward {ours['forward'] / ref['forward']:.2f}× "
              f"(CPU {ours['cpu'] / ref['cpu']:.2f}×), "
              f"load {ours['load'] / ref['load']:.2f}×, import {ours['import'] / ref['import']:.2f}×;"
              f" max abs difference of the hidden states {diff:.1e}")  # fmt: skip


if __name__ == "__main__":
    main()
