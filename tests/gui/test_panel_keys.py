"""Keyboard navigation between panels: Ctrl+1…9, Ctrl+PgDown/PgUp, Ctrl+Tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier


def shown(win) -> list[str]:
    """The panels a user sees (Qt parks the docks behind other tabs off screen)."""
    return [n for n, panel in win.panels.items()
            if panel.isVisible() and not panel.visibleRegion().isEmpty()]  # fmt: skip


def focus_panel(win) -> str | None:
    focus = QApplication.focusWidget()
    return next((n for n, d in win.docks.items() if focus is not None and d.isAncestorOf(focus)),
                None)  # fmt: skip


def test_ctrl_number_raises_panel_n_and_puts_the_cursor_in_it(main_window, qtbot):
    win = main_window
    names = list(win.docks)
    assert shown(win) == ["search"]
    qtbot.keyClick(win, Qt.Key.Key_3, CTRL)
    assert shown(win) == [names[2]] == ["analogy"]
    assert focus_panel(win) == "analogy"
    # the first control of the panel, where Tab would start
    assert QApplication.focusWidget() is win.panels["analogy"].expr
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_6, CTRL)
    assert shown(win) == ["train"] and focus_panel(win) == "train"
    # past the scroll area that holds the form, to its first field
    assert QApplication.focusWidget() is win.panels["train"].corpus_choice


def test_next_and_previous_panel_wrap_around(main_window, qtbot):
    win = main_window
    qtbot.keyClick(win, Qt.Key.Key_1, CTRL)
    order = []
    for _ in range(len(win.docks)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, CTRL)
        order.append(shown(win)[0])
        assert focus_panel(win) == order[-1]
    assert order == [*list(win.docks)[1:], "search"]
    last = list(win.docks)[-1]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, CTRL)
    assert shown(win) == [last]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, CTRL)
    assert shown(win) == ["search"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab,
                   CTRL | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert shown(win) == [last]


def test_panel_keys_work_from_inside_editors(main_window, qtbot):
    win = main_window
    win.show_panel("directions")
    words = win.panels["directions"].words  # a multi-line box that takes Tab itself
    words.setFocus()
    text = words.toPlainText()
    qtbot.keyClick(words, Qt.Key.Key_Tab, CTRL)
    assert shown(win) == ["posenc"] and words.toPlainText() == text
    win.show_panel("train")
    dim = win.panels["train"].dim
    dim.setFocus()
    value = dim.value()
    qtbot.keyClick(dim, Qt.Key.Key_PageDown, CTRL)  # not a step of the spin box
    after_train = list(win.docks)[(list(win.docks).index("train") + 1) % len(win.docks)]
    assert shown(win) == [after_train] and dim.value() == value


def test_typing_in_a_text_box_types(main_window, qtbot):
    win = main_window
    edit = win.panels["search"].edit
    win.show_panel("search")
    edit.setFocus()
    qtbot.keyClicks(edit, "3 2")
    assert edit.text() == "3 2" and shown(win) == ["search"]
    qtbot.keyClick(edit, Qt.Key.Key_2, CTRL)  # with Ctrl: a panel key, not text
    assert edit.text() == "3 2" and shown(win) == ["slice"]


def test_a_panel_key_brings_hidden_panels_back(main_window, qtbot):
    win = main_window
    qtbot.keyClick(win, Qt.Key.Key_P, CTRL)  # hide every panel: the 3D view fills the window
    assert shown(win) == [] and not win.panels_action.isChecked()
    qtbot.keyClick(win, Qt.Key.Key_4, CTRL)
    assert shown(win) == ["directions"] and win.panels_action.isChecked()
    assert all(d.isVisible() for d in win.docks.values())


def test_panel_keys_are_in_the_menu_and_clash_with_nothing(main_window):
    win = main_window
    view_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    go = next(a.menu() for a in view_menu.actions() if a.menu() and "Go to panel" in a.text())
    listed = {a.text().replace("&", ""): a.shortcut().toString() for a in go.actions()
              if not a.isSeparator()}  # fmt: skip
    assert listed["1  Search"] == "Ctrl+1" and listed["6  Train"] == "Ctrl+6"
    assert listed["Next panel"] == "Ctrl+PgDown" and listed["Previous panel"] == "Ctrl+PgUp"
    assert all(a.toolTip() for a in go.actions() if not a.isSeparator())
    keys = [k.toString() for a in win.findChildren(QAction) for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert QKeySequence("Ctrl+Tab").toString() in keys
