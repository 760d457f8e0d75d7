"""embviz's model: vectors, file formats and the maths on them. Never imports Qt."""

from embviz.core.default_data import default_path, load_default
from embviz.core.embeddings import Embeddings, Neighbor, Source
from embviz.core.errors import Cancelled, EmbvizError, LoadError, UnknownWordError
from embviz.core.formats import FORMATS, detect_format, load
from embviz.core.progress import Progress
from embviz.core.projection import Projection, pca

__all__ = [
    "FORMATS", "Cancelled", "Embeddings", "EmbvizError", "LoadError", "Neighbor", "Progress",
    "Projection", "Source", "UnknownWordError", "default_path", "detect_format", "load",
    "load_default", "pca",
]  # fmt: skip
