"""The main window: the central 3D view, docked panels, menus, status bar.

Each concern lives in its own module; the window puts them together:
docks (:mod:`embviz.gui.docks`), menus (:mod:`embviz.gui.menus`), opening
files (:mod:`embviz.gui.opening`), text scale (:mod:`embviz.gui.text_scale`),
keys over text fields (:mod:`embviz.gui.keys`) and what is remembered between
runs (:mod:`embviz.gui.window_state`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from embviz.core.workspace import Workspace
from embviz.gui import theme
from embviz.gui.docks import DockManager
from embviz.gui.jobs import Job, JobManager
from embviz.gui.keys import WindowKeysOverTyping
from embviz.gui.menus import build_menus
from embviz.gui.opening import FileOpener
from embviz.gui.scenes import SceneController
from embviz.gui.settings import Settings, sanitize_qt_settings
from embviz.gui.text_scale import apply_text_scale, base_font
from embviz.gui.tour import TourDock
from embviz.gui.view3d import SceneView
from embviz.gui.window_state import restore_window, save_window


class MainWindow(QMainWindow):
    """The embviz window around one :class:`Workspace`."""

    def __init__(self, workspace: Workspace | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace or Workspace()
        self.settings = Settings()  # plain values only: QSettings would unpickle
        sanitize_qt_settings()  # Qt's file dialog reads QtProject.conf with QSettings
        self.jobs = JobManager(self)
        self.setWindowTitle("embviz")
        self.view = SceneView(self.workspace, self)
        self.setCentralWidget(self.view)
        self.view.wordClicked.connect(lambda word: self.workspace.select(word))
        self.dock_manager = DockManager(self)
        self.panels = self.dock_manager.panels
        self.docks = self.dock_manager.docks
        self.scenes = SceneController(self)
        self._add_tour()
        self.opener = FileOpener(self)
        build_menus(self)
        self.status = QLabel(self.tr("Nothing loaded"))
        # a normal (not permanent) widget: a message such as "Saved …" replaces it
        # for a while instead of being squeezed to nothing beside it
        self.statusBar().addWidget(self.status, 1)
        self.text_scale = 1.0
        self._base_font = base_font()  # the font at text scale 1.0
        self._keys_over_typing = WindowKeysOverTyping(self)
        QApplication.instance().installEventFilter(self._keys_over_typing)
        self.resize(1280, 800)
        restore_window(self)

    def _add_tour(self) -> None:
        self.tour = TourDock(self)
        # The tour sits under the 3D view, not under the panels: the panel it
        # explains keeps its full height.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.tour)
        self.tour.hide()

    # -- opening files -------------------------------------------------------------
    def open_path(self, path: str | None, fmt: str | None = None, **options) -> Job:
        """Load ``path`` (``None`` = embedded default) in the background.

        The previously open data stays on screen until the new data has
        loaded; a failed or cancelled load leaves it there. ``options`` go to
        :func:`embviz.load` (e.g. ``trust=True`` after the user confirmed).
        """
        return self.opener.open_path(path, fmt, **options)

    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        return self.opener.recent_files()

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
        self.dock_manager.set_visible(visible)

    def show_panel(self, name: str) -> QWidget | None:
        """Bring panel ``name`` to the front and focus its first control (returned).

        Hidden panels (Ctrl+P, or closed) come back first.
        """
        if not self.panels_action.isChecked():
            self.set_panels_visible(True)
        return self.dock_manager.show(name)

    def set_text_scale(self, scale: float) -> None:
        """Scale every font and the 3D labels (1.0 = normal; a projector wants 1.5-2.5).

        The application's font changes, so menus, dialogs, tool tips and tables
        grow with the panels. The docks keep their sizes (as far as their
        contents allow), so larger text never shrinks the 3D picture.
        """
        scale = min(max(scale, 0.5), 4.0)
        self.text_scale = scale
        apply_text_scale(self, scale)

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

    # -- closing -------------------------------------------------------------------
    def _confirm_discard_training(self) -> bool:
        """Ask before quitting with unsaved trained vectors; True means go on closing."""
        train = self.panels.get("train")
        if train is None or not train.has_unsaved():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved trained vectors"),
            self.tr("The vectors you trained are not saved. Save them before quitting?"),
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
        save_window(self)
        if self.text_scale != 1.0:  # the application's font outlives the window
            QApplication.setFont(self._base_font)
        super().closeEvent(ev)
