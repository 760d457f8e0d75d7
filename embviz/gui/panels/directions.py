"""The Directions panel (placeholder until its issue lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from embviz.core.workspace import Workspace
from embviz.gui.panels.placeholder import PlaceholderPanel

TITLE = "Directions"


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for workspace."""
    return PlaceholderPanel(
        TITLE,
        "Define a direction such as <i>cats - cat</i> (or the mean over many pairs) and chart its dot product with singular and plural nouns and with one, two, three, four… against a random-direction baseline.",
        parent,
    )
