"""Mutated real vector files: every load ends in data or a LoadError, never a crash or a hang.

The seeds are gensim's shipped test files plus a projector TSV and an .npy +
vocabulary; each is damaged by flipping bytes, cutting lines, truncating,
inserting garbage and shuffling lines. ``EMBVIZ_FUZZ_CASES`` raises the count.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import embviz
from embviz.core.errors import EmbvizError
from tests.helpers import gensim_data

CASES = int(os.environ.get("EMBVIZ_FUZZ_CASES", "300"))
SEEDS = ["test_glove.txt", "lee_fasttext.vec", "pretrained.vec", "high_precision.kv.txt",
         "high_precision.kv.bin", "euclidean_vectors.bin"]  # fmt: skip


def _seed_files(tmp: Path) -> list[tuple[str, bytes, dict]]:
    seeds = [(name, gensim_data(name).read_bytes(), {}) for name in SEEDS]
    tsv = "\n".join("\t".join(f"{x:.4f}" for x in row) for row in np.eye(4, 6)) + "\n"
    seeds.append(("vectors.tsv", tsv.encode(), {"metadata.tsv": b"word\nw0\nw1\nw2\nw3\n"}))
    npy = tmp / "seed.npy"
    np.save(npy, np.arange(24, dtype=np.float32).reshape(4, 6))
    seeds.append(("m.npy", npy.read_bytes(), {"m.vocab.txt": b"a\nb\nc\nd\n"}))
    return seeds


def _mutate(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(["flip", "cut_line", "truncate", "garbage", "swap_lines", "dup_line"])
        if not b:
            b = bytearray(rng.randbytes(rng.randint(0, 50)))
        elif op == "flip":
            for _ in range(rng.randint(1, 8)):
                i = rng.randrange(len(b))
                b[i] ^= 1 << rng.randrange(8)
        elif op == "truncate":
            del b[rng.randrange(len(b)) :]
        elif op == "garbage":
            i = rng.randrange(len(b) + 1)
            b[i:i] = rng.choice([rng.randbytes(rng.randint(1, 40)), b"nan", b"\t\t", b" \n",
                                 b"\xff\xfe", b"1e999", b"-", b"\x00"])  # fmt: skip
        else:
            lines = bytes(b).split(b"\n")
            i = rng.randrange(len(lines))
            if op == "cut_line":
                lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
            elif op == "swap_lines":
                j = rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines.insert(i, lines[i])
            b = bytearray(b"\n".join(lines))
    return bytes(b)


def _cases(tmp: Path, n: int):
    rng = random.Random(20261122)
    seeds = _seed_files(tmp)
    for k in range(n):
        name, data, sidecars = seeds[k % len(seeds)]
        d = tmp / f"case{k:04d}"
        d.mkdir()
        p = d / name
        p.write_bytes(_mutate(data, rng))
        for side, content in sidecars.items():
            (d / side).write_bytes(_mutate(content, rng) if rng.random() < 0.3 else content)
        yield p


class _Hang(Exception):
    pass


def _alarm(_sig, _frame):
    raise _Hang()


def test_mutated_files_through_the_api(tmp_path):
    old = signal.signal(signal.SIGALRM, _alarm)
    outcomes = {"loaded": 0, "error": 0}
    try:
        for path in _cases(tmp_path, CASES):
            signal.alarm(10)  # bound the work: a hang is a failure
            try:
                emb = embviz.load(path, cache=False)
            except EmbvizError as e:
                msg = str(e)
                assert path.name in msg or path.parent.name in msg, f"{path}: {msg}"
                outcomes["error"] += 1
            except _Hang:
                pytest.fail(f"{path}: loading took more than 10 s")
            else:
                assert emb.vectors.ndim == 2 and len(emb.words) == emb.vectors.shape[0]
                outcomes["loaded"] += 1
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, old)
    print(f"fuzz: {CASES} mutated files: {outcomes}")
    assert outcomes["loaded"] > 0 and outcomes["error"] > 0  # the mutations do both


def test_mutated_files_through_the_cli(tmp_path):
    for path in list(_cases(tmp_path, 24))[::2]:
        out = subprocess.run([sys.executable, "-m", "embviz", "info", str(path), "--json"],
                             capture_output=True, text=True, timeout=60)  # fmt: skip
        assert out.returncode in (0, 2), (path, out.returncode, out.stderr)
        assert "Traceback" not in out.stderr and "internal error" not in out.stderr, out.stderr
        if out.returncode == 2:
            assert len(out.stderr.strip().splitlines()) == 1, out.stderr
