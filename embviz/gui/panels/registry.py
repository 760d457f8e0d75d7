"""Which panels the main window docks, in order. Each module has TITLE and make_panel()."""

from __future__ import annotations

import importlib
from types import ModuleType

PANEL_MODULES = ("search", "slice", "analogy", "directions", "posenc", "train")


def panel_modules() -> list[ModuleType]:
    """Import and return every panel module, in dock order."""
    return [importlib.import_module(f"embviz.gui.panels.{name}") for name in PANEL_MODULES]
