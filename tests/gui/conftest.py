import gc

import pytest


@pytest.fixture(autouse=True)
def _collect_earlier_windows(qapp):
    """Collect the previous tests' windows here, on the main thread, before this test runs.

    A closed window's panels and its workspace hold each other through signal
    connections: a reference cycle that only the garbage collector frees. Left
    alone, a collection triggered on a worker thread (a file load, a layout)
    destroyed those Qt widgets there, took Qt's lock while waiting for the
    GIL the main thread held: the test process hung (seen in CI).
    """
    gc.collect()
    # And during the test, as in the app: collections only on this (the GUI) thread.
    from embviz.gui.app import collect_on_gui_thread

    collector = collect_on_gui_thread(interval=0.2)
    yield
    collector.timer.stop()
    gc.enable()


@pytest.fixture(autouse=True)
def _worker_threads_end(qapp):
    """Fail a test whose background jobs are still running a while after it ended.

    Nothing in the window waits for a worker (embviz.gui.jobs keeps each
    thread until it finishes): here the event loop turns until they have.
    """
    yield
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

    from embviz.gui.jobs import running_threads

    deadline = QDeadlineTimer(60_000)
    while running_threads() and not deadline.hasExpired():
        running_threads()[0].wait(50)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    assert not running_threads(), f"test left background jobs running: {running_threads()}"


@pytest.fixture
def main_window(qtbot, monkeypatch):
    """A main window on the embedded default data, shown and loaded.

    Closing it at the end discards trained vectors without asking: a test
    that failed after training must fail, not hang on a modal question
    (tests of that question patch it themselves).
    """
    from PySide6.QtWidgets import QMessageBox

    from embviz.gui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))  # fmt: skip

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    # Xvfb has no window manager to activate windows, and shortcuts need an active one
    win.activateWindow()
    qtbot.waitActive(win)
    win.open_path(None)
    qtbot.waitUntil(lambda: win.workspace.embeddings is not None, timeout=15000)
    yield win
    win.close()


@pytest.fixture
def chinese(qapp):
    """The zh_CN translators installed (and the CJK font first), removed afterwards."""
    import importlib.util
    from importlib.machinery import SourceFileLoader
    from pathlib import Path

    from embviz.gui import i18n

    # the .qm files from the current .ts sources (scripts/setup builds them too)
    script = Path(__file__).resolve().parents[2] / "scripts" / "build_translations"
    loader = SourceFileLoader("build_translations", str(script))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    module.build()
    loaded = i18n.install("zh_CN", qapp)
    assert any(p.name == "zh_CN_main.qm" for p in loaded), "run scripts/build_translations"
    font = qapp.font()
    qapp.setFont(i18n.cjk_first(font))
    yield
    i18n.install("en", qapp)
    qapp.setFont(font)


@pytest.fixture
def zh_window(chinese, qtbot, monkeypatch):
    """A main window built in Chinese, on the embedded default data."""
    from PySide6.QtWidgets import QMessageBox

    from embviz.gui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))  # fmt: skip
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.open_path(None)
    qtbot.waitUntil(lambda: win.workspace.embeddings is not None, timeout=15000)
    yield win
    win.close()
