"""``embviz render [FILE] --out scene.png``: the 3D scene as an image or a turntable GIF."""

from __future__ import annotations

from embviz.cli._common import (
    add_file_argument,
    clear_progress_line,
    load_from_args,
    parse_size,
    terminal_progress,
)
from embviz.core.errors import EmbvizError


def register(sub) -> None:
    """Add the ``render`` subcommand."""
    p = sub.add_parser(
        "render", help="render the 3D view to a PNG (or an orbit to a GIF) without a window",
        description="Render the scene the window would show, with labels, to an image. "
        "Needs OpenGL on an X display; without $DISPLAY a private Xvfb is started if installed.",
    )  # fmt: skip
    add_file_argument(p)
    p.add_argument(
        "--out", required=True, help="output file: .png/.jpg, or .gif/.mp4 with --turntable"
    )
    p.add_argument(
        "--words", nargs="+", metavar="W", help="words to show (default: teaching words)"
    )
    p.add_argument("--projection", choices=("pca", "axes", "random", "raw", "tsne", "umap"),
                   help="the slice (default: pca, or axes when --axes is given); tsne and umap "
                   "are non-linear layouts, not slices (need: pip install embviz[projections])")  # fmt: skip
    p.add_argument("--axes", nargs="+", metavar="EXPR",
                   help='up to three axis expressions, e.g. "woman - man" "cats - cat" "king - man"')  # fmt: skip
    p.add_argument("--dims", nargs=3, type=int, metavar="D", help="raw slice: three dimensions")
    p.add_argument("--seed", type=int, default=0,
                   help="random slice, t-SNE or UMAP: which one (default 0)")  # fmt: skip
    p.add_argument("--select", metavar="WORD", help="select a word (highlights its neighbours)")
    p.add_argument("--size", default="1280x800", help="image size WxH (default 1280x800)")
    p.add_argument("--label-scale", type=float, default=1.0, help="label size, 1 = normal")
    p.add_argument("--turntable", type=int, metavar="N", help="render an N-frame orbit")
    p.set_defaults(func=run)


def _check_output(out: str, turntable: int | None) -> str:
    ext = out.rsplit(".", 1)[-1].lower() if "." in out else ""
    if turntable is None:
        if ext not in ("png", "jpg", "jpeg", "bmp"):
            raise EmbvizError(
                f"--out {out!r}: use a .png or .jpg file (or --turntable N with .gif)"
            )
    else:
        if turntable < 2 or turntable > 720:
            raise EmbvizError(f"--turntable needs 2 to 720 frames, got {turntable}")
        if ext not in ("gif", "mp4"):
            raise EmbvizError(f"--out {out!r}: a turntable is written as .gif (or .mp4)")
        if ext == "mp4":
            from embviz.gui.render import find_ffmpeg

            if find_ffmpeg() is None:
                raise EmbvizError(
                    "writing .mp4 needs ffmpeg (on the PATH, or pip install imageio-ffmpeg): "
                    "use .gif"
                )
    return ext


def build_workspace(args, emb):
    """A workspace showing what the arguments ask for."""
    from embviz.core.workspace import Workspace

    ws = Workspace()
    ws.set_embeddings(emb, args.words)
    if args.words and len(ws.shown_rows) == 0:
        emb.row(args.words[0])  # raises UnknownWordError with close spellings
    if len(ws.shown_rows) < 2:
        raise EmbvizError("show at least two known words to make a 3D picture")
    mode = args.projection or ("axes" if args.axes else "raw" if args.dims else "pca")
    if mode == "axes":
        exprs = list(args.axes or [])
        if not exprs or len(exprs) > 3:
            raise EmbvizError(
                '--projection axes needs one to three --axes, e.g. --axes "woman - man"'
            )
        ws.set_axes(exprs + [""] * (3 - len(exprs)))
    elif mode == "random":
        ws.set_projection("random", random_seed=args.seed)
    elif mode == "raw":
        ws.set_projection("raw", raw_dims=args.dims or (0, 1, 2))
    if args.select:
        ws.select(args.select)
    if mode in ("tsne", "umap"):
        # after the selection, so a sample of a large set keeps it and its neighbours
        try:
            ws.set_layout(ws.compute_layout(mode, seed=args.seed, progress=terminal_progress()))
        finally:
            clear_progress_line()
    return ws


def run(args) -> int:
    """Render the scene and write the file."""
    size = parse_size(args.size, "1280x800")
    ext = _check_output(args.out, args.turntable)
    from embviz.core.scene import SEED_MAX

    if not 0 <= args.seed <= SEED_MAX:
        raise EmbvizError(f"--seed must be 0 to {SEED_MAX}, got {args.seed}")
    if not 0.5 <= args.label_scale <= 4:
        raise EmbvizError(f"--label-scale must be between 0.5 and 4, got {args.label_scale:g}")
    emb = load_from_args(args)
    ws = build_workspace(args, emb)

    from embviz.gui import render

    render.ensure_display(max(1920, size[0]), max(1080, size[1]))
    view = render.make_view(ws, *size, label_scale=args.label_scale)
    try:
        if args.turntable is None:
            image = next(render.frames(view, 1))
            if not image.save(args.out):
                raise EmbvizError(f"could not write {args.out}")
        else:
            # a GIF frame every 60 ms (GIF time is in hundredths); video at 25 frames/s
            fps = 1000 / 60 if ext == "gif" else 25
            writer = render.AnimationWriter(args.out, fps, size, frames=args.turntable)
            try:
                for img in render.frames(view, args.turntable):
                    writer.add(render.to_pil(img))
                writer.finish()
            except BaseException:
                writer.abort()
                raise
    finally:
        view.close()
        view.deleteLater()
    what = ws.projection.kind if ws.projection else "nothing"
    if ws.layout is not None and ws.mode == ws.layout.kind and ws.layout.sampled:
        what += f" of a sample of {len(ws.layout.rows):,} of {ws.layout.of:,} words"
    frames = f", {args.turntable} frames" if args.turntable else ""
    print(f"wrote {args.out} ({size[0]}x{size[1]}, {len(ws.shown_rows)} words, {what}{frames})")
    return 0
