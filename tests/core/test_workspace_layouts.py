"""The workspace with t-SNE and UMAP: layouts computed outside it, samples, fallbacks."""

from __future__ import annotations

import numpy as np
import pytest

from embviz.core import nonlinear
from embviz.core.errors import EmbvizError
from embviz.core.workspace import Workspace

needs_tsne = pytest.mark.skipif(
    "tsne" not in nonlinear.available(), reason="needs embviz[projections]"
)


@pytest.fixture
def ws(default_embeddings, teaching):
    w = Workspace()
    w.set_embeddings(default_embeddings, teaching[0])
    return w


@needs_tsne
def test_workspace_shows_a_layout_without_axes(ws, tsne_coords):
    changes, lost = [], []
    ws.shown_changed.connect(lambda: changes.append(ws.mode))
    ws.layout_lost.connect(lost.append)
    ws.set_layout(ws.compute_layout("tsne", seed=0))
    assert ws.mode == "tsne" and changes == ["tsne"]
    proj = ws.projection
    assert proj.kind == "tsne" and not proj.linear and proj.explained is None
    assert np.array_equal(proj.coords, tsne_coords)  # the teaching words, seed 0
    assert proj.note.startswith("Not a slice: t-SNE places words so that neighbours stay")
    assert len(ws.in_slice) == 0  # no slice, nothing "in" it
    with pytest.raises(EmbvizError, match="not a linear map"):
        proj.apply(ws.embeddings.vectors[:2])
    assert ws.layout.describe() == f"t-SNE of the {len(ws.shown_rows)} shown words (seed 0)."
    # back and forth: the same words and seed reuse the layout instantly
    ws.set_projection("pca")
    assert ws.projection.linear and ws.cached_layout("tsne", 0) is not None
    ws.set_projection("tsne", seed=0)
    assert ws.mode == "tsne" and np.array_equal(ws.projection.coords, tsne_coords)
    with pytest.raises(EmbvizError, match="take a while to compute"):
        ws.set_projection("tsne", seed=1)
    assert lost == []


@needs_tsne
def test_changing_the_words_under_a_layout_falls_back_to_pca_and_says_so(ws, tsne_coords):
    ws.set_projection("tsne", coords=tsne_coords, seed=0)
    lost = []
    ws.layout_lost.connect(lost.append)
    ws.show_words(ws.shown_words)  # the same words: the layout stays
    assert ws.mode == "tsne" and lost == []
    ws.select("volcano")  # not shown: it and its neighbours are added
    assert ws.mode == "pca" and ws.projection.linear and lost == ["tsne"]
    assert ws.lost_layout == "tsne"
    ws.set_projection("random")  # an explicit choice: nothing to compute again
    assert ws.lost_layout is None


@needs_tsne
def test_a_large_set_is_laid_out_on_a_sample_that_keeps_the_selection(ws, monkeypatch):
    monkeypatch.setattr(nonlinear, "SAMPLE_LIMIT", 80)
    ws.show_words(ws.embeddings.words[:300])
    ws.select("king")
    assert "king" in ws.shown_words
    keep = {"king", *(n.word for n in ws.neighbors)}
    before = ws.shown_rows.copy()
    work = ws.layout_work("tsne", seed=3)
    ws.set_layout(work())
    assert ws.mode == "tsne" and len(ws.shown_rows) == 80
    assert keep <= set(ws.shown_words)
    assert ws.layout.sampled and ws.layout.of == len(before)
    assert "random sample of 80 of the" in ws.layout.describe()
    # the same seed draws the same sample; running again samples from all the words
    again = ws.compute_layout("tsne", seed=3)
    assert np.array_equal(again.rows, ws.layout.rows)
    assert np.array_equal(again.shown, before)
    # back to a slice: every shown word returns
    ws.set_projection("pca")
    assert np.array_equal(ws.shown_rows, before)


@needs_tsne
def test_a_layout_for_other_words_is_refused(ws):
    work = ws.layout_work("tsne", seed=0)
    ws.show_words(["one", "two", "three", "four", "five", "six"])
    before = ws.projection
    with pytest.raises(EmbvizError, match="the shown words changed while t-SNE was computed"):
        ws.set_layout(work())
    assert ws.mode == "pca" and ws.projection is before


@needs_tsne
def test_new_data_drops_the_layout(ws, tsne_coords, default_embeddings):
    ws.set_projection("tsne", coords=tsne_coords)
    ws.set_embeddings(default_embeddings)
    assert ws.mode == "pca" and ws.layout is None and ws.cached_layout("tsne", 0) is None


def test_without_the_package_nothing_changes_and_the_message_says_what_to_install(
    default_embeddings, monkeypatch
):
    import sys

    monkeypatch.setitem(sys.modules, "openTSNE", None)  # import openTSNE now fails
    ws = Workspace()
    ws.set_embeddings(default_embeddings)
    with pytest.raises(EmbvizError, match=r"t-SNE needs the optional package openTSNE.*"
                       r"pip install embviz\[projections\]"):  # fmt: skip
        ws.layout_work("tsne")
    assert ws.mode == "pca" and ws.projection.linear
