import pytest
from PySide6.QtCore import Qt

from embviz.gui.tour import STEPS

pytestmark = pytest.mark.gui


def test_the_tour_walks_the_lesson_on_the_default_data(main_window, qtbot):
    win = main_window
    tour = win.tour
    tour.start()
    assert tour.isVisible() and tour.index == 0
    assert "“king” is [" in tour.text.text() and "50 numbers" in tour.text.text()
    assert win.workspace.selected == "king"
    texts = [tour.text.text()]
    for _ in range(len(STEPS) - 1):
        qtbot.mouseClick(tour.next, Qt.MouseButton.LeftButton)
        texts.append(tour.text.text())
    assert not tour.next.isEnabled()
    assert all("could not be shown" not in t for t in texts), texts
    assert win.workspace.mode == "axes"  # step 3 left the semantic axes
    assert "nearest word is “queen”" in texts[3]
    assert "one (" in texts[4] and "graded sense" in texts[4]
    assert win.docks["posenc"].isVisible()
    tour.back.click()
    assert tour.index == len(STEPS) - 2
