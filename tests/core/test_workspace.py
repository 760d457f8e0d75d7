import numpy as np
import pytest

from embviz.core.errors import UnknownWordError
from embviz.core.workspace import Overlay, Workspace


def test_default_view_shows_teaching_words_projected_by_pca(ws):
    assert 250 <= len(ws.shown_words) <= 300
    assert {"king", "queen", "cats", "octopuses", "mussolini"} <= set(ws.shown_words)
    assert ws.projection.coords.shape == (len(ws.shown_words), 3)
    assert ws.projection.labels[0].startswith("PC1 (")


def test_selecting_a_word_lists_neighbours_and_shows_it(ws):
    events = []
    ws.selection_changed.connect(events.append)
    assert "noodles" not in ws.shown_words
    ws.select("noodles")
    assert events == ["noodles"]
    assert len(ws.neighbors) == 10 and "noodle" in [n.word for n in ws.neighbors]
    # a word off screen is brought in with its neighbours, so the view can show them
    assert {"noodles", *(n.word for n in ws.neighbors)} <= set(ws.shown_words)
    with pytest.raises(UnknownWordError):
        ws.select("noodlez")
    assert ws.selected == "noodles"


def test_selecting_a_shown_word_brings_in_all_its_neighbours(ws):
    assert "king" in ws.shown_words
    missing = [n.word for n in ws.embeddings.neighbors("king", k=10)]
    missing = [w for w in missing if w not in ws.shown_words]
    assert missing  # the teaching words hold only some of king's neighbours
    before = set(ws.shown_words)
    ws.select("king")
    assert {n.word for n in ws.neighbors} <= set(ws.shown_words)
    assert before <= set(ws.shown_words)  # nothing that was on show is lost


def test_overlays_are_set_and_cleared_with_events(ws):
    count = []
    ws.overlays_changed.connect(lambda: count.append(1))
    ws.set_overlay("analogy", Overlay(markers=[(np.zeros(50), "x")]))
    ws.set_overlay("analogy", None)
    ws.set_overlay("analogy", None)  # already gone: no event
    assert ws.overlays == {} and len(count) == 2


@pytest.mark.parametrize(
    "words",
    [
        [f"B0{i:05d}X" for i in range(2000)],  # product IDs: no letters-only word at all
        ["москва", "россия", "слово", "дом", "кот", "собака", "город"],  # another language
        ["中国", "日本", "北京", "東京", "上海"] + [f"{i}" for i in range(50)],
    ],
)
def test_a_file_without_teaching_words_shows_its_frequent_words_and_says_so(words):
    from embviz.core.embeddings import Embeddings

    vecs = np.random.default_rng(0).normal(size=(len(words), 16)).astype(np.float32)
    ws = Workspace()
    ws.set_embeddings(Embeddings(words, vecs))
    n = min(len(words), 300)
    assert len(ws.shown_words) == n
    assert ws.shown_words[0] in words[:5]  # the first words of the file (most frequent)
    assert ws.projection is not None and ws.projection.coords.shape == (n, 3)
    assert "none of the teaching words" in ws.words_note
    assert f"{n:,} most frequent words" in ws.words_note
    # the note stays while words are added (a search), goes when others are chosen
    ws.select(words[1])
    assert ws.words_note
    ws.show_words(words[:3])
    assert ws.words_note == ""


def test_the_embedded_data_needs_no_note(ws):
    assert ws.words_note == ""
