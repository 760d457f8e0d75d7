"""A panel that says what will be there, for capabilities not built yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPanel(QWidget):
    """Shows a title and a sentence describing the coming panel; does nothing else."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        label = QLabel(f"<b>{title}</b> — not built yet.<br><br>{text}")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextFormat(Qt.TextFormat.RichText)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
