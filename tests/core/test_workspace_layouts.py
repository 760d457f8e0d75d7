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
def ws_teaching(default_embeddings, teaching):
    """A workspace showing only the teaching words: the layouts of the fixtures are of these."""
    w = Workspace()
    w.set_embeddings(default_embeddings, teaching[0])
    return w


@needs_tsne
def test_workspace_shows_a_layout_without_axes(ws_teaching, tsne_coords):
    changes, lost = [], []
    ws_teaching.shown_changed.connect(lambda: changes.append(ws_teaching.mode))
    ws_teaching.layout_lost.connect(lost.append)
    ws_teaching.set_layout(ws_teaching.compute_layout("tsne", seed=0))
    assert ws_teaching.mode == "tsne" and changes == ["tsne"]
    proj = ws_teaching.projection
    assert proj.kind == "tsne" and not proj.linear and proj.explained is None
    assert np.array_equal(proj.coords, tsne_coords)  # the teaching words, seed 0
    assert proj.note.startswith("Not a slice: t-SNE places words so that neighbours stay")
    assert len(ws_teaching.in_slice) == 0  # no slice, nothing "in" it
    with pytest.raises(EmbvizError, match="not a linear map"):
        proj.apply(ws_teaching.embeddings.vectors[:2])
    assert (
        ws_teaching.layout.describe()
        == f"t-SNE of the {len(ws_teaching.shown_rows)} shown words (seed 0)."
    )
    # back and forth: the same words and seed reuse the layout instantly
    ws_teaching.set_projection("pca")
    assert ws_teaching.projection.linear and ws_teaching.cached_layout("tsne", 0) is not None
    ws_teaching.set_projection("tsne", seed=0)
    assert ws_teaching.mode == "tsne" and np.array_equal(ws_teaching.projection.coords, tsne_coords)
    with pytest.raises(EmbvizError, match="take a while to compute"):
        ws_teaching.set_projection("tsne", seed=1)
    assert lost == []


@needs_tsne
def test_changing_the_words_under_a_layout_falls_back_to_pca_and_says_so(ws_teaching, tsne_coords):
    ws_teaching.set_projection("tsne", coords=tsne_coords, seed=0)
    lost = []
    ws_teaching.layout_lost.connect(lost.append)
    ws_teaching.show_words(ws_teaching.shown_words)  # the same words: the layout stays
    assert ws_teaching.mode == "tsne" and lost == []
    ws_teaching.select("volcano")  # not shown: it and its neighbours are added
    assert ws_teaching.mode == "pca" and ws_teaching.projection.linear and lost == ["tsne"]
    assert ws_teaching.lost_layout == "tsne"
    ws_teaching.set_projection("random")  # an explicit choice: nothing to compute again
    assert ws_teaching.lost_layout is None


@needs_tsne
def test_a_large_set_is_laid_out_on_a_sample_that_keeps_the_selection(ws_teaching, monkeypatch):
    monkeypatch.setattr(nonlinear, "SAMPLE_LIMIT", 80)
    ws_teaching.show_words(ws_teaching.embeddings.words[:300])
    ws_teaching.select("king")
    assert "king" in ws_teaching.shown_words
    keep = {"king", *(n.word for n in ws_teaching.neighbors)}
    before = ws_teaching.shown_rows.copy()
    work = ws_teaching.layout_work("tsne", seed=3)
    ws_teaching.set_layout(work())
    assert ws_teaching.mode == "tsne" and len(ws_teaching.shown_rows) == 80
    assert keep <= set(ws_teaching.shown_words)
    assert ws_teaching.layout.sampled and ws_teaching.layout.of == len(before)
    assert "random sample of 80 of the" in ws_teaching.layout.describe()
    # the same seed draws the same sample; running again samples from all the words
    again = ws_teaching.compute_layout("tsne", seed=3)
    assert np.array_equal(again.rows, ws_teaching.layout.rows)
    assert np.array_equal(again.shown, before)
    # back to a slice: every shown word returns
    ws_teaching.set_projection("pca")
    assert np.array_equal(ws_teaching.shown_rows, before)


@needs_tsne
def test_a_layout_for_other_words_is_refused(ws_teaching):
    work = ws_teaching.layout_work("tsne", seed=0)
    ws_teaching.show_words(["one", "two", "three", "four", "five", "six"])
    before = ws_teaching.projection
    with pytest.raises(EmbvizError, match="the shown words changed while t-SNE was computed"):
        ws_teaching.set_layout(work())
    assert ws_teaching.mode == "pca" and ws_teaching.projection is before


@needs_tsne
def test_new_data_drops_the_layout(ws_teaching, tsne_coords, default_embeddings):
    ws_teaching.set_projection("tsne", coords=tsne_coords)
    ws_teaching.set_embeddings(default_embeddings)
    assert (
        ws_teaching.mode == "pca"
        and ws_teaching.layout is None
        and ws_teaching.cached_layout("tsne", 0) is None
    )


def test_without_the_package_nothing_changes_and_the_message_says_what_to_install(
    default_embeddings, monkeypatch
):
    import sys

    monkeypatch.setitem(sys.modules, "openTSNE", None)  # import openTSNE now fails
    ws_teaching = Workspace()
    ws_teaching.set_embeddings(default_embeddings)
    with pytest.raises(EmbvizError, match=r"t-SNE needs the optional package openTSNE.*"
                       r"pip install embviz\[projections\]"):  # fmt: skip
        ws_teaching.layout_work("tsne")
    assert ws_teaching.mode == "pca" and ws_teaching.projection.linear
