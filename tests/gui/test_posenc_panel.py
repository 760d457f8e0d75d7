"""The Positional encoding panel: heatmaps from the real formula, learned matrices, token + position."""

from __future__ import annotations

import numpy as np
import pytest

import embviz
from embviz.core import posenc as P
from embviz.core.workspace import Workspace
from embviz.gui.panels import posenc as panel_mod


@pytest.fixture
def panel(qtbot, default_embeddings):
    ws = Workspace()
    p = panel_mod.make_panel(ws)
    qtbot.addWidget(p)
    p.resize(900, 850)
    p.show()
    qtbot.waitExposed(p)
    ws.set_embeddings(default_embeddings)
    return p


def test_heatmap_follows_the_sliders(panel):
    assert panel_mod.TITLE == "Positional encoding"
    panel.d_slider.setValue(33)
    panel.len_spin.setValue(40)
    panel.base_spin.setValue(500)
    panel.layout_combo.setCurrentText("concatenated")
    np.testing.assert_allclose(
        panel.pe_map.matrix, embviz.positional_encoding(40, 33, 500, "concatenated"), atol=1e-6
    )
    assert panel.pe_map.image.image.shape == (40, 33)
    assert "concatenated: all sin dims" in panel.layout_note.text()
    assert panel.pe_map.bar.levels() == pytest.approx((-1.0, 1.0), abs=1e-3)
    assert panel.pe_map.plot.getAxis("bottom").labelText == "dimension"
    assert panel.pe_map.plot.getAxis("left").labelText == "position"
    assert panel.base_slider.value() == 27  # log10(500) = 2.7


def test_heatmap_pixels_use_the_diverging_map(panel):
    img = panel.pe_map.grab().toImage()
    red = blue = 0
    for x in range(0, img.width(), 4):
        for y in range(0, img.height(), 4):
            c = img.pixelColor(x, y)
            red += c.red() > 150 and c.blue() < 90
            blue += c.blue() > 150 and c.red() < 90
    assert red > 200 and blue > 50


def test_waves_plot_the_chosen_dimensions(panel):
    panel.tabs.setCurrentIndex(1)
    panel.dims_edit.setText("0 3 999 x")
    panel.dims_edit.editingFinished.emit()
    curves = panel.waves.getPlotItem().listDataItems()
    assert len(curves) == 2
    pe = panel.encoding()
    np.testing.assert_allclose(curves[1].yData, pe[:, 3])
    assert "999" in panel.waves_msg.text() and "x" in panel.waves_msg.text()


def test_similarity_and_one_position_against_all(panel):
    panel.tabs.setCurrentIndex(2)
    panel.pos_spin.setValue(7)
    pe = panel.encoding()
    np.testing.assert_allclose(panel.sim_map.matrix, pe @ pe.T, rtol=1e-5, atol=1e-4)
    (line,) = panel.sim_line.getPlotItem().listDataItems()
    assert int(np.argmax(line.yData)) == 7


def test_learned_matrix_beside_sinusoidal(panel, tmp_path):
    from safetensors.numpy import save_file

    m = np.linspace(-1, 1, 12 * 50, dtype=np.float32).reshape(12, 50)
    save_file({"embeddings.position_embeddings.weight": m}, str(tmp_path / "m.safetensors"))
    assert panel.load_learned(str(tmp_path / "m.safetensors"))
    assert panel.tabs.currentIndex() == 3
    sin_map, learned_map, _sin_sim, learned_sim = panel.learned_maps
    np.testing.assert_array_equal(learned_map.matrix, m)
    assert sin_map.matrix.shape == (12, 50)
    np.testing.assert_allclose(learned_sim.matrix, m @ m.T, rtol=1e-5)


def test_learned_width_mismatch_and_bad_file_are_messages(panel, tmp_path):
    np.save(tmp_path / "wide.npy", np.zeros((16, 768), np.float32))
    assert panel.load_learned(str(tmp_path / "wide.npy"))
    assert "differs from the open vectors' 50 dims" in panel.learned_msg.text()
    panel.tabs.setCurrentIndex(4)
    panel.source_combo.setCurrentIndex(1)
    assert "768 wide but the vectors have 50 dimensions" in panel.sum_msg.text()
    (tmp_path / "bad.npy").write_bytes(b"nonsense")
    assert not panel.load_learned(str(tmp_path / "bad.npy"))
    assert "bad.npy" in panel.learned_msg.text()


def test_token_plus_position(panel, default_embeddings):
    panel.tabs.setCurrentIndex(4)
    panel.sentence.setText("The cat sat on the qqzzxv mat")
    panel.sentence.editingFinished.emit()
    token, position, total = (m.matrix for m in panel.sum_maps)
    words = ["the", "cat", "sat", "on", "the", "mat"]
    np.testing.assert_allclose(token, default_embeddings.vectors[default_embeddings.rows(words)])
    np.testing.assert_allclose(position, embviz.positional_encoding(6, 50), atol=1e-6)
    np.testing.assert_allclose(total, token + position, atol=1e-5)
    assert "Not in the vectors (left out): qqzzxv" in panel.sum_msg.text()
    ticks = [t for _, t in panel.sum_maps[0].plot.getAxis("left")._tickLevels[0]]
    assert ticks == words
    panel.sqrt_check.setChecked(True)
    np.testing.assert_allclose(
        panel.sum_maps[0].matrix[1], default_embeddings.vector("cat") * np.sqrt(50), rtol=1e-5
    )
    assert "token × √50" in panel.sum_maps[0].plot.titleLabel.text


def test_matrix_facts(panel):
    panel.tabs.setCurrentIndex(5)
    text = panel.facts.text()
    assert "50,046 × 50" in text and "2,502,300" in text
    assert "50,257 × 12,288" in text and "617,558,016" in text


def test_too_large_learned_matrix_is_a_message(panel, tmp_path):
    np.save(tmp_path / "huge.npy", np.zeros((30_000, 768), np.float16))
    assert panel.load_learned(str(tmp_path / "huge.npy"))
    assert "too large to draw" in panel.layout_note.text()


def test_heavy_tailed_learned_matrix_clips_and_cosine_is_offered(panel, tmp_path):
    from tests.helpers import bert_like

    m = bert_like(128, 64)
    np.save(tmp_path / "bert.npy", m)
    assert panel.load_learned(str(tmp_path / "bert.npy"))
    sin_map, learned_map, _sin_sim, learned_sim = panel.learned_maps
    # The colour bar ends at the 99.5th percentile of |x|, not at the outlier's 1.87 ...
    lim = np.percentile(np.abs(m), 99.5)
    assert learned_map.bar.levels() == pytest.approx((-lim, lim), rel=1e-4)
    # ... and the heatmap says it clips, and how much.
    assert learned_map.range_note.scene() is not None
    note, tip = learned_map.range_note.text, learned_map.range_note.toolTip()
    assert note.startswith("clips") and f"±{lim:.3g}" in note and "1.87" in note
    assert "99.5th percentile" in tip and "clips" in tip
    # The sinusoidal matrix has no heavy tail: no note.
    assert sin_map.range_note.scene() is None
    np.testing.assert_allclose(learned_sim.matrix, m.astype(np.float64) @ m.T, rtol=1e-4)
    # Cosine in the Learned tab is cosine in the Similarity tab too.
    panel.learned_kind.setCurrentIndex(1)
    assert panel.sim_kind.currentData() == "cosine" == panel.similarity_kind
    unit = m / np.linalg.norm(m, axis=1, keepdims=True)
    np.testing.assert_allclose(learned_sim.matrix, unit @ unit.T, atol=1e-5)
    assert "cosine" in learned_sim.plot.titleLabel.text
    panel.tabs.setCurrentIndex(2)
    pe = panel.encoding()
    np.testing.assert_allclose(panel.sim_map.matrix, P.similarity(pe, "cosine"), atol=1e-5)
    assert panel.sim_line.getPlotItem().getAxis("left").labelText == "cosine"
    panel.sim_kind.setCurrentIndex(0)
    assert panel.learned_kind.currentData() == "dot"
    np.testing.assert_allclose(panel.sim_map.matrix, pe @ pe.T, rtol=1e-5, atol=1e-4)
