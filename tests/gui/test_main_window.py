import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from embviz.gui.theme import VIEW3D_CURRENT as THEME
from tests.helpers import framebuffer, view_at_rest

pytestmark = pytest.mark.gui


def test_window_shows_the_default_words_in_3d(main_window, qtbot):
    win = main_window
    assert "50,046 words × 50 dims" in win.status.text()
    assert win.windowTitle().startswith("embviz — GloVe")
    assert len(win.workspace.shown_words) >= 200
    assert "queen" in win.workspace.shown_words
    pix = framebuffer(win.view).astype(int)
    bg = np.array(THEME["background"])
    assert (np.abs(pix[2, 2] - bg) <= 2).all(), "corner should be background"
    point = np.array(THEME["point"][:3])
    near_point = (np.abs(pix - point) <= 25).all(axis=2)
    assert near_point.sum() > 200 * 20, "expected hundreds of point sprites drawn"
    # labels: light text pixels exist (drawn by the overlay)
    light = (pix > 200).all(axis=2)
    assert light.sum() > 500


def test_search_lists_ten_neighbours_over_the_whole_vocabulary(main_window, qtbot):
    panel = main_window.panels["search"]
    panel.edit.setText("tower")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    words = panel.neighbor_words()
    assert len(words) == 10
    assert words[0] == "towers"
    assert main_window.workspace.selected == "tower"
    assert "tower" in main_window.workspace.shown_words


def test_unknown_word_is_explained_not_fatal(main_window, qtbot):
    panel = main_window.panels["search"]
    panel.edit.setText("quen")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    assert "did you mean" in panel.message.text() and "queen" in panel.message.text()
    assert main_window.workspace.selected is None


def test_clicking_a_point_selects_its_word(main_window, qtbot):
    view = main_window.view
    xy, _, visible = view.screen_positions()
    # the visible point farthest from any other, so the click is unambiguous
    pts = xy[visible]
    idx = np.flatnonzero(visible)
    d = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    i = idx[int(np.argmax(d.min(axis=1)))]
    word = main_window.workspace.shown_words[i]
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(int(xy[i, 0]), int(xy[i, 1])))
    assert main_window.workspace.selected == word
    expected = [n.word for n in main_window.workspace.embeddings.neighbors(word, k=10)]
    assert main_window.panels["search"].neighbor_words() == expected


def test_a_failed_load_keeps_the_data_on_screen(main_window, qtbot, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    before = main_window.workspace.embeddings
    bad = tmp_path / "bad.txt"
    bad.write_text("2 3\nword 1 2 3\nother 1 x 3\n", encoding="utf-8")
    job = main_window.open_path(str(bad))
    with qtbot.waitSignal(job.error, timeout=10000):
        pass
    assert main_window.workspace.embeddings is before
    assert shown and str(bad) in shown[0] and "line 3" in shown[0]
    assert "50,046 words" in main_window.status.text()


def test_opening_a_file_shows_it_and_remembers_it(main_window, qtbot, tmp_path):
    p = tmp_path / "tiny.txt"
    p.write_text("3 3\nking 1 0 0\nqueen 0.9 0.2 0\nman 0 1 0.1\n", encoding="utf-8")
    job = main_window.open_path(str(p))
    with qtbot.waitSignal(job.done, timeout=10000):
        pass
    assert main_window.workspace.embeddings.words == ["king", "queen", "man"]
    assert main_window.windowTitle() == "embviz — tiny.txt"
    assert main_window.recent_files()[0] == str(p)


def test_a_file_dropped_on_the_window_is_opened(main_window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    p = tmp_path / "dropped.txt"
    p.write_text("2 3\nking 1 0 0\nqueen 0.9 0.2 0\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p))])
    action, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.NoButton
    enter = QDragEnterEvent(main_window.rect().center(), action, mime, buttons,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(main_window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(main_window.rect().center()), action, mime, buttons,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(main_window, drop)
    qtbot.waitUntil(lambda: main_window.workspace.embeddings.words == ["king", "queen"],
                    timeout=10000)  # fmt: skip
    assert main_window.recent_files()[0] == str(p)


def test_the_3d_view_keeps_most_of_the_window(main_window):
    # DockManager.fit keeps half the window for the view; the docks are as wide as their
    # tab names need: with seven panels (Context added) ~570 px, 52 % of 1200 left
    assert main_window.view.width() >= 0.5 * main_window.width()
    # however many tab names: the docks take at most TABS_SHARE (then the tabs scroll)
    from embviz.gui.docks import TABS_SHARE

    assert main_window.view.width() >= (1 - TABS_SHARE) * main_window.width() - 8


def test_presentation_controls(main_window, qtbot):
    win = main_window
    # three words far apart, so every label fits at both sizes
    win.workspace.show_words(["king", "paris", "octopuses", "computer"])
    qtbot.waitUntil(lambda: view_at_rest(win.view), timeout=30_000)  # the slice's animation
    small = framebuffer(win.view)
    win.set_text_scale(2.0)
    assert win.view.label_scale == 2.0
    assert win.panels["search"].font().pointSizeF() == pytest.approx(
        2 * win._base_font.pointSizeF()
    )
    win.view.repaint()
    big = framebuffer(win.view)
    # bigger labels light up more pixels
    assert (big > 200).all(axis=2).sum() > 1.5 * (small > 200).all(axis=2).sum()
    win.set_panels_visible(False)
    assert not any(d.isVisible() for d in win.docks.values())
    win.set_panels_visible(True)
    assert all(d.isVisible() for d in win.docks.values())
    qtbot.keyClick(win, Qt.Key.Key_F11)
    qtbot.waitUntil(win.isFullScreen, timeout=3000)
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not win.isFullScreen(), timeout=3000)


def test_text_scale_is_remembered(qtbot):
    from embviz.gui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.set_text_scale(1.5)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.text_scale == pytest.approx(1.5)
    assert second.view.label_scale == pytest.approx(1.5)
    second.close()


def test_light_theme_for_bright_rooms(main_window, qtbot):
    win = main_window
    win.light_action.trigger()
    try:
        pix = framebuffer(win.view).astype(int)
        assert (pix[2, 2] >= 250).all(), "light background"
        dark_text = (pix < 60).all(axis=2).sum()
        assert dark_text > 500, "labels are drawn dark on the light background"
        assert win.settings.value("theme") == "light"
    finally:
        win.set_theme("dark")
    assert (framebuffer(win.view)[2, 2].astype(int) - THEME["background"] <= 2).all()


def test_panel_tabs_show_whole_names(main_window, qtbot):
    from PySide6.QtWidgets import QTabBar

    bars = [b for b in main_window.findChildren(QTabBar) if b.parent() is main_window]
    titles = {d.windowTitle() for d in main_window.docks.values()}
    shown = {b.tabText(i) for b in bars if b.isVisible() for i in range(b.count())}
    assert shown == titles  # every panel has a tab
    for bar in bars:
        assert bar.elideMode() == Qt.TextElideMode.ElideNone and bar.usesScrollButtons()
        for i in range(bar.count()):  # each tab is as wide as its whole title
            need = bar.fontMetrics().horizontalAdvance(bar.tabText(i))
            assert bar.tabRect(i).width() >= need, bar.tabText(i)


def _panel_tabs_fit(win) -> bool:
    from PySide6.QtWidgets import QTabBar

    bars = [b for b in win.findChildren(QTabBar) if b.parent() is win and b.isVisible()]
    return bool(bars) and all(b.tabRect(b.count() - 1).right() <= b.width() for b in bars)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_panel_tab_is_in_sight_at_1280(lang, request, qtbot):
    # eight panel names once needed 640 px of tabs: at 1280 the last ones hid behind
    # scroll arrows (theme.PanelTabsStyle narrows the padding of the dock tabs)
    win = request.getfixturevalue("main_window" if lang == "en" else "zh_window")
    win.resize(1280, 800)
    qtbot.waitUntil(lambda: win.width() == 1280)
    qtbot.waitUntil(lambda: _panel_tabs_fit(win), timeout=5000)


def test_slice_panel_pages_take_their_own_height(main_window, qtbot):
    # PCA's one-line page used to sit above a gap as tall as the axes page
    panel = main_window.panels["slice"]
    main_window.show_panel("slice")
    from embviz.core.slicespec import AxesSlice, PcaSlice, choice_index

    panel.mode.setCurrentIndex(choice_index(PcaSlice("all")))

    def pca_page():  # both PCA entries show PCA's one line, not the axis editor
        assert not any(e.isVisible() for e in panel.axis_edits)
        assert panel.pages.height() < 2 * panel.pages.currentWidget().sizeHint().height() + 10

    qtbot.waitUntil(pca_page, timeout=10_000)  # the pages lay out again in posted events
    pca_height = panel.pages.height()
    panel.mode.setCurrentIndex(choice_index(AxesSlice()))
    qtbot.waitUntil(lambda: panel.pages.height() > pca_height, timeout=2000)
    assert all(e.isVisible() and e.visibleRegion().boundingRect().height() >= e.height() - 1
               for e in panel.axis_edits)  # fmt: skip
