"""Projections of high-dimensional vectors to three dimensions."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from embviz.core.errors import EmbvizError


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
        For PCA, the fraction of the points' variance along each axis.
    labels
        A name for each axis, e.g. ``"PC1 (12.3 %)"``.
    """

    coords: np.ndarray
    axes: np.ndarray
    center: np.ndarray
    explained: np.ndarray | None
    labels: tuple[str, str, str]

    def apply(self, vectors: np.ndarray) -> np.ndarray:
        """Project more vectors with the same map."""
        return ((np.asarray(vectors, np.float32) - self.center) @ self.axes.T).astype(np.float32)


def pca(vectors: np.ndarray, k: int = 3) -> Projection:
    """Principal component analysis of the rows of ``vectors``.

    Parameters
    ----------
    vectors
        ``(n, d)`` with ``n >= 2`` and ``d >= k``.
    k
        Number of components; the 3D view uses 3.

    Returns
    -------
    Projection
        Axes are the top principal directions, signs fixed so that the largest
        loading of each is positive (so the picture does not flip between runs).
    """
    x = np.asarray(vectors, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 2:
        raise EmbvizError("PCA needs at least two vectors")
    if x.shape[1] < k:
        raise EmbvizError(f"PCA to {k} dimensions needs vectors of at least {k} dimensions")
    center = x.mean(axis=0)
    xc = x - center
    _, s, vt = np.linalg.svd(xc, full_matrices=False)
    comps = vt[:k]
    signs = np.sign(comps[np.arange(k), np.abs(comps).argmax(axis=1)])
    comps = comps * signs[:, None]
    var = s**2
    total = var.sum()
    explained = var[:k] / total if total > 0 else np.zeros(k)
    if comps.shape[0] < k:  # fewer points than k: pad with zero axes
        comps = np.vstack([comps, np.zeros((k - comps.shape[0], x.shape[1]))])
        explained = np.concatenate([explained, np.zeros(k - len(explained))])
    coords = (xc @ comps.T).astype(np.float32)
    labels = tuple(f"PC{i + 1} ({100 * e:.1f} %)" for i, e in enumerate(explained))
    return Projection(coords, comps.astype(np.float32), center.astype(np.float32), explained,
                      labels)  # fmt: skip
