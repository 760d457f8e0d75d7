"""One colour theme for the whole window: Qt widgets, pyqtgraph plots and the 3D views.

``"dark"`` is light text on near-black (the 3D view's own colours, for dark
rooms); ``"light"`` is black on white, for bright rooms and projectors that
wash dark backgrounds out. Both are high contrast: body text against its
background is at least 12:1 (WCAG asks 4.5:1), notes and disabled text at
least 4.5:1.

:func:`apply` sets the application's palette, restyles every pyqtgraph plot
that exists and makes new ones start in the theme; widgets that draw with
colours of their own (bars, curves, text items, the 3D views) read
:func:`colors` when they draw and redraw on :func:`notifier`'s ``changed``.
The 3D views (:class:`embviz.gui.glview.GLView`) read :data:`VIEW3D_CURRENT`,
:data:`TRAINING`, :data:`COMPARE` or :data:`CONTEXT` and subscribe to the same signal. No other module keeps
colours of its own.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow, QProxyStyle, QStyle, QTabBar, QWidget

THEMES = ("dark", "light")

# Qt palette roles per theme. The dark one shares the 3D view's background
# (18, 20, 28) so plots, lists and the view read as one surface.
_ROLES = {
    "dark": {
        "Window": (32, 34, 43),
        "WindowText": (238, 240, 245),
        "Base": (18, 20, 28),
        "AlternateBase": (30, 33, 43),
        "Text": (238, 240, 245),
        "Button": (46, 49, 61),
        "ButtonText": (238, 240, 245),
        "BrightText": (255, 107, 107),
        "Highlight": (52, 108, 205),  # white text on it: 5:1
        "HighlightedText": (255, 255, 255),
        "ToolTipBase": (46, 49, 61),
        "ToolTipText": (238, 240, 245),
        "PlaceholderText": (150, 156, 172),
        "Link": (120, 175, 255),
        "LinkVisited": (190, 150, 255),
        "Light": (70, 74, 90),
        "Midlight": (56, 60, 74),
        "Mid": (40, 43, 54),
        "Dark": (14, 15, 20),
        "Shadow": (0, 0, 0),
    },
    "light": {
        "Window": (244, 244, 246),
        "WindowText": (0, 0, 0),
        "Base": (255, 255, 255),
        "AlternateBase": (238, 240, 244),
        "Text": (0, 0, 0),
        "Button": (232, 233, 237),
        "ButtonText": (0, 0, 0),
        "BrightText": (200, 0, 0),
        "Highlight": (0, 84, 196),
        "HighlightedText": (255, 255, 255),
        "ToolTipBase": (255, 255, 230),
        "ToolTipText": (0, 0, 0),
        "PlaceholderText": (96, 98, 106),
        "Link": (0, 70, 200),
        "LinkVisited": (110, 40, 170),
        "Light": (255, 255, 255),
        "Midlight": (236, 236, 240),
        "Mid": (176, 178, 186),
        "Dark": (120, 122, 130),
        "Shadow": (40, 40, 40),
    },
}
# Greyed-out text (disabled controls), still readable.
_DISABLED_TEXT = {"dark": (150, 155, 170), "light": (98, 100, 108)}

# Colours for what widgets draw themselves. ``series`` are for groups and
# curves: the dark set is the one the panels always used; the light set is the
# same hues darkened until each stands out on white.
_COLORS = {
    "dark": {
        "plot_background": (18, 20, 28),
        "plot_foreground": (225, 228, 236),
        "muted": (200, 200, 210, 170),  # random-baseline whiskers
        "reference": (165, 168, 180),  # the zero line
        "guide": (104, 108, 122),  # thin guides behind points (3:1 on the background)
        "cursor": (205, 208, 220, 150),  # the time marker of the training curves
        "legend_background": (18, 20, 28, 200),
        "error": "#ff6b6b",
        "series": ["#4c9be8", "#f39c34", "#5cc26a", "#d65f9f", "#b0a0ff", "#e0d050"],
    },
    "light": {
        "plot_background": (255, 255, 255),
        "plot_foreground": (0, 0, 0),
        "muted": (60, 62, 70, 190),
        "reference": (70, 72, 80),
        "guide": (130, 132, 142),
        "cursor": (40, 42, 50, 170),
        "legend_background": (255, 255, 255, 215),
        "error": "#c80000",
        "series": ["#1f5fb4", "#b35300", "#1a7a2f", "#b0286e", "#6a4fc8", "#7a6600"],
    },
}

# The 3D views' colours. "label"/"info"/"axis"/"overlay" colour text (axis names,
# arrow captions); "point"/"selected"/"neighbor"/"categories" colour points;
# "halo" outlines every label so it reads on top of points.
VIEW3D = {
    "dark": {
        "background": (18, 20, 28),
        "point": (110, 170, 255, 230),
        "selected": (255, 170, 40, 255),
        "neighbor": (90, 230, 140, 255),
        "uncategorised": (105, 110, 125, 255),
        "label": (235, 235, 240),
        "label_selected": (255, 200, 90),
        "info": (190, 195, 210),
        "shadow": (0, 0, 0, 210),
        "halo": (18, 20, 28, 235),
        "axis": [(255, 110, 110), (110, 230, 120), (120, 160, 255)],
        "overlay": (255, 200, 60),
        # Tableau 10 plus two, for clusters, groups and metadata values
        "categories": [
            (78, 121, 167), (242, 142, 43), (225, 87, 89), (118, 183, 178), (89, 161, 79),
            (237, 201, 72), (176, 122, 161), (255, 157, 167), (156, 117, 95), (186, 176, 172),
            (31, 190, 220), (200, 220, 90),
        ],
    },
    # for bright rooms and projectors that wash out dark backgrounds
    "light": {
        "background": (255, 255, 255),
        "point": (25, 80, 200, 255),
        "selected": (215, 80, 0, 255),
        "neighbor": (0, 135, 60, 255),
        "uncategorised": (120, 120, 130, 255),
        "label": (10, 10, 20),
        "label_selected": (170, 50, 0),
        "info": (50, 50, 60),
        "shadow": (255, 255, 255, 220),
        "halo": (255, 255, 255, 235),
        "axis": [(200, 0, 0), (0, 130, 0), (0, 60, 220)],
        # amber as in the dark theme, dark enough to read on white
        "overlay": (150, 90, 0),
        # the same hues, darkened until each stands out on white
        "categories": [
            (31, 95, 180), (190, 90, 0), (200, 40, 45), (0, 128, 120), (45, 135, 40),
            (145, 115, 0), (150, 75, 150), (205, 50, 115), (130, 90, 60), (110, 110, 115),
            (0, 125, 165), (100, 125, 0),
        ],
    },
}  # fmt: skip

# The Train panel's 3D view: the shipped corpus' word groups and the rest ("default").
TRAINING = {
    "dark": {
        "background": VIEW3D["dark"]["background"], "axis": VIEW3D["dark"]["axis"],
        "highlight": (255, 190, 60), "label": (232, 232, 238), "caption": (225, 228, 238),
        "default": (150, 185, 255),
        "groups": {
            "male": (90, 160, 255), "female": (255, 110, 170), "royal": (200, 170, 255),
            "family": (200, 170, 255), "animal": (110, 220, 120), "animals": (30, 150, 90),
            "number": (240, 220, 90), "country": (255, 150, 60), "capital": (170, 110, 60),
        },
    },
    # every colour darkened until it stands out on white
    "light": {
        "background": VIEW3D["light"]["background"], "axis": VIEW3D["light"]["axis"],
        "highlight": (215, 60, 0), "label": (10, 10, 20), "caption": (20, 20, 30),
        "default": (40, 80, 180),
        "groups": {
            "male": (20, 90, 200), "female": (195, 25, 110), "royal": (110, 60, 190),
            "family": (110, 60, 190), "animal": (20, 130, 40), "animals": (0, 95, 60),
            "number": (120, 100, 0), "country": (160, 80, 0), "capital": (110, 65, 25),
        },
    },
}  # fmt: skip

# The Context panel's 3D view: each sentence's tokens in a colour of their own, the
# followed tokens ("selected") larger with their trails, [CLS]/[SEP] ("special") greyed.
CONTEXT = {
    "dark": {
        "background": VIEW3D["dark"]["background"], "axis": VIEW3D["dark"]["axis"],
        "label": (232, 232, 238), "caption": (225, 228, 238), "selected": (255, 190, 60),
        "special": (130, 135, 150), "halo": VIEW3D["dark"]["halo"],
        "sentences": [(90, 160, 255), (110, 220, 120), (255, 110, 170), (200, 170, 255),
                      (240, 220, 90), (255, 150, 60)],
    },
    # every colour darkened until it stands out on white (a projector washes pale ones out)
    "light": {
        "background": VIEW3D["light"]["background"], "axis": VIEW3D["light"]["axis"],
        "label": (10, 10, 20), "caption": (20, 20, 30), "selected": (200, 70, 0),
        "special": (110, 112, 122), "halo": VIEW3D["light"]["halo"],
        "sentences": [(20, 90, 200), (20, 125, 40), (195, 25, 110), (110, 60, 190),
                      (120, 100, 0), (160, 80, 0)],
    },
}  # fmt: skip

# The Compare panel: space A (the open file, aligned), space B, the line from a word's
# A position to its B position, neighbours both spaces share. "a" and "b" are also
# the labels' colours, so they read as text (4.5:1), not only as points.
COMPARE = {
    "dark": {
        "background": VIEW3D["dark"]["background"], "axis": VIEW3D["dark"]["axis"],
        "a": (90, 165, 255), "b": (255, 150, 60), "line": (200, 202, 215, 190),
        "label": (232, 232, 238), "label_selected": (255, 215, 110), "info": (190, 195, 210),
        "halo": VIEW3D["dark"]["halo"], "common": (110, 220, 120),
    },
    # projector contrast: dark hues on white, the two spaces still told apart at a glance
    "light": {
        "background": VIEW3D["light"]["background"], "axis": VIEW3D["light"]["axis"],
        "a": (20, 80, 200), "b": (185, 70, 0), "line": (70, 72, 85, 220),
        "label": (10, 10, 20), "label_selected": (150, 40, 120), "info": (50, 50, 60),
        "halo": VIEW3D["light"]["halo"], "common": (0, 120, 45),
    },
}  # fmt: skip

# The Train panel's curves: one colour per watched pair, and the loss.
_COLORS["dark"]["pairs"] = [(255, 190, 60), (90, 160, 255), (110, 220, 120), (255, 110, 170),
                            (200, 170, 255), (240, 220, 90)]  # fmt: skip
_COLORS["light"]["pairs"] = [(190, 110, 0), (25, 95, 190), (25, 125, 45), (180, 40, 110),
                             (105, 80, 200), (125, 105, 0)]  # fmt: skip
_COLORS["dark"]["loss"] = (255, 150, 60)
_COLORS["light"]["loss"] = (200, 80, 0)

# Style sheets for messages, in palette colours so they follow the theme.
ERROR_STYLE = "color: palette(bright-text);"
NOTE_STYLE = "color: palette(placeholder-text);"

_current = "dark"

VIEW3D_CURRENT = dict(VIEW3D["dark"])
"""The 3D views' colours now; every view reads them when it paints (see :func:`apply`)."""


def set_view3d(name: str) -> None:
    """Switch the 3D views' colours (:data:`VIEW3D_CURRENT`) to theme ``name``."""
    if name not in VIEW3D:
        raise ValueError(f"unknown theme {name!r}: use {', '.join(VIEW3D)}")
    VIEW3D_CURRENT.clear()
    VIEW3D_CURRENT.update(VIEW3D[name])


class _Notifier(QObject):
    changed = Signal(str)


_notifier: _Notifier | None = None


def notifier() -> _Notifier:
    """The object whose ``changed(str)`` signal announces a new theme."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def current() -> str:
    """The theme in use, ``"dark"`` or ``"light"``."""
    return _current


def colors(name: str | None = None) -> dict:
    """Colours for self-drawn content in theme ``name`` (default: the current one)."""
    return _COLORS[name or _current]


def series_color(i: int, name: str | None = None) -> str:
    """The ``i``-th group or curve colour of the theme, as ``#rrggbb``."""
    series = colors(name)["series"]
    return series[i % len(series)]


def palette(name: str) -> QPalette:
    """The Qt palette of theme ``name``."""
    if name not in _ROLES:
        raise ValueError(f"unknown theme {name!r}: use {', '.join(THEMES)}")
    pal = QPalette()
    for role, rgb in _ROLES[name].items():
        pal.setColor(getattr(QPalette.ColorRole, role), QColor(*rgb))
    grey = QColor(*_DISABLED_TEXT[name])
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):  # fmt: skip
        pal.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return pal


class PanelTabsStyle(QProxyStyle):
    """Fusion, with narrower padding on the tabs of the docked panels.

    Eight panel names need 640 px of tabs with Fusion's padding, more than the
    docks' share of a 1280-px window (see :mod:`embviz.gui.docks`); half the
    padding shows them all. Tabs inside panels keep Fusion's.
    """

    PANEL_TAB_SPACE = 12  # px around a dock tab's name; Fusion's is 24

    def __init__(self):
        super().__init__("Fusion")

    def pixelMetric(self, metric, option=None, widget=None):
        """Fusion's metric, except the horizontal space of a dock tab."""
        if (metric == QStyle.PixelMetric.PM_TabBarTabHSpace and isinstance(widget, QTabBar)
                and isinstance(widget.parent(), QMainWindow)):  # fmt: skip
            return self.PANEL_TAB_SPACE
        return super().pixelMetric(metric, option, widget)


_style: PanelTabsStyle | None = None


def apply(name: str, root: QWidget | None = None) -> None:
    """Make theme ``name`` the application's: palette, plots, 3D views.

    Parameters
    ----------
    name
        ``"dark"`` or ``"light"``.
    root
        The window whose existing plots and styled labels are restyled (new
        ones start in the theme anyway). Only ``root``'s children are walked,
        never ``QApplication.allWidgets()``: converting that list can run
        Python's garbage collector, which may delete a parentless pyqtgraph
        menu still in the list (a crash seen in the tests).

    Fusion is the one built-in Qt style that draws every control from the
    palette (native styles keep their own greys), so it is set here.
    """
    global _current
    pal = palette(name)  # raises on an unknown name before anything changes
    _current = name
    set_view3d(name)
    app = QApplication.instance()
    if app is not None:
        if not isinstance(app.style(), PanelTabsStyle):
            global _style
            _style = PanelTabsStyle()  # held here too: Python must not collect it
            app.setStyle(_style)
        app.setPalette(pal)
        # Qt hands the new palette to the widgets in posted events: deliver them
        # now, so what is re-polished below and what is drawn next is new.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)
    c = colors(name)
    # New plots start in the theme ...
    pg.setConfigOptions(background=c["plot_background"], foreground=c["plot_foreground"])
    # ... and the ones that exist are restyled.
    if root is not None:
        for w in root.findChildren(pg.GraphicsView):
            style_plot(w)
        for w in root.findChildren(QWidget):
            if w.testAttribute(Qt.WidgetAttribute.WA_StyleSheet):
                _repolish(w)
    notifier().changed.emit(name)


def _repolish(w) -> None:
    # A widget that has (or ever had) a style sheet keeps the palette it was
    # polished with: the new application palette never reaches it, and a
    # cleared error label would stay black on the dark theme. Setting the
    # sheet again polishes it with the current palette.
    sheet = w.styleSheet()
    w.setStyleSheet(sheet + " ")
    w.setStyleSheet(sheet)


def style_plot(view: pg.GraphicsView) -> None:
    """Give a pyqtgraph widget the current theme's background, axes, titles and legends."""
    c = colors()
    fg = c["plot_foreground"]
    view.setBackground(c["plot_background"])
    for item in view.scene().items():
        if isinstance(item, pg.AxisItem):
            item.setPen(fg)
            item.setTextPen(fg)
        elif isinstance(item, pg.LegendItem):
            item.setLabelTextColor(fg)
            item.setBrush(c["legend_background"])
            for _sample, label in item.items:  # labels keep their text, in the new colour
                label.setText(label.text)
        elif isinstance(item, pg.PlotItem):
            title = item.titleLabel
            title.setAttr("color", fg)
            if title.isVisible():
                title.setText(title.text)


# -- contrast ----------------------------------------------------------------------------
def _rgb(color) -> tuple[float, float, float, float]:
    """``(r, g, b, alpha 0..1)`` of a tuple (0-255, alpha optional) or ``#rrggbb``."""
    if isinstance(color, str):
        color = tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))
    r, g, b = color[:3]
    return float(r), float(g), float(b), (color[3] / 255 if len(color) > 3 else 1.0)


def contrast_ratio(color, background) -> float:
    """WCAG 2 contrast ratio (1 to 21) of ``color`` drawn over ``background``.

    A colour with an alpha channel is first blended over the background, as it
    appears on screen.
    """
    r, g, b, a = _rgb(color)
    br, bg, bb, _ = _rgb(background)
    fg = (r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a))

    def luminance(rgb) -> float:
        def channel(v: float) -> float:
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])

    hi, lo = sorted((luminance(fg), luminance((br, bg, bb))), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def drawn_colors(name: str) -> list[tuple[str, object, str, object]]:
    """Every colour the views and plots of theme ``name`` draw text, lines or points with.

    Returns
    -------
    list of (what, colour, kind, background)
        ``kind`` is ``"text"`` (WCAG asks 4.5:1) or ``"graphic"`` (lines and
        points, 3:1); ``background`` is what the colour is drawn on.
    """
    out = []
    v, t, c = VIEW3D[name], TRAINING[name], _COLORS[name]
    bg = v["background"]
    for key in ("label", "label_selected", "info", "overlay"):
        out.append((f"3D view {key}", v[key], "text", bg))
    for k, rgb in enumerate(v["axis"]):
        out.append((f"3D view axis {k} name", rgb, "text", bg))
        out.append((f"3D view axis {k} line", (*rgb, 200), "graphic", bg))
    for key in ("point", "selected", "neighbor", "uncategorised"):
        out.append((f"3D view {key} point", v[key], "graphic", bg))
    for k, rgb in enumerate(v["categories"]):
        out.append((f"3D view category {k}", rgb, "graphic", bg))
    bg = t["background"]
    for key in ("label", "caption", "highlight"):
        out.append((f"training view {key}", t[key], "text", bg))
    for k, rgb in enumerate(t["axis"]):
        out.append((f"training view axis {k}", rgb, "text", bg))
    out.append(("training view default point", t["default"], "graphic", bg))
    for group, rgb in t["groups"].items():
        out.append((f"training view group {group}", rgb, "graphic", bg))
    x = CONTEXT[name]
    bg = x["background"]
    for key in ("label", "caption", "selected"):
        out.append((f"context view {key}", x[key], "text", bg))
    out.append(("context view special token", x["special"], "graphic", bg))
    for k, rgb in enumerate(x["sentences"]):  # label text and trail lines
        out.append((f"context view sentence {k}", rgb, "text", bg))
    m = COMPARE[name]
    bg = m["background"]
    for key in ("a", "b", "label", "label_selected", "info", "common"):
        out.append((f"compare view {key}", m[key], "text", bg))
    out.append(("compare view A→B line", m["line"], "graphic", bg))
    for k, rgb in enumerate(m["axis"]):
        out.append((f"compare view axis {k}", rgb, "text", bg))
    bg = c["plot_background"]
    out.append(("plot text and axes", c["plot_foreground"], "text", bg))
    out.append(("plot error text", c["error"], "text", bg))
    for k, rgb in enumerate(c["series"]):  # also the words and legend of the Directions panel
        out.append((f"plot series {k}", rgb, "text", bg))
    for key in ("muted", "reference", "guide", "cursor", "loss"):
        out.append((f"plot {key}", c[key], "graphic", bg))
    for k, rgb in enumerate(c["pairs"]):
        out.append((f"training pair curve {k}", rgb, "graphic", bg))
    return out
