"""The Qt-free model a Context panel binds to: runs, stale results, layers, selection, cosines."""

from __future__ import annotations

from unittest.mock import Mock

import numpy as np
import pytest

from embviz.core import Cancelled, EmbvizError, Progress
from embviz.core.context import ContextPanelModel
from tests.context_model import installed_model, make_tiny_bert

SIGNALS = ("sentences_changed", "started", "result_changed", "failed", "layer_changed",
           "selection_changed", "cosines_changed")  # fmt: skip


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory):
    return make_tiny_bert(tmp_path_factory.mktemp("tiny") / "m", layers=3)


def listen(model):
    events = Mock()
    for name in SIGNALS:
        getattr(model, name).connect(getattr(events, name))
    return events


def run_now(model):
    token, work = model.start()
    return token, work()


def test_a_run_shows_the_last_layer_with_the_shared_token_followed(tiny_dir):
    model = ContextPanelModel(tiny_dir)
    model.set_sentences(["the bank .", "a river bank ."])
    events = listen(model)
    token, returned = run_now(model)
    assert model.running
    assert model.finish(token, returned)
    assert not model.running
    r = model.result
    events.result_changed.assert_called_once_with(r)
    # "bank" (longest shared token) is followed in both sentences; its curve is plotted.
    assert [r.states.tokens[t] for t in model.selected] == ["bank", "bank"]
    curves = events.cosines_changed.call_args.args[0]
    assert curves.layer_names == ("static", "input", "1", "2", "3")
    (a, b, cos), = curves.pairs  # fmt: skip
    assert (a, b) == ("bank (1)", "bank (2)")
    np.testing.assert_allclose(cos, r.states.cosine(*model.selected))
    view = events.layer_changed.call_args.args[0]
    assert (view.layer, view.name) == (4, "3")
    assert view.positions.shape == (len(r.states.tokens), 3)
    assert view.labels[2] == "bank (1)"
    assert set(view.trails) == set(model.selected)
    assert all(t.shape == (5, 3) for t in view.trails.values())


def test_scrubbing_layers_moves_points_in_one_frame(tiny_dir):
    model = ContextPanelModel(tiny_dir)
    model.set_sentences(["the bank .", "a river bank ."])
    model.finish(*run_now(model))
    events = listen(model)
    static = model.set_layer("static")
    bank1, bank2 = model.selected
    np.testing.assert_allclose(static.positions[bank1], static.positions[bank2], atol=1e-6)
    assert all(t.shape == (1, 3) for t in static.trails.values())
    deep = model.set_layer(4)
    assert np.linalg.norm(deep.positions[bank1] - deep.positions[bank2]) > 1e-3
    np.testing.assert_array_equal(deep.trails[bank1][0], static.positions[bank1])
    assert events.layer_changed.call_count == 2
    model.set_layer(4)  # unchanged: no signal
    assert events.layer_changed.call_count == 2
    with pytest.raises(EmbvizError, match="no layer 9"):
        model.set_layer(9)
    assert model.nearest(bank1, layer=0)[0] == ("bank", pytest.approx(1.0))


def test_toggling_tokens_changes_trails_and_cosines(tiny_dir):
    model = ContextPanelModel(tiny_dir)
    model.set_sentences(["the bank .", "a river bank ."], follow=["the"])
    model.finish(*run_now(model))
    assert [model.result.states.tokens[t] for t in model.selected] == ["the"]
    assert model.cosine_curves() is None  # one token: nothing to compare
    events = listen(model)
    model.toggle(8)  # the second bank
    assert model.selected == (1, 8)
    assert events.cosines_changed.call_args.args[0].pairs[0][:2] == ("the (1)", "bank (2)")
    model.toggle(1)
    assert model.selected == (8,)
    assert events.cosines_changed.call_args.args[0] is None
    assert set(events.layer_changed.call_args.args[0].trails) == {8}
    with pytest.raises(EmbvizError, match="no token 99"):
        model.select([99])


def test_a_newer_run_wins_and_the_old_one_is_cancelled(tiny_dir):
    model = ContextPanelModel(tiny_dir)
    first = Progress()
    old_token, old_work = model.start(first)
    new_token, new_work = model.start()
    assert first.cancelled
    with pytest.raises(Cancelled):
        old_work()
    events = listen(model)
    assert not model.fail(old_token, "cancelled")
    assert model.finish(new_token, new_work())
    assert not model.finish(old_token, new_work())  # a late old result changes nothing
    assert events.result_changed.call_count == 1
    events.failed.assert_not_called()


def test_new_sentences_drop_the_result_and_errors_are_reported(tiny_dir):
    model = ContextPanelModel(tiny_dir)
    model.finish(*run_now(model))
    events = listen(model)
    model.set_sentences(["the bank", ""])
    events.sentences_changed.assert_called_once_with(("the bank", ""))
    events.result_changed.assert_called_once_with(None)
    assert model.result is None and model.layer_view() is None
    token, work = model.start()
    with pytest.raises(EmbvizError, match="sentence 2: the sentence is empty") as e:
        work()
    assert model.fail(token, str(e.value))
    events.failed.assert_called_once_with("sentence 2: the sentence is empty")
    assert not model.running
    with pytest.raises(EmbvizError, match="nothing run yet"):
        model.set_layer(0)
    with pytest.raises(EmbvizError, match="no preset 'x'"):
        model.load_preset("x")


def test_no_model_installed_fails_in_the_work(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("EMBVIZ_CONTEXT_MODEL", raising=False)
    model = ContextPanelModel()
    _, work = model.start()
    with pytest.raises(EmbvizError, match="no contextual model is installed"):
        work()


def test_the_bank_preset_on_minilm():
    model = ContextPanelModel(installed_model())
    model.load_preset("bank: river vs money")
    model.finish(*run_now(model))
    r = model.result
    assert [r.label(t) for t in model.selected] == ["bank (1)", "bank (2)", "bank (3)"]
    curves = model.cosine_curves()
    river, money = curves.pairs[0][2], curves.pairs[1][2]
    assert curves.pairs[0][1] == "bank (2)" and curves.pairs[1][1] == "bank (3)"
    assert river[0] == money[0] == pytest.approx(1.0)
    assert money[-1] < river[-1]  # the money bank ends further from the river bank
    # The model was opened by the first run and is reused by the next.
    opened = model.context_model
    assert opened is not None and opened.path == installed_model()
    model.load_preset("bat: animal vs sport")
    model.finish(*run_now(model))
    assert model.context_model is opened
    assert [model.result.label(t) for t in model.selected] == ["bat (1)", "bat (2)"]


def test_another_model_folder_drops_the_result_and_is_used_next(tiny_dir, tmp_path):
    model = ContextPanelModel(tiny_dir)
    model.set_sentences(["the bank .", "a river bank ."])
    token, returned = run_now(model)
    model.finish(token, returned)
    events = listen(model)
    model.set_model_path(tmp_path / "nothing")
    assert model.model_path == tmp_path / "nothing"
    assert model.result is None and model.context_model is None
    events.result_changed.assert_called_once_with(None)
    token, work = model.start()
    with pytest.raises(EmbvizError, match="no such model folder"):
        work()
