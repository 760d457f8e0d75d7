"""Formats read through gensim: fastText ``.bin`` and gensim's own pickles."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from embviz.core.errors import LoadError
from embviz.core.formats._errors import UntrustedFileError
from embviz.core.i18n import translate
from embviz.core.progress import NULL_PROGRESS, Progress


def load_fasttext(path: str | Path, *, progress: Progress = NULL_PROGRESS,
                  check_memory: bool = True):  # fmt: skip
    """Return gensim's ``FastTextKeyedVectors`` for a fastText ``.bin``.

    Use it for out-of-vocabulary words, which fastText builds from character
    n-grams: ``load_fasttext(p)["unseenword"]``. The file's structure is
    checked first (cancellable through ``progress``): gensim loops forever on
    some damaged files and allocates whatever a header claims.
    """
    from embviz.core.formats._fasttext import check_fasttext

    check_fasttext(Path(path), progress, check_memory=check_memory)
    from gensim.models.fasttext import load_facebook_vectors  # after the check: a slow import

    try:
        return load_facebook_vectors(str(path))
    except Exception as e:  # gensim raises many types on damaged files
        _collect_leaked_files()
        raise LoadError(
            path,
            translate("Errors", "not a readable fastText .bin: {kind}: {error}").format(
                kind=type(e).__name__, error=e
            ),
        ) from None


class FastTextSubwords:
    """Vectors for out-of-vocabulary words from a fastText ``.bin``'s character n-grams.

    The n-gram matrix (often gigabytes) is read only when the first
    out-of-vocabulary word is asked for, so opening the vocabulary stays as
    fast as before (and is served from the cache). Vectors are gensim's
    ``FastTextKeyedVectors[word]``: the mean of the word's n-gram vectors.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._kv = None
        self._lock = threading.Lock()

    def vector(self, word: str) -> np.ndarray | None:
        """The word's vector, or ``None`` when the model has no n-grams for it."""
        with self._lock:  # the GUI may ask from a worker and from the main thread
            if self._kv is None:
                self._kv = load_fasttext(self.path)
            kv = self._kv
        if not getattr(kv, "bucket", 0):
            return None
        try:
            return np.asarray(kv.get_vector(word), dtype=np.float32)
        except KeyError:  # gensim: no n-grams could be extracted
            return None


def _collect_leaked_files() -> None:
    """Close the file gensim leaves open when it fails half-way, quietly."""
    import gc
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def read_fasttext(path: Path, *, progress: Progress = NULL_PROGRESS, check_memory: bool = True):
    """Words and vectors of a fastText ``.bin`` (its vocabulary, not n-grams).

    Read by :mod:`embviz.core.formats._fasttext`, which gives gensim's vectors
    bit for bit but can be cancelled; out-of-vocabulary words are built from
    their n-grams later, on the first such word (``Embeddings.lookup``).
    """
    from embviz.core.formats._fasttext import read_fasttext as read

    return read(path, progress, check_memory=check_memory)


def read_gensim(path: Path, *, trust: bool):
    """Words and vectors of a gensim ``.kv``/``.model`` pickle, only if trusted."""
    if not trust:
        raise UntrustedFileError(path)
    from gensim.utils import SaveLoad

    try:
        obj = SaveLoad.load(str(path))
    except Exception as e:  # unpickling can fail in countless ways
        _collect_leaked_files()
        raise LoadError(
            path,
            translate("Errors", "not a readable gensim file: {kind}: {error}").format(
                kind=type(e).__name__, error=e
            ),
        ) from None
    kv = getattr(obj, "wv", obj)
    if not hasattr(kv, "index_to_key") or not hasattr(kv, "vectors"):
        raise LoadError(
            path,
            translate("Errors", "holds a {kind}, not word vectors").format(kind=type(obj).__name__),
        )
    return (
        list(kv.index_to_key),
        np.asarray(kv.vectors, dtype=np.float32),
        {"class": type(obj).__name__},
    )
