"""Start the embviz window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import embviz.gui  # noqa: F401 - sets the GL context sharing before the app exists


def run(
    path: str | None = None,
    format: str | None = None,
    fullscreen: bool = False,
    scene: str | None = None,
    train: bool = False,
    lang: str | None = None,
) -> int:
    """Open the window on ``path`` (``None`` = the embedded default) and run the event loop.

    With ``scene``, the scene file decides the data, words, slice and camera.
    With ``train``, the Train panel comes to the front and starts a run (a
    classroom launcher: the lesson starts with the window). ``lang`` (``"zh_CN"``,
    ``"en"``) overrides the language saved in View → Language and the system's.
    """
    QCoreApplication.setOrganizationName("embviz")
    QCoreApplication.setApplicationName("embviz")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector = collect_on_gui_thread()  # noqa: F841 - lives as long as the event loop
    from embviz.gui import error_dialog
    from embviz.gui.main_window import MainWindow

    error_dialog.install()
    set_language(app, lang)
    from embviz.core.default_data import resources_dir

    icon = resources_dir() / "embviz-icon.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))

    win = MainWindow()
    if fullscreen:
        win.showFullScreen()
    else:
        win.show()
    if scene is not None:
        from embviz.core.scene import load_scenes

        win.scenes.scenes = load_scenes(scene)  # a bad file stops here, before the window
        win.scenes.go(0)
    else:
        win.open_path(path, format)
    if train and "train" in win.panels:
        win.show_panel("train")
        win.panels["train"].start()
    code = app.exec()
    # The window is gone: let cancelled work finish rather than destroy running threads.
    from embviz.gui.jobs import wait_for_all

    wait_for_all()
    return code


def set_language(app: QApplication, lang: str | None = None) -> str:
    """Install the interface language's translators and fonts; return the language.

    ``lang`` (``--lang``) first, else the saved choice, else the system's
    (:func:`embviz.gui.i18n.choose_language`). Call before the first widget exists.
    """
    from embviz.gui import i18n
    from embviz.gui.fonts import with_cjk_fallback
    from embviz.gui.settings import Settings

    language = i18n.choose_language(lang, Settings())
    loaded = i18n.install(language, app)
    if language != "en" and not any(p.name.startswith(f"{language}_") for p in loaded):
        # the .qm files are built (scripts/build_translations), not committed
        print(f"embviz: {language} translation not found; the interface stays English",
              file=sys.stderr)  # fmt: skip
    # every widget (lists, tables, fields) then draws Chinese and Japanese words too,
    # with the font the frozen app carries when the system has none; a Chinese
    # interface draws with the CJK font first
    font = with_cjk_fallback(app.font())
    app.setFont(i18n.cjk_first(font) if i18n.current_language() == "zh_CN" else font)
    return i18n.current_language()


def collect_on_gui_thread(interval: float = 1.0):
    """Run Python's cyclic garbage collector on this (the GUI) thread only.

    Left to itself, the collector runs on whichever thread happens to allocate:
    a loading or evaluating worker thread could then destroy a closed window's
    widgets held in a reference cycle, away from the GUI thread, which Qt does
    not allow (in the test suite this deadlocked the process). pyqtgraph's
    collector turns automatic collection off and collects on a timer here.

    Returns
    -------
    pyqtgraph.util.garbage_collector.GarbageCollector
        Keep it: its timer does the collecting. ``gc.enable()`` undoes it.
    """
    from pyqtgraph.util.garbage_collector import GarbageCollector

    return GarbageCollector(interval=interval)
