"""k-means clustering in numpy, small enough for the few thousand words on show."""

from __future__ import annotations

import numpy as np

from embviz.core.errors import EmbvizError


def kmeans(vectors: np.ndarray, k: int, *, seed: int = 0, iterations: int = 50) -> np.ndarray:
    """Cluster rows by cosine (k-means on unit vectors, k-means++ start).

    Parameters
    ----------
    vectors
        ``(n, d)`` rows.
    k
        Number of clusters, ``1 <= k``; reduced to ``n`` when larger.
    seed
        Seed of the start, so the same words get the same colours.
    iterations
        Upper bound on Lloyd iterations.

    Returns
    -------
    ndarray
        ``(n,)`` int cluster of each row, clusters numbered by size (0 = largest).
    """
    if k < 1:
        raise EmbvizError(f"the number of clusters must be at least 1, got {k}")
    x = np.asarray(vectors, dtype=np.float64)
    n = len(x)
    if n == 0:
        return np.zeros(0, dtype=np.intp)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    x = x / np.where(norms > 0, norms, 1.0)
    k = min(k, n)
    rng = np.random.default_rng(seed)
    centers = [x[rng.integers(n)]]
    d2 = ((x - centers[0]) ** 2).sum(axis=1)
    for _ in range(1, k):  # k-means++: far points are likelier starts
        p = d2 / d2.sum() if d2.sum() > 0 else None
        c = x[rng.choice(n, p=p)]
        centers.append(c)
        d2 = np.minimum(d2, ((x - c) ** 2).sum(axis=1))
    c = np.array(centers)
    labels = np.zeros(n, dtype=np.intp)
    for it in range(iterations):
        # |x - c|² = |x|² - 2 x·c + |c|² without an (n, k, d) array
        dist = (c**2).sum(axis=1)[None, :] - 2 * x @ c.T
        new = dist.argmin(axis=1)
        if it and np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            members = x[labels == j]
            if len(members):
                c[j] = members.mean(axis=0)
    sizes = np.bincount(labels, minlength=k)
    rank = np.empty(k, dtype=np.intp)
    rank[np.argsort(-sizes, kind="stable")] = np.arange(k)
    return rank[labels]
