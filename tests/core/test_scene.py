import json

import numpy as np
import pytest

from embviz.core.scene import Scene, SceneError, load_scenes, save_scenes
from embviz.core.workspace import Workspace


@pytest.fixture
def ws(default_embeddings):
    w = Workspace()
    w.set_embeddings(default_embeddings)
    return w


def test_round_trip_restores_words_slice_and_selection(ws, tmp_path, default_embeddings):
    ws.show_words(["king", "queen", "man", "woman", "cat", "cats", "dog", "dogs"])
    ws.set_axes(["woman - man", "cats - cat", None])
    ws.use_as_axis(
        "plural-ish", default_embeddings.vector("dogs") - default_embeddings.vector("dog"), 2
    )
    ws.select("queen")
    cam = {"distance": 25.0, "elevation": 30.0, "azimuth": 10.0, "center": [0, 0, 0], "fov": 60}
    scene = Scene.from_workspace(ws, camera=cam, title="gender and number", text_scale=2.0)
    path = tmp_path / "s.json"
    save_scenes(path, [scene])
    raw = json.loads(path.read_text())
    assert raw["file"] is None  # the embedded default
    assert raw["projection"]["axes"][0] == "woman - man"
    assert raw["projection"]["axes"][2]["label"] == "plural-ish"
    (back,) = load_scenes(path)
    assert back == scene

    other = Workspace()
    other.set_embeddings(default_embeddings)
    back.apply_to(other)
    assert other.shown_words == ws.shown_words
    assert other.mode == "axes" and other.axis_labels == ws.axis_labels
    assert np.allclose(other.projection.coords, ws.projection.coords, atol=1e-5)
    assert other.selected == "queen"


def test_a_list_of_scenes(tmp_path, ws):
    a = Scene.from_workspace(ws, title="one")
    ws.set_projection("random", random_seed=7)
    b = Scene.from_workspace(ws, title="two")
    save_scenes(tmp_path / "talk.json", [a, b])
    got = load_scenes(tmp_path / "talk.json")
    assert [s.title for s in got] == ["one", "two"]
    assert got[1].projection == {"mode": "random", "seed": 7}


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("{not json", "not valid JSON (line 1"),
        ('{"title": "x"}', "not an embviz scene"),
        ('{"embviz_scene": 1, "words": "king"}', "scene.words must be a list of words"),
        ('{"embviz_scene": 1, "text_scale": 9}', "text_scale must be a number from 0.5 to 4"),
        ('{"embviz_scene": 1, "camera": {"distance": "far"}}', "camera.distance must be a number"),
        ('{"embviz_scene": 1, "projection": {"mode": "tsne3"}}', "projection.mode must be one of"),
        ('{"embviz_scene": 1, "projection": {"mode": "axes", "axes": ["a"]}}', "three axes"),
        ('{"embviz_scenes": 1, "scenes": []}', "'scenes' must be a non-empty list"),
    ],
)
def test_malformed_scene_files_are_clear_errors(tmp_path, content, needle):
    p = tmp_path / "bad.json"
    p.write_text(content)
    with pytest.raises(SceneError) as err:
        load_scenes(p)
    assert str(p) in str(err.value) and needle in str(err.value)


def test_missing_scene_file(tmp_path):
    with pytest.raises(SceneError, match="no such file"):
        load_scenes(tmp_path / "nope.json")
