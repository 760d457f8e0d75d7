"""Export of a recorded training run as an animation: real training, real GL, real GIFs."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QTimer

from embviz.core.errors import Cancelled
from embviz.core.workspace import Workspace
from embviz.gui.theme import TRAINING as COLORS
from embviz.gui.training.panel import make_panel
from tests.helpers import tiny_corpus

pytestmark = pytest.mark.gui


@pytest.fixture
def trained(qtbot, tmp_path):
    """A Train panel after a complete tiny run: 3 epochs, 2 snapshots each (7 in all)."""
    p = make_panel(Workspace())
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitExposed(p)
    p.session.set_corpus(str(tiny_corpus(tmp_path / "tiny.txt", lines=3000)))
    p.dim.setValue(12)
    p.min_count.setValue(2)
    p.parts.setValue(2)
    p.epochs.setValue(3)
    p.start()
    qtbot.waitUntil(lambda: p.session.model is not None and not p.is_running(), timeout=60000)
    qtbot.waitUntil(lambda: p.export_button.isEnabled(), timeout=5000)
    yield p
    p.shutdown()


def gif_frames(path) -> list[np.ndarray]:
    with Image.open(path) as im:
        out = []
        for i in range(im.n_frames):
            im.seek(i)
            out.append(np.asarray(im.convert("RGB")).astype(int))
    return out


def test_export_gif_has_every_frame_and_the_words_move(trained, qtbot, tmp_path):
    assert len(trained.session.snapshots) == 7
    out = tmp_path / "run.gif"
    ticks = []
    export = trained.exports.start(str(out), fps=8, seconds=3, size=(480, 300))
    # the event loop runs between frames: the window stays responsive
    QTimer.singleShot(0, lambda: ticks.append(export.done_frames))
    with qtbot.waitSignal(export.finished, timeout=60000) as blocker:
        pass
    assert blocker.args[0] == out and out.exists()
    assert ticks and ticks[0] < export.frames
    assert f"Saved the animation ({export.frames} frames)" in trained.status.text()

    frames = gif_frames(out)
    assert export.frames == 24 and len(frames) == 24
    assert frames[0].shape == (300, 480, 3)
    first, middle, last = frames[0], frames[12], frames[-1]
    background = np.array(COLORS["dark"]["background"])
    for f in (first, last):
        assert (np.abs(f[-2, -2] - background) <= 3).all()  # corner: the view's background
        drawn = (np.abs(f - background).sum(axis=2) > 60).sum()
        assert drawn > 1500  # points, labels, axes and caption, not a blank frame
    # the words move from their initial vectors: frames differ away from the caption
    body = slice(60, 300)
    assert (np.abs(first[body] - middle[body]).sum(axis=2) > 60).sum() > 500
    assert (np.abs(middle[body] - last[body]).sum(axis=2) > 60).sum() > 500
    # the caption changes ("epoch 0.00" → "epoch 3.00")
    assert (first[:30] != last[:30]).any()
    # the last state is held before the loop starts again
    with Image.open(out) as im:
        im.seek(len(frames) - 1)
        assert im.info["duration"] >= 1500


def test_export_draws_interpolated_frames_with_caption_and_axes(trained, qtbot):
    from embviz.gui.training.export import render_recording

    rec = trained.session.recording()
    images = list(render_recording(rec, [0.0, 1.5], (640, 400), scale=1.0))
    assert [im.width() for im in images] == [640, 640]
    assert rec.axis_labels[0].startswith("PC1 of final")
    from embviz.core.training import caption

    assert caption(rec.snapshots, 1.5, rec.total_epochs).startswith("epoch 0.75 / 3")
    from embviz.gui.render import to_pil

    pix = np.asarray(to_pil(images[1])).astype(int)
    axis = np.array(COLORS["dark"]["axis"][0])
    assert (np.abs(pix - axis) <= 20).all(axis=2).sum() > 30  # the PC1 axis and its name


def test_cancel_stops_the_export_and_leaves_no_file(trained, qtbot, tmp_path):
    out = tmp_path / "cancelled.gif"
    export = trained.exports.start(str(out), fps=30, seconds=20, size=(480, 300))
    qtbot.waitUntil(lambda: export.done_frames >= 3, timeout=30000)
    with qtbot.waitSignal(export.failed, timeout=10000) as blocker:
        export.cancel()
    assert isinstance(blocker.args[0], Cancelled)
    assert export.done_frames < export.frames
    assert not out.exists()
    assert "cancelled" in trained.status.text()
    assert trained.export_button.isEnabled()


def test_export_errors_are_messages(trained, tmp_path):
    from embviz.core.errors import EmbvizError

    with pytest.raises(EmbvizError, match=r"\.gif or \.mp4"):
        trained.exports.start(str(tmp_path / "run.png"))
    with pytest.raises(EmbvizError, match="too much for a GIF"):
        trained.exports.start(str(tmp_path / "big.gif"), fps=60, seconds=600,
                                 size=(1920, 1080))  # fmt: skip
    assert not (tmp_path / "big.gif").exists()
    assert trained.exports.current is None or not trained.exports.current.is_running()


def test_file_export_menu_reaches_the_train_panel(main_window, qtbot):
    export_menu = next(a.menu() for a in main_window.menuBar().actions()[0].menu().actions()
                       if a.menu() is not None and "Export" in a.text())  # fmt: skip
    act = next(a for a in export_menu.actions() if "Training" in a.text())
    assert act.toolTip()
    act.trigger()  # nothing trained yet: said in the panel, no dialog
    train = main_window.panels["train"]
    qtbot.waitUntil(lambda: "train first" in train.status.text(), timeout=2000)
    assert not train.export_button.isEnabled()


def test_presentation_text_size_reaches_the_training_view(trained, qtbot):
    from embviz.gui.render import to_pil

    def text_pixels() -> int:
        trained.view.repaint()
        pix = np.asarray(to_pil(trained.view.grabFramebuffer())).astype(int)
        return int((pix > 200).all(axis=2).sum())  # light label and caption text

    trained.playback.playing = False
    trained.playback.seek(len(trained.session.snapshots) - 1)
    normal = text_pixels()
    trained.workspace.set_label_scale(2.0)  # what Ctrl++ does in the window
    assert trained.view.label_scale == 2.0
    assert text_pixels() > 1.5 * normal
    trained.workspace.set_label_scale(1.0)


def test_export_options_dialog_says_how_many_frames(qtbot):
    from embviz.gui.training.export import ExportOptionsDialog

    d = ExportOptionsDialog(6.0, 13)
    qtbot.addWidget(d)
    assert d.summary.text() == "90 frames over 13 snapshots"  # 15 frames/s for 6 s
    d.fps_spin.setValue(30)
    d.seconds_spin.setValue(2.5)
    assert d.summary.text() == "75 frames over 13 snapshots"
    d.size_combo.setCurrentIndex(2)
    assert (d.fps(), d.seconds(), d.size()) == (30.0, 2.5, (1920, 1080))
    assert all(w.toolTip() for w in (d.fps_spin, d.seconds_spin, d.size_combo))
