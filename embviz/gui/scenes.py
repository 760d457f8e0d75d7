"""Saved scenes in the window: save, open, and step through them during a lecture."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from embviz.core.errors import EmbvizError
from embviz.core.scene import Scene, load_scenes, save_scenes
from embviz.gui.camera import animate_camera, camera_state


class SceneController(QObject):
    """Keeps the scene list of a :class:`~embviz.gui.main_window.MainWindow`.

    Signals
    -------
    changed(int, int)
        The current scene index and the number of scenes.
    """

    changed = Signal(int, int)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.scenes: list[Scene] = []
        self.index = -1
        self.path: Path | None = None

    # -- capture / files ----------------------------------------------------------
    def capture(self, title: str = "") -> Scene:
        """The window's current scene."""
        w = self.window
        return Scene.from_workspace(w.workspace, camera=camera_state(w.view), title=title,
                                    text_scale=w.text_scale)  # fmt: skip

    def add_current(self, title: str = "") -> Scene:
        """Append the current view to the scene list (a bookmark)."""
        scene = self.capture(title or self.tr("Scene {n}").format(n=len(self.scenes) + 1))
        self.scenes.append(scene)
        self.index = len(self.scenes) - 1
        self.changed.emit(self.index, len(self.scenes))
        return scene

    def save(self, path: str | Path) -> None:
        """Write the scene list (or the current view if the list is empty)."""
        scenes = self.scenes or [self.capture()]
        save_scenes(path, scenes)
        self.path = Path(path)

    def open(self, path: str | Path) -> None:
        """Load a scene file and show its first scene."""
        self.scenes = load_scenes(path)
        self.path = Path(path)
        self.go(0)

    # -- stepping -----------------------------------------------------------------
    def go(self, index: int) -> None:
        """Show scene ``index`` (clamped to the list)."""
        if not self.scenes:
            return
        self.index = max(0, min(index, len(self.scenes) - 1))
        self.show(self.scenes[self.index])
        self.changed.emit(self.index, len(self.scenes))

    def next(self) -> None:
        """Show the next scene."""
        self.go(self.index + 1)

    def previous(self) -> None:
        """Show the previous scene."""
        self.go(self.index - 1)

    def show(self, scene: Scene) -> None:
        """Show ``scene``: load its file if another is open, then words, slice, camera."""
        w = self.window
        emb = w.workspace.embeddings
        src = emb.source if emb is not None else None
        current = (
            None if src is None or (src.label and "embedded default" in src.label) else src.path
        )
        if emb is None or scene.file != current:
            job = w.open_path(scene.file, scene.format)
            job.done.connect(lambda _emb: self._finish(scene))
        else:
            self._finish(scene)

    def _finish(self, scene: Scene) -> None:
        w = self.window
        try:
            scene.apply_to(w.workspace)
        except EmbvizError as e:
            QMessageBox.warning(
                w,
                self.tr("Scene"),
                self.tr("Scene “{title}”: {error}").format(title=scene.title, error=e),
            )
            return
        w.set_text_scale(scene.text_scale)
        if scene.camera:
            animate_camera(w.view, scene.camera)
        w.statusBar().showMessage(
            self.tr("Scene {n} of {total}: {title}").format(
                n=self.index + 1, total=len(self.scenes), title=scene.title
            )
            if self.scenes
            else scene.title,
            5000,
        )

    # -- dialogs ------------------------------------------------------------------
    def save_dialog(self) -> None:
        """Ask where to save the scenes."""
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save scenes"), "scenes.json",
                                              self.tr("embviz scenes (*.json)"))  # fmt: skip
        if path:
            try:
                self.save(path)
            except OSError as e:
                QMessageBox.warning(
                    self.window, self.tr("Save scenes"), f"{path}: {e.strerror or e}"
                )

    def open_dialog(self) -> None:
        """Ask for a scene file and show its first scene."""
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open scenes"), "",
                                              self.tr("embviz scenes (*.json);;All files (*)"))  # fmt: skip
        if path:
            try:
                self.open(path)
            except EmbvizError as e:
                QMessageBox.warning(self.window, self.tr("Open scenes"), str(e))

    def add_dialog(self) -> None:
        """Ask for a title and bookmark the current view."""
        title, ok = QInputDialog.getText(
            self.window, self.tr("Add scene"), self.tr("Title:"),
            text=self.tr("Scene {n}").format(n=len(self.scenes) + 1))  # fmt: skip
        if ok:
            self.add_current(title)
