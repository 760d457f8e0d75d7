"""The theme is the whole window's: palette, menus, panels, plots, the 3D views."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from embviz.gui import theme

pytestmark = pytest.mark.gui


def pixels(widget) -> np.ndarray:
    """What a (non-GL) widget shows, as an (h, w, 3) int array."""
    img = widget.grab().toImage()
    return np.array([[img.pixelColor(x, y).getRgb()[:3] for x in range(0, img.width(), 2)]
                     for y in range(0, img.height(), 2)])  # fmt: skip


def lightness(rgb) -> float:
    return float(np.mean(rgb))


def window_color():
    return QApplication.palette().color(QPalette.ColorRole.Window)


@pytest.fixture
def directions(main_window, qtbot):
    main_window.show_panel("directions")
    panel = main_window.panels["directions"]
    qtbot.waitUntil(lambda: len(panel.scores) > 0, timeout=10000)
    return panel


def test_light_and_dark_reach_panels_and_plots(main_window, directions, qtbot):
    win = main_window
    assert theme.current() == "dark"
    assert window_color().lightness() < 60
    bars = pixels(directions.bars)
    assert lightness(bars[3, 3]) < 40  # the plot's background is dark ...
    assert (bars.sum(axis=2) > 600).sum() > 100  # ... with light axis text and ticks

    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert theme.current() == "light" and win.settings.value("theme") == "light"
    assert window_color().lightness() > 230
    assert directions.palette().color(QPalette.ColorRole.WindowText).lightness() < 30
    bars = pixels(directions.bars)
    assert (bars[3, 3] >= 250).all()  # white plot ...
    assert (bars.sum(axis=2) < 150).sum() > 100  # ... black text
    # the group colours are the darker set, readable on white
    img = directions.bars.grab().toImage()
    seen = {img.pixelColor(x, y).name() for x in range(0, img.width(), 3)
            for y in range(0, img.height(), 3)}  # fmt: skip
    assert theme.colors("light")["series"][0] in seen
    assert theme.colors("dark")["series"][0] not in seen
    loss = win.panels["train"].loss_plot
    assert loss.backgroundBrush().color().getRgb()[:3] == (255, 255, 255)

    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert theme.current() == "dark" and win.settings.value("theme") == "dark"
    assert window_color().lightness() < 60
    assert lightness(pixels(directions.bars)[3, 3]) < 40
    assert loss.backgroundBrush().color().getRgb()[:3] == theme.colors()["plot_background"]


def test_heatmaps_and_menus_follow(main_window, qtbot):
    win = main_window
    win.show_panel("posenc")
    heatmap = win.panels["posenc"].pe_map
    win.set_theme("light")
    try:
        assert heatmap.backgroundBrush().color().lightness() > 250
        axis = heatmap.plot.getAxis("bottom")
        assert axis.pen().color().lightness() < 30 and axis.textPen().color().lightness() < 30
        menu = win.menuBar()
        assert menu.palette().color(QPalette.ColorRole.Window).lightness() > 230
    finally:
        win.set_theme("dark")
    assert heatmap.backgroundBrush().color().lightness() < 40
    assert axis.textPen().color().lightness() > 200
    assert menu.palette().color(QPalette.ColorRole.WindowText).lightness() > 200


def test_styled_and_cleared_labels_follow_the_theme(main_window, qtbot):
    # Qt keeps a widget with a style sheet on the palette it was styled with
    train = main_window.panels["train"]

    def text_color():
        return train.status.palette().color(QPalette.ColorRole.WindowText).getRgb()[:3]

    train._error("something went wrong")
    assert text_color() == (255, 107, 107)  # the dark theme's error red
    main_window.set_theme("light")
    try:
        assert text_color() == (200, 0, 0)  # the light theme's, readable on white
        train.header.show_status("Ready")  # cleared: plain text again
        assert text_color() == (0, 0, 0)
    finally:
        main_window.set_theme("dark")
    assert text_color() == (238, 240, 245)


def test_the_theme_is_remembered(qtbot):
    from embviz.gui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.set_theme("light")
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    try:
        assert second.light_action.isChecked() and theme.current() == "light"
        assert window_color().lightness() > 230
    finally:
        second.set_theme("dark")
        second.close()


def test_switching_after_a_panel_is_deleted_is_safe(qtbot):
    from embviz.core.workspace import Workspace
    from embviz.gui.panels.directions import make_panel

    panel = make_panel(Workspace())
    with qtbot.waitSignal(panel.destroyed, timeout=10_000):
        panel.deleteLater()  # deleted: its theme connection must be gone with it
    theme.apply("light")
    theme.apply("dark")
