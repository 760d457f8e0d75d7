"""embviz: see word embeddings.

The Python API (no Qt needed)::

    import embviz
    emb = embviz.load("glove.6B.50d.txt")
    emb.neighbors("tower", k=10)
"""

import os

# OpenBLAS's threads fight our own worker threads (and the GL renderer) for
# the cores: on 2 cores a 5000×50 PCA took 450 ms with them and 25 ms without.
# The matrices embviz multiplies are small enough that one thread is faster.
# Set before numpy is first imported; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
# polars (the text loaders' parser) allocates with jemalloc, which by default
# keeps freed pages for 10 s: a load's short-lived blocks then pile up in the
# process' memory. Returning them after 100 ms lowers a 400k-word GloVe load's
# peak by ~10 MB at no measurable cost in speed. Read when polars loads.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:100,muzzy_decay_ms:0")

from embviz.core import (  # after the thread setting above
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
