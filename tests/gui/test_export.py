import numpy as np
import pytest
from PIL import Image

from embviz.gui import export
from embviz.gui.theme import VIEW3D_CURRENT as THEME
from tests.helpers import tiny_corpus

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
    from PySide6.QtWidgets import QApplication

    from embviz.gui.view3d import SceneView

    def views() -> int:
        return sum(isinstance(w, SceneView) for w in QApplication.allWidgets())

    before = views()
    export.export_view(main_window, tmp_path / "a.png", (640, 360))
    qtbot.waitUntil(lambda: views() == before, timeout=10_000)  # the offscreen view is deleted
    main_window.workspace.show_words(["king", "queen"])  # would reach a deleted view
    main_window.set_text_scale(1.5)
    assert main_window.view.label_scale == 1.5


def test_train_panel_export_redraws_its_3d_view_with_labels(main_window, qtbot, tmp_path):
    panel = main_window.panels["train"]
    main_window.docks["train"].raise_()
    panel.session.set_corpus(str(tiny_corpus(tmp_path / "tiny.txt", lines=2000)))
    panel.dim.setValue(12)
    panel.min_count.setValue(2)
    panel.epochs.setValue(2)
    run = panel.start()
    ended: list[bool] = []
    run.finished.connect(lambda: ended.append(True))
    qtbot.waitUntil(lambda: bool(ended) and panel.session.model is not None, timeout=60000)
    with qtbot.waitSignal(panel.timer.timeout, timeout=10_000):
        pass  # one frame tick after the end: the view shows the last snapshot
    view = panel.view
    png = export.export_widget(panel, tmp_path / "train.png", width=3840)
    scale = 3840 / panel.width()
    img = np.asarray(Image.open(png).convert("RGB")).astype(int)
    top = view.mapTo(panel, view.rect().topLeft())
    x0, y0 = round(top.x() * scale), round(top.y() * scale)
    area = img[y0 : y0 + round(view.height() * scale), x0 : x0 + round(view.width() * scale)]
    # word labels and the caption are light text on the dark view: plenty at 4K
    assert (area > 200).all(axis=2).sum() > 5_000
    # and drawn at export resolution: text edges are sharp, not 3x-upscaled blocks
    light = (area > 200).all(axis=2)
    runs = np.diff(light.astype(int), axis=1) != 0
    assert runs.sum() > 2_000
    panel.shutdown()


def test_exporting_a_single_selected_word(main_window, tmp_path):
    # One word has no projection (it takes two): the export's fresh view has no
    # point for it, and colouring the selected word used to raise IndexError.
    ws = main_window.workspace
    ws.select("king")  # (selecting brings its neighbours in: narrow the words after it)
    ws.show_words(["king"])
    assert ws.selected == "king"
    assert ws.projection is None
    out = export.export_view(main_window, tmp_path / "one.png", (640, 400))
    with Image.open(out) as img:
        assert img.size == (640, 400)
    main_window.view.fly_to("king")  # nothing to fly to; no error either


def test_the_analogy_overlay_reads_on_white_in_an_exported_png(main_window, tmp_path):
    from embviz.gui import theme

    win = main_window
    win.set_theme("light")
    try:
        panel = win.panels["analogy"]
        panel.expr.setText("king - man + woman")
        panel.run_query()
        out = export.export_view(win, tmp_path / "analogy.png", (1280, 720))
        img = np.asarray(Image.open(out).convert("RGB")).astype(int)
        amber = np.array(theme.VIEW3D["light"]["overlay"])
        pale = np.array(theme.VIEW3D["dark"]["overlay"])  # the dark theme's, unreadable on white
        near = lambda c: (np.abs(img - c).max(axis=2) <= 30).sum()  # noqa: E731
        assert near(amber) > 50  # arrows and captions in the light theme's overlay colour
        assert near(pale) == 0
        assert theme.contrast_ratio(amber, img[3, 3]) >= 4.5
    finally:
        win.set_theme("dark")
