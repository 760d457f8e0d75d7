"""``embviz train [CORPUS] --out FILE``: train word2vec headless, optionally keeping snapshots."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    """Add the ``train`` subcommand."""
    p = sub.add_parser(
        "train",
        help="train word2vec on a text file (default: the shipped teaching corpus)",
        description="Train a gensim word2vec model on a plain-text corpus (lowercased, split "
        "on non-letters, one sentence per line) and save its vectors.",
    )
    p.add_argument("corpus", nargs="?", metavar="CORPUS",
                   help="plain-text file (default: the shipped teaching corpus)")  # fmt: skip
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
    from embviz.core.corpus import open_corpus, shipped_watch_words
    from embviz.core.embeddings import Embeddings
    from embviz.core.errors import EmbvizError
    from embviz.core.training import TrainParams, save_vectors, train_word2vec

    corpus = open_corpus(args.corpus)
    if args.watch:
        watch = tuple(w for w in args.watch.replace(",", " ").lower().split() if w)
    else:
        watch = tuple(shipped_watch_words()) if args.corpus is None else None
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
    for snap in train_word2vec(corpus, params):
        last = snap
        if snap.index == 0:
            info = snap.info
            print(f"{corpus.name}: {info['sentences']:,} sentences, {info['corpus_words']:,} "
                  f"words, vocabulary {info['vocabulary']:,}", file=log)  # fmt: skip
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
    if args.json:
        print_json({"corpus": str(corpus.path), "out": str(out), "vocabulary": len(last.model),
                    "dim": last.model.dim, "epochs": epochs, "snapshots": written})  # fmt: skip
    return 0
