"""``embviz compare [A] B``: align two spaces with Procrustes and list the words that moved most and least."""

from __future__ import annotations

import argparse
import os

from embviz.cli._common import (
    add_file_options,
    clear_progress_line,
    load_from_args,
    print_json,
    terminal_progress,
)
from embviz.core.errors import EmbvizError

# An anchor list is a few thousand words; refuse to read a file of any size.
_MAX_ANCHOR_FILE = 64 * 1024 * 1024


def register(sub) -> None:
    """Add the ``compare`` subcommand."""
    p = sub.add_parser(
        "compare",
        help="align two vector files (orthogonal Procrustes) and list the words that moved",
        description="Rotate A onto B on their shared words and list the most and least moved "
        "words. With one file, A is the embedded GloVe vectors.",
    )
    p.add_argument("args", nargs="+", metavar="[A] B",
                   help="the two vector files (A omitted: the embedded GloVe 50d)")  # fmt: skip
    how = p.add_mutually_exclusive_group()
    how.add_argument("--anchors", type=int, metavar="N",
                     help="fit on the N most frequent shared words (default 5000, all if fewer)")  # fmt: skip
    how.add_argument("--anchor-file", metavar="FILE",
                     help="fit on these words instead (one per line)")  # fmt: skip
    p.add_argument("--k", type=int, default=10, help="neighbours for the overlap (default 10)")
    p.add_argument("--top", type=int, default=50,
                   help="how many most (and least) moved words to list (default 50)")  # fmt: skip
    p.add_argument("--case-insensitive", action="store_true",
                   help="match words ignoring case (the first, most frequent, spelling wins)")  # fmt: skip
    p.add_argument("--dims", choices=("pad", "pca"), default="pad",
                   help="different dimensions: zero-pad the smaller space (default) or PCA "
                   "the larger one down")  # fmt: skip
    p.add_argument("--heldout", type=int, default=1000, metavar="N",
                   help="held-out words for precision@k (default 1000)")  # fmt: skip
    p.add_argument("--seed", type=int, default=0, help="seed of the held-out sample")
    add_file_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def _read_anchor_file(path: str) -> list[str]:
    size = os.path.getsize(path)
    if size > _MAX_ANCHOR_FILE:
        raise EmbvizError(
            f"{path}: {size:,} bytes is too large for an anchor list (one word a line)"
        )
    with open(path, encoding="utf-8", errors="strict") as f:
        try:
            words = [line.strip() for line in f]
        except UnicodeDecodeError as e:
            raise EmbvizError(f"{path}: not UTF-8 text ({e.reason})") from None
    words = [w for w in words if w and not w.startswith("#")]
    if not words:
        raise EmbvizError(f"{path}: no anchor words in it")
    return words


def _load_pair(args):
    if len(args.args) > 2:
        raise EmbvizError("compare takes [A] B: too many arguments")
    first, second = (None, args.args[0]) if len(args.args) == 1 else args.args
    a = load_from_args(argparse.Namespace(**{**vars(args), "file": first}))
    b = load_from_args(argparse.Namespace(**{**vars(args), "file": second}))
    return a, b


def run(args) -> int:
    """Print the alignment's summary and the most and least moved words."""
    from embviz.core.compare import MAX_LISTED, compare

    for name in ("k", "top", "heldout"):
        if getattr(args, name) < 1:
            raise EmbvizError(f"--{name} must be at least 1")
    for name in ("k", "top"):  # each listed word is a search over every shared word
        if getattr(args, name) > MAX_LISTED:
            raise EmbvizError(f"--{name} must be at most {MAX_LISTED:,}")
    if args.anchors is not None and args.anchors < 2:  # before the files load
        raise EmbvizError(f"need at least 2 anchor words, got --anchors {args.anchors}")
    anchors = _read_anchor_file(args.anchor_file) if args.anchor_file else args.anchors
    a, b = _load_pair(args)
    progress = terminal_progress()
    try:
        c = compare(a, b, anchors=anchors, case_insensitive=args.case_insensitive, dims=args.dims,
                    sample=args.heldout, seed=args.seed, progress=progress)  # fmt: skip
        most = c.moved(args.top)
        least = [] if args.json else c.moved(args.top, most=False)
        overlap = c.overlap([*most, *least], args.k, progress=progress)
    finally:
        clear_progress_line()
    if args.json:
        out = c.summary()
        out["words"] = [{"word": c.words[i], "cosine": float(c.cosine[i]), "overlap": float(o)}
                        for i, o in zip(most, overlap, strict=True)]  # fmt: skip
        print_json(out)
        return 0
    _print_text(c, most, least, overlap, args.k)
    return 0


def _print_text(c, most, least, overlap, k) -> None:
    import numpy as np

    p = c.precision
    print(f"A: {c.a.source.describe()}  {len(c.a):,} words × {c.a.dim}")
    print(f"B: {c.b.source.describe()}  {len(c.b):,} words × {c.b.dim}")
    match = "ignoring case" if c.vocab.case_insensitive else "exact match"
    print(f"shared words: {len(c):,} ({match})")
    print(f"alignment: orthogonal Procrustes of A onto B on {len(c.anchors):,} anchor words, "
          "after renorm, centre, renorm")  # fmt: skip
    dims = {"same": f"both {c.a.dim}", "pad": "zero-padded", "pca": "PCA"}[c.dims_method]
    print(f"dimensions: {dims}")
    for note in c.notes:
        print(f"note: {note}")
    how = ("5-fold cross-validation over the anchors: every shared word is an anchor"
           if p.cross_validated else "shared words that are not anchors")  # fmt: skip
    if p.words:
        print(f"precision@1 {p.at_1:.3f}  precision@5 {p.at_5:.3f}  on {p.words:,} held-out words "
              f"({how})")  # fmt: skip
    else:
        print("precision: no held-out words (too few shared words)")
    print(f"cosine after alignment: mean {float(c.cosine.mean()):.3f}, "
          f"median {float(np.median(c.cosine)):.3f}")  # fmt: skip
    rows = [("most moved (lowest cosine)", most, overlap[: len(most)]),
            ("least moved (highest cosine)", least, overlap[len(most) :])]  # fmt: skip
    for title, numbers, ov in rows:
        print()
        print(f"{title:<30} {'cosine':>8} {f'overlap@{k}':>11}")
        for i, o in zip(numbers, ov, strict=True):
            print(f"{c.words[i]:<30} {float(c.cosine[i]):>8.4f} {float(o):>11.2f}")
