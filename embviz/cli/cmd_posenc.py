"""``embviz posenc --d-model D --length L --out FILE.png``: a positional-encoding heatmap, headless.

The colour range is symmetric; for a heavy-tailed matrix (a learned one, where
one entry can be 30 times the rest) it is a high percentile of ``|x|`` and the
output says how much it clips (``--clip-percentile 100``: the maximum).
"""

from __future__ import annotations

import os
from pathlib import Path

IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".bmp")


def register(sub) -> None:
    """Add the ``posenc`` subcommand."""
    p = sub.add_parser(
        "posenc",
        help="render a positional-encoding heatmap to an image",
        description="Render the sinusoidal positional encoding (positions × dimensions), or "
        "with --similarity the position similarity PE·PEᵀ (dot product, or cosine of the "
        "normalised rows), to an image without a window.",
    )
    p.add_argument("--d-model", type=int, default=128, help="dimensions (default 128)")
    p.add_argument("--length", type=int, default=100, help="positions (default 100)")
    p.add_argument("--base", type=float, default=10000.0, help="wavelength base (default 10000)")
    p.add_argument("--layout", choices=("interleaved", "concatenated"), default="interleaved",
                   help="interleaved = the paper's sin/cos in even/odd dims; concatenated = "
                   "all sines then all cosines")  # fmt: skip
    p.add_argument("--similarity", nargs="?", const="dot", choices=("dot", "cosine"),
                   help="draw PE·PEᵀ instead: dot (the default when given alone) or cosine "
                   "(rows normalised first, so one huge entry cannot drown the rest)")  # fmt: skip
    p.add_argument("--clip-percentile", type=float, default=99.5, metavar="P",
                   help="for a heavy-tailed matrix, end the colour range at this percentile "
                   "of |value| (default 99.5; 100 = the largest value, never clip)")  # fmt: skip
    p.add_argument("--learned", metavar="FILE",
                   help="draw a learned position matrix (.npy or .safetensors) instead")  # fmt: skip
    p.add_argument("--size", default="1000x700", metavar="WxH", help="image size in pixels")
    p.add_argument("--out", required=True, metavar="FILE.png", help="image file to write")
    p.set_defaults(func=run)


def run(args) -> int:
    """Compute the matrix, then draw it with the GUI's heatmap on an offscreen surface."""
    from embviz.cli._common import parse_size
    from embviz.core import posenc as P
    from embviz.core.errors import EmbvizError

    out = Path(args.out)
    if out.suffix.lower() not in IMAGE_TYPES:
        raise EmbvizError(f"--out must end in one of {', '.join(IMAGE_TYPES)}, got '{out.name}'")
    if not out.parent.exists():
        raise EmbvizError(f"{out.parent}: no such directory")
    size = parse_size(args.size, "1000x700", smallest=150, largest=8000)
    # All checks and maths happen before Qt starts, so bad input fails fast.
    if args.learned:
        pe, name = P.load_position_matrix(args.learned)
        what = f"learned {name} ({pe.shape[0]} × {pe.shape[1]})"
    else:
        pe = P.positional_encoding(args.length, args.d_model, args.base, args.layout)
        what = f"sinusoidal PE ({args.length} × {args.d_model}, base {args.base:g}, {args.layout})"
    if args.similarity:
        name = "PE · PEᵀ" if args.similarity == "dot" else "cosine(PE, PE)"
        matrix, title, x_label = P.similarity(pe, args.similarity), f"{name} of {what}", "position"
    else:
        matrix, title, x_label = pe, what, "dimension"
    colours = P.colour_range(matrix, args.clip_percentile)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    import embviz.gui  # noqa: F401  (PySide6 before pyqtgraph)
    from embviz.gui.heatmap import Heatmap

    app = QApplication.instance() or QApplication([])
    view = Heatmap()
    view.resize(*size)
    view.set_matrix(matrix, x_label=x_label, title=title, percentile=args.clip_percentile)
    view.show()
    app.processEvents()
    ok = view.grab().save(str(out))
    view.close()
    view.deleteLater()
    if not ok:
        raise EmbvizError(f"{out}: could not write the image")
    print(f"wrote {out} ({size[0]}×{size[1]}): {title}")
    print(colours.describe())
    return 0
