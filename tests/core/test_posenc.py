"""Positional encodings against the paper's formula; learned matrices; token + position."""

from __future__ import annotations

import math

import numpy as np
import pytest

import embviz
from embviz.core import posenc as P
from embviz.core.embeddings import Embeddings
from embviz.core.errors import EmbvizError, LoadError
from tests.context_model import installed_model  # at collection, before XDG_DATA_HOME moves
from tests.helpers import bert_like


def _formula(length, d, base, layout):
    """Element by element, straight from the paper (and the concatenated variant)."""
    out = np.zeros((length, d))
    n_sin = (d + 1) // 2
    for pos in range(length):
        for col in range(d):
            if layout == "interleaved":
                i, fn = col // 2, (math.sin if col % 2 == 0 else math.cos)
            else:
                i, fn = (col, math.sin) if col < n_sin else (col - n_sin, math.cos)
            out[pos, col] = fn(pos / base ** (2 * i / d))
    return out


@pytest.mark.parametrize("layout", ["interleaved", "concatenated"])
@pytest.mark.parametrize(
    ("length", "d", "base"), [(7, 8, 10000.0), (5, 7, 10000.0), (3, 2, 100.0), (12, 9, 50.0)]
)
def test_matches_the_formula(length, d, base, layout):
    pe = embviz.positional_encoding(length, d, base=base, layout=layout)
    assert pe.shape == (length, d)
    np.testing.assert_allclose(pe, _formula(length, d, base, layout), atol=1e-12)


def test_odd_width_layouts_documented_shape():
    inter = P.positional_encoding(4, 5)
    concat = P.positional_encoding(4, 5, layout="concatenated")
    # Interleaved: the last column is the sine of the third pair (2i = 4).
    np.testing.assert_allclose(inter[:, 4], np.sin(np.arange(4) / 10000 ** (4 / 5)))
    # Concatenated: 3 sine columns then 2 cosine columns, same frequencies.
    np.testing.assert_allclose(concat[:, :3], inter[:, 0::2])
    np.testing.assert_allclose(concat[:, 3:], inter[:, 1::2])
    assert np.all(concat[0, 3:] == 1.0) and np.all(concat[0, :3] == 0.0)


def test_position_zero_and_known_values():
    pe = P.positional_encoding(2, 4)
    np.testing.assert_allclose(pe[0], [0, 1, 0, 1])
    np.testing.assert_allclose(pe[1], [math.sin(1), math.cos(1), math.sin(0.01), math.cos(0.01)])


def test_similarity_depends_only_on_distance():
    pe = P.positional_encoding(30, 16)
    sim = P.similarity(pe)
    for k in range(-5, 6):
        diag = np.diagonal(sim, offset=k)
        np.testing.assert_allclose(diag, diag[0], atol=1e-9)
    np.testing.assert_allclose(np.diag(sim), 8.0)  # d/2 pairs of sin² + cos²
    # Nearby positions are more alike than far ones.
    assert sim[10, 11] > sim[10, 15] > sim[10, 25]
    with pytest.raises(EmbvizError, match="2-D"):
        P.similarity(np.zeros(3))
    with pytest.raises(EmbvizError, match="too many for a similarity picture"):
        P.similarity(np.zeros((5000, 2)))


def test_wavelengths():
    w = P.wavelengths(8)
    np.testing.assert_allclose(w, 2 * np.pi * 10000 ** (np.arange(0, 8, 2) / 8))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0, 8), "length must be at least 1"),
        ((5, 1), "d_model must be at least 2"),
        ((5, 8, 1.0), "base must be a number greater than 1"),
        ((5, 8, float("nan")), "base must be"),
        ((10**6, 10**3), "too large"),
        (("x", 8), "whole numbers"),
    ],
)
def test_bad_input_is_a_clear_message(args, message):
    with pytest.raises(EmbvizError, match=message):
        P.positional_encoding(*args)


def test_unknown_layout():
    with pytest.raises(EmbvizError, match="unknown layout 'stacked'"):
        P.positional_encoding(3, 4, layout="stacked")


def test_load_learned_npy_and_safetensors(tmp_path):
    from safetensors.numpy import save_file

    m = np.arange(24, dtype=np.float32).reshape(6, 4)
    np.save(tmp_path / "wpe.npy", m)
    got, name = P.load_position_matrix(tmp_path / "wpe.npy")
    np.testing.assert_array_equal(got, m)
    assert name == "wpe.npy"

    save_file(
        {"embeddings.word_embeddings.weight": np.zeros((10, 4), np.float32),
         "embeddings.position_embeddings.weight": m.astype(np.float16)},
        str(tmp_path / "model.safetensors"),
    )  # fmt: skip
    got, name = P.load_position_matrix(tmp_path / "model.safetensors")
    assert name == "embeddings.position_embeddings.weight"
    assert got.dtype == np.float32
    np.testing.assert_array_equal(got, m)

    save_file({"wte": np.zeros((3, 2), np.float32)}, str(tmp_path / "nopos.safetensors"))
    with pytest.raises(LoadError, match=r"no tensor named like 'position_embeddings'.*wte"):
        P.load_position_matrix(tmp_path / "nopos.safetensors")


def test_load_learned_rejects_bad_files(tmp_path):
    np.save(tmp_path / "obj.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(LoadError, match="not a plain numeric"):
        P.load_position_matrix(tmp_path / "obj.npy")
    np.save(tmp_path / "vec.npy", np.zeros(5))
    with pytest.raises(LoadError, match=r"shape \(5,\)"):
        P.load_position_matrix(tmp_path / "vec.npy")
    (tmp_path / "junk.safetensors").write_bytes(b"not a safetensors file at all")
    with pytest.raises(LoadError, match="safetensors"):
        P.load_position_matrix(tmp_path / "junk.safetensors")
    (tmp_path / "m.txt").write_text("1 2\n")
    with pytest.raises(LoadError, match=r"\.npy or \.safetensors"):
        P.load_position_matrix(tmp_path / "m.txt")
    with pytest.raises(LoadError, match="no such file"):
        P.load_position_matrix(tmp_path / "absent.npy")


@pytest.fixture
def small():
    rng = np.random.default_rng(0)
    words = ["the", "cat", "sat", "on", "mat", "."]
    return Embeddings(words, rng.standard_normal((len(words), 6)).astype(np.float32))


def test_token_plus_position(small):
    r = P.token_plus_position(small, "The cat sat on the purple mat.")
    assert r.words == ["the", "cat", "sat", "on", "the", "mat", "."]
    assert r.missing == ["purple"]
    np.testing.assert_allclose(r.token, small.vectors[small.rows(r.words)], rtol=1e-6)
    np.testing.assert_allclose(r.position, P.positional_encoding(7, 6))
    np.testing.assert_allclose(r.total, r.token + r.position)
    assert r.position_norm == pytest.approx(math.sqrt(3))  # d/2 sin²+cos² pairs per row
    scaled = P.token_plus_position(small, "the cat", scale_sqrt_d=True)
    assert scaled.scale == pytest.approx(math.sqrt(6))
    np.testing.assert_allclose(scaled.token[1], small.vector("cat") * math.sqrt(6), rtol=1e-6)
    assert scaled.ratio == pytest.approx(scaled.token_norm / scaled.position_norm)


def test_token_plus_learned_positions_must_match_width(small):
    learned = np.ones((4, 6), np.float32)
    r = P.token_plus_position(small, "the cat", positions=learned)
    np.testing.assert_array_equal(r.position, np.ones((2, 6)))
    with pytest.raises(EmbvizError, match="768 wide but the vectors have 6 dimensions"):
        P.token_plus_position(small, "the cat", positions=np.zeros((4, 768)))
    with pytest.raises(EmbvizError, match="only 4 positions"):
        P.token_plus_position(small, "the cat sat on the mat", positions=learned)
    with pytest.raises(EmbvizError, match="type a sentence"):
        P.token_plus_position(small, "   ")


def test_matrix_facts_and_the_gpt3_reference():
    f = P.matrix_facts(P.GPT3["vocab"], P.GPT3["dim"])
    assert f["parameters"] == 617_558_016
    assert f["memory"]["float32"]["bytes"] == 4 * 617_558_016
    assert f["memory"]["float16"]["text"] == "1.2 GB"
    g = P.matrix_facts(50_046, 50)
    assert g["parameters"] == 2_502_300
    assert g["memory"]["int8"]["text"] == "2.5 MB"


def test_token_plus_position_with_no_known_word_is_a_clear_error():
    import numpy as np

    from embviz.core.embeddings import Embeddings
    from embviz.core.errors import EmbvizError
    from embviz.core.posenc import token_plus_position

    emb = Embeddings(["cat", "sat"], np.eye(2, 4))
    with pytest.raises(EmbvizError, match="none of these words is in the open vectors: zzq, qqz"):
        token_plus_position(emb, "zzq qqz")


# -- heavy-tailed learned matrices (issue 15, item 12) -----------------------------------


def test_colour_range_clips_a_heavy_tail_and_says_so():
    m = bert_like()
    a = np.abs(m)
    assert np.mean(a < 0.065) >= 0.99 and a.max() == pytest.approx(1.87)
    r = P.colour_range(m)
    assert r.clips and r.percentile == 99.5
    assert r.limit == pytest.approx(np.percentile(a, 99.5))
    assert r.limit < 0.1 and r.max_abs == pytest.approx(1.87)
    assert r.clipped == pytest.approx(np.mean(a > r.limit)) and 0 < r.clipped < 0.006
    assert r.short() == f"clips {100 * r.clipped:.2g} % at ±{r.limit:.3g} (max 1.87)"
    text = r.describe()
    assert "clips" in text and "99.5th percentile" in text and "1.87" in text
    # 100 = the maximum, never clips
    assert not P.colour_range(m, 100).clips and P.colour_range(m, 100).limit == pytest.approx(1.87)


def test_colour_range_keeps_the_maximum_without_a_heavy_tail():
    pe = P.positional_encoding(100, 64)
    r = P.colour_range(pe)
    assert not r.clips and r.clipped == 0 and r.limit == pytest.approx(np.abs(pe).max())
    assert "largest" in r.describe() and "clips" not in r.describe()
    assert P.colour_range(np.zeros((3, 3))).limit == 1.0
    assert P.colour_range(np.array([[np.nan, 2.0]])).limit == 2.0
    with pytest.raises(EmbvizError, match="percentile"):
        P.colour_range(pe, 0)


def test_cosine_similarity_normalises_rows():
    m = bert_like(64, 32)
    m[5] = 0.0
    cos = P.similarity(m, "cosine")
    m64 = m.astype(np.float64)
    unit = m64 / np.maximum(np.linalg.norm(m64, axis=1, keepdims=True), 1e-300)
    np.testing.assert_allclose(cos, unit @ unit.T, atol=1e-6)
    assert np.all(np.isfinite(cos)) and np.all(cos[5] == 0)
    diag = np.delete(np.diag(cos), 5)
    np.testing.assert_allclose(diag, 1.0, atol=1e-6)
    # for the sinusoidal encoding every row has length √(d/2): cosine = dot / (d/2)
    pe = P.positional_encoding(20, 16)
    np.testing.assert_allclose(P.similarity(pe, "cosine"), P.similarity(pe) / 8, atol=1e-12)
    with pytest.raises(EmbvizError, match="unknown similarity"):
        P.similarity(pe, "euclid")


def test_cosine_shows_the_band_the_outlier_hides():
    m = bert_like()
    cos = P.similarity(m, "cosine")
    dot = P.similarity(m)
    # The outlier's row towers over every other dot product ...
    assert dot[0, 0] > 10 * np.median(np.diag(dot))
    # ... while cosine shows nearby positions more alike than far ones.
    near = np.mean([cos[i, i + 1] for i in range(1, 500)])
    far = np.mean([cos[i, i + 200] for i in range(1, 300)])
    assert near > far + 0.3


def test_the_real_minilm_position_matrix():
    """The installed MiniLM's learned positions: the heavy tail the issue measured, and a band."""
    m, name = P.load_position_matrix(installed_model() / "model.safetensors")
    assert name == "embeddings.position_embeddings.weight" and m.shape == (512, 384)
    a = np.abs(m)
    assert np.mean(a < 0.065) >= 0.99 and a.max() > 1.5
    r = P.colour_range(m)
    assert r.clips and r.limit < 0.1 and r.clipped <= 0.006
    # one entry of 1.87 would leave 99 % of the picture within 3.5 % of white
    assert np.mean(a < 0.035 * a.max()) >= 0.99
    cos = P.similarity(m, "cosine")
    near = np.mean([cos[i, i + 1] for i in range(500)])
    far = np.mean([cos[i, i + 200] for i in range(300)])
    assert near > 0.7 and abs(far) < 0.1
