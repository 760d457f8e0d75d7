"""Show unexpected errors in a dialog and a log file instead of dying.

Qt swallows exceptions raised in slots into stderr, where a user who
double-clicked the app never sees them; and an exception escaping to the
interpreter kills the window. :func:`install` routes both to a dialog with the
message and a "Copy details" button, appends the traceback to a log file in the
user's state directory, and keeps the app running.
"""

from __future__ import annotations

import datetime as _dt
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from embviz.core.errors import EmbvizError


def log_path() -> Path:
    """The file unexpected errors are appended to."""
    import platformdirs

    return Path(platformdirs.user_state_dir("embviz", appauthor=False)) / "errors.log"


def log_exception(exc: BaseException) -> Path:
    """Append ``exc`` with its traceback to :func:`log_path`; return the path."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"--- {_dt.datetime.now().isoformat(timespec='seconds')}\n")
        f.write("".join(traceback.format_exception(exc)))
        if getattr(exc, "details", ""):  # the traceback of a worker process' bug
            f.write(f"raised in a worker process:\n{exc.details}")
    return path


def show_error(exc: BaseException, parent=None, title: str = "embviz") -> None:
    """Show ``exc``: user errors as a plain warning, bugs with details and log path."""
    if isinstance(exc, EmbvizError):
        QMessageBox.warning(parent, title, str(exc))
        return
    path = log_exception(exc)
    details = "".join(traceback.format_exception(exc))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(
        QCoreApplication.translate("ErrorDialog", "Something went wrong: {error}").format(
            error=f"{type(exc).__name__}: {exc}"
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ErrorDialog", "embviz is still running. The details were saved to {path}."
        ).format(path=path)
    )
    box.setDetailedText(details)
    copy = box.addButton(
        QCoreApplication.translate("ErrorDialog", "Copy details"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(details)


def install() -> None:
    """Route uncaught exceptions (in slots, timers, paint events) to :func:`show_error`."""
    previous = sys.excepthook

    def hook(etype, value, tb):
        if issubclass(etype, KeyboardInterrupt):
            previous(etype, value, tb)
            return
        try:
            show_error(value.with_traceback(tb))
        except Exception:  # never let the error handler itself kill the app
            previous(etype, value, tb)

    sys.excepthook = hook
