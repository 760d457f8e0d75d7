"""Export the Context panel's layers as an animation (GIF/MP4) or one frame as PNG.

The animation is the Train panel's machinery
(:class:`~embviz.gui.training.export.AnimationExport`: one frame drawn per turn of the
event loop, Cancel between frames, the GIF encoded off the GUI thread) fed with a
:class:`LayerAnimation`: the frame's coordinates of every layer, played from
``static`` to the last layer and interpolated in between as in playback, drawn by an
offscreen :class:`~embviz.gui.context.view.ContextView`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from embviz.core.frames import frame_count, playback_times
from embviz.core.playback import playback_seconds
from embviz.gui.context.view import ContextView


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
    view = ContextView.offscreen(size, scale, camera)
    try:
        view.set_result(anim.coords, anim.labels, anim.sentence_of, anim.special)
        view.set_selected(anim.selected)
        for t in times:
            view.show_layer(t, anim.captions[min(round(t), len(anim.captions) - 1)])
            yield view.grabFramebuffer()
    finally:
        view.close()
        view.deleteLater()
