"""Writing then reading gives back exactly the same words and float32 values."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import embviz
from embviz.core.embeddings import Embeddings
from embviz.core.errors import LoadError
from embviz.core.formats import save

# Words as the text and binary formats can hold them: no whitespace, not empty.
word = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")),
    min_size=1,
    max_size=12,
)
floats32 = st.floats(width=32, allow_nan=False, allow_infinity=False)
FAST = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


@st.composite
def embeddings(draw):
    n = draw(st.integers(1, 8))
    dim = draw(st.integers(1, 6))
    words = draw(st.lists(word, min_size=n, max_size=n, unique=True))  # a repeat is dropped on load
    values = draw(st.lists(floats32, min_size=n * dim, max_size=n * dim))
    return Embeddings(words, np.array(values, dtype=np.float32).reshape(n, dim))


def same(a, b):
    assert a.words == b.words
    assert np.array_equal(a.vectors.view(np.uint32), b.vectors.view(np.uint32)) or np.array_equal(
        a.vectors,
        b.vectors,  # +0.0 and -0.0 may differ in sign through text: equal as numbers
    )


@pytest.mark.parametrize("fmt", ["word2vec", "glove", "word2vec-binary", "tsv", "npy", "npz"])
@FAST
@given(emb=embeddings())
def test_roundtrip_is_exact(tmp_path_factory, fmt, emb):
    d = tmp_path_factory.mktemp(fmt)
    names = {"tsv": "vectors.tsv", "npy": "out.npy", "npz": "out.npz"}
    path = d / names.get(fmt, "out.txt")
    save(emb, path, format=fmt)
    back = embviz.load(path, cache=False)
    assert back.source.format == fmt
    same(back, emb)


@FAST
@given(data=st.binary(max_size=600))
def test_arbitrary_bytes_raise_only_load_errors_text(tmp_path_factory, data):
    p = tmp_path_factory.mktemp("fuzz") / "any.txt"
    p.write_bytes(data)
    try:
        embviz.load(p, cache=False)
    except LoadError:
        pass


@FAST
@given(count=st.integers(0, 5), dim=st.integers(1, 4), body=st.binary(max_size=200))
def test_arbitrary_bytes_after_a_binary_header_raise_only_load_errors(tmp_path_factory, count, dim,
                                                                      body):  # fmt: skip
    p = tmp_path_factory.mktemp("fuzzbin") / "any.bin"
    p.write_bytes(f"{count} {dim}\n".encode() + b"\x00\x81" + body)
    try:
        embviz.load(p, format="word2vec-binary", cache=False)
    except LoadError:
        pass


def test_binary_with_and_without_newlines(tmp_path):
    emb = Embeddings(["a", "bé"], np.array([[1.5, -2], [0.25, 1e-30]], dtype=np.float32))
    body = b"".join(
        w.encode() + b" " + v.astype("<f4").tobytes()
        for w, v in zip(emb.words, emb.vectors, strict=True)
    )
    p = tmp_path / "nonl.bin"
    p.write_bytes(b"2 2\n" + body)
    back = embviz.load(p)
    same(back, emb)
    assert back.source.details["newline_after_vector"] is False
    save(emb, tmp_path / "nl.bin", format="word2vec-binary")
    assert embviz.load(tmp_path / "nl.bin").source.details["newline_after_vector"] is True


def test_tsv_metadata_columns_are_kept(tmp_path):
    (tmp_path / "vectors.tsv").write_text("1\t2\n3\t4\n5\t6\n")
    (tmp_path / "metadata.tsv").write_text("word\tpos\nking\tNOUN\nrun\tVERB\nfast\tADJ\n")
    emb = embviz.load(tmp_path / "vectors.tsv")
    assert emb.source.format == "tsv"
    assert emb.words == ["king", "run", "fast"]
    assert emb.metadata["pos"] == ["NOUN", "VERB", "ADJ"]
    assert emb.vector("run").tolist() == [3.0, 4.0]
    again = embviz.load(tmp_path / "vectors.tsv")  # from the cache: metadata too
    assert again.source.details["cached"] and again.metadata["pos"] == ["NOUN", "VERB", "ADJ"]


def test_tsv_without_metadata_uses_row_numbers(tmp_path):
    (tmp_path / "v.tsv").write_text("1\t2\n3\t4\n")
    assert embviz.load(tmp_path / "v.tsv").words == ["0", "1"]


def test_npz_with_words_inside(tmp_path):
    p = tmp_path / "e.npz"
    np.savez(p, vectors=np.eye(3, dtype=np.float32), words=np.array(["a", "b", "c"]))
    emb = embviz.load(p)
    assert emb.source.format == "npz" and emb.words == ["a", "b", "c"]
    assert emb.vector("b").tolist() == [0.0, 1.0, 0.0]


def test_plain_and_compressed_npz_read_whole_and_in_part(tmp_path):
    rng = np.random.default_rng(0)
    m = rng.standard_normal((500, 7)).astype(np.float32)
    words = np.array([f"w{i}" for i in range(500)])
    np.savez(tmp_path / "plain.npz", vectors=m, words=words)
    np.savez_compressed(tmp_path / "small.npz", vectors=m, words=words)
    for name, compressed in (("plain.npz", False), ("small.npz", True)):
        emb = embviz.load(tmp_path / name, cache=False)
        assert emb.source.details["compressed"] is compressed
        assert not isinstance(emb.vectors.base, np.memmap)  # the user's file may change: copied
        assert np.array_equal(emb.vectors, m) and emb.words == list(words)
        part = embviz.load(tmp_path / name, cache=False, limit=10)
        assert part.words == list(words[:10]) and np.array_equal(part.vectors, m[:10])
        spread = embviz.load(tmp_path / name, cache=False, limit=400, sample=7)
        rows = np.unique(np.linspace(0, 399, 7).round().astype(int))  # the old, direct formula
        assert spread.words == list(words[rows]) and np.array_equal(spread.vectors, m[rows])


def test_npz_float64_fortran_order_reads_the_same_numbers(tmp_path):
    m = np.asfortranarray(np.arange(12, dtype=np.float64).reshape(4, 3) / 7)
    np.savez(tmp_path / "f.npz", m, words=np.array(list("abcd")))
    emb = embviz.load(tmp_path / "f.npz", cache=False)
    assert np.array_equal(emb.vectors, m.astype(np.float32))


def test_npz_write_refuses_a_word_it_would_change(tmp_path):
    emb = Embeddings(["ok", "bad\x00"], np.zeros((2, 2), dtype=np.float32))
    with pytest.raises(LoadError, match="NUL"):
        save(emb, tmp_path / "x.npz", format="npz")
    assert not (tmp_path / "x.npz").exists()


def test_npy_object_array_is_refused_without_unpickling(tmp_path):
    p = tmp_path / "o.npy"
    np.save(p, np.array([[object()]], dtype=object), allow_pickle=True)
    (tmp_path / "o.vocab.txt").write_text("a\n")
    with pytest.raises(LoadError, match="not a plain numeric"):
        embviz.load(p)


def _safetensors(path, tensors: dict):
    header, blobs, offset = {}, [], 0
    for name, (dtype, arr) in tensors.items():
        raw = arr.tobytes()
        header[name] = {
            "dtype": dtype,
            "shape": list(arr.shape),
            "data_offsets": [offset, offset + len(raw)],
        }
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header).encode()
    path.write_bytes(len(h).to_bytes(8, "little") + h + b"".join(blobs))


def test_safetensors_bert_layout_with_vocab_txt(tmp_path):
    tok = np.arange(12, dtype=np.float32).reshape(4, 3)
    pos = np.ones((5, 3), dtype=np.float32)
    _safetensors(tmp_path / "model.safetensors", {
        "bert.embeddings.word_embeddings.weight": ("F32", tok),
        "bert.embeddings.position_embeddings.weight": ("F32", pos),
    })  # fmt: skip
    (tmp_path / "vocab.txt").write_text("[PAD]\n[UNK]\nhello\nworld\n")
    emb = embviz.load(tmp_path / "model.safetensors")
    assert emb.source.format == "safetensors"
    assert emb.words == ["[PAD]", "[UNK]", "hello", "world"]
    assert emb.vector("world").tolist() == [9.0, 10.0, 11.0]
    assert emb.source.details["position_embeddings"]["shape"] == [5, 3]
    assert np.array_equal(
        embviz.core.formats.position_embeddings(tmp_path / "model.safetensors"), pos
    )


def test_safetensors_bf16_with_tokenizer_json(tmp_path):
    values = np.array([[1.0, -2.0], [0.5, 3.0]], dtype=np.float32)
    bf16 = (values.view(np.uint32) >> 16).astype("<u2")
    _safetensors(tmp_path / "m.safetensors", {"model.embed_tokens.weight": ("BF16", bf16)})
    (tmp_path / "tokenizer.json").write_text(json.dumps({"model": {"vocab": {"hi": 1, "yo": 0}}}))
    emb = embviz.load(tmp_path / "m.safetensors")
    assert emb.words == ["yo", "hi"] and np.array_equal(emb.vectors, values)


def test_sample_spreads_rows_evenly(tmp_path):
    p = tmp_path / "g.txt"
    p.write_text("".join(f"w{i} {i} 1\n" for i in range(101)))
    emb = embviz.load(p, sample=5)
    assert emb.words == ["w0", "w25", "w50", "w75", "w100"]


def test_a_sample_over_many_blocks_is_cached_one_word_per_line(tmp_path, monkeypatch):
    from embviz.core.formats import _cache, _text

    # A few lines a block, so most blocks hold no sampled row: such a block used to
    # crash the cache writer (TypeError), as sample=10 did on a 400k-word file.
    monkeypatch.setattr(_text, "BLOCK_BYTES", 64)
    p = tmp_path / "g.txt"
    p.write_text("".join(f"w{i} {i} 1\n" for i in range(2001)))
    first = embviz.load(p, sample=5)
    again = embviz.load(p, sample=5)
    assert first.words == again.words == ["w0", "w500", "w1000", "w1500", "w2000"]
    assert again.source.details["cached"]
    entries = [json.loads(m.read_text()) for m in _cache.cache_dir().glob("*.json")
               if not m.name.endswith(".words.json")]  # fmt: skip
    assert [e["words_as_lines"] for e in entries] == [True]


def test_cache_is_invalidated_when_the_file_changes(tmp_path):
    import os

    p = tmp_path / "g.txt"
    p.write_text("a 1 2\nb 3 4\n")
    assert embviz.load(p).words == ["a", "b"]
    p.write_text("a 1 2\nc 3 4\n")
    os.utime(p, ns=(p.stat().st_atime_ns, p.stat().st_mtime_ns + 10**9))
    emb = embviz.load(p)
    assert emb.words == ["a", "c"] and not emb.source.details["cached"]


def test_corrupt_cache_entry_is_ignored(tmp_path):
    from embviz.core.formats._cache import cache_dir

    p = tmp_path / "g.txt"
    p.write_text("a 1 2\nb 3 4\n")
    embviz.load(p)
    for f in cache_dir().glob("*.npy"):
        f.write_bytes(b"garbage")
    emb = embviz.load(p)
    assert emb.words == ["a", "b"] and emb.vector("b").tolist() == [3.0, 4.0]
    assert not emb.source.details["cached"]


def test_rows_beyond_a_short_size_estimate_are_all_kept(tmp_path, monkeypatch):
    from embviz.core.formats import _memory, _text

    p = tmp_path / "g.txt"
    p.write_text("".join(f"w{i} {i} 0.5\n" for i in range(3000)))
    monkeypatch.setattr(_memory, "estimate_rows", lambda *a, **k: 10)
    monkeypatch.setattr(_text, "BLOCK_BYTES", 1000)  # many blocks
    emb = embviz.load(p, cache=False)
    assert len(emb) == 3000 and emb.words[-1] == "w2999"
    assert emb.vectors[:, 0].tolist() == [float(i) for i in range(3000)]


def test_tsv_cache_follows_changes_to_the_metadata(tmp_path):
    (tmp_path / "vectors.tsv").write_text("1\t2\n3\t4\n")
    (tmp_path / "metadata.tsv").write_text("a\nb\n")
    assert embviz.load(tmp_path / "vectors.tsv").words == ["a", "b"]
    (tmp_path / "metadata.tsv").write_text("cat\ndog\n")
    assert embviz.load(tmp_path / "vectors.tsv").words == ["cat", "dog"]
