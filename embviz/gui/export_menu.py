"""The File → Export menu: asks where and how large, then calls :mod:`embviz.gui.export`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from embviz.core.errors import EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.gui import export
from embviz.gui.settings import Settings

SIZES = {
    QT_TRANSLATE_NOOP("ExportMenu", "3840 × 2160 (4K)"): (3840, 2160),
    QT_TRANSLATE_NOOP("ExportMenu", "1920 × 1080 (Full HD)"): (1920, 1080),
    "2560 × 1440": (2560, 1440),
    "1280 × 720": (1280, 720),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportMenu", text)


def _add(sub: QMenu, window, text: str, tip: str, slot, shortcut: str | None = None) -> None:
    act = QAction(text, window)
    if shortcut:
        act.setShortcut(shortcut)
    act.setToolTip(tip)
    act.triggered.connect(slot)
    sub.addAction(act)


def _view_image(window) -> None:
    names = {_tr(name): size for name, size in SIZES.items()}
    title = QCoreApplication.translate("ExportMenu", "Export 3D view")
    choice, ok = QInputDialog.getItem(
        window, title, QCoreApplication.translate("ExportMenu", "Size:"), list(names), 0, False
    )
    if not ok:
        return
    filters = QCoreApplication.translate("ExportMenu", "PNG image (*.png);;JPEG image (*.jpg)")
    path = ask_save_path(window, title, "embviz-3d.png", filters)
    if path:
        _guard(window, lambda: export.export_view(window, path, names[choice]))


def _turntable(window) -> None:
    path = ask_save_path(window, QCoreApplication.translate("ExportMenu", "Export turntable"),
                         "embviz-orbit.gif",
                         QCoreApplication.translate("ExportMenu", "Animated GIF (*.gif)"))  # fmt: skip
    if path:
        _guard(window, lambda: export.export_turntable(window, path))


def build_export_menu(window, menu: QMenu) -> QMenu:
    """Add the Export submenu to ``menu`` for ``window`` (a MainWindow)."""
    sub = menu.addMenu(QCoreApplication.translate("ExportMenu", "&Export"))
    _add(sub, window, QCoreApplication.translate("ExportMenu", "3D view as &image…"),
         QCoreApplication.translate("ExportMenu", "Render the 3D view at up to 4K, labels included"),
         lambda: _view_image(window), "Ctrl+E")  # fmt: skip
    _add(sub, window, QCoreApplication.translate("ExportMenu", "3D &turntable as GIF…"),
         QCoreApplication.translate("ExportMenu", "A full turn of the 3D view as an animated GIF"),
         lambda: _turntable(window))  # fmt: skip
    if "train" in window.panels:
        _add(sub, window,
             QCoreApplication.translate("ExportMenu", "Training &animation as GIF/MP4…"),
             QCoreApplication.translate(
                 "ExportMenu",
                 "The Train panel's recorded run, snapshot by snapshot, as an animated GIF "
                 "(or MP4 when ffmpeg is installed)"),
             lambda: _export_training(window))  # fmt: skip
    sub.addSeparator()
    tip = QCoreApplication.translate(
        "ExportMenu", "PNG at 3840 pixels wide, or SVG (vector) by the file extension"
    )
    for name, dock in window.docks.items():
        text = QCoreApplication.translate("ExportMenu", "{panel} panel as PNG or SVG…")
        _add(sub, window, text.format(panel=dock.windowTitle()), tip,
             lambda _=False, name=name: _export_panel(window, name))  # fmt: skip
    return sub


def export_dir(window=None) -> Path:
    """Where the next export is offered: the last export's folder, else Pictures, else home."""
    last = _settings(window).text("export_dir", "")
    if last and Path(last).is_dir():
        return Path(last)
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    if pictures and Path(pictures).is_dir():
        return Path(pictures)
    return Path.home()


def ask_save_path(parent, title: str, name: str, filters: str) -> str:
    """Ask where to save ``name``, starting in :func:`export_dir`; remember the folder chosen."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(export_dir(parent) / name), filters)
    remember_export(parent, path)
    return path


def remember_export(parent, path: str) -> None:
    """Offer ``path``'s folder for the next export (nothing for an empty path)."""
    if path:
        _settings(parent).setValue("export_dir", str(Path(path).parent))


def _settings(window) -> Settings:
    # the main window's settings, or the same store for a panel on its own;
    # never QSettings.value(), which unpickles (embviz.gui.settings)
    return getattr(window, "settings", None) or Settings()


def _export_training(window) -> None:
    window.docks["train"].show()
    window.docks["train"].raise_()
    window.panels["train"].exports.ask()


def _export_panel(window, name: str) -> None:
    panel = window.panels[name]
    path = ask_save_path(window, QCoreApplication.translate("ExportMenu", "Export panel"),
                         f"embviz-{name}.png",
                         QCoreApplication.translate("ExportMenu", "PNG image (*.png);;SVG vector (*.svg)"))  # fmt: skip
    if path:
        _guard(window, lambda: export.export_widget(panel, path, width=3840))


def _guard(window, fn) -> None:
    try:
        out = fn()
    except EmbvizError as e:
        QMessageBox.warning(window, QCoreApplication.translate("ExportMenu", "Export"), str(e))
    else:
        window.statusBar().showMessage(
            QCoreApplication.translate("ExportMenu", "Saved {path}").format(
                path=Path(out).resolve()
            ),
            10000,
        )
