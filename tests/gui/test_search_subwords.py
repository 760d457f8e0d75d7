"""The Search panel accepts a word a fastText model builds from subwords, and says so."""

from __future__ import annotations

import embviz
from embviz.core.workspace import Workspace
from embviz.gui.panels import search
from tests.helpers import FASTTEXT_OOV as OOV


def test_search_marks_a_word_built_from_subwords(qtbot, ft_path):
    ws = Workspace()
    panel = search.make_panel(ws)
    qtbot.addWidget(panel)
    emb = embviz.load(ft_path, cache=False)
    ws.set_embeddings(emb, ["city", "river"])
    panel.find(OOV)
    assert panel.message.text() == ""
    assert "built from subwords" in panel.title.text() and OOV in panel.title.text()
    assert panel.neighbor_words() == [w for w, _ in emb.neighbors(OOV, k=10)]
    panel.find("king")
    assert "subwords" not in panel.title.text()
    # any string has character n-grams: fastText builds a vector even for nonsense
    panel.find("qqzzxv")
    assert panel.message.text() == "" and "built from subwords" in panel.title.text()


def test_analogy_panel_accepts_a_word_built_from_subwords(qtbot, ft_path):
    from embviz.gui.panels.analogy import make_panel

    ws = Workspace()
    emb = embviz.load(ft_path, cache=False)
    ws.set_embeddings(emb, ["king", "man", "woman", "queen"])
    panel = make_panel(ws)
    qtbot.addWidget(panel)
    panel.expr.setText(f"king - man + {OOV}")
    res = panel.run_query()
    assert res is not None and panel.message.text() == ""
    assert res.from_subwords == (OOV,)
    assert "Built from subwords" in panel.note.text() and OOV in panel.note.text()
    assert panel.answer_words()[0] == res.results[0].word
    assert "analogy" in ws.overlays  # the picture is drawn, its arrows from the built vector
