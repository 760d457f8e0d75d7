"""Run a core training generator on a QThread and hand its snapshots to the GUI.

Each yielded item is emitted as :attr:`TrainingRun.snapshot` and, because the
run object lives on the main thread, arrives there through Qt's queued
connections: widgets are only ever touched on the main thread. :meth:`stop`
sets the generator's cancel flag; the generator finishes its current part and
ends on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QThread, Signal

from embviz.core.progress import Progress


class _Thread(QThread):
    item = Signal(object)
    progressed = Signal(object, str)
    failed = Signal(object)

    def __init__(self, make: Callable[[Progress], Iterator], parent: QObject | None = None):
        super().__init__(parent)
        self._make = make
        self.progress = Progress(callback=lambda f, m: self.progressed.emit(f, m))

    def run(self) -> None:
        try:
            for item in self._make(self.progress):
                self.item.emit(item)
        except BaseException as e:
            self.failed.emit(e)


class TrainingRun(QObject):
    """One background run of a generator ``make(progress)``.

    Signals
    -------
    snapshot(object)
        Each yielded item, on the main thread, in order.
    progressed(float | None, str)
        Progress reports.
    failed(BaseException)
        The generator raised.
    finished()
        The thread ended (after every snapshot and any failure were delivered).
    """

    snapshot = Signal(object)
    progressed = Signal(object, str)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, make: Callable[[Progress], Iterator], parent: QObject | None = None):
        super().__init__(parent)
        self._thread = _Thread(make, self)
        self._thread.item.connect(self.snapshot)
        self._thread.progressed.connect(self.progressed)
        self._thread.failed.connect(self.failed)
        self._thread.finished.connect(self.finished)

    def start(self) -> TrainingRun:
        """Start the thread; returns self."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Ask the generator to stop at its next check."""
        self._thread.progress.cancel()

    @property
    def stopping(self) -> bool:
        """Whether :meth:`stop` was called."""
        return self._thread.progress.cancelled

    def is_running(self) -> bool:
        """Whether the thread still runs."""
        return self._thread.isRunning()

    def wait(self, ms: int = 10000) -> bool:
        """Block until the thread ends (at most ``ms``); True if it did."""
        return self._thread.wait(ms)
