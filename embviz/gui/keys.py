"""The keyboard: window shortcuts that win over text fields, and focus for a shown panel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QWidget,
)

# Keys a text field keeps even when the window has a shortcut on them: editing.
_EDITING_KEYS = (
    QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut, QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll, QKeySequence.StandardKey.DeleteEndOfLine,
    QKeySequence.StandardKey.DeleteStartOfWord, QKeySequence.StandardKey.DeleteEndOfWord,
    QKeySequence.StandardKey.MoveToNextWord, QKeySequence.StandardKey.MoveToPreviousWord,
    QKeySequence.StandardKey.SelectNextWord, QKeySequence.StandardKey.SelectPreviousWord,
)  # fmt: skip
_TEXT_FIELDS = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QComboBox)


class WindowKeysOverTyping(QObject):
    """Let the window's Ctrl shortcuts work while the cursor is in a text field.

    A line edit claims some Ctrl keys for itself (on Linux Ctrl+E moves to the
    end of the line), so Ctrl+E (export) did nothing while typing. Every
    window shortcut with Ctrl wins over a text field, except the editing keys
    (copy, paste, undo, select all, ...), which the field keeps.
    """

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self._keys: set[str] | None = None

    def keys(self) -> set[str]:
        """The window's Ctrl shortcuts that are not editing keys, as portable strings."""
        if self._keys is None:
            editing = {k.toString() for std in _EDITING_KEYS for k in QKeySequence.keyBindings(std)}
            keys = set()
            for act in self.window.findChildren(QAction):
                for seq in act.shortcuts():
                    text = seq.toString()
                    if text.startswith("Ctrl+") and text not in editing:
                        keys.add(text)
            self._keys = keys
        return self._keys

    def eventFilter(self, obj, ev) -> bool:
        """Refuse a text field's claim on a window shortcut (the shortcut then fires)."""
        if ev.type() != QEvent.Type.ShortcutOverride or not isinstance(obj, _TEXT_FIELDS):
            return False
        if not self.window.isAncestorOf(obj):
            return False
        if QKeySequence(ev.keyCombination()).toString() in self.keys():
            ev.ignore()  # not the field's: the shortcut map goes on to the window's action
            return True
        return False


def focus_first_control(panel: QWidget) -> QWidget | None:
    """Give the keyboard focus to the first control of ``panel`` that takes Tab; return it.

    A tab bar (the Query / Evaluate tabs of a panel) and a scroll area are
    passed over for the first control inside: that is where typing is useful.
    """
    w = panel.nextInFocusChain()
    seen = 0
    while w is not None and w is not panel and seen < 10000:
        seen += 1
        takes_tab = w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
        target = w
        while target.focusProxy() is not None:  # a QTabWidget hands focus to its tab bar
            target = target.focusProxy()
        # tab bars and scroll areas take focus but are not where one types
        usable = w.isVisible() and w.isEnabled() and not isinstance(target, QTabBar | QScrollArea)
        if takes_tab and usable and panel.isAncestorOf(w):
            w.setFocus(Qt.FocusReason.TabFocusReason)
            return w
        w = w.nextInFocusChain()
    panel.setFocus(Qt.FocusReason.TabFocusReason)
    return None
