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


def place_labels(
    xy: np.ndarray,
    sizes: np.ndarray,
    order: np.ndarray,
    width: int,
    height: int,
    *,
    offset: tuple[float, float] = (6.0, -4.0),
    max_labels: int = 400,
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

    Returns
    -------
    list of (index, x, y)
        The text's bottom-left baseline position for every label to draw.
    """
    cell = 64.0
    grid: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
    placed: list[tuple[int, float, float]] = []
    for i in order:
        tw, th = sizes[i]
        x = xy[i, 0] + offset[0]
        y = xy[i, 1] + offset[1]
        # keep the whole text on the canvas
        x = min(max(x, 2.0), width - tw - 2.0)
        y = min(max(y, th + 2.0), height - 2.0)
        box = (x - 1, y - th - 1, x + tw + 1, y + 2)
        gx0, gy0 = int(box[0] // cell), int(box[1] // cell)
        gx1, gy1 = int(box[2] // cell), int(box[3] // cell)
        clash = False
        for gx in range(gx0, gx1 + 1):
            for gy in range(gy0, gy1 + 1):
                for b in grid.get((gx, gy), ()):
                    if box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]:
                        clash = True
                        break
                if clash:
                    break
            if clash:
                break
        if clash:
            continue
        for gx in range(gx0, gx1 + 1):
            for gy in range(gy0, gy1 + 1):
                grid.setdefault((gx, gy), []).append(box)
        placed.append((int(i), x, y))
        if len(placed) >= max_labels:
            break
    return placed
