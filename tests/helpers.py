"""Helpers for tests (import as ``from tests.helpers import ...``)."""

from __future__ import annotations

import threading
from pathlib import Path


def gensim_data(name: str) -> Path:
    """Path of a file in gensim's shipped test data."""
    from gensim.test.utils import datapath

    return Path(datapath(name))


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
