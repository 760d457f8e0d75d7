"""The slice spec: one typed value for "which slice", its JSON, and the workspace's event."""

from __future__ import annotations

import json

import numpy as np
import pytest

from embviz.core import slicespec
from embviz.core.errors import EmbvizError
from embviz.core.scene import Scene, load_scenes
from embviz.core.slicespec import (
    CHOICES,
    AxesSlice,
    DirectionAxis,
    LayoutSlice,
    PcaSlice,
    RandomSlice,
    RawSlice,
    SliceSpecError,
)
from embviz.core.workspace import Workspace

WORDS = ["king", "queen", "man", "woman", "paris", "france", "rome", "italy"]


@pytest.fixture
def ws_few(default_embeddings):
    """A workspace on the default vectors showing only WORDS."""
    w = Workspace()
    w.set_embeddings(default_embeddings, WORDS)
    return w


@pytest.mark.parametrize("spec", [c for _, c in CHOICES] + [
    RandomSlice(7), RawSlice((3, 4, 5)), LayoutSlice("umap", 9),
    AxesSlice(("woman - man", None, DirectionAxis("v", (0.5, -1.0)))),
])  # fmt: skip
def test_json_round_trip(spec):
    data = json.loads(json.dumps(spec.to_dict()))
    assert slicespec.from_dict(data) == spec


def test_every_mode_has_one_choice_and_the_menu_finds_it():
    assert {c.mode for _, c in CHOICES} == set(slicespec.MODES)
    for i, (_, c) in enumerate(CHOICES):
        assert slicespec.choice_index(c) == i
    assert slicespec.choice_index(RandomSlice(42)) == slicespec.choice_index(RandomSlice())


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"mode": "tsne3"}, "mode"),
        ([], "mode"),
        ({"mode": "pca", "fit": "some"}, "fit"),
        ({"mode": "random", "seed": True}, "seed"),
        ({"mode": "random", "seed": 2**32}, "seed"),
        ({"mode": "umap", "seed": -1}, "seed"),
        ({"mode": "raw", "dims": [0, 1]}, "dims"),
        ({"mode": "raw", "dims": "012"}, "dims"),
        ({"mode": "axes", "axes": ["a"]}, "axes"),
        ({"mode": "axes", "axes": [1, None, None]}, "axes[0]"),
        ({"mode": "axes", "axes": [None, {"label": "v", "vector": [1, "x"]}, None]}, "axes[1]"),
        ({"mode": "axes", "axes": [None, None, {"vector": [1.0]}]}, "axes[2]"),
    ],
)
def test_a_wrong_field_is_named(data, field):
    with pytest.raises(SliceSpecError) as e:
        slicespec.from_dict(data)
    assert e.value.field == field and str(e.value).startswith(f"{field} must be ")


def test_specs_are_immutable_and_compare_by_value():
    a = AxesSlice(("woman  -  man", "", None))
    assert a == AxesSlice(("woman - man", None, None)) and a.labels == ["woman - man", "", ""]
    with pytest.raises(AttributeError):
        a.axes = (None, None, None)
    assert DirectionAxis("v", np.array([1, 2], np.float32)) == DirectionAxis("v", (1.0, 2.0))


def test_version_1_scene_files_load_into_the_same_specs(tmp_path, ws_few):
    # written by embviz before the slice spec existed: the format is unchanged
    v1 = {"embviz_scenes": 1, "scenes": [
        {"embviz_scene": 1, "words": WORDS, "projection": {"mode": "pca", "fit": "all"}},
        {"embviz_scene": 1, "words": WORDS, "projection": {"mode": "random", "seed": 3}},
        {"embviz_scene": 1, "words": WORDS, "projection": {"mode": "raw", "dims": [5, 6, 7]}},
        {"embviz_scene": 1, "words": WORDS, "projection": {"mode": "axes", "axes": [
            "woman - man", None, {"label": "v", "vector": [0.5] * 50}]}},
        {"embviz_scene": 1, "words": WORDS[:4], "projection": {
            "mode": "tsne", "seed": 2, "of": 4,
            "coords": [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]]}},
    ]}  # fmt: skip
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(v1))
    scenes = load_scenes(path)
    want = [
        PcaSlice("all"),
        RandomSlice(3),
        RawSlice((5, 6, 7)),
        AxesSlice(("woman - man", None, DirectionAxis("v", (0.5,) * 50))),
        LayoutSlice("tsne", 2),
    ]
    for scene, spec in zip(scenes, want, strict=True):
        assert scene.slice == spec
        scene.apply_to(ws_few)
        assert ws_few.slice == spec
        # and saved again, the same JSON comes back
        again = Scene.from_workspace(ws_few)
        assert again.projection == scene.projection


def test_slice_changed_fires_once_per_change_and_not_on_failure(ws_few):
    seen = []
    ws_few.slice_changed.connect(seen.append)
    ws_few.set_projection("random", random_seed=4)
    ws_few.set_projection("random", random_seed=4)  # the same slice: no event
    assert seen == [RandomSlice(4)] and ws_few.slice == RandomSlice(4)
    before = ws_few.projection
    with pytest.raises(EmbvizError):
        ws_few.set_axes(["woman - man", "notawordatall", ""])
    with pytest.raises(EmbvizError):
        ws_few.set_slice(RawSlice((0, 1, 10_000)))
    assert ws_few.slice == RandomSlice(4) and ws_few.projection is before and len(seen) == 1
    ws_few.set_slice(PcaSlice("all"))
    assert seen[-1] == PcaSlice("all") and ws_few.pca_fit == "all"


def test_options_of_a_mode_are_remembered_when_coming_back(ws_few):
    ws_few.set_projection("random", random_seed=5)
    ws_few.set_projection("raw", raw_dims=(1, 2, 3))
    ws_few.set_projection("pca")
    ws_few.set_slice(ws_few.remembered("random"))
    assert ws_few.slice == RandomSlice(5) and ws_few.raw_dims == (1, 2, 3)


def test_a_direction_axis_keeps_the_other_axes(ws_few, default_embeddings):
    ws_few.set_axes(["woman - man", "", "king - man"])
    vec = default_embeddings.vector("paris") - default_embeddings.vector("france")
    ws_few.use_as_axis("capital", vec, slot=1)
    spec = ws_few.slice
    assert isinstance(spec, AxesSlice) and spec.axes[0] == "woman - man"
    assert spec.axes[1].label == "capital" and ws_few.axis_labels == ["woman - man", "capital",
                                                                  "king - man"]  # fmt: skip
    np.testing.assert_array_equal(ws_few.axis_vectors[1], vec.astype(np.float32))
