"""The Analogy panel as a user drives it: typed expressions, the a:b::c form, Evaluate."""

from __future__ import annotations

import numpy as np
import pytest

from embviz.core.workspace import Workspace


@pytest.fixture
def panel(qtbot, default_embeddings):
    from embviz.gui.panels.analogy import TITLE, make_panel

    assert TITLE == "Analogy"
    ws = Workspace()
    ws.set_embeddings(default_embeddings)
    p = make_panel(ws)
    qtbot.addWidget(p)
    p.resize(420, 760)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.stop()


def test_fits_a_narrow_dock(panel):
    # The main window gives docks about a third of the window; nothing may need more.
    assert panel.minimumSizeHint().width() <= 400
    panel.tabs.setCurrentIndex(1)
    assert panel.minimumSizeHint().width() <= 400


def _type(qtbot, edit, text):
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_expression_answers_and_draws_the_parallelogram(qtbot, panel, default_embeddings):
    from PySide6.QtCore import Qt

    emb = default_embeddings
    _type(qtbot, panel.expr, "king - man + woman")
    qtbot.keyClick(panel.expr, Qt.Key.Key_Return)
    assert panel.answer_words()[0] == "queen"
    assert not {"king", "man", "woman"} & set(panel.answer_words())
    assert "left out of the answers by default" in panel.note.text()
    assert "king, man, woman" in panel.note.text()
    ov = panel.workspace.overlays["analogy"]
    (s1, e1, l1), (s2, e2, l2) = ov.arrows
    np.testing.assert_array_equal(s1, emb.vector("man"))
    np.testing.assert_array_equal(e1, emb.vector("king"))
    np.testing.assert_array_equal(s2, emb.vector("woman"))
    np.testing.assert_array_equal(e2, emb.vector("queen"))
    assert (l1, l2) == ("man→king", "woman→queen")
    ((point, label),) = ov.markers
    want = emb.vector("king") - emb.vector("man") + emb.vector("woman")
    np.testing.assert_allclose(point, want, atol=1e-5)
    assert label == "king - man + woman"
    assert {"king", "man", "woman", "queen"} <= set(panel.workspace.shown_words)


def test_include_inputs_and_expected_rank(qtbot, panel):
    panel.expr.setText("king - man + woman")
    _type(qtbot, panel.expected, "queen")
    panel.run_query()
    assert "rank <b>1</b> with the inputs left out; rank 2 with them included" in (
        panel.expected_info.text()
    )
    panel.include.setChecked(True)  # re-runs the query
    assert panel.answer_words()[:2] == ["king", "queen"]
    assert panel.table.item(0, 0).text() == "king  (input)"
    assert "are included" in panel.note.text()


def test_analogy_form_and_3cosmul(qtbot, panel):
    for edit, word in zip((panel.a, panel.b, panel.c), ("france", "paris", "italy"), strict=True):
        _type(qtbot, edit, word)
    panel.method.setCurrentIndex(panel.method.findData("3cosmul"))
    panel.run_form()
    assert panel.expr.text() == "paris - france + italy"
    assert panel.answer_words()[0] == "rome"
    assert panel.table.horizontalHeaderItem(1).text() == "3CosMul score"


def test_bad_input_is_named_and_keeps_the_last_answer(qtbot, panel):
    panel.expr.setText("king - man + woman")
    panel.run_query()
    panel.expr.setText("king - man + quen")
    assert panel.run_query() is None
    assert "'quen' is not in the vocabulary" in panel.message.text()
    assert "queen" in panel.message.text()
    panel.expr.setText("king + + man")
    panel.run_query()
    assert "position 8" in panel.message.text()
    assert panel.answer_words()[0] == "queen"
    panel.expr.setText("king - man + woman")
    panel.expected.setText("quene")
    panel.run_query()  # answers anyway; the unknown expected word is named beside them
    assert panel.answer_words()[0] == "queen" and not panel.message.text()
    assert "'quene' is not in the vocabulary" in panel.expected_info.text()


def test_evaluate_in_background_then_browse_failures(qtbot, panel, default_embeddings):
    panel.restrict.setValue(3000)
    with qtbot.waitSignal(panel.evaluate_button.clicked):
        panel.evaluate_button.click()
    assert not panel.evaluate_button.isEnabled()
    with qtbot.waitSignal(panel.job.done, timeout=30000):
        pass
    rep = panel.report.analogies
    assert panel.sections.rowCount() == 15
    assert panel.sections.item(14, 0).text() == "Total accuracy"
    assert panel.sections.item(14, 1).text() == f"{rep.correct:,} / {rep.correct + rep.incorrect:,}"
    assert f"{100 * rep.accuracy:.1f}%" in panel.eval_status.text()
    assert [panel.pairs.item(r, 0).text() for r in range(2)] == ["wordsim353.tsv", "simlex999.txt"]
    family = next(r for r in range(14) if panel.sections.item(r, 0).text() == "family")
    panel.sections.setCurrentCell(family, 0)
    n_fail = len(rep.sections[family].incorrect)
    assert panel.failures.count() == n_fail > 0
    panel.failures.setCurrentRow(0)
    f = rep.sections[family].incorrect[0]
    a, b, c, d = f.words
    assert panel.expr.text() == f"{b} - {a} + {c}"
    assert panel.expected.text() == d
    arrows = panel.workspace.overlays["analogy"].arrows
    np.testing.assert_array_equal(arrows[0][0], default_embeddings.vector(a))
    assert f"answered “{f.predicted}”" in panel.failure_info.text()


def test_cancel_evaluation_and_reload_clears(qtbot, panel, default_embeddings):
    job = panel.run_evaluation()
    with qtbot.waitSignal(job.error, timeout=30000) as blocker:
        job.cancel()
    assert type(blocker.args[0]).__name__ == "Cancelled"
    assert panel.eval_status.text() == "Evaluation cancelled."
    assert panel.evaluate_button.isEnabled()
    panel.expr.setText("king - man + woman")
    panel.run_query()
    panel.workspace.set_embeddings(default_embeddings)  # new data: old answers go
    assert panel.table.rowCount() == 0 and "analogy" not in panel.workspace.overlays


def test_a_similarity_set_with_too_few_known_pairs_says_so(qtbot, panel):
    panel.restrict.setValue(60)  # no wordsim353 pair is among the first 60 words
    panel.evaluate_button.click()
    with qtbot.waitSignal(panel.job.done, timeout=30000):
        pass
    assert panel.sections.rowCount() == 15  # the analogies still ran
    assert [panel.pairs.item(0, c).text() for c in range(4)] == ["wordsim353.tsv", "—", "—", "0"]
    assert "too few to correlate" in panel.pairs.item(0, 1).toolTip()
