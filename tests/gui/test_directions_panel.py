"""The Directions panel on the real default data: computed, never staged."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from embviz.core.workspace import Workspace
from embviz.gui.panels import directions as panel_mod


@pytest.fixture
def panel(qtbot, default_embeddings):
    ws = Workspace()
    p = panel_mod.make_panel(ws)
    qtbot.addWidget(p)
    p.resize(600, 950)
    p.show()
    qtbot.waitExposed(p)
    ws.set_embeddings(default_embeddings)
    return p


def _bars(p):
    items = [i for i in p.bars.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
    assert len(items) == 1
    return items[0]


def _ticks(p):
    return [t for _, t in p.bars.getPlotItem().getAxis("left")._tickLevels[0]]


def test_plurals_above_singulars_and_numbers_grow(panel, default_embeddings):
    assert panel_mod.TITLE == "Directions"
    assert panel.direction.label == "cats − cat"
    widths = np.asarray(_bars(panel).opts["width"], dtype=float)
    words = _ticks(panel)
    by = dict(zip(words, widths, strict=True))
    d = default_embeddings.vector("cats").astype(float) - default_embeddings.vector("cat")
    assert by["puppies"] == pytest.approx(float(default_embeddings.vector("puppies") @ d), rel=1e-5)
    for sing, plur in [("puppy", "puppies"), ("octopus", "octopuses"), ("student", "students"),
                       ("cat", "cats")]:  # fmt: skip
        assert by[plur] > by[sing]
    assert by["one"] < by["two"] < by["three"] < by["four"]
    assert (
        panel.bars.getPlotItem().getAxis("bottom").labelText == "dot product with cats − cat (raw)"
    )
    assert "singular -3.36, plural +2.32" in panel.message.text()


def test_bars_are_drawn_in_group_colours(panel, qtbot):
    img = panel.bars.grab().toImage()
    w, h = img.width(), img.height()
    colours = {img.pixelColor(x, y).name() for x in range(0, w, 3) for y in range(0, h, 3)}
    for c in panel_mod.GROUP_COLOURS[:3]:
        assert c in colours


def test_cosine_toggle_changes_values_and_unit(panel):
    panel.measure.setCurrentIndex(2)
    assert panel.bars.getPlotItem().getAxis("bottom").labelText.startswith("cosine similarity")
    widths = np.asarray(_bars(panel).opts["width"], dtype=float)
    assert np.all(np.abs(widths) <= 1)
    assert panel.table.horizontalHeaderItem(2).text() == "cosine"
    assert panel.table.rowCount() == len(panel.scores) == 26


def test_unknown_words_are_listed_not_fatal(panel):
    panel.words.setPlainText("plural: cats qqzzxv dogs")
    panel.apply()
    assert [s.word for s in panel.scores] == ["cats", "dogs"]
    assert "Not in the vocabulary: qqzzxv" in panel.message.text()


def test_empty_pair_list_is_a_clear_message(panel):
    panel.source.setCurrentIndex(1)
    panel.pairs.setPlainText("")
    panel.apply()
    assert panel.direction is None
    assert "pair list is empty" in panel.message.text()
    assert panel.scores == []
    assert not [i for i in panel.bars.getPlotItem().items if isinstance(i, pg.BarGraphItem)]


def test_section_and_presets(panel):
    panel.source.setCurrentIndex(2)
    panel.section.setCurrentText("gram8-plural")
    assert panel.direction.label == "mean of gram8-plural pairs"
    assert len(panel.direction.pairs) == 37
    panel.preset.setCurrentText("gender (male → female)")
    assert panel.direction.label.startswith("mean of")
    groups = {s.group for s in panel.scores}
    assert groups == {"male", "female"}
    female = np.mean([s.value for s in panel.scores if s.group == "female"])
    male = np.mean([s.value for s in panel.scores if s.group == "male"])
    assert female > male


def test_use_as_axis_sends_the_direction_to_the_3d_view(panel):
    panel.axis_slot.setCurrentIndex(1)
    assert panel.use_as_axis()
    assert "Sent to the 3D view as its y axis" in panel.message.text()
    assert "Group means" in panel.message.text()
    ws = panel.workspace
    assert ws.mode == "axes"
    assert ws.axis_labels[1] == "cats − cat"
    np.testing.assert_allclose(ws.axis_vectors[1], panel.direction.vector, rtol=1e-6)
