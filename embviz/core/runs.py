"""The run a model shows: a new run cancels the old one, whose late result is ignored.

The Compare and Context panel models hand out work to run on a worker thread
and take its result back on the GUI thread; :class:`LatestRun` is the ticket
they share, so a slow run can never overwrite a newer one, and
:class:`RunsInBackground` the part of their interface that follows from it.
"""

from __future__ import annotations

from embviz.core.progress import Progress


class LatestRun:
    """Tokens for runs, of which only the newest counts."""

    def __init__(self) -> None:
        self._token = 0
        self._progress: Progress | None = None

    def begin(self, progress: Progress | None = None) -> tuple[int, Progress]:
        """Cancel any run still going; return the new run's token and its ``Progress``."""
        self.cancel()
        self._token += 1
        self._progress = progress or Progress()
        return self._token, self._progress

    @property
    def running(self) -> bool:
        """Whether the newest run has not ended yet."""
        return self._progress is not None

    def cancel(self) -> None:
        """Ask the newest run to stop (it still has to :meth:`end`)."""
        if self._progress is not None:
            self._progress.cancel()

    def end(self, token: int) -> bool:
        """End run ``token``; ``False`` when a newer run replaced it or none is going."""
        if token != self._token or self._progress is None:
            return False
        self._progress = None
        return True

    def clear(self) -> None:
        """Cancel the newest run and forget it: whatever it returns is ignored."""
        self.cancel()
        self._progress = None


class RunsInBackground:
    """What a model that hands out background runs says about them.

    A subclass sets ``self._run = LatestRun()`` and has a psygnal ``failed``
    signal; its ``start`` begins a run and its ``finish`` takes the result.
    """

    _run: LatestRun

    @property
    def running(self) -> bool:
        """Whether a handed-out run has not finished yet."""
        return self._run.running

    def cancel(self) -> None:
        """Ask the current run to stop."""
        self._run.cancel()

    def fail(self, token: int, message: str) -> bool:
        """Report the current run's error (or cancellation); stale tokens are ignored."""
        if not self._run.end(token):
            return False
        self.failed.emit(message)
        return True
