import threading
from unittest.mock import Mock

import numpy as np
import pytest

from embviz.core import Cancelled, Embeddings, EmbvizError, Progress, UnknownWordError
from embviz.core.compare_model import CompareModel, CompareSettings, run_comparison
from tests.helpers import start_job


@pytest.fixture(scope="module")
def spaces(default_embeddings):
    """3,000 GloVe words and a rotated, noisy, shuffled copy of 2,700 of them."""
    a = default_embeddings.subset(range(3000))
    rng = np.random.default_rng(4)
    q, _ = np.linalg.qr(rng.normal(size=(50, 50)))
    keep = rng.permutation(3000)[:2700]
    v = a.vectors[keep] @ q.astype(np.float32)
    v += 0.2 * rng.standard_normal(v.shape, dtype=np.float32)
    return a, Embeddings([a.words[i] for i in keep], v)


def listen(model):
    events = Mock()
    for name in ("settings_changed", "started", "result_changed", "failed",
                 "selection_changed", "slice_changed"):  # fmt: skip
        getattr(model, name).connect(getattr(events, name))
    return events


def paused_progress():
    """A Progress whose first report waits until the test says go (no race with cancel)."""
    reported, go = threading.Event(), threading.Event()

    def on_report(fraction, message):
        reported.set()
        go.wait(30)

    return Progress(on_report), reported, go


def run_now(model):
    token, work = model.start()
    return token, work()


def test_a_run_fills_the_table_and_the_slice(spaces):
    a, b = spaces
    model = CompareModel(a, CompareSettings(top=5, k=5, anchors=1000))
    model.set_b(b, "rotated copy")
    events = listen(model)
    token, result = run_now(model)
    assert model.running
    assert model.finish(token, result)
    assert not model.running
    events.started.assert_called_once_with(token)
    events.result_changed.assert_called_once_with(result)
    assert [m.cosine for m in result.most] == sorted(m.cosine for m in result.most)
    assert [m.cosine for m in result.least] == sorted(
        (m.cosine for m in result.least), reverse=True
    )
    assert result.most[0].cosine <= result.least[0].cosine
    s = events.slice_changed.call_args.args[0]
    assert s.words == tuple(m.word for m in (*result.most, *result.least))
    assert s.a.shape == s.b.shape == (10, 3)
    # The least moved words are drawn closer to their B point than the most moved.
    gap = np.linalg.norm(s.a - s.b, axis=1)
    assert gap[5:].mean() < gap[:5].mean()


def test_selecting_a_word_gives_neighbours_side_by_side(spaces):
    a, b = spaces
    model = CompareModel(a, CompareSettings(top=3, k=6))
    model.set_b(b)
    model.finish(*run_now(model))
    events = listen(model)
    side = model.select("king")
    assert side.word == "king" and len(side.in_a) == len(side.in_b) == 6
    # A's own neighbours, among the words B has too.
    assert [n.word for n in side.in_a] == [n.word for n in a.neighbors("king", 50) if n.word in b][
        :6
    ]
    assert side.common <= {n.word for n in side.in_a}
    events.selection_changed.assert_called_once_with(side)
    words = events.slice_changed.call_args.args[0].words
    assert "king" in words and set(n.word for n in side.in_b) <= set(words)
    with pytest.raises(UnknownWordError):
        model.select("zzzz-not-a-word")
    model.select(None)
    assert model.selected is None and "king" not in model.aligned_slice().words


def test_a_new_run_cancels_the_old_and_its_late_result_is_ignored(spaces):
    a, b = spaces
    model = CompareModel(a)
    model.set_b(b)
    events = listen(model)
    old_progress, new_progress = Progress(), Progress()
    old_token, old_work = model.start(old_progress)
    new_token, new_work = model.start(new_progress)
    assert old_progress.cancelled and not new_progress.cancelled
    with pytest.raises(Cancelled):
        old_work()
    assert not model.fail(old_token, "cancelled")  # stale: nothing reported
    result = new_work()
    assert model.finish(new_token, result)
    assert not model.finish(old_token, result)
    events.failed.assert_not_called()
    events.result_changed.assert_called_once_with(result)


def test_cancel_from_another_thread_is_reported_as_failed(spaces):
    a, b = spaces
    model = CompareModel(a, CompareSettings(heldout=2000))
    model.set_b(b)
    events = listen(model)
    progress, reported, go = paused_progress()
    token, work = model.start(progress)
    thread, outcome = start_job(lambda p: work(), progress)
    assert reported.wait(30)  # the work is running, paused in its first report
    model.cancel()
    go.set()
    thread.join(timeout=30)
    assert outcome == {"cancelled": True}
    assert model.fail(token, "cancelled")
    events.failed.assert_called_once_with("cancelled")
    assert model.result is None and not model.running


def test_changing_settings_or_spaces_drops_the_result(spaces):
    a, b = spaces
    model = CompareModel(a, CompareSettings(top=2))
    model.set_b(b)
    model.finish(*run_now(model))
    events = listen(model)
    model.update(top=2)  # no change, no signal
    events.settings_changed.assert_not_called()
    model.update(k=3, dims="pca")
    events.settings_changed.assert_called_once_with(model.settings)
    assert model.settings.k == 3 and model.result is None
    events.result_changed.assert_called_once_with(None)
    events.slice_changed.assert_called_once_with(None)
    model.finish(*run_now(model))
    model.set_a(b)
    assert model.result is None


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"anchors": 1}, "at least 2 anchor"),
        ({"k": 0}, "k must be at least 1"),
        ({"dims": "tsne"}, "unknown dims method"),
    ],
)
def test_bad_settings_change_nothing(change, match):
    model = CompareModel()
    with pytest.raises(EmbvizError, match=match):
        model.update(**change)
    assert model.settings == CompareSettings()


def test_start_needs_both_spaces(spaces):
    model = CompareModel(spaces[0])
    with pytest.raises(EmbvizError, match="choose the two spaces"):
        model.start()
    with pytest.raises(EmbvizError, match="nothing compared yet"):
        model.select("king")
    assert model.aligned_slice() is None


def test_run_comparison_equals_the_cli_numbers(spaces):
    from embviz.core.compare import compare

    a, b = spaces
    r = run_comparison(a, b, CompareSettings(anchors=("king", "queen", *a.words[:200])),
                       Progress())  # fmt: skip
    c = compare(a, b, anchors=["king", "queen", *a.words[:200]])
    assert r.comparison.summary() == c.summary()
    assert [m.word for m in r.most] == [c.words[i] for i in c.moved(50)]


def test_latest_run_only_the_newest_ends_and_a_new_one_cancels_the_old():
    from embviz.core.runs import LatestRun

    runs = LatestRun()
    first, p1 = runs.begin()
    second, p2 = runs.begin()
    assert p1.cancelled and not p2.cancelled and runs.running
    assert not runs.end(first)  # replaced: its late result is ignored
    assert runs.end(second) and not runs.running
    assert not runs.end(second)  # ended once only
    third, p3 = runs.begin()
    runs.clear()
    assert p3.cancelled and not runs.running and not runs.end(third)
