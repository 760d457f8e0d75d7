"""The data the Context panel binds to: layers, one frame, cosines, nearest vocabulary tokens."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embviz.core.context import PRESETS, ContextModel, contextualize, nearest_tokens
from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.progress import Progress
from tests.context_model import make_tiny_bert

RIVER = "He sat on the bank of the river."
RIVER2 = "The river bank was muddy."
MONEY = "She deposited money at the bank."


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return ContextModel(make_tiny_bert(tmp_path_factory.mktemp("tiny") / "m", layers=3))


def test_layers_are_static_input_then_each_encoder_layer(tiny):
    s = contextualize(tiny, ["the bank .", "a river bank"])
    assert s.layer_names == ("static", "input", "1", "2", "3")
    assert s.vectors.shape == (5, 5 + 5, 8) and s.vectors.dtype == np.float32
    assert s.tokens[:5] == ["[CLS]", "the", "bank", ".", "[SEP]"]
    np.testing.assert_array_equal(s.sentence_of, [0] * 5 + [1] * 5)
    np.testing.assert_array_equal(s.position_of, list(range(5)) * 2)
    # static = the raw rows of the embedding matrix; the rest = transformers' hidden_states.
    np.testing.assert_array_equal(s.vectors[0], tiny.word_embeddings[s.ids])
    for i in range(2):
        hs = tiny.hidden_states(s.sentences[i])
        for ours, direct in zip(s.hidden_states(i), hs, strict=True):
            np.testing.assert_array_equal(ours, direct)
    assert s.index(1, 3) == 8 and s.tokens[s.index(1, 3)] == "bank"


def test_cosine_between_occurrences_is_one_only_while_static(tiny):
    s = contextualize(tiny, ["the bank .", "a river bank"])
    assert s.shared_tokens() == {"bank": [2, 8]}
    assert set(s.shared_tokens(include_special=True)) == {"[CLS]", "bank", "[SEP]"}
    cos = s.cosine(*s.occurrences("bank"))
    assert cos.shape == (5,)
    assert cos[0] == pytest.approx(1.0)
    assert np.all(cos[1:] < 0.9999)  # position (input) and context (layers) tell them apart
    a, b = s.vectors[-1, 2], s.vectors[-1, 8]
    assert cos[-1] == pytest.approx(a @ b / np.linalg.norm(a) / np.linalg.norm(b), rel=1e-5)


def test_one_frame_for_all_layers(tiny):
    s = contextualize(tiny, ["the bank .", "a river bank", "un ##bel good"])
    f = s.frame()
    assert f.coords.shape == (5, len(s.tokens), 3)
    # The same linear map at every layer: positions are the projection of unit vectors.
    unit = s.vectors / np.linalg.norm(s.vectors, axis=2, keepdims=True)
    for layer in range(5):
        np.testing.assert_allclose(f.at(layer), f.projection.apply(unit[layer]), atol=1e-5)
    np.testing.assert_array_equal(f.at("static"), f.at(0))
    np.testing.assert_array_equal(f.trajectory(2), f.coords[:, 2])
    banks = s.occurrences("bank")
    assert np.allclose(f.at("static")[banks[0]], f.at("static")[banks[1]])
    assert not np.allclose(f.at("3")[banks[0]], f.at("3")[banks[1]])
    # [CLS]/[SEP] are placed but not fitted on, unless asked.
    assert not np.allclose(s.frame(fit_special=True).projection.axes, f.projection.axes)
    raw = s.frame(normalize=False)
    np.testing.assert_allclose(raw.at(1), raw.projection.apply(s.vectors[1]), atol=1e-4)
    with pytest.raises(EmbvizError, match="no layer '9'"):
        f.at("9")


def test_nearest_tokens_brute_force(tiny):
    s = contextualize(tiny, ["the bank .", "a river bank"])
    near = nearest_tokens(tiny, s, k=3)
    assert near.ids.shape == near.cosines.shape == (5, 10, 3)
    e = tiny.word_embeddings / np.linalg.norm(tiny.word_embeddings, axis=1, keepdims=True)
    for layer in range(5):
        for t in range(10):
            v = s.vectors[layer, t] / np.linalg.norm(s.vectors[layer, t])
            sims = e @ v
            assert near.ids[layer, t, 0] == int(np.argmax(sims))
            np.testing.assert_allclose(near.cosines[layer, t], np.sort(sims)[::-1][:3], atol=1e-5)
    # At the static layer every token finds itself first.
    np.testing.assert_array_equal(near.ids[0, :, 0], s.ids)
    assert near.words(0, 2)[0] == ("bank", pytest.approx(1.0))
    skipped = nearest_tokens(tiny, s, k=3, skip_self=True)
    assert not np.any(skipped.ids[0, :, :] == s.ids[:, None])


def test_bad_input_is_refused_with_the_sentence_named(tiny):
    with pytest.raises(EmbvizError, match="at least one sentence"):
        contextualize(tiny, [])
    with pytest.raises(EmbvizError, match="sentence 2: the sentence is empty"):
        contextualize(tiny, ["the bank", "  "])
    with pytest.raises(EmbvizError, match=r"sentence 1: .*16 positions, so it is refused"):
        contextualize(tiny, ["the " * 20])
    with pytest.raises(EmbvizError, match="at most 32"):
        contextualize(tiny, ["a"] * 33)


def test_cancel_stops_between_sentences(tiny):
    seen = []
    progress = Progress(lambda f, m: seen.append(m))
    progress.cancel()
    with pytest.raises(Cancelled):
        contextualize(tiny, ["the bank", "a bank"], progress)
    assert seen == ["sentence 1 of 2"]


def test_minilm_tells_the_two_banks_apart(minilm):
    s = contextualize(minilm, [RIVER, RIVER2, MONEY])
    river, river2, money = s.occurrences("bank")
    same_sense, other_sense = s.cosine(river, river2), s.cosine(river, money)
    assert same_sense[0] == other_sense[0] == pytest.approx(1.0)  # static: one vector
    assert other_sense[-1] < same_sense[-1] < 0.95  # context separates, the river banks less
    near = nearest_tokens(minilm, s, k=3)
    layer = s.layer_names.index("static")
    assert near.words(layer, river)[0][0] == "bank"
    # Deep vectors drift away from every row of the input matrix.
    assert near.cosines[-1, river, 0] < near.cosines[1, river, 0] < near.cosines[0, river, 0]


def test_nearest_tokens_can_be_cancelled(tiny):
    s = contextualize(tiny, ["the bank ."])
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        nearest_tokens(tiny, s, progress=progress)


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_presets_follow_single_tokens_that_occur(minilm, preset):
    s = contextualize(minilm, preset.sentences)
    for token in preset.tokens:
        assert s.occurrences(token), f"{token!r} is split or missing in {preset.name}"
    if len(preset.tokens) == 1:  # one word in several senses: each sentence has it
        occ = s.occurrences(preset.tokens[0])
        assert sorted({int(s.sentence_of[i]) for i in occ}) == list(range(len(preset.sentences)))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=3))
def test_any_text_gives_vectors_or_one_clear_error(tiny, texts):
    model = tiny
    try:
        s = contextualize(model, texts)
    except EmbvizError as e:
        assert str(e).startswith("sentence ") and "\n" not in str(e)
        return
    assert s.vectors.shape[:2] == (model.num_layers + 2, sum(len(t.ids) for t in s.sentences))
    assert np.isfinite(s.vectors).all()
    assert all(t.tokens[0] == "[CLS]" and t.tokens[-1] == "[SEP]" for t in s.sentences)
