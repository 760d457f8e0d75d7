"""Issue #20: the core's error messages reach a Chinese user in Chinese, the CLI's stay English.

Bad files go through the real load path (File → Open's job, the same warning a
user sees), unknown words and broken expressions through the Search and
Analogy panels. A message counts as Chinese when it holds Hanzi and, once the
file's path and the quoted words the user typed are taken out, no run of three
English words is left (a sentence that escaped translation).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

HANZI = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?: [A-Za-z]+){2,}")  # three words and spaces: a sentence


def _english_left(message: str, *known: str) -> list[str]:
    """Runs of English words in ``message`` once ``known`` (paths, typed words) are removed."""
    for text in sorted(known, key=len, reverse=True):
        message = message.replace(text, " ")
    message = re.sub(r"'[^']*'|“[^”]*”", " ", message)  # quoted words: the user's own
    return ENGLISH_RUN.findall(message)


def assert_chinese(message: str, *known: str) -> None:
    assert HANZI.search(message), f"no Chinese in {message!r}"
    left = _english_left(message, *known)
    assert not left, f"English left in {message!r}: {left}"


def test_the_check_finds_an_english_sentence():
    """The assertion can fail: a Chinese frame around an English reason is caught."""
    with pytest.raises(AssertionError, match="English left"):
        assert_chinese("无法打开文件：/x/v.vec: the header says 5 vectors", "/x/v.vec")
    with pytest.raises(AssertionError, match="no Chinese"):
        assert_chinese("/x/v.vec: the file is empty", "/x/v.vec")


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    lying = tmp_path / "lying.vec"  # the header promises 5 vectors, the file holds 2
    lying.write_text("5 3\na 1 2 3\nb 4 5 6\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    folder = tmp_path / "folder"
    folder.mkdir()
    files = {"lying header": lying, "empty": empty, "directory": folder}
    if Path("/dev/zero").exists():  # a device that never ends: the line bound stops it
        files["/dev/zero"] = Path("/dev/zero")
    return files


def test_bad_files_are_refused_in_chinese(zh_window, qtbot, monkeypatch, tmp_path):
    win = zh_window
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    for name, path in _bad_files(tmp_path).items():
        shown.clear()
        job = win.open_path(str(path))
        with qtbot.waitSignal(job.error, timeout=60000):
            pass
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
        assert len(shown) == 1, (name, shown)
        assert str(path) in shown[0], (name, shown[0])
        assert_chinese(shown[0], str(path))


def test_an_unknown_word_in_search_is_told_in_chinese(zh_window, qtbot):
    search = zh_window.panels["search"]
    search.find("kingg")
    message = search.message.text()
    assert "kingg" in message
    assert_chinese(message)


@pytest.mark.parametrize("expression", ["king - - man", "king + (man", "king woman", "+"])
def test_a_broken_expression_in_analogy_is_told_in_chinese(zh_window, qtbot, expression):
    analogy = zh_window.panels["analogy"]
    analogy.expr.setText(expression)
    assert analogy.run_query() is None
    message = analogy.message.text()
    assert_chinese(message, expression)


def test_an_unknown_word_in_analogy_is_told_in_chinese(zh_window):
    analogy = zh_window.panels["analogy"]
    analogy.expr.setText("kingg - man + woman")
    assert analogy.run_query() is None
    assert "kingg" in analogy.message.text()
    assert_chinese(analogy.message.text())


def test_the_same_errors_stay_english_on_the_command_line(tmp_path):
    """The CLI never installs a translator, whatever the locale says."""
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8", "LANGUAGE": "zh_CN"}
    expected = {"lying header": "the header says 5 vectors but the file has 2",
                "empty": "the file is empty", "directory": "is a directory, not a vector file",
                "/dev/zero": "no line break in"}  # fmt: skip
    for name, path in _bad_files(tmp_path).items():
        out = subprocess.run([sys.executable, "-m", "embviz", "info", str(path)], env=env,
                             capture_output=True, text=True, timeout=120)  # fmt: skip
        assert out.returncode == 2, (name, out.stderr[-1000:])
        assert expected[name] in out.stderr, (name, out.stderr)
        assert not HANZI.search(out.stderr), (name, out.stderr)
    out = subprocess.run([sys.executable, "-m", "embviz", "query", "king - - man"], env=env,
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 2 and "expected a word before '-'" in out.stderr, out.stderr
    assert not HANZI.search(out.stderr), out.stderr


@pytest.fixture
def zh_train_panel(chinese, qtbot, tmp_path):
    from embviz.core.workspace import Workspace
    from embviz.gui.training.panel import make_panel

    p = make_panel(Workspace())
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitExposed(p)
    p.dim.setValue(12)
    p.min_count.setValue(2)
    yield p
    p.shutdown()


@pytest.mark.parametrize("case", ["binary", "two words"])
def test_training_errors_from_the_worker_process_are_in_chinese(zh_train_panel, qtbot, tmp_path,
                                                                 case):  # fmt: skip
    """Training runs in a child process: it must load the window's translations too."""
    panel = zh_train_panel
    corpus = tmp_path / f"{case.replace(' ', '_')}.txt"
    if case == "binary":
        corpus.write_bytes(bytes(range(256)) * 64)
    else:  # two distinct words: training needs at least 3 above min count
        corpus.write_text("one two\n" * 200, encoding="utf-8")
    panel.session.set_corpus(str(corpus))
    status = panel.status.text()
    assert panel.start() is not None
    qtbot.waitUntil(lambda: panel.status.text() != status and not panel.is_running(),
                    timeout=30000)  # fmt: skip
    qtbot.waitUntil(lambda: HANZI.search(panel.status.text()) and (
        str(corpus) in panel.status.text() or case == "binary"), timeout=30000)  # fmt: skip
    assert_chinese(panel.status.text(), str(corpus), corpus.name)


def test_context_errors_are_in_chinese(chinese, qtbot, tmp_path, monkeypatch):
    """No model installed, a folder that is not a model, a sentence too long for the model."""
    from embviz.core.context import _files
    from embviz.core.workspace import Workspace
    from embviz.gui.context.panel import ContextPanel
    from tests.context_model import make_tiny_bert

    model = make_tiny_bert(tmp_path / "tiny", positions=16)  # any model: the limit is its own
    monkeypatch.setattr(_files, "candidate_dirs", lambda: [tmp_path / "nothing"])
    p = ContextPanel(Workspace())
    qtbot.addWidget(p)
    p.resize(520, 800)
    p.show()
    qtbot.waitExposed(p)
    (tmp_path / "nothing").mkdir()
    try:
        p.start()
        qtbot.waitUntil(lambda: not p.model.running, timeout=10000)
        assert "scripts/setup" in p.status.text()
        assert_chinese(p.status.text(), str(tmp_path / "nothing"))
        p.set_model_path(str(tmp_path / "nothing"))  # a folder, but not a model's
        assert "config.json" in p.status.text()
        assert_chinese(p.status.text(), str(tmp_path / "nothing"))
        p.set_model_path(str(model))
        p.editor.setPlainText("the bank.\n" + "the bank " * 20)
        p.start()
        qtbot.waitUntil(lambda: not p.model.running, timeout=30000)
        assert "16" in p.status.text() and "[CLS]" in p.status.text()
        assert_chinese(p.status.text())
    finally:
        p.shutdown()
