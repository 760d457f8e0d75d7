"""The panel docks of the main window: built, tabbed, sized, shown and stepped through."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTabBar

from embviz.gui.fit import PanelScroll, guard_wheel
from embviz.gui.keys import focus_first_control
from embviz.gui.panels.base import Panel
from embviz.gui.panels.registry import panel_modules, panel_name

DOCK_SHARE = 0.36  # of the window's width, at first; then as the user drags it
TABS_SHARE = 0.45  # the most of the window's width the docks take to show all tab names

DockSizes = list[tuple[QDockWidget, int, Qt.Orientation]]


class DockManager(QObject):
    """The window's panels, one tabbed dock each, on the right.

    The panels' share of the window's width follows the user: dragging the
    dock's edge sets it, a larger window widens the panels too, and the tabs
    always show every panel's name in full.

    Parameters
    ----------
    window
        The main window; it needs ``workspace`` and ``settings``.
    """

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.panels: dict[str, Panel] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.front: str | None = None  # the panel whose tab is in front
        self._sized = False  # given their share on the first show
        self._share = DOCK_SHARE  # the docks' part of the window's width
        self._share_width = 0  # the window width the share was measured at
        self._build()
        window.installEventFilter(self)  # its first show and its resizes

    def _build(self) -> None:
        w = self.window
        first = None
        for mod in panel_modules():
            name = panel_name(mod)
            panel = mod.make_panel(w.workspace, w)
            dock = QDockWidget(QCoreApplication.translate("Panels", mod.TITLE), w)
            dock.setObjectName(f"dock-{name}")
            # The panel fits the dock; only a dock smaller than the panel's
            # minimum (a tiny window, huge text) scrolls, so the 3D view keeps
            # most of the window.
            guard_wheel(panel)
            dock.setWidget(PanelScroll(panel))
            w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if first is None:
                first = dock
            else:
                w.tabifyDockWidget(first, dock)
            self.panels[name] = panel
            self.docks[name] = dock
            dock.installEventFilter(self)  # the user drags its edge: a new share
            # Qt makes a new tab bar when docks are re-tabified: fix each one up.
            dock.dockLocationChanged.connect(lambda *_: QTimer.singleShot(0, self.full_tab_titles))
        if first is not None:
            first.raise_()
        self.front = next(iter(self.docks), None)
        for name, dock in self.docks.items():
            # which tab is in front: raising, clicking a tab and restoring all report it
            dock.visibilityChanged.connect(
                lambda visible, name=name: visible and setattr(self, "front", name)
            )

    # -- sizes ---------------------------------------------------------------------
    def full_tab_titles(self) -> None:
        """Panel tabs show their whole names and scroll, rather than "Se…", "T…"."""
        for bar in self.window.findChildren(QTabBar):
            if bar.parent() is self.window:  # the dock area's bars, not tabs inside panels
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setUsesScrollButtons(True)

    def _side_dock(self) -> QDockWidget | None:
        """A shown, docked panel: its width is the dock area's."""
        for dock in self.docks.values():
            if dock.isVisible() and not dock.isFloating() and not dock.visibleRegion().isEmpty():
                return dock
        return None

    def _tabs_width(self) -> int:
        """The width the panel tabs need to show every name in full."""
        w = self.window
        bars = [b for b in w.findChildren(QTabBar) if b.parent() is w and b.isVisible()]
        return max((sum(b.tabSizeHint(i).width() for i in range(b.count())) + 8
                    for b in bars), default=0)  # fmt: skip

    def fit(self) -> None:
        """Give the panels their share of the window's width: wide enough for every tab name.

        The 3D view keeps at least half of the window.
        """
        dock = self._side_dock()
        if dock is None:
            return
        width = self.window.width()
        # every tab name in full, unless that takes more than TABS_SHARE: then the tabs scroll
        tabs = min(self._tabs_width(), round(TABS_SHARE * width))
        want = max(round(self._share * width), tabs, 360)
        want = min(want, width // 2)
        if abs(dock.width() - want) > 2:
            self.window.resizeDocks([dock], [want], Qt.Orientation.Horizontal)
        self._share_width = width

    def _first_show(self) -> None:
        """On first show, give the docks about a third of the window."""
        self._sized = True
        dock = self._side_dock()
        if self.window.settings.data("window_state") is not None and dock is not None:
            self._share = dock.width() / max(self.window.width(), 1)  # as the user left it
        QTimer.singleShot(0, self.fit)

    def eventFilter(self, obj, ev) -> bool:
        """Follow the window's show and resizes and the user's drags of the dock's edge."""
        w = self.window
        if obj is w:
            if ev.type() == QEvent.Type.Show:
                self.full_tab_titles()
                if not self._sized and self.docks:
                    self._first_show()
            elif ev.type() == QEvent.Type.Resize and self._sized:
                QTimer.singleShot(0, self.fit)  # a larger window widens the panels too
        elif (ev.type() == QEvent.Type.Resize and self._share_width == w.width()
                and isinstance(obj, QDockWidget) and obj.isVisible()):  # fmt: skip
            self._share = obj.width() / max(w.width(), 1)
        return False

    def sizes(self) -> DockSizes:
        """Each visible docked panel's width (side docks) or height (top and bottom)."""
        out = []
        for dock in (*self.docks.values(), self.window.tour):
            if not dock.isVisible() or dock.isFloating() or dock.visibleRegion().isEmpty():
                continue  # hidden, floating or a tab behind another: nothing to keep
            area = self.window.dockWidgetArea(dock)
            if area in (
                Qt.DockWidgetArea.LeftDockWidgetArea,
                Qt.DockWidgetArea.RightDockWidgetArea,
            ):
                out.append((dock, dock.width(), Qt.Orientation.Horizontal))
            else:
                out.append((dock, dock.height(), Qt.Orientation.Vertical))
        return out

    def restore_sizes(self, sizes: DockSizes) -> None:
        """Give the docks of :meth:`sizes` their sizes back, as far as their contents allow."""
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            docks = [(d, n) for d, n, o in sizes if o == orientation and d.isVisible()]
            if docks:
                self.window.resizeDocks([d for d, _ in docks], [n for _, n in docks], orientation)

    # -- which panel ---------------------------------------------------------------
    def set_visible(self, visible: bool) -> None:
        """Show or hide every docked panel at once."""
        for dock in self.docks.values():
            dock.setVisible(visible)
        if visible:
            next(iter(self.docks.values())).raise_()

    def show(self, name: str):
        """Bring panel ``name`` to the front; focus its first control and return it."""
        dock = self.docks[name]
        dock.show()
        dock.raise_()
        self.front = name
        return focus_first_control(self.panels[name])

    def current(self) -> str | None:
        """The panel holding the keyboard focus, else the one in front."""
        focus = QApplication.focusWidget()
        if focus is not None:
            for name, dock in self.docks.items():
                if dock.isAncestorOf(focus):
                    return name
        return self.front

    def step(self, step: int) -> None:
        """Show the next (``step=1``) or previous (``-1``) panel, in menu order."""
        names = list(self.docks)
        if not names:
            return
        current = self.current()
        i = names.index(current) if current in names else -step
        self.window.show_panel(names[(i + step) % len(names)])
