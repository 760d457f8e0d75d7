"""The Compare panel in the real window: two real spaces, the run, the table, the view.

A is the embedded GloVe subset the app opens; B is word2vec trained on the
shipped teaching corpus (the core training function, fixed seed, 3 epochs),
saved to a text file and opened through the panel like File → Open, or handed
over as the Train panel's run (its shared :class:`TrainingSession`).
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from embviz.core.compare import compare
from embviz.core.compare_model import CompareSettings
from embviz.core.corpus import Corpus, shipped_corpus_path
from embviz.core.training import TrainParams, save_vectors, train_word2vec

pytestmark = pytest.mark.gui

PARAMS = TrainParams(epochs=3, workers=1, seed=1)


@pytest.fixture(scope="module")
def trained():
    """The snapshots of a word2vec run on the shipped English teaching corpus."""
    return list(train_word2vec(Corpus(shipped_corpus_path("en")), PARAMS))


@pytest.fixture(scope="module")
def b_file(trained, tmp_path_factory):
    """The trained model as a word2vec text file."""
    path = tmp_path_factory.mktemp("compare") / "teaching_w2v.txt"
    return save_vectors(trained[-1].model, path)


@pytest.fixture
def panel(main_window, qtbot):
    win = main_window
    win.resize(1280, 800)
    win.show_panel("compare")
    return win.panels["compare"]


def open_b(panel, qtbot, path):
    panel.open_b(str(path))
    qtbot.waitUntil(lambda: panel.model.b is not None, timeout=20000)


def run(panel, qtbot):
    panel.run()
    qtbot.waitUntil(lambda: panel.model.result is not None, timeout=60000)
    return panel.model.result


def test_a_file_compared_gives_the_core_numbers_and_a_clickable_table(panel, qtbot, b_file):
    win = panel.window()
    a = win.workspace.embeddings
    assert panel.model.a is a
    open_b(panel, qtbot, b_file)
    assert panel.compare_button.isEnabled()
    panel.fields["k"].setValue(8)
    assert panel.model.settings.k == 8
    result = run(panel, qtbot)
    b = panel.model.b
    assert b.source.path is not None and b.source.path.endswith("teaching_w2v.txt")

    # the table holds what the core computes, independently
    s = CompareSettings(k=8)
    c = compare(a, b, anchors=s.anchors, dims=s.dims, sample=s.heldout, seed=s.seed)
    most = c.moved(s.top)
    want = [c.words[i] for i in most]
    shown = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert shown == want
    cos = [float(panel.table.item(r, 1).text()) for r in range(panel.table.rowCount())]
    np.testing.assert_allclose(cos, c.cosine[most], atol=6e-4)
    overlap = c.overlap(most[:5], 8)
    got = [float(panel.table.item(r, 2).text()) for r in range(5)]
    np.testing.assert_allclose(got, overlap, atol=6e-3)
    assert f"{len(c):,} shared words" in panel.status.text()
    assert "precision@1" in panel.status.text()
    assert f"{c.precision.at_1:.2f}" in panel.status.text()

    # least moved: the other end of the same ranking
    panel.list_choice.setCurrentIndex(1)
    least = [c.words[i] for i in c.moved(s.top, most=False)]
    assert [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())] == least
    panel.list_choice.setCurrentIndex(0)

    # the view: A and B points of every table word, lines A→B, nothing selected yet
    view = panel.view
    assert view.names[0].startswith("A: GloVe") and "teaching_w2v.txt" in view.names[1]
    n = len(result.most) + len(result.least)
    assert len(view.a_pos) == len(view.b_pos) == n
    assert len(view.line_pos) == 2 * n
    qtbot.waitUntil(lambda: view.frames_drawn > 0, timeout=5000)

    # click the third row: selection, neighbours side by side, view flies there
    rect = panel.table.visualItemRect(panel.table.item(2, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    word = want[2]
    qtbot.waitUntil(lambda: panel.model.selected is not None, timeout=5000)
    sbs = panel.model.selected
    assert sbs.word == word
    in_a, in_b = c.neighbours(word, 8)
    col = [[panel.neighbours.item(r, k).data(Qt.ItemDataRole.UserRole)
            for r in range(len(in_a))] for k in (0, 1)]  # fmt: skip
    assert col == [[x.word for x in in_a], [x.word for x in in_b]]
    assert panel.common_neighbours() == sbs.common
    assert view.selected is sbs
    i = view.slice.words.index(word)
    np.testing.assert_allclose(view.line_pos, [view.a_pos[i], view.b_pos[i]])
    assert not np.allclose(view.a_pos[i], view.b_pos[i])
    qtbot.waitUntil(lambda: np.allclose(view.opts["center"], view.position(word), atol=1e-3),
                    timeout=3000)  # fmt: skip
    # its labels: the word in A and in B, and its neighbours
    texts = [t for _, t, _ in view._labelled()]
    assert texts[:2] == [word, word] and set(texts[2:]) >= {x.word for x in in_a}

    # a click on a point in the view selects that word
    xy, _, visible = view.project(np.concatenate([view.a_pos, view.b_pos]).astype(np.float64))
    gap = np.linalg.norm(xy[:, None] - xy[None], axis=2) + np.eye(len(xy)) * 1e9
    j = next(j for j in np.argsort(-gap.min(axis=1)) if visible[j]
             and view.slice.words[j % len(view.a_pos)] != word)  # fmt: skip
    other = view.slice.words[j % len(view.a_pos)]  # a point with no other point near it
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(int(xy[j, 0]), int(xy[j, 1])))
    qtbot.waitUntil(lambda: panel.model.selected.word != word, timeout=3000)
    assert panel.model.selected.word == other


def test_a_new_space_a_follows_the_open_file(panel, qtbot, b_file):
    win = panel.window()
    open_b(panel, qtbot, b_file)
    run(panel, qtbot)
    win.open_path(str(b_file))  # A becomes the trained file too
    qtbot.waitUntil(lambda: win.workspace.embeddings is not panel.model.b
                    and win.workspace.embeddings.source.path == str(b_file), timeout=20000)  # fmt: skip
    assert panel.model.a is win.workspace.embeddings
    assert panel.model.result is None and panel.table.rowCount() == 0
    assert "teaching_w2v.txt" in panel.a_label.toolTip()
    result = run(panel, qtbot)
    assert result.comparison.cosine.min() > 0.999  # a space against itself moved nowhere


def test_cancel_stops_the_run_and_the_panel_stays_usable(panel, qtbot):
    import time

    from embviz.core import Embeddings

    # B: the whole open vocabulary (50k words) rotated, so a run takes seconds
    a = panel.model.a
    q, _ = np.linalg.qr(np.random.default_rng(0).normal(size=(a.dim, a.dim)))
    panel.set_b(Embeddings(a.words, (a.vectors @ q).astype(np.float32)), "rotated GloVe")
    t0 = time.perf_counter()
    before = run(panel, qtbot)
    full = time.perf_counter() - t0

    job = panel.run()
    assert panel.cancel_button.isEnabled()
    with qtbot.waitSignal(job.progressed, timeout=20000):
        pass  # the work has begun
    qtbot.waitUntil(
        lambda: panel.progress.value() > 0 or panel.progress.maximum() == 0, timeout=5000
    )
    t0 = time.perf_counter()
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert "cancelled" in panel.status.text().lower()  # said at once, nothing waits
    # the previous result stays on show; the cancelled run never replaces it
    assert panel.model.result is before and not panel.cancel_button.isEnabled()
    assert panel.compare_button.isEnabled() and not panel.model.running
    qtbot.waitUntil(lambda: not job.is_running(), timeout=20000)
    assert time.perf_counter() - t0 < 0.6 * full  # the work stopped, it did not run to the end
    assert job.progress.cancelled and panel.model.result is before  # and reported nothing
    assert run(panel, qtbot) is not None


def test_a_new_run_drops_the_old(panel, qtbot, b_file):
    open_b(panel, qtbot, b_file)
    first = panel.run()
    panel.fields["k"].setValue(5)  # new settings: the result of the first run would be stale
    second = panel.run()
    results = []
    panel.model.result_changed.connect(lambda r: r is not None and results.append(r))
    qtbot.waitUntil(lambda: panel.model.result is not None, timeout=60000)
    qtbot.waitUntil(lambda: not first.is_running() and not second.is_running(), timeout=20000)
    assert len(results) == 1 and results[0].settings.k == 5
    assert panel.table.horizontalHeaderItem(2).text() == "Overlap@5"


def test_a_bad_b_file_is_one_line_and_changes_nothing(panel, qtbot, b_file, tmp_path):
    open_b(panel, qtbot, b_file)
    b = panel.model.b
    bad = tmp_path / "broken.txt"
    bad.write_text("3 4\nking 0.1 0.2 oops 0.4\n", encoding="utf-8")
    panel.open_b(str(bad))
    qtbot.waitUntil(lambda: panel.status.styleSheet() != "", timeout=20000)
    text = panel.status.text()
    assert "broken.txt" in text and "\n" not in text
    assert panel.model.b is b  # the previous space B stays
    assert run(panel, qtbot) is not None


def test_b_from_the_train_panel_model_and_snapshot(panel, qtbot, trained):
    win = panel.window()
    session = win.workspace.training
    assert win.panels["train"].session is session  # one run, shared through the workspace
    assert not panel.trained_choice.isEnabled()
    # feed the shared session as the Train panel's worker does
    session.begin(PARAMS)
    for snap in trained:
        session.add(snap)
    assert panel.trained_choice.isEnabled()
    texts = [panel.trained_choice.itemText(i) for i in range(panel.trained_choice.count())]
    assert any("Trained model" in t for t in texts) and sum("Snapshot" in t for t in texts) == 4
    i = panel.trained_choice.findData("model")
    panel.trained_choice.activated.emit(i)
    assert panel.model.b is trained[-1].model
    result = run(panel, qtbot)
    assert len(result.comparison) == len(
        set(win.workspace.embeddings.words) & set(trained[-1].model.words)
    )

    # a snapshot: the watched words at epoch 1, compared with the final ones
    win.workspace.set_embeddings(trained[-1].model)
    panel.trained_choice.activated.emit(panel.trained_choice.findData(1))
    assert "epoch 1.0" in panel.model.b_label
    result = run(panel, qtbot)
    assert len(result.comparison) == len(trained[1].words)
    assert panel.table.rowCount() > 0


def test_export_renders_both_spaces(panel, qtbot, b_file, tmp_path):
    open_b(panel, qtbot, b_file)
    run(panel, qtbot)
    panel.select(panel.model.result.most[0].word)
    out = tmp_path / "compare.png"
    assert panel.save_image(str(out), (640, 400))
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert (img.width(), img.height()) == (640, 400)
    # the image is not blank: the A and B colours are in it
    from embviz.gui import theme

    arr = np.frombuffer(img.convertToFormat(QImage.Format.Format_RGB888).constBits(), np.uint8)
    px = arr[: 640 * 400 * 3].reshape(-1, 3).astype(int)
    for key in ("a", "b"):
        rgb = np.array(theme.COMPARE[theme.current()][key][:3])
        assert (np.abs(px - rgb).sum(axis=1) < 40).sum() > 20, key


def test_the_buttons_ask_for_space_b_and_for_the_image(panel, qtbot, b_file, tmp_path,
                                                       monkeypatch):  # fmt: skip
    """The file button and Save image… ask (here: answered) and hand the answer to the panel."""
    from PySide6.QtWidgets import QFileDialog

    asked = []

    def answer(parent, title, *_args):
        asked.append(title)
        return answer.path, ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    answer.path = str(b_file)
    panel.file_button.click()
    qtbot.waitUntil(lambda: panel.model.b is not None, timeout=20000)
    assert panel.model.b.source.path.endswith("teaching_w2v.txt")
    run(panel, qtbot)
    answer.path = str(tmp_path / "shot.png")
    panel.save_button.click()
    assert (tmp_path / "shot.png").stat().st_size > 0
    assert asked == ["Open space B", "Save comparison image"]


def test_b_from_a_real_train_panel_run(panel, qtbot, tmp_path):
    from tests.helpers import tiny_corpus

    win = panel.window()
    train = win.panels["train"]
    train.session.set_corpus(str(tiny_corpus(tmp_path / "tiny.txt", lines=600)))
    train.dim.setValue(8)
    train.min_count.setValue(2)
    train.epochs.setValue(2)
    train.start()
    qtbot.waitUntil(lambda: train.session.model is not None, timeout=60000)
    qtbot.waitUntil(lambda: panel.trained_choice.findData("model") >= 0, timeout=5000)
    panel.trained_choice.activated.emit(panel.trained_choice.findData("model"))
    assert panel.model.b is train.session.model
    qtbot.waitUntil(lambda: not train.is_running(), timeout=20000)
    # the tiny corpus shares only a few words with GloVe: all are anchors
    result = run(panel, qtbot)
    shared = set(win.workspace.embeddings.words) & set(train.session.model.words)
    assert len(result.comparison) == len(shared)
    assert "shared words" in panel.status.text()


def test_big_window_floats_the_panel_and_docks_it_back(panel, qtbot):
    dock = panel.window().docks["compare"]
    qtbot.mouseClick(panel.big_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dock.isFloating, timeout=3000)
    assert panel.view.height() > 300 and panel.big_button.text() == "Dock back"
    qtbot.mouseClick(panel.big_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dock.isFloating(), timeout=3000)
    assert panel.big_button.text() == "Big window"
