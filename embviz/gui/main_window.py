"""The main window: menus, the central 3D view, docked panels, status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QWidget,
)

from embviz import __version__
from embviz.core.embeddings import Embeddings
from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.workspace import Workspace
from embviz.gui import theme
from embviz.gui.error_dialog import show_error
from embviz.gui.export_menu import build_export_menu
from embviz.gui.fit import PanelScroll, guard_wheel
from embviz.gui.jobs import Job, JobManager
from embviz.gui.panels.base import Panel
from embviz.gui.panels.registry import panel_modules, panel_name
from embviz.gui.scenes import SceneController
from embviz.gui.settings import Settings, sanitize_qt_settings
from embviz.gui.tour import TourDock
from embviz.gui.view3d import SceneView

MAX_RECENT = 8
DOCK_SHARE = 0.36  # of the window's width, at first; then as the user drags it
# The application's font at text scale 1.0, kept from the first window on.
_BASE_FONT: dict[str, QFont] = {}

ABOUT = f"""<h3>embviz {__version__}</h3>
<p>See word embeddings: a word is a vector, and directions in the space carry meaning.</p>
<p><b>Embedded data:</b> GloVe 6B 50d (top 50,000 words) by Jeffrey Pennington,
Richard Socher and Christopher D. Manning, Stanford NLP (EMNLP 2014), released under the
Open Data Commons Public Domain Dedication and License (PDDL 1.0).</p>
<p>Built with Qt (PySide6), pyqtgraph, NumPy and gensim.</p>"""


class MainWindow(QMainWindow):
    """The embviz window around one :class:`Workspace`."""

    def __init__(self, workspace: Workspace | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace or Workspace()
        self.settings = Settings()  # plain values only: QSettings would unpickle
        sanitize_qt_settings()  # Qt's file dialog reads QtProject.conf with QSettings
        self.jobs = JobManager(self)
        self.setWindowTitle("embviz")
        self.setAcceptDrops(True)
        self.view = SceneView(self.workspace, self)
        self.setCentralWidget(self.view)
        self.view.wordClicked.connect(self._select)
        self.panels: dict[str, Panel] = {}
        self.docks: dict[str, QDockWidget] = {}
        self._build_docks()
        self._build_menus()
        self.status = QLabel("Nothing loaded")
        # a normal (not permanent) widget: a message such as "Saved …" replaces it
        # for a while instead of being squeezed to nothing beside it
        self.statusBar().addWidget(self.status, 1)
        self.workspace.loaded.connect(self._on_loaded)
        self.text_scale = 1.0
        # the font before any window scaled it (text scale 1.0)
        self._base_font = QFont(_BASE_FONT.setdefault("font", QApplication.font()))
        if QApplication.font() != self._base_font:  # an earlier window's scale, never undone
            QApplication.setFont(self._base_font)
        self._keys_over_typing = _WindowKeysOverTyping(self)
        QApplication.instance().installEventFilter(self._keys_over_typing)
        self.resize(1280, 800)
        self._restore_settings()

    # -- construction --------------------------------------------------------------
    def _build_docks(self) -> None:
        first = None
        for mod in panel_modules():
            name = panel_name(mod)
            panel = mod.make_panel(self.workspace, self)
            dock = QDockWidget(mod.TITLE, self)
            dock.setObjectName(f"dock-{name}")
            # The panel fits the dock; only a dock smaller than the panel's
            # minimum (a tiny window, huge text) scrolls, so the 3D view keeps
            # most of the window.
            guard_wheel(panel)
            dock.setWidget(PanelScroll(panel))
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if first is None:
                first = dock
            else:
                self.tabifyDockWidget(first, dock)
            self.panels[name] = panel
            self.docks[name] = dock
            dock.installEventFilter(self)  # the user drags its edge: a new share
            # Qt makes a new tab bar when docks are re-tabified: fix each one up.
            dock.dockLocationChanged.connect(lambda *_: QTimer.singleShot(0, self._full_tab_titles))
        if first is not None:
            first.raise_()
        self._sized_docks = False
        self._dock_share = DOCK_SHARE  # the docks' part of the window's width
        self._share_width = 0  # the window width the share was measured at

    def _full_tab_titles(self) -> None:
        """Panel tabs show their whole names and scroll, rather than "Se…", "T…"."""
        for bar in self.findChildren(QTabBar):
            if bar.parent() is self:  # the dock area's bars, not tabs inside panels
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setUsesScrollButtons(True)

    def _side_dock(self) -> QDockWidget | None:
        """A shown, docked panel: its width is the dock area's."""
        for dock in self.docks.values():
            if dock.isVisible() and not dock.isFloating() and not dock.visibleRegion().isEmpty():
                return dock
        return None

    def _tabs_width(self) -> int:
        """The width the panel tabs need to show every name in full."""
        bars = [b for b in self.findChildren(QTabBar) if b.parent() is self and b.isVisible()]
        return max((sum(b.tabSizeHint(i).width() for i in range(b.count())) + 8
                    for b in bars), default=0)  # fmt: skip

    def fit_docks(self) -> None:
        """Give the panels their share of the window's width: wide enough for every tab name.

        The 3D view keeps at least half of the window.
        """
        dock = self._side_dock()
        if dock is None:
            return
        want = max(round(self._dock_share * self.width()), self._tabs_width(), 360)
        want = min(want, self.width() // 2)
        if abs(dock.width() - want) > 2:
            self.resizeDocks([dock], [want], Qt.Orientation.Horizontal)
        self._share_width = self.width()

    def eventFilter(self, obj, ev) -> bool:
        """Remember the panels' share of the width when the user drags the dock's edge."""
        if (ev.type() == QEvent.Type.Resize and self._share_width == self.width()
                and isinstance(obj, QDockWidget) and obj.isVisible()):  # fmt: skip
            self._dock_share = obj.width() / max(self.width(), 1)
        return super().eventFilter(obj, ev)

    def resizeEvent(self, ev) -> None:
        """A larger window widens the panels too, not only the 3D view."""
        super().resizeEvent(ev)
        if self._sized_docks:
            QTimer.singleShot(0, self.fit_docks)

    def showEvent(self, ev) -> None:
        """On first show, give the docks about a third of the window."""
        super().showEvent(ev)
        self._full_tab_titles()
        if not self._sized_docks and self.docks:
            self._sized_docks = True
            dock = self._side_dock()
            if self.settings.data("window_state") is not None and dock is not None:
                self._dock_share = dock.width() / max(self.width(), 1)  # as the user left it
            QTimer.singleShot(0, self.fit_docks)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        act = QAction("&Open…", self, shortcut=QKeySequence.StandardKey.Open)
        act.setToolTip("Open a vector file")
        act.triggered.connect(self.open_dialog)
        file_menu.addAction(act)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        act = QAction("Open &Default (GloVe 50d)", self)
        act.triggered.connect(lambda: self.open_path(None))
        file_menu.addAction(act)
        file_menu.addSeparator()
        build_export_menu(self, file_menu)
        file_menu.addSeparator()
        act = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        act.triggered.connect(self.close)
        file_menu.addAction(act)

        view_menu = self.menuBar().addMenu("&View")
        act = QAction("&Reset camera", self, shortcut="Home")
        act.triggered.connect(self.view.reset_camera)
        view_menu.addAction(act)
        view_menu.addSeparator()
        self.fullscreen_action = QAction("&Presentation mode (full screen)", self, shortcut="F11")
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.setToolTip("Full screen for a projector; F11 or Esc leaves it")
        self.fullscreen_action.toggled.connect(self.set_presentation)
        view_menu.addAction(self.fullscreen_action)
        self.panels_action = QAction("Show &panels", self, shortcut="Ctrl+P")
        self.panels_action.setCheckable(True)
        self.panels_action.setChecked(True)
        self.panels_action.setToolTip("Hide the panels so the 3D view fills the window")
        self.panels_action.toggled.connect(self.set_panels_visible)
        view_menu.addAction(self.panels_action)
        self.light_action = QAction("&Light theme (high contrast)", self, shortcut="Ctrl+L")
        self.light_action.setCheckable(True)
        self.light_action.setToolTip(
            "Black on white everywhere, for bright rooms and washed-out projectors; "
            "off: light on dark"
        )
        self.light_action.toggled.connect(lambda on: self.set_theme("light" if on else "dark"))
        view_menu.addAction(self.light_action)
        act = QAction("&Larger text", self, shortcut=QKeySequence.StandardKey.ZoomIn)
        act.triggered.connect(lambda: self.set_text_scale(self.text_scale * 1.25))
        view_menu.addAction(act)
        act = QAction("&Smaller text", self, shortcut=QKeySequence.StandardKey.ZoomOut)
        act.triggered.connect(lambda: self.set_text_scale(self.text_scale / 1.25))
        view_menu.addAction(act)
        act = QAction("&Normal text size", self, shortcut="Ctrl+0")
        act.triggered.connect(lambda: self.set_text_scale(1.0))
        view_menu.addAction(act)
        view_menu.addSeparator()
        self._build_panel_navigation(view_menu.addMenu("&Go to panel"))
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())

        self.scenes = SceneController(self)
        scene_menu = self.menuBar().addMenu("&Scenes")
        for text, shortcut, slot, tip in (
            ("&Add current view", "Ctrl+B", self.scenes.add_dialog,
             "Bookmark words, slice and camera as a scene"),
            ("&Next scene", "PgDown", self.scenes.next, "Fly to the next scene (clickers send PgDown)"),
            ("&Previous scene", "PgUp", self.scenes.previous, "Fly to the previous scene"),
            ("&Open scenes…", "Ctrl+Shift+O", self.scenes.open_dialog, "Open a scene file (JSON)"),
            ("&Save scenes…", "Ctrl+S", self.scenes.save_dialog, "Save the scene list as JSON"),
        ):  # fmt: skip
            act = QAction(text, self, shortcut=shortcut)
            act.setToolTip(tip)
            act.triggered.connect(slot)
            scene_menu.addAction(act)

        self.tour = TourDock(self)
        # The tour sits under the 3D view, not under the panels: the panel it
        # explains keeps its full height.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.tour)
        self.tour.hide()
        help_menu = self.menuBar().addMenu("&Help")
        act = QAction("&Guided tour", self, shortcut="F1")
        act.setToolTip("Six steps through the lesson on the embedded GloVe vectors")
        act.triggered.connect(self.tour.start)
        help_menu.addAction(act)
        act = QAction("&About embviz", self)
        act.triggered.connect(lambda: QMessageBox.about(self, "About embviz", ABOUT))
        help_menu.addAction(act)

    def _build_panel_navigation(self, menu) -> None:
        """Ctrl+1…9 for panel N, Ctrl+PgDown / Ctrl+PgUp (or Ctrl+Tab) for the next one.

        All carry Ctrl, so typing in a text box never triggers them, and none
        is taken: PgDown / PgUp alone step scenes, Ctrl+0 resets the text size.
        """
        self._front_panel = next(iter(self.docks), None)
        for i, (name, dock) in enumerate(self.docks.items()):
            # which tab is in front: raising, clicking a tab and restoring all report it
            dock.visibilityChanged.connect(
                lambda visible, name=name: visible and setattr(self, "_front_panel", name)
            )
            act = QAction(f"&{i + 1}  {dock.windowTitle()}", self)
            if i < 9:
                act.setShortcut(f"Ctrl+{i + 1}")
            act.setToolTip(f"Show the {dock.windowTitle()} panel and put the cursor in it")
            act.triggered.connect(lambda _=False, name=name: self.show_panel(name))
            menu.addAction(act)
            self.addAction(act)  # works with the menu bar hidden, too
        menu.addSeparator()
        for text, keys, step in (
            ("&Next panel", ("Ctrl+PgDown", "Ctrl+Tab"), 1),
            ("&Previous panel", ("Ctrl+PgUp", "Ctrl+Shift+Tab"), -1),
        ):
            act = QAction(text, self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setToolTip(f"{text.replace('&', '')} ({' or '.join(keys[:2])})")
            act.triggered.connect(lambda _=False, step=step: self.step_panel(step))
            menu.addAction(act)
            self.addAction(act)

    # -- opening files -------------------------------------------------------------
    def open_dialog(self) -> None:
        """Ask for a file and open it."""
        start = self.settings.text("last_dir", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, "Open vectors", start,
                                              "Vector files (*.txt *.vec *.bin *.npy *.npz *.tsv "
                                              "*.safetensors *.kv *.model *.gz *.bz2 *.xz);;"
                                              "All files (*)")  # fmt: skip
        if path:
            self.settings.setValue("last_dir", str(Path(path).parent))
            self.open_path(path)

    def open_path(self, path: str | None, fmt: str | None = None, **options) -> Job:
        """Load ``path`` (``None`` = embedded default) in the background.

        The previously open data stays on screen until the new data has
        loaded; a failed or cancelled load leaves it there. ``options`` go to
        :func:`embviz.load` (e.g. ``trust=True`` after the user confirmed).
        """
        from embviz.core.default_data import load_default
        from embviz.core.formats import load

        def work(progress):
            if path is None:
                return load_default()
            return load(path, format=fmt, progress=progress, **options)

        name = "embedded default" if path is None else Path(path).name
        # a load still running is dropped (the newest file wins); nothing waits for it
        job = self.jobs.start("load", f"Loading {name}…", work)
        job.done.connect(lambda emb: self._loaded(emb, path))
        job.error.connect(
            lambda e: self._load_failed(
                e, lambda **o: self.open_path(path, fmt, **{**options, **o})
            )
        )
        self.status.setText(f"Loading {name}…")
        return job

    def _loaded(self, emb: Embeddings, path: str | None) -> None:
        from embviz.gui.load_choices import offer_drop_nonfinite

        self.workspace.set_embeddings(offer_drop_nonfinite(self, emb))
        problem = emb.source.details.get("cache_problem")
        if problem:  # the file was read without the cache; say so once, in passing
            self.statusBar().showMessage(f"Cache: {problem}", 15000)
        if self.workspace.words_note:  # e.g. none of the teaching words: say what is shown
            self.statusBar().showMessage(self.workspace.words_note, 20000)
        if path is not None:
            self._remember(path)

    def _load_failed(self, error: BaseException, retry=None) -> None:
        from embviz.core.formats import NeedsChoiceError
        from embviz.gui.load_choices import ask_choice

        self._on_loaded(self.workspace.embeddings)
        if isinstance(error, Cancelled):
            self.statusBar().showMessage("Loading cancelled", 5000)
            return
        if isinstance(error, NeedsChoiceError) and retry is not None:
            if ask_choice(self, error):  # e.g. "trust this pickle?": retry with the option set
                retry(**{error.option: error.value})
            return
        if isinstance(error, EmbvizError | OSError):
            QMessageBox.warning(self, "Could not open file", str(error))
        else:  # a bug in a loader: details, a log entry, and the app goes on
            show_error(error, self, "Could not open file")

    def _remember(self, path: str) -> None:
        recent = [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent", [path, *recent][:MAX_RECENT])

    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        return self.settings.texts("recent", MAX_RECENT)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        if not files:
            self.recent_menu.addAction("(none)").setEnabled(False)
        for p in files:
            self.recent_menu.addAction(p).triggered.connect(lambda _=False, p=p: self.open_path(p))

    def dragEnterEvent(self, ev) -> None:
        """Accept dragged files."""
        if ev.mimeData().hasUrls():
            ev.acceptProposedAction()

    def dropEvent(self, ev) -> None:
        """Open the first dropped file."""
        urls = [u for u in ev.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.open_path(urls[0].toLocalFile())

    # -- model events --------------------------------------------------------------
    def _on_loaded(self, emb: Embeddings | None) -> None:
        if emb is None:
            self.status.setText("Nothing loaded")
            self.setWindowTitle("embviz")
            return
        src = emb.source
        secs = f" — loaded in {src.seconds:.2f} s" if src.seconds is not None else ""
        self.status.setText(f"{src.describe()} — {len(emb):,} words × {emb.dim} dims{secs}")
        name = src.label if src.path is None or src.label else Path(src.path).name
        self.setWindowTitle(f"embviz — {name}")

    def _select(self, word: str) -> None:
        self.workspace.select(word)

    # -- presentation ------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Enter or leave full screen (the projector mode)."""
        if self.fullscreen_action.isChecked() != on:
            self.fullscreen_action.setChecked(on)
            return
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def set_panels_visible(self, visible: bool) -> None:
        """Show or hide every docked panel at once."""
        if self.panels_action.isChecked() != visible:
            self.panels_action.setChecked(visible)
            return
        for dock in self.docks.values():
            dock.setVisible(visible)
        if visible:
            next(iter(self.docks.values())).raise_()

    def show_panel(self, name: str) -> QWidget | None:
        """Bring panel ``name`` to the front and focus its first control (returned).

        Hidden panels (Ctrl+P, or closed) come back first.
        """
        dock = self.docks[name]
        if not self.panels_action.isChecked():
            self.set_panels_visible(True)
        dock.show()
        dock.raise_()
        self._front_panel = name
        return focus_first_control(self.panels[name])

    def current_panel(self) -> str | None:
        """The panel holding the keyboard focus, else the one in front."""
        focus = QApplication.focusWidget()
        if focus is not None:
            for name, dock in self.docks.items():
                if dock.isAncestorOf(focus):
                    return name
        return self._front_panel

    def step_panel(self, step: int) -> None:
        """Show the next (``step=1``) or previous (``-1``) panel, in menu order."""
        names = list(self.docks)
        if not names:
            return
        current = self.current_panel()
        i = names.index(current) if current in names else -step
        self.show_panel(names[(i + step) % len(names)])

    def set_text_scale(self, scale: float) -> None:
        """Scale every font and the 3D labels (1.0 = normal; a projector wants 1.5-2.5).

        The application's font changes, so menus, dialogs, tool tips and tables
        grow with the panels. The docks keep their sizes (as far as their
        contents allow), so larger text never shrinks the 3D picture.
        """
        scale = min(max(scale, 0.5), 4.0)
        sizes = self._dock_sizes()
        self.text_scale = scale
        font = QFont(self._base_font)
        if font.pointSizeF() > 0:
            font.setPointSizeF(self._base_font.pointSizeF() * scale)
        else:
            font.setPixelSize(max(6, round(self._base_font.pixelSize() * scale)))
        QApplication.setFont(font)
        # A dock draws its title in the font Qt cached when it was made, unless the
        # dock's own font differs from the application's: give the docks the new
        # font, made different by a style hint that changes nothing on screen.
        dock_font = QFont(font)
        dock_font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        for dock in (*self.docks.values(), self.tour):
            dock.setFont(dock_font)
        # Qt hands the new font to the widgets in posted events: deliver them now
        QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
        self.workspace.set_label_scale(scale)  # the view and the slice panel follow
        self.settings.setValue("text_scale", scale)
        self._restore_dock_sizes(sizes)
        # the docks' contents lay out again in posted events: once more after them
        QTimer.singleShot(0, lambda: self._restore_dock_sizes(sizes))

    def _dock_sizes(self) -> list[tuple[QDockWidget, int, Qt.Orientation]]:
        """Each visible docked panel's width (side docks) or height (top and bottom)."""
        out = []
        for dock in (*self.docks.values(), self.tour):
            if not dock.isVisible() or dock.isFloating() or dock.visibleRegion().isEmpty():
                continue  # hidden, floating or a tab behind another: nothing to keep
            area = self.dockWidgetArea(dock)
            if area in (
                Qt.DockWidgetArea.LeftDockWidgetArea,
                Qt.DockWidgetArea.RightDockWidgetArea,
            ):
                out.append((dock, dock.width(), Qt.Orientation.Horizontal))
            else:
                out.append((dock, dock.height(), Qt.Orientation.Vertical))
        return out

    def _restore_dock_sizes(self, sizes) -> None:
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            docks = [(d, n) for d, n, o in sizes if o == orientation and d.isVisible()]
            if docks:
                self.resizeDocks([d for d, _ in docks], [n for _, n in docks], orientation)

    def set_theme(self, name: str) -> None:
        """Switch the whole window to the ``"dark"`` or ``"light"`` theme (remembered).

        Panels, menus, plots and the 3D views follow :mod:`embviz.gui.theme`'s
        one change signal.
        """
        if name not in theme.THEMES:
            name = "dark"  # e.g. a settings file from a newer version
        theme.apply(name, self)
        self.settings.setValue("theme", name)
        if self.light_action.isChecked() != (name == "light"):
            self.light_action.setChecked(name == "light")

    def keyPressEvent(self, ev) -> None:
        """Esc leaves presentation mode."""
        if ev.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.set_presentation(False)
            return
        super().keyPressEvent(ev)

    def _restore_settings(self) -> None:
        # Every value is checked: a damaged settings file gives the defaults, never
        # a window that cannot open (restoreGeometry/State refuse bytes that are
        # not theirs).
        geometry = self.settings.data("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.data("window_state")
        if state is not None and self.restoreState(state):
            self.tour.hide()  # the tour opens only when started, never empty from last time
        self.set_theme(self.settings.text("theme", "dark", tuple(theme.THEMES)))
        scale = self.settings.number("text_scale", 1.0, 0.5, 4.0)
        if scale != 1.0:
            self.set_text_scale(scale)

    def _confirm_discard_training(self) -> bool:
        """Ask before quitting with unsaved trained vectors; True means go on closing."""
        train = self.panels.get("train")
        if train is None or not train.has_unsaved():
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved trained vectors",
            "The vectors you trained are not saved. Save them before quitting?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return train.save_dialog()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, ev) -> None:
        """Ask about unsaved work, then stop background work so no thread outlives the window."""
        if not self._confirm_discard_training():
            ev.ignore()
            return
        # Work is cancelled, never waited for: a thread that takes a while to
        # notice ends on its own (embviz.gui.jobs keeps it until then).
        self.jobs.cancel_all()
        for panel in self.panels.values():
            panel.shutdown()
        self.settings.setValue("geometry", self.saveGeometry().data())
        self.settings.setValue("window_state", self.saveState().data())
        if self.text_scale != 1.0:  # the application's font outlives the window
            QApplication.setFont(self._base_font)
        super().closeEvent(ev)


# Keys a text field keeps even when the window has a shortcut on them: editing.
_EDITING_KEYS = (
    QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut, QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll, QKeySequence.StandardKey.DeleteEndOfLine,
    QKeySequence.StandardKey.DeleteStartOfWord, QKeySequence.StandardKey.DeleteEndOfWord,
    QKeySequence.StandardKey.MoveToNextWord, QKeySequence.StandardKey.MoveToPreviousWord,
    QKeySequence.StandardKey.SelectNextWord, QKeySequence.StandardKey.SelectPreviousWord,
)  # fmt: skip
_TEXT_FIELDS = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QComboBox)


class _WindowKeysOverTyping(QObject):
    """Let the window's Ctrl shortcuts work while the cursor is in a text field.

    A line edit claims some Ctrl keys for itself (on Linux Ctrl+E moves to the
    end of the line), so Ctrl+E (export) did nothing while typing. Every
    window shortcut with Ctrl wins over a text field, except the editing keys
    (copy, paste, undo, select all, ...), which the field keeps.
    """

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self._keys: set[str] | None = None

    def keys(self) -> set[str]:
        """The window's Ctrl shortcuts that are not editing keys, as portable strings."""
        if self._keys is None:
            editing = {k.toString() for std in _EDITING_KEYS for k in QKeySequence.keyBindings(std)}
            keys = set()
            for act in self.window.findChildren(QAction):
                for seq in act.shortcuts():
                    text = seq.toString()
                    if text.startswith("Ctrl+") and text not in editing:
                        keys.add(text)
            self._keys = keys
        return self._keys

    def eventFilter(self, obj, ev) -> bool:
        """Refuse a text field's claim on a window shortcut (the shortcut then fires)."""
        if ev.type() != QEvent.Type.ShortcutOverride or not isinstance(obj, _TEXT_FIELDS):
            return False
        if not self.window.isAncestorOf(obj):
            return False
        if QKeySequence(ev.keyCombination()).toString() in self.keys():
            ev.ignore()  # not the field's: the shortcut map goes on to the window's action
            return True
        return False


def focus_first_control(panel: QWidget) -> QWidget | None:
    """Give the keyboard focus to the first control of ``panel`` that takes Tab; return it.

    A tab bar (the Query / Evaluate tabs of a panel) and a scroll area are
    passed over for the first control inside: that is where typing is useful.
    """
    w = panel.nextInFocusChain()
    seen = 0
    while w is not None and w is not panel and seen < 10000:
        seen += 1
        takes_tab = w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
        target = w
        while target.focusProxy() is not None:  # a QTabWidget hands focus to its tab bar
            target = target.focusProxy()
        # tab bars and scroll areas take focus but are not where one types
        usable = w.isVisible() and w.isEnabled() and not isinstance(target, QTabBar | QScrollArea)
        if takes_tab and usable and panel.isAncestorOf(w):
            w.setFocus(Qt.FocusReason.TabFocusReason)
            return w
        w = w.nextInFocusChain()
    panel.setFocus(Qt.FocusReason.TabFocusReason)
    return None
