"""Quitting with trained vectors that were never saved asks first; training stops on close."""

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

import embviz
from tests.helpers import tiny_corpus

pytestmark = pytest.mark.gui


def _train(win, qtbot, tmp_path, epochs=1):
    panel = win.panels["train"]
    panel.session.set_corpus(str(tiny_corpus(tmp_path / "tiny.txt", lines=2000)))
    panel.dim.setValue(8)
    panel.min_count.setValue(2)
    panel.epochs.setValue(epochs)
    panel.start()
    return panel


def test_quit_asks_about_unsaved_vectors(main_window, qtbot, tmp_path, monkeypatch):
    panel = _train(main_window, qtbot, tmp_path)
    qtbot.waitUntil(
        lambda: panel.session.model is not None and not panel.is_running(), timeout=30000
    )
    answers = [QMessageBox.StandardButton.Cancel]
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    main_window.close()
    assert main_window.isVisible(), "Cancel must keep the window open"
    assert "not saved" in asked[0]

    # Save: the user picks a file, the vectors are written, then the window closes
    out = tmp_path / "trained.txt"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "word2vec text (*.txt)")
    )
    answers.append(QMessageBox.StandardButton.Save)
    main_window.close()
    assert not main_window.isVisible()
    assert embviz.load(out).words == panel.session.model.words
    assert len(asked) == 2


def test_closing_the_window_stops_a_running_training(main_window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    panel = _train(main_window, qtbot, tmp_path, epochs=500)
    qtbot.waitUntil(lambda: len(panel.session.snapshots) >= 2, timeout=30000)
    main_window.close()  # never shown the panel: the window itself must stop the thread
    assert not panel.is_running()
