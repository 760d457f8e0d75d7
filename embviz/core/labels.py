"""Label placement for the 3D view: project once with numpy, keep what fits.

Qt-free maths so it can be tested and reused by the headless renderer.
"""

from __future__ import annotations

import numpy as np


def project_to_screen(points: np.ndarray, mvp: np.ndarray, width: int, height: int):
    """Project ``(n, 3)`` world points to widget pixels.

    Parameters
    ----------
    points
        World coordinates.
    mvp
        4×4 projection·view matrix (row-major, acting on column vectors).
    width, height
        Widget size in pixels.

    Returns
    -------
    xy : ndarray
        ``(n, 2)`` pixel positions, origin top-left.
    depth : ndarray
        Normalised depth (smaller is nearer).
    visible : ndarray of bool
        In front of the camera and inside the widget.
    """
    n = len(points)
    hom = np.empty((n, 4), dtype=np.float64)
    hom[:, :3] = points
    hom[:, 3] = 1.0
    clip = hom @ mvp.T
    w = clip[:, 3]
    front = w > 1e-9
    safe_w = np.where(front, w, 1.0)
    ndc = clip[:, :3] / safe_w[:, None]
    xy = np.empty((n, 2), dtype=np.float64)
    xy[:, 0] = (ndc[:, 0] + 1.0) * 0.5 * width
    xy[:, 1] = (1.0 - ndc[:, 1]) * 0.5 * height
    visible = front & (xy[:, 0] >= 0) & (xy[:, 0] <= width) & (xy[:, 1] >= 0) & (xy[:, 1] <= height)
    return xy, ndc[:, 2], visible


# Free pixels kept left and right of every label (its halo takes one).
PAD = 3


def place_labels(
    xy: np.ndarray,
    sizes: np.ndarray,
    order: np.ndarray,
    width: int,
    height: int,
    *,
    offset: tuple[float, float] = (6.0, -4.0),
    max_labels: int = 400,
    blocked: list[tuple[float, float, float, float]] = (),
    important: int = 0,
) -> list[tuple[int, float, float]]:
    """Choose which labels to draw so that none overlap (greedy, in priority order).

    Parameters
    ----------
    xy
        Anchor pixel of each point.
    sizes
        ``(n, 2)`` width and height of each label's text in pixels.
    order
        Indices of candidate points, most important first; only these are placed.
    width, height
        The canvas; labels that would be clipped by its edges are shifted inside.
    offset
        Where the text's bottom-left corner sits relative to its point.
    max_labels
        Stop after this many labels.
    blocked
        Boxes ``(x0, y0, x1, y1)`` already taken (e.g. axis names).
    important
        The first this many of ``order`` (an analogy's words, the selection)
        also try left of, below and above their point when the usual place
        is taken; the others only take the usual place, which keeps a frame's
        placement cheap.

    Returns
    -------
    list of (index, x, y)
        The text's bottom-left baseline position for every label to draw.
    """
    # An occupancy bitmap of CELL-pixel cells: one numpy slice test per label
    # keeps a frame's placement at a few ms for thousands of candidates.
    cell = 2
    order = np.asarray(order, dtype=np.intp)
    if len(order) == 0:
        return []
    tw = sizes[order, 0]
    th = sizes[order, 1]
    # keep the whole text on the canvas
    x = np.minimum(np.maximum(xy[order, 0] + offset[0], 2.0), width - tw - 2.0)
    y = np.minimum(np.maximum(xy[order, 1] + offset[1], th + 2.0), height - 2.0)
    # PAD pixels left and right: two labels in a row must not read as one word
    gx0 = np.floor((x - PAD) / cell).astype(np.intp).clip(0).tolist()
    gy0 = np.floor((y - th - 1) / cell).astype(np.intp).clip(0).tolist()
    gx1 = np.ceil((x + tw + PAD) / cell).astype(np.intp).clip(0).tolist()
    gy1 = np.ceil((y + 2) / cell).astype(np.intp).clip(0).tolist()
    occupied = np.zeros((int(height) // cell + 4, int(width) // cell + 4), dtype=bool)
    for bx0, by0, bx1, by1 in blocked:
        occupied[max(int(by0 // cell), 0) : max(int(-(-by1 // cell)), 0),
                 max(int(bx0 // cell), 0) : max(int(-(-bx1 // cell)), 0)] = True  # fmt: skip
    placed: list[tuple[int, float, float]] = []
    xs, ys, idx = x.tolist(), y.tolist(), order.tolist()
    for k in range(len(idx)):
        region = occupied[gy0[k] : gy1[k], gx0[k] : gx1[k]]
        at = (xs[k], ys[k])
        if region.any():
            if k >= important:
                continue
            spot = _other_spot(occupied, cell, xy[idx[k]], tw[k], th[k], offset, width, height)
            if spot is None:
                continue
            region, at = spot
        region[...] = True
        placed.append((idx[k], *at))
        if len(placed) >= max_labels:
            break
    return placed


def _other_spot(occupied, cell, point, tw, th, offset, width, height):
    """A free place left of, below-right, below-left or above an important point, or None."""
    px, py = float(point[0]), float(point[1])
    dx, dy = offset
    for x, y in ((px - dx - tw, py + dy), (px + dx, py - dy + th), (px - dx - tw, py - dy + th),
                 (px - tw / 2, py + dy - 6)):  # fmt: skip
        x = min(max(x, 2.0), width - tw - 2.0)
        y = min(max(y, th + 2.0), height - 2.0)
        region = occupied[max(int((y - th - 1) // cell), 0) : max(int(-(-(y + 2) // cell)), 0),
                          max(int((x - PAD) // cell), 0) : max(int(-(-(x + tw + PAD) // cell)), 0)]  # fmt: skip
        if not region.any():
            return region, (x, y)
    return None
