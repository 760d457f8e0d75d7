"""Opening vector files in the window: the dialog, recent files, drag and drop, the load job."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from embviz.core.embeddings import Embeddings
from embviz.core.errors import Cancelled
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.gui.jobs import Job

MAX_RECENT = 8
FILTERS = QT_TRANSLATE_NOOP(
    "FileOpener",
    "Vector files (*.txt *.vec *.bin *.npy *.npz *.tsv *.safetensors *.kv *.model "
    "*.gz *.bz2 *.xz);;All files (*)",
)


class FileOpener(QObject):
    """Loads files into the window's workspace in a ``"load"`` job; remembers them.

    Files dropped on the window are opened too.

    Parameters
    ----------
    window
        The main window; it needs ``workspace``, ``settings``, ``jobs`` and
        ``status`` (a label that says what is loaded).
    """

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)  # files dragged onto the window
        window.workspace.loaded.connect(self.show_loaded)

    def show_loaded(self, emb: Embeddings | None) -> None:
        """Say in the status bar and the window title what is loaded."""
        w = self.window
        if emb is None:
            w.status.setText(self.tr("Nothing loaded"))
            w.setWindowTitle("embviz")
            return
        src = emb.source
        from embviz.core.default_data import DEFAULT_LABEL
        from embviz.gui.i18n import source_name

        what = source_name(src)  # the embedded data named in the interface's language
        secs = (
            self.tr(" — loaded in {secs} s").format(secs=f"{src.seconds:.2f}")
            if src.seconds is not None
            else ""
        )
        w.status.setText(
            self.tr("{what} — {n} words × {dim} dims{secs}").format(
                what=what, n=f"{len(emb):,}", dim=emb.dim, secs=secs
            )
        )
        name = src.label if src.path is None or src.label else Path(src.path).name
        if name == DEFAULT_LABEL:
            name = QCoreApplication.translate("FileOpener", DEFAULT_LABEL)
        w.setWindowTitle(f"embviz — {name}")

    def open_dialog(self) -> None:
        """Ask for a file and open it."""
        w = self.window
        start = w.settings.text("last_dir", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            w, self.tr("Open vectors"), start, QCoreApplication.translate("FileOpener", FILTERS)
        )
        if path:
            w.settings.setValue("last_dir", str(Path(path).parent))
            self.open_path(path)

    def open_path(self, path: str | None, fmt: str | None = None, **options) -> Job:
        """Load ``path`` (``None`` = embedded default) in the background; see ``MainWindow``."""
        from embviz.gui.loading import load_work

        name = self.tr("embedded default") if path is None else Path(path).name
        loading = self.tr("Loading {name}…").format(name=name)
        # a load still running is dropped (the newest file wins); nothing waits for it
        job = self.window.jobs.start("load", loading, load_work(path, fmt, **options))
        job.done.connect(lambda emb: self._loaded(emb, path))
        job.error.connect(
            lambda e: self._load_failed(
                e, lambda **o: self.open_path(path, fmt, **{**options, **o})
            )
        )
        self.window.status.setText(loading)
        return job

    def _loaded(self, emb: Embeddings, path: str | None) -> None:
        from embviz.gui.load_choices import offer_drop_nonfinite

        w = self.window
        w.workspace.set_embeddings(offer_drop_nonfinite(w, emb))
        problem = emb.source.details.get("cache_problem")
        if problem:  # the file was read without the cache; say so once, in passing
            w.statusBar().showMessage(self.tr("Cache: {problem}").format(problem=problem), 15000)
        if w.workspace.words_note:  # e.g. none of the teaching words: say what is shown
            w.statusBar().showMessage(w.workspace.words_note, 20000)
        if path is not None:
            self._remember(path)

    def _load_failed(self, error: BaseException, retry=None) -> None:
        from embviz.gui.loading import report_load_error

        w = self.window
        self.show_loaded(w.workspace.embeddings)
        if isinstance(error, Cancelled):
            w.statusBar().showMessage(self.tr("Loading cancelled"), 5000)
            return
        report_load_error(w, error, retry)  # the questions and messages Compare's B uses too

    # -- recent files --------------------------------------------------------------
    def _remember(self, path: str) -> None:
        recent = [p for p in self.recent_files() if p != path]
        self.window.settings.setValue("recent", [path, *recent][:MAX_RECENT])

    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        return self.window.settings.texts("recent", MAX_RECENT)

    def fill_recent(self, menu: QMenu) -> None:
        """Fill the Open Recent ``menu``, just before it shows."""
        menu.clear()
        files = self.recent_files()
        if not files:
            menu.addAction(self.tr("(none)")).setEnabled(False)
        for p in files:
            menu.addAction(p).triggered.connect(lambda _=False, p=p: self.open_path(p))

    # -- drag and drop -------------------------------------------------------------
    def eventFilter(self, obj, ev) -> bool:
        """Accept files dragged onto the window; open the first one dropped."""
        if obj is not self.window or ev.type() not in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            return False
        if ev.type() == QEvent.Type.DragEnter:
            if ev.mimeData().hasUrls():
                ev.acceptProposedAction()
            return True
        urls = [u for u in ev.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.open_path(urls[0].toLocalFile())
        return True
