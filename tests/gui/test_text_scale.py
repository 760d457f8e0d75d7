"""Larger text grows menus, dialogs and tables together and never shrinks the 3D picture."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QInputDialog

from tests.helpers import deliver_posted_events


def _extent(view) -> np.ndarray:
    """On-screen width and height of the drawn point cloud, in pixels."""
    xy, _depth, visible = view.screen_positions()
    return np.ptp(xy[visible], axis=0)


def _larger(win, qtbot, times: int) -> None:
    for _ in range(times):
        qtbot.keyClick(win, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    deliver_posted_events(qtbot)  # the docks' second resize comes in a zero-delay timer


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("panel", ["search", "analogy"])
def test_three_presses_keep_the_point_cloud_size(main_window, qtbot, size, panel):
    win = main_window
    win.resize(*size)
    win.show_panel(panel)
    win.view.reset_camera()
    deliver_posted_events(qtbot)  # the new window size and panel, laid out
    before = _extent(win.view)
    base = QApplication.font().pointSizeF()
    _larger(win, qtbot, 3)
    assert win.text_scale == pytest.approx(1.25**3)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.25**3, rel=0.01)
    after = _extent(win.view)
    assert (after >= 0.9 * before).all(), f"cloud {before} -> {after} pixels"


def test_menus_dialogs_and_tables_grow_with_the_text(main_window, qtbot):
    win = main_window
    base = QApplication.font().pointSizeF()
    _larger(win, qtbot, 3)
    want = base * 1.25**3
    menu = win.menuBar().actions()[0].menu()  # File
    export = next(a.menu() for a in menu.actions() if a.menu() and "Export" in a.text())
    assert menu.font().pointSizeF() == pytest.approx(want, rel=0.01)
    assert export.font().pointSizeF() == pytest.approx(want, rel=0.01)
    dialog = QInputDialog(win)
    qtbot.addWidget(dialog)
    assert dialog.font().pointSizeF() == pytest.approx(want, rel=0.01)
    # the neighbour table's word column is wide enough for its header and words
    win.show_panel("search")
    win.workspace.select("temperature")
    table = win.panels["search"].table

    def wide_enough():
        assert table.rowCount() > 0
        fm = QFontMetricsF(table.font())
        words = [table.item(r, 0).text() for r in range(table.rowCount())]
        need = max(fm.horizontalAdvance(t) for t in ["neighbour", *words])
        assert table.horizontalHeader().sectionSize(0) > need

    qtbot.waitUntil(wide_enough, timeout=10_000)
    # Ctrl+0: everything back to normal
    qtbot.keyClick(win, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == pytest.approx(base)
