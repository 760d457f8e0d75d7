"""Scenes: a saved view a teacher can return to (file, words, slice, camera, sizes).

A scene file is small JSON, never a pickle::

    {"embviz_scene": 1, "title": "...", "file": null, "format": null,
     "words": ["king", ...], "projection": {"mode": "axes", "axes": ["woman - man", ...]},
     "camera": {"distance": 32, "elevation": 20, "azimuth": 45, "center": [0, 0, 0],
                "fov": 60}, "selected": "queen", "text_scale": 1.5, "color_by": "none"}

``"file": null`` means the embedded default data. A t-SNE or UMAP scene keeps
the computed positions, one ``[x, y, z]`` per word, so it reopens instantly and
identically: ``{"mode": "tsne", "seed": 0, "of": 300, "coords": [[...], ...]}``.
A file may also hold a list of scenes: ``{"embviz_scenes": 1, "scenes": [...]}``,
which the window steps through with the arrow keys.
"""

from __future__ import annotations

import json
import math
import os
import stat
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from embviz.core import nonlinear
from embviz.core.errors import EmbvizError

MODES = ("pca", "axes", "random", "raw", *nonlinear.KINDS)
SEED_MAX = 2**32 - 1
"""Seeds are whole numbers from 0 to this (what NumPy and openTSNE accept)."""
MAX_FILE_BYTES = 64 << 20
"""A scene file larger than this is refused before it is read (t-SNE positions of
5,000 words take ~0.3 MB)."""
_CAMERA_RANGES = {"distance": (1e-6, 1e9), "elevation": (-1e6, 1e6), "azimuth": (-1e6, 1e6),
                  "fov": (1.0, 179.0)}  # fmt: skip


class SceneError(EmbvizError):
    """A scene file is missing, not JSON, or has a field of the wrong kind."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        super().__init__(f"{path}: {reason}")


@dataclass
class Scene:
    """Everything needed to show the same picture again."""

    title: str = ""
    file: str | None = None
    format: str | None = None
    words: list[str] = field(default_factory=list)
    projection: dict = field(default_factory=lambda: {"mode": "pca"})
    camera: dict = field(default_factory=dict)
    selected: str | None = None
    text_scale: float = 1.0
    color_by: str = "none"

    def to_json(self) -> dict:
        """The JSON object written to a scene file."""
        return {"embviz_scene": 1, **asdict(self)}

    # -- from and to a workspace ----------------------------------------------------
    @classmethod
    def from_workspace(cls, ws, *, camera: dict | None = None, title: str = "",
                       text_scale: float = 1.0) -> Scene:  # fmt: skip
        """Capture ``ws`` (a :class:`~embviz.core.workspace.Workspace`)."""
        emb = ws.embeddings
        src = emb.source if emb is not None else None
        default = src is None or (src.label is not None and "embedded default" in src.label)
        proj: dict = {"mode": ws.mode}
        if ws.mode == "pca":
            proj["fit"] = ws.pca_fit
        elif ws.mode == "random":
            proj["seed"] = int(ws.random_seed)
        elif ws.mode == "raw":
            proj["dims"] = [int(d) for d in ws.raw_dims]
        elif ws.mode in nonlinear.KINDS:
            lay = ws.layout
            proj["seed"] = int(lay.seed)
            proj["of"] = int(lay.of)
            # six significant digits: identical on screen, a third of the file
            proj["coords"] = [[float(f"{v:.6g}") for v in row] for row in lay.coords.tolist()]
        else:
            # an axis is kept as its expression; a direction sent from a panel
            # (no expression) is kept as its numbers
            axes = []
            for label, vec in zip(ws.axis_labels, ws.axis_vectors, strict=True):
                if vec is None:
                    axes.append(None)
                elif _is_expression_of(label, vec, emb):
                    axes.append(label)
                else:
                    axes.append({"label": label, "vector": [float(x) for x in vec]})
            proj["axes"] = axes
        return cls(
            title=title,
            file=None if default else src.path,
            format=None if default else src.format,
            words=list(ws.shown_words),
            projection=proj,
            camera=dict(camera or {}),
            # a selection off screen would bring its neighbours back in on replay
            selected=ws.selected if ws.selected in ws.shown_words else None,
            text_scale=float(text_scale),
            color_by=ws.color_by if not ws.color_by.startswith("meta:") else "none",
        )

    def apply_to(self, ws) -> None:
        """Show this scene's words and slice in ``ws`` (its data must already be loaded)."""
        ws.show_words(self.words or None)
        p = self.projection
        mode = p.get("mode", "pca")
        if mode == "pca":
            ws.set_projection("pca", pca_fit=p.get("fit", "shown"))
        elif mode == "random":
            ws.set_projection("random", random_seed=int(p.get("seed", 0)))
        elif mode == "raw":
            ws.set_projection("raw", raw_dims=p.get("dims", [0, 1, 2]))
        elif mode in nonlinear.KINDS:
            if ws.shown_words != self.words:
                missing = [w for w in self.words if w not in ws.embeddings][:5]
                why = (
                    f" (not in the vocabulary: {', '.join(missing)})"
                    if missing
                    else " (a word is listed twice)"
                )
                raise EmbvizError(
                    f"the saved {nonlinear.NAMES[mode]} positions are for words that cannot "
                    f"all be shown{why}"
                )
            ws.set_projection(mode, coords=np.asarray(p["coords"], np.float32),
                              seed=int(p.get("seed", 0)), of=int(p.get("of", len(self.words))))  # fmt: skip
        else:
            axes = p.get("axes", [None, None, None])
            for a in axes:
                if isinstance(a, dict) and len(a["vector"]) != ws.embeddings.dim:
                    raise EmbvizError(
                        f"the scene's axis {a['label']!r} has {len(a['vector'])} numbers, "
                        f"but the vectors have {ws.embeddings.dim} dimensions"
                    )
            exprs = [a if isinstance(a, str) else None for a in axes]
            ws.set_axes(exprs)
            for slot, a in enumerate(axes):
                if isinstance(a, dict):
                    ws.use_as_axis(a["label"], np.asarray(a["vector"], np.float32), slot)
        if self.color_by in ("none", "cluster"):
            ws.set_coloring(self.color_by)
        ws.select(self.selected if self.selected in (ws.embeddings or ()) else None)


def _is_expression_of(label: str, vec, emb) -> bool:
    from embviz.core.expressions import evaluate

    try:
        return bool(np.allclose(evaluate(label, emb), vec, atol=1e-5))
    except EmbvizError:
        return False


# -- files -----------------------------------------------------------------------------
def save_scenes(path: str | os.PathLike, scenes: list[Scene]) -> None:
    """Write one scene (or a list) as JSON, atomically."""
    path = Path(path)
    if len(scenes) == 1:
        data = scenes[0].to_json()
    else:
        data = {"embviz_scenes": 1, "scenes": [s.to_json() for s in scenes]}
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, ensure_ascii=False)
            f.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_scenes(path: str | os.PathLike) -> list[Scene]:
    """Read a scene file (one scene or a list), checking every field.

    Raises
    ------
    SceneError
        Naming the file and the field that is wrong.
    """
    path = Path(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as f:
            st = os.fstat(f.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise SceneError(path, "is a directory, not a scene file")
            if not stat.S_ISREG(st.st_mode):  # a FIFO or device would never end
                raise SceneError(path, "is not a regular file, not a scene file")
            if st.st_size > MAX_FILE_BYTES:
                raise SceneError(path, f"is {st.st_size:,} bytes: too large for a scene file "
                                       f"(at most {MAX_FILE_BYTES >> 20} MB)")  # fmt: skip
            text = f.read(MAX_FILE_BYTES + 1).decode("utf-8")
    except FileNotFoundError:
        raise SceneError(path, "no such file") from None
    except IsADirectoryError:
        raise SceneError(path, "is a directory, not a scene file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise SceneError(path, f"cannot be read: {e}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise SceneError(
            path, f"not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})"
        ) from None
    except RecursionError:
        raise SceneError(path, "not a scene: its JSON is nested too deeply") from None
    except ValueError as e:  # Python refuses integers of more than 4,300 digits
        why = "a number in it has thousands of digits" if "digits" in str(e) else str(e)
        raise SceneError(path, f"not a scene: {why}") from None
    if isinstance(data, dict) and "embviz_scenes" in data:
        items = data.get("scenes")
        if not isinstance(items, list) or not items:
            raise SceneError(path, "'scenes' must be a non-empty list")
        return [_scene_from(path, item, f"scenes[{i}]") for i, item in enumerate(items)]
    return [_scene_from(path, data, "scene")]


def _scene_from(path, data, where: str) -> Scene:
    def bad(field_name: str, want: str):
        return SceneError(path, f"{where}.{field_name} must be {want}")

    if not isinstance(data, dict) or data.get("embviz_scene") != 1:
        raise SceneError(path, f'{where} is not an embviz scene (no "embviz_scene": 1)')
    s = Scene()
    for name, kinds, want in (
        ("title", (str,), "text"),
        ("file", (str, type(None)), "a path or null"),
        ("format", (str, type(None)), "a format name or null"),
        ("selected", (str, type(None)), "a word or null"),
        ("color_by", (str,), "text"),
    ):
        if name in data:
            if not isinstance(data[name], kinds):
                raise bad(name, want)
            setattr(s, name, data[name])
    words = data.get("words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise bad("words", "a list of words")
    s.words = words
    scale = data.get("text_scale", 1.0)
    if not isinstance(scale, int | float) or not 0.5 <= scale <= 4:
        raise bad("text_scale", "a number from 0.5 to 4")
    s.text_scale = float(scale)
    cam = data.get("camera", {})
    if not isinstance(cam, dict):
        raise bad("camera", "an object")
    for k, v in cam.items():
        if k == "center":
            if not (isinstance(v, list) and len(v) == 3
                    and all(_finite(x) for x in v)):  # fmt: skip
                raise bad("camera.center", "three numbers")
        elif k in _CAMERA_RANGES:
            lo, hi = _CAMERA_RANGES[k]
            if not (_finite(v) and lo <= v <= hi):
                raise bad(f"camera.{k}", f"a number from {lo:g} to {hi:g}")
        else:
            raise SceneError(path, f"{where}.camera has an unknown field {k!r}")
    s.camera = cam
    proj = data.get("projection", {"mode": "pca"})
    if not isinstance(proj, dict) or proj.get("mode") not in MODES:
        raise bad("projection.mode", "one of " + ", ".join(MODES))
    if proj["mode"] == "pca" and proj.get("fit", "shown") not in ("shown", "all"):
        raise bad("projection.fit", '"shown" or "all"')
    if proj["mode"] in ("random", *nonlinear.KINDS) and not _whole(proj.get("seed", 0), SEED_MAX):
        raise bad("projection.seed", f"a whole number from 0 to {SEED_MAX}")
    if proj["mode"] == "axes":
        axes = proj.get("axes")
        if not isinstance(axes, list) or len(axes) != 3:
            raise bad("projection.axes", "a list of three axes")
        for i, a in enumerate(axes):
            ok = a is None or isinstance(a, str) or (
                isinstance(a, dict) and isinstance(a.get("label"), str)
                and isinstance(a.get("vector"), list) and all(_finite(x) for x in a["vector"])
            )  # fmt: skip
            if not ok:
                raise bad(f"projection.axes[{i}]", "an expression, null or {label, vector}")
    if proj["mode"] == "raw":
        dims = proj.get("dims", [0, 1, 2])
        if not (isinstance(dims, list) and len(dims) == 3
                and all(_whole(d, 2**31 - 1) for d in dims)):  # fmt: skip
            raise bad("projection.dims", "three dimension numbers")
    if proj["mode"] in nonlinear.KINDS:
        coords = proj.get("coords")
        if not (
            isinstance(coords, list) and len(coords) == len(words) and len(words) > 0
            and all(isinstance(c, list) and len(c) == 3 and all(_finite(x) for x in c)
                    for c in coords)
        ):  # fmt: skip
            raise bad("projection.coords", "one [x, y, z] of numbers per word")
        of = proj.get("of", len(words))
        if not _whole(of, 2**63 - 1) or of < len(words):
            raise bad("projection.of", "the number of words sampled from (at least the words)")
    s.projection = proj
    return s


def _finite(x) -> bool:
    """A number (not ``true``/``false``) small enough for float32 sums of squares."""
    return (isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)
            and abs(x) <= 1e9)  # fmt: skip


def _whole(x, hi: int) -> bool:
    """``x`` is a whole number (not ``true``/``false``) from 0 to ``hi``."""
    return isinstance(x, int) and not isinstance(x, bool) and 0 <= x <= hi
