"""Camera state of the 3D view as plain data, and smooth moves between states."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QVariantAnimation
from PySide6.QtGui import QVector3D

KEYS = ("distance", "elevation", "azimuth", "fov")


def camera_state(view) -> dict:
    """The view's camera as a JSON-friendly dict."""
    c = view.opts["center"]
    state = {k: float(view.opts[k]) for k in KEYS}
    state["center"] = [float(c.x()), float(c.y()), float(c.z())]
    return state


def set_camera(view, state: dict) -> None:
    """Put the camera where ``state`` says (missing keys are left as they are)."""
    for k in KEYS:
        if k in state:
            view.opts[k] = float(state[k])
    if "center" in state:
        view.opts["center"] = QVector3D(*map(float, state["center"]))
    view.update()


def animate_camera(view, target: dict, ms: int = 800) -> QVariantAnimation:
    """Move the camera smoothly to ``target``; returns the running animation.

    The azimuth turns the short way round, so a move from 350° to 10° is 20°.
    """
    start = camera_state(view)
    end = {**start, **{k: v for k, v in target.items() if k in (*KEYS, "center")}}
    turn = (end["azimuth"] - start["azimuth"] + 180.0) % 360.0 - 180.0
    end["azimuth"] = start["azimuth"] + turn
    anim = QVariantAnimation(view)
    anim.setStartValue(0.0)
    anim.setEndValue(1.0)
    anim.setDuration(ms)
    anim.setEasingCurve(QEasingCurve.Type.InOutCubic)

    def step(t):
        t = float(t)
        mix = {k: start[k] + (end[k] - start[k]) * t for k in KEYS}
        mix["center"] = [
            a + (b - a) * t for a, b in zip(start["center"], end["center"], strict=True)
        ]
        set_camera(view, mix)

    anim.valueChanged.connect(step)
    anim.start(QVariantAnimation.DeletionPolicy.DeleteWhenStopped)
    return anim
