"""The Train panel offers the Chinese corpus and says how Chinese text was segmented (issue 20)."""

from __future__ import annotations

import pytest

from embviz.core.corpus import shipped_corpus_path, shipped_watch_words
from embviz.core.workspace import Workspace
from embviz.gui.training.panel import DEFAULT_PAIRS, DEFAULT_PAIRS_ZH, make_panel
from tests.helpers import raw_chinese

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot):
    p = make_panel(Workspace())
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.shutdown()


def test_corpus_chooser_offers_the_chinese_corpus(panel):
    texts = [panel.corpus_choice.itemText(i) for i in range(panel.corpus_choice.count())]
    assert texts[1] == "Shipped Chinese corpus (中文)"
    panel.corpus_choice.setCurrentIndex(1)
    panel.corpus_choice.activated.emit(1)
    assert panel.session.corpus == str(shipped_corpus_path("zh"))
    assert "teaching_zh.txt" in panel.corpus_label.text()
    assert panel.form.params().watch == tuple(shipped_watch_words("zh"))
    assert panel.pairs_edit.text() == DEFAULT_PAIRS_ZH
    assert ("国王", "王后") in panel.session.pairs
    panel.session.set_corpus(None)
    assert panel.corpus_choice.currentIndex() == 0 and panel.pairs_edit.text() == DEFAULT_PAIRS
    assert panel.form.params().watch == tuple(shipped_watch_words("en"))


def test_status_says_how_chinese_text_was_segmented(panel, qtbot, tmp_path):
    pytest.importorskip("jieba")
    panel.session.set_corpus(str(raw_chinese(tmp_path / "zh.txt", lines=600)))
    assert panel.corpus_choice.currentIndex() == 2
    panel.dim.setValue(8)
    panel.min_count.setValue(2)
    panel.epochs.setValue(2)
    assert panel.start() is not None
    qtbot.waitUntil(lambda: "segmented into words by jieba" in panel.status.text(), timeout=60000)
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=60000)
