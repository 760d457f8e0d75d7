"""The Train panel's playback on screen: view, timeline and curves at the playback's position.

A fast run on a small corpus yields hundreds of snapshots a second: the panel
only marks the player :attr:`~FramePlayer.dirty` for each one, and the player
has the panel bring its plots up to date once at the next tick.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject

from embviz.core.frames import interpolate
from embviz.core.playback import Playback
from embviz.core.training import epoch_at
from embviz.core.training_session import TrainingSession
from embviz.gui.playback_clock import FPS, PlaybackClock
from embviz.gui.training.parts import Timeline, TrainingCurves
from embviz.gui.training.view import TrainingView

# Moving a curve's cursor repaints a whole plot: a few times a second is enough.
CURSOR_SECONDS = 0.25


class FramePlayer(QObject):
    """Play ``session``'s snapshots: the clock moves ``playback``, each new position is drawn.

    Parameters
    ----------
    session, playback
        What is played, and where playback is.
    view, timeline, curves
        Where it is drawn.
    refresh
        Brings everything up to date with new snapshots; called at a tick when
        :attr:`dirty` (it resets the flag and draws with :meth:`render`).
    parent
        The owner (the panel).
    """

    def __init__(self, session: TrainingSession, playback: Playback, view: TrainingView,
                 timeline: Timeline, curves: TrainingCurves, refresh: Callable[[], None],
                 parent: QObject | None = None, fps: int = FPS):  # fmt: skip
        super().__init__(parent)
        self.session, self.playback = session, playback
        self.view, self.timeline, self.curves = view, timeline, curves
        self.dirty = False
        self._refresh = refresh
        self._shown_t: float | None = None
        self._cursor_i, self._cursor_at = -1, 0.0
        self.clock = PlaybackClock(playback, fps, self._catch_up, self)
        playback.time_changed.connect(lambda _t: self.render())

    def _catch_up(self) -> None:
        if self.dirty:
            self._refresh()

    def forget(self) -> None:
        """Draw the next position even if it is the one on show (a new run)."""
        self._shown_t = None

    def render(self, force: bool = False) -> None:
        """Draw the playback's position (only if it moved, unless ``force``)."""
        session, t = self.session, self.playback.t
        if not session.coords or (not force and self._shown_t == t):
            return
        self._shown_t = t
        i = min(round(t), len(session.snapshots) - 1)
        epoch = epoch_at(session.snapshots, t)
        self.view.set_frame(interpolate(session.coords, t), session.axis_labels,
                            session.caption(t))  # fmt: skip
        self.timeline.show_position(i, epoch)
        now = time.perf_counter()
        if force or i != self._cursor_i or now - self._cursor_at > CURSOR_SECONDS:
            self._cursor_i, self._cursor_at = i, now
            self.curves.set_time(epoch, i)
