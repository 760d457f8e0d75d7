"""``embviz convert IN OUT [--to FORMAT]``: rewrite a vector file in another format."""

from __future__ import annotations

from pathlib import Path

from embviz.cli._common import add_file_options, load_from_args, print_json

_BY_SUFFIX = {
    ".bin": "word2vec-binary",
    ".tsv": "tsv",
    ".npy": "npy",
    ".npz": "npz",
    ".vec": "word2vec",
}


def register(sub) -> None:
    """Add the ``convert`` subcommand."""
    from embviz.core.formats import WRITE_FORMATS

    p = sub.add_parser(
        "convert",
        help="convert a vector file (e.g. GloVe -> word2vec binary, any -> projector TSV)",
    )
    p.add_argument("file", metavar="IN", help="vector file to read (any readable format)")
    p.add_argument("out", metavar="OUT",
                   help="file to write (replaced whole once written; never IN or a file read "
                        "with it, such as its vocabulary)")  # fmt: skip
    p.add_argument("--to", choices=WRITE_FORMATS,
                   help="output format (default: from OUT's suffix: .bin word2vec-binary, "
                        ".tsv tsv, .npy npy, otherwise word2vec text)")  # fmt: skip
    add_file_options(p)
    p.add_argument("--json", action="store_true", help="print what was written as JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    """Read IN, write OUT."""
    from embviz.core.formats import check_not_input, save

    out = Path(args.out)
    fmt = args.to or _BY_SUFFIX.get(out.suffix.lower(), "word2vec")
    if args.file is not None:  # before a long load; save() checks the side files too
        check_not_input(out, fmt, Path(args.file), None)
    emb = load_from_args(args)
    written = save(emb, out, format=fmt)
    info = {"in": args.file, "in_format": emb.source.format, "out": [str(p) for p in written],
            "format": fmt, "count": len(emb), "dim": emb.dim}  # fmt: skip
    if args.json:
        print_json(info)
    else:
        print(f"wrote {len(emb):,} vectors × {emb.dim} dims as {fmt}: {', '.join(info['out'])}")
    return 0
