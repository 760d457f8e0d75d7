import pytest
from PySide6.QtCore import Qt

from embviz.gui.tour import STEPS
from tests.helpers import deliver_posted_events, fully_visible

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
    assert tour.next.text() == "Finish" and tour.next.isEnabled()
    assert all("could not be shown" not in t for t in texts), texts
    assert win.workspace.mode == "axes"  # step 3 left the semantic axes
    assert "nearest word is “queen”" in texts[3]
    assert "one (" in texts[4] and "graded sense" in texts[4]
    assert win.docks["posenc"].isVisible()
    tour.back.click()
    assert tour.index == len(STEPS) - 2 and tour.next.text().startswith("Next")
    tour.next.click()
    tour.next.click()  # Finish
    assert not tour.isVisible()
    assert win.docks["posenc"].isVisible()  # what the tour set up stays to explore


def test_step_5_resets_the_words_and_says_what_the_chart_shows(main_window, qtbot):
    win = main_window
    panel = win.panels["directions"]
    panel.words.setPlainText("mine: table chair")  # the user's own words, then the tour
    panel.apply()
    win.tour.start()
    win.tour.go(4)
    text = win.tour.text.text()
    groups = {s.group for s in panel.scores}
    assert groups == {"singular", "plural", "numbers"}
    means = {g: sum(s.value for s in panel.scores if s.group == g) for g in groups}
    n = {g: sum(1 for s in panel.scores if s.group == g) for g in groups}
    plural, singular = means["plural"] / n["plural"], means["singular"] / n["singular"]
    assert f"{plural:+.2f}" in text and f"{singular:+.2f}" in text
    assert ("plural nouns score higher" in text) == (plural > singular)


def test_each_step_shows_its_panel_from_the_top_and_uncut(main_window, qtbot):
    win = main_window
    win.resize(1280, 800)
    win.show_panel("slice")
    area = win.docks["slice"].widget()
    bar = area.verticalScrollBar()
    win.resize(1280, 500)  # small: the slice panel scrolls
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=10_000)
    bar.setValue(bar.maximum())
    win.resize(1280, 800)
    win.tour.start()
    deliver_posted_events(qtbot)
    win.tour.go(1)
    deliver_posted_events(qtbot)
    assert bar.value() == 0
    win.tour.go(5)
    deliver_posted_events(qtbot)
    panel = win.panels["posenc"]
    assert fully_visible(panel.pe_map), "the heatmap is cut under the tour"
    assert fully_visible(panel.d_spin) and fully_visible(win.tour.next)
