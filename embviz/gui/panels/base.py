"""What every docked panel is: a view of the workspace with its own background jobs."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from embviz.gui.jobs import JobManager


class Panel(QWidget):
    """Base class of the panels the main window docks (see :mod:`.registry`).

    A panel owns widgets, not data: it reads and changes the
    :class:`~embviz.core.workspace.Workspace` and subscribes to its signals.
    Work that takes long runs through :attr:`jobs`, at most one job of each
    kind, so starting one drops the one before.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.jobs = JobManager(self)

    def shutdown(self) -> None:
        """Stop background work without waiting for it (the window is closing).

        Threads still running end on their own, kept alive until then by
        :mod:`embviz.gui.jobs`. Subclasses with other work extend this.
        """
        self.jobs.cancel_all()

    def has_unsaved(self) -> bool:
        """Whether the panel holds work that quitting would lose (the window asks first)."""
        return False
