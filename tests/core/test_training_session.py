"""TrainingSession and Playback without Qt: the Train panel's model, driven by hand."""

from __future__ import annotations

import numpy as np
import pytest

from embviz.core.errors import EmbvizError
from embviz.core.playback import Playback
from embviz.core.training import DEFAULT_PAIRS, DEFAULT_PAIRS_ZH, Snapshot, TrainParams
from embviz.core.training_session import TrainingSession, default_watch, parse_pairs

WORDS = ["king", "queen", "man", "woman", "cat"]


def _snap(i: int, epoch: float, *, stopped: bool = False, final: bool = False) -> Snapshot:
    rng = np.random.default_rng(i)
    return Snapshot(i, epoch, WORDS, rng.normal(size=(len(WORDS), 6)).astype(np.float32),
                    epoch_losses=(1.0,) * int(epoch), stopped=stopped, final=final)  # fmt: skip


def _session(n: int) -> TrainingSession:
    s = TrainingSession()
    s.begin(TrainParams(epochs=n))
    for i in range(n + 1):
        s.add(_snap(i, float(i)))
    return s


def test_playback_plays_to_the_end_then_pauses_and_replays():
    p = Playback(speed=2.0)
    times, playing = [], []
    p.time_changed.connect(times.append)
    p.playing_changed.connect(playing.append)
    p.length = 3
    p.tick(0.1)
    assert p.t == pytest.approx(0.2)
    for _ in range(20):
        p.tick(1.0)  # a late frame moves at most 0.2 s
    assert p.t == 2.0 and not p.playing and playing == [False]
    assert max(np.diff(times)) <= 0.4 + 1e-9
    p.toggle()  # at the end of a finished run: from the start again
    assert p.playing and p.t == 0.0


def test_playback_waits_at_the_end_while_live_and_follows_a_fast_run():
    p = Playback()
    p.live = True
    p.length = 2
    p.catch_up()
    for _ in range(10):
        p.tick(0.2)
    assert p.t == 1.0 and p.playing  # more snapshots are coming
    p.length = 30
    p.catch_up()
    assert p.t == 28.0  # only the newest step is animated


def test_playback_step_and_scrub_pause_and_clamp():
    p = Playback()
    p.seek(3)
    assert p.t == 0.0  # nothing to show yet
    p.length = 4
    p.step(10)
    assert p.t == 3.0 and not p.playing
    p.toggle()
    p.scrub(-5)
    assert p.t == 0.0 and not p.playing


def test_session_records_snapshots_frames_and_similarities():
    s = TrainingSession()
    started, added, models = [], [], []
    s.started.connect(lambda: started.append(1))
    s.snapshot_added.connect(added.append)
    s.model_changed.connect(models.append)
    s.begin(TrainParams(epochs=2))
    for i in range(3):
        s.add(_snap(i, float(i)))
    assert started == [1] and [a.index for a in added] == [0, 1, 2] and not models
    names, epochs, values = s.similarities()
    assert names[0] == "king·queen" and epochs == [0.0, 1.0, 2.0]
    assert values.shape == (4, 3) and np.isnan(values[2]).all()  # cat·cats: cats not watched
    s.update_frames()
    assert len(s.coords) == 3 and s.coords[0].shape == (5, 3) and "PC1" in s.axis_labels[0]
    assert "king·queen" in s.readout(1) and "(not watched)" in s.readout(1)
    assert s.caption(1.0).startswith("epoch 1.00 / 2")


def test_a_stopped_snapshot_of_the_same_epoch_replaces_the_last_one():
    s = _session(2)
    s.similarities()
    model = object()
    stopped = _snap(9, 2.0, stopped=True, final=True)
    object.__setattr__(stopped, "model", model)
    seen = []
    s.model_changed.connect(seen.append)
    s.add(stopped)
    assert len(s.snapshots) == 3 and s.snapshots[-1] is stopped and s.model is model
    assert seen == [model] and s.has_unsaved()
    assert s.similarities()[2].shape == (4, 3)


def test_recording_uses_the_chosen_frame_and_the_pairs():
    s = _session(3)
    s.set_frame("procrustes")
    rec = s.recording()
    assert len(rec.coords) == 4 and "aligned" in rec.axis_labels[0]
    assert rec.highlight == {"king", "queen", "man", "woman", "cat"} and rec.total_epochs == 3
    assert rec.playback_seconds() == pytest.approx(1.5)
    with pytest.raises(EmbvizError, match="train first"):
        TrainingSession().recording()


def test_pairs_follow_the_corpus_language_unless_typed():
    from embviz.core.corpus import shipped_corpus_path

    s = TrainingSession()
    texts = []
    s.pairs_changed.connect(texts.append)
    s.set_corpus(shipped_corpus_path("zh"))
    assert s.pairs_text == DEFAULT_PAIRS_ZH and s.language == "zh" and texts == [DEFAULT_PAIRS_ZH]
    s.set_corpus(None)
    assert s.pairs_text == DEFAULT_PAIRS
    s.set_pairs("cat dog")
    s.set_corpus(shipped_corpus_path("zh"))
    assert s.pairs == [("cat", "dog")]
    assert parse_pairs("King Queen, one, a b c , x y") == [("king", "queen"), ("x", "y")]
    assert "king" in default_watch(None) and default_watch("/no/such/file.txt") is None


def test_saving_marks_the_model_saved(tmp_path):
    from embviz.core.embeddings import Embeddings

    s = TrainingSession()
    with pytest.raises(EmbvizError, match="nothing to save"):
        s.save(tmp_path / "v.txt")
    last = _snap(1, 1.0, final=True)
    object.__setattr__(last, "model", Embeddings(WORDS, np.eye(5, 3, dtype=np.float32)))
    s.add(last)
    assert s.has_unsaved()
    s.save(tmp_path / "v.txt")
    assert not s.has_unsaved() and (tmp_path / "v.txt").read_text().startswith("5 3")


def test_params_are_described_once():
    from embviz.core.training import params_shown

    shown = params_shown()
    assert len(shown) == 13 and len({p.option for p in shown.values()}) == 13
    assert all(p.tip for p in shown.values())
    with pytest.raises(EmbvizError, match="window must be 1 to 50, got 51"):
        TrainParams(window=51).check()
    with pytest.raises(EmbvizError, match="min count must be at least 1"):
        TrainParams(min_count=0).check()
