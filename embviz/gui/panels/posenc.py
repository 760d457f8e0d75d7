"""The Positional encoding panel (placeholder until its issue lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from embviz.core.workspace import Workspace
from embviz.gui.panels.placeholder import PlaceholderPanel

TITLE = "Positional encoding"


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for workspace."""
    return PlaceholderPanel(
        TITLE,
        "Heatmaps of the sinusoidal positional encoding PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(…), position similarity, learned position embeddings, and token embedding + position = input.",
        parent,
    )
