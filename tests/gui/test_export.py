import numpy as np
import pytest
from PIL import Image

from embviz.gui import export
from embviz.gui.view3d import THEME

pytestmark = pytest.mark.gui


def test_3d_view_exports_at_4k_with_points_and_labels(main_window, tmp_path):
    out = export.export_view(main_window, tmp_path / "view.png", (3840, 2160))
    img = np.asarray(Image.open(out).convert("RGB")).astype(int)
    assert img.shape == (2160, 3840, 3)
    assert (np.abs(img[5, 5] - THEME["background"]) <= 2).all()
    point = np.array(THEME["point"][:3])
    assert (np.abs(img - point) <= 25).all(axis=2).sum() > 20_000  # many large sprites
    assert (img > 200).all(axis=2).sum() > 20_000  # label text


@pytest.mark.parametrize("name", ["search", "directions", "posenc"])
def test_panels_export_as_sharp_png_and_as_svg(main_window, tmp_path, name):
    panel = main_window.panels[name]
    main_window.docks[name].raise_()
    png = export.export_widget(panel, tmp_path / f"{name}.png", width=3840)
    with Image.open(png) as im:
        assert im.width == 3840
        assert im.height == round(panel.height() * 3840 / panel.width())
        colors = np.asarray(im.convert("RGB").resize((384, 216)))
    assert len(np.unique(colors.reshape(-1, 3), axis=0)) > 20  # not a blank image
    svg = export.export_widget(panel, tmp_path / f"{name}.svg")
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "<text" in text


def test_turntable_gif(main_window, tmp_path):
    out = export.export_turntable(main_window, tmp_path / "orbit.gif", frames=6, size=(320, 200))
    with Image.open(out) as im:
        assert im.n_frames == 6 and im.size == (320, 200)
        im.seek(0)
        first = np.asarray(im.convert("RGB"))
        im.seek(3)
        half = np.asarray(im.convert("RGB"))
    assert (first != half).any()  # the camera turned


def test_bad_export_size_is_a_clear_error(main_window, tmp_path):
    from embviz.core.errors import EmbvizError

    with pytest.raises(EmbvizError, match="export size"):
        export.export_view(main_window, tmp_path / "x.png", (100000, 10))


def test_the_window_keeps_working_after_an_export(main_window, qtbot, tmp_path):
    export.export_view(main_window, tmp_path / "a.png", (640, 360))
    qtbot.wait(50)  # the offscreen view is deleted
    main_window.workspace.show_words(["king", "queen"])  # would reach a deleted view
    main_window.set_text_scale(1.5)
    assert main_window.view.label_scale == 1.5
