"""Hostile scene files and seeds: one clear error each, never an internal one; fuzzed scenes."""

from __future__ import annotations

import json
import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from embviz.cli import main
from embviz.core.errors import EmbvizError
from embviz.core.scene import SEED_MAX, Scene, SceneError, load_scenes, save_scenes
from embviz.core.workspace import Workspace

CASES = int(os.environ.get("EMBVIZ_FUZZ_CASES", "300"))  # as the loader fuzzing


def _scene(tmp_path, **fields):
    p = tmp_path / "s.json"
    p.write_text(json.dumps({"embviz_scene": 1, **fields}))
    return p


def _tsne(seed):
    return {"words": ["king"], "projection": {"mode": "tsne", "seed": seed, "coords": [[0, 0, 0]]}}


@pytest.mark.parametrize(
    ("fields", "needle"),
    [
        ({"projection": {"mode": "random", "seed": -1}}, "projection.seed must be a whole number"),
        ({"projection": {"mode": "random", "seed": "abc"}}, "projection.seed must be"),
        ({"projection": {"mode": "random", "seed": None}}, "projection.seed must be"),
        ({"projection": {"mode": "random", "seed": 1.5}}, "projection.seed must be"),
        ({"projection": {"mode": "random", "seed": True}}, "projection.seed must be"),
        ({"projection": {"mode": "random", "seed": SEED_MAX + 1}}, "projection.seed must be"),
        (_tsne(-1), "projection.seed must be"),
        (_tsne("abc"), "projection.seed must be"),
        ({"projection": {"mode": "pca", "fit": 5}}, 'projection.fit must be "shown" or "all"'),
        ({"projection": {"mode": "pca", "fit": None}}, "projection.fit must be"),
        ({"projection": {"mode": "raw", "dims": [0, 1, -1]}}, "projection.dims must be"),
        ({"projection": {"mode": "raw", "dims": [True, 1, 2]}}, "projection.dims must be"),
        ({"camera": {"fov": -5}}, "camera.fov must be a number from 1 to 179"),
        ({"camera": {"distance": 1e308}}, "camera.distance must be a number from"),
        ({"camera": {"center": [1e300, 0, 0]}}, "camera.center must be three numbers"),
    ],
)
def test_wrong_values_name_the_field(tmp_path, fields, needle):
    with pytest.raises(SceneError, match=r"s\.json: scene\.") as e:
        load_scenes(_scene(tmp_path, **fields))
    assert needle in str(e.value) and "\n" not in str(e.value)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('{"embviz_scene": 1, "title": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deep"),
        ('{"embviz_scene": 1, "text_scale": ' + "7" * 5000 + "}", "thousands of digits"),
        ('{"embviz_scene": 1, "projection": {"mode": "random", "seed": ' + "9" * 5000 + "}}",
         "thousands of digits"),
    ],
)  # fmt: skip
def test_pathological_json_is_one_clear_error(tmp_path, content, needle):
    p = tmp_path / "s.json"
    p.write_text(content)
    with pytest.raises(SceneError, match=needle):
        load_scenes(p)


def test_special_files_are_refused_without_waiting(tmp_path):
    fifo = tmp_path / "talk.json"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer for ever
    with pytest.raises(SceneError, match="not a regular file"):
        load_scenes(fifo)
    with pytest.raises(SceneError, match="is a directory"):
        load_scenes(tmp_path)


def test_an_axis_vector_of_the_wrong_length_is_named(tmp_path, default_embeddings):
    p = _scene(tmp_path, projection={"mode": "axes",
                                     "axes": [{"label": "x", "vector": [1, 2]}, None, None]})  # fmt: skip
    (scene,) = load_scenes(p)
    ws = Workspace()
    ws.set_embeddings(default_embeddings)
    with pytest.raises(EmbvizError, match="axis 'x' has 2 numbers, but the vectors have 50"):
        scene.apply_to(ws)


def test_the_largest_seed_round_trips(tmp_path, default_embeddings):
    ws = Workspace()
    ws.set_embeddings(default_embeddings)
    ws.set_projection("random", random_seed=SEED_MAX)
    save_scenes(tmp_path / "s.json", [Scene.from_workspace(ws)])
    (back,) = load_scenes(tmp_path / "s.json")
    other = Workspace()
    other.set_embeddings(default_embeddings)
    back.apply_to(other)
    assert other.random_seed == SEED_MAX


@pytest.mark.parametrize("argv", [["train", "--out", "x.txt", "--seed", "-1"],
                                  ["render", "--out", "x.png", "--seed", "-1"],
                                  ["render", "--out", "x.png", "--seed", str(2**32)]])  # fmt: skip
def test_cli_seeds_out_of_range_are_one_line_errors(tmp_path, monkeypatch, capsys, argv):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "seed must be 0 to 4294967295" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / argv[2]).exists()


# -- fuzz: a valid scene with one value replaced by anything JSON can hold ------------------
_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=True)
    | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=4),
    max_leaves=12,
)  # fmt: skip

_BASE = {
    "embviz_scene": 1, "title": "t", "file": None, "format": None,
    "words": ["king", "queen", "man", "woman"],
    "camera": {"distance": 30, "elevation": 20, "azimuth": 45, "center": [0, 0, 0], "fov": 60},
    "selected": "queen", "text_scale": 1.5, "color_by": "none",
}  # fmt: skip
_PROJECTIONS = [
    {"mode": "pca", "fit": "shown"},
    {"mode": "random", "seed": 3},
    {"mode": "raw", "dims": [0, 1, 2]},
    {"mode": "axes", "axes": ["woman - man", None, {"label": "v", "vector": [0.5] * 50}]},
    {"mode": "tsne", "seed": 0, "of": 4, "coords": [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]]},
]


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, (*prefix, i))


def _replace(obj, path, value):
    if not path:
        return value
    obj = json.loads(json.dumps(obj))
    cur = obj
    for k in path[:-1]:
        cur = cur[k]
    cur[path[-1]] = value
    return obj


@settings(
    max_examples=CASES // 3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(proj=st.sampled_from(_PROJECTIONS), pick=st.randoms(use_true_random=False), value=_json)
def test_fuzz_any_field_is_a_scene_error_or_applies(
    tmp_path, default_embeddings, proj, pick, value
):
    base = {**_BASE, "projection": proj}
    where = pick.choice(list(_paths(base))[1:])
    data = _replace(base, where, value)
    p = tmp_path / "fuzz.json"
    p.write_text(json.dumps(data))
    try:
        scenes = load_scenes(p)
    except SceneError as e:
        assert "\n" not in str(e)
        return
    ws = Workspace()
    ws.set_embeddings(default_embeddings)
    try:
        scenes[0].apply_to(ws)
    except EmbvizError as e:  # e.g. an axis naming a word not in the vocabulary
        assert "\n" not in str(e)
        return
    save_scenes(tmp_path / "again.json", [Scene.from_workspace(ws)])
    load_scenes(tmp_path / "again.json")  # what it shows, it can save and read back


def test_fuzz_damaged_bytes_are_scene_errors(tmp_path, default_embeddings):
    rng = random.Random(int(os.environ.get("EMBVIZ_FUZZ_SEED", "16")))
    good = json.dumps({**_BASE, "projection": _PROJECTIONS[4]}).encode()
    for _ in range(CASES // 2):
        b = bytearray(good)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(b))
            b[i : i + rng.randint(0, 3)] = bytes(
                rng.randrange(256) for _ in range(rng.randint(0, 3))
            )
        p = tmp_path / "fuzz.json"
        p.write_bytes(bytes(b))
        try:
            (scene,) = load_scenes(p)
        except SceneError:
            continue
        ws = Workspace()
        ws.set_embeddings(default_embeddings)
        try:
            scene.apply_to(ws)
        except EmbvizError:
            pass
