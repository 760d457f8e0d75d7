"""The app's garbage collection happens on the GUI thread, never on a worker thread."""

from __future__ import annotations

import gc
import threading

from embviz.gui.app import collect_on_gui_thread

_freed_on: list[str] = []


class _Cycle:
    """An object in a reference cycle that records the thread that freed it."""

    def __init__(self):
        self.me = self

    def __del__(self):
        _freed_on.append(threading.current_thread().name)


def test_cycles_made_on_a_worker_are_freed_on_the_gui_thread(qtbot):
    collector = collect_on_gui_thread(interval=0.05)
    try:
        assert not gc.isenabled()
        _freed_on.clear()

        kept = []

        def worker():
            for _ in range(3):
                _Cycle()
            # Plenty of new objects: with automatic collection this thread would collect.
            kept.extend([i] for i in range(50_000))

        t = threading.Thread(target=worker, name="worker")
        t.start()
        t.join()
        assert _freed_on == []  # nothing collected on the worker
        qtbot.waitUntil(lambda: len(_freed_on) == 3, timeout=5000)
        assert set(_freed_on) == {threading.main_thread().name}
    finally:
        collector.timer.stop()
        gc.enable()
