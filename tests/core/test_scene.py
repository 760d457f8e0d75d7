import json

import numpy as np
import pytest

from embviz.core.errors import EmbvizError
from embviz.core.scene import Scene, SceneError, load_scenes, save_scenes
from embviz.core.workspace import Workspace


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
        (
            '{"embviz_scene": 1, "words": ["a", "b"], "projection": {"mode": "tsne"}}',
            "projection.coords must be one [x, y, z] of numbers per word",
        ),
        (
            '{"embviz_scene": 1, "words": ["a", "b"], "projection": {"mode": "umap", '
            '"coords": [[1, 2, 3]]}}',
            "projection.coords must be one [x, y, z]",
        ),
        (
            '{"embviz_scene": 1, "words": ["a"], "projection": {"mode": "tsne", '
            '"coords": [[1, 2, "x"]]}}',
            "projection.coords must be",
        ),
        (
            '{"embviz_scene": 1, "words": ["a"], "projection": {"mode": "tsne", '
            '"coords": [[1, 2, 3]], "seed": 1.5}}',
            "projection.seed must be a whole number",
        ),
        (
            '{"embviz_scene": 1, "words": ["a", "b"], "projection": {"mode": "tsne", '
            '"coords": [[1, 2, 3], [4, 5, 6]], "of": 1}}',
            "projection.of must be",
        ),
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


def test_a_tsne_scene_keeps_its_positions_and_reopens_without_computing(
    ws, tmp_path, default_embeddings, monkeypatch
):
    from embviz.core import nonlinear

    if "tsne" not in nonlinear.available():
        pytest.skip("needs embviz[projections]")
    words = ["one", "two", "three", "four", "five", "six", "seven", "paris", "rome", "berlin",
             "madrid", "cat", "dog", "horse"]  # fmt: skip
    ws.show_words(words)
    ws.select("paris", bring_neighbors=False)  # these words only
    ws.set_layout(ws.compute_layout("tsne", seed=2))
    scene = Scene.from_workspace(ws, title="t-SNE")
    path = tmp_path / "tsne.json"
    save_scenes(path, [scene])
    raw = json.loads(path.read_text())["projection"]
    assert raw["mode"] == "tsne" and raw["seed"] == 2 and raw["of"] == len(words)
    assert len(raw["coords"]) == len(words) and all(len(c) == 3 for c in raw["coords"])

    # reopening needs neither openTSNE nor time: the positions are in the file
    monkeypatch.setitem(__import__("sys").modules, "openTSNE", None)
    other = Workspace()
    other.set_embeddings(default_embeddings)
    (back,) = load_scenes(path)
    back.apply_to(other)
    assert other.mode == "tsne" and other.shown_words == words and other.selected == "paris"
    assert other.layout.seed == 2 and not other.projection.linear
    assert np.allclose(other.projection.coords, ws.projection.coords, rtol=1e-5, atol=1e-5)
    # the same scene again (already on show): still the same picture
    back.apply_to(other)
    assert other.mode == "tsne"
    assert np.allclose(other.projection.coords, ws.projection.coords, rtol=1e-5, atol=1e-5)


def test_a_layout_scene_for_missing_words_is_a_clear_error(ws, tmp_path):
    scene = Scene(words=["one", "two", "zzqxv"],
                  projection={"mode": "umap", "seed": 0, "coords": [[0, 0, 0]] * 3})  # fmt: skip
    with pytest.raises(EmbvizError, match=r"UMAP positions .* \(not in the vocabulary: zzqxv\)"):
        scene.apply_to(ws)
