"""Ctrl+E exports from anywhere, offers a sensible folder and confirms the save."""

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from embviz.gui import export_menu


def _answer_dialogs(monkeypatch, tmp_path, asked):
    def get_item(parent, title, label, items, *args, **kwargs):
        asked.append(("size", title))
        return items[-1], True  # the smallest size: quick

    def get_save(parent, title, start, filters, *args, **kwargs):
        asked.append(("save", start))
        return str(tmp_path / "out" / "view.png"), filters.split(";;")[0]

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))


def test_ctrl_e_exports_while_typing_and_says_where(main_window, qtbot, monkeypatch, tmp_path):
    (tmp_path / "out").mkdir()
    asked = []
    _answer_dialogs(monkeypatch, tmp_path, asked)
    field = main_window.show_panel("search")
    qtbot.keyClicks(field, "kin")
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert [a[0] for a in asked] == ["size", "save"]
    assert field.text() == "kin"  # the field still has what was typed
    saved = tmp_path / "out" / "view.png"
    assert saved.exists()
    # the status bar says so, with the whole path
    assert str(saved.resolve()) in main_window.statusBar().currentMessage()
    # the first dialog started in Pictures (or home), not in the current directory ...
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    assert Path(asked[1][1]).parent in (Path(pictures), Path.home())
    # ... and the next one starts where the last export went
    assert export_menu.export_dir(main_window) == tmp_path / "out"


def test_editing_keys_stay_with_the_text_field(main_window, qtbot):
    field = main_window.show_panel("search")
    qtbot.keyClicks(field, "tower")
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert field.selectedText() == "tower"
