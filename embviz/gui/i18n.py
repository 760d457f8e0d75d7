"""The interface's language: which one, and loading its translations.

The language is, in this order: ``embviz --lang zh_CN|en``, the one chosen in
View → Language (the setting ``language``), else the system's (``QLocale``).
English is the source language: no translator is installed. Chinese installs a
``QTranslator`` for each compiled ``embviz/i18n/zh_CN_*.qm`` (one per area of
the interface, see ``embviz/i18n/README.md``) plus Qt's own ``qtbase_zh_CN.qm``
for its standard dialogs, routes the text the core builds through Qt
(:func:`embviz.core.i18n.set_translator`) and puts the CJK font first, so no
character is drawn as a box. A change in the menu takes effect at the next start.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont

from embviz.core import i18n as core_i18n

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
"""The languages embviz speaks, each in its own words (menu entries are not translated)."""
SYSTEM = "system"
SETTING = "language"
"""The settings key: ``"system"``, or one of :data:`LANGUAGES`."""

_installed: list[QTranslator] = []  # kept alive as long as they are installed


def normalize(lang: str | None) -> str | None:
    """``"zh_CN"``, ``"en"``, or ``None`` for anything else (``"zh"``, ``"zh-cn"`` → zh_CN)."""
    if not lang:
        return None
    key = lang.replace("-", "_").strip()
    if key.lower() in ("zh", "zh_cn", "zh_hans", "zh_hans_cn", "zh_sg"):
        return "zh_CN"
    if key.lower().startswith("en"):
        return "en"
    return None


def system_language() -> str:
    """The system locale's language, if embviz speaks it; else English."""
    loc = QLocale.system()
    traditional = loc.script() == QLocale.Script.TraditionalHanScript
    if loc.language() == QLocale.Language.Chinese and not traditional:
        return "zh_CN"
    return "en"


def choose_language(cli: str | None, settings) -> str:
    """The language to start in: ``cli`` (``--lang``) > the saved setting > the system's.

    ``settings`` is a :class:`embviz.gui.settings.Settings` (read as plain text).
    """
    chosen = normalize(cli)
    if chosen is not None:
        return chosen
    saved = settings.text(SETTING, SYSTEM, choices=(SYSTEM, *LANGUAGES)) if settings else SYSTEM
    return saved if saved != SYSTEM else system_language()


def translation_dirs() -> list[Path]:
    """Where the compiled ``.qm`` files are: the package's folder (or the frozen bundle's)."""
    dirs = [Path(__file__).resolve().parent.parent / "i18n"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.insert(0, Path(bundle) / "embviz" / "i18n")
    return dirs


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own ``qtbase_*.qm`` may be: Qt's translations folder, the bundle's."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(Path(bundle) / "translations")
    return dirs


def qm_files(lang: str) -> list[Path]:
    """Embviz's compiled translations for ``lang``, one per area (``zh_CN_main.qm``, …)."""
    for folder in translation_dirs():
        found = sorted(folder.glob(f"{lang}_*.qm"))
        if found:
            return found
    return []


def install(lang: str, app: QCoreApplication | None = None) -> list[Path]:
    """Install the translators for ``lang`` (``"en"``: remove any); return the files loaded.

    Call after the application exists and before the first window is built.
    """
    app = app or QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    core_i18n.set_translator(None)
    if lang == "en":
        return []
    loaded = []
    files = list(qm_files(lang))
    for folder in qt_translation_dirs():
        qt_file = folder / f"qtbase_{lang}.qm"
        if qt_file.exists():
            files.append(qt_file)
            break
    for path in files:
        tr = QTranslator(app)
        if tr.load(str(path)):
            app.installTranslator(tr)
            _installed.append(tr)
            loaded.append(path)
    if loaded:
        core_i18n.set_translator(QCoreApplication.translate)
        QLocale.setDefault(QLocale(lang))
    return loaded


def cjk_first(font: QFont) -> QFont:
    """``font`` with the CJK family first (Chinese interface: every widget draws Hanzi)."""
    from embviz.gui.fonts import cjk_family

    cjk = cjk_family()
    if cjk is None:
        return font
    families = [f for f in (font.families() or [font.family()]) if f != cjk]
    out = QFont(font)
    out.setFamilies([cjk, *families])
    return out


def source_name(source) -> str:
    """``source.describe()``, the embedded data named in the interface's language."""
    from embviz.core.default_data import DEFAULT_LABEL

    text = source.describe()
    if source.label == DEFAULT_LABEL:
        text = text.replace(DEFAULT_LABEL, QCoreApplication.translate("FileOpener", DEFAULT_LABEL))
    return text


def current_language() -> str:
    """``"zh_CN"`` when Chinese translators are installed, else ``"en"``."""
    return "zh_CN" if _installed else "en"


def build_language_menu(window, menu) -> object:
    """Add View → Language to ``menu``: System default, English, 简体中文 (exclusive).

    The choice is saved at once as the plain setting ``language`` in
    ``window.settings`` and takes effect when embviz starts again (the status
    bar says so, in the language on screen). Returns the submenu.
    """
    from PySide6.QtGui import QAction, QActionGroup

    sub = menu.addMenu(QCoreApplication.translate("LanguageMenu", "&Language"))
    sub.setToolTipsVisible(True)
    group = QActionGroup(sub)
    group.setExclusive(True)
    saved = window.settings.text(SETTING, SYSTEM, choices=(SYSTEM, *LANGUAGES))
    entries = [(SYSTEM, QCoreApplication.translate("LanguageMenu", "System default"))]
    # each language in its own words, so anyone can find theirs
    entries += list(LANGUAGES.items())
    for key, text in entries:
        act = QAction(text, sub, checkable=True)
        act.setData(key)
        act.setChecked(key == saved)
        act.setStatusTip(
            QCoreApplication.translate(
                "LanguageMenu", "The interface language; takes effect when embviz starts again"
            )
        )
        act.triggered.connect(lambda _=False, key=key: choose(window, key))
        group.addAction(act)
        sub.addAction(act)
    return sub


def choose(window, key: str) -> None:
    """Remember ``key`` (``"system"``, ``"en"``, ``"zh_CN"``) and say when it applies."""
    window.settings.setValue(SETTING, key)
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "LanguageMenu", "Language saved: it takes effect when embviz starts again."
        ),
        10000,
    )
