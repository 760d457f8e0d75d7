"""How long work reports progress and learns that it should stop.

Long work in the core (loading, projecting, training) takes an optional
:class:`Progress`. The Qt side passes one that forwards to a progress bar and
whose cancel flag is set by a Cancel button; tests pass a plain one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from embviz.core.errors import Cancelled


class Progress:
    """A progress reporter with a cancel flag, safe to use across threads.

    Parameters
    ----------
    callback
        Called as ``callback(fraction, message)`` on every report; ``fraction``
        is in [0, 1] or ``None`` when the total is unknown.
    event
        The cancel flag, when it must be shared with another process, e.g. a
        :class:`embviz.core.child.SharedFlag` (anything with ``set()`` and
        ``is_set()``). A new ``threading.Event`` by default.
    """

    def __init__(self, callback: Callable[[float | None, str], None] | None = None, *,
                 event=None):  # fmt: skip
        self._callback = callback
        self._cancel = threading.Event() if event is None else event

    def report(self, fraction: float | None, message: str = "") -> None:
        """Report progress, then raise :class:`Cancelled` if cancel was asked."""
        if self._callback is not None:
            self._callback(fraction, message)
        self.check()

    def check(self) -> None:
        """Raise :class:`Cancelled` if :meth:`cancel` was called."""
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel was asked."""
        return self._cancel.is_set()


NULL_PROGRESS = Progress()
"""A reporter that reports nowhere and is never cancelled. Do not cancel it."""
