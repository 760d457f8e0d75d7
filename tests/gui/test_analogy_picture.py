"""The analogy's picture: its words labelled, its own slice on request, nothing stale."""

import numpy as np

from tests.helpers import view_at_rest


def _labelled(view) -> set[str]:
    view.grabFramebuffer()
    return {text for *_, text, _color in view._place()}


def _settle(win, qtbot):
    qtbot.waitUntil(lambda: view_at_rest(win.view), timeout=30_000)  # points and camera


def test_the_words_of_the_parallelogram_are_labelled(main_window, qtbot):
    win = main_window
    win.workspace.select("tower")  # an earlier search
    panel = win.show_panel("analogy") and win.panels["analogy"]
    panel.expr.setText("king - man + woman")
    res = panel.run_query()
    _settle(win, qtbot)
    assert res.results[0].word == "queen"
    # the search's green neighbours are gone: they are not part of this answer
    assert win.workspace.selected is None and win.workspace.neighbors == []
    assert {"king", "man", "woman", "queen"} <= _labelled(win.view)


def test_slice_along_the_analogy_labels_its_words(main_window, qtbot):
    win = main_window
    win.workspace.set_axes(["woman - man", "cats - cat", "king - man"])  # the royal axes
    panel = win.panels["analogy"]
    win.show_panel("analogy")
    assert not panel.slice_button.isEnabled()
    panel.expr.setText("paris - france + italy")
    res = panel.run_query()
    assert res.results[0].word == "rome"
    assert panel.slice_button.isEnabled()
    panel.slice_button.click()
    ws = win.workspace
    assert ws.mode == "axes"
    assert ws.projection.labels[0] == "paris - france"
    assert ws.projection.labels[2] == "italy - france"
    # the slice panel shows the axes that are on show
    edits = [e.text() for e in win.panels["slice"].axis_edits]
    assert edits[0] == "paris - france" and edits[2] == "italy - france"
    _settle(win, qtbot)
    assert {"paris", "france", "italy", "rome"} <= _labelled(win.view)
    # france→paris and italy→rome are parallel in 3D, as the question says
    pos = {w: win.view._pos[win.view._at[w]] for w in ("paris", "france", "italy", "rome")}
    d1, d2 = pos["paris"] - pos["france"], pos["rome"] - pos["italy"]
    cos = float(d1 @ d2 / np.linalg.norm(d1) / np.linalg.norm(d2))
    assert cos > 0.5


def test_each_tour_step_starts_without_earlier_highlights(main_window, qtbot):
    win = main_window
    panel = win.panels["analogy"]
    panel.expr.setText("paris - france + italy")
    panel.run_query()
    assert win.workspace.overlays
    win.tour.show()
    win.tour.go(1)  # the 3D slice: no arrows, no green points
    assert not win.workspace.overlays
    assert win.workspace.selected is None
    win.tour.go(3)  # the analogy step draws its own
    assert set(win.workspace.overlays) == {"analogy"}
    win.tour.go(4)
    assert not win.workspace.overlays
