"""The Chinese interface leaves no text in English (issue #20).

With the zh_CN translators installed, the main window, every registered panel
(each tab shown), the menus and the guided tour are walked: a visible text with
ASCII words must contain Chinese unless its words are technical terms, file
names, numbers, keys or words of the loaded vocabulary (tests/gui/translation_walk.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget

from embviz.gui.panels.registry import panel_modules, panel_name
from embviz.gui.tour import STEPS
from tests.gui.translation_walk import is_untranslated, untranslated

pytestmark = pytest.mark.gui


def _vocabulary(win) -> set[str]:
    """The words on show as data (not the whole vocabulary: GloVe's holds "file" and "view")."""
    ws = win.workspace
    return set(ws.shown_words) | {n.word for n in ws.neighbors} | {ws.selected or ""}


def _show_every_tab(win, qtbot) -> None:
    for tabs in win.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()


def test_every_panel_tab_and_menu_is_in_chinese(zh_window, qtbot):
    win = zh_window
    names = [panel_name(m) for m in panel_modules()]
    assert set(names) <= set(win.panels), "every registered panel is docked"
    left = []
    for name in names:
        win.show_panel(name)
        _show_every_tab(win.panels[name], qtbot)
        left += [(name, *x) for x in untranslated([win.docks[name]], _vocabulary(win))]
    left += [("window", *x) for x in untranslated([win], _vocabulary(win),
                                                   win.menuBar().actions())]  # fmt: skip
    assert not left, "\n".join(f"{where}: {what}: {text!r}" for where, what, text in left)


def test_the_walk_finds_a_string_left_unwrapped(zh_window):
    """The check can fail: an English label added to a panel is reported."""
    win = zh_window
    panel = win.panels["search"]
    label = QLabel("Nearest words in the whole vocabulary", panel)
    found = untranslated([panel], _vocabulary(win))
    assert ("label", "Nearest words in the whole vocabulary") in found
    label.deleteLater()
    # technical terms, file names, vocabulary words and numbers are not reported
    assert not is_untranslated("PCA · t-SNE · UMAP · GloVe · word2vec · d_model", set())
    assert not is_untranslated("teaching.txt 1,234", set())
    assert not is_untranslated("king queen", {"king", "queen"})
    assert is_untranslated("Show these words", {"king"})
    assert not is_untranslated("显示这些词", set())


def test_the_tour_speaks_chinese(zh_window, qtbot):
    win = zh_window
    tour = win.tour
    tour.start()
    texts = []
    for i in range(len(STEPS)):
        tour.go(i)
        texts.append((tour.title.text(), tour.text.text()))
    vocab = _vocabulary(win)
    for title, text in texts:
        assert not is_untranslated(title, vocab), title
        assert not is_untranslated(text, vocab), text
        assert "无法显示" not in text, text  # "This step could not be shown"
    assert "词向量" in texts[0][1] and "嵌入矩阵" in texts[0][1]
    assert "位置编码" in texts[5][1]
    assert "“queen”" in texts[3][1]  # the analogy's answer, computed when shown
    assert not untranslated([tour], vocab)
    assert tour.next.text() == "完成"
