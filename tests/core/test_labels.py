"""Label placement and screen projection (no Qt)."""

from __future__ import annotations

import numpy as np

from embviz.core.labels import place_labels, project_to_screen


def _boxes(placed, sizes):
    return [(x, y - sizes[i][1], x + sizes[i][0], y) for i, x, y in placed]


def test_placed_labels_never_overlap_and_stay_on_canvas():
    rng = np.random.default_rng(3)
    n = 600
    xy = rng.uniform(0, [800, 600], size=(n, 2))
    sizes = np.column_stack([rng.uniform(20, 90, n), np.full(n, 14.0)])
    placed = place_labels(xy, sizes, np.arange(n), 800, 600)
    assert 30 < len(placed) < n  # some fit, not all
    boxes = _boxes(placed, sizes)
    for a in range(len(boxes)):
        x0, y0, x1, y1 = boxes[a]
        assert 0 <= x0 and x1 <= 800 and 0 <= y0 and y1 <= 600
        for b in range(a + 1, len(boxes)):
            u0, v0, u1, v1 = boxes[b]
            assert not (x0 < u1 and u0 < x1 and y0 < v1 and v0 < y1)


def test_priority_order_wins_a_clash():
    xy = np.array([[100.0, 100.0], [102.0, 101.0]])
    sizes = np.array([[50.0, 14.0], [50.0, 14.0]])
    assert [i for i, _, _ in place_labels(xy, sizes, np.array([1, 0]), 400, 300)] == [1]
    assert [i for i, _, _ in place_labels(xy, sizes, np.array([0, 1]), 400, 300)] == [0]


def test_project_to_screen_identity_and_behind_camera():
    mvp = np.eye(4)
    pts = np.array([[0.0, 0, 0], [1, 1, 0], [-1, -1, 0], [2, 0, 0]])
    xy, _depth, visible = project_to_screen(pts, mvp, 200, 100)
    assert np.allclose(xy[:3], [[100, 50], [200, 0], [0, 100]])
    assert visible.tolist() == [True, True, True, False]
    persp = np.eye(4)
    persp[3] = [0, 0, -1, 0]  # w = -z: points with z > 0 are behind the camera
    _, _, vis = project_to_screen(np.array([[0.0, 0, -1], [0, 0, 1]]), persp, 10, 10)
    assert vis.tolist() == [True, False]


def test_blocked_boxes_are_kept_free():
    xy = np.array([[100.0, 100.0], [300.0, 100.0]])
    sizes = np.array([[50.0, 14.0], [50.0, 14.0]])
    placed = place_labels(xy, sizes, np.array([0, 1]), 400, 300, blocked=[(90, 80, 170, 100)])
    assert [i for i, _, _ in placed] == [1]


def test_important_labels_try_the_other_sides_of_their_point():
    # two points close together: the second's usual place (right, above) is taken
    xy = np.array([[100.0, 100.0], [110.0, 101.0]])
    sizes = np.array([[40.0, 12.0], [40.0, 12.0]])
    plain = place_labels(xy, sizes, np.array([0, 1]), 400, 300)
    assert [i for i, *_ in plain] == [0]
    placed = place_labels(xy, sizes, np.array([0, 1]), 400, 300, important=2)
    assert [i for i, *_ in placed] == [0, 1]
    (_, x0, y0), (_, x1, y1) = placed
    # the boxes (bottom-left baseline, 40 x 12) do not overlap
    assert x1 + 40 <= x0 or x0 + 40 <= x1 or y1 <= y0 - 12 or y0 <= y1 - 12
