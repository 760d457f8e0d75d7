"""Opening a vector file in the background, one way for every place that opens one.

File → Open (the window's data) and the Compare panel's second space both
read a file with :func:`load_work` run as a job, and hand a failure to
:func:`report_load_error`: the same loaders, cache, questions (trust a pickle,
replace invalid UTF-8, take a sample) and messages.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from embviz.core.embeddings import Embeddings
from embviz.core.errors import EmbvizError
from embviz.core.progress import Progress


def load_work(path: str | None, fmt: str | None = None,
              **options) -> Callable[..., Embeddings]:  # fmt: skip
    """The job that reads ``path`` (``None``: the embedded default) with ``options``.

    Parameters
    ----------
    path
        The file, or ``None`` for the embedded GloVe vectors.
    fmt
        A format name, or ``None`` to detect it from the content.
    **options
        For :func:`embviz.load` (e.g. ``trust=True`` after the user confirmed).

    Returns
    -------
    callable
        ``work(progress)``, for :meth:`embviz.gui.jobs.JobManager.start`.
    """

    def work(progress: Progress) -> Embeddings:
        from embviz.core.default_data import load_default
        from embviz.core.formats import load

        if path is None:
            return load_default()
        return load(path, format=fmt, progress=progress, **options)

    return work


def report_load_error(parent: QWidget | None, error: BaseException,
                      retry: Callable[..., object] | None = None,
                      say: Callable[[str], None] | None = None) -> None:  # fmt: skip
    """Tell the user why a file did not open (not for :class:`Cancelled`: callers say that).

    Parameters
    ----------
    parent
        The widget the questions and messages belong to.
    error
        What the load raised.
    retry
        ``retry(**{option: value})`` loads again; for an error that needs a
        choice (:class:`~embviz.core.formats.NeedsChoiceError`) the user is
        asked first and ``retry`` is called if they agree.
    say
        Shows a one-line message (a panel's status line); without it a
        message box says it.
    """
    from embviz.core.formats import NeedsChoiceError
    from embviz.gui.error_dialog import show_error
    from embviz.gui.load_choices import ask_choice

    # (File → Open's context: the strings and their translations came from gui/opening.py)
    title = QCoreApplication.translate("FileOpener", "Could not open file")
    if isinstance(error, NeedsChoiceError) and retry is not None:
        if ask_choice(parent, error):  # e.g. "trust this pickle?": retry with the option set
            retry(**{error.option: error.value})
        return
    if isinstance(error, EmbvizError | OSError):
        if say is not None:
            say(str(error).splitlines()[0] if str(error) else type(error).__name__)
        else:  # the loader's message is in the interface's language too (zh_CN_core.ts)
            QMessageBox.warning(parent, title, QCoreApplication.translate(
                "FileOpener", "Could not open the file: {error}").format(error=error))  # fmt: skip
    else:  # a bug in a loader: details, a log entry, and the app goes on
        show_error(error, parent, title)
        if say is not None:
            say(title)
