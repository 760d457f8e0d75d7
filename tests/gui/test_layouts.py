"""t-SNE and UMAP in the window: background job with progress and Cancel, no axes."""

from __future__ import annotations

import sys
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from embviz.core import nonlinear, slicespec
from embviz.core.workspace import Workspace
from embviz.gui.panels.slice import SlicePanel
from embviz.gui.theme import VIEW3D_CURRENT as THEME
from embviz.gui.view3d import SceneView
from tests.helpers import assert_moves_from_old_to_new, camera_still, framebuffer, wait_job_ended

pytestmark = pytest.mark.gui
needs_tsne = pytest.mark.skipif(
    "tsne" not in nonlinear.available(), reason="needs embviz[projections]"
)


def _index(kind: str) -> int:
    return slicespec.choice_index(slicespec.default(kind))


@pytest.fixture
def scene(qtbot, default_embeddings):
    ws = Workspace()
    ws.set_embeddings(default_embeddings)
    view = SceneView(ws)
    panel = SlicePanel(ws)
    qtbot.addWidget(view)
    qtbot.addWidget(panel)
    view.resize(900, 700)
    view.show()
    panel.show()
    qtbot.waitExposed(view)
    yield ws, view, panel
    panel.shutdown()


def _progress_messages(job) -> list[str]:
    seen: list[str] = []
    job._runner.progressed.connect(lambda _f, m: seen.append(m))
    return seen


@needs_tsne
def test_choosing_tsne_runs_in_the_background_then_shows_points_without_axes(scene, qtbot):
    ws, view, panel = scene
    panel.mode.setCurrentIndex(_index("tsne"))
    job = panel.job
    assert job is not None and job.is_running()
    assert ws.mode == "pca"  # the old slice stays until the layout is ready
    messages = _progress_messages(job)
    qtbot.waitUntil(lambda: ws.mode == "tsne", timeout=120_000)
    assert panel.job is None and job._dialog is None  # the progress dialog closed
    assert any(m.startswith("t-SNE: iteration") for m in messages), messages
    assert panel.mode.currentIndex() == _index("tsne") and panel.slice_error.text() == ""
    # no axes: neither arrows nor names, and no in-slice fractions
    assert not view._axes.visible() and view._axis_names() == []
    lines = view.info_lines()
    assert lines[0].startswith("Not a slice: t-SNE places words so that neighbours stay together")
    assert lines[1] == f"t-SNE of the {len(ws.shown_rows)} shown words (seed 0)."
    assert not any("of a word's length" in line for line in lines)
    assert "Not a slice" in panel.summary.text() and "%" not in panel.summary.text()
    qtbot.waitUntil(lambda: not view.is_animating(), timeout=3000)
    pix = framebuffer(view)
    point = np.array(THEME["point"][:3])
    assert ((np.abs(pix - point) <= 12).all(axis=2)).sum() > 500
    for rgb in THEME["axis"][:2]:  # no axis line anywhere (z's blue is the points')
        assert ((np.abs(pix - np.array(rgb)) <= 20).all(axis=2)).sum() < 30

    # run again with the next seed: another picture, the seed shown
    first = ws.projection.coords.copy()
    panel._run_again("tsne")
    qtbot.waitUntil(lambda: ws.layout.seed == 1, timeout=120_000)
    assert panel.layout_seeds["tsne"].value() == 1 and "(seed 1)" in view.info_lines()[1]
    assert not np.allclose(ws.projection.coords, first)
    # back to seed 0: the same words and seed, so the same picture at once (no job)
    panel.layout_seeds["tsne"].setValue(0)
    assert panel.run_layout("tsne") is None
    assert np.array_equal(ws.projection.coords, first)
    # and back to PCA: axes again
    panel.mode.setCurrentIndex(0)
    assert ws.mode == "pca" and view._axes.visible() and len(view._axis_names()) == 3


@needs_tsne
def test_cancel_keeps_the_previous_slice(scene, qtbot):
    ws, view, panel = scene
    panel.source.setCurrentIndex(1)  # most frequent words
    panel.count.setValue(3000)
    assert panel.show_selected_words()
    panel.mode.setCurrentIndex(_index("random"))
    before = ws.projection
    panel.mode.setCurrentIndex(_index("tsne"))
    job = panel.job
    messages = _progress_messages(job)
    qtbot.waitUntil(lambda: any("iteration" in m for m in messages), timeout=120_000)
    job._dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: panel.job is None, timeout=30_000)
    assert not job.is_running()
    assert ws.mode == "random" and ws.projection is before
    assert panel.mode.currentIndex() == _index("random")
    assert panel.slice_error.text() == "t-SNE cancelled: the slice on show stays."
    assert view._axes.visible()


@needs_tsne
def test_the_switch_animates_from_the_old_positions(scene, qtbot):
    ws, view, _panel = scene
    layout = ws.compute_layout("tsne", seed=0)
    assert_moves_from_old_to_new(view, qtbot, lambda: ws.set_layout(layout))


@needs_tsne
def test_overlays_are_hidden_not_misplaced(scene, qtbot):
    from embviz.core.workspace import Overlay

    ws, view, _panel = scene
    emb = ws.embeddings
    ws.set_overlay("t", Overlay(arrows=[(emb.vector("man"), emb.vector("king"), "royal")],
                                markers=[(emb.vector("queen"), "q")]))  # fmt: skip
    assert view._overlay_lines.visible()
    ws.set_layout(ws.compute_layout("tsne", seed=0))
    assert not view._overlay_lines.visible() and view._markers.count == 0
    assert view.info_lines()[-1].startswith("Arrows and computed points are hidden")
    ws.set_projection("pca")
    assert view._overlay_lines.visible()


@needs_tsne
def test_new_words_under_tsne_are_laid_out_again(scene, qtbot):
    ws, _view, panel = scene
    ws.set_layout(ws.compute_layout("tsne", seed=0))
    ws.select("volcano")  # not shown: it and its neighbours join, t-SNE is computed again
    assert ws.mode == "pca" and "no longer apply" in panel.slice_error.text()
    qtbot.waitUntil(lambda: panel.job is not None, timeout=2000)
    qtbot.waitUntil(lambda: ws.mode == "tsne", timeout=120_000)
    assert "volcano" in ws.shown_words and ws.layout.seed == 0
    assert panel.mode.currentIndex() == _index("tsne")


def test_without_the_packages_the_entries_are_disabled_and_say_how_to_install(
    qtbot, default_embeddings, monkeypatch
):
    monkeypatch.setitem(sys.modules, "openTSNE", None)
    monkeypatch.setitem(sys.modules, "umap", None)
    ws = Workspace()
    ws.set_embeddings(default_embeddings)
    panel = SlicePanel(ws)
    qtbot.addWidget(panel)
    for kind in nonlinear.KINDS:
        i = _index(kind)
        assert not panel.mode.model().item(i).isEnabled()
        assert panel.mode.itemText(i) == f"{nonlinear.NAMES[kind]}: not installed"
        tip = panel.mode.itemData(i, Qt.ItemDataRole.ToolTipRole)
        assert "pip install embviz[projections]" in tip
        assert panel.run_layout(kind) is None
        assert "pip install embviz[projections]" in panel.slice_error.text()
        assert ws.mode == "pca" and panel.mode.currentIndex() == 0


@needs_tsne
def test_a_tsne_scene_reopens_instantly(main_window, qtbot, tmp_path):
    win = main_window
    panel = win.panels["slice"]
    panel.mode.setCurrentIndex(_index("tsne"))
    qtbot.waitUntil(lambda: win.workspace.mode == "tsne", timeout=120_000)
    coords = win.workspace.projection.coords.copy()
    path = tmp_path / "tsne.json"
    win.scenes.save(path)
    panel.mode.setCurrentIndex(0)
    assert win.workspace.mode == "pca"
    win.workspace.show_words(["one", "two", "three"])
    win.scenes.open(path)
    assert panel.job is None  # nothing computed: the positions are in the file
    assert win.workspace.mode == "tsne"
    assert np.allclose(win.workspace.projection.coords, coords, rtol=1e-5, atol=1e-5)
    assert panel.mode.currentIndex() == _index("tsne")


@needs_tsne
def test_closing_the_window_stops_a_running_layout(main_window, qtbot):
    panel = main_window.panels["slice"]
    panel.source.setCurrentIndex(1)
    panel.count.setValue(3000)
    assert panel.show_selected_words()
    panel.mode.setCurrentIndex(_index("tsne"))
    assert panel.job is not None and panel.job.is_running()
    # the fixture closes the window: the job must be cancelled and its thread gone


@needs_tsne
def test_the_camera_centres_the_whole_layout_not_the_old_position_of_the_selection(scene, qtbot):
    ws, view, _panel = scene
    ws.select("tiger")
    qtbot.waitUntil(lambda: camera_still(view), timeout=30_000)
    assert np.linalg.norm(list(view.opts["center"])) > 0.5  # centred on "tiger"
    ws.set_layout(ws.compute_layout("tsne", seed=0))
    qtbot.waitUntil(lambda: camera_still(view), timeout=30_000)
    assert np.allclose(list(view.opts["center"]), 0, atol=1e-6)
    _xy, _, visible = view.screen_positions()
    assert visible.all()  # every point of the layout is on screen


def test_choosing_another_slice_does_not_wait_for_a_layout_that_has_not_noticed_cancel(
    scene, qtbot, monkeypatch
):
    # UMAP's neighbour search and first compile do not look at the cancel flag:
    # the window must go on at once, and the late result must not be shown
    ws, _view, panel = scene
    release = threading.Event()
    rows = ws.shown_rows.copy()

    def layout_work(kind, seed=None):
        def work(progress=None):
            release.wait(10)  # deaf to Cancel, like UMAP before its epochs
            return nonlinear.Layout(kind, 0, rows, np.ones((len(rows), 3), np.float32), len(rows))

        return work

    monkeypatch.setattr(ws, "layout_work", layout_work)
    monkeypatch.setattr(nonlinear, "is_available", lambda kind: True)
    panel.mode.setCurrentIndex(_index("tsne"))
    job = panel.job
    assert job is not None and job.is_running()
    panel.mode.setCurrentIndex(_index("random"))  # returns while the work still runs
    assert job.is_running() and job._dialog is None and panel.job is None
    assert ws.mode == "random"
    release.set()
    wait_job_ended(qtbot, job)  # its result, if it were to be reported, came before this
    assert ws.mode == "random"  # the cancelled layout's result was dropped
    assert panel.mode.currentIndex() == _index("random")
