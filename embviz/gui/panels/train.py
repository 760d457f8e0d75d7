"""The Train panel (placeholder until its issue lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from embviz.core.workspace import Workspace
from embviz.gui.panels.placeholder import PlaceholderPanel

TITLE = "Train"


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for workspace."""
    return PlaceholderPanel(
        TITLE,
        "Train a real gensim word2vec model on the shipped corpus or your own text and watch the vectors move from their random initial values, epoch by epoch, on a stable frame.",
        parent,
    )
