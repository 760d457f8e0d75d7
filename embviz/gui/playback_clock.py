"""The frame clock of a :class:`~embviz.core.playback.Playback`: it moves with real time.

The Train panel plays snapshots and the Context panel layers the same way: a
timer ticks ~30 times a second and advances the playback by the wall time since
the last tick (a late tick moves further, so the speed does not depend on the
machine's load); the views redraw when the playback's position changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from embviz.core.playback import Playback

FPS = 30


class PlaybackClock(QObject):
    """Advance ``playback`` by the elapsed wall time, ``fps`` times a second.

    Parameters
    ----------
    playback
        The playback to move.
    fps
        Ticks per second.
    before_tick
        Called at each tick before the playback moves (e.g. catch up with new snapshots).
    parent
        The owner (the timer stops with it).
    """

    def __init__(self, playback: Playback, fps: int = FPS,
                 before_tick: Callable[[], None] | None = None,
                 parent: QObject | None = None):  # fmt: skip
        super().__init__(parent)
        self.playback = playback
        self._before_tick = before_tick
        self._last_tick = time.perf_counter()
        self.timer = QTimer(self)
        self.timer.setInterval(1000 // fps)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        if self._before_tick is not None:
            self._before_tick()
        now = time.perf_counter()
        dt, self._last_tick = now - self._last_tick, now
        self.playback.tick(dt)

    def pause(self) -> None:
        """Stop moving (a paused playback stays paused)."""
        if self.playback.playing:
            self.playback.toggle()
