"""The window asks before opening a pickle, replacing bad UTF-8 or dropping NaN rows."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QMessageBox


def answer(monkeypatch, button_text: str, seen: list):
    """Make every QMessageBox answer by pressing the button labelled ``button_text``."""

    def fake_exec(box):
        seen.append(box.text())
        for b in box.buttons():
            if b.text() == button_text or (button_text == "Cancel" and "Cancel" in b.text()):
                b.click()
                break
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)


def make_pickle(tmp_path):
    from gensim.models import KeyedVectors

    kv = KeyedVectors(3)
    kv.add_vectors(["alpha", "beta", "gamma"], np.arange(9, dtype=np.float32).reshape(3, 3))
    p = tmp_path / "model.kv"
    kv.save(str(p))
    return p


def test_pickle_opens_only_after_the_user_trusts_it(qtbot, main_window, tmp_path, monkeypatch):
    p = make_pickle(tmp_path)
    seen: list = []
    answer(monkeypatch, "Cancel", seen)
    before = main_window.workspace.embeddings
    main_window.open_path(str(p))
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10000)
    assert "pickle" in seen[0] and "runs code" in seen[0]
    assert main_window.workspace.embeddings is before  # refused: the old data stays

    seen.clear()
    answer(monkeypatch, "Open it", seen)
    main_window.open_path(str(p))
    qtbot.waitUntil(lambda: main_window.workspace.embeddings.words == ["alpha", "beta", "gamma"],
                    timeout=10000)  # fmt: skip
    assert len(seen) == 1
    assert "model.kv" in main_window.status.text()


def test_invalid_utf8_is_replaced_when_the_user_agrees(qtbot, main_window, tmp_path, monkeypatch):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"ok 1 2 3\nb\xe9d 4 5 6\nfine 7 8 9\n")
    seen: list = []
    answer(monkeypatch, "Continue", seen)
    main_window.open_path(str(p))
    qtbot.waitUntil(lambda: len(main_window.workspace.embeddings) == 3, timeout=10000)
    assert "Line 2 is not valid UTF-8" in seen[0]
    assert main_window.workspace.embeddings.words == ["ok", "b\ufffdd", "fine"]


def test_nan_rows_are_dropped_when_the_user_says_so(qtbot, main_window, tmp_path, monkeypatch):
    p = tmp_path / "nan.txt"
    p.write_text("".join(f"w{i} {i} 1 2\n" for i in range(20)) + "bad nan 1 2\n")
    seen: list = []
    answer(monkeypatch, "Drop them", seen)
    main_window.open_path(str(p))
    qtbot.waitUntil(lambda: len(main_window.workspace.embeddings) == 20, timeout=10000)
    assert "1 of 21 rows hold NaN" in seen[0] and "bad" in seen[0]
    assert "bad" not in main_window.workspace.embeddings
