"""embviz: see word embeddings.

The Python API (no Qt needed)::

    import embviz
    emb = embviz.load("glove.6B.50d.txt")
    emb.neighbors("tower", k=10)
"""

from embviz.core import (
    FORMATS,
    Cancelled,
    Embeddings,
    EmbvizError,
    LoadError,
    Neighbor,
    Progress,
    UnknownWordError,
    default_path,
    load,
    load_default,
)
from embviz.core.posenc import positional_encoding

__version__ = "0.1.0"

__all__ = [
    "FORMATS", "Cancelled", "Embeddings", "EmbvizError", "LoadError", "Neighbor", "Progress",
    "UnknownWordError", "__version__", "default_path", "load", "load_default",
    "positional_encoding",
]  # fmt: skip
