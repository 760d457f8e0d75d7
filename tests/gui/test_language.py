"""Choosing the interface language: --lang > View → Language (settings) > the system's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from embviz.core import i18n as core_i18n
from embviz.gui import i18n
from embviz.gui.settings import Settings

pytestmark = pytest.mark.gui


def test_lang_option_reaches_the_window(monkeypatch):
    from embviz import cli

    got = {}
    monkeypatch.setattr("embviz.gui.app.run", lambda **kw: got.update(kw) or 0)
    assert cli.main(["--lang", "zh_CN"]) == 0
    assert got["lang"] == "zh_CN"
    assert cli.main([]) == 0 and got["lang"] is None
    with pytest.raises(SystemExit):
        cli.main(["--lang", "klingon"])


def test_the_choice_order(tmp_path, monkeypatch):
    s = Settings(tmp_path / "embviz.conf")
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.choose_language(None, s) == "zh_CN"  # nothing saved: the system's
    s.setValue(i18n.SETTING, "en")
    assert i18n.choose_language(None, s) == "en"  # the menu's choice beats the system's
    assert i18n.choose_language("zh_CN", s) == "zh_CN"  # --lang beats both
    assert i18n.choose_language("zh-cn", s) == "zh_CN"
    s.setValue(i18n.SETTING, i18n.SYSTEM)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.choose_language(None, s) == "en"  # a language embviz does not speak
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_TW")))
    assert i18n.choose_language(None, s) == "en"  # traditional characters: not zh_CN


def test_the_setting_is_a_plain_string(tmp_path):
    path = tmp_path / "embviz.conf"
    Settings(path).setValue(i18n.SETTING, "zh_CN")
    assert "language=zh_CN" in path.read_text(encoding="utf-8")
    assert Settings(path).value(i18n.SETTING) == "zh_CN"
    assert i18n.choose_language(None, Settings(path)) == "zh_CN"
    # anything else (a pickled @Variant, an unknown language) is ignored
    path.write_text(
        "[General]\nlanguage=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x18PySide::PyObjectWrapper)\n"
    )
    assert Settings(path).value(i18n.SETTING) is None
    path.write_text("[General]\nlanguage=fr\n")
    assert i18n.choose_language("en", Settings(path)) == "en"


def test_install_and_remove(qapp):
    try:
        loaded = i18n.install("zh_CN", qapp)
        assert {p.name for p in loaded} >= {"zh_CN_main.qm", "qtbase_zh_CN.qm"}
        assert i18n.current_language() == "zh_CN"
        assert QCoreApplication.translate("TourDock", "Guided tour") == "导览"
        assert core_i18n.translate("Projection", "dim {d}") == "第 {d} 维"  # core text too
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own
    finally:
        assert i18n.install("en", qapp) == []
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("TourDock", "Guided tour") == "Guided tour"
    assert core_i18n.translate("Projection", "dim {d}") == "dim {d}"


def test_the_language_menu_saves_a_plain_setting(main_window, qtbot):
    win = main_window
    menu = win.language_menu
    acts = {a.data(): a for a in menu.actions()}
    assert list(acts) == [i18n.SYSTEM, "en", "zh_CN"]
    assert [a.text() for a in menu.actions()][1:] == ["English", "简体中文"]  # in their own words
    assert acts[i18n.SYSTEM].isChecked()  # nothing saved yet
    acts["zh_CN"].trigger()
    assert acts["zh_CN"].isChecked() and not acts[i18n.SYSTEM].isChecked()
    assert "starts again" in win.statusBar().currentMessage()
    text = win.settings.path.read_text(encoding="utf-8")
    assert "language=zh_CN" in text and "@Variant" not in text
    assert i18n.choose_language(None, Settings(win.settings.path)) == "zh_CN"
    assert i18n.choose_language("en", Settings(win.settings.path)) == "en"  # --lang still wins
    assert i18n.current_language() == "en"  # takes effect at the next start, not now


def test_the_menu_shows_the_saved_choice(main_window, qtbot):
    from embviz.gui.main_window import MainWindow

    main_window.settings.setValue(i18n.SETTING, "en")
    win = MainWindow()
    qtbot.addWidget(win)
    checked = [a.data() for a in win.language_menu.actions() if a.isChecked()]
    assert checked == ["en"]
    win.close()
