"""The Train panel under Xvfb: real gensim in a worker process, real OpenGL, real files."""

from __future__ import annotations

import multiprocessing
import os

import numpy as np
import pytest

import embviz
from embviz.core.workspace import Workspace
from embviz.gui.training.panel import TITLE, TrainPanel, make_panel
from tests.helpers import framebuffer, tiny_corpus

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, tmp_path):
    ws = Workspace()
    p = make_panel(ws)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitExposed(p)
    p.session.set_corpus(str(tiny_corpus(tmp_path / "tiny.txt", lines=3000)))
    p.dim.setValue(12)
    p.min_count.setValue(2)
    p.parts.setValue(2)
    yield p
    p.shutdown()


def test_train_watch_stop_save_open(panel, qtbot, tmp_path):
    assert TITLE == "Train" and isinstance(panel, TrainPanel)
    panel.epochs.setValue(200)  # far more than we wait for: Stop must end it
    run = panel.start()
    assert run is not None and panel.is_running()
    qtbot.waitUntil(lambda: len(panel.session.snapshots) >= 5, timeout=30000)
    assert panel.stop_button.isEnabled()
    panel.stop_button.click()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=10000)
    qtbot.waitUntil(lambda: panel.session.model is not None, timeout=5000)
    last = panel.session.snapshots[-1]
    assert last.stopped and last.epoch < 200
    assert not run.is_running()
    # it trained in a process of its own, and that process is gone
    proc = run._pump.process
    assert proc.pid != os.getpid() and proc.exitcode == 0
    assert multiprocessing.active_children() == []

    # the 3D view shows the watched words, moved from their initial values
    assert "king" in panel.view.words and "queen" in panel.view.words
    assert not np.allclose(panel.session.coords[0], panel.session.coords[-1])
    panel.playback.seek(len(panel.session.snapshots) - 1)
    background = np.array([18, 20, 28])

    def drawn():  # points and axes
        img = framebuffer(panel.view)
        assert (np.abs(img - background).sum(axis=2) > 60).sum() > 200

    qtbot.waitUntil(drawn, timeout=10_000)

    # loss curve, similarity readout and the timeline
    x, y = panel.loss_plot.curve.getData()
    assert len(x) == len(last.epoch_losses) >= 2 and (y > 0).all()
    assert "king·queen" in panel.readout.text()
    assert panel.slider.maximum() == len(panel.session.snapshots) - 1
    panel.playback.seek(0)
    panel.playback.step(1)
    assert panel.slider.value() == 1 and not panel.playback.playing
    assert "epoch 0.50" in panel.view.caption

    # save (text and binary) and open as the current data
    assert panel.save_button.isEnabled() and panel.open_button.isEnabled()
    panel.save(str(tmp_path / "trained.txt"))
    saved = embviz.load(tmp_path / "trained.txt")
    assert saved.words == panel.session.model.words and saved.dim == 12
    panel.open_as_current()
    assert panel.workspace.embeddings is panel.session.model
    assert set(panel.workspace.shown_words) == set(last.words)


def test_starting_a_new_run_cancels_the_old_one(panel, qtbot):
    panel.epochs.setValue(200)
    first = panel.start()
    qtbot.waitUntil(lambda: len(panel.session.snapshots) >= 2, timeout=30000)
    second = panel.start()  # returns at once: the old run is told to stop, not waited for
    assert first.stopping and panel.run is second
    qtbot.waitUntil(lambda: len(panel.session.snapshots) >= 1, timeout=30000)
    assert panel.session.snapshots[0].index == 0  # the new run starts from initial vectors
    panel.stop()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=10000)


def test_frames_and_playback(panel, qtbot):
    panel.epochs.setValue(3)
    panel.parts.setValue(1)
    panel.start()
    qtbot.waitUntil(
        lambda: panel.session.model is not None and not panel.is_running(), timeout=30000
    )
    assert len(panel.session.snapshots) == 4
    for i, text in enumerate(("newest", "this snapshot", "Procrustes")):
        panel.frame_choice.setCurrentIndex(i)
        panel._on_frame_choice(i)
        assert text in panel.frame_choice.currentText()
        assert len(panel.session.coords) == 4 and panel.session.coords[0].shape == (
            len(panel.view.words),
            3,
        )
    assert "aligned" in panel.session.axis_labels[0]
    panel.playback.step(-10)  # pauses, at the initial vectors
    assert panel.playback.t == 0 and not panel.playback.playing
    panel.playback.toggle()
    assert panel.playback.playing
    qtbot.waitUntil(lambda: panel.playback.t >= 3.0, timeout=10000)  # plays through to the end
    qtbot.waitUntil(lambda: not panel.playback.playing, timeout=2000)


def test_bad_corpus_is_a_message_not_a_crash(panel, qtbot, tmp_path):
    binary = tmp_path / "vectors.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    panel.session.set_corpus(str(binary))
    panel.start()
    qtbot.waitUntil(lambda: "binary file, not text" in panel.status.text(), timeout=10000)
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=5000)
    assert panel.session.model is None and not panel.save_button.isEnabled()
    panel.dim.setValue(12)
    panel.init.setCurrentIndex(3)  # pretrained, with no file chosen
    assert panel.start() is None
    assert "needs a pretrained vector file" in panel.status.text()


def test_a_worker_process_that_dies_is_reported_and_the_panel_recovers(panel, qtbot):
    panel.epochs.setValue(200)
    run = panel.start()
    qtbot.waitUntil(lambda: len(panel.session.snapshots) >= 2, timeout=30000)
    ended: list[bool] = []
    run.finished.connect(lambda: ended.append(True))
    run._pump.process.kill()  # as if the OS killed it (out of memory, say)
    # the thread ends before its queued signals arrive: wait for the message itself
    message = "the training process ended unexpectedly (exit code -9)"
    qtbot.waitUntil(lambda: message in panel.status.text(), timeout=10000)
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=10000)
    # late refreshes must not overwrite the message: the run's last signal, then a frame tick
    qtbot.waitUntil(lambda: bool(ended), timeout=10000)
    with qtbot.waitSignal(panel.timer.timeout, timeout=10000):
        pass
    assert message in panel.status.text()
    assert panel.start_button.isEnabled() and not panel.stop_button.isEnabled()
    assert len(panel.session.snapshots) >= 2  # what was watched so far is kept
    assert panel.start() is not None  # and a new run works
    qtbot.waitUntil(lambda: len(panel.session.snapshots) >= 2, timeout=30000)
