"""``embviz info [FILE] [--json]``: format, size and load time of a vector file."""

from __future__ import annotations

from embviz.cli._common import add_file_argument, load_from_args, print_json


def register(sub) -> None:
    """Add the ``info`` subcommand."""
    p = sub.add_parser("info", help="print format, word count, dimension and load time")
    add_file_argument(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    """Print what the file holds."""
    emb = load_from_args(args)
    src = emb.source
    info = {
        "path": src.path,
        "format": src.format,
        "count": len(emb),
        "dim": emb.dim,
        "seconds": round(src.seconds or 0.0, 4),
    }
    info.update(src.details)
    if args.json:
        print_json(info)
    else:
        print(f"file:    {src.path}")
        print(f"format:  {src.format}")
        print(f"words:   {len(emb):,}")
        print(f"dims:    {emb.dim}")
        print(f"loaded in {info['seconds']:.3f} s")
        for k, v in src.details.items():
            print(f"{k.replace('_', ' ')}: {v}")
    return 0
