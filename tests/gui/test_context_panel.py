"""The Context panel under Xvfb: the installed MiniLM, real OpenGL, real files.

Skipped (saying how to install it) only when no model folder is installed.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, Qt

from embviz.core.context import PRESETS
from embviz.core.workspace import Workspace
from embviz.gui.context.captions import layer_name
from embviz.gui.context.panel import TITLE, ContextPanel, make_panel
from tests.context_model import installed_model

pytestmark = pytest.mark.gui

BANK = 0  # the bank preset's index


@pytest.fixture
def model_dir():
    return installed_model()


def _panel(qtbot, **kwargs) -> ContextPanel:
    p = ContextPanel(Workspace(), **kwargs)
    qtbot.addWidget(p)
    p.resize(520, 800)
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.fixture
def panel(qtbot, model_dir):
    p = _panel(qtbot, model_path=model_dir)
    yield p
    p.shutdown()


@pytest.fixture
def ran(panel, qtbot):
    """The panel after the bank preset has run, playback paused."""
    panel.use_preset(BANK)
    qtbot.waitUntil(lambda: panel.model.result is not None, timeout=60000)
    assert panel.playback.playing  # a new run plays its layers from "static"
    panel.playback.toggle()
    panel.playback.scrub(panel.playback.length - 1)  # where a finished playback rests
    return panel


def test_bank_preset_shows_the_tokenizers_tokens(ran):
    p = ran
    r = p.model.result
    tok = r.states.sentences
    want = [p.model.context_model.tokenize(s).tokens for s in PRESETS[BANK].sentences]
    assert [t.tokens for t in tok] == want
    assert p.tokens.shown_tokens() == want
    assert want[0][0] == "[CLS]" and "bank" in want[0]
    # the three banks are followed: bold in the strip, larger in the view, cosine plotted
    assert [r.states.tokens[t] for t in p.model.selected] == ["bank"] * 3
    assert "Run" in p.run_button.text() and p.run_button.isEnabled()


def test_wordpieces_are_shown_as_the_model_sees_them(panel, qtbot):
    assert panel.preset_combo.currentIndex() == BANK  # the box starts with its sentences
    panel.editor.setPlainText("That was unbelievably good.\nIt was good.")
    assert panel.preset_combo.currentIndex() == -1  # no preset names typed sentences
    panel.start()
    qtbot.waitUntil(lambda: panel.model.result is not None, timeout=60000)
    shown = panel.tokens.shown_tokens()
    assert shown[0] == panel.model.context_model.tokenize("That was unbelievably good.").tokens
    assert any(t.startswith("##") for t in shown[0])  # a word cut into WordPiece pieces


def test_the_layer_slider_moves_the_views_points(ran, qtbot):
    p = ran
    names = p.model.result.states.layer_names
    last = len(names) - 1
    for layer in (0, last, 1):
        p.layer_bar.slider.setValue(layer)
        assert p.model.layer == layer
        want = p.model.layer_view()
        np.testing.assert_allclose(p.view.positions, want.positions, atol=1e-6)
        # what OpenGL gets is the same, on the run's one scale
        world = (want.positions - p.view._centre) * p.view._scale
        np.testing.assert_allclose(p.view.world_positions, world, rtol=1e-5, atol=1e-5)
        assert np.abs(world).max() <= p.view.RADIUS * 1.001  # every layer inside one radius
        assert p.layer_bar.layer_label.text() == layer_name(names[layer])
    p.layer_bar.slider.setValue(0)
    # at "static" every occurrence of "bank" sits on its one embedding row
    banks = p.view.positions[list(p.model.selected)]
    assert np.ptp(banks, axis=0).max() < 1e-6
    p.layer_bar.slider.setValue(last)
    banks = p.view.positions[list(p.model.selected)]
    assert np.ptp(banks, axis=0).max() > 1e-2  # at the last layer they have moved apart
    # trails run from the shared static point through every layer
    trail = p.view.trail(p.model.selected[0])
    assert len(trail) == last + 1
    np.testing.assert_allclose(trail / p.view._scale + p.view._centre,
                               p.model.layer_view().trails[p.model.selected[0]], atol=1e-5)  # fmt: skip
    assert "cos(" in p.view.caption


def test_the_cosine_plot_shows_the_core_curves(ran):
    p = ran
    curves = p.model.cosine_curves()
    assert len(curves.pairs) == 2 == len(p.cosine_plot.curves)
    for curve, (_a, _b, cos) in zip(p.cosine_plot.curves, curves.pairs, strict=True):
        x, y = curve.getData()
        np.testing.assert_allclose(y, cos)
        np.testing.assert_array_equal(x, np.arange(len(curves.layer_names)))
        assert y[0] == pytest.approx(1.0) and y[-1] < 0.99  # static: one row; then apart
    p.layer_bar.slider.setValue(3)
    assert p.cosine_plot.cursor.value() == 3


def test_the_nearest_list_is_the_models(ran):
    p = ran
    for layer in (0, len(p.model.result.states.layer_names) - 1):
        p.layer_bar.slider.setValue(layer)
        rows = p.nearest.rows
        assert [label for label, _ in rows] == [p.model.result.label(t) for t in p.model.selected]
        for (_label, pairs), t in zip(rows, p.model.selected, strict=True):
            assert pairs == p.model.nearest(t)
        table = p.nearest.table
        assert table.rowCount() == len(p.model.selected)
        assert table.item(0, 1).text().split()[0] == p.model.nearest(p.model.selected[0])[0][0]
    p.layer_bar.slider.setValue(0)
    assert p.nearest.rows[0][1][0][0] == "bank"  # a static row is nearest to itself


def test_clicking_a_token_follows_it(ran, qtbot):
    p = ran
    p.tabs.setCurrentIndex(0)
    river = p.model.result.states.occurrences("river")[0]
    rect = p.tokens.token_rect(river)
    assert rect is not None
    qtbot.mouseClick(p.tokens.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: river in p.model.selected, timeout=3000)
    assert river in p.view._selected
    assert len(p.cosine_plot.curves) == 3
    p.toggle_token(river)
    assert river not in p.model.selected
    assert not p.cosine_plot.hint.isVisible()
    p.model.select([river])  # one token: nothing to compare, the plot says what to do
    assert p.cosine_plot.curves == [] and p.cosine_plot.hint.isVisible()
    assert "cos(" not in p.view.caption


def test_play_advances_the_layers(ran, qtbot):
    p = ran
    p.layer_bar.slider.setValue(0)
    assert not p.playback.playing
    frames = p.view.frames_drawn
    p.layer_bar.play_button.click()
    assert p.playback.playing
    qtbot.waitUntil(lambda: p.model.layer >= 3, timeout=10000)
    qtbot.waitUntil(lambda: p.view.frames_drawn > frames + 2, timeout=5000)
    last = len(p.model.result.states.layer_names) - 1
    qtbot.waitUntil(lambda: not p.playback.playing, timeout=15000)  # pauses at the end
    assert p.model.layer == last and p.layer_bar.slider.value() == last


def test_gif_and_png_export(ran, qtbot, tmp_path):
    p = ran
    out = tmp_path / "layers.gif"
    export = p.exports.gif(str(out), show_dialog=False)
    assert export is not None
    with qtbot.waitSignal(export.finished, timeout=120000):
        pass
    with Image.open(out) as im:
        assert im.format == "GIF" and im.n_frames == export.frames > 8
        im.seek(0)
        first = np.asarray(im.convert("RGB")).astype(int)
        im.seek(im.n_frames - 1)
        last = np.asarray(im.convert("RGB")).astype(int)
    assert np.abs(first - last).sum() > 0  # static and the last layer differ
    png = p.exports.png(str(tmp_path / "now.png"))
    with Image.open(png) as im:
        assert im.size == (1600, 1000)
        px = np.asarray(im.convert("RGB")).astype(int)
    background = np.array(p.view.colors["background"])
    assert (np.abs(px - background).sum(axis=2) > 60).sum() > 500  # points, trails, text


def test_no_model_says_how_to_install_and_the_panel_stays_usable(qtbot, tmp_path, monkeypatch):
    from embviz.core.context import _files

    monkeypatch.setattr(_files, "candidate_dirs", lambda: [tmp_path / "nothing"])
    p = _panel(qtbot)
    try:
        text = p.status.text()
        assert "scripts/setup" in text and "EMBVIZ_CONTEXT_MODEL" in text and "Model…" in text
        p.start()
        qtbot.waitUntil(lambda: not p.model.running, timeout=10000)
        assert "no contextual model is installed" in p.status.text()
        assert p.model.result is None and p.run_button.isEnabled()
        p.set_model_path(str(tmp_path))  # a folder, but not a model's
        assert "not a BERT model folder" in p.status.text()
        p.editor.setPlainText("A line.")  # typing still works; the layer bar is idle
        assert p.inputs.sentences() == ["A line."] and not p.layer_bar.isEnabled()
    finally:
        p.shutdown()


def test_empty_and_too_long_sentences_are_messages(panel, qtbot):
    panel.editor.setPlainText("  \n\n")
    assert panel.start() is None
    assert "at least one sentence" in panel.status.text()
    panel.editor.setPlainText("Fine.\n" + "word " * 600)
    panel.start()
    qtbot.waitUntil(lambda: not panel.model.running, timeout=30000)
    assert "sentence 2" in panel.status.text() and "512" in panel.status.text()
    assert panel.model.result is None
    panel.use_preset(BANK)  # still usable
    qtbot.waitUntil(lambda: panel.model.result is not None, timeout=60000)


def test_cancel_drops_the_run(panel, qtbot):
    panel.editor.setPlainText("\n".join(["The bank of the river was muddy after the rain."] * 30))
    job = panel.start()
    assert panel.is_running() and panel.cancel_button.isEnabled()
    panel.cancel_button.click()
    assert not panel.is_running() and not panel.cancel_button.isEnabled()
    assert "Cancelled" in panel.status.text()
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60000)
    assert panel.model.result is None  # whatever the worker returned was dropped
    panel.use_preset(BANK)
    qtbot.waitUntil(lambda: panel.model.result is not None, timeout=60000)
    assert "Cancelled" not in panel.status.text()


def test_preset_names_are_translated_at_display(panel):
    names = [panel.preset_combo.itemText(i) for i in range(panel.preset_combo.count())]
    assert names == [QCoreApplication.translate("Context", p.name) for p in PRESETS]
    assert TITLE == "Context" and make_panel.__module__ == ContextPanel.__module__


def test_the_panel_is_registered():
    from embviz.gui.panels.registry import panel_modules, panel_name

    mods = {panel_name(m): m for m in panel_modules()}
    assert mods["context"].TITLE == "Context"


def test_the_chinese_translation_is_complete_and_reaches_the_panel(qtbot, tmp_path, model_dir):
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTranslator

    ts = Path(__file__).resolve().parents[2] / "embviz" / "i18n" / "zh_CN_context.ts"
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text and "<translation></translation>" not in text
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        lrelease = shutil.which("pyside6-lrelease")
    if not lrelease:
        pytest.skip("pyside6-lrelease is not installed")
    qm = tmp_path / "zh_CN_context.qm"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        p = _panel(qtbot, model_path=model_dir)
        assert p.run_button.text() == "运行"
        assert p.preset_combo.itemText(0) == "bank：河岸与银行"
        assert p.tabs.tabText(0) == "词元"
        p.shutdown()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_view_gets_real_height_in_the_window_at_1280x800(main_window, qtbot):
    win = main_window
    win.resize(1280, 800)
    win.show_panel("context")
    panel = win.panels["context"]
    qtbot.waitUntil(lambda: panel.view.isVisible() and panel.view.height() > 0, timeout=3000)
    dock = win.docks["context"]
    qtbot.waitUntil(lambda: panel.view.height() >= 0.3 * dock.height(), timeout=3000)
    assert panel.view.height() >= 200 and panel.view.width() >= 300
    assert panel.view.height() > panel.tabs.height()  # the picture comes first
    small = panel.editor.height()
    win.set_text_scale(2.0)  # a projector: the sentence box grows with its text
    qtbot.waitUntil(lambda: panel.editor.height() > 1.6 * small, timeout=3000)
    win.set_text_scale(1.0)
