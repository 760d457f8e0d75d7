"""The slice panel binds to ``Workspace.slice``: its menu is the spec's, and it follows the model."""

from __future__ import annotations

import pytest

from embviz.core import slicespec
from embviz.core.slicespec import AxesSlice, PcaSlice, RandomSlice, RawSlice, choice_index
from embviz.core.workspace import Workspace
from embviz.gui.panels.slice import SlicePanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, default_embeddings):
    ws = Workspace()
    ws.set_embeddings(default_embeddings)
    p = SlicePanel(ws)
    qtbot.addWidget(p)
    yield p
    p.shutdown()


def test_the_menu_is_the_specs_choices(panel):
    assert [panel.mode.itemText(i) for i in range(panel.mode.count())][:5] == [
        label for label, _ in slicespec.CHOICES[:5]
    ]
    assert panel.pages.count() == len(slicespec.MODES)


def test_the_controls_follow_a_slice_set_elsewhere(panel):
    ws = panel.workspace
    ws.set_slice(RawSlice((3, 7, 11)))  # e.g. from a scene file or a script
    assert panel.mode.currentIndex() == choice_index(RawSlice())
    assert [sp.value() for sp in panel.raw_spins] == [3, 7, 11]
    assert panel.pages.currentIndex() == slicespec.MODES.index("raw")
    ws.set_slice(PcaSlice("all"))
    assert panel.mode.currentIndex() == choice_index(PcaSlice("all"))
    assert ws.slice == PcaSlice("all")  # showing it sent nothing back


def test_choosing_a_mode_in_the_menu_sets_the_spec(panel):
    ws = panel.workspace
    ws.set_slice(RandomSlice(5))
    panel.mode.setCurrentIndex(choice_index(PcaSlice()))
    assert ws.slice == PcaSlice("shown")
    panel.mode.setCurrentIndex(choice_index(RandomSlice()))
    assert ws.slice == RandomSlice(5)  # the random slice last shown, not a new one
    panel.mode.setCurrentIndex(choice_index(AxesSlice()))
    assert ws.slice == AxesSlice(tuple(e.text() for e in panel.axis_edits))
    panel.raw_spins[2].setValue(9)  # the raw page's spins apply at once
    assert ws.slice == RawSlice((0, 1, 9))


def test_an_impossible_choice_shows_its_error_and_keeps_the_slice(panel):
    ws = panel.workspace
    panel.axis_edits[0].setText("notawordatall - man")
    panel.mode.setCurrentIndex(choice_index(AxesSlice()))
    assert "notawordatall" in panel.slice_error.text()
    assert ws.slice == PcaSlice() and panel.mode.currentIndex() == choice_index(PcaSlice())
