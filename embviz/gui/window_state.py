"""What the main window remembers between runs: geometry, docks, theme and text scale."""

from __future__ import annotations

from embviz.gui import theme


def restore_window(window) -> None:
    """Give ``window`` (a MainWindow) its geometry, dock layout, theme and text scale back.

    Every value is checked: a damaged settings file gives the defaults, never
    a window that cannot open (``restoreGeometry``/``restoreState`` refuse
    bytes that are not theirs).
    """
    settings = window.settings
    geometry = settings.data("geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = settings.data("window_state")
    if state is not None and window.restoreState(state):
        window.tour.hide()  # the tour opens only when started, never empty from last time
    window.set_theme(settings.text("theme", "dark", tuple(theme.THEMES)))
    scale = settings.number("text_scale", 1.0, 0.5, 4.0)
    if scale != 1.0:
        window.set_text_scale(scale)


def save_window(window) -> None:
    """Remember ``window``'s geometry and dock layout (theme and text scale are saved when set)."""
    window.settings.setValue("geometry", window.saveGeometry().data())
    window.settings.setValue("window_state", window.saveState().data())
