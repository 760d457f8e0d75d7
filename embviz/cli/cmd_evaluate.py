"""``embviz evaluate [FILE]``: analogy accuracy and word-pair correlations, as gensim computes them."""

from __future__ import annotations

from embviz.cli._common import (
    add_file_argument,
    clear_progress_line,
    load_from_args,
    print_json,
    terminal_progress,
)


def register(sub) -> None:
    """Add the ``evaluate`` subcommand."""
    p = sub.add_parser(
        "evaluate",
        help="run the analogy test set and word-pair similarity sets (gensim's numbers, faster)",
    )
    add_file_argument(p)
    p.add_argument("--analogies", metavar="PATH",
                   help="analogy questions in questions-words.txt format (default: gensim's copy)")  # fmt: skip
    p.add_argument("--no-analogies", action="store_true", help="run only the word-pair sets")
    p.add_argument("--pairs", metavar="PATH", nargs="+",
                   help="word-pair files 'w1<TAB>w2<TAB>score' (default: gensim's wordsim353.tsv "
                   "and simlex999.txt)")  # fmt: skip
    p.add_argument("--restrict", type=int, default=300_000, metavar="N",
                   help="only the first N words count (default 300000, as gensim)")  # fmt: skip
    p.add_argument("--case-sensitive", action="store_true",
                   help="compare words as written (default: case-insensitive, as gensim)")  # fmt: skip
    p.add_argument("--method", choices=("3cosadd", "3cosmul"), default="3cosadd",
                   help="how analogies are answered (gensim uses 3cosadd)")  # fmt: skip
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    """Print per-section accuracy and pair correlations."""
    from embviz.core.evaluation import evaluate

    emb = load_from_args(args)
    report = evaluate(
        emb, args.analogies, args.pairs, restrict_vocab=args.restrict,
        case_insensitive=not args.case_sensitive, method=args.method,
        run_analogies=not args.no_analogies, progress=terminal_progress(),
    )  # fmt: skip
    clear_progress_line()
    if args.json:
        print_json(report.to_json())
        return 0
    a = report.analogies
    if a is not None:
        print(f"analogies: {a.path}  ({a.method}, first {a.restrict_vocab:,} words)")
        print(f"{'section':<30} {'correct':>8} {'total':>7} {'accuracy':>9}")
        for s in a.sections:
            print(f"{s.name:<30} {len(s.correct):>8} {s.total:>7} {100 * s.accuracy:>8.1f}%")
        print(f"{'Total accuracy':<30} {a.correct:>8} {a.correct + a.incorrect:>7} "
              f"{100 * a.accuracy:>8.1f}%")  # fmt: skip
        print(f"questions with unknown words: {a.oov_ratio:.1f}% (skipped)")
    for p in report.pairs:
        if p.problem:
            print(f"{p.name}: no correlation: {p.problem.split(': ', 1)[-1]}")
            continue
        print(f"{p.name}: Pearson {p.pearson:.4f}  Spearman {p.spearman:.4f}  "
              f"({p.pairs} pairs, {p.oov_ratio:.1f}% with unknown words)")  # fmt: skip
    return 0
