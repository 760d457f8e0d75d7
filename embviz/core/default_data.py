"""The embedded default vectors that ship with embviz (GloVe 6B 50d, top 50k words)."""

from __future__ import annotations

import sys
from pathlib import Path

from embviz.core.embeddings import Embeddings, Source
from embviz.core.errors import EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP

DEFAULT_NAME = "glove-6b-50d-top50k"
# (the GUI shows it translated; code recognises the default data by this English text)
DEFAULT_LABEL = QT_TRANSLATE_NOOP("FileOpener", "GloVe 6B 50d, top 50k words (embedded default)")


def resources_dir() -> Path:
    """Return the folder holding embviz's shipped data.

    Looks inside the installed package (wheels put ``resources/`` there), in a
    frozen app's bundle, then at the source tree's top-level ``resources/``.
    """
    here = Path(__file__).resolve().parent.parent  # embviz/
    candidates = [here / "_resources", here.parent / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    for c in candidates:
        if (c / f"{DEFAULT_NAME}.npy").exists():
            return c
    raise EmbvizError(
        "embviz's embedded data is missing (looked in "
        + ", ".join(str(c) for c in candidates)
        + "); reinstall embviz"
    )


def default_path() -> Path:
    """Return the path of the embedded default matrix (``.npy``; vocabulary beside it)."""
    return resources_dir() / f"{DEFAULT_NAME}.npy"


def load_default(limit: int | None = None) -> Embeddings:
    """Load the embedded default vectors as float32."""
    from embviz.core.formats import load

    emb = load(default_path(), format="npy", limit=limit)
    emb.source = Source(
        path=emb.source.path, format="npy", label=DEFAULT_LABEL, seconds=emb.source.seconds
    )
    return emb
