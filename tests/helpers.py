"""Helpers for tests (import as ``from tests.helpers import ...``)."""

from __future__ import annotations

import threading
from pathlib import Path


def gensim_data(name: str) -> Path:
    """Path of a file in gensim's shipped test data."""
    from gensim.test.utils import datapath

    return Path(datapath(name))


def run_cli(*args: str):
    """``python -m embviz *args`` in a child process, its output captured as text."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "embviz", *args], capture_output=True, text=True, timeout=120
    )


def start_job(work, progress) -> tuple[threading.Thread, dict]:
    """Run ``work(progress)`` on a started thread; the dict gets its outcome.

    ``{"result": ...}``, ``{"cancelled": True}`` or ``{"error": exception}``,
    once the thread has ended.
    """
    from embviz.core.errors import Cancelled

    outcome: dict = {}

    def target():
        try:
            outcome["result"] = work(progress)
        except Cancelled:
            outcome["cancelled"] = True
        except BaseException as e:  # for the test's assertion on the outcome
            outcome["error"] = e

    t = threading.Thread(target=target)
    t.start()
    return t, outcome


def tiny_corpus(path: Path, lines: int = 400, seed: int = 0) -> Path:
    """A small templated corpus: a few hundred short sentences."""
    import random

    r = random.Random(seed)
    pairs = [("king", "queen"), ("man", "woman"), ("boy", "girl")]
    animals = ["cat", "dog", "fox", "bird"]
    out = []
    for _ in range(lines):
        m, f = r.choice(pairs)
        a = r.choice(animals)
        out.append(r.choice([f"the {m} said he would come", f"the {f} said she would come",
                             f"a {a} sleeps in the house", f"many {a}s sleep in the house"]))  # fmt: skip
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def raw_chinese(path: Path, lines: int = 1500) -> Path:
    """The first lines of the shipped Chinese corpus, without its dictionary: jieba's own words."""
    from embviz.core.corpus import shipped_corpus_path

    text = shipped_corpus_path("zh").read_text(encoding="utf-8").splitlines()[:lines]
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return path


def bert_like(n: int = 512, d: int = 384, seed: int = 0):
    """A learned-looking position matrix: small smooth values, one huge entry.

    Like BERT's (|x| < 0.065 for 99 % of entries, one entry of 1.87): rows drift
    slowly with the position, so nearby positions are alike.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    walk = np.cumsum(rng.normal(0, 0.004, (n, d)), axis=0)
    m = (walk - walk.mean(axis=0)) + rng.normal(0, 0.01, (n, d))
    m *= 0.022 / m.std()
    m[0, 7] = 1.87
    return m.astype(np.float32)


# A word the tiny fastText model of the ``ft_path`` fixture never saw.
FASTTEXT_OOV = "governmentally"

# Longest acceptable time from Cancel to the work's end, in seconds.
CANCEL_LIMIT = 1.0


def cancel_while_running(work, *, after: float = 0.3):
    """Run ``work(progress)`` on a thread, cancel after ``after`` s; return (latency, outcome)."""
    import time

    from embviz.core.progress import Progress

    progress = Progress()
    t, outcome = start_job(work, progress)
    time.sleep(after)
    assert t.is_alive(), "the job finished before it could be cancelled: make it bigger"
    t0 = time.perf_counter()
    progress.cancel()
    t.join(timeout=10)
    latency = time.perf_counter() - t0
    assert not t.is_alive()
    return latency, outcome


# -- GUI ---------------------------------------------------------------------------------
# (Qt is imported inside the functions: the core tests use this module without it.)


def framebuffer(view):
    """A GL widget's pixels, rendered now, as an (h, w, 3) int array."""
    import numpy as np
    from PySide6.QtGui import QImage

    img = view.grabFramebuffer().convertToFormat(QImage.Format.Format_RGB888)
    arr = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
    rows = arr.reshape(img.height(), img.bytesPerLine())[:, : img.width() * 3]
    return rows.reshape(img.height(), img.width(), 3).astype(int)


def visible_rect(w):
    """The part of widget ``w`` (in its own coordinates) not cut off by any ancestor."""
    from PySide6.QtCore import QRect

    r = w.rect()
    p = w
    offset = w.mapTo(w.window(), w.rect().topLeft())
    r = QRect(offset, r.size())
    while p is not None and not p.isWindow():
        p = p.parentWidget()
        if p is None:
            break
        pr = QRect(p.mapTo(p.window(), p.rect().topLeft()), p.size())
        r = r.intersected(pr)
    return r.translated(-offset)


def fully_visible(w) -> bool:
    """Whether widget ``w`` is shown and no ancestor cuts any of it off."""
    return w.isVisible() and visible_rect(w) == w.rect()


def deliver_posted_events(qtbot, rounds: int = 3) -> None:
    """Let the event loop deliver what is queued now, and what that queues, ``rounds`` deep.

    For "let the layout settle": a resize or a new font lays widgets out again
    in posted events, and the main window restores its docks' sizes in a
    zero-delay timer. Not a pause of some milliseconds: each round queues a
    marker behind everything already queued and waits until the loop has
    reached it, however slow the machine is.
    """
    from PySide6.QtCore import QTimer

    for _ in range(rounds):
        reached: list[bool] = []
        QTimer.singleShot(0, lambda reached=reached: reached.append(True))
        qtbot.waitUntil(lambda reached=reached: bool(reached), timeout=30_000)


def camera_still(view) -> bool:
    """Whether a GL view's camera has finished flying to a point."""
    return view._fly.state() != view._fly.State.Running


def view_at_rest(view) -> bool:
    """Whether a scene view's points have stopped moving and its camera flying."""
    return not view.is_animating() and camera_still(view)


def wait_job_ended(qtbot, job, timeout: int = 30_000) -> None:
    """Wait until a :class:`embviz.gui.jobs.Job` has ended and said all it will say.

    ``is_running()`` turns false when the worker thread ends, before its queued
    ``done``/``error`` reach the main thread; ``ended`` comes after them.
    """
    qtbot.waitUntil(lambda: job._ended, timeout=timeout)


def assert_moves_from_old_to_new(view, qtbot, change) -> None:
    """``change()`` moves a scene view's points from where they were to their new places, animated.

    The animation's clock is set to half-way rather than waited for: a stall of
    the machine longer than the animation (Xvfb under load) lets Qt jump
    straight to the end, and no timed wait could see the middle.
    """
    import numpy as np

    before = view.displayed_positions().copy()
    change()
    target = view._pos.copy()
    assert view.is_animating()
    assert not np.allclose(target, before), "nothing to move: not a test of the animation"
    assert np.allclose(view.displayed_positions(), before), "the move starts where they were"
    anim = view._anim
    anim.pause()
    anim.setCurrentTime(anim.duration() // 2)
    mid = view.displayed_positions()
    assert not np.allclose(mid, before) and not np.allclose(mid, target)
    # half-way means between the two, each point on its straight way
    t = anim.currentValue()
    assert 0 < t < 1 and np.allclose(mid, before + (target - before) * t, atol=1e-4)
    anim.resume()
    qtbot.waitUntil(lambda: not view.is_animating(), timeout=30_000)
    assert np.allclose(view.displayed_positions(), target)
