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


# -- hostile families (issue 16): lying headers, special files, bombs, concurrent rewrite ---
#
# Each family runs in a subprocess under an address-space limit: a file that
# makes a loader allocate what a header claims, or crash natively, fails the
# family's test instead of taking the test run (or the machine) with it.
# Inside, every case ends in data or an EmbvizError within its alarm.

FAMILY_GB = 2.5


def _lying_headers(tmp: Path, rng: random.Random):
    import json
    import struct

    huge = [0, 1, 7, 2**31 - 1, 2**31, 10**12, 2**62, 3 * 10**8]
    seeds = dict((name, gensim_data(name).read_bytes())
                 for name in ("lee_fasttext.vec", "high_precision.kv.bin"))  # fmt: skip
    for k in range(40):
        d = tmp / f"lie{k:03d}"
        d.mkdir()
        kind = k % 5
        a, b = rng.choice(huge), rng.choice(huge)
        if kind == 0:  # word2vec text and binary: count and dim
            name = rng.choice(sorted(seeds))
            data = seeds[name]
            body = data[data.index(b"\n") + 1 :]
            (d / name).write_bytes(f"{a} {b}\n".encode() + body)
            yield d / name
        elif kind == 1:  # .npy shape
            hd = f"{{'descr': '<f4', 'fortran_order': {rng.random() < 0.3}, 'shape': ({a}, {b}), }}"
            hd = hd.ljust(117) + "\n"
            (d / "m.npy").write_bytes(b"\x93NUMPY\x01\x00" + len(hd).to_bytes(2, "little")
                                      + hd.encode() + bytes(rng.randrange(4096)))  # fmt: skip
            (d / "m.vocab.txt").write_text("a\nb\n")
            yield d / "m.npy"
        elif kind == 2:  # .npz member, stored or compressed
            import zipfile

            comp = rng.choice([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
            hd = f"{{'descr': '<f4', 'fortran_order': False, 'shape': ({a}, {b}), }}"
            hd = hd.ljust(117) + "\n"
            with zipfile.ZipFile(d / "e.npz", "w", comp) as z:
                z.writestr("vectors.npy", b"\x93NUMPY\x01\x00" + len(hd).to_bytes(2, "little")
                           + hd.encode() + bytes(rng.randrange(4096)))  # fmt: skip
            (d / "e.vocab.txt").write_text("a\nb\n")
            yield d / "e.npz"
        elif kind == 3:  # safetensors shape and offsets
            lo = rng.choice([0, a, -a])
            head = {"embeddings.word_embeddings.weight": {
                "dtype": rng.choice(["F32", "F16", "BF16", "F64", "I8"]), "shape": [a, b],
                "data_offsets": [lo, rng.choice([lo + a * b * 4, b, 24])]}}  # fmt: skip
            h = json.dumps(head).encode()
            (d / "model.safetensors").write_bytes(struct.pack("<Q", len(h)) + h + bytes(24))
            (d / "vocab.txt").write_text("a\nb\nc\n")
            yield d / "model.safetensors"
        else:  # fastText dictionary and matrix sizes
            n_all, nwords = rng.choice(huge) % 2**31, rng.choice(huge) % 2**31
            head = struct.pack("<2i12id3iqq", 793712314, 12, 10, 5, 5, 1, 5, 1, 2, 2, 2000000, 3,
                               6, 100, 1e-4, n_all, nwords, 0, 5, rng.choice([-1, 0, a]))  # fmt: skip
            words = b"".join(w + b"\0" + bytes(9) for w in (b"a", b"b", b"c"))
            mat = struct.pack("<?2q", False, rng.choice(huge), rng.choice([10, b]))
            (d / "ft.bin").write_bytes(head + words + mat + bytes(rng.randrange(512)))
            yield d / "ft.bin"


def _special_files(tmp: Path, rng: random.Random):
    import socket

    os.mkfifo(tmp / "fifo.txt")
    yield tmp / "fifo.txt"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(tmp / "sock"))
    yield tmp / "sock"
    s.close()
    yield Path("/dev/zero")
    yield Path("/dev/null")
    os.symlink("loop2", tmp / "loop1")
    os.symlink("loop1", tmp / "loop2")
    yield tmp / "loop1"
    os.symlink("missing", tmp / "dangling")
    yield tmp / "dangling"
    yield tmp
    # Side files that are special: a FIFO vocabulary, a directory tokenizer.json.
    d = tmp / "side"
    d.mkdir()
    np.save(d / "m.npy", np.ones((2, 2), "f4"))
    os.mkfifo(d / "m.vocab.txt")
    yield d / "m.npy"
    with open(tmp / "sparse.txt", "wb") as f:  # 1 GB of zeros that take no disk
        f.truncate(1 << 30)
    yield tmp / "sparse.txt"


def _bombs(tmp: Path, rng: random.Random):
    import bz2
    import gzip
    import lzma
    import zipfile

    zero = bytes(16 << 20)
    for name, opener in (("z.gz", gzip.open), ("z.bz2", bz2.open), ("z.xz", lzma.open)):
        with opener(tmp / name, "wb") as f:
            for _ in range(8):
                f.write(zero)
        yield tmp / name
    lines = b"aaaa 0\n" * (1 << 16)
    with gzip.open(tmp / "lines.gz", "wb", compresslevel=1) as f:
        for _ in range(400):  # 180 M bytes, 26 M rows: more than the limit holds
            f.write(lines)
    yield tmp / "lines.gz"
    with zipfile.ZipFile(tmp / "bomb.npz", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("vectors.npy", "w", force_zip64=True) as m:
            hd = "{'descr': '<f4', 'fortran_order': False, 'shape': (2097152, 512), }".ljust(117)
            m.write(b"\x93NUMPY\x01\x00" + (118).to_bytes(2, "little") + hd.encode() + b"\n")
            for _ in range(256):
                m.write(zero)
    (tmp / "bomb.vocab.txt").write_text("w\n" * 2097152)
    yield tmp / "bomb.npz"


def _rewrite_loop(path: Path, versions: list[bytes], stop, rng: random.Random) -> None:
    import time

    with open(path, "r+b") as f:  # in place: the same inode a mapping would hold
        while not stop.is_set():
            data = rng.choice(versions)
            f.seek(0)
            f.truncate(0)
            whole = rng.random() < 0.5
            f.write(data if whole else data[: rng.randrange(len(data) + 1)])
            f.flush()
            # Now and then long enough for a whole load, then changed under its result.
            time.sleep(rng.choice([0.001, 0.3]) if whole else 0.002)


def _concurrent_rewrite(tmp: Path, rng: random.Random):
    """Files rewritten in place while they load; the loaded vectors are touched afterwards."""
    import threading

    big = np.arange(400_000, dtype=np.float32).reshape(20_000, 20)
    np.save(tmp / "m.npy", big)
    (tmp / "m.vocab.txt").write_text("".join(f"w{i}\n" for i in range(20_000)))
    np.savez(tmp / "e.npz", vectors=big, words=np.array([f"w{i}" for i in range(20_000)]))
    text = "".join(f"w{i} " + " ".join(["0.5"] * 20) + "\n" for i in range(20_000)).encode()
    (tmp / "g.txt").write_bytes(text)
    for name in ("m.npy", "e.npz", "g.txt"):
        p = tmp / name
        versions = [p.read_bytes(), p.read_bytes()[:1000], b"", bytes(4096)]
        for _ in range(3):  # loads whole, then cut short under the result (below)
            with open(p, "r+b") as f:
                f.write(versions[0])
            yield p
        stop = threading.Event()
        t = threading.Thread(target=_rewrite_loop, args=(p, versions, stop, rng))
        t.start()
        try:
            for _ in range(12):
                yield p
        finally:
            stop.set()
            t.join()
            p.write_bytes(versions[0])


FAMILIES = {"lying_headers": _lying_headers, "special_files": _special_files, "bombs": _bombs,
            "concurrent_rewrite": _concurrent_rewrite}  # fmt: skip


def family_main(family: str, tmp: str) -> None:
    """Run one family in this process; print one JSON line of outcomes (subprocess side)."""
    import json
    import time

    from embviz.core.errors import EmbvizError

    rng = random.Random(20261205)
    outcomes: dict[str, int] = {"loaded": 0, "error": 0}
    signal.signal(signal.SIGALRM, _alarm)
    for path in FAMILIES[family](Path(tmp), rng):
        signal.alarm(20)
        try:
            emb = embviz.load(path, cache=False)
            if family == "concurrent_rewrite":  # re-saved smaller before the rows are used
                with open(path, "r+b") as f:
                    f.truncate(100)
                time.sleep(0.01)
            float(np.asarray(emb.vectors, dtype=np.float64).sum())  # touch every row
            outcomes["loaded"] += 1
        except EmbvizError as e:
            assert "\n" not in str(e), str(e)
            outcomes["error"] += 1
        except _Hang:
            raise SystemExit(f"{path}: took more than 20 s") from None
        finally:
            signal.alarm(0)
    print(json.dumps(outcomes))


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_hostile_family(tmp_path, family):
    import json
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (int(FAMILY_GB * (1 << 30)),) * 2)

    root = Path(__file__).resolve().parents[2]
    code = f"from tests.core.test_fuzz_loaders import family_main; family_main({family!r}, {str(tmp_path)!r})"
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                         timeout=600, preexec_fn=limit)  # fmt: skip
    assert out.returncode == 0, (out.returncode, out.stderr[-3000:])
    outcomes = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"fuzz family {family}: {outcomes}")
    assert outcomes["error"] > 0
