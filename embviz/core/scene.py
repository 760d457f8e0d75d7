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

The ``"projection"`` object is a :mod:`~embviz.core.slicespec` spec in its JSON
form (checked by :func:`~embviz.core.slicespec.from_dict`), plus a layout's
``coords`` and ``of``. The format has not changed since version 1.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from embviz.core import nonlinear, slicespec
from embviz.core.errors import EmbvizError
from embviz.core.slicespec import (
    AxesSlice,
    DirectionAxis,
    LayoutSlice,
    SliceSpec,
    SliceSpecError,
    _finite,
    _whole,
)

MODES = slicespec.MODES
SEED_MAX = slicespec.SEED_MAX
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

    @property
    def slice(self) -> SliceSpec:
        """The slice of :attr:`projection`, as a typed spec."""
        return slicespec.from_dict(self.projection)

    # -- from and to a workspace ----------------------------------------------------
    @classmethod
    def from_workspace(cls, ws, *, camera: dict | None = None, title: str = "",
                       text_scale: float = 1.0) -> Scene:  # fmt: skip
        """Capture ``ws`` (a :class:`~embviz.core.workspace.Workspace`)."""
        emb = ws.embeddings
        src = emb.source if emb is not None else None
        default = src is None or (src.label is not None and "embedded default" in src.label)
        proj = ws.slice.to_dict()
        if isinstance(ws.slice, LayoutSlice):
            lay = ws.layout
            proj["seed"] = int(lay.seed)
            proj["of"] = int(lay.of)
            # six significant digits: identical on screen, a third of the file
            proj["coords"] = [[float(f"{v:.6g}") for v in row] for row in lay.coords.tolist()]
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
        spec = self.slice
        if isinstance(spec, LayoutSlice):
            self._apply_layout(ws, spec)
        else:
            if isinstance(spec, AxesSlice):
                for a in spec.axes:
                    if isinstance(a, DirectionAxis) and len(a.vector) != ws.embeddings.dim:
                        raise EmbvizError(
                            f"the scene's axis {a.label!r} has {len(a.vector)} numbers, "
                            f"but the vectors have {ws.embeddings.dim} dimensions"
                        )
            ws.set_slice(spec)
        if self.color_by in ("none", "cluster"):
            ws.set_coloring(self.color_by)
        # exactly the saved words: the selection's other neighbours stay out
        ws.select(self.selected if self.selected in (ws.embeddings or ()) else None,
                  bring_neighbors=False)  # fmt: skip

    def _apply_layout(self, ws, spec: LayoutSlice) -> None:
        if ws.shown_words != self.words:
            missing = [w for w in self.words if w not in ws.embeddings][:5]
            why = (
                f" (not in the vocabulary: {', '.join(missing)})"
                if missing
                else " (a word is listed twice)"
            )
            raise EmbvizError(
                f"the saved {nonlinear.NAMES[spec.kind]} positions are for words that cannot "
                f"all be shown{why}"
            )
        p = self.projection
        ws.set_projection(spec.kind, coords=np.asarray(p["coords"], np.float32), seed=spec.seed,
                          of=int(p.get("of", len(self.words))))  # fmt: skip


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


class _Bad(Exception):
    """A field of a scene is wrong: ``field`` must be ``want`` (or ``message``, after its place)."""

    def __init__(self, field_name: str, want: str, message: str | None = None):
        super().__init__(field_name)
        self.message = message or f"{field_name} must be {want}"


_TEXT_FIELDS = (
    ("title", (str,), "text"),
    ("file", (str, type(None)), "a path or null"),
    ("format", (str, type(None)), "a format name or null"),
    ("selected", (str, type(None)), "a word or null"),
    ("color_by", (str,), "text"),
)


def _scene_from(path, data, where: str) -> Scene:
    if not isinstance(data, dict) or data.get("embviz_scene") != 1:
        raise SceneError(path, f'{where} is not an embviz scene (no "embviz_scene": 1)')
    try:
        return _checked_scene(data)
    except _Bad as e:
        raise SceneError(path, f"{where}.{e.message}") from None
    except SliceSpecError as e:
        raise SceneError(path, f"{where}.projection.{e.field} must be {e.want}") from None


def _checked_scene(data: dict) -> Scene:
    """A :class:`Scene` of ``data``, every field checked (raises :class:`_Bad`)."""
    s = Scene()
    for name, kinds, want in _TEXT_FIELDS:
        if name in data:
            if not isinstance(data[name], kinds):
                raise _Bad(name, want)
            setattr(s, name, data[name])
    words = data.get("words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise _Bad("words", "a list of words")
    s.words = words
    scale = data.get("text_scale", 1.0)
    if not isinstance(scale, int | float) or not 0.5 <= scale <= 4:
        raise _Bad("text_scale", "a number from 0.5 to 4")
    s.text_scale = float(scale)
    s.camera = _checked_camera(data.get("camera", {}))
    proj = data.get("projection", {"mode": "pca"})
    if isinstance(slicespec.from_dict(proj), LayoutSlice):
        _check_positions(proj, len(words))
    s.projection = proj
    return s


def _checked_camera(cam) -> dict:
    if not isinstance(cam, dict):
        raise _Bad("camera", "an object")
    for k, v in cam.items():
        if k == "center":
            if not (isinstance(v, list) and len(v) == 3
                    and all(_finite(x) for x in v)):  # fmt: skip
                raise _Bad("camera.center", "three numbers")
        elif k in _CAMERA_RANGES:
            lo, hi = _CAMERA_RANGES[k]
            if not (_finite(v) and lo <= v <= hi):
                raise _Bad(f"camera.{k}", f"a number from {lo:g} to {hi:g}")
        else:
            raise _Bad("camera", "", f"camera has an unknown field {k!r}")
    return cam


def _check_positions(proj: dict, n_words: int) -> None:
    """A layout's saved positions: one ``[x, y, z]`` per word, sampled from ``of`` words."""
    coords = proj.get("coords")
    if not (
        isinstance(coords, list) and len(coords) == n_words and n_words > 0
        and all(isinstance(c, list) and len(c) == 3 and all(_finite(x) for x in c)
                for c in coords)
    ):  # fmt: skip
        raise _Bad("projection.coords", "one [x, y, z] of numbers per word")
    of = proj.get("of", n_words)
    if not _whole(of, 2**63 - 1) or of < n_words:
        raise _Bad("projection.of", "the number of words sampled from (at least the words)")
