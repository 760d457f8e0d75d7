"""Every colour the views and plots draw with reads on its theme's background (WCAG 2)."""

import pytest

from embviz.gui import theme


def test_contrast_ratio_matches_wcag_reference_values():
    assert theme.contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    # a translucent colour is judged as blended over the background
    assert theme.contrast_ratio((0, 0, 0, 0), (255, 255, 255)) == pytest.approx(1.0)


@pytest.mark.parametrize("name", theme.THEMES)
def test_every_drawn_colour_has_enough_contrast(name):
    colors = theme.drawn_colors(name)
    assert len(colors) > 40  # the tables, not an empty list, are checked
    low = []
    for what, color, kind, background in colors:
        need = 4.5 if kind == "text" else 3.0
        ratio = theme.contrast_ratio(color, background)
        if ratio < need:
            low.append(f"{what} {color}: {ratio:.2f} < {need}")
    assert not low, f"{name} theme: " + "; ".join(low)


def test_the_analogy_overlay_uses_the_theme_colour():
    from embviz.gui.panels import analogy

    assert isinstance(analogy.OVERLAY_COLOR, str)
    for name in theme.THEMES:
        rgb = theme.VIEW3D[name][analogy.OVERLAY_COLOR]
        assert theme.contrast_ratio(rgb, theme.VIEW3D[name]["background"]) >= 4.5


@pytest.mark.parametrize("name", theme.THEMES)
def test_widget_text_reads_on_its_background(name):
    roles = theme._ROLES[name]
    pairs = [("WindowText", "Window"), ("Text", "Base"), ("Text", "AlternateBase"),
             ("ButtonText", "Button"), ("PlaceholderText", "Base"), ("BrightText", "Window"),
             ("HighlightedText", "Highlight"), ("ToolTipText", "ToolTipBase"), ("Link", "Base"),
             ("LinkVisited", "Base")]  # fmt: skip
    low = [f"{fg} on {bg}" for fg, bg in pairs
           if theme.contrast_ratio(roles[fg], roles[bg]) < 4.5]  # fmt: skip
    grey = theme._DISABLED_TEXT[name]
    low += [f"disabled text on {bg}" for bg in ("Window", "Base", "Button")
            if theme.contrast_ratio(grey, roles[bg]) < 4.5]  # fmt: skip
    assert not low, f"{name} theme: " + ", ".join(low)
