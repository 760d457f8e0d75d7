"""Playback of a growing sequence of snapshots: position, speed, play/pause (no Qt).

A view drives :meth:`Playback.tick` from its frame timer and redraws when
:attr:`Playback.time_changed` fires; its buttons and slider call
:meth:`~Playback.toggle`, :meth:`~Playback.step` and :meth:`~Playback.scrub`.
The position ``t`` is fractional: between two snapshots the view
interpolates (:func:`embviz.core.frames.interpolate`). While :attr:`live`
(more snapshots are coming), playback waits at the newest one instead of
stopping, and follows a run that outpaces it.
"""

from __future__ import annotations

from psygnal import Signal

DEFAULT_SPEED = 2.0
"""Snapshots per second: the Train panel's playback and the default animation length."""
# A frame that came late (a busy machine) moves at most this far, not in one jump.
MAX_STEP_SECONDS = 0.2


def playback_seconds(n_snapshots: int, speed: float = DEFAULT_SPEED) -> float:
    """How long playing ``n_snapshots`` from the first to the last takes (at least 1 s)."""
    return max(1.0, (n_snapshots - 1) / speed)


class Playback:
    """Where playback is among ``length`` snapshots, and whether it moves.

    Signals
    -------
    time_changed(float)
        The position ``t`` changed.
    playing_changed(bool)
        Play or pause.
    """

    time_changed = Signal(float)
    playing_changed = Signal(bool)

    def __init__(self, speed: float = DEFAULT_SPEED) -> None:
        self.t = 0.0
        self.speed = speed
        self.playing = True
        self.length = 0
        self.live = False  # more snapshots are coming (a run in progress)
        self._caught_up = 0  # the length at the last catch_up()

    def reset(self) -> None:
        """Back to the start of an empty sequence, playing (a new run)."""
        self.length = self._caught_up = 0
        self._set_t(0.0)
        self._set_playing(True)

    def catch_up(self) -> None:
        """Follow a run that outpaces playback (call when the view shows the new snapshots).

        If playback was playing at the end of what the previous call saw, it
        skips to the step before the newest snapshot: behind a fast run it
        animates only the newest step.
        """
        n = self.length
        follow = self.playing and self.t >= self._caught_up - 1 - 1e-6
        if follow and n > 1 and self.t < n - 2:
            self._set_t(n - 2.0)
        self._caught_up = n

    def tick(self, dt: float) -> None:
        """Advance by ``dt`` seconds of wall time if playing; pause at the end of a finished run."""
        if not self.playing or self.length == 0:
            return
        end = self.length - 1.0
        if self.t < end:
            self._set_t(min(end, self.t + self.speed * min(dt, MAX_STEP_SECONDS)))
        elif not self.live:
            self._set_playing(False)

    def toggle(self) -> None:
        """Play or pause; playing again at the end of a finished run replays from the start."""
        self._set_playing(not self.playing)
        if self.playing and self.t >= self.length - 1 and not self.live:
            self._set_t(0.0)

    def step(self, delta: int) -> None:
        """Pause and move ``delta`` whole snapshots."""
        self.scrub(round(self.t) + delta)

    def scrub(self, t: float) -> None:
        """Pause and show position ``t`` (the user took the slider)."""
        self._set_playing(False)
        self.seek(t)

    def seek(self, t: float) -> None:
        """Show position ``t``, clamped to the snapshots there are (none: nothing happens)."""
        if self.length:
            self._set_t(min(max(float(t), 0.0), self.length - 1.0))

    @property
    def index(self) -> int:
        """The nearest whole snapshot."""
        return round(self.t)

    def seconds(self) -> float:
        """How long playing the whole sequence takes at this speed."""
        return playback_seconds(self.length, self.speed)

    def _set_t(self, t: float) -> None:
        if t != self.t:
            self.t = t
            self.time_changed.emit(t)

    def _set_playing(self, playing: bool) -> None:
        if playing != self.playing:
            self.playing = playing
            self.playing_changed.emit(playing)
