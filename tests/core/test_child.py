"""The child-process side of a worker run, exercised in this process over a real pipe."""

from __future__ import annotations

import multiprocessing
import threading

import pytest

from embviz.core import child
from embviz.core.errors import Cancelled, EmbvizError, LoadError


def _items(n, progress):
    for i in range(n):
        progress.report(i / n, f"item {i}")
        yield {"i": i}


def _bad_file(progress):
    yield 1
    raise LoadError("/data/x.txt", "not a number: 'abc'", line=7)


def _bug(progress):
    yield 1
    return {}["missing"]


def _until_cancelled(event_seen, progress):
    yield 0
    event_seen.wait(5)
    progress.check()
    yield 1


def _messages(target, args, event=None):
    recv, send = multiprocessing.Pipe(duplex=False)
    child.run(send, event or threading.Event(), target, args)
    out = []
    while True:
        try:
            out.append(recv.recv())
        except EOFError:  # run() closed its end: everything was read
            return out


def test_items_and_progress_arrive_in_order_then_done():
    msgs = _messages(_items, (3,))
    assert msgs == [
        ("progress", 0.0, "item 0"), ("item", {"i": 0}),
        ("progress", 1 / 3, "item 1"), ("item", {"i": 1}),
        ("progress", 2 / 3, "item 2"), ("item", {"i": 2}),
        ("done",),
    ]  # fmt: skip


def test_a_user_error_keeps_its_whole_message():
    msgs = _messages(_bad_file, ())
    assert msgs[0] == ("item", 1)
    kind, message = msgs[-1][1:3]
    assert kind == "embviz" and message == "/data/x.txt, line 7: not a number: 'abc'"
    err = child.rebuild_error(*msgs[-1][1:])
    assert isinstance(err, EmbvizError) and str(err) == message


def test_a_bug_carries_its_traceback():
    kind, message, details = _messages(_bug, ())[-1][1:]
    assert kind == "bug" and message == "KeyError: 'missing'"
    assert "Traceback" in details and "_bug" in details
    err = child.rebuild_error(kind, message, details)
    assert isinstance(err, child.ChildProcessFailed) and err.details == details


def test_cancel_through_the_shared_event():
    event = threading.Event()
    event.set()
    seen = threading.Event()
    seen.set()
    msgs = _messages(_until_cancelled, (seen,), event)
    assert msgs == [("item", 0), ("failed", "cancelled", "cancelled", "")]
    assert isinstance(child.rebuild_error(*msgs[-1][1:]), Cancelled)


def test_progress_cancels_through_a_flag_shared_with_a_process():
    from embviz.core.progress import Progress

    ctx = multiprocessing.get_context("spawn")
    flag = child.SharedFlag(ctx)
    p = Progress(event=flag)
    p.check()
    proc = ctx.Process(target=flag.set)  # raised by another process
    proc.start()
    proc.join(30)
    assert proc.exitcode == 0 and p.cancelled
    with pytest.raises(Cancelled):
        p.check()
