"""The main window's menus, written as data: one table per menu, turned into QActions.

A menu is a tuple of entries, each one of

- :class:`Act` — an action: text, what it calls, shortcut, tool tip;
- :class:`Sub` — a submenu with entries of its own (e.g. View → Go to panel);
- :data:`SEPARATOR`;
- a function ``part(window, menu)`` that adds the entries only the window
  knows (one per dock, recent files, the Export submenu, View → Language).

Texts and tool tips are marked with ``QT_TRANSLATE_NOOP("Menus", …)`` and
translated when the menus are built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from embviz import __version__
from embviz.gui.export_menu import build_export_menu

ABOUT = QT_TRANSLATE_NOOP(
    "Menus",
    "<h3>embviz {version}</h3>"
    "<p>See word embeddings: a word is a vector, and directions in the space carry meaning.</p>"
    "<p><b>Embedded data:</b> GloVe 6B 50d (top 50,000 words) by Jeffrey Pennington, "
    "Richard Socher and Christopher D. Manning, Stanford NLP (EMNLP 2014), released under the "
    "Open Data Commons Public Domain Dedication and License (PDDL 1.0).</p>"
    "<p>Built with Qt (PySide6), pyqtgraph, NumPy and gensim.</p>",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Menus", text)


@dataclass(frozen=True)
class Act:
    """One menu action.

    Attributes
    ----------
    text
        The menu text, ``&`` before the mnemonic.
    slot
        What it calls: a dotted attribute of the window (``"scenes.next"``),
        or a function ``slot(window, checked)``. A checkable action calls it
        when toggled, any other when triggered.
    shortcut
        A key sequence (``"Ctrl+L"``) or a ``QKeySequence.StandardKey``.
    tip
        The tool tip (else Qt shows the text).
    checkable, checked
        A check box in the menu, and its first state.
    name
        The window attribute that keeps the action (``"light_action"``).
    """

    text: str
    slot: str | Callable
    shortcut: str | QKeySequence.StandardKey | None = None
    tip: str = ""
    checkable: bool = False
    checked: bool = False
    name: str | None = None


@dataclass(frozen=True)
class Sub:
    """A submenu: its text and its entries (as in a menu table)."""

    text: str
    entries: tuple


SEPARATOR = None


# -- the parts only the window knows -------------------------------------------------
def recent_files(window, menu: QMenu) -> None:
    """File → Open Recent, filled when it opens."""
    sub = menu.addMenu(QCoreApplication.translate("Menus", "Open &Recent"))
    sub.aboutToShow.connect(lambda: window.opener.fill_recent(sub))
    window.recent_menu = sub


def language(window, menu: QMenu) -> None:
    """View → Language: System default, English, 简体中文 (applies at the next start)."""
    from embviz.gui.i18n import build_language_menu

    window.language_menu = build_language_menu(window, menu)


def export(window, menu: QMenu) -> None:
    """File → Export (:mod:`embviz.gui.export_menu`)."""
    build_export_menu(window, menu)


def dock_toggles(window, menu: QMenu) -> None:
    """One check box per panel: shown or closed."""
    for dock in window.docks.values():
        menu.addAction(dock.toggleViewAction())


def panel_shortcuts(window, menu: QMenu) -> None:
    """Ctrl+1…9 for panel N.

    Every panel key carries Ctrl, so typing in a text box never triggers it,
    and none is taken: PgDown / PgUp alone step scenes, Ctrl+0 resets the text size.
    """
    for i, (name, dock) in enumerate(window.docks.items()):
        title = dock.windowTitle()
        act = QAction(f"&{i + 1}  {title}", window)
        if i < 9:
            act.setShortcut(f"Ctrl+{i + 1}")
        tip = QCoreApplication.translate("Menus", "Show the {panel} panel and put the cursor in it")
        act.setToolTip(tip.format(panel=title))
        act.triggered.connect(lambda _=False, name=name: window.show_panel(name))
        menu.addAction(act)
        window.addAction(act)  # works with the menu bar hidden, too


def panel_steps(window, menu: QMenu) -> None:
    """Ctrl+PgDown / Ctrl+PgUp (or Ctrl+Tab / Ctrl+Shift+Tab) for the next or previous panel."""
    for text, keys, step in (
        (QT_TRANSLATE_NOOP("Menus", "&Next panel"), ("Ctrl+PgDown", "Ctrl+Tab"), 1),
        (QT_TRANSLATE_NOOP("Menus", "&Previous panel"), ("Ctrl+PgUp", "Ctrl+Shift+Tab"), -1),
    ):
        act = QAction(_tr(text), window)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setToolTip(f"{_tr(text).replace('&', '')} ({' or '.join(keys[:2])})")
        act.triggered.connect(lambda _=False, step=step: window.dock_manager.step(step))
        menu.addAction(act)
        window.addAction(act)


# -- the tables ----------------------------------------------------------------------
K = QKeySequence.StandardKey

FILE = (
    Act(
        QT_TRANSLATE_NOOP("Menus", "&Open…"),
        "opener.open_dialog",
        K.Open,
        QT_TRANSLATE_NOOP("Menus", "Open a vector file"),
    ),
    recent_files,
    Act(QT_TRANSLATE_NOOP("Menus", "Open &Default (GloVe 50d)"), lambda w, _: w.open_path(None)),
    SEPARATOR,
    export,
    SEPARATOR,
    Act(QT_TRANSLATE_NOOP("Menus", "&Quit"), "close", K.Quit),
)

VIEW = (
    Act(QT_TRANSLATE_NOOP("Menus", "&Reset camera"), "view.reset_camera", "Home"),
    SEPARATOR,
    Act(
        QT_TRANSLATE_NOOP("Menus", "&Presentation mode (full screen)"),
        "set_presentation",
        "F11",
        QT_TRANSLATE_NOOP("Menus", "Full screen for a projector; F11 or Esc leaves it"),
        checkable=True,
        name="fullscreen_action",
    ),
    Act(
        QT_TRANSLATE_NOOP("Menus", "Show &panels"),
        "set_panels_visible",
        "Ctrl+P",
        QT_TRANSLATE_NOOP("Menus", "Hide the panels so the 3D view fills the window"),
        checkable=True,
        checked=True,
        name="panels_action",
    ),
    Act(
        QT_TRANSLATE_NOOP("Menus", "&Light theme (high contrast)"),
        lambda w, on: w.set_theme("light" if on else "dark"),
        "Ctrl+L",
        QT_TRANSLATE_NOOP(
            "Menus",
            "Black on white everywhere, for bright rooms and washed-out projectors; "
            "off: light on dark",
        ),
        checkable=True,
        name="light_action",
    ),
    Act(
        QT_TRANSLATE_NOOP("Menus", "&Larger text"),
        lambda w, _: w.set_text_scale(w.text_scale * 1.25),
        K.ZoomIn,
    ),
    Act(
        QT_TRANSLATE_NOOP("Menus", "&Smaller text"),
        lambda w, _: w.set_text_scale(w.text_scale / 1.25),
        K.ZoomOut,
    ),
    Act(
        QT_TRANSLATE_NOOP("Menus", "&Normal text size"),
        lambda w, _: w.set_text_scale(1.0),
        "Ctrl+0",
    ),
    language,
    SEPARATOR,
    Sub(QT_TRANSLATE_NOOP("Menus", "&Go to panel"), (panel_shortcuts, SEPARATOR, panel_steps)),
    dock_toggles,
)

SCENES = (
    Act(
        QT_TRANSLATE_NOOP("Menus", "&Add current view"),
        "scenes.add_dialog",
        "Ctrl+B",
        QT_TRANSLATE_NOOP("Menus", "Bookmark words, slice and camera as a scene"),
    ),
    Act(
        QT_TRANSLATE_NOOP("Menus", "&Next scene"),
        "scenes.next",
        "PgDown",
        QT_TRANSLATE_NOOP("Menus", "Fly to the next scene (clickers send PgDown)"),
    ),
    Act(
        QT_TRANSLATE_NOOP("Menus", "&Previous scene"),
        "scenes.previous",
        "PgUp",
        QT_TRANSLATE_NOOP("Menus", "Fly to the previous scene"),
    ),
    Act(
        QT_TRANSLATE_NOOP("Menus", "&Open scenes…"),
        "scenes.open_dialog",
        "Ctrl+Shift+O",
        QT_TRANSLATE_NOOP("Menus", "Open a scene file (JSON)"),
    ),
    Act(
        QT_TRANSLATE_NOOP("Menus", "&Save scenes…"),
        "scenes.save_dialog",
        "Ctrl+S",
        QT_TRANSLATE_NOOP("Menus", "Save the scene list as JSON"),
    ),
)

HELP = (
    Act(
        QT_TRANSLATE_NOOP("Menus", "&Guided tour"),
        "tour.start",
        "F1",
        QT_TRANSLATE_NOOP("Menus", "Six steps through the lesson on the embedded GloVe vectors"),
    ),
    Act(
        QT_TRANSLATE_NOOP("Menus", "&About embviz"),
        lambda w, _: QMessageBox.about(
            w,
            QCoreApplication.translate("Menus", "About embviz"),
            _tr(ABOUT).format(version=__version__),
        ),
    ),
)

MENUS = (
    (QT_TRANSLATE_NOOP("Menus", "&File"), FILE),
    (QT_TRANSLATE_NOOP("Menus", "&View"), VIEW),
    (QT_TRANSLATE_NOOP("Menus", "&Scenes"), SCENES),
    (QT_TRANSLATE_NOOP("Menus", "&Help"), HELP),
)


# -- tables to QActions --------------------------------------------------------------
def build_menus(window, menus=MENUS) -> None:
    """Add ``menus`` (title, entries) to ``window``'s menu bar."""
    for title, entries in menus:
        add_entries(window, window.menuBar().addMenu(_tr(title)), entries)


def add_entries(window, menu: QMenu, entries) -> None:
    """Add the ``entries`` of a menu table to ``menu``."""
    for entry in entries:
        if entry is SEPARATOR:
            menu.addSeparator()
        elif isinstance(entry, Act):
            menu.addAction(make_action(window, entry))
        elif isinstance(entry, Sub):
            add_entries(window, menu.addMenu(_tr(entry.text)), entry.entries)
        else:
            entry(window, menu)


def make_action(window, act: Act) -> QAction:
    """The QAction for ``act``, connected; kept as ``window.<act.name>`` if it has a name."""
    action = QAction(_tr(act.text), window)
    if act.shortcut is not None:
        action.setShortcut(act.shortcut)
    if act.tip:
        action.setToolTip(_tr(act.tip))
    action.setCheckable(act.checkable)
    action.setChecked(act.checked)
    if isinstance(act.slot, str):
        slot = attrgetter(act.slot)(window)
    else:
        slot = lambda checked=False, fn=act.slot: fn(window, checked)  # noqa: E731
    (action.toggled if act.checkable else action.triggered).connect(slot)
    if act.name:
        setattr(window, act.name, action)
    return action
