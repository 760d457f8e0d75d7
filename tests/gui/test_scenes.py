import pytest

from embviz.gui.camera import camera_state, set_camera

pytestmark = pytest.mark.gui


def test_bookmark_step_away_and_fly_back(main_window, qtbot, tmp_path):
    win = main_window
    ws = win.workspace
    ws.show_words(["king", "queen", "man", "woman", "cat", "cats", "one", "two", "three"])
    ws.set_axes(["woman - man", "cats - cat", None])
    ws.select("queen")
    set_camera(win.view, {"distance": 22.0, "elevation": 35.0, "azimuth": 300.0})
    win.set_text_scale(1.5)
    win.scenes.add_current("gender and number")

    ws.set_projection("random", random_seed=3)
    ws.show_words(["paris", "france", "rome", "italy"])
    set_camera(win.view, {"distance": 40.0, "elevation": 5.0, "azimuth": 20.0})
    win.set_text_scale(1.0)
    win.scenes.add_current("capitals")

    path = tmp_path / "lecture.json"
    win.scenes.save(path)
    win.scenes.open(path)  # back to scene 1, flying the camera

    def arrived():
        cam = camera_state(win.view)
        return (cam["distance"], cam["elevation"], cam["azimuth"] % 360) == pytest.approx(
            (22.0, 35.0, 300.0), abs=1e-4
        )

    qtbot.waitUntil(arrived, timeout=3000)
    assert ws.mode == "axes" and ws.axis_labels[:2] == ["woman - man", "cats - cat"]
    assert ws.selected == "queen" and "queen" in ws.shown_words
    assert win.text_scale == pytest.approx(1.5)

    win.scenes.next()
    qtbot.waitUntil(lambda: abs(camera_state(win.view)["distance"] - 40.0) < 1e-3, timeout=3000)
    assert ws.mode == "random" and set(ws.shown_words) == {"paris", "france", "rome", "italy"}
    win.scenes.next()  # past the end stays on the last scene
    assert win.scenes.index == 1


def test_scene_naming_another_file_loads_it(main_window, qtbot, tmp_path):
    from embviz.core.scene import Scene

    vec = tmp_path / "small.txt"
    vec.write_text("4 3\nking 1 0 0\nqueen 0.9 0.2 0\nman 0 1 0.1\nwoman 0 0.9 0.3\n")
    scene = Scene(title="tiny", file=str(vec), words=["king", "queen", "man"], selected="king")
    main_window.scenes.scenes = [scene]
    main_window.scenes.go(0)
    qtbot.waitUntil(lambda: main_window.workspace.selected == "king", timeout=10000)
    assert main_window.workspace.embeddings.source.path == str(vec)
    assert main_window.workspace.shown_words == ["king", "queen", "man"]
