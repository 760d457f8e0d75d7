"""Every panel fits the window at the screen sizes people use, in both themes.

The main window is shown at 1280×800 (the default), 1366×768 (a cheap laptop),
1920×1080 and 3840×2160 with text scale 2 (a 4K projector). Each panel — and
each tab of a panel — is brought to the front in turn, and the test asserts:

- no dock shows a horizontal scroll bar;
- the panel's primary action (Find, Go/Solve, Evaluate, Apply, Start training…)
  is visible without scrolling;
- no visible label, button, combo box, tab or plot title is cut — unless it
  has a tooltip (a deliberately elided text says the whole of it there);
- no plot is cut by the dock's edge.
"""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QDockWidget,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTabWidget,
    QWidget,
)

from tests.helpers import deliver_posted_events, fully_visible, visible_rect

pytestmark = pytest.mark.gui

SCREENS = [(1280, 800, 1.0), (1366, 768, 1.0), (1920, 1080, 1.0), (3840, 2160, 2.0)]

# What a user comes to each panel (and tab) to press; by attribute or button text.
PRIMARY = {
    ("search", None): ["Find"],
    ("slice", None): ["Show these words"],
    ("analogy", 0): ["Go", "Solve"],
    ("analogy", 1): ["Evaluate"],
    ("directions", None): ["Apply"],
    ("posenc", None): ["d_spin", "len_spin", "base_spin", "layout_combo"],
    ("posenc", 3): ["Load learned positions…"],
    ("train", None): ["Start training", "Stop"],
    ("context", None): ["Run", "layer_bar"],
}


def _shown(w: QWidget) -> bool:
    return w.isVisible() and not visible_rect(w).isEmpty()


def _cut_horizontally(w: QWidget) -> bool:
    v = visible_rect(w)
    return not v.isEmpty() and v.width() < w.width()


def _has_tip(w: QWidget) -> bool:
    return bool(w.toolTip().strip())


def _label_problem(lab: QLabel) -> str | None:
    if not lab.text().strip() or _has_tip(lab):
        return None
    if _cut_horizontally(lab):
        return "cut by the dock's edge"
    if lab.wordWrap():
        need_w = lab.minimumSizeHint().width()
        if lab.width() < need_w:
            return f"{lab.width()} px wide, needs {need_w}"
        need_h = lab.heightForWidth(lab.width())
        if need_h > lab.height() + 1:
            return f"{lab.height()} px tall, needs {need_h}"
    elif lab.width() < lab.sizeHint().width():
        return f"{lab.width()} px wide, needs {lab.sizeHint().width()}"
    return None


def _button_problem(b: QAbstractButton) -> str | None:
    if not b.text() or _has_tip(b):
        return None
    if _cut_horizontally(b):
        return "cut by the dock's edge"
    if b.width() < b.minimumSizeHint().width():
        return f"{b.width()} px wide, needs {b.minimumSizeHint().width()}"
    return None


def _combo_problem(c: QComboBox) -> str | None:
    text = c.currentText()
    if not text or text in c.toolTip():
        return None  # a shortened text says the whole of it in the tooltip
    if _cut_horizontally(c):
        return "cut by the dock's edge"
    opt = QStyleOptionComboBox()
    c.initStyleOption(opt)
    field = c.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, c
    )
    need = c.fontMetrics().horizontalAdvance(text)
    if field.width() < need:
        return f"text field {field.width()} px, '{text}' needs {need}"
    return None


def _tabbar_problems(bar: QTabBar) -> list[str]:
    out = []
    shown = visible_rect(bar)
    for i in range(bar.count()):
        if not bar.isTabVisible(i) or bar.tabToolTip(i):
            continue
        r = bar.tabRect(i)
        if not shown.contains(r):
            out.append(f"tab '{bar.tabText(i)}' hidden or cut (tab bar {shown.width()} px wide)")
        elif r.width() < bar.tabSizeHint(i).width() - 1:
            out.append(f"tab '{bar.tabText(i)}' elided")
    return out


def _plot_problems(view: pg.GraphicsView) -> list[str]:
    out = []
    if _cut_horizontally(view) or visible_rect(view).height() < view.height():
        out.append(f"{type(view).__name__} cut: {visible_rect(view)} of {view.rect()}")
    shown = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-1, -1, 1, 1)
    for item in view.scene().items():
        if isinstance(item, pg.PlotItem) and item.titleLabel.isVisible():
            text = item.titleLabel.item
            r = text.mapRectToScene(text.boundingRect())
            if not shown.contains(r) or r.height() > item.titleLabel.boundingRect().height() + 1:
                out.append(f"plot title cut: {r} in {shown}")
    return out


def problems(win, dock: QDockWidget) -> list[str]:
    """Everything cut or scrolled sideways in ``dock`` as it is shown now."""
    out = []
    for area in dock.findChildren(QAbstractScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            out.append(f"horizontal scroll bar on {type(area).__name__} {area.objectName()}")
    for w in dock.findChildren(QWidget):
        if not _shown(w):
            continue
        what = f"{type(w).__name__} '{getattr(w, 'text', lambda: '')()}'"
        if isinstance(w, QLabel):
            p = _label_problem(w)
        elif isinstance(w, QAbstractButton):
            p = _button_problem(w)
        elif isinstance(w, QComboBox):
            p = _combo_problem(w)
        elif isinstance(w, QTabBar):
            out += _tabbar_problems(w)
            continue
        elif isinstance(w, pg.GraphicsView):
            out += _plot_problems(w)
            continue
        else:
            continue
        if p:
            out.append(f"{what}: {p}")
    return out


def _chinese(text: str) -> str:
    """``text`` as the Chinese interface shows it (from the translation sources)."""
    if not _ZH:
        import xml.etree.ElementTree as ET
        from pathlib import Path

        for ts in (Path(__file__).resolve().parents[2] / "embviz" / "i18n").glob("zh_CN_*.ts"):
            for msg in ET.parse(ts).getroot().iter("message"):
                _ZH.setdefault(msg.findtext("source"), msg.findtext("translation"))
    return _ZH.get(text, text)


_ZH: dict[str, str] = {}


def _primary_widgets(panel, names):
    from embviz.gui.i18n import current_language

    found = []
    for name in names:
        if current_language() == "zh_CN" and not hasattr(panel, name):
            name = _chinese(name)
        w = getattr(panel, name, None)
        if not isinstance(w, QWidget):
            w = next((b for b in panel.findChildren(QAbstractButton)
                      if b.text() == name and b.isVisible()), None)  # fmt: skip
        found.append((name, w))
    return found


def dock_tab_problems(win) -> list[str]:
    out = []
    for bar in win.findChildren(QTabBar):
        if bar.parent() is win and bar.isVisible():
            out += _tabbar_problems(bar)
    return out


def _settle(qtbot) -> None:
    deliver_posted_events(qtbot)  # the new size, panel or tab laid out


def check_window(win, qtbot, tag: str) -> list[str]:
    """Show each panel and each of its tabs; return every problem found."""
    found = []
    for name, dock in win.docks.items():
        win.show_panel(name)
        _settle(qtbot)
        panel = win.panels[name]
        tabs = [t for t in panel.findChildren(QTabWidget) if t.isVisibleTo(panel)][:1]
        pages = list(range(tabs[0].count())) if tabs else [None]
        for page in pages:
            if page is not None:
                tabs[0].setCurrentIndex(page)
                _settle(qtbot)
            where = f"{tag} {name}" + (f" tab '{tabs[0].tabText(page)}'" if tabs else "")
            found += [f"{where}: {p}" for p in problems(win, dock)]
            for key in ((name, None), (name, page)):
                for label, w in _primary_widgets(panel, PRIMARY.get(key, [])):
                    if w is None or not fully_visible(w):
                        shown = None if w is None else visible_rect(w)
                        found.append(f"{where}: primary '{label}' not visible ({shown})")
        if tabs:
            tabs[0].setCurrentIndex(0)
        found += [f"{tag} dock tabs: {p}" for p in dock_tab_problems(win)]
    return found


@pytest.mark.parametrize(("width", "height", "scale"), SCREENS, ids=lambda v: str(v))
def test_every_panel_fits(main_window, qtbot, width, height, scale):
    win = main_window
    if scale != 1.0:
        win.set_text_scale(scale)
    win.resize(width, height)
    _settle(qtbot)
    assert (win.width(), win.height()) == (width, height)
    found = []
    for theme in ("dark", "light"):
        win.set_theme(theme)
        found += check_window(win, qtbot, f"{width}x{height} {theme}")
    assert not found, "\n".join(dict.fromkeys(found))
    if scale != 1.0:  # the larger text reaches every panel (a style sheet once stopped it)
        want = win._base_font.pointSizeF() * scale * 0.99
        for name, panel in win.panels.items():
            # (a widget with a style sheet of its own, e.g. a note's colour, is left
            # out: Qt does not pass it its parent's font; the text-scale work's part)
            small = [w.text() for w in panel.findChildren(QLabel) + panel.findChildren(QAbstractButton)
                     if w.text() and not w.styleSheet() and w.font().pointSizeF() < want]  # fmt: skip
            assert not small, f"{name}: text not scaled: {small[:5]}"


@pytest.mark.parametrize(("width", "height", "scale"), SCREENS, ids=lambda v: str(v))
def test_every_panel_fits_in_chinese(zh_window, qtbot, width, height, scale):
    """Chinese strings are often wider: nothing is cut in the Chinese interface either."""
    win = zh_window
    if scale != 1.0:
        win.set_text_scale(scale)
    win.resize(width, height)
    _settle(qtbot)
    found = []
    for theme in ("dark", "light"):
        win.set_theme(theme)
        found += check_window(win, qtbot, f"zh_CN {width}x{height} {theme}")
    assert not found, "\n".join(dict.fromkeys(found))


def test_enlarging_the_window_widens_the_panels(main_window, qtbot):
    win = main_window
    win.resize(1280, 800)
    _settle(qtbot)
    dock = win.docks["search"]
    small = dock.width()
    win.resize(1920, 1080)
    qtbot.waitUntil(lambda: dock.width() > small * 1.3, timeout=2000)
    assert win.view.width() > win.width() * 0.5  # the 3D view keeps most of the window


def _wheel(widget, steps: int = 3) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    ev = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre)), QPoint(0, 0),
                     QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                     Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(widget, ev)


def test_the_wheel_scrolls_the_train_form_instead_of_changing_the_seed(main_window, qtbot):
    win = main_window
    win.resize(1280, 800)
    win.show_panel("train")
    panel = win.panels["train"]
    _settle(qtbot)
    bar = panel._form_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the form is longer than its strip: the wheel should scroll it
    panel._form_scroll.ensureWidgetVisible(panel.seed)
    _settle(qtbot)
    before, top = panel.seed.value(), bar.value()
    assert not panel.seed.hasFocus()
    _wheel(panel.seed)
    _settle(qtbot)
    assert panel.seed.value() == before
    assert bar.value() != top  # the wheel went on to the form and scrolled it
    panel.seed.setFocus()
    _wheel(panel.seed)
    assert panel.seed.value() != before  # focused, it takes the wheel as usual


def test_the_training_caption_wraps_instead_of_being_cut(qapp):
    from PySide6.QtGui import QFont, QFontMetricsF

    from embviz.gui.glview import wrap_text as _wrap

    fm = QFontMetricsF(QFont())
    caption = "epoch 6.00 / 10 · snapshot 24 of 40 · loss of epoch 6: 947,512"
    assert _wrap(caption, fm, 2000) == [caption]
    lines = _wrap(caption, fm, 160)
    assert len(lines) >= 3 and all(fm.horizontalAdvance(x) <= 160 for x in lines)
    assert " ".join(lines).split() == caption.replace(" · ", " ").split()
    long = "Press “Start training”: the initial vectors appear here, then move as word2vec learns"
    lines = _wrap(long, fm, 200)
    assert len(lines) > 1 and " ".join(lines) == long


def test_a_dragged_dock_fits_and_keeps_its_share(main_window, qtbot):
    # the case: 1600×1000 with the dock dragged to ~700 px scrolled sideways
    from PySide6.QtCore import Qt

    win = main_window
    win.resize(1600, 1000)
    _settle(qtbot)
    dock = win.docks["posenc"]
    win.show_panel("posenc")
    win.resizeDocks([dock], [700], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(dock.width() - 700) <= 4, timeout=2000)
    _settle(qtbot)
    tabs = win.panels["posenc"].tabs
    for page in range(tabs.count()):
        tabs.setCurrentIndex(page)
        _settle(qtbot)
        assert not problems(win, dock), (tabs.tabText(page), problems(win, dock))
    win.resize(1920, 1000)  # the user's share (700 / 1600) is kept
    qtbot.waitUntil(lambda: abs(dock.width() - 840) <= 8, timeout=2000)
