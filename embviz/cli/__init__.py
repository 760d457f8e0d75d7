"""The ``embviz`` command: the GUI by default, subcommands for headless work.

Each subcommand lives in its own module ``embviz/cli/cmd_<name>.py`` exposing
``register(subparsers)``; modules are discovered, so adding a command is adding
a file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from embviz.cli._common import fail

__all__ = ["gui_main", "main"]


def _command_modules():
    import embviz.cli as pkg

    names = sorted(m.name for m in pkgutil.iter_modules(pkg.__path__) if m.name.startswith("cmd_"))
    return [importlib.import_module(f"embviz.cli.{n}") for n in names]


def build_parser() -> tuple[argparse.ArgumentParser, list[str]]:
    """Return the subcommand parser and the list of subcommand names."""
    from embviz import __version__

    parser = argparse.ArgumentParser(
        prog="embviz",
        description="See word embeddings. With no command, opens the window on FILE "
        "(default: the embedded GloVe vectors).",
    )
    parser.add_argument("--version", action="version", version=f"embviz {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    before = set(sub.choices)
    for mod in _command_modules():
        mod.register(sub)
    return parser, sorted(set(sub.choices) - before)


def _gui_parser() -> argparse.ArgumentParser:
    from embviz import __version__

    p = argparse.ArgumentParser(
        prog="embviz",
        description="Open the embviz window. Commands for headless work: "
        "run 'embviz --help-commands'.",
    )
    p.add_argument("file", nargs="?", help="vector file to open (default: embedded GloVe)")
    p.add_argument("--format", help="file format (detected from the content if omitted)")
    p.add_argument("--fullscreen", action="store_true", help="start in full screen")
    p.add_argument("--scene", metavar="SCENE.json", help="open a saved scene (or scene list)")
    p.add_argument("--train", action="store_true",
                   help="show the Train panel and start training on the teaching corpus")  # fmt: skip
    p.add_argument("--lang", metavar="LANG", choices=("zh_CN", "en"),
                   help="interface language: zh_CN (简体中文) or en (default: the one chosen in "
                   "View → Language, else the system's)")  # fmt: skip
    p.add_argument("--version", action="version", version=f"embviz {__version__}")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, commands = build_parser()
    if argv and (argv[0] in commands or argv[0] in ("-h", "--help", "--help-commands")):
        if argv[0] == "--help-commands":
            argv[0] = "--help"
        args = parser.parse_args(argv)
        try:
            return int(args.func(args) or 0)
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            return 0
        except Exception as e:
            return fail(e)
    if argv and argv[0] == "--version":
        parser.parse_args(argv)
    args = _gui_parser().parse_args(argv)
    return gui_main(args)


def gui_main(args: argparse.Namespace | None = None) -> int:
    """Start the window (the entry point of the ``embviz-gui`` script)."""
    if args is None:
        args = _gui_parser().parse_args(sys.argv[1:])
    from embviz.core.errors import EmbvizError

    try:
        from embviz.gui.app import run

        return run(path=args.file, format=args.format, fullscreen=args.fullscreen,
                   scene=args.scene, train=args.train, lang=getattr(args, "lang", None))  # fmt: skip
    except EmbvizError as e:
        return fail(e)
