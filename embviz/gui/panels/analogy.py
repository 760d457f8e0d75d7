"""The Analogy panel (placeholder until its issue lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from embviz.core.workspace import Workspace
from embviz.gui.panels.placeholder import PlaceholderPanel

TITLE = "Analogy"


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for workspace."""
    return PlaceholderPanel(
        TITLE,
        "Type an expression such as <i>king - man + woman</i> and see the nearest words (3CosAdd and 3CosMul), with the input words' exclusion made visible, the rank of an expected answer, and the parallelogram drawn in 3D. An Evaluate button will run gensim's analogy and similarity test sets.",
        parent,
    )
