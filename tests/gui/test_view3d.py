"""The 3D view under Xvfb with real OpenGL: pixels, clicks, slices, overlays."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from embviz.core.workspace import Overlay, Workspace
from embviz.gui.theme import VIEW3D
from embviz.gui.theme import VIEW3D_CURRENT as THEME
from embviz.gui.view3d import SceneView
from tests.helpers import assert_moves_from_old_to_new, camera_still, framebuffer, view_at_rest

pytestmark = pytest.mark.gui

AXES = ["woman - man", "cats - cat", "king - man"]


@pytest.fixture
def scene(qtbot, default_embeddings):
    ws = Workspace()
    ws.set_embeddings(default_embeddings)
    view = SceneView(ws)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    return ws, view


def _isolated_word(view) -> tuple[str, float, float]:
    """A visible point far from every other one, so a click on it is unambiguous."""
    xy, _, visible = view.screen_positions()
    idx = np.flatnonzero(visible)
    pts = xy[idx]
    d = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1))
    d[np.arange(len(pts)), np.arange(len(pts))] = np.inf
    best = idx[int(np.argmax(d.min(axis=1)))]
    return view.workspace.shown_words[best], float(xy[best, 0]), float(xy[best, 1])


def test_background_and_point_pixels(scene):
    _ws, view = scene
    pix = framebuffer(view)
    assert (np.abs(pix[3, 3] - np.array(THEME["background"])) <= 2).all()
    word, x, y = _isolated_word(view)
    # the centre of a sprite is the point colour (the rim is darker)
    assert (np.abs(pix[round(y), round(x)] - np.array(THEME["point"][:3])) <= 12).all(), word


def test_clicking_a_point_lists_its_neighbours(scene, qtbot):
    from embviz.gui.panels.search import SearchPanel

    ws, view = scene
    panel = SearchPanel(ws)
    qtbot.addWidget(panel)
    panel._on_loaded(ws.embeddings)
    view.wordClicked.connect(ws.select)
    word, x, y = _isolated_word(view)
    with qtbot.waitSignal(view.wordClicked, timeout=2000) as sig:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))
    assert sig.args == [word]
    assert ws.selected == word
    expected = [n.word for n in ws.embeddings.neighbors(word, k=10)]
    assert panel.neighbor_words() == expected
    # the selected point is drawn big and orange once the camera has flown to it
    qtbot.waitUntil(lambda: camera_still(view), timeout=30_000)
    xy, _, _ = view.screen_positions()
    i = ws.shown_words.index(word)
    pix = framebuffer(view)
    assert (
        np.abs(pix[round(xy[i, 1]), round(xy[i, 0])] - np.array(THEME["selected"][:3])) <= 12
    ).all()


def test_click_on_empty_space_selects_nothing(scene, qtbot):
    ws, view = scene
    view.wordClicked.connect(ws.select)
    assert view.word_at(3, 3) is None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert ws.selected is None


def test_switching_slice_animates_from_old_to_new_positions(scene, qtbot):
    ws, view = scene
    assert_moves_from_old_to_new(view, qtbot, lambda: ws.set_axes(AXES))
    assert view.info_lines()[0].startswith("Directions orthogonalised in the order x, y, z")
    assert "of a word's length" in view.info_lines()[1]


def test_overlay_arrow_and_marker_are_drawn_where_the_slice_puts_them(scene, qtbot):
    ws, view = scene
    emb = ws.embeddings
    color = (255, 0, 255)
    target = emb.vector("king") - emb.vector("man") + emb.vector("woman")
    ws.set_overlay(
        "test",
        Overlay(arrows=[(emb.vector("man"), emb.vector("woman"), "gender")],
                markers=[(target, "king - man + woman")], color=color),
    )  # fmt: skip
    from embviz.core.labels import project_to_screen

    def magenta(pix):
        return (np.abs(pix - np.array(color)) <= 30).all(axis=2)

    world = ws.projection.apply(target[None, :]) * view._scale
    xy, _, vis = project_to_screen(world, view.mvp(), view.width(), view.height())
    assert vis[0]
    x, y = round(xy[0, 0]), round(xy[0, 1])

    def drawn():
        pix = framebuffer(view)
        assert (np.abs(pix[y, x] - np.array(color)) <= 12).all()
        assert magenta(pix).sum() > 150  # marker sprite, arrow shaft and head, two labels

    qtbot.waitUntil(drawn, timeout=10_000)
    ws.set_overlay("test", None)
    qtbot.waitUntil(lambda: magenta(framebuffer(view)).sum() == 0, timeout=10_000)


def test_colour_by_cluster_uses_the_palette_and_a_legend(scene, qtbot):
    ws, view = scene
    ws.set_coloring("cluster", n_clusters=3)

    def coloured():
        pix = framebuffer(view)
        for rgb in VIEW3D["dark"]["categories"][:3]:
            assert ((np.abs(pix - np.array(rgb)) <= 10).all(axis=2)).sum() > 30, rgb

    qtbot.waitUntil(coloured, timeout=10_000)


def test_word_at_prefers_the_point_nearest_the_camera(qtbot):
    from embviz.core.embeddings import Embeddings

    vecs = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]], np.float32)
    ws = Workspace()
    ws.set_embeddings(Embeddings(["o", "a", "b", "c"], vecs), ["o", "a", "b", "c"])
    ws.set_projection("raw", raw_dims=(0, 1, 2))
    view = SceneView(ws)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    xy, _depth, _ = view.screen_positions()
    for i, w in enumerate(ws.shown_words):
        assert view.word_at(xy[i, 0], xy[i, 1]) == w
    assert view.word_at(xy[0, 0] + 40, xy[0, 1] + 40, radius=5) is None


def test_slice_panel_drives_the_view_and_reports_errors(scene, qtbot):
    from embviz.gui.panels.slice import SlicePanel

    ws, view = scene
    panel = SlicePanel(ws)
    qtbot.addWidget(panel)
    panel.mode.setCurrentIndex(2)  # semantic axes with the default expressions
    assert ws.mode == "axes" and ws.projection.labels == tuple(AXES)
    assert (
        "<b>x</b>: woman - man" in panel.summary.text()
        and "of a shown word's vector length" in panel.summary.text()
    )
    panel.axis_edits[1].setText("cats - caat")
    assert not panel.apply_axes()
    assert "'caat'" in panel.slice_error.text() and "did you mean" in panel.slice_error.text()
    assert ws.projection.labels == tuple(AXES)  # unchanged
    panel.axis_edits[1].setText("2*woman - 2*man")
    assert not panel.apply_axes()
    assert "parallel" in panel.slice_error.text()
    panel.source.setCurrentIndex(2)
    panel.count.setValue(8)
    panel.word_edit.setText("tower")
    assert panel.show_selected_words()
    assert ws.shown_words[0] == "tower" and len(ws.shown_words) == 9
    panel.source.setCurrentIndex(4)
    panel.list_edit.setPlainText("king queen xqzzy")
    assert panel.show_selected_words()
    assert ws.shown_words == ["king", "queen"] and "xqzzy" in panel.words_message.text()
    panel.label_size.setValue(200)
    assert view.label_scale == 2.0
    panel.mode.setCurrentIndex(3)
    assert ws.mode == "random"


def test_every_neighbour_of_a_search_is_a_visible_green_point(main_window, qtbot):
    win = main_window
    win.view.resize(900, 700)
    win.workspace.select("king")  # a teaching word: most of its neighbours are not
    qtbot.waitUntil(lambda: view_at_rest(win.view), timeout=30_000)  # the flight to the word
    neighbours = [n.word for n in win.workspace.neighbors]
    assert len(neighbours) == 10
    assert set(neighbours) <= set(win.workspace.shown_words)
    win.view.show_labels = False  # look at the points alone
    img = framebuffer(win.view)
    xy, _depth, visible = win.view.screen_positions()
    green = np.array(THEME["neighbor"][:3])
    orange = np.array(THEME["selected"][:3])
    seen = 0
    for w in neighbours:
        i = win.view._at[w]
        assert visible[i]
        x, y = np.round(xy[i]).astype(int)
        patch = img[y - 1 : y + 2, x - 1 : x + 2, :3].reshape(-1, 3).astype(int)
        # drawn over the other words: green, unless the selected word covers it
        seen += any((np.abs(patch - c).max(axis=1) <= 40).any() for c in (green, orange))
    assert seen == len(neighbours)


@pytest.mark.parametrize("name", ["dark", "light"])
def test_labels_have_a_halo_over_points(scene, name):
    from PySide6.QtGui import QImage, QPainter

    from embviz.gui.theme import set_view3d as apply_theme

    _ws, view = scene
    apply_theme(name)
    try:
        view._place = lambda: [(0, 10.0, 40.0, "Wg king", THEME["label"])]
        img = QImage(160, 60, QImage.Format.Format_RGB888)
        img.fill(QColor(*THEME["point"][:3]))  # a label right over a crowd of points
        p = QPainter(img)
        view._paint_labels(p)
        p.end()
        arr = np.frombuffer(img.constBits(), np.uint8).reshape(60, img.bytesPerLine())
        pix = arr[:, : 160 * 3].reshape(60, 160, 3).astype(int)
        halo = np.abs(pix - np.array(THEME["halo"][:3])).max(axis=2) <= 40
        text = np.abs(pix - np.array(THEME["label"][:3])).max(axis=2) <= 40
        assert text.sum() > 30
        # an outline in the background's colour around the letters
        assert halo.sum() > 0.5 * text.sum()
    finally:
        apply_theme("dark")
