"""Screenshot every panel at the sizes people use, in both themes, plus the guided tour.

Run it under a display big enough for the largest size, e.g.::

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/gallery.py OUT_DIR

It writes ``OUT_DIR/<width>x<height>-<theme>-<panel>[-<tab>].png`` for every
panel (and every tab of a panel with tabs) at 1280×800 and 1920×1080, and
``OUT_DIR/tour-<step>.png`` for the six steps of the guided tour. The Context
panel runs its bank preset first, follows the river bank and the money bank, and
is also shot at layer 0 (``static``) and at the last layer
(``…-context-layer0.png``, ``…-context-layer6.png``). ``--panel NAME`` shoots
only some panels. The Compare panel is shown with a real comparison (GloVe
against word2vec trained on the teaching corpus) and a word selected. The
settings live in a temporary directory: the user's own are neither read nor
changed. ``--readme`` also writes the README's pictures into ``docs/``.
``--lang zh_CN`` shoots the Chinese interface (the tour then at every size and
theme, as ``<width>x<height>-<theme>-tour-<step>.png``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

SIZES = ((1280, 800), (1920, 1080))
THEMES = ("dark", "light")


def _settle(app, rounds: int = 6) -> None:
    from PySide6.QtCore import QEventLoop

    for _ in range(rounds):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def grab(win):
    """The window as the screen shows it (labels painted over OpenGL included)."""
    win.move(0, 0)
    return win.screen().grabWindow(win.winId())


def _inner_tabs(panel):
    """The panel's own tab widgets (Query / Evaluate, Heatmap / Waves …), outermost first."""
    from PySide6.QtWidgets import QTabWidget

    return [t for t in panel.findChildren(QTabWidget) if t.isVisibleTo(panel)][:1]


def _slug(text: str) -> str:
    keep = "".join(c if c.isalnum() else "-" for c in text.lower().replace("&", ""))
    return "-".join(p for p in keep.split("-") if p)


def prepare_context(win, app, timeout: float = 120.0) -> None:
    """Run the Context panel's bank preset and follow the river bank and the money bank."""
    panel = win.panels["context"]
    panel.use_preset(0)  # bank: river vs money
    deadline = time.monotonic() + timeout
    while panel.model.result is None and time.monotonic() < deadline:
        _settle(app, 1)
    if panel.model.result is None:  # no model installed: the panel's message is shot instead
        print(f"gallery: the Context panel did not run: {panel.status.text()}", file=sys.stderr)
        return
    if panel.playback.playing:
        panel.playback.toggle()
    banks = panel.model.result.states.occurrences("bank")
    panel.model.select([banks[0], banks[-1]])  # sentence 1 (river) and 3 (money)


def shoot_context_layers(win, app, out: Path, size: tuple[int, int], theme: str) -> list[Path]:
    """The Context panel at ``static`` (layer 0) and at the last layer, cosine tab in front."""
    panel = win.panels["context"]
    win.show_panel("context")
    panel.tabs.setCurrentIndex(1)
    written = []
    last = panel.playback.length - 1
    for layer, tag in ((0, "layer0"), (last, f"layer{last - 1}")):
        panel.playback.scrub(layer)
        _settle(app, 10)
        path = out / f"{size[0]}x{size[1]}-{theme}-context-{tag}.png"
        grab(win).save(str(path))
        written.append(path)
    panel.tabs.setCurrentIndex(0)
    return written


def shoot_panels(win, app, out: Path, size: tuple[int, int], theme: str,
                 only: list[str] | None = None) -> list[Path]:  # fmt: skip
    """Show every panel (and each of its tabs) at ``size`` in ``theme``; save a PNG of each."""
    win.resize(*size)
    win.set_theme(theme)
    _settle(app)
    written = []
    for name in win.docks:
        if only and name not in only:
            continue
        if name == "context" and win.panels["context"].model.result is not None:
            written += shoot_context_layers(win, app, out, size, theme)
        win.show_panel(name)
        _settle(app)
        panel = win.panels[name]
        tabs = _inner_tabs(panel)
        pages = range(tabs[0].count()) if tabs else [None]
        for page in pages:
            suffix = ""
            if page is not None:
                tabs[0].setCurrentIndex(page)
                suffix = "-" + _slug(tabs[0].tabText(page))
                _settle(app)
            path = out / f"{size[0]}x{size[1]}-{theme}-{name}{suffix}.png"
            grab(win).save(str(path))
            written.append(path)
        if tabs:
            tabs[0].setCurrentIndex(0)
    return written


def prepare_compare(win, app, tmp: str, word: str | None = None) -> None:
    """Give the Compare panel two real spaces, a finished comparison and a selected word.

    Space B is word2vec trained on the shipped teaching corpus (fixed seed, a
    few epochs), saved as a text file and opened through the panel as a user
    would; A is the embedded GloVe subset the window has open.
    """
    from embviz.core.corpus import Corpus, shipped_corpus_path
    from embviz.core.training import TrainParams, save_vectors, train_word2vec

    if "compare" not in win.panels:
        return
    snaps = list(train_word2vec(Corpus(shipped_corpus_path("en")),
                                TrainParams(epochs=5, workers=1, seed=1)))  # fmt: skip
    path = save_vectors(snaps[-1].model, Path(tmp) / "teaching-word2vec.txt")
    panel = win.panels["compare"]
    panel.open_b(str(path)).wait(60000)
    _settle(app)
    panel.run().wait(120000)
    _settle(app)
    rows = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    if word not in rows:  # the least moved words share neighbours: the marks show
        panel.list_choice.setCurrentIndex(1)
        rows = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    if rows:
        panel.table.selectRow(rows.index(word) if word in rows else 0)
    _settle(app, 20)  # the camera flies to the word


def shoot_tour(win, app, out: Path, size=(1280, 800), theme="dark", prefix="") -> list[Path]:
    """The six steps of the guided tour, as a new user sees them."""
    from embviz.gui.tour import STEPS

    win.resize(*size)
    win.set_theme(theme)
    win.tour.start()
    _settle(app)
    written = []
    for i in range(len(STEPS)):
        win.tour.go(i)
        _settle(app, 10)
        path = out / f"{prefix}tour-{i + 1}.png"
        grab(win).save(str(path))
        written.append(path)
    win.tour.finish()
    _settle(app)
    return written


def shoot_readme(win, app, docs: Path) -> list[Path]:
    """The README's pictures, at 1280×800 in the dark theme."""
    win.tour.finish()
    win.resize(1280, 800)
    win.set_theme("dark")
    ws = win.workspace
    shots = []

    def save(name: str) -> None:
        _settle(app, 10)
        path = docs / name
        grab(win).save(str(path))
        shots.append(path)

    for name in list(ws.overlays):  # arrows left by the tour
        ws.set_overlay(name, None)
    ws.set_projection("pca")
    ws.show_words(None)
    ws.select("king")
    win.show_panel("search")
    save("screenshot.png")
    slice_panel = win.panels["slice"]
    win.show_panel("slice")
    exprs = ["woman - man", "cats - cat", "king - man"]
    for edit, e in zip(slice_panel.axis_edits, exprs, strict=True):
        edit.setText(e)
    slice_panel.mode.setCurrentIndex(2)  # semantic axes: the panel shows the three fields
    slice_panel.apply_axes()
    save("slice-axes.png")
    analogy = win.panels["analogy"]
    win.show_panel("analogy")
    analogy.expr.setText("king - man + woman")
    analogy.run_query()
    save("analogy.png")
    directions = win.panels["directions"]
    win.show_panel("directions")
    directions.use_preset(0)
    save("directions.png")
    if "compare" in win.panels:  # prepared in main(): GloVe against the teaching word2vec
        win.show_panel("compare")
        save("compare.png")
    from embviz.gui.training.parts import float_dock

    train = win.panels["train"]
    win.show_panel("train")
    train.epochs.setValue(2)
    train.start()
    deadline = time.monotonic() + 300
    while (train.is_running() or train.session.model is None) and time.monotonic() < deadline:
        _settle(app)
    while train.playback.t < len(train.session.snapshots) - 1 and time.monotonic() < deadline:
        _settle(app)  # playback reaches the last snapshot
    train.tabs.setCurrentIndex(1)  # the cosine of the pairs
    float_dock(train)  # floated as a large window, as a teacher shows it
    dock = win.docks["train"]
    dock.move(0, 0)
    _settle(app, 20)
    path = docs / "training.png"
    dock.screen().grabWindow(dock.winId()).save(str(path))
    shots.append(path)
    float_dock(train)  # docked again
    return [*shots, shoot_context_readme(win, app, docs)]


def shoot_context_readme(win, app, docs: Path) -> Path:
    """The README's Context picture: the panel enlarged, the two banks at layer 6."""
    from embviz.gui.training.parts import float_dock

    win.set_theme("dark")
    panel = win.panels["context"]
    if panel.model.result is None:
        prepare_context(win, app)
    win.show_panel("context")
    panel.tabs.setCurrentIndex(1)  # the cosine per layer
    float_dock(panel)
    dock = win.docks["context"]
    dock.resize(1280, 800)
    dock.move(0, 0)
    _settle(app, 10)
    panel.playback.scrub(panel.playback.length - 1)
    _settle(app, 20)
    path = docs / "context.png"
    dock.screen().grabWindow(dock.winId()).save(str(path))
    float_dock(panel)  # docked again
    panel.tabs.setCurrentIndex(0)
    _settle(app)
    return path


def main(argv: list[str] | None = None) -> int:
    """Write the gallery; print each file written."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files (created)")
    parser.add_argument("--readme", action="store_true", help="also write docs/*.png")
    parser.add_argument("--readme-context", action="store_true",
                        help="also write docs/context.png (the Context panel's README picture)")  # fmt: skip
    parser.add_argument("--no-tour", action="store_true", help="panels only")
    parser.add_argument("--panel", action="append", metavar="NAME",
                        help="only this panel (repeatable), e.g. context")  # fmt: skip
    parser.add_argument("--compare-word", default="queen",
                        help="the word selected in the Compare panel (if in its table)")  # fmt: skip
    parser.add_argument("--size", action="append", metavar="WxH[@SCALE]",
                        help="instead of 1280x800 and 1920x1080, e.g. 3840x2160@2 "
                             "(text scale 2; the X screen must be that large)")  # fmt: skip
    parser.add_argument("--lang", choices=("en", "zh_CN"), default="en",
                        help="interface language (default: en)")  # fmt: skip
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # a fresh profile, as a new user has
        os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        import embviz.gui  # noqa: F401 - GL context sharing before the app exists
        from embviz.gui.main_window import MainWindow

        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tmp)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        from embviz.gui import i18n
        from embviz.gui.fonts import with_cjk_fallback

        # as embviz.gui.app.run does: translators before the window, then the fonts
        i18n.install(args.lang, app)
        font = with_cjk_fallback(app.font())
        app.setFont(i18n.cjk_first(font) if args.lang == "zh_CN" else font)
        win = MainWindow()
        win.show()
        job = win.open_path(None)
        job.wait()
        _settle(app, 20)
        if not args.panel or "compare" in args.panel:
            prepare_compare(win, app, tmp, args.compare_word)
        written = []
        if not args.panel or "context" in args.panel:
            prepare_context(win, app)
        for text in args.size or [f"{w}x{h}" for w, h in SIZES]:
            dims, _, scale = text.partition("@")
            size = tuple(int(v) for v in dims.split("x"))
            win.set_text_scale(float(scale or 1))
            for theme in THEMES:
                written += shoot_panels(win, app, args.out, size, theme, args.panel)
        win.set_text_scale(1.0)
        if not args.no_tour and args.lang != "en":
            for text in args.size or [f"{w}x{h}" for w, h in SIZES]:
                size = tuple(int(v) for v in text.partition("@")[0].split("x"))
                for theme in THEMES:
                    prefix = f"{size[0]}x{size[1]}-{theme}-"
                    written += shoot_tour(win, app, args.out, size, theme, prefix)
        elif not args.no_tour:
            written += shoot_tour(win, app, args.out)
        docs = Path(__file__).resolve().parent.parent / "docs"
        if args.readme:
            written += shoot_readme(win, app, docs)
        elif args.readme_context:
            written.append(shoot_context_readme(win, app, docs))
        win._confirm_discard_training = lambda: True  # the gallery's trained vectors go
        win.close()
        for p in written:
            print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
