"""Which slice of the space is on show: one typed, immutable value, defined once.

A slice spec says *which* 3D picture the user asked for, not the numbers it
gives: the mode and that mode's options. The :class:`~embviz.core.workspace.Workspace`
holds one (``workspace.slice``, announced by ``slice_changed``) and turns it
into a projection; a scene file stores it as its ``"projection"`` object
(:meth:`SliceSpec.to_dict` / :func:`from_dict`, the same JSON as ever); the
slice panel builds its mode list from :data:`CHOICES`.

=============  ===============================================================
mode           options
=============  ===============================================================
``pca``        ``fit``: ``"shown"`` (the shown words) or ``"all"`` (the vocabulary)
``axes``       ``axes``: three of an expression, ``None`` (free) or a
               :class:`DirectionAxis` (a named vector sent from a panel)
``random``     ``seed``
``raw``        ``dims``: three dimension numbers
``tsne``       ``seed`` (the positions themselves are a computed
``umap``       :class:`~embviz.core.nonlinear.Layout`, not part of the spec)
=============  ===============================================================
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from embviz.core import nonlinear
from embviz.core.errors import EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP

MODES = ("pca", "axes", "random", "raw", *nonlinear.KINDS)
SEED_MAX = 2**32 - 1
"""Seeds are whole numbers from 0 to this (what NumPy and openTSNE accept)."""
DIM_MAX = 2**31 - 1


class SliceSpecError(EmbvizError):
    """A slice description has a field of the wrong kind.

    Attributes
    ----------
    field
        The field's path, e.g. ``"seed"`` or ``"axes[1]"``.
    want
        What it must be, e.g. ``"a whole number from 0 to 4294967295"``.
    """

    def __init__(self, field: str, want: str):
        self.field, self.want = field, want
        super().__init__(f"{field} must be {want}")


def _whole(x, hi: int) -> bool:
    """``x`` is a whole number (not ``true``/``false``) from 0 to ``hi``."""
    return isinstance(x, int) and not isinstance(x, bool) and 0 <= x <= hi


def _finite(x) -> bool:
    """A number (not ``true``/``false``) small enough for float32 sums of squares."""
    return (isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)
            and abs(x) <= 1e9)  # fmt: skip


def _check_seed(seed) -> None:
    if not _whole(seed, SEED_MAX):
        raise SliceSpecError("seed", f"a whole number from 0 to {SEED_MAX}")


class _Spec:
    """What every slice spec has: its mode and its JSON form."""

    mode: ClassVar[str]

    def options(self) -> dict:
        """The mode's options as JSON values."""
        raise NotImplementedError

    def to_dict(self) -> dict:
        """The JSON object of a scene file's ``"projection"``: ``{"mode": ..., **options}``."""
        return {"mode": self.mode, **self.options()}


@dataclass(frozen=True)
class PcaSlice(_Spec):
    """Principal components of the shown words (``fit="shown"``) or of the vocabulary."""

    fit: str = "shown"
    mode: ClassVar[str] = "pca"

    def __post_init__(self) -> None:
        if self.fit not in ("shown", "all"):
            raise SliceSpecError("fit", '"shown" or "all"')

    def options(self) -> dict:  # noqa: D102
        return {"fit": self.fit}


@dataclass(frozen=True)
class DirectionAxis:
    """An axis given as numbers with a name (a direction sent from a panel).

    ``vector`` is a tuple of floats, so the spec stays immutable and comparable.
    """

    label: str
    vector: tuple[float, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.label, str):
            raise SliceSpecError("label", "text")
        v = self.vector
        if isinstance(v, list | tuple) and all(_finite(x) for x in v):
            object.__setattr__(self, "vector", tuple(float(x) for x in v))
            return
        if hasattr(v, "tolist") and getattr(v, "ndim", 0) == 1:  # a NumPy vector
            object.__setattr__(self, "vector", tuple(float(x) for x in v.tolist()))
            if all(_finite(x) for x in self.vector):
                return
        raise SliceSpecError("vector", "a list of finite numbers")


Axis = str | DirectionAxis | None


@dataclass(frozen=True)
class AxesSlice(_Spec):
    """Three axes: each an expression (``"woman - man"``), a :class:`DirectionAxis` or free."""

    axes: tuple[Axis, Axis, Axis] = (None, None, None)
    mode: ClassVar[str] = "axes"

    def __post_init__(self) -> None:
        axes = self.axes
        if not isinstance(axes, list | tuple) or len(axes) != 3:
            raise SliceSpecError("axes", "a list of three axes")
        fixed = []
        for i, a in enumerate(axes):
            if isinstance(a, str):
                a = " ".join(a.split()) or None  # an empty expression is a free axis
            elif not (a is None or isinstance(a, DirectionAxis)):
                raise SliceSpecError(f"axes[{i}]", "an expression, null or {label, vector}")
            fixed.append(a)
        object.__setattr__(self, "axes", tuple(fixed))

    @property
    def labels(self) -> list[str]:
        """What each axis is called (``""`` for a free axis)."""
        return [a.label if isinstance(a, DirectionAxis) else (a or "") for a in self.axes]

    def options(self) -> dict:  # noqa: D102
        return {"axes": [
            {"label": a.label, "vector": list(a.vector)} if isinstance(a, DirectionAxis) else a
            for a in self.axes
        ]}  # fmt: skip


@dataclass(frozen=True)
class RandomSlice(_Spec):
    """A random orthonormal slice, drawn with ``seed``."""

    seed: int = 0
    mode: ClassVar[str] = "random"

    def __post_init__(self) -> None:
        _check_seed(self.seed)

    def options(self) -> dict:  # noqa: D102
        return {"seed": self.seed}


@dataclass(frozen=True)
class RawSlice(_Spec):
    """Three of the vectors' own coordinates."""

    dims: tuple[int, int, int] = (0, 1, 2)
    mode: ClassVar[str] = "raw"

    def __post_init__(self) -> None:
        d = self.dims
        if not (isinstance(d, list | tuple) and len(d) == 3 and all(_whole(x, DIM_MAX) for x in d)):
            raise SliceSpecError("dims", "three dimension numbers")
        object.__setattr__(self, "dims", tuple(d))

    def options(self) -> dict:  # noqa: D102
        return {"dims": list(self.dims)}


@dataclass(frozen=True)
class LayoutSlice(_Spec):
    """A t-SNE or UMAP layout (``kind``) computed with ``seed``: not a slice, a map."""

    kind: str = "tsne"
    seed: int = 0

    def __post_init__(self) -> None:
        if self.kind not in nonlinear.KINDS:
            raise SliceSpecError("mode", "one of " + ", ".join(MODES))
        _check_seed(self.seed)

    @property
    def mode(self) -> str:  # type: ignore[override]
        """``"tsne"`` or ``"umap"``."""
        return self.kind

    def options(self) -> dict:  # noqa: D102
        return {"seed": self.seed}


SliceSpec = PcaSlice | AxesSlice | RandomSlice | RawSlice | LayoutSlice

_LAYOUT_LABELS = {
    "tsne": QT_TRANSLATE_NOOP("SliceSpec", "t-SNE: keep neighbours together (not a slice)"),
    "umap": QT_TRANSLATE_NOOP("SliceSpec", "UMAP: keep neighbours together (not a slice)"),
}
CHOICES: tuple[tuple[str, SliceSpec], ...] = (
    (QT_TRANSLATE_NOOP("SliceSpec", "PCA of the shown words"), PcaSlice("shown")),
    (QT_TRANSLATE_NOOP("SliceSpec", "PCA of the whole vocabulary"), PcaSlice("all")),
    (QT_TRANSLATE_NOOP("SliceSpec", "Three semantic axes"), AxesSlice()),
    (QT_TRANSLATE_NOOP("SliceSpec", "Random orthonormal slice"), RandomSlice()),
    (QT_TRANSLATE_NOOP("SliceSpec", "Three raw coordinates"), RawSlice()),
    *((_LAYOUT_LABELS[k], LayoutSlice(k)) for k in nonlinear.KINDS),
)  # fmt: skip
"""The slices a user picks from, in menu order: a label and the spec with default options.

The labels are English; the GUI shows them translated (context ``SliceSpec``).
"""


def choice_index(spec: SliceSpec) -> int:
    """The entry of :data:`CHOICES` that ``spec`` is one of (PCA by its fit, others by mode)."""
    for i, (_, c) in enumerate(CHOICES):
        if c.mode == spec.mode and (not isinstance(c, PcaSlice) or c.fit == spec.fit):
            return i
    raise ValueError(f"no choice for {spec!r}")


def default(mode: str) -> SliceSpec:
    """The spec of ``mode`` with default options."""
    if mode in nonlinear.KINDS:
        return LayoutSlice(mode)
    for _, c in CHOICES:
        if c.mode == mode:
            return c
    raise SliceSpecError("mode", "one of " + ", ".join(MODES))


def _axis_from_json(i: int, a) -> Axis:
    if isinstance(a, dict):
        if not isinstance(a.get("label"), str) or not isinstance(a.get("vector"), list):
            raise SliceSpecError(f"axes[{i}]", "an expression, null or {label, vector}")
        try:
            return DirectionAxis(a["label"], a["vector"])
        except SliceSpecError:
            raise SliceSpecError(f"axes[{i}]", "an expression, null or {label, vector}") from None
    return a  # AxesSlice checks the rest


def from_dict(data) -> SliceSpec:
    """The spec a scene file's ``"projection"`` object describes, every field checked.

    Missing options take their defaults (``fit="shown"``, ``seed=0``,
    ``dims=[0, 1, 2]``); fields of other modes (e.g. a layout's ``coords``)
    are left to the caller.

    Raises
    ------
    SliceSpecError
        Naming the field and what it must be.
    """
    mode = data.get("mode") if isinstance(data, dict) else None
    if mode not in MODES:
        raise SliceSpecError("mode", "one of " + ", ".join(MODES))
    if mode == "pca":
        return PcaSlice(data.get("fit", "shown"))
    if mode == "axes":
        axes = data.get("axes")
        if not isinstance(axes, list) or len(axes) != 3:
            raise SliceSpecError("axes", "a list of three axes")
        return AxesSlice(tuple(_axis_from_json(i, a) for i, a in enumerate(axes)))
    if mode == "random":
        return RandomSlice(data.get("seed", 0))
    if mode == "raw":
        return RawSlice(data.get("dims", (0, 1, 2)))
    return LayoutSlice(mode, data.get("seed", 0))


__all__ = [
    "CHOICES",
    "MODES",
    "SEED_MAX",
    "AxesSlice",
    "DirectionAxis",
    "LayoutSlice",
    "PcaSlice",
    "RandomSlice",
    "RawSlice",
    "SliceSpec",
    "SliceSpecError",
    "choice_index",
    "default",
    "from_dict",
]
