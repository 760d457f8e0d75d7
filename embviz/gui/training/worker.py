"""Run a training generator in a worker process and hand its items to the GUI.

Training runs in a child process (``multiprocessing``, spawn), not a thread:
gensim's threads take and release the GIL thousands of times a second, and
the GUI thread, competing with them for it, stalled for 40–100 ms at a time
(CPython's convoy effect). A QThread here only waits on the pipe — waiting
releases the GIL — and emits each message as a signal; the run object lives
on the main thread, so widgets are only ever touched there. :meth:`stop`
raises the child's cancel flag; the generator stops within a batch and
ends on its own.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QThread, QTranslator, Signal

from embviz.core import child
from embviz.core import i18n as core_i18n
from embviz.gui.jobs import keep_until_finished


def run_translated(qm_files: list[str], conn, event, target: Callable[..., Iterator],
                   args: tuple) -> None:  # fmt: skip
    """The child's main: :func:`embviz.core.child.run` in the window's language.

    The child is a new process without the window's translators: it loads the
    same ``.qm`` files (no application object needed for a lookup), so the
    errors it reports (an empty corpus, too high a min count) read as the
    window does. With no files it stays English.
    """
    translators = []
    for path in qm_files:
        tr = QTranslator()
        if tr.load(path):
            translators.append(tr)
    if translators:

        def translate(context: str, text: str) -> str:
            return next((t for tr in translators if (t := tr.translate(context, text))), text)

        core_i18n.set_translator(translate)
    child.run(conn, event, target, args)


class _Pump(QThread):
    item = Signal(object)
    progressed = Signal(object, str)
    failed = Signal(object)

    def __init__(self, target: Callable[..., Iterator], args: tuple):
        super().__init__()  # no parent: kept by embviz.gui.jobs until it has finished
        ctx = multiprocessing.get_context("spawn")  # fork would copy Qt's threads' state
        self.event = child.SharedFlag(ctx)
        self._conn, theirs = ctx.Pipe(duplex=False)
        from embviz.gui import i18n

        lang = i18n.current_language()
        qm = [str(p) for p in i18n.qm_files(lang)] if lang != "en" else []
        self.process = ctx.Process(target=run_translated,
                                   args=(qm, theirs, self.event, target, args),
                                   name="embviz-training", daemon=True)  # fmt: skip
        self._theirs = theirs

    def start_process(self) -> None:
        self.process.start()
        self._theirs.close()  # only the child writes: EOF comes when it ends

    def run(self) -> None:
        ended = False
        try:
            while True:
                try:
                    msg = self._conn.recv()
                except (EOFError, OSError):
                    break
                if msg[0] == "item":
                    self.item.emit(msg[1])
                elif msg[0] == "progress":
                    self.progressed.emit(msg[1], msg[2])
                else:
                    ended = True
                    if msg[0] == "failed":
                        self.failed.emit(child.rebuild_error(*msg[1:]))
            self.process.join(10)
            if not ended:
                code = self.process.exitcode
                self.failed.emit(child.ChildProcessFailed(
                    f"the training process ended unexpectedly (exit code {code})"))  # fmt: skip
        finally:
            self._conn.close()


class TrainingRun(QObject):
    """One run of a generator ``target(*args, progress)`` in a worker process.

    ``target`` must be a module-level function of the core (the child
    imports it by name) and ``args`` picklable; so must be what it yields.

    Signals
    -------
    snapshot(object)
        Each yielded item, on the main thread, in order.
    progressed(float | None, str)
        Progress reports.
    failed(BaseException)
        The generator raised (an :class:`EmbvizError` keeps only its message).
    finished()
        The run ended (after every item and any failure were delivered).
    """

    snapshot = Signal(object)
    progressed = Signal(object, str)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, target: Callable[..., Iterator], args: tuple = (),
                 parent: QObject | None = None):  # fmt: skip
        super().__init__(parent)
        self._pump = _Pump(target, args)
        self._pump.item.connect(self.snapshot)
        self._pump.progressed.connect(self.progressed)
        self._pump.failed.connect(self.failed)
        self._pump.finished.connect(self.finished)

    def start(self) -> TrainingRun:
        """Start the process and the thread that listens to it; returns self."""
        self._pump.start_process()
        keep_until_finished(self._pump)
        self._pump.start()
        return self

    def stop(self) -> None:
        """Ask the generator to stop at its next check."""
        self._pump.event.set()

    @property
    def stopping(self) -> bool:
        """Whether :meth:`stop` was called."""
        return self._pump.event.is_set()

    def is_running(self) -> bool:
        """Whether the run has not ended yet."""
        return self._pump.isRunning()

    def wait(self, ms: int = 10000) -> bool:
        """Block until the run ends (at most ``ms``, then the process is killed); True if it ended."""
        if self._pump.wait(ms):
            return True
        self._pump.process.kill()  # stuck: never leave a process behind
        return self._pump.wait(5000)
