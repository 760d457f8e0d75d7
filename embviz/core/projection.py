"""Projections of high-dimensional vectors to three dimensions.

Every projection made here is linear: three orthonormal directions and a
centre. That keeps the picture honest for teaching — a point's 3D position is
just its coordinates along three named directions — and lets overlays (arrows,
computed points) be projected with the same map. A :class:`Projection` can
also hold the positions of a non-linear layout (t-SNE, UMAP, made in
:mod:`embviz.core.nonlinear`); it then has no axes and cannot place anything
else (:attr:`Projection.linear` is false).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from embviz.core.errors import EmbvizError
from embviz.core.i18n import translate

AXIS_NAMES = ("x", "y", "z")

LINEAR_KINDS = ("pca", "axes", "random", "raw")
"""Projection kinds that are linear maps (the others are layouts: ``tsne``, ``umap``)."""

# A new axis must keep at least this fraction of its length after the earlier
# axes are removed from it, or it is reported as (nearly) parallel to them.
DEGENERATE_FRACTION = 0.05


@dataclass(frozen=True)
class Projection:
    """A linear map from d dimensions to 3, and where it puts the given points.

    Attributes
    ----------
    coords
        ``(n, 3)`` float32 positions of the projected points.
    axes
        ``(3, d)`` orthonormal rows; coordinate ``j`` is ``(v - center) · axes[j]``.
    center
        The point mapped to the origin.
    explained
        The fraction of the points' variance (about their mean) along each axis.
    labels
        A name for each axis, e.g. ``"PC1 (12.3 %)"``.
    kind
        ``"pca"``, ``"axes"``, ``"random"`` or ``"raw"``; or, for a
        non-linear layout with no axes, ``"tsne"`` or ``"umap"``.
    note
        One sentence for the user about how the axes were made.
    """

    coords: np.ndarray
    axes: np.ndarray
    center: np.ndarray
    explained: np.ndarray | None
    labels: tuple[str, str, str]
    kind: str = "pca"
    note: str = ""

    @property
    def linear(self) -> bool:
        """Whether this is a linear map with axes (not a t-SNE or UMAP layout)."""
        return self.kind in LINEAR_KINDS

    def apply(self, vectors: np.ndarray) -> np.ndarray:
        """Project more vectors with the same map.

        Raises
        ------
        EmbvizError
            For a non-linear layout, which can place only the words it was made of.
        """
        if not self.linear:
            raise EmbvizError(
                translate(
                    "Errors", "a {kind} layout is not a linear map: it cannot place other points"
                ).format(kind=self.kind)
            )
        return ((np.asarray(vectors, np.float32) - self.center) @ self.axes.T).astype(np.float32)


def in_slice_fraction(vectors: np.ndarray, axes: np.ndarray) -> np.ndarray:
    """How much of each vector's length lies inside the slice spanned by ``axes``.

    Computed on the word vectors as they are (not centred): ``|P v| / |v|``
    where ``P`` projects onto the span of the orthonormal rows of ``axes``.
    The rest of the length, ``sqrt(1 - f²)``, points out of the slice and is
    invisible in the 3D view.

    Parameters
    ----------
    vectors
        ``(n, d)`` word vectors.
    axes
        ``(k, d)`` orthonormal rows.

    Returns
    -------
    ndarray
        ``(n,)`` float in [0, 1]; 0 for a zero vector.
    """
    v = np.asarray(vectors, dtype=np.float64)
    a = np.asarray(axes, dtype=np.float64)
    inside = np.linalg.norm(v @ a.T, axis=1)
    total = np.linalg.norm(v, axis=1)
    return np.where(total > 0, inside / np.where(total > 0, total, 1.0), 0.0)


def _finish(x: np.ndarray, axes: np.ndarray, labels, kind: str, note: str) -> Projection:
    """Build a :class:`Projection` of the rows of ``x`` on orthonormal ``axes``."""
    center = x.mean(axis=0)
    xc = x - center
    coords = xc @ axes.T
    total = float((xc**2).sum())
    explained = (coords**2).sum(axis=0) / total if total > 0 else np.zeros(len(axes))
    return Projection(coords.astype(np.float32), axes.astype(np.float32), center.astype(np.float32),
                      explained, tuple(labels), kind, note)  # fmt: skip


def _check(vectors: np.ndarray, what: str, k: int = 3) -> np.ndarray:
    x = np.asarray(vectors, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 2:
        raise EmbvizError(
            translate("Errors", "{what} needs at least two vectors").format(what=what)
        )
    if x.shape[1] < k:
        raise EmbvizError(
            translate(
                "Errors", "{what} to {k} dimensions needs vectors of at least {k} dimensions"
            ).format(what=what, k=k)
        )
    return x


def _principal(xc: np.ndarray, k: int) -> np.ndarray:
    """Top ``k`` principal directions of centred rows, signs fixed (largest loading > 0)."""
    _, _, vt = np.linalg.svd(xc, full_matrices=False)
    comps = vt[:k]
    if comps.shape[0] < k:  # fewer points than k: pad with orthonormal completions
        comps = gram_schmidt(list(comps) + [None] * (k - comps.shape[0]), xc.shape[1])
    signs = np.sign(comps[np.arange(k), np.abs(comps).argmax(axis=1)])
    return comps * np.where(signs == 0, 1.0, signs)[:, None]


def pca(vectors: np.ndarray, k: int = 3, *, fit: np.ndarray | None = None) -> Projection:
    """Principal component analysis of the rows of ``vectors``.

    Parameters
    ----------
    vectors
        ``(n, d)`` with ``n >= 2`` and ``d >= k``: the points to place.
    k
        Number of components; the 3D view uses 3.
    fit
        Vectors to find the components from (e.g. the whole vocabulary);
        default ``vectors`` themselves.

    Returns
    -------
    Projection
        Axes are the top principal directions, signs fixed so that the largest
        loading of each is positive (so the picture does not flip between runs).
        ``explained`` is the variance fraction of the fitted vectors.
    """
    x = _check(vectors, "PCA", k)
    f = x if fit is None else _check(fit, "PCA", k)
    fc = f - f.mean(axis=0)
    comps = _principal(fc, k)
    total = float((fc**2).sum())
    explained = ((fc @ comps.T) ** 2).sum(axis=0) / total if total > 0 else np.zeros(k)
    labels = tuple(f"PC{i + 1} ({100 * e:.1f} %)" for i, e in enumerate(explained))
    if fit is None:
        note = translate("Projection", "Principal components of the shown words.")
    else:
        note = translate("Projection", "Principal components of {n} words.").format(n=f"{len(f):,}")
    proj = _finish(x, comps, labels, "pca", note)
    center = (x.mean(axis=0) if fit is None else f.mean(axis=0)).astype(np.float32)
    coords = ((x - center) @ comps.T).astype(np.float32)
    return Projection(coords, proj.axes, center, explained, labels, "pca", proj.note)


def gram_schmidt(directions: Sequence[np.ndarray | None], dim: int,
                 names: Sequence[str] | None = None) -> np.ndarray:  # fmt: skip
    """Orthonormalise ``directions`` in the order given (Gram–Schmidt).

    Parameters
    ----------
    directions
        Vectors of length ``dim``; a ``None`` entry is filled afterwards with
        a unit vector orthogonal to all the others (the first standard basis
        vector that is not degenerate).
    dim
        The dimension of the space.
    names
        For error messages, a name for each direction.

    Returns
    -------
    ndarray
        ``(len(directions), dim)`` orthonormal rows; row ``i`` is the part of
        direction ``i`` orthogonal to directions ``0..i-1``, normalised.

    Raises
    ------
    EmbvizError
        When a direction is zero or (nearly) parallel to the earlier ones:
        less than 5 % of its length is new. It is reported, never dropped.
    """
    names = (
        list(names) if names is not None else [f"direction {i + 1}" for i in range(len(directions))]
    )
    out: list[np.ndarray | None] = []
    basis: list[np.ndarray] = []
    for i, d in enumerate(directions):
        if d is None:
            out.append(None)
            continue
        v = np.asarray(d, dtype=np.float64).reshape(-1)
        if v.shape[0] != dim:
            raise EmbvizError(
                translate("Errors", "{name} has {n} dimensions, the vectors have {dim}").format(
                    name=names[i], n=v.shape[0], dim=dim
                )
            )
        n0 = float(np.linalg.norm(v))
        if n0 == 0 or not np.isfinite(n0):
            raise EmbvizError(
                translate("Errors", "{name} is the zero vector: it has no direction").format(
                    name=names[i]
                )
            )
        for b in basis:
            v = v - (v @ b) * b
        n1 = float(np.linalg.norm(v))
        if n1 < DEGENERATE_FRACTION * n0:
            earlier = ", ".join(names[j] for j in range(i) if directions[j] is not None)
            raise EmbvizError(
                translate(
                    "Errors",
                    "{name} is (nearly) parallel to {earlier}: only {percent:.1f} % of "
                    "its length is new. Choose a different direction.",
                ).format(name=names[i], earlier=earlier, percent=100 * n1 / n0)
            )
        v /= n1
        basis.append(v)
        out.append(v)
    for i, d in enumerate(out):
        if d is None:
            for e in np.eye(dim):
                v = e.copy()
                for b in basis:
                    v = v - (v @ b) * b
                if np.linalg.norm(v) > 0.1:
                    v /= np.linalg.norm(v)
                    basis.append(v)
                    out[i] = v
                    break
    return np.vstack(out)


def axes_projection(vectors: np.ndarray, directions: Sequence[np.ndarray | None],
                    names: Sequence[str]) -> Projection:  # fmt: skip
    """Project on up to three chosen directions, orthonormalised in order.

    Parameters
    ----------
    vectors
        ``(n, d)`` points to place.
    directions
        Three entries, each a direction of length ``d`` (e.g. ``woman - man``)
        or ``None``. The given ones are orthonormalised by Gram–Schmidt in
        the order x, y, z; each ``None`` is filled with the strongest
        remaining principal direction of ``vectors`` (after the given
        directions are removed), so the slice still shows the most spread.
    names
        Axis names such as ``"woman - man"``.

    Raises
    ------
    EmbvizError
        A degenerate direction (zero, or parallel to an earlier one).
    """
    x = _check(vectors, translate("Errors", "A projection on axes"))
    if len(directions) != 3 or len(names) != 3:
        raise EmbvizError(translate("Errors", "a 3D slice needs exactly three axes"))
    if all(d is None for d in directions):
        raise EmbvizError(translate("Errors", "give at least one axis direction"))
    labelled = [f"{AXIS_NAMES[i]} = {n}" for i, n in enumerate(names)]
    given = gram_schmidt(
        [d for d in directions if d is not None], x.shape[1],
        [labelled[i] for i, d in enumerate(directions) if d is not None],
    )  # fmt: skip
    rows: list[np.ndarray] = []
    labels = list(names)
    missing = [i for i, d in enumerate(directions) if d is None]
    gi = iter(given)
    for d in directions:
        rows.append(next(gi) if d is not None else None)
    if missing:
        xc = x - x.mean(axis=0)
        resid = xc - (xc @ given.T) @ given  # what the given axes cannot show
        fill = _principal(resid, len(missing))
        # make the fill exactly orthogonal to the given axes (SVD is only ~orthogonal)
        basis = gram_schmidt([*given, *fill], x.shape[1])[len(given) :]
        for j, i in enumerate(missing):
            rows[i] = basis[j]
            labels[i] = translate("Projection", "rest PC{n}").format(n=j + 1)
    axes = np.vstack(rows)
    order = ", ".join(AXIS_NAMES[i] for i, d in enumerate(directions) if d is not None)
    note = translate(
        "Projection", "Directions orthogonalised in the order {order} (Gram–Schmidt)."
    ).format(order=order)
    if missing:
        note += translate("Projection", " Free axes show the largest remaining spread.")
    return _finish(x, axes, labels, "axes", note)


def random_projection(vectors: np.ndarray, seed: int = 0) -> Projection:
    """Project on a random orthonormal 3D slice (QR of a Gaussian matrix)."""
    x = _check(vectors, translate("Errors", "A random slice"))
    rng = np.random.default_rng(seed)
    q, r = np.linalg.qr(rng.standard_normal((x.shape[1], 3)))
    q = q * np.sign(np.diag(r))  # unique Q: uniformly random, reproducible per seed
    labels = tuple(
        translate("Projection", "random {axis}").format(axis=AXIS_NAMES[i]) for i in range(3)
    )
    note = translate("Projection", "A random orthonormal slice (seed {seed}).").format(seed=seed)
    return _finish(x, q.T, labels, "random", note)


def raw_projection(vectors: np.ndarray, dims: Sequence[int] = (0, 1, 2)) -> Projection:
    """Show three of the vectors' own coordinates, e.g. dimensions 0, 1 and 2."""
    x = _check(vectors, translate("Errors", "A raw slice"))
    dims = [int(d) for d in dims]
    if len(dims) != 3 or len(set(dims)) != 3:
        raise EmbvizError(
            translate("Errors", "choose three different dimensions, got {dims}").format(dims=dims)
        )
    bad = [d for d in dims if not 0 <= d < x.shape[1]]
    if bad:
        raise EmbvizError(
            translate(
                "Errors", "dimension {d} does not exist: the vectors have {n} (0–{last})"
            ).format(d=bad[0], n=x.shape[1], last=x.shape[1] - 1)
        )
    axes = np.eye(x.shape[1])[dims]
    labels = tuple(translate("Projection", "dim {d}").format(d=d) for d in dims)
    note = translate("Projection", "Three of the vectors' own coordinates.")
    return _finish(x, axes, labels, "raw", note)


def layout_projection(coords: np.ndarray, dim: int, kind: str, note: str) -> Projection:
    """Wrap the positions of a non-linear layout (t-SNE, UMAP) as a :class:`Projection`.

    It has no axes (``axes`` is ``(0, dim)``), no explained variance and empty
    axis labels; :meth:`Projection.apply` refuses to place other vectors.
    """
    if kind in LINEAR_KINDS:
        raise EmbvizError(f"{kind} is a linear projection, not a layout")
    c = np.asarray(coords, dtype=np.float32)
    if c.ndim != 2 or c.shape[1] != 3 or not np.isfinite(c).all():
        raise EmbvizError("a layout needs finite (n, 3) positions")
    return Projection(c, np.zeros((0, dim), np.float32), np.zeros(dim, np.float32), None,
                      ("", "", ""), kind, note)  # fmt: skip
