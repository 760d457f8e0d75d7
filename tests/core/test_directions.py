"""Directions in meaning: pairs, expressions, measures, baseline — no Qt."""

from __future__ import annotations

import numpy as np
import pytest

from embviz.core import directions as D
from embviz.core.embeddings import Embeddings
from embviz.core.errors import EmbvizError, UnknownWordError
from embviz.core.expressions import ExpressionError


@pytest.fixture
def small():
    rng = np.random.default_rng(3)
    words = ["cat", "cats", "dog", "dogs", "one", "two", "box"]
    return Embeddings(words, rng.standard_normal((len(words), 6)).astype(np.float32))


def test_direction_from_pairs_is_mean_of_differences(small):
    d = D.from_pairs(small, [("cat", "cats"), ("dog", "dogs")])
    want = (
        (small.vector("cats") - small.vector("cat")) + (small.vector("dogs") - small.vector("dog"))
    ) / 2
    np.testing.assert_allclose(d.vector, want, rtol=1e-6)
    assert d.pairs == [("cat", "cats"), ("dog", "dogs")]
    assert d.label == "mean of 2 pairs"
    assert d.norm == pytest.approx(float(np.linalg.norm(want)), rel=1e-6)


def test_pairs_with_unknown_words_are_skipped_and_listed(small):
    d = D.from_pairs(small, [("cat", "cats"), ("mouse", "mice"), ("box", "boxes")])
    assert d.pairs == [("cat", "cats")]
    assert d.missing == ["mouse", "mice", "boxes"]
    np.testing.assert_allclose(d.vector, small.vector("cats") - small.vector("cat"), rtol=1e-6)


def test_empty_pair_list_is_a_clear_message(small):
    with pytest.raises(EmbvizError, match="pair list is empty"):
        D.from_pairs(small, [])
    with pytest.raises(EmbvizError, match=r"none of the pairs.*mouse"):
        D.from_pairs(small, [("mouse", "mice")])


def test_direction_from_expression(small):
    d = D.from_expression(small, "cats - cat")
    np.testing.assert_allclose(d.vector, small.vector("cats") - small.vector("cat"), rtol=1e-6)
    assert d.label == "cats − cat"
    with pytest.raises(UnknownWordError, match="kittens"):
        D.from_expression(small, "kittens - cat")
    with pytest.raises(ExpressionError):
        D.from_expression(small, "cats -")


def test_measures(small):
    d = D.from_expression(small, "cats - cat")
    rows = small.rows(["one", "two", "box"])
    raw = D.values(small, d, rows, "dot")
    np.testing.assert_allclose(raw, small.vectors[rows] @ d.vector, rtol=1e-6)
    np.testing.assert_allclose(D.values(small, d, rows, "unit"), raw / d.norm, rtol=1e-6)
    cos = D.values(small, d, rows, "cosine")
    np.testing.assert_allclose(cos, raw / d.norm / small.norms[rows], rtol=1e-5)
    assert np.all(np.abs(cos) <= 1)
    with pytest.raises(EmbvizError, match="zero vector"):
        D.values(small, D.from_expression(small, "cat - cat"), rows)
    with pytest.raises(EmbvizError, match="unknown measure"):
        D.values(small, d, rows, "manhattan")


def test_random_directions_have_the_same_norm_and_repeat_with_the_seed(small):
    for kind in ("gaussian", "word-pairs"):
        r = D.random_directions(small, 2.5, 200, kind=kind, seed=1)
        assert r.shape == (200, 6)
        np.testing.assert_allclose(np.linalg.norm(r, axis=1), 2.5, rtol=1e-9)
        np.testing.assert_array_equal(r, D.random_directions(small, 2.5, 200, kind=kind, seed=1))
    with pytest.raises(EmbvizError, match="baseline"):
        D.random_directions(small, 1.0, 10, kind="uniform")


def test_baseline_statistics_and_z_scores(default_embeddings):
    emb = default_embeddings
    d = D.from_expression(emb, "cats - cat")
    scores, missing = D.score(emb, d, {"n": ["one", "cats"], "x": ["qqzzxv"]}, n_random=4000)
    assert missing == ["qqzzxv"]
    for s in scores:
        v = emb.vector(s.word).astype(np.float64)
        # Isotropic directions of norm |d|: mean 0 and std |v||d|/sqrt(dim).
        assert abs(s.baseline_mean) < 0.1 * s.baseline_std
        expect = np.linalg.norm(v) * d.norm / np.sqrt(emb.dim)
        assert s.baseline_std == pytest.approx(expect, rel=0.08)
        assert s.z == pytest.approx((s.value - s.baseline_mean) / s.baseline_std)
        assert s.value == pytest.approx(float(v @ d.vector), rel=1e-6)


def test_the_lesson_holds_on_the_default_data(default_embeddings):
    """cats − cat: every plural above its singular; one < two < three < four (computed)."""
    preset = D.PRESETS["plurality (cats − cat)"]
    d = D.from_expression(default_embeddings, preset.expression)
    scores, missing = D.score(default_embeddings, d, preset.groups)
    assert missing == []
    by = {s.word: s.value for s in scores}
    for sing, plur in zip(preset.groups["singular"], preset.groups["plural"], strict=True):
        assert by[plur] > by[sing], (sing, plur)
    assert by["one"] < by["two"] < by["three"] < by["four"]
    means = D.group_means(scores)
    assert means["plural"] > means["singular"]


def test_questions_words_sections():
    plural = D.section_pairs("gram8-plural")
    assert ("banana", "bananas") in plural
    assert len(plural) == len(set(plural))
    assert ("boy", "girl") in D.section_pairs("family")
    assert all(a == a.lower() for a, _ in D.section_pairs("capital-common-countries"))
    with pytest.raises(EmbvizError, match=r"no section 'nope'.*gram8-plural"):
        D.section_pairs("nope")


def test_every_section_and_preset_gives_a_direction(default_embeddings):
    for section in D.QUESTION_SECTIONS:
        pairs, label = D.load_pairs(section)
        d = D.from_pairs(default_embeddings, pairs, label)
        assert d.norm > 0 and len(d.pairs) >= 5, section
    for preset in D.PRESETS.values():
        d = D.from_pairs(default_embeddings, preset.pairs)
        assert d.missing == [], preset.name


def test_parse_pairs_and_files(tmp_path):
    assert D.parse_pairs("cat cats, dog dogs\n# note\nman→woman; a b c d") == [
        ("cat", "cats"), ("dog", "dogs"), ("man", "woman"), ("a", "b"), ("c", "d"),
    ]  # fmt: skip
    with pytest.raises(EmbvizError, match="'cat cats dogs' is not a pair"):
        D.parse_pairs("cat cats dogs")
    f = tmp_path / "pairs.txt"
    f.write_text("cat cats\ndog dogs\n", encoding="utf-8")
    assert D.load_pairs(str(f)) == ([("cat", "cats"), ("dog", "dogs")], "pairs.txt")
    with pytest.raises(EmbvizError, match="neither a questions-words section"):
        D.load_pairs(str(tmp_path / "missing.txt"))
    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"\xff\xfe\x00cat")
    with pytest.raises(EmbvizError, match="UTF-8"):
        D.load_pairs(str(bad))


def test_groups_round_trip():
    text = "singular: cat dog\nplural: cats, dogs\n\nmore words"
    groups = D.parse_groups(text)
    assert groups == {
        "singular": ["cat", "dog"],
        "plural": ["cats", "dogs"],
        "words": ["more", "words"],
    }
    assert D.parse_groups(D.format_groups(groups)) == groups
