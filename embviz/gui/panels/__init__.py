"""Dockable panels. Each module holds one panel class taking ``(workspace, parent)``."""
