"""Quitting while a load is busy inside a library call (issue 16, item 4).

Destroying a QThread that still runs aborts the process ("QThread: Destroyed
while thread is still running"). A load inside gensim checks the cancel flag
only once gensim returns. Closing the window cancels it without waiting (the
GUI thread never waits on a worker); embviz.gui.jobs keeps the thread until it
ends, and the app waits for such threads only after its event loop.
"""

from __future__ import annotations

import threading

import embviz.core.formats
from embviz.gui import jobs


def test_closing_during_a_load_that_ignores_cancel_keeps_its_thread(main_window, qtbot,
                                                                    monkeypatch):  # fmt: skip
    started, release = [], threading.Event()

    def stubborn(path, **kwargs):  # like gensim's reader: no cancel check for a while
        started.append(True)
        release.wait(60)  # until the test has seen the window close without it
        raise embviz.core.errors.Cancelled()

    monkeypatch.setattr(embviz.core.formats, "load", stubborn)
    job = main_window.open_path("/nonexistent/slow.bin")
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    main_window.close()
    assert not main_window.isVisible()
    assert job.is_running() and job.progress.cancelled  # not waited for, but told to stop
    assert jobs.running_threads()  # held until it ends: never destroyed while running
    release.set()  # gensim returns at last
    qtbot.waitUntil(lambda: not job.is_running(), timeout=15000)
    qtbot.waitUntil(lambda: not jobs.running_threads(), timeout=5000)
