import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from embviz.core.errors import LoadError
from embviz.gui import error_dialog


def test_unexpected_errors_are_shown_logged_and_copyable(qtbot, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    seen = {}

    def fake_exec(box):
        seen["text"] = box.text()
        seen["info"] = box.informativeText()
        seen["details"] = box.detailedText()
        copy = next(b for b in box.buttons() if b.text() == "Copy details")
        copy.click()  # what the user would do
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    error_dialog.install()
    try:
        raise ZeroDivisionError("boom in a slot")
    except ZeroDivisionError as e:
        sys.excepthook(type(e), e, e.__traceback__)
    assert seen["text"] == "Something went wrong: ZeroDivisionError: boom in a slot"
    assert "still running" in seen["info"]
    assert "Traceback" in seen["details"] and "boom in a slot" in seen["details"]
    log = error_dialog.log_path()
    assert "boom in a slot" in log.read_text(encoding="utf-8")
    assert str(log) in seen["info"]
    assert "ZeroDivisionError" in QApplication.clipboard().text()


def test_user_errors_are_a_plain_warning_without_a_log(qtbot, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    error_dialog.show_error(LoadError("/x/v.txt", "not a number: 'abc'", line=3))
    assert warned == ["/x/v.txt, line 3: not a number: 'abc'"]
    assert not error_dialog.log_path().exists()


def test_a_bug_in_a_loader_is_shown_with_details_and_logged(main_window, qtbot, monkeypatch):
    import embviz.core.formats as formats

    def broken_load(*a, **k):
        raise RuntimeError("loader bug")

    monkeypatch.setattr(formats, "load", broken_load)
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.detailedText()) or 0)
    before = main_window.workspace.embeddings
    job = main_window.open_path("/any/file.txt")
    with qtbot.waitSignal(job.error, timeout=10000):
        pass
    assert seen and "loader bug" in seen[0] and "Traceback" in seen[0]
    assert "loader bug" in error_dialog.log_path().read_text(encoding="utf-8")
    assert main_window.workspace.embeddings is before
