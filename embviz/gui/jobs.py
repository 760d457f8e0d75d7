"""Run long core work off the GUI thread; the GUI thread never waits for it.

The work is a plain core function taking a ``progress`` keyword
(:class:`embviz.core.progress.Progress`); it checks the cancel flag itself.
Results and errors come back on the main thread through Qt signals.

A :class:`JobManager` runs at most one job of each kind (a panel's "layout",
the window's "load"): starting one drops the one before — cancelled, and its
result or error never reported — and returns at once, however long the old
work takes to notice. A thread is never waited for while the window is up.

Qt aborts when a running ``QThread`` is destroyed ("QThread: Destroyed while
thread is still running"), so every worker thread has no Qt parent and is kept
here until it has finished, even when its job, panel or window are gone.
:func:`wait_for_all` is for after the event loop has ended (the app's exit)
and for tests.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from embviz.core.errors import Cancelled
from embviz.core.progress import Progress


class _Keeper(QObject):
    """Holds worker threads until they finish; lives on the main thread."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: set[QThread] = set()

    def keep(self, thread: QThread) -> None:
        self.threads.add(thread)
        # queued: the slot runs here, on the main thread, after the thread's run() returned
        thread.finished.connect(self._release, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _release(self) -> None:
        self._release_when_finished(self.sender())

    def _release_when_finished(self, thread: QThread) -> None:
        if thread not in self.threads:
            return
        if not thread.isFinished():  # ``finished`` comes just before the thread ends
            QTimer.singleShot(5, self, lambda: self._release_when_finished(thread))
            return
        # only the reference goes: the job that made it may still ask it questions
        self.threads.discard(thread)


_keeper: _Keeper | None = None


def keep_until_finished(thread: QThread) -> None:
    """Hold a reference to ``thread`` (a QThread without parent) until it has finished.

    Call it on the main thread, before ``thread.start()``.
    """
    global _keeper
    if _keeper is None:
        _keeper = _Keeper()
    _keeper.keep(thread)


def running_threads() -> list[QThread]:
    """Worker threads started here that have not finished (or not been released) yet."""
    return [] if _keeper is None else [t for t in _keeper.threads if not t.isFinished()]


def wait_for_all(ms_each: int = 1000) -> None:
    """Block until every worker thread has ended: only once the event loop has stopped.

    Cancelled work ends at its next check; until then this waits, rather
    than let Python destroy a running thread at exit.
    """
    for thread in running_threads():
        while not thread.wait(ms_each):
            pass


class _Runner(QThread):
    progressed = Signal(object, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable, progress: Progress):
        super().__init__()  # no parent: never destroyed with a widget while it runs
        self._fn = fn
        self._progress = progress

    def run(self) -> None:
        try:
            result = self._fn(progress=self._progress)
        except BaseException as e:
            self.failed.emit(e)
        else:
            self.succeeded.emit(result)


class Job(QObject):
    """One piece of background work with its progress dialog.

    Signals
    -------
    done(object)
        The work's return value, on the main thread.
    error(BaseException)
        The work raised; :class:`Cancelled` when the user pressed Cancel.
    ended()
        The worker thread has finished (after ``done`` or ``error``; also
        for a dropped job, which reports nothing else).
    progressed(float | None, str)
        A progress report, on the main thread (for a panel's own progress bar).
    """

    done = Signal(object)
    error = Signal(object)
    ended = Signal()
    progressed = Signal(object, str)

    def __init__(self, title: str, fn: Callable, parent: QWidget | None = None,
                 *, show_dialog: bool = True):  # fmt: skip
        super().__init__(parent)
        self.progress = Progress(callback=self._report)
        self.dropped = False
        self._ended = False
        self._runner = _Runner(fn, self.progress)
        self._runner.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._runner.succeeded.connect(self._on_success, Qt.ConnectionType.QueuedConnection)
        self._runner.failed.connect(self._on_failure, Qt.ConnectionType.QueuedConnection)
        # (connected before the keeper's: the thread object is released after this ran)
        self._runner.finished.connect(self._on_ended, Qt.ConnectionType.QueuedConnection)
        self._dialog: QProgressDialog | None = None
        if show_dialog:
            d = QProgressDialog(title, QCoreApplication.translate("Job", "Cancel"), 0, 1000, parent)
            d.setWindowTitle("embviz")
            d.setWindowModality(Qt.WindowModality.WindowModal)
            d.setMinimumDuration(400)  # quick jobs flash no dialog
            d.setAutoClose(False)
            d.setAutoReset(False)
            d.canceled.connect(self.cancel)
            self._dialog = d

    def _report(self, fraction: float | None, message: str) -> None:
        # Called on the worker thread: hand over to the main thread.
        self._runner.progressed.emit(fraction, message)

    def _on_progress(self, fraction, message: str) -> None:
        if not self.dropped:
            self.progressed.emit(fraction, message)
        # A modal QProgressDialog.setValue processes events, during which the job
        # may finish and close the dialog: keep a reference, stop if it closed.
        d = self._dialog
        if d is None:
            return
        if message:
            d.setLabelText(message)
        if fraction is None:
            d.setRange(0, 0)
        else:
            d.setValue(int(1000 * fraction))

    def start(self) -> Job:
        """Start the work; returns self."""
        if self._dialog is not None:
            self._dialog.setValue(0)
        keep_until_finished(self._runner)
        self._runner.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop; it ends with :class:`Cancelled`. The dialog closes now.

        The work may take a while to notice; until then its result is still
        to come, but nothing on screen waits for it.
        """
        self.progress.cancel()
        self._close_dialog()

    def drop(self) -> None:
        """Cancel the work and never report its result or error (it was superseded)."""
        self.dropped = True
        self.cancel()

    def is_running(self) -> bool:
        """Whether the worker thread is still running."""
        return not self._ended and self._runner.isRunning()

    def wait(self, ms: int | None = 5000) -> bool:
        """Block until the worker thread ends (at most ``ms``; ``None``: no limit); True if it did.

        For tests and scripts only: the GUI never waits on a worker.
        """
        if self._ended:
            return True
        return self._runner.wait() if ms is None else self._runner.wait(ms)

    def _close_dialog(self) -> None:
        d, self._dialog = self._dialog, None
        if d is not None:
            d.canceled.disconnect(self.cancel)  # closing a QProgressDialog emits canceled
            d.close()
            d.deleteLater()

    def _on_success(self, result) -> None:
        self._close_dialog()
        if not self.dropped:
            self.done.emit(result)

    def _on_failure(self, error: BaseException) -> None:
        self._close_dialog()
        if not self.dropped:
            self.error.emit(error)

    def _on_ended(self) -> None:
        self._ended = True
        self.ended.emit()


class JobManager(QObject):
    """Runs at most one :class:`Job` of each kind for its owner (a panel, the window).

    Starting a job drops the running one of the same kind; :meth:`cancel`
    and :meth:`cancel_all` drop without starting. None of them waits.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._current: dict[str, Job] = {}

    def start(self, kind: str, title: str, fn: Callable, *, show_dialog: bool = True) -> Job:
        """Start ``fn(progress=...)`` as the ``kind`` job, dropping the one before; returns it.

        Connect to the job's ``done`` and ``error`` right away (before
        returning to the event loop): they are emitted only for the current
        job of its kind.
        """
        self.cancel(kind)
        owner = self.parent()
        job = Job(title, fn, owner if isinstance(owner, QWidget) else None,
                  show_dialog=show_dialog)  # fmt: skip
        self._current[kind] = job
        # connected first, so the job is no longer current when its owner hears of it
        job.done.connect(lambda _result: self._finished(kind, job))
        job.error.connect(lambda _error: self._finished(kind, job))
        return job.start()

    def current(self, kind: str) -> Job | None:
        """The ``kind`` job that has not reported yet, if any."""
        return self._current.get(kind)

    def cancel(self, kind: str) -> None:
        """Drop the ``kind`` job: it is asked to stop and will report nothing. Returns at once."""
        job = self._current.pop(kind, None)
        if job is not None:
            job.drop()

    def cancel_all(self) -> None:
        """Drop every job (the window is closing). Returns at once."""
        for kind in list(self._current):
            self.cancel(kind)

    def _finished(self, kind: str, job: Job) -> None:
        if self._current.get(kind) is job:
            del self._current[kind]


__all__ = ["Cancelled", "Job", "JobManager", "keep_until_finished", "running_threads",
           "wait_for_all"]  # fmt: skip
