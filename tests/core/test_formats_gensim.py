"""embviz reads gensim's own test files exactly as gensim does: same words, same float32 bits."""

from __future__ import annotations

import bz2
import gzip
import lzma
import shutil

import numpy as np
import pytest

import embviz
from tests.helpers import gensim_data

TEXT = ["lee_fasttext.vec", "high_precision.kv.txt", "crime-and-punishment.vec", "toy-model.vec"]
BINARY = ["high_precision.kv.bin", "euclidean_vectors.bin", "poincare_vectors.bin"]
FASTTEXT = ["lee_fasttext.bin", "crime-and-punishment.bin", "toy-model.bin"]


def gensim_kv(path, **kw):
    from gensim.models import KeyedVectors

    return KeyedVectors.load_word2vec_format(str(path), **kw)


def assert_same(emb, kv):
    assert emb.words == list(kv.index_to_key)
    assert emb.vectors.dtype == np.float32
    # Bit-for-bit: compare the raw integers, so even -0.0 and NaN payloads count.
    assert np.array_equal(emb.vectors.view(np.uint32), kv.vectors.view(np.uint32))


@pytest.mark.parametrize("name", TEXT)
def test_word2vec_text_equals_gensim(name):
    path = gensim_data(name)
    emb = embviz.load(path)
    assert emb.source.format == "word2vec"
    assert_same(emb, gensim_kv(path))


@pytest.mark.parametrize("name", BINARY)
def test_word2vec_binary_equals_gensim(name):
    path = gensim_data(name)
    emb = embviz.load(path)
    assert emb.source.format == "word2vec-binary"
    assert_same(emb, gensim_kv(path, binary=True))


def test_invalid_utf8_names_the_line_and_replace_matches_gensim():
    path = gensim_data("pang_lee_polarity_fasttext.vec")  # line 150 starts with byte 0x97
    with pytest.raises(embviz.core.formats.InvalidUtf8Error) as info:
        embviz.load(path)
    assert info.value.line == 150
    assert str(path) in str(info.value) and "0x97" in str(info.value)
    assert info.value.option == "unicode_errors" and info.value.value == "replace"
    emb = embviz.load(path, unicode_errors="replace")
    assert_same(emb, gensim_kv(path, unicode_errors="replace"))


def test_glove_without_header_equals_gensim():
    path = gensim_data("test_glove.txt")
    emb = embviz.load(path)
    assert emb.source.format == "glove"
    assert_same(emb, gensim_kv(path, no_header=True))


def test_cached_second_open_is_identical_and_marked(tmp_path):
    path = tmp_path / "lee.vec"
    shutil.copy(gensim_data("lee_fasttext.vec"), path)
    first = embviz.load(path)
    second = embviz.load(path)
    assert not first.source.details["cached"]
    assert second.source.details["cached"]
    assert second.words == first.words
    assert np.array_equal(second.vectors, first.vectors)
    assert isinstance(second.vectors.base, np.memmap) or isinstance(second.vectors, np.memmap)


@pytest.mark.parametrize("opener", [gzip.open, bz2.open, lzma.open], ids=["gz", "bz2", "xz"])
def test_compressed_text_equals_gensim(tmp_path, opener):
    src = gensim_data("lee_fasttext.vec")
    path = tmp_path / "vectors.compressed"  # no telling extension: detected by content
    with opener(path, "wb") as f:
        f.write(src.read_bytes())
    emb = embviz.load(path, cache=False)
    assert emb.source.details["compression"] in ("gzip", "bz2", "xz")
    assert_same(emb, gensim_kv(src))


def test_limit_keeps_the_first_rows_like_gensim():
    path = gensim_data("lee_fasttext.vec")
    emb = embviz.load(path, limit=100)
    assert_same(emb, gensim_kv(path, limit=100))
    emb = embviz.load(gensim_data("euclidean_vectors.bin"), limit=7)
    assert_same(emb, gensim_kv(gensim_data("euclidean_vectors.bin"), binary=True, limit=7))


@pytest.mark.parametrize("name", FASTTEXT)
def test_fasttext_bin_words_match_gensim_and_oov_lookup_works(name):
    from gensim.models.fasttext import load_facebook_vectors

    path = gensim_data(name)
    emb = embviz.load(path)
    kv = load_facebook_vectors(str(path))
    assert emb.source.format == "fasttext-bin"
    assert emb.words == list(kv.index_to_key)
    assert np.array_equal(emb.vectors, kv.vectors)
    ft = embviz.core.formats.load_fasttext(path)
    assert "notaword" not in emb
    assert np.array_equal(ft["notaword"], kv["notaword"])


def test_non_ascii_fasttext_bin_loads():
    emb = embviz.load(gensim_data("non_ascii_fasttext.bin"))
    assert len(emb) > 0 and any(not w.isascii() for w in emb.words)


def _glove_with(path, row: int, line: str):
    """A 50-line GloVe text file of 3-dim vectors whose line ``row`` is ``line``."""
    rows = [f"w{i} " + " ".join(f"{0.5 + i / 7:.6f}" for _ in range(3)) for i in range(50)]
    rows[row] = line
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_float32_rounding_midpoints_match_gensim(tmp_path):
    # These decimals lie next to float32 rounding midpoints: rounding straight to
    # float32 would differ from gensim's float64-then-float32 in some of them.
    mid = "mid 0.1000000044703483581543 1.00000005960464477539063 -0.1000000044703483581544"
    path = _glove_with(tmp_path / "mid.txt", 20, mid)
    emb = embviz.load(path, cache=False)
    assert emb.source.details.get("rows_parsed_exactly", 0) == 0  # the fast parser's result
    assert_same(emb, gensim_kv(path, no_header=True))


# gensim's header-less reader leaves its counting pass's file open when a warning interrupts it.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_values_beyond_float32_are_inf_as_in_gensim(tmp_path):
    path = _glove_with(tmp_path / "big.txt", 10, "big 1e39 -2 3")
    emb = embviz.load(path, cache=False)
    with pytest.warns(RuntimeWarning, match="overflow"):  # gensim's own float32() cast
        kv = gensim_kv(path, no_header=True)
    assert_same(emb, kv)
    assert emb.source.details["nonfinite_rows"] == 1
    assert emb.source.details["first_nonfinite_word"] == "big"
