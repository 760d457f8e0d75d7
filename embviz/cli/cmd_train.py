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
    _add_param_options(p)
    p.add_argument("--snapshots", metavar="DIR",
                   help="write the watched words' vectors at init and after each epoch "
                   "(word2vec text, one file per snapshot)")  # fmt: skip
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


def _add_param_options(p: argparse.ArgumentParser) -> None:
    """One option per :class:`TrainParams` field a user sets, from the field's :class:`Param`."""
    from dataclasses import fields

    from embviz.core.training import TrainParams, params_shown

    defaults = {f.name: f.default for f in fields(TrainParams)}
    for name, how in params_shown().items():
        default = defaults[name]
        tip = how.tip[0].lower() + how.tip[1:]
        if isinstance(default, bool):  # the option flips it: --cbow
            texts = dict(how.choices)
            p.add_argument(how.option, dest=name, action="store_const", const=not default,
                           default=default,
                           help=f"{texts[not default]} instead of {texts[default]} ({tip})")  # fmt: skip
        elif how.choices:
            p.add_argument(how.option, dest=name, choices=[v for v, _ in how.choices],
                           default=default, help=f"{tip} (default {default})")  # fmt: skip
        elif default is None:
            p.add_argument(how.option, dest=name, metavar="FILE", help=tip)
        else:
            p.add_argument(how.option, dest=name, type=type(default), default=default,
                           help=f"{tip} (default {default:g})")  # fmt: skip


def snapshot_name(index: int, epoch: float, per_epoch: int) -> str:
    """File name of a snapshot: ``epoch_003.txt``, or ``epoch_002_1of4.txt`` within an epoch."""
    done = int(epoch + 1e-9)
    part = round((epoch - done) * per_epoch)
    return f"epoch_{done:03d}.txt" if part == 0 else f"epoch_{done:03d}_{part}of{per_epoch}.txt"


def run(args: argparse.Namespace) -> int:
    """Train, print one line per epoch, save the vectors."""
    import sys

    from embviz.cli._common import print_json
    from embviz.core.corpus import open_corpus, shipped_corpus_path
    from embviz.core.embeddings import Embeddings
    from embviz.core.errors import EmbvizError
    from embviz.core.training import save_vectors, train_word2vec
    from embviz.core.training_session import TrainingSession

    if args.shipped and args.corpus:
        raise EmbvizError("give a corpus file or --corpus en|zh, not both")
    if args.shipped:
        args.corpus = str(shipped_corpus_path(args.shipped))
    animation = _check_animation(args) if args.animation else None
    corpus = open_corpus(args.corpus)
    params = _params(args)
    snap_dir = _snapshot_dir(args.snapshots)
    log = sys.stderr if args.json else sys.stdout
    epochs: list[dict] = []
    last = None
    written: list[str] = []
    epoch_seconds = 0.0
    session = None  # the run as the Train panel records it, for --animation
    if animation is not None:
        session = TrainingSession(args.corpus)
        session.set_frame(args.frame)
        session.begin(params)
    for snap in train_word2vec(corpus, params):
        last = snap
        if session is not None:
            session.add(snap)
        if snap.index == 0:
            _print_start(corpus.name, snap.info, log)
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
        summary["animation"] = _write_animation(args, animation, session.recording(), log)
    if args.json:
        print_json(summary)
    return 0


def _params(args: argparse.Namespace):
    """The run's :class:`TrainParams` from the options (checked)."""
    from embviz.core.training import TrainParams, params_shown
    from embviz.core.training_session import default_watch

    if args.watch:
        watch = tuple(w for w in args.watch.replace(",", " ").lower().split() if w)
    else:
        watch = default_watch(args.corpus)
    params = TrainParams(**{name: getattr(args, name) for name in params_shown()}, watch=watch)
    params.check()
    return params


def _snapshot_dir(folder: str | None):
    """The folder for ``--snapshots``, created; ``None`` without the option."""
    from pathlib import Path

    from embviz.core.errors import EmbvizError

    if not folder:
        return None
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise EmbvizError(f"{folder}: cannot create the folder ({e.strerror})") from None
    return Path(folder)


def _print_start(name: str, info: dict, log) -> None:
    """What the first snapshot says about the corpus and the watched words."""
    print(f"{name}: {info['sentences']:,} sentences, {info['corpus_words']:,} "
          f"words, vocabulary {info['vocabulary']:,}", file=log)  # fmt: skip
    if info.get("segmentation"):
        print(info["segmentation"], file=log)
    if info.get("watched_missing"):
        print("not in the vocabulary: " + ", ".join(info["watched_missing"]), file=log)


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


def _write_animation(args, animation: dict, rec, log) -> dict:
    """Draw the recorded run offscreen with the GUI's own view and write the file."""
    import time

    from embviz.gui import render
    from embviz.gui.training.export import write_animation

    render.application()
    seconds = args.seconds or rec.playback_seconds()  # as long as the window plays it
    size = animation["size"]
    t0 = time.perf_counter()
    path = write_animation(rec, args.animation, fps=args.fps, seconds=seconds, size=size)
    frames = len(rec.times(args.fps, seconds))
    print(f"wrote {path} ({frames} frames, {size[0]}x{size[1]}, {seconds:g} s of "
          f"{len(rec.snapshots)} snapshots) in {time.perf_counter() - t0:.1f} s", file=log)  # fmt: skip
    return {"path": str(path), "frames": frames, "seconds": seconds, "size": list(size)}
