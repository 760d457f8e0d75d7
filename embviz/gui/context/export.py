"""Export the Context panel's layers as an animation (GIF/MP4) or one frame as PNG.

The animation is the Train panel's machinery
(:class:`~embviz.gui.training.export.AnimationExport`: one frame drawn per turn of the
event loop, Cancel between frames, the GIF encoded off the GUI thread) fed with a
:class:`LayerAnimation`: the frame's coordinates of every layer, played from
``static`` to the last layer and interpolated in between as in playback, drawn by an
offscreen :class:`~embviz.gui.context.view.ContextView`. :class:`ContextExports`
asks where, starts it and reports; it also saves the picture as a PNG.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from embviz.core.context import ContextPanelModel
from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.frames import frame_count, playback_times
from embviz.core.playback import playback_seconds
from embviz.gui.context.captions import caption
from embviz.gui.context.view import ContextView
from embviz.gui.glview import offscreen_view


@dataclass(frozen=True)
class LayerAnimation:
    """What an exported animation shows: a run's layers, labels, followed tokens.

    Attributes
    ----------
    coords
        ``(layers, tokens, 3)`` in the run's one frame.
    labels, sentence_of, special
        Per token, as the view takes them.
    selected
        The followed tokens (their trails are drawn).
    captions
        A caption per layer (the frame shows the nearest layer's).
    """

    coords: np.ndarray
    labels: tuple[str, ...]
    sentence_of: np.ndarray
    special: np.ndarray
    selected: tuple[int, ...]
    captions: tuple[str, ...]

    def times(self, fps: float, seconds: float) -> np.ndarray:
        """Layer positions ``t`` of the frames of a ``seconds`` long animation at ``fps``."""
        return playback_times(len(self.coords), frame_count(fps, seconds))

    def playback_seconds(self, speed: float) -> float:
        """How long the panel's playback from ``static`` to the last layer takes."""
        return playback_seconds(len(self.coords), speed)


def render_layers(anim: LayerAnimation, times: Sequence[float], size: tuple[int, int], *,
                  scale: float = 1.0, camera: dict | None = None) -> Iterator:  # fmt: skip
    """Yield one QImage per layer position in ``times``, drawn as the panel draws.

    The offscreen view is deleted when the generator ends or is closed.
    """
    from embviz.gui.render import application

    application()  # the command line has none yet
    view = offscreen_view(ContextView, size, scale, camera)
    try:
        view.set_result(anim.coords, anim.labels, anim.sentence_of, anim.special)
        view.set_selected(anim.selected)
        for t in times:
            view.show_layer(t, anim.captions[min(round(t), len(anim.captions) - 1)])
            yield view.grabFramebuffer()
    finally:
        view.close()
        view.deleteLater()


GIF_SIZE = (960, 600)
PNG_SIZE = (1600, 1000)
GIF_FPS = 15.0


class ContextExports(QObject):
    """The Context panel's GIF of the layers and PNG of the picture, one export at a time.

    Signals
    -------
    status(str)
        A message for the status line (started, saved, cancelled).
    error(str)
        A one-line error for the status line.
    """

    status = Signal(str)
    error = Signal(str)

    def __init__(self, model: ContextPanelModel, view: ContextView, speed: float,
                 text_scale: Callable[[], float], parent: QWidget):  # fmt: skip
        super().__init__(parent)
        self.model, self.view, self.speed = model, view, speed
        self._text_scale = text_scale
        self.current = None

    def animation(self) -> LayerAnimation:
        """The run as the export draws it: every layer, the followed tokens, the captions."""
        r = self.model.result
        if r is None:
            raise EmbvizError(self.tr("nothing to export yet: press Run first"))
        s, sel = r.states, self.model.selected
        return LayerAnimation(r.frame.coords, tuple(r.label(t) for t in range(len(s.tokens))),
                              s.sentence_of, s.special, sel,
                              tuple(caption(r, sel, i) for i in range(len(s.layer_names))))  # fmt: skip

    def is_running(self) -> bool:
        """Whether a GIF is being drawn or written."""
        return self.current is not None and self.current.is_running()

    def gif(self, path: str | None = None, *, show_dialog: bool = True):
        """Write the layers as an animated GIF (asks where without ``path``); returns the export."""
        from embviz.gui.training.export import AnimationExport, export_scale

        try:
            anim = self.animation()
        except EmbvizError as e:
            self.error.emit(str(e))
            return None
        path = path or self._ask(self.tr("Export the layers as a GIF"), "embviz-context.gif",
                                 self.tr("Animated GIF (*.gif)"))  # fmt: skip
        if not path:
            return None
        export = AnimationExport(anim, path, fps=GIF_FPS, seconds=anim.playback_seconds(self.speed),
                                 size=GIF_SIZE, scale=export_scale(GIF_SIZE[0], self._text_scale()),
                                 camera=self.view.camera(), parent=self.parent(),
                                 show_dialog=show_dialog, render=render_layers)  # fmt: skip
        export.finished.connect(
            lambda p: self.status.emit(self.tr("Saved the animation to {path}").format(path=p))
        )
        export.failed.connect(self._failed)
        try:
            export.start()
        except EmbvizError as e:
            self.error.emit(str(e))
            return None
        self.current = export
        self.status.emit(self.tr("Exporting {n} frames to {name}…").format(
            n=export.frames, name=Path(path).name))  # fmt: skip
        return export

    def png(self, path: str | None = None) -> str | None:
        """Save the picture as it is now as a PNG (asks where without ``path``); returns the path."""
        path = path or self._ask(self.tr("Save the picture"), "embviz-context.png",
                                 self.tr("PNG image (*.png)"))  # fmt: skip
        if not path:
            return None
        if not self.view.render_at(*PNG_SIZE).save(str(path)):
            self.error.emit(self.tr("Could not write {path}").format(path=path))
            return None
        self.status.emit(self.tr("Saved the picture to {path}").format(path=path))
        return str(path)

    def shutdown(self) -> None:
        """Cancel a running export without waiting (its thread ends on its own)."""
        if self.is_running():
            self.current.cancel()

    def _ask(self, title: str, name: str, filters: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        from embviz.gui.export_menu import export_dir, remember_export

        window = self.parent().window()
        path, _ = QFileDialog.getSaveFileName(self.parent(), title, str(export_dir(window) / name),
                                              filters)  # fmt: skip
        if not path:
            return None
        remember_export(window, path)
        return path if Path(path).suffix else path + Path(name).suffix

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.status.emit(self.tr("Export cancelled; no file written"))
        else:
            self.error.emit(str(error))
