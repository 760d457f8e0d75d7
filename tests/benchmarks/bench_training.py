"""Benchmark: live training of the shipped corpus in the Train panel, against plain gensim.

Run (needs a display; Xvfb is fine):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/benchmarks/bench_training.py

1. Plain gensim: ``Word2Vec(sentences, epochs=E)`` on the shipped teaching
   corpus with the panel's defaults (skip-gram, 50d, window 4, 5 negatives,
   1 worker), one ``train`` call — the reference time per epoch.
2. The same training through the Train panel (4 snapshots per epoch, the
   animation playing and following the run), while a 10 ms QTimer probe
   measures how late the GUI event loop wakes up (the stall), and the 3D
   view counts the frames it draws.

Prints seconds per epoch for both and their ratio, event-loop stall p50/p95/max,
animation fps, the per-epoch loss curve, and the analogies the trained vectors
answer. Asserts nothing about time.
"""

from __future__ import annotations

import argparse
import time

import numpy as np


def plain_gensim(epochs: int, workers: int) -> tuple[float, list[float]]:
    from gensim.models import Word2Vec

    from embviz.core.corpus import open_corpus

    sentences = list(open_corpus(None).sentences())
    model = Word2Vec(vector_size=50, window=4, negative=5, sg=1, min_count=5, seed=1,
                     workers=workers, compute_loss=True)  # fmt: skip
    model.build_vocab(sentences)
    t = time.perf_counter()
    model.train(sentences, total_examples=len(sentences), epochs=epochs, compute_loss=True)
    return time.perf_counter() - t, [float(model.get_latest_training_loss())]


def in_panel(epochs: int, workers: int, parts: int, size: tuple[int, int], animate: bool = True):
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication([])
    from embviz.core.workspace import Workspace
    from embviz.gui.app import collect_on_gui_thread
    from embviz.gui.training.panel import TrainPanel

    collector = collect_on_gui_thread()  # noqa: F841 - as the app does: its pauses count

    panel = TrainPanel(Workspace())
    panel.resize(*size)
    panel.show()
    panel.epochs.setValue(epochs)
    panel.workers.setValue(workers)
    panel.parts.setValue(parts)
    for _ in range(20):
        app.processEvents()

    stalls: list[float] = []
    clock = QElapsedTimer()
    probe = QTimer()
    probe.setInterval(10)
    last = [0.0]

    def on_probe() -> None:
        now = clock.nsecsElapsed() / 1e6
        stalls.append(max(0.0, now - last[0] - 10.0))  # ms later than asked
        last[0] = now

    probe.timeout.connect(on_probe)
    clock.start()
    probe.start()
    # baseline: the same probe for 5 s with the panel idle (the machine's own noise)
    b0 = time.perf_counter()
    while time.perf_counter() - b0 < 5.0:
        app.processEvents()
        time.sleep(0.001)
    baseline, stalls[:] = np.array(stalls[1:]), []
    frames0 = panel.view.frames_drawn
    t0 = time.perf_counter()
    panel.start()
    if not animate:
        panel.playback.playing = False  # paused: the probe then sees the training's own cost
    while panel.session.model is None or panel.is_running():
        app.processEvents()
        time.sleep(0.001)
    wall = time.perf_counter() - t0
    frames = panel.view.frames_drawn - frames0
    probe.stop()
    # let playback catch up, then measure the animation alone for 3 s (scrubbing from 0)
    panel.playback.seek(0)
    panel.playback.playing = True
    f1, a0 = panel.view.frames_drawn, time.perf_counter()
    while time.perf_counter() - a0 < 3.0:
        app.processEvents()
        time.sleep(0.001)
    replay_fps = (panel.view.frames_drawn - f1) / (time.perf_counter() - a0)
    snaps = panel.session.snapshots
    per_epoch: dict[int, float] = {}
    for s in snaps[1:]:
        per_epoch[int(np.ceil(s.epoch - 1e-9))] = (
            per_epoch.get(int(np.ceil(s.epoch - 1e-9)), 0) + s.seconds
        )
    model = panel.session.model
    # Stop latency: a fresh run, stopped after its third snapshot
    panel.start()
    while len(panel.session.snapshots) < 3:
        app.processEvents()
        time.sleep(0.001)
    s0 = time.perf_counter()
    panel.stop()
    while panel.is_running():
        app.processEvents()
        time.sleep(0.001)
    stop_seconds = time.perf_counter() - s0
    panel.shutdown()
    panel.close()
    return {
        "wall": wall, "train_seconds": sum(s.seconds for s in snaps), "per_epoch": per_epoch,
        "losses": list(snaps[-1].epoch_losses), "stalls": np.array(stalls[1:]),
        "live_fps": frames / wall, "replay_fps": replay_fps, "model": model,
        "snapshots": len(snaps), "baseline": baseline, "stop": stop_seconds,
    }  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--parts", type=int, default=4, help="snapshots per epoch in the panel")
    ap.add_argument("--size", default="1400x900", help="panel size in pixels (default 1400x900)")
    args = ap.parse_args()
    size = tuple(int(x) for x in args.size.split("x"))

    ref_seconds, _ = plain_gensim(args.epochs, args.workers)
    r = in_panel(args.epochs, args.workers, args.parts, size)
    paused = in_panel(args.epochs, args.workers, args.parts, size, animate=False)
    ref_epoch = ref_seconds / args.epochs
    ours_epoch = r["train_seconds"] / args.epochs
    print(f"shipped corpus, skip-gram 50d, {args.epochs} epochs, {args.workers} worker(s), "
          f"panel {args.size}")  # fmt: skip
    print(f"plain gensim, one train() call:   {ref_epoch:.3f} s/epoch")
    print(f"Train panel, {args.parts} snapshots/epoch: {ours_epoch:.3f} s/epoch of training "
          f"(ratio {ours_epoch / ref_epoch:.2f}); wall {r['wall']:.1f} s incl. vocabulary, "
          f"{r['snapshots']} snapshots")  # fmt: skip
    print("seconds per epoch: " + ", ".join(f"{v:.2f}" for _, v in sorted(r["per_epoch"].items())))
    s = r["stalls"]
    print(f"event-loop stall while training (10 ms probe, {len(s)} samples): "
          f"p50 {np.percentile(s, 50):.1f} ms, p95 {np.percentile(s, 95):.1f} ms, "
          f"max {s.max():.1f} ms  (target p95 < 50 ms)")  # fmt: skip
    s = r["baseline"]
    print(f"baseline, panel idle, no training: p50 {np.percentile(s, 50):.1f} ms, "
          f"p95 {np.percentile(s, 95):.1f} ms, max {s.max():.1f} ms")  # fmt: skip
    s = paused["stalls"]
    print(f"same, animation paused (the training's own cost): p50 {np.percentile(s, 50):.1f} ms, "
          f"p95 {np.percentile(s, 95):.1f} ms, max {s.max():.1f} ms; "
          f"{paused['train_seconds'] / args.epochs:.3f} s/epoch")  # fmt: skip
    print(f"animation: {r['live_fps']:.1f} fps while training, {r['replay_fps']:.1f} fps "
          f"replaying (target >= 20)")  # fmt: skip
    print(
        f"Stop pressed mid-epoch: the run (its worker process) ended {1000 * r['stop']:.0f} ms later"
    )
    print("loss per epoch: " + ", ".join(f"{x:,.0f}" for x in r["losses"]))
    emb = r["model"]
    for a, b, c in [("king", "man", "woman"), ("prince", "boy", "girl"), ("cats", "cat", "dog"),
                    ("paris", "france", "italy"), ("berlin", "germany", "japan")]:  # fmt: skip
        v = emb.unit[emb.row(a)] - emb.unit[emb.row(b)] + emb.unit[emb.row(c)]
        top = [n.word for n in emb.neighbors(v, k=3, exclude=[a, b, c])]
        print(f"  {a} - {b} + {c} = {', '.join(top)}")


if __name__ == "__main__":
    main()
