"""Every control a user can touch explains itself in a tooltip."""

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
)

pytestmark = pytest.mark.gui

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QSlider, QPlainTextEdit)


def _is_internal(w) -> bool:
    # Qt's own sub-widgets: clear buttons, spin-box editors, table corners, tab scrollers
    if w.objectName().startswith("qt_"):
        return True
    p = w.parent()
    while p is not None:
        if isinstance(p, (QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar, QLineEdit)):
            return True
        p = p.parent()
    return isinstance(w, QAbstractButton) and not w.text() and w.icon().isNull()


@pytest.mark.parametrize("panel", ["search", "slice", "analogy", "directions", "posenc", "train"])
def test_every_control_has_a_tooltip(qtbot, panel):
    from embviz.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    missing = [
        f"{type(c).__name__} {getattr(c, 'text', lambda: '')()!r}"
        for cls in CONTROLS
        for c in win.panels[panel].findChildren(cls)
        if not _is_internal(c) and not c.toolTip()
    ]
    assert not missing, missing
    win.close()
