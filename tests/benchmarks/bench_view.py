"""Benchmark the 3D view: orbit frame rate and picking (run under Xvfb, not by pytest).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/benchmarks/bench_view.py

Prints frames per second while the camera orbits, for pyqtgraph's own
``GLScatterPlotItem`` (the baseline) and for embviz's SceneView, and the time
to pick the point under the mouse. Targets (issue 4): 100k points without
labels ≥ 30 fps, 2,000 points with 300 labels ≥ 40 fps, picking ≤ 30 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

SIZE = (1200, 800)
SECONDS = 3.0


def orbit_fps(app, view, seconds: float = SECONDS) -> float:
    """Orbit 2° per frame; count frames actually presented (frameSwapped)."""
    swapped = [0]

    def count() -> None:
        swapped[0] += 1

    view.frameSwapped.connect(count)
    for _ in range(10):  # warm up: shaders, buffers, glyph caches
        view.orbit(2, 0)
        view.repaint()
        app.processEvents()
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        view.orbit(2, 0)
        view.update()
        target = swapped[0] + 1
        while swapped[0] < target:
            app.processEvents()
        n += 1
    fps = n / (time.perf_counter() - t0)
    view.frameSwapped.disconnect(count)  # a second run on this view must not count twice
    return fps


def synthetic(n: int, dim: int = 50, seed: int = 0):
    """``n`` clustered vectors with made-up words (the default data has only 50k words)."""
    from embviz.core.embeddings import Embeddings

    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((40, dim)) * 2
    vecs = centres[rng.integers(0, 40, n)] + rng.standard_normal((n, dim))
    return Embeddings([f"w{i:06d}" for i in range(n)], vecs.astype(np.float32))


def show(view):
    view.resize(*SIZE)
    view.show()
    QApplication.processEvents()


def bench_baseline(app, n: int) -> float:
    import pyqtgraph.opengl as gl

    pos = np.random.default_rng(1).standard_normal((n, 3)).astype(np.float32) * 4
    view = gl.GLViewWidget()
    if n:
        item = gl.GLScatterPlotItem(pos=pos, size=9, color=(0.43, 0.67, 1.0, 0.9), pxMode=True)
        item.setGLOptions("translucent")
        view.addItem(item)
    view.setCameraPosition(distance=32)
    show(view)
    fps = orbit_fps(app, view)
    view.close()
    return fps


def scene(emb, words, labels: bool, max_labels: int = 400):
    from embviz.core.workspace import Workspace
    from embviz.gui.view3d import SceneView

    ws = Workspace()
    ws.set_embeddings(emb, words)
    view = SceneView(ws)
    view.show_labels = labels
    view.max_labels = max_labels
    show(view)
    return ws, view


def main() -> int:
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(sys.argv[:1])
    import embviz

    big = synthetic(100_000)
    rows = []

    floor = bench_baseline(app, 0)
    rows.append(("empty GLViewWidget (this machine's frame ceiling)", f"{floor:6.1f} fps", ""))
    base = bench_baseline(app, 100_000)
    rows.append(("100k points, pyqtgraph GLScatterPlotItem (baseline)", f"{base:6.1f} fps", ""))

    _, view = scene(big, big.words, labels=False)
    fps = orbit_fps(app, view)
    rows.append(("100k points, SceneView, no labels", f"{fps:6.1f} fps",
                 f"target ≥ 30; {fps / base:.1f}× baseline"))  # fmt: skip
    view.max_labels = 300
    view.show_labels = True
    fps_l = orbit_fps(app, view)
    rows.append(("100k points, SceneView, 300 labels", f"{fps_l:6.1f} fps", "(extra)"))

    # picking: the point under the mouse, at 100 spots spread over the view
    rng = np.random.default_rng(2)
    times, found = [], 0
    for x, y in rng.uniform((0, 0), SIZE, size=(100, 2)):
        t = time.perf_counter()
        found += view.word_at(float(x), float(y)) is not None
        times.append((time.perf_counter() - t) * 1000)
    rows.append(("pick under the mouse in 100k points", f"{statistics.median(times):6.1f} ms",
                 f"median of 100 (max {max(times):.1f} ms, {found} hits); target ≤ 30"))  # fmt: skip
    view.close()

    emb = embviz.load_default()
    words = [w for w in emb.words[:4000] if w.isalpha()][:2000]
    _, view = scene(emb, words, labels=True, max_labels=300)
    fps = orbit_fps(app, view)
    placed = len(view._placement)
    rows.append(("2,000 GloVe words, 300 labels, SceneView", f"{fps:6.1f} fps",
                 f"target ≥ 40; {placed} labels placed in the last frame"))  # fmt: skip
    view.close()

    width = max(len(r[0]) for r in rows)
    print(f"embviz 3D view, {SIZE[0]}x{SIZE[1]} window, orbiting 2°/frame for {SECONDS:.0f} s")
    for name, value, note in rows:
        print(f"  {name:<{width}}  {value}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
