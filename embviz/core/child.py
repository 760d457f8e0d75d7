"""Run a generator in a child process and send what it yields down a pipe.

The Train panel trains in a process of its own: gensim's threads hold and
hand over the GIL thousands of times a second, and a GUI thread competing
with them for it stalled the window for 40–100 ms at a time. This module is
the child's side (no Qt); ``embviz.gui.training.worker`` is the parent's.

Messages, in order: any number of ``("progress", fraction, message)`` and
``("item", item)``, then one ``("done",)`` or ``("failed", kind, message,
details)`` where ``kind`` is ``"cancelled"``, ``"embviz"`` (an
:class:`EmbvizError`: bad input, its message is for the user) or ``"bug"``
(anything else; ``details`` holds the traceback).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator

from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.progress import Progress


class SharedFlag:
    """A cancel flag in shared memory that any process can set and read, without a lock.

    A ``multiprocessing.Event`` takes a lock shared by both processes even to
    read it: a child killed while checking it (out of memory, say) left the
    lock taken, and the GUI froze on its next look at the flag.

    Parameters
    ----------
    ctx
        The ``multiprocessing`` context the child is started with.
    """

    def __init__(self, ctx) -> None:
        self._value = ctx.RawValue("b", 0)

    def set(self) -> None:
        """Raise the flag."""
        self._value.value = 1

    def is_set(self) -> bool:
        """Whether the flag was raised."""
        return bool(self._value.value)


def run(conn, event, target: Callable[..., Iterator], args: tuple) -> None:
    """The child process' main: iterate ``target(*args, progress)`` and report over ``conn``.

    Parameters
    ----------
    conn
        The child's end of a ``multiprocessing.Pipe``.
    event
        A :class:`SharedFlag`: the parent sets it to cancel.
    target, args
        A module-level generator function (it must be importable in a new
        process) and its arguments; it receives a :class:`Progress` last.
    """
    progress = Progress(lambda f, m: conn.send(("progress", f, m)), event=event)
    try:
        for item in target(*args, progress):
            conn.send(("item", item))
        conn.send(("done",))
    except Cancelled:
        conn.send(("failed", "cancelled", "cancelled", ""))
    except EmbvizError as e:
        conn.send(("failed", "embviz", str(e), ""))
    except BaseException as e:  # a bug: the parent logs the traceback
        conn.send(("failed", "bug", f"{type(e).__name__}: {e}", traceback.format_exc()))
    finally:
        conn.close()


def rebuild_error(kind: str, message: str, details: str) -> BaseException:
    """The parent's copy of an error reported by :func:`run`.

    Exceptions are sent as text: an exception class whose constructor takes
    other arguments than its message (such as :class:`LoadError`) cannot be
    unpickled, and the parent only needs the message anyway.
    """
    if kind == "cancelled":
        return Cancelled()
    if kind == "embviz":
        return EmbvizError(message)
    return ChildProcessFailed(message, details)


class ChildProcessFailed(RuntimeError):
    """A bug in the child process; ``details`` is its traceback."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details
