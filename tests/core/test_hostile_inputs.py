"""Hostile and unlucky inputs from issue 16: bounded time and memory, one clear error.

Each case is the reproduction from the issue (scaled where noted). The ones
that crashed, hung or exhausted memory run in a subprocess under an
address-space limit and a timeout, so a regression fails the test instead of
the machine: death by a signal, a timeout or an internal error is a failure.
"""

from __future__ import annotations

import io
import json
import os
import resource
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest

import embviz
from embviz.core.errors import Cancelled, LoadError
from embviz.core.progress import Progress

GB = 1 << 30


# The child's own peak resident memory in KB. Not ru_maxrss: that survives exec,
# so it counts the forked copy of the (large) pytest process as well.
PEAK_KB = "next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))"


def run_limited(args: list[str], cwd: Path, *, gb: float = 2.0, timeout: float = 60):
    """Run ``python ARGS`` with ``ulimit -v`` of ``gb`` GB; return the finished process."""

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (int(gb * GB), int(gb * GB)))

    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=limit)  # fmt: skip


def cli_refuses(path: Path | str, *more: str, match: str, gb: float = 2.0, cwd: Path) -> str:
    """``embviz info PATH`` must exit 2 with one line naming ``match``; return that line."""
    out = run_limited(["-m", "embviz", "info", str(path), *more], cwd, gb=gb)
    assert out.returncode == 2, (out.returncode, out.stderr[-2000:])
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and match in lines[0], out.stderr[-2000:]
    return lines[0]


# -- crashes ---------------------------------------------------------------------


def test_npy_rewritten_in_place_while_loaded_does_not_kill_the_process(tmp_path):
    # Issue 16, item 1, exactly: exit 135 (SIGBUS) before.
    code = ("import numpy as np,embviz; np.save('m.npy',np.ones((200000,50),'f4')); "
            "open('m.vocab.txt','w').write(''.join(f'w{i}\\n' for i in range(200000))); "
            "e=embviz.load('m.npy'); np.save('m.npy',np.zeros((10,50),'f4')); "
            "print(e.neighbors('w199999')[0].word)")  # fmt: skip
    out = run_limited(["-c", code], tmp_path)
    assert out.returncode == 0, (out.returncode, out.stderr[-2000:])
    assert out.stdout.strip().startswith("w")  # the vectors as they were when loaded


def test_npz_and_safetensors_are_copied_not_mapped(tmp_path):
    np.savez(tmp_path / "e.npz", vectors=np.ones((4, 3), "f4"), words=np.array(list("abcd")))
    emb = embviz.load(tmp_path / "e.npz", cache=False)
    assert not isinstance(emb.vectors, np.memmap) and not isinstance(emb.vectors.base, np.memmap)
    (tmp_path / "e.npz").write_bytes(b"")  # truncated under us: the loaded copy stays good
    assert emb.vectors.sum() == 12


def test_one_very_wide_glove_line_is_refused_in_bounded_memory(tmp_path):
    # Item 3: 6.7 GB, SIGABRT under a memory limit before.
    (tmp_path / "d.txt").write_bytes(b"w " + b" ".join([b"0"] * 5_000_000) + b"\n")
    cli_refuses("d.txt", "--no-cache", match="at most 100,000 dims", cwd=tmp_path)


# -- hangs and unbounded work ------------------------------------------------------

FASTTEXT_HEADER = struct.pack("<2i12id3iqq", 793712314, 12, 10, 5, 5, 1, 5, 1, 2, 2, 2000000,
                              3, 6, 100, 1e-4, 1, 1, 0, 1, -1)  # fmt: skip


def test_fasttext_word_without_end_is_an_error_not_a_loop(tmp_path):
    # Item 5: looped forever at 100 % CPU before.
    (tmp_path / "ft.bin").write_bytes(FASTTEXT_HEADER + b"abc")
    line = cli_refuses("ft.bin", match="ends inside word 1", cwd=tmp_path)
    assert "unicode-errors" not in line


def test_checking_a_large_fasttext_dictionary_is_cancellable(tmp_path):
    n = 6_000_000  # ~66 MB of one-letter words: seconds of checking
    head = struct.pack("<2i12id3iqq", 793712314, 12, 10, 5, 5, 1, 5, 1, 2, 2, 2000000, 3, 6,
                       100, 1e-4, n, n, 0, n, -1)  # fmt: skip
    p = tmp_path / "big.bin"
    p.write_bytes(head + (b"a\0" + bytes(9)) * n)
    from tests.helpers import CANCEL_LIMIT, cancel_while_running

    latency, outcome = cancel_while_running(
        lambda progress: embviz.load(p, progress=progress, cache=False), after=0.3
    )
    assert outcome.get("cancelled"), outcome
    assert latency < CANCEL_LIMIT, f"took {latency:.2f} s to stop"


def test_dev_zero_is_a_clear_error_and_checks_cancel(tmp_path):
    # Item 6: grew for minutes before.
    cli_refuses("/dev/zero", match="no line break", cwd=tmp_path)
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):  # the read loop checks the flag although no line ends
        embviz.load("/dev/zero", progress=progress, cache=False)


@pytest.mark.parametrize("fmt", ["word2vec", "word2vec-binary", "glove", "tsv", "npy", "npz",
                                 "safetensors", "fasttext-bin"])  # fmt: skip
def test_dev_zero_in_any_given_format_is_a_clear_error(tmp_path, fmt):
    # zipfile read /dev/zero to its (missing) end: out of memory before.
    cli_refuses("/dev/zero", "--format", fmt, "--no-cache", match="/dev/zero", cwd=tmp_path)


def test_compressed_zeros_and_an_endless_line_stop_at_the_line_bound(tmp_path):
    with open(tmp_path / "z.gz", "wb") as f:  # 256 MB of zeros, gzip-compressed (item 6)
        import gzip

        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=1) as g:
            zero = bytes(16 << 20)
            for _ in range(16):
                g.write(zero)
    cli_refuses("z.gz", match="no line break", cwd=tmp_path)
    with open(tmp_path / "long.txt", "wb") as f:  # "w 0 0 0 …" with no newline, 40 MB
        f.write(b"w" + b" 0" * (20 << 20))
    cli_refuses("long.txt", "--no-cache", match="no line break", cwd=tmp_path)


def test_following_the_sample_advice_on_a_lying_header_is_fast(tmp_path):
    # Item 7: > 120 s and 8.4 GB (np.unique over 133 M rows) before.
    (tmp_path / "h.vec").write_bytes(b"1000000000000 3\ncat 1 2 3\n")
    cli_refuses("h.vec", "--sample", "133430694", match="header says 1000000000000 vectors",
                cwd=tmp_path)  # fmt: skip
    cli_refuses("h.vec", match="header says 1000000000000 vectors", cwd=tmp_path)


def test_sampling_a_huge_range_does_not_build_it():
    from embviz.core.formats._npy import sample_between, sample_rows

    rows = sample_between(10**12, 133_430_694, 0, 5)
    assert rows.tolist() == [0]
    small = sample_rows(1000, 7)
    assert small.tolist() == np.unique(np.linspace(0, 999, 7).round().astype(int)).tolist()
    pieces = np.concatenate([sample_between(1000, 7, lo, lo + 100) for lo in range(0, 1000, 100)])
    assert pieces.tolist() == small.tolist()


# -- memory checks that apply --------------------------------------------------------


def _gzip_lines(path: Path, line: bytes, n: int) -> None:
    block = line * (1 << 16)
    comp = zlib.compressobj(1, zlib.DEFLATED, 31)  # gzip framing
    with open(path, "wb") as f:
        for _ in range(n // (1 << 16)):
            f.write(comp.compress(block))
        f.write(comp.flush())


def test_gzip_of_many_valid_lines_is_refused_as_rows_arrive(tmp_path):
    # Item 8: the row estimate assumed 4× compression; > 12 GB before (scaled: 45 M lines).
    _gzip_lines(tmp_path / "b.gz", b"aaaa 0\n", 45_000_000)
    cli_refuses("b.gz", "--no-cache", match="--sample", gb=1.5, cwd=tmp_path)


def _npz_bomb(path: Path, rows: int, dim: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("vectors.npy", "w", force_zip64=True) as m:
            hdr = np.lib.format.header_data_from_array_1_0(np.zeros((1, 1), "f4"))
            hdr["shape"] = (rows, dim)
            np.lib.format.write_array_header_1_0(m, hdr)
            zero = bytes(16 << 20)
            left = rows * dim * 4
            while left:
                m.write(zero[: min(left, len(zero))])
                left -= min(left, len(zero))
        b = io.BytesIO()
        np.save(b, np.array([f"w{i}" for i in range(rows)]))
        z.writestr("words.npy", b.getvalue())


def test_compressed_npz_is_checked_by_its_header_before_it_expands(tmp_path):
    # Item 8: 6 MB -> 4 GB loaded, 37 MB -> 24 GB exhausted memory (scaled: 1 GB under 1.5 GB).
    _npz_bomb(tmp_path / "bomb.npz", 1 << 20, 256)
    cli_refuses("bomb.npz", match="GB of memory", gb=1.5, cwd=tmp_path)


def test_given_word2vec_format_with_a_huge_header_dim_is_refused(tmp_path):
    # Item 8: --format word2vec with header dim 10^8 took 9.8 GB before.
    (tmp_path / "d.txt").write_bytes(b"5 100000000\ncat 1 2 3\n")
    cli_refuses("d.txt", "--format", "word2vec", "--no-cache", match="100,000,000 dims",
                cwd=tmp_path)  # fmt: skip
    (tmp_path / "b.bin").write_bytes(b"5 100000000\ncat " + bytes(12))
    cli_refuses("b.bin", "--format", "word2vec-binary", match="100,000,000 dims", cwd=tmp_path)


def _safetensors(d: Path, header: dict, data: bytes = b"") -> Path:
    d.mkdir(exist_ok=True)
    h = json.dumps(header).encode()
    p = d / "model.safetensors"
    p.write_bytes(struct.pack("<Q", len(h)) + h + data)
    return p


TOKENS = {"embeddings.word_embeddings.weight": {"dtype": "F32", "shape": [3, 2],
                                                "data_offsets": [0, 24]}}  # fmt: skip


def test_tokenizer_with_a_huge_id_costs_nothing(tmp_path):
    # Item 8: an id of 3·10^8 allocated 2.3 GB before. Measured against the same
    # load with small ids, so what the process imports does not count.
    def peak(top_id: int, name: str) -> tuple[str, int]:
        p = _safetensors(tmp_path / name, TOKENS, np.arange(6, dtype="<f4").tobytes())
        (p.parent / "tokenizer.json").write_text(
            json.dumps({"model": {"vocab": {"a": 0, "b": 1, "c": top_id}}})
        )
        code = (f"import embviz; e=embviz.load('{name}/model.safetensors'); "
                "print(e.words, " + PEAK_KB + ")")  # fmt: skip
        out = run_limited(["-c", code], tmp_path, gb=1.5)
        assert out.returncode == 0, out.stderr[-2000:]
        words, rss_kb = out.stdout.rsplit(" ", 1)
        return words, int(rss_kb)

    words, huge = peak(300_000_000, "m")
    assert words == "['a', 'b', '[id 2]']"
    _, small = peak(2, "control")
    assert huge < small + (100 << 10), (huge, small)  # KB: under 100 MB more


def test_position_matrix_whose_header_claims_1e10_values_is_refused(tmp_path):
    # Item 8: posenc --learned raised MemoryError (exit 3) before.
    hd = "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }"
    hd = hd.ljust(128 - 10 - 1) + "\n"
    p = tmp_path / "pos.npy"
    p.write_bytes(b"\x93NUMPY\x01\x00" + len(hd).to_bytes(2, "little") + hd.encode() + bytes(64))
    out = run_limited(["-m", "embviz", "posenc", "--learned", "pos.npy", "--out", "x.png"],
                      tmp_path)  # fmt: skip
    assert out.returncode == 2 and "truncated" in out.stderr, out.stderr[-2000:]


def test_the_budget_holds_for_honest_files(tmp_path):
    """Peak memory <= estimated result × 1.5 + 300 MB (README, Safety and robustness)."""
    rng = np.random.default_rng(0)
    n, dim = 200_000, 50
    block = [" ".join(f"{x:.5f}" for x in row) for row in rng.standard_normal((1000, dim))]
    with open(tmp_path / "g.txt", "w") as f:
        f.writelines(f"w{i} {block[i % 1000]}\n" for i in range(n))
    np.savez_compressed(tmp_path / "c.npz", vectors=rng.standard_normal((n, dim)).astype("f4"),
                        words=np.array([f"w{i}" for i in range(n)]))  # fmt: skip
    est = n * (dim * 4 + 80)
    for name in ("g.txt", "c.npz"):
        code = (f"import embviz; e=embviz.load({name!r}, cache=False); "
                "print(len(e), " + PEAK_KB + ")")  # fmt: skip
        out = run_limited(["-c", code], tmp_path, gb=3)
        assert out.returncode == 0, out.stderr[-2000:]
        rows, rss_kb = (int(x) for x in out.stdout.split())
        assert rows == n
        assert int(rss_kb) * 1024 <= est * 1.5 + (300 << 20), (name, rss_kb, est)


# -- special files -----------------------------------------------------------------


def test_fifo_is_refused_as_input_and_as_corpus(tmp_path):
    # Item 9: both hung before.
    os.mkfifo(tmp_path / "f.txt")
    cli_refuses("f.txt", match="FIFO", cwd=tmp_path)
    out = run_limited(["-m", "embviz", "train", "f.txt", "--out", "o.txt"], tmp_path)
    assert out.returncode == 2 and "FIFO" in out.stderr, out.stderr[-2000:]
    os.mkfifo(tmp_path / "m.vocab.txt")  # a side file too
    np.save(tmp_path / "m.npy", np.ones((2, 2), "f4"))
    with pytest.raises(LoadError, match="FIFO"):
        embviz.load(tmp_path / "m.npy")


# -- wrong data ----------------------------------------------------------------------


def test_wide_word2vec_text_is_read_as_text_like_gensim(tmp_path):
    # Item 10: detected as binary, words like '118748092e-02', exit 0, before.
    from gensim.models import KeyedVectors

    rng = np.random.default_rng(0)
    p = tmp_path / "wide.txt"
    with open(p, "w") as f:
        f.write("5 3072\n")
        for i in range(5):
            f.write(f"w{i} " + " ".join(f"{x:.18e}" for x in rng.standard_normal(3072)) + "\n")
    emb = embviz.load(p, cache=False)
    kv = KeyedVectors.load_word2vec_format(str(p))
    assert emb.source.format == "word2vec" and emb.words == list(kv.index_to_key)
    assert np.array_equal(emb.vectors, kv.vectors)


def test_a_repeated_word_keeps_its_first_row_like_gensim(tmp_path):
    # Item 14: 'cat' was listed twice among neighbours before.
    from gensim.models import KeyedVectors

    p = tmp_path / "dup.txt"
    p.write_text("cat 1 0\ndog 0 1\ncat 1 0.01\nmouse 0.9 0.1\n")
    emb = embviz.load(p, cache=False)
    assert [n.word for n in emb.neighbors("mouse", k=3)] == ["cat", "dog"]
    kv = KeyedVectors.load_word2vec_format(str(p), no_header=True)
    # gensim keeps the first row per word (and, without a header, a stray empty last row).
    known = list(kv.key_to_index)
    assert emb.words == known and np.array_equal(emb.vectors, kv.vectors[: len(known)])
    assert emb.source.details["duplicate_rows_dropped"] == 1
    again = embviz.load(p)  # through the cache too
    assert embviz.load(p).words == again.words == ["cat", "dog", "mouse"]


# -- internal errors become clear errors ----------------------------------------------


def test_glove_with_long_lines_first_loads_without_the_cache(tmp_path):
    # Item 16: "could not broadcast input array" (exit 3) before.
    from gensim.models import KeyedVectors

    v = "0." + "0" * 33000 + "1"
    p = tmp_path / "g.txt"
    with open(p, "w") as f:
        for i in range(3):
            f.write(f"l{i} " + " ".join([v] * 10) + "\n")
        for i in range(20000):
            f.write(f"s{i} " + " ".join(["0.1"] * 10) + "\n")
    for cache in (False, True):
        emb = embviz.load(p, cache=cache)
        kv = KeyedVectors.load_word2vec_format(str(p), no_header=True)
        assert emb.words == list(kv.index_to_key) and np.array_equal(emb.vectors, kv.vectors)


BAD_ARCHIVES = {
    "zip without arrays": ({"readme.txt": b"hello"}, "no .npy arrays"),
    "member that is not npy": ({"vectors.npy": b"hello"}, "cannot be read as .npy"),
}


@pytest.mark.parametrize("case", sorted(BAD_ARCHIVES))
def test_zip_that_is_not_an_npz_is_a_clear_error(tmp_path, case):
    members, match = BAD_ARCHIVES[case]
    p = tmp_path / "x.zip"
    with zipfile.ZipFile(p, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    cli_refuses(p, match=match, cwd=tmp_path)


BAD_SAFETENSORS = {
    "non-dict entry": ({"embeddings.word_embeddings.weight": [1, 2]}, "not a JSON object"),
    "negative offsets": ({"embeddings.word_embeddings.weight": {
        "dtype": "F32", "shape": [3, 2], "data_offsets": [-24, 0]}}, "data_offsets"),
    "offsets beyond the file": ({"embeddings.word_embeddings.weight": {
        "dtype": "F32", "shape": [3, 2], "data_offsets": [24, 48]}}, "outside the file"),
    "bad position entry": ({**TOKENS, "embeddings.position_embeddings.weight": [7]},
                           "position_embeddings"),
    "string shape": ({"embeddings.word_embeddings.weight": {
        "dtype": "F32", "shape": "3x2", "data_offsets": [0, 24]}}, "shape"),
    "deep nesting": ({"a": json.loads("[" * 50 + "]" * 50)}, "no token-embedding tensor"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD_SAFETENSORS))
def test_bad_safetensors_entries_are_clear_errors(tmp_path, case):
    header, match = BAD_SAFETENSORS[case]
    p = _safetensors(tmp_path / "m", header, bytes(24))
    (p.parent / "vocab.txt").write_text("a\nb\nc\n")
    line = cli_refuses(p, match=match, cwd=tmp_path)
    assert "unicode-errors" not in line


BAD_IDS = {"string": "x", "negative": -1, "list": [0], "float": 1.5, "bool": True}


@pytest.mark.parametrize("case", sorted(BAD_IDS))
def test_tokenizer_ids_that_are_not_whole_numbers_are_clear_errors(tmp_path, case):
    p = _safetensors(tmp_path / "m", TOKENS, bytes(24))
    vocab = {"a": BAD_IDS[case], "b": 1, "c": 2}
    (p.parent / "tokenizer.json").write_text(json.dumps({"model": {"vocab": vocab}}))
    cli_refuses(p, match="not a whole number", cwd=tmp_path)
    added = {"model": {"vocab": {"a": 0}}, "added_tokens": [{"id": BAD_IDS[case]}]}
    (p.parent / "tokenizer.json").write_text(json.dumps(added))
    cli_refuses(p, match="not a whole number", cwd=tmp_path)


# -- clear messages --------------------------------------------------------------------


def test_messages_name_the_real_problem(tmp_path):
    (tmp_path / "h.txt").write_bytes(b"3 x\ncat 1 2\ndog 3 4\n")
    cli_refuses("h.txt", match="looks like a 'count dim' header", cwd=tmp_path)
    (tmp_path / "j.bin").write_bytes(b"\xff\xfe\x00\x01" + bytes(range(256)) * 4)
    line = cli_refuses("j.bin", match="binary data", cwd=tmp_path)
    assert "unicode-errors" not in line
    os.symlink("b", tmp_path / "a")
    os.symlink("a", tmp_path / "b")
    cli_refuses("a", match="loop of symbolic links", cwd=tmp_path)
    line = cli_refuses("", match="no file name", cwd=tmp_path)
    assert "error: :" not in line
    (tmp_path / "one.txt").write_text("cat 1\ndog 1 2\n")
    cli_refuses("one.txt", match="a word and 1 number (", cwd=tmp_path)


def test_a_valid_fasttext_model_is_cancellable_while_its_vectors_are_built(tmp_path):
    # gensim's reader could not be stopped; embviz builds the vectors itself, in chunks.
    n, bucket, dim = 300_000, 50_000, 10
    head = struct.pack("<2i12id3iqq", 793712314, 12, dim, 5, 5, 1, 5, 1, 2, 2, bucket, 3, 6,
                       100, 1e-4, n, n, 0, n, -1)  # fmt: skip
    words = b"".join(f"word{i}".encode() + b"\0" + struct.pack("<qb", 1, 0) for i in range(n))
    matrix = struct.pack("<?2q", False, n + bucket, dim) + bytes(4 * dim * (n + bucket))
    p = tmp_path / "model.bin"
    p.write_bytes(head + words + matrix)
    import gensim.models.fasttext  # noqa: F401  (its first import, ~1 s, is not the loader's)

    from tests.helpers import CANCEL_LIMIT, cancel_while_running

    latency, outcome = cancel_while_running(
        lambda progress: embviz.load(p, progress=progress, cache=False), after=1.0
    )
    assert outcome.get("cancelled"), outcome
    assert latency < CANCEL_LIMIT, f"took {latency:.2f} s to stop"
    part = embviz.load(p, cache=False, limit=3)  # and it loads
    assert part.words == ["word0", "word1", "word2"] and part.vectors.shape == (3, dim)


def test_a_corpus_without_line_breaks_is_read_in_bounded_pieces():
    from embviz.core.corpus import _MAX_LINE, _READ_BYTES, _lines

    data = b"word " * 8_000_000  # 40 MB on one line: one 40 MB line before
    pieces = list(_lines(io.BytesIO(data)))
    assert len(pieces) > 1 and max(map(len, pieces)) <= _MAX_LINE + _READ_BYTES
    assert b"".join(pieces) == data
    assert all(p.endswith(b" ") for p in pieces[:-1])  # cut between words, never inside one
