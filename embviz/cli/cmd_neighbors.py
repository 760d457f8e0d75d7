"""``embviz neighbors [FILE] WORD``: the nearest words over the whole vocabulary."""

from __future__ import annotations

from embviz.cli._common import add_file_options, leading_file, load_from_args, pad, print_json

SUBWORD_NOTE = "not in the vocabulary: vector built from its character n-grams (fastText subwords)"


def register(sub) -> None:
    """Add the ``neighbors`` subcommand."""
    p = sub.add_parser("neighbors", help="list the nearest neighbours of a word")
    p.add_argument(
        "args", nargs="+", metavar="[FILE] WORD",
        help="optional vector file (default: embedded GloVe 50d), then the word",
    )  # fmt: skip
    p.add_argument("-k", type=int, default=10, help="how many neighbours (default 10)")
    p.add_argument("--metric", choices=("cosine", "euclidean"), default="cosine")
    add_file_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    """Print the neighbours of the word."""
    word = leading_file(args, "neighbors takes [FILE] WORD")
    emb = load_from_args(args)
    results = emb.neighbors(word, k=args.k, metric=args.metric)
    subwords = emb.from_subwords(word)
    if args.json:
        print_json({"word": word, "metric": args.metric, "from_subwords": subwords,
                    "results": [{"word": w, "score": s} for w, s in results]})  # fmt: skip
    else:
        if subwords:
            print(f"{word}: {SUBWORD_NOTE}")
        label = "cosine" if args.metric == "cosine" else "distance"
        print(f"{'word':<20} {label}")
        for w, s in results:
            print(f"{pad(w)} {s:.4f}")
    return 0
