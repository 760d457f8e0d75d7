"""``embviz query [FILE] "EXPR"``: vector arithmetic such as ``king - man + woman``."""

from __future__ import annotations

from embviz.cli._common import add_file_options, leading_file, load_from_args, pad, print_json
from embviz.cli.cmd_neighbors import SUBWORD_NOTE


def register(sub) -> None:
    """Add the ``query`` subcommand."""
    p = sub.add_parser(
        "query", help="answer an expression such as 'king - man + woman' (3CosAdd or 3CosMul)"
    )
    p.add_argument(
        "args", nargs="+", metavar="[FILE] EXPR",
        help="optional vector file (default: embedded GloVe 50d), then the expression: "
        "words joined by + and -, with optional factors (2*walked - walk)",
    )  # fmt: skip
    p.add_argument("-k", type=int, default=10, help="how many answers (default 10)")
    p.add_argument("--method", choices=("3cosadd", "3cosmul"), default="3cosadd",
                   help="3cosadd: cosine to the sum (gensim most_similar, default); "
                   "3cosmul: Levy & Goldberg (gensim most_similar_cosmul)")  # fmt: skip
    p.add_argument("--include-inputs", action="store_true",
                   help="allow the input words among the answers (left out by default, as in gensim)")  # fmt: skip
    p.add_argument("--expected", metavar="WORD", help="also print the rank and score of WORD")
    p.add_argument("--restrict", type=int, metavar="N", help="search only the first N words")
    add_file_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    """Print the answers to the expression."""
    from embviz.core.analogy import query

    expr = leading_file(
        args, 'query takes [FILE] EXPR (quote the expression, e.g. "king - man + woman")'
    )
    emb = load_from_args(args)
    res = query(emb, expr, k=args.k, method=args.method, include_inputs=args.include_inputs,
                expected=args.expected, restrict_vocab=args.restrict)  # fmt: skip
    if args.json:
        print_json(res.to_json())
        return 0
    name = "3CosAdd" if res.method == "3cosadd" else "3CosMul"
    print(f"{res.expression}   ({name})")
    for w in res.from_subwords:
        print(f"{w}: {SUBWORD_NOTE}")
    if res.include_inputs:
        print("input words included")
    else:
        print(f"input words left out: {', '.join(res.inputs)} (--include-inputs to show them)")
    label = "cosine" if res.method == "3cosadd" else "score"
    print(f"{'word':<20} {label}")
    for w, s in res.results:
        print(f"{pad(w)} {s:.4f}")
    if res.expected is not None:
        e = res.expected
        rank = "input word, left out" if e.rank is None else f"rank {e.rank}"
        extra = "" if res.method == "3cosadd" else f"; cosine to the sum {e.cosine:.4f}"
        print(f"expected {e.word}: {rank}; rank {e.rank_with_inputs} with the inputs; "
              f"{label} {e.score:.4f}{extra}")  # fmt: skip
    return 0
