"""``embviz train [CORPUS] --out FILE``: train word2vec headless, optionally keeping snapshots."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    """Add the ``train`` subcommand."""
    p = sub.add_parser(
        "train",
        help="train word2vec on a text file (default: the shipped teaching corpus)",
        description="Train a gensim word2vec model on a plain-text corpus (lowercased, split "
        "on non-letters, one sentence per line; Chinese text is segmented into words with "
        "jieba unless already separated by spaces) and save its vectors.",
    )
    p.add_argument("corpus", nargs="?", metavar="CORPUS",
                   help="plain-text file (default: the shipped teaching corpus)")  # fmt: skip
    p.add_argument("--corpus", dest="shipped", choices=("en", "zh"),
                   help="train on a shipped teaching corpus instead of a file: en (the "
                   "default) or zh, the Chinese one (国王/王后, 北京/中国 …)")  # fmt: skip
    p.add_argument("--out", required=True, help="where to save the trained vectors")
    p.add_argument("--binary", action="store_true", help="save word2vec binary, not text")
    p.add_argument("--epochs", type=int, default=10, help="passes over the corpus (default 10)")
    p.add_argument("--dim", type=int, default=50, help="vector dimension (default 50)")
    p.add_argument("--window", type=int, default=4, help="context window (default 4)")
    p.add_argument("--negative", type=int, default=5, help="negative samples (default 5)")
    p.add_argument("--alpha", type=float, default=0.025, help="learning rate (default 0.025)")
    p.add_argument("--min-count", type=int, default=5, help="ignore rarer words (default 5)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--workers", type=int, default=1,
                   help="training threads (default 1: exact loss, reproducible runs; with "
                   "more, gensim's loss counter undercounts)")  # fmt: skip
    p.add_argument("--cbow", action="store_true", help="CBOW instead of skip-gram")
    p.add_argument("--init", choices=("gensim", "normal", "uniform", "pretrained"),
                   default="gensim", help="initial vectors (default: gensim's own)")  # fmt: skip
    p.add_argument("--init-scale", type=float, default=0.02,
                   help="sigma for --init normal, bound a for --init uniform (default 0.02)")  # fmt: skip
    p.add_argument("--pretrained", metavar="FILE", help="vector file for --init pretrained")
    p.add_argument("--snapshots", metavar="DIR",
                   help="write the watched words' vectors at init and after each epoch "
                   "(word2vec text, one file per snapshot)")  # fmt: skip
    p.add_argument("--snapshots-per-epoch", type=int, default=1,
                   help="snapshots within each epoch (default 1)")  # fmt: skip
    p.add_argument("--watch", metavar="W1,W2,...",
                   help="words to follow in snapshots (default: the shipped lesson's words "
                   "or the 300 most frequent)")  # fmt: skip
    p.add_argument("--animation", metavar="FILE",
                   help="also write the watched words learning as an animated .gif (or .mp4 "
                   "with ffmpeg): every snapshot, interpolated, with the epoch caption; "
                   "needs OpenGL on an X display (a private Xvfb is started if installed)")  # fmt: skip
    p.add_argument("--fps", type=float, default=15.0,
                   help="animation frames per second (default 15)")  # fmt: skip
    p.add_argument("--seconds", type=float,
                   help="animation length from the initial vectors to the end "
                   "(default: half a second per snapshot, as the window plays it)")  # fmt: skip
    p.add_argument("--size", default="960x600", help="animation size WxH (default 960x600)")
    p.add_argument("--frame", choices=("final", "procrustes"), default="final",
                   help="stable frame: PCA axes of the final state, or each snapshot "
                   "aligned to the previous one (default final)")  # fmt: skip
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(func=run)


def snapshot_name(index: int, epoch: float, per_epoch: int) -> str:
    """File name of a snapshot: ``epoch_003.txt``, or ``epoch_002_1of4.txt`` within an epoch."""
    done = int(epoch + 1e-9)
    part = round((epoch - done) * per_epoch)
    return f"epoch_{done:03d}.txt" if part == 0 else f"epoch_{done:03d}_{part}of{per_epoch}.txt"


def run(args: argparse.Namespace) -> int:
    """Train, print one line per epoch, save the vectors."""
    import sys
    from pathlib import Path

    from embviz.cli._common import print_json
    from embviz.core.corpus import (
        open_corpus,
        shipped_corpus_path,
        shipped_language,
        shipped_watch_words,
    )
    from embviz.core.embeddings import Embeddings
    from embviz.core.errors import EmbvizError
    from embviz.core.training import TrainParams, save_vectors, train_word2vec

    if args.shipped and args.corpus:
        raise EmbvizError("give a corpus file or --corpus en|zh, not both")
    if args.shipped:
        args.corpus = str(shipped_corpus_path(args.shipped))
    animation = _check_animation(args) if args.animation else None
    corpus = open_corpus(args.corpus)
    lang = shipped_language(args.corpus)
    if args.watch:
        watch = tuple(w for w in args.watch.replace(",", " ").lower().split() if w)
    else:
        watch = tuple(shipped_watch_words(lang)) if lang else None
    params = TrainParams(
        sg=not args.cbow, dim=args.dim, window=args.window, negative=args.negative,
        epochs=args.epochs, alpha=args.alpha, min_count=args.min_count, seed=args.seed,
        workers=args.workers, init=args.init, init_scale=args.init_scale,
        pretrained=args.pretrained, snapshots_per_epoch=args.snapshots_per_epoch, watch=watch,
    )  # fmt: skip
    params.check()
    snap_dir = Path(args.snapshots) if args.snapshots else None
    if snap_dir is not None:
        try:
            snap_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise EmbvizError(f"{snap_dir}: cannot create the folder ({e.strerror})") from None
    log = sys.stderr if args.json else sys.stdout
    epochs: list[dict] = []
    last = None
    written: list[str] = []
    epoch_seconds = 0.0
    recorded: list = []  # the snapshots and their frame data, for --animation
    for snap in train_word2vec(corpus, params):
        last = snap
        if animation is not None:
            from embviz.core.frames import prepare

            recorded.append((snap, prepare(snap.vectors, recorded[-1][1] if recorded else None)))
        if snap.index == 0:
            info = snap.info
            print(f"{corpus.name}: {info['sentences']:,} sentences, {info['corpus_words']:,} "
                  f"words, vocabulary {info['vocabulary']:,}", file=log)  # fmt: skip
            if info.get("segmentation"):
                print(info["segmentation"], file=log)
            if info.get("watched_missing"):
                print("not in the vocabulary: " + ", ".join(info["watched_missing"]), file=log)
        if snap_dir is not None:
            path = snap_dir / snapshot_name(snap.index, snap.epoch, params.snapshots_per_epoch)
            save_vectors(Embeddings(snap.words, snap.vectors), path)
            written.append(str(path))
        epoch_seconds += snap.seconds
        if snap.index and abs(snap.epoch - round(snap.epoch)) < 1e-9:
            loss = snap.epoch_losses[-1]
            epochs.append({"epoch": round(snap.epoch), "loss": loss, "seconds": epoch_seconds})
            print(f"epoch {round(snap.epoch):>3}/{params.epochs}  loss {loss:>14,.1f}  "
                  f"{epoch_seconds:.2f} s", file=log)  # fmt: skip
            epoch_seconds = 0.0
    assert last is not None and last.model is not None
    out = save_vectors(last.model, args.out, binary=args.binary)
    print(f"saved {len(last.model):,} vectors × {last.model.dim} dims to {out}", file=log)
    summary = {"corpus": str(corpus.path), "out": str(out), "vocabulary": len(last.model),
               "dim": last.model.dim, "epochs": epochs, "snapshots": written,
               "segmentation": corpus.segmentation}  # fmt: skip
    if animation is not None:
        summary["animation"] = _write_animation(args, animation, recorded, params, log)
    if args.json:
        print_json(summary)
    return 0


def _check_animation(args: argparse.Namespace) -> dict:
    """Check the animation options before training (and find a display for OpenGL)."""
    from embviz.cli._common import parse_size
    from embviz.core.errors import EmbvizError

    ext = args.animation.rsplit(".", 1)[-1].lower() if "." in args.animation else ""
    if ext not in ("gif", "mp4"):
        raise EmbvizError(f"--animation {args.animation!r}: write a .gif (or an .mp4)")
    if not 1 <= args.fps <= 60:
        raise EmbvizError(f"--fps must be 1 to 60, got {args.fps:g}")
    if args.seconds is not None and not 0.5 <= args.seconds <= 3600:
        raise EmbvizError(f"--seconds must be 0.5 to 3600, got {args.seconds:g}")
    size = parse_size(args.size, "960x600")
    from embviz.gui import render

    if ext == "mp4" and render.find_ffmpeg() is None:
        raise EmbvizError(
            "writing .mp4 needs ffmpeg (on the PATH, or pip install imageio-ffmpeg): use .gif"
        )
    render.ensure_display(max(1920, size[0]), max(1080, size[1]))
    return {"size": size}


def _write_animation(args, animation: dict, recorded, params, log) -> dict:
    """Draw the recorded run offscreen with the GUI's own view and write the file."""
    import time

    from embviz.core.corpus import shipped_language, shipped_watch_groups
    from embviz.core.frames import frame_coords
    from embviz.core.training import DEFAULT_PAIRS, DEFAULT_PAIRS_ZH
    from embviz.gui import render
    from embviz.gui.training_export import Recording, write_animation

    render.application()
    snaps = [s for s, _ in recorded]
    coords, labels = frame_coords([p for _, p in recorded], args.frame)
    words = list(snaps[0].words)
    lang = shipped_language(args.corpus)
    pairs = DEFAULT_PAIRS_ZH if lang == "zh" else DEFAULT_PAIRS
    lesson = {w for pair in pairs.split(",") for w in pair.split()}
    rec = Recording(
        words=words, coords=coords, axis_labels=labels, snapshots=snaps,
        total_epochs=params.epochs,
        groups=shipped_watch_groups(lang) if lang else {},
        highlight=lesson & set(words),
    )  # fmt: skip
    seconds = args.seconds or max(1.0, (len(snaps) - 1) / 2)  # the window plays 2 a second
    size = animation["size"]
    t0 = time.perf_counter()
    path = write_animation(rec, args.animation, fps=args.fps, seconds=seconds, size=size)
    frames = len(rec.times(args.fps, seconds))
    print(f"wrote {path} ({frames} frames, {size[0]}x{size[1]}, {seconds:g} s of "
          f"{len(snaps)} snapshots) in {time.perf_counter() - t0:.1f} s", file=log)  # fmt: skip
    return {"path": str(path), "frames": frames, "seconds": seconds, "size": list(size)}
