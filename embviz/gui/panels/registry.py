"""Which panels the main window docks, in order. Each module has TITLE and make_panel()."""

from __future__ import annotations

import importlib
from types import ModuleType

PANEL_MODULES = (
    "search",
    "slice",
    "analogy",
    "directions",
    "posenc",
    "train",
    "compare",
    "context",
)
# Panels that are a package of their own (with their view, plots, export): the panel's module.
ELSEWHERE = {
    "train": "embviz.gui.training.panel",
    "compare": "embviz.gui.compare.panel",
    "context": "embviz.gui.context.panel",
}


def panel_modules() -> list[ModuleType]:
    """Import and return every panel module, in dock order."""
    return [
        importlib.import_module(ELSEWHERE.get(name, f"embviz.gui.panels.{name}"))
        for name in PANEL_MODULES
    ]


def panel_name(module: ModuleType) -> str:
    """The name a panel module is known by (``window.panels[name]``, settings)."""
    where = {path: name for name, path in ELSEWHERE.items()}
    return where.get(module.__name__, module.__name__.rsplit(".", 1)[-1])
