"""Where the contextual model lives, and opening a BERT-family model folder.

A model folder holds ``config.json``, ``model.safetensors`` and the
tokenizer's ``tokenizer.json`` (or, from older checkpoints, only
``vocab.txt``). ``packaging/fetch_minilm.py`` (run by ``scripts/setup``)
installs MiniLM-L6 into :func:`default_model_dir`; nothing is ever downloaded
at run time.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from embviz.core.errors import EmbvizError, LoadError
from embviz.core.i18n import translate

DEFAULT_MODEL = "minilm-l6"
SOURCE_FILE = "embviz-source.json"
"""Written by the fetch script beside the model: its name, package and digests."""

REQUIRED = ("config.json", "model.safetensors")
TOKENIZER_FILES = ("tokenizer.json", "vocab.txt")
ENV_VAR = "EMBVIZ_CONTEXT_MODEL"
"""A model folder to use instead of the installed default."""


class ModelNotFoundError(EmbvizError):
    """No contextual model is installed, or a folder is not a model folder."""


def default_model_dir() -> Path:
    """The per-user folder the fetch script installs MiniLM-L6 into.

    ``~/.local/share/embviz/models/minilm-l6`` on Linux (platformdirs' user
    data directory), shared by every checkout and virtual environment.
    """
    import platformdirs

    return Path(platformdirs.user_data_dir("embviz", appauthor=False)) / "models" / DEFAULT_MODEL


def candidate_dirs() -> list[Path]:
    """Where :func:`find_model` looks, in order.

    ``$EMBVIZ_CONTEXT_MODEL``, the per-user folder, then ``share/embviz/models``
    inside the running Python's prefix (a virtual environment, or the
    ``--dest`` a packager chose) and inside a frozen app's bundle.
    """
    dirs = []
    if os.environ.get(ENV_VAR):
        dirs.append(Path(os.environ[ENV_VAR]))
    dirs.append(default_model_dir())
    dirs.append(Path(sys.prefix) / "share" / "embviz" / "models" / DEFAULT_MODEL)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # a frozen app that carries the model as data "models/minilm-l6"
        dirs.append(Path(bundle) / "models" / DEFAULT_MODEL)
    return dirs


def check_model_dir(path: str | os.PathLike) -> Path:
    """Return ``path`` if it is a BERT-family model folder; say what is missing otherwise.

    Raises
    ------
    ModelNotFoundError
        When the folder does not exist or lacks ``config.json``,
        ``model.safetensors`` or a tokenizer file.
    """
    p = Path(path)
    if not p.is_dir():
        raise ModelNotFoundError((translate("Errors", "{path}: no such model folder")
                                  if not p.exists() else
                                  translate("Errors", "{path}: is a file; --model takes the folder "
                                            "holding config.json and model.safetensors")
                                  ).format(path=p))  # fmt: skip
    missing = [n for n in REQUIRED if not (p / n).is_file()]
    if not any((p / n).is_file() for n in TOKENIZER_FILES):
        missing.append(
            translate("Errors", "{first} or {second}").format(
                first=TOKENIZER_FILES[0], second=TOKENIZER_FILES[1]
            )
        )
    if missing:
        raise ModelNotFoundError(
            translate("Errors", "{path}: not a BERT model folder (missing {names})").format(
                path=p, names=", ".join(missing)
            )
        )
    return p


def find_model(path: str | os.PathLike | None = None) -> Path:
    """The model folder to use: ``path`` if given, else the first installed one.

    Raises
    ------
    ModelNotFoundError
        When ``path`` is not a model folder, or none is given and no model is
        installed (the message says how to install one).
    """
    if path is not None:
        return check_model_dir(path)
    for d in candidate_dirs():
        try:
            return check_model_dir(d)
        except ModelNotFoundError:
            continue
    raise ModelNotFoundError(
        translate(
            "Errors",
            "no contextual model is installed (looked in {folder}); "
            "run scripts/setup or 'python packaging/fetch_minilm.py', or pass --model DIR "
            "(a BERT folder with config.json, model.safetensors and tokenizer.json or vocab.txt)",
        ).format(folder=default_model_dir())
    )


def model_name(path: Path) -> str:
    """A name for the model: the fetch script's record of it, else the folder's name."""
    try:
        src = json.loads((path / SOURCE_FILE).read_text(encoding="utf-8"))
        return str(src["name"])
    except (OSError, ValueError, KeyError, TypeError):
        return path.resolve().name


def read_json(path: Path, limit: int = 1 << 20) -> dict:
    """A small JSON object file, or ``{}`` when absent.

    Raises
    ------
    LoadError
        When the file is larger than ``limit`` bytes or is not a JSON object.
    """
    if not path.is_file():
        return {}
    try:
        if path.stat().st_size > limit:
            raise LoadError(
                path,
                translate("Errors", "implausibly large (over {limit:,} bytes)").format(limit=limit),
            )
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError) as e:
        raise LoadError(
            path, translate("Errors", "not readable JSON: {error}").format(error=e)
        ) from None
    if not isinstance(obj, dict):
        raise LoadError(path, translate("Errors", "not a JSON object"))
    return obj
