"""Run long core work off the GUI thread, with a progress dialog and Cancel.

The work is a plain core function taking a ``progress`` keyword
(:class:`embviz.core.progress.Progress`); it checks the cancel flag itself.
Results and errors come back on the main thread through Qt signals.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from embviz.core.errors import Cancelled
from embviz.core.progress import Progress


class _Runner(QThread):
    progressed = Signal(object, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable, progress: Progress, parent: QObject | None = None):
        super().__init__(parent)
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
    """

    done = Signal(object)
    error = Signal(object)

    def __init__(self, title: str, fn: Callable, parent: QWidget | None = None,
                 *, show_dialog: bool = True):  # fmt: skip
        super().__init__(parent)
        self.progress = Progress(callback=self._report)
        self._runner = _Runner(fn, self.progress)
        self._runner.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._runner.succeeded.connect(self._on_success)
        self._runner.failed.connect(self._on_failure)
        self._dialog: QProgressDialog | None = None
        if show_dialog:
            d = QProgressDialog(title, "Cancel", 0, 1000, parent)
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
        self._runner.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop; it ends with :class:`Cancelled`. The dialog closes now.

        The work may take a while to notice; until then its result is still
        to come, but nothing on screen waits for it.
        """
        self.progress.cancel()
        self._close_dialog()

    def is_running(self) -> bool:
        """Whether the worker thread is still running."""
        return self._runner.isRunning()

    def wait(self, ms: int | None = 5000) -> bool:
        """Block until the worker thread ends (at most ``ms``, ``None``: no limit); True if it did."""
        return self._runner.wait() if ms is None else self._runner.wait(ms)

    def _close_dialog(self) -> None:
        d, self._dialog = self._dialog, None
        if d is not None:
            d.canceled.disconnect(self.cancel)  # closing a QProgressDialog emits canceled
            d.close()
            d.deleteLater()

    def _on_success(self, result) -> None:
        self._runner.wait()
        self._close_dialog()
        self.done.emit(result)

    def _on_failure(self, error: BaseException) -> None:
        self._runner.wait()
        self._close_dialog()
        self.error.emit(error)


__all__ = ["Cancelled", "Job"]
