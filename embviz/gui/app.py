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
) -> int:
    """Open the window on ``path`` (``None`` = the embedded default) and run the event loop.

    With ``scene``, the scene file decides the data, words, slice and camera.
    With ``train``, the Train panel comes to the front and starts a run (a
    classroom launcher: the lesson starts with the window).
    """
    QCoreApplication.setOrganizationName("embviz")
    QCoreApplication.setApplicationName("embviz")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from embviz.gui import error_dialog
    from embviz.gui.main_window import MainWindow

    error_dialog.install()
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
    return app.exec()
