"""A stable frame for training snapshots, so that motion on screen means learning.

word2vec is free to rotate the whole space between snapshots (only angles
and lengths between words carry meaning), and a PCA recomputed on every
snapshot flips and swaps axes. Two cures, both plain numpy:

* **fixed axes**: one PCA, computed once from a reference snapshot (the final
  state, or one the user pins), projects every snapshot;
* **Procrustes**: each snapshot is rotated (orthogonal Procrustes, by SVD) onto
  the previous, already aligned one, and the aligned sequence is projected with
  the PCA of its newest member.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from embviz.core.errors import EmbvizError
from embviz.core.i18n import translate

FrameMode = Literal["final", "pinned", "procrustes"]
FRAME_MODES: tuple[FrameMode, ...] = ("final", "pinned", "procrustes")


def procrustes_rotation(x: np.ndarray, ref: np.ndarray) -> np.ndarray:
    """The orthogonal ``R`` that minimises ``‖x R − ref‖`` (Frobenius).

    ``R = U Vᵀ`` for the SVD ``xᵀ ref = U S Vᵀ``, computed as the polar factor
    ``M V S⁻¹ Vᵀ`` from the symmetric eigenproblem of ``MᵀM`` when ``M`` has
    full rank: with OpenBLAS's threads on a busy machine LAPACK's SVD of even
    a 50×50 matrix can take 50 ms, ``eigh`` about 1 ms, and the GUI calls this
    once per snapshot. A rank-deficient ``M`` (fewer words than dimensions)
    falls back to the SVD.

    Parameters
    ----------
    x, ref
        ``(n, d)`` matrices with rows for the same words, already centred.

    Returns
    -------
    numpy.ndarray
        ``(d, d)`` orthogonal matrix (``R Rᵀ = I``).
    """
    m = np.asarray(x, np.float64).T @ np.asarray(ref, np.float64)
    w, v = np.linalg.eigh(m.T @ m)
    if w[0] > 1e-10 * max(w[-1], 1e-300):
        return (m @ v) / np.sqrt(w) @ v.T
    u, _, vt = np.linalg.svd(m)
    return u @ vt


def pca_axes(x: np.ndarray, k: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Top ``k`` principal axes of the centred rows ``x`` and their variance fractions.

    The same axes and sign rule as :func:`embviz.core.projection.pca` (largest
    loading positive), from ``eigh`` of the ``d×d`` scatter matrix instead of
    an SVD (see :func:`procrustes_rotation` for why).
    """
    x = np.asarray(x, np.float64)
    w, v = np.linalg.eigh(x.T @ x)
    order = np.argsort(w)[::-1][:k]
    axes = v[:, order].T
    signs = np.sign(axes[np.arange(len(axes)), np.abs(axes).argmax(axis=1)])
    axes = axes * np.where(signs == 0, 1.0, signs)[:, None]
    total = float(np.clip(w, 0, None).sum())
    explained = np.clip(w[order], 0, None) / total if total > 0 else np.zeros(len(order))
    if len(axes) < k:  # fewer dimensions than k: pad with zero axes
        axes = np.vstack([axes, np.zeros((k - len(axes), x.shape[1]))])
        explained = np.concatenate([explained, np.zeros(k - len(explained))])
    return axes, explained


@dataclass(frozen=True)
class Prepared:
    """One snapshot's frame data, computed once (a GUI computes it off its thread).

    Attributes
    ----------
    centered
        The snapshot minus its mean, float64.
    axes, explained
        Its own top-3 PCA axes and their variance fractions.
    aligned
        ``centered`` rotated onto the previous snapshot's ``aligned``.
    aligned_axes, aligned_explained
        PCA of ``aligned``.
    """

    centered: np.ndarray
    axes: np.ndarray
    explained: np.ndarray
    aligned: np.ndarray
    aligned_axes: np.ndarray
    aligned_explained: np.ndarray


def prepare(vectors: np.ndarray, previous: Prepared | None = None) -> Prepared:
    """Centre, PCA and Procrustes-align one snapshot after ``previous``.

    Rotations never change angles or lengths between words, so the aligned
    snapshot keeps every similarity of the original.
    """
    x = np.asarray(vectors, np.float64)
    c = x - x.mean(axis=0)
    aligned = c if previous is None else c @ procrustes_rotation(c, previous.aligned)
    axes, explained = pca_axes(c)
    aaxes, aexplained = pca_axes(aligned)
    return Prepared(c, axes, explained, aligned, aaxes, aexplained)


def prepare_all(snapshots: Sequence[np.ndarray]) -> list[Prepared]:
    """:func:`prepare` every snapshot in order."""
    out: list[Prepared] = []
    for x in snapshots:
        out.append(prepare(x, out[-1] if out else None))
    return out


def frame_coords(
    prepared: Sequence[Prepared], mode: FrameMode = "final", pinned: int | None = None
) -> tuple[list[np.ndarray], tuple[str, str, str]]:
    """Project prepared snapshots to 3D on one stable frame.

    Parameters
    ----------
    prepared
        :class:`Prepared` snapshots of the same words at successive times.
    mode
        ``"final"``: PCA axes of the newest snapshot; ``"pinned"``: PCA axes of
        snapshot ``pinned``; ``"procrustes"``: each snapshot aligned to the
        previous one, with the PCA axes of the newest aligned snapshot.
    pinned
        The reference snapshot for ``"pinned"``.

    Returns
    -------
    coords : list of numpy.ndarray
        ``(n, 3)`` float32 per snapshot, each centred on its own mean.
    labels : tuple of str
        Axis names, e.g. ``"PC1 of final (41 %)"``.
    """
    if not prepared:
        return [], ("", "", "")
    if mode not in FRAME_MODES:
        raise EmbvizError(f"unknown frame {mode!r}: use one of {', '.join(FRAME_MODES)}")
    if mode == "procrustes":
        ref, tag = prepared[-1], translate("Frames", "aligned")
        axes, explained = ref.aligned_axes, ref.aligned_explained
        data = [p.aligned for p in prepared]
    else:
        if mode == "pinned":
            if pinned is None or not 0 <= pinned < len(prepared):
                raise EmbvizError(f"pinned snapshot {pinned} does not exist")
            ref, tag = prepared[pinned], translate("Frames", "snapshot {n}").format(n=pinned)
        else:
            ref, tag = prepared[-1], translate("Frames", "final")
        axes, explained = ref.axes, ref.explained
        data = [p.centered for p in prepared]
    coords = [(x @ axes.T).astype(np.float32) for x in data]
    labels = tuple(
        translate("Frames", "PC{n} of {frame} ({share} %)").format(
            n=i + 1, frame=tag, share=f"{100 * e:.0f}"
        )
        for i, e in enumerate(explained)
    )
    return coords, labels  # type: ignore[return-value]


def interpolate(coords: Sequence[np.ndarray], t: float) -> np.ndarray:
    """Linear interpolation between snapshot ``floor(t)`` and the next one.

    ``t`` is clamped to the available range.
    """
    if not coords:
        raise EmbvizError("no snapshots to interpolate")
    t = min(max(float(t), 0.0), len(coords) - 1.0)
    i = int(np.floor(t))
    f = t - i
    if f <= 1e-9 or i + 1 >= len(coords):
        return coords[i]
    return ((1.0 - f) * coords[i] + f * coords[i + 1]).astype(np.float32)


def playback_times(n_snapshots: int, frames: int) -> np.ndarray:
    """Snapshot positions ``t`` of ``frames`` evenly spaced animation frames.

    The first frame shows the initial vectors (``t = 0``) and the last the
    newest snapshot (``t = n_snapshots - 1``); in between, :func:`interpolate`
    gives the positions, as the Train panel's playback does.

    Raises
    ------
    EmbvizError
        No snapshots, or fewer than two frames.
    """
    if n_snapshots < 1:
        raise EmbvizError("no snapshots to animate: train first")
    if frames < 2:
        raise EmbvizError(f"an animation needs at least 2 frames, got {frames}")
    return np.linspace(0.0, n_snapshots - 1.0, frames)


def frame_count(fps: float, seconds: float) -> int:
    """Frames of an animation ``seconds`` long at ``fps`` frames a second (at least 2)."""
    if not (fps > 0 and seconds > 0):
        raise EmbvizError(f"frames per second and duration must be positive, got {fps}, {seconds}")
    return max(2, round(fps * seconds))
