"""The text scale: every font of the application and the 3D labels, docks keeping their sizes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

# The application's font at text scale 1.0, kept from the first window on.
_BASE_FONT: dict[str, QFont] = {}


def base_font() -> QFont:
    """The application's font before any window scaled it (text scale 1.0); set it back.

    A window closed with a larger text scale gives the font back, but the first
    window's font is kept in case one did not.
    """
    font = QFont(_BASE_FONT.setdefault("font", QApplication.font()))
    if QApplication.font() != font:  # an earlier window's scale, never undone
        QApplication.setFont(font)
    return font


def scaled_font(base: QFont, scale: float) -> QFont:
    """``base`` at ``scale`` times its size (point or pixel, whichever it has)."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * scale)
    else:
        font.setPixelSize(max(6, round(base.pixelSize() * scale)))
    return font


def apply_text_scale(window, scale: float) -> None:
    """Scale every font and the 3D labels of ``window`` (a MainWindow); see its ``set_text_scale``.

    The docks keep their sizes (as far as their contents allow).
    """
    sizes = window.dock_manager.sizes()
    font = scaled_font(window._base_font, scale)
    QApplication.setFont(font)
    # A dock draws its title in the font Qt cached when it was made, unless the
    # dock's own font differs from the application's: give the docks the new
    # font, made different by a style hint that changes nothing on screen.
    dock_font = QFont(font)
    dock_font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    for dock in (*window.docks.values(), window.tour):
        dock.setFont(dock_font)
    # Qt hands the new font to the widgets in posted events: deliver them now
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    window.workspace.set_label_scale(scale)  # the view and the slice panel follow
    window.settings.setValue("text_scale", scale)
    window.dock_manager.restore_sizes(sizes)
    # the docks' contents lay out again in posted events: once more after them
    QTimer.singleShot(0, lambda: window.dock_manager.restore_sizes(sizes))
