"""Quitting while a load is busy inside a library call waits for it (issue 16, item 4).

Destroying a QThread that still runs aborts the process ("QThread: Destroyed
while thread is still running"). A load inside gensim checks the cancel flag
only once gensim returns; the window waits for it, hidden, however long.
"""

from __future__ import annotations

import time

import embviz.core.formats


def test_closing_waits_for_a_load_that_ignores_cancel(main_window, qtbot, monkeypatch):
    started = []

    def stubborn(path, **kwargs):  # like gensim's reader: no cancel check for a while
        started.append(True)
        time.sleep(5.5)  # longer than any fixed wait the window could use
        raise embviz.core.errors.Cancelled()

    monkeypatch.setattr(embviz.core.formats, "load", stubborn)
    job = main_window.open_path("/nonexistent/slow.bin")
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    main_window.close()
    assert not job.is_running()
    assert not main_window.isVisible()
