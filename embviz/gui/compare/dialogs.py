"""The Compare panel's file dialogs: which file is space B, where the image goes.

Each asks, then hands the answer to the panel (:meth:`ComparePanel.open_b`,
:meth:`ComparePanel.save_image`), which does the work and says how it went.
``panel`` is the :class:`~embviz.gui.compare.panel.ComparePanel` (not imported:
the panel imports this module). The strings keep the panel's translation context.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def ask_space_b(panel: QWidget) -> None:
    """Ask for a vector file and load it as ``panel``'s space B."""
    from embviz.gui.settings import Settings

    settings = Settings()
    start = settings.text("last_dir", str(Path.home()))
    path, _ = QFileDialog.getOpenFileName(
        panel, QCoreApplication.translate("ComparePanel", "Open space B"), start,
        QCoreApplication.translate(
            "ComparePanel", "Vector files (*.txt *.vec *.bin *.npy *.npz *.tsv *.safetensors *.kv "
            "*.model *.gz *.bz2 *.xz);;All files (*)"))  # fmt: skip
    if path:
        settings.setValue("last_dir", str(Path(path).parent))
        panel.open_b(path)


def ask_save_image(panel: QWidget) -> None:
    """Ask where, then save ``panel``'s 3D comparison as an image."""
    from embviz.gui.export_menu import ask_save_path

    path = ask_save_path(panel, QCoreApplication.translate("ComparePanel", "Save comparison image"),
                         "embviz-compare.png",
                         QCoreApplication.translate("ComparePanel",
                                                    "PNG image (*.png);;JPEG image (*.jpg)"))  # fmt: skip
    if path:
        panel.save_image(path)
