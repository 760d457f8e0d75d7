"""Every kind of bad input gives one clear LoadError naming the file (and the line, for text)."""

from __future__ import annotations

import os

import numpy as np
import pytest

import embviz
from embviz.core.errors import LoadError
from embviz.core.formats import TooLargeError, UntrustedFileError, drop_nonfinite


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def load_error(path, **kw) -> LoadError:
    with pytest.raises(LoadError) as info:
        embviz.load(path, **kw)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)
    return info.value


def test_empty_file(tmp_path):
    e = load_error(write(tmp_path, "empty.txt", b""))
    assert "empty" in e.reason and e.line == 1


def test_missing_file_and_directory(tmp_path):
    assert "no such file" in load_error(tmp_path / "nope.vec").reason
    assert "directory" in load_error(tmp_path).reason


def test_header_count_larger_than_data(tmp_path):
    e = load_error(write(tmp_path, "a.vec", b"3 2\na 1 2\nb 3 4\n"))
    assert e.line == 1 and "header says 3 vectors" in e.reason and "has 2" in e.reason


def test_header_count_smaller_than_data(tmp_path):
    e = load_error(write(tmp_path, "a.vec", b"1 2\na 1 2\nb 3 4\n"))
    assert e.line == 1 and "more lines" in e.reason


def test_header_dim_disagrees_with_data(tmp_path):
    e = load_error(write(tmp_path, "a.vec", b"2 3\na 1 2 3\nb 3 4\n"))
    assert e.line == 3 and "3 numbers" in e.reason and "found 2" in e.reason


def test_ragged_rows_name_the_line(tmp_path):
    lines = [f"w{i} 0.5 0.25 1" for i in range(10)]
    lines[6] = "w6 0.5 0.25"
    e = load_error(write(tmp_path, "g.txt", ("\n".join(lines) + "\n").encode()))
    assert e.line == 7 and "expected a word and 3 numbers" in e.reason and "found 2" in e.reason


def test_word_with_a_space_is_explained(tmp_path):
    e = load_error(write(tmp_path, "g.txt", b"new 1 2\nnew york 3 4\n"))
    assert e.line == 2 and "contains a space" in e.reason and "'new york'" in e.reason


def test_non_numeric_value_names_line_and_token(tmp_path):
    e = load_error(write(tmp_path, "g.txt", b"a 1 2\nb 3 x7\nc 5 6\n"))
    assert e.line == 2 and "not a number: 'x7'" in e.reason


def test_nan_and_inf_rows_load_and_are_counted_then_dropped(tmp_path):
    p = write(tmp_path, "g.txt", b"a 1 2\nb nan 4\nc 5 inf\nd 7 8\n")
    emb = embviz.load(p)
    assert len(emb) == 4
    assert emb.source.details["nonfinite_rows"] == 2
    assert emb.source.details["first_nonfinite_word"] == "b"
    kept = drop_nonfinite(emb)
    assert kept.words == ["a", "d"]
    assert kept.source.details["dropped_nonfinite_rows"] == 2


def test_truncated_binary(tmp_path):
    good = b"2 3\na " + np.ones(3, "<f4").tobytes() + b"\nb " + np.ones(3, "<f4").tobytes()
    e = load_error(write(tmp_path, "t.bin", good[:-5]))
    assert "truncated" in e.reason and "only 1 could be read" in e.reason


def test_random_bytes(tmp_path):
    data = np.random.default_rng(0).integers(0, 256, 4096, dtype=np.uint8).tobytes()
    load_error(write(tmp_path, "random.dat", data))


def test_invalid_utf8_names_line_and_can_be_replaced(tmp_path):
    p = write(tmp_path, "g.txt", b"a 1 2\nb\xff 3 4\n")
    e = load_error(p)
    assert e.line == 2 and "0xff" in e.reason and "--unicode-errors replace" in e.reason
    emb = embviz.load(p, unicode_errors="replace")
    assert emb.words == ["a", "b\ufffd"]


def test_gensim_pickle_is_refused_unless_trusted(tmp_path):
    from gensim.models import KeyedVectors

    kv = KeyedVectors(2)
    kv.add_vectors(["x", "y"], np.array([[1, 2], [3, 4]], dtype=np.float32))
    p = tmp_path / "model.kv"
    kv.save(str(p))
    with pytest.raises(UntrustedFileError) as info:
        embviz.load(p)
    assert "pickle" in str(info.value) and "--trust" in str(info.value)
    emb = embviz.load(p, trust=True)
    assert emb.words == ["x", "y"] and emb.source.format == "gensim"


def test_too_large_for_memory_suggests_a_sample(tmp_path, monkeypatch):
    from embviz.core.formats import _memory

    p = write(tmp_path, "g.txt", b"".join(b"w%d 1 2 3 4\n" % i for i in range(1000)))
    monkeypatch.setattr(_memory, "available_memory", lambda: 20_000)
    with pytest.raises(TooLargeError) as info:
        embviz.load(p)
    e = info.value
    assert str(p) in str(e) and "--sample" in str(e) and "--limit" in str(e)
    assert e.option == "sample" and 0 < e.value < 1000
    emb = embviz.load(p, sample=e.value)
    assert len(emb) == e.value and emb.words[0] == "w0" and emb.words[-1] == "w999"


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read anything")
    p = write(tmp_path, "g.txt", b"a 1 2\n")
    p.chmod(0)
    assert "cannot be read" in load_error(p).reason


def test_cancel_stops_a_load(tmp_path):
    from embviz.core.errors import Cancelled
    from embviz.core.progress import Progress

    p = write(tmp_path, "g.txt", b"".join(b"w%d 1 2\n" % i for i in range(100)))
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        embviz.load(p, progress=progress)
    from embviz.core.formats._cache import cache_dir

    assert not list(cache_dir().glob("*"))  # no half-written cache entry is left behind


@pytest.mark.parametrize("fmt", ["glove", "word2vec-binary"])
def test_progress_is_reported_while_reading(tmp_path, monkeypatch, fmt):
    from embviz.core.embeddings import Embeddings
    from embviz.core.formats import _binary, _text, save
    from embviz.core.progress import Progress

    monkeypatch.setattr(_text, "BLOCK_BYTES", 2000)
    monkeypatch.setattr(_binary, "BLOCK_BYTES", 2000)
    emb = Embeddings([f"w{i}" for i in range(500)], np.ones((500, 4), dtype=np.float32))
    p = tmp_path / "v.out"
    save(emb, p, format=fmt)
    seen = []
    embviz.load(p, progress=Progress(lambda f, msg: seen.append((f, msg))), cache=False)
    fractions = [f for f, _ in seen]
    assert len(seen) >= 5 and fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("words" in msg and "v.out" in msg for _, msg in seen)
