"""The GL view base: bounded text cache, camera fitting, theme subscription."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QWheelEvent

from embviz.core.workspace import Workspace
from embviz.gui import theme
from embviz.gui.glview import GLView, TextCache
from embviz.gui.training.view import TrainingView
from embviz.gui.view3d import SceneView
from tests.helpers import framebuffer

pytestmark = pytest.mark.gui


def test_text_cache_drops_the_least_recently_used(qtbot):
    cache = TextCache(max_size=3)
    key = QFont().key()
    a = cache.static("a", key)
    b = cache.static("b", key)
    cache.static("c", key)
    assert cache.static("a", key) is a  # used again: now the most recent
    cache.static("d", key)  # one too many: "b" goes
    assert cache.static("a", key) is a
    assert cache.static("b", key) is not b
    assert len(cache._static) == 3


def test_text_cache_widths_are_per_font_and_bounded(qtbot):
    cache = TextCache(max_size=5)
    small, big = QFont(), QFont()
    small.setPointSizeF(8)
    big.setPointSizeF(24)
    words = [f"word{i}" for i in range(20)]
    w_small = cache.sizes(words, small)
    w_big = cache.sizes(words, big)
    assert w_small.shape == (20, 2)
    assert (w_big[:, 0] > w_small[:, 0]).all() and (w_big[:, 1] > w_small[:, 1]).all()
    assert len(cache._widths) <= 5
    assert np.array_equal(cache.sizes(words, small), w_small)  # measured again, the same


def test_a_long_run_of_new_words_keeps_the_training_view_cache_bounded(qtbot):
    view = TrainingView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    view.texts.max_size = 50
    rng = np.random.default_rng(0)
    for run in range(6):
        words = [f"w{run}_{i}" for i in range(30)]
        view.set_words(words)
        view.set_frame(rng.normal(size=(30, 3)), ("x", "y", "z"), f"epoch {run}")
        view.grabFramebuffer()
    assert view.frames_drawn >= 6
    assert 0 < len(view.texts._static) <= 50 and len(view.texts._widths) <= 50


def _wheel(view: GLView) -> None:
    centre = QPointF(view.width() / 2, view.height() / 2)
    ev = QWheelEvent(centre, view.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                     Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    view.wheelEvent(ev)


@pytest.mark.parametrize("cls", [TrainingView, SceneView])
def test_the_camera_fits_on_resize_until_the_user_zooms(qtbot, cls):
    view = TrainingView() if cls is TrainingView else SceneView(Workspace())
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    wide = view.opts["distance"]
    assert wide == pytest.approx(view.fit_distance())
    view.resize(340, 600)  # a wide view sees less vertically: this one is nearer
    qtbot.waitUntil(lambda: view.width() == 340)
    assert view.opts["distance"] == pytest.approx(view.fit_distance())
    assert view.opts["distance"] < wide
    assert "distance" not in view.camera()
    _wheel(view)
    zoomed = view.opts["distance"]
    assert zoomed != pytest.approx(view.fit_distance())
    view.resize(500, 500)
    qtbot.waitUntil(lambda: view.width() == 500)
    assert view.opts["distance"] == zoomed  # the user's choice stays
    assert view.camera()["distance"] == zoomed
    view.reset_camera()
    assert view.opts["distance"] == pytest.approx(view.fit_distance())


def test_both_views_follow_the_one_theme_signal(qtbot):
    train = TrainingView()
    scene = SceneView(Workspace())
    for view in (train, scene):
        qtbot.addWidget(view)
        view.resize(200, 150)
        view.show()
        qtbot.waitExposed(view)
    try:
        for name in ("light", "dark"):
            theme.apply(name)
            for view, table in ((train, theme.TRAINING), (scene, theme.VIEW3D)):
                assert view.colors == table[name]
                corner = framebuffer(view)[2, 2]
                assert (np.abs(corner - table[name]["background"]) <= 2).all()
    finally:
        theme.apply("dark")
