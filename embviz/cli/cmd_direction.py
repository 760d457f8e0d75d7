"""``embviz direction [FILE] "cats - cat" WORD ...``: words along a direction in meaning."""

from __future__ import annotations

import argparse
import os

from embviz.cli._common import add_file_options, load_from_args, print_json


class _IntermixedParser(argparse.ArgumentParser):
    """Lets words follow options (``FILE --pairs gram8-plural one two``).

    Plain argparse stops filling a ``*`` positional at the first option.
    """

    _mixing = False

    def parse_known_args(self, args=None, namespace=None):
        if self._mixing:
            return super().parse_known_args(args, namespace)
        self._mixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._mixing = False


def register(sub) -> None:
    """Add the ``direction`` subcommand."""
    p = sub.add_parser(
        "direction",
        help="dot products of words with a direction such as 'cats - cat'",
        description="Score words along a direction: from an expression ('cats - cat') or, "
        "with --pairs, the mean difference over word pairs. Without words, scores the "
        "lesson's singular/plural nouns and the numbers one…ten. z is against random "
        "directions of the same norm (seeded).",
    )
    p.add_argument(
        "args", nargs="*", metavar="[FILE] [EXPR] WORD",
        help="optional vector file, the direction expression (omit with --pairs), then words",
    )  # fmt: skip
    p.add_argument(
        "--pairs", metavar="SECTION|FILE",
        help="average b - a over pairs: a questions-words.txt section (gram8-plural, family, "
        "gram7-past-tense, gram3-comparative, capital-common-countries) or a file of 'a b' lines",
    )  # fmt: skip
    p.add_argument(
        "--normalize", action="store_true", help="use the unit-length direction (v · d/|d|)"
    )
    p.add_argument("--cosine", action="store_true", help="report cosine similarity instead")
    p.add_argument(
        "--baseline", choices=("gaussian", "word-pairs"), default="gaussian",
        help="random directions for the z-scores (default: gaussian)",
    )  # fmt: skip
    add_file_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)
    p.__class__ = _IntermixedParser


def run(args) -> int:
    """Print the words' dot products with the direction."""
    from embviz.core import directions as dirs
    from embviz.core.errors import EmbvizError

    rest = list(args.args)
    args.file = rest.pop(0) if rest and os.path.isfile(rest[0]) else None
    if args.pairs is None and not rest:
        raise EmbvizError('give a direction such as "cats - cat" (or --pairs SECTION|FILE)')
    emb = load_from_args(args)
    if args.pairs is not None:
        pairs, source = dirs.load_pairs(args.pairs)
        direction = dirs.from_pairs(emb, pairs, label=f"mean of {source} pairs")
    else:
        direction = dirs.from_expression(emb, rest.pop(0))
    if rest:
        groups = {"words": rest}
    else:
        groups = dirs.PRESETS["plurality (cats − cat)"].groups
    measure = "cosine" if args.cosine else "unit" if args.normalize else "dot"
    scores, missing = dirs.score(emb, direction, groups, measure=measure, baseline=args.baseline)
    key = {"dot": "dot", "unit": "dot", "cosine": "cosine"}[measure]
    if args.json:
        print_json(
            {
                "direction": direction.label,
                "norm": direction.norm,
                "pairs": len(direction.pairs) or None,
                "measure": dirs.MEASURES[measure].format(label=direction.label),
                "results": [
                    {"word": s.word, "group": s.group, key: s.value, "z": s.z} for s in scores
                ],
                "missing": missing,
            }
        )
        return 0
    print(f"direction: {direction.label}  (norm {direction.norm:.3f})")
    if direction.missing:
        print("skipped pairs with words not in the vocabulary: " + ", ".join(direction.missing))
    print(
        f"{'word':<16} {'group':<10} {key + (' (unit d)' if measure == 'unit' else ''):>14} {'z':>7}"
    )
    for s in scores:
        print(f"{s.word:<16} {s.group:<10} {s.value:>14.4f} {s.z:>7.2f}")
    if missing:
        print("not in the vocabulary: " + ", ".join(missing))
    return 0
