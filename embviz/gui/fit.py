"""Helpers that make panels fit small windows: a panel scroll area, a wheel guard, wrapped plot titles."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QWidget,
)
from shiboken6 import isValid


class PanelScroll(QScrollArea):
    """Holds a panel at the dock's size; scrolls only below the panel's *minimum* size.

    A resizable ``QScrollArea`` asks a panel with word-wrapped text for its
    height-for-width, which Qt builds from the children's *preferred* heights
    (a plot prefers 480 px): every such panel grew taller than the dock and
    scrolled, its plot's axis below the fold. Here the panel gets the viewport's
    size, or its minimum where the viewport is smaller.
    """

    def __init__(self, panel: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setWidget(panel)
        panel.installEventFilter(self)

    def minimum_size(self, width: int) -> QSize:
        """The smallest size of the panel at ``width`` (wrapped text taller when narrow)."""
        # (Not the layout's minimum height-for-width: box layouts answer it
        # with the preferred height, the very thing this class avoids.)
        panel = self.widget()
        return panel.minimumSizeHint().expandedTo(panel.minimumSize())

    def fit(self) -> None:
        """Size the panel to the viewport, never below its minimum."""
        panel = self.widget()
        if panel is None:
            return
        room = self.maximumViewportSize()  # the viewport without scroll bars
        bar = self.verticalScrollBar().sizeHint().width()
        width = max(room.width(), panel.minimumSizeHint().width())
        need = self.minimum_size(width)
        if need.height() > room.height():  # a vertical bar will take some width
            width = max(room.width() - bar, need.width())
            need = self.minimum_size(width)
        panel.resize(width, max(room.height(), need.height()))

    def resizeEvent(self, ev) -> None:
        """Refit the panel to the new viewport."""
        super().resizeEvent(ev)
        self.fit()

    def eventFilter(self, obj, ev) -> bool:
        """Refit when the panel's contents (and so its minimum size) change."""
        if obj is self.widget() and ev.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return super().eventFilter(obj, ev)

    def sizeHint(self) -> QSize:
        """The panel's own preferred size (the dock asks for it)."""
        panel = self.widget()
        return panel.sizeHint() if panel is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        """Small: the area scrolls instead of forcing the dock wider."""
        return QSize(80, 80)


class _WheelGuard(QObject):
    def eventFilter(self, obj, ev) -> bool:
        if ev.type() == QEvent.Type.Wheel and not obj.hasFocus():
            # The panel scrolls instead of a spin box changing the seed under
            # the pointer: the wheel goes to the scroll area around it.
            area = obj.parentWidget()
            while area is not None and not isinstance(area, QAbstractScrollArea):
                area = area.parentWidget()
            if area is not None:
                QApplication.sendEvent(area.viewport(), ev.clone())
            return True
        return False


def guard_wheel(root: QWidget) -> None:
    """Spin boxes and combo boxes under ``root`` take the wheel only when focused."""
    guard = root.findChild(_WheelGuard, "wheel-guard")
    if guard is None:
        guard = _WheelGuard(root)
        guard.setObjectName("wheel-guard")
    for w in root.findChildren(QAbstractSpinBox) + root.findChildren(QComboBox):
        w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn does not focus it
        w.installEventFilter(guard)


class _TitleWrap(QObject):
    def __init__(self, view: pg.GraphicsView, plot: pg.PlotItem):
        super().__init__(view)
        self.view, self.plot = view, plot
        label = plot.titleLabel
        update_min = label.updateMin

        def no_min_width():
            # pyqtgraph makes the title's width the plot's minimum: a long
            # title then pushed the plot past the view's edge. Its height
            # (the number of lines) still counts.
            update_min()
            label.setMinimumWidth(0)
            label.setPreferredWidth(0)

        label.updateMin = no_min_width
        view.installEventFilter(self)

    def eventFilter(self, obj, ev) -> bool:
        if ev.type() == QEvent.Type.Resize:
            # once pyqtgraph has laid out the plot for the new size
            QTimer.singleShot(0, self.fit)
        return False

    def fit(self) -> None:
        label = self.plot.titleLabel
        item = label.item
        if not (isValid(self.view) and isValid(label) and isValid(item)):
            return  # a late timer: the window closed meanwhile
        item.setTextWidth(-1)  # the natural, one-line width
        # pyqtgraph lays its items out in a posted event: do it now, so the view
        # box has the width of the view as it is
        for holder in (self.view.centralWidget, self.plot):
            lay = getattr(holder, "layout", None)
            lay = lay() if callable(lay) else lay
            if lay is not None:
                lay.activate()
        room = max(self.plot.vb.width(), 60.0)  # the title's column is the view box's
        if item.boundingRect().width() > room:
            item.setTextWidth(1)
            widest_word = item.document().idealWidth()
            # wraps onto more lines instead of being cut; never inside a word
            item.setTextWidth(max(room, widest_word + 2))
        if not label.isVisible():
            return
        # pyqtgraph gives the title row a fixed 30 px: room for the lines it now has
        height = max(30, int(item.boundingRect().height()) + 2)
        label.setMaximumHeight(height)
        self.plot.layout.setRowFixedHeight(0, height)
        label.updateMin()
        label.resizeEvent(None)  # re-centre the text in the label


def wrap_title(view: pg.GraphicsView, plot: pg.PlotItem | None = None) -> None:
    """Wrap ``plot``'s title onto more lines when the view is too narrow for it.

    pyqtgraph draws a title on one line and cuts what does not fit.
    """
    plot = plot if plot is not None else view.getPlotItem()
    wrap = _TitleWrap(view, plot)
    set_title = plot.setTitle

    def set_and_fit(*args, **kwargs):
        set_title(*args, **kwargs)
        wrap.fit()
        QTimer.singleShot(0, wrap.fit)  # a hidden tab's plot is laid out when shown

    plot.setTitle = set_and_fit
