"""Background jobs: a new job supersedes the old one, stale results are dropped, nothing waits."""

from __future__ import annotations

import gc
import threading

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from embviz.core.errors import Cancelled
from embviz.gui.jobs import JobManager, running_threads
from embviz.gui.panels.base import Panel
from embviz.gui.panels.registry import panel_modules

pytestmark = pytest.mark.gui


def _stubborn(release: threading.Event, result="old"):
    """Work that ignores Cancel until ``release`` is set (as UMAP's first compile does)."""

    def work(progress):
        release.wait(60)
        return result

    return work


@pytest.fixture
def release():
    ev = threading.Event()
    yield ev
    ev.set()  # never leave a worker blocked, even when the test failed


@pytest.fixture
def jobs(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    yield JobManager(owner)
    del owner


def test_a_new_job_supersedes_the_old_and_drops_its_result(qtbot, jobs, release):
    got, errors, ended = [], [], []
    first = jobs.start("layout", "", _stubborn(release), show_dialog=False)
    first.done.connect(got.append)
    first.error.connect(errors.append)
    first.ended.connect(lambda: ended.append(first))
    second = jobs.start("layout", "", lambda progress: "new", show_dialog=False)
    second.done.connect(got.append)
    # start returned while the first job still runs: nothing waited for it
    assert first.is_running() and first.dropped and jobs.current("layout") is second
    qtbot.waitUntil(lambda: got == ["new"])
    assert jobs.current("layout") is None
    release.set()
    qtbot.waitUntil(lambda: ended == [first])
    assert got == ["new"] and errors == []  # the old result came, and was dropped
    qtbot.waitUntil(lambda: not running_threads())


def test_jobs_of_other_kinds_run_side_by_side(qtbot, jobs, release):
    slow = jobs.start("evaluate", "", _stubborn(release), show_dialog=False)
    got = []
    jobs.start("layout", "", lambda progress: 1, show_dialog=False).done.connect(got.append)
    qtbot.waitUntil(lambda: got == [1])
    assert jobs.current("evaluate") is slow and not slow.dropped
    release.set()
    with qtbot.waitSignal(slow.done):
        pass


def test_the_gui_thread_keeps_running_while_cancelled_work_ignores_cancel(qtbot, jobs, release):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    job = jobs.start("layout", "", _stubborn(release), show_dialog=False)
    jobs.cancel("layout")  # returns at once
    assert job.is_running() and jobs.current("layout") is None
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the event loop turned ...
    assert job.is_running()  # ... while the work still ran
    timer.stop()
    release.set()
    qtbot.waitUntil(lambda: not running_threads())


def test_cancel_by_the_user_is_reported(qtbot, jobs):
    def work(progress):
        while True:
            progress.check()

    job = jobs.start("evaluate", "", work, show_dialog=False)
    with qtbot.waitSignal(job.error) as blocker:
        job.cancel()  # the dialog's Cancel button: the owner hears of it
    assert isinstance(blocker.args[0], Cancelled)
    assert jobs.current("evaluate") is None


def test_a_running_thread_outlives_its_job_and_owner(qtbot, release):
    owner = QWidget()
    jobs = JobManager(owner)
    job = jobs.start("load", "", _stubborn(release), show_dialog=False)
    shiboken6.delete(owner)  # the window is destroyed while the work runs
    del jobs, job
    gc.collect()
    assert len(running_threads()) == 1  # "QThread: Destroyed while thread is still running" never
    release.set()
    qtbot.waitUntil(lambda: not running_threads())


def test_every_panel_is_a_panel_with_shutdown():
    classes = list(_panel_classes())
    assert len(classes) == len(panel_modules())
    assert all(issubclass(c, Panel) for c in classes)


def _panel_classes():
    import inspect

    for mod in panel_modules():
        for _, c in inspect.getmembers(mod, inspect.isclass):
            if (
                c.__module__ == mod.__name__
                and issubclass(c, QWidget)
                and c.__name__.endswith("Panel")
            ):
                yield c


def test_closing_the_window_does_not_wait_for_work(main_window, qtbot, release):
    panel = main_window.panels["analogy"]
    job = panel.jobs.start("evaluate", "", _stubborn(release), show_dialog=False)
    got = []
    job.done.connect(got.append)
    main_window.close()
    assert job.is_running() and job.dropped  # close returned while the work still ran
    release.set()
    qtbot.waitUntil(lambda: not running_threads())
    assert got == []
