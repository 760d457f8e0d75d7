"""The application's state, Qt-free: what is loaded, shown and selected.

Views subscribe to the :class:`Workspace` signals (psygnal, no Qt) and redraw;
they own no data of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from psygnal import Signal

from embviz.core.embeddings import Embeddings, Neighbor
from embviz.core.projection import Projection, pca
from embviz.core.wordlists import TEACHING_WORDS


@dataclass
class Overlay:
    """Extra marks a panel draws into the 3D view, in the original d-dim space.

    The view projects them with the current projection, so they stay right
    when the slice changes.

    Attributes
    ----------
    arrows
        ``(start, end, label)`` with ``start``/``end`` d-dimensional vectors.
    markers
        ``(point, label)`` marks a computed point (e.g. king - man + woman).
    color
        RGB 0-255.
    """

    arrows: list[tuple[np.ndarray, np.ndarray, str]] = field(default_factory=list)
    markers: list[tuple[np.ndarray, str]] = field(default_factory=list)
    color: tuple[int, int, int] = (255, 200, 60)


class Workspace:
    """Holds the open embeddings, the words on show, their projection and the selection.

    Signals
    -------
    loaded(Embeddings)
        New embeddings replaced the old ones.
    shown_changed()
        The shown words or their 3D positions changed.
    selection_changed(str | None)
        A word was selected (or the selection cleared).
    overlays_changed()
        A panel set or cleared an :class:`Overlay`.
    """

    loaded = Signal(object)
    shown_changed = Signal()
    selection_changed = Signal(object)
    overlays_changed = Signal()

    def __init__(self) -> None:
        self.embeddings: Embeddings | None = None
        self.shown_rows: np.ndarray = np.zeros(0, dtype=np.intp)
        self.projection: Projection | None = None
        self.selected: str | None = None
        self.neighbors: list[Neighbor] = []
        self.k = 10
        self.overlays: dict[str, Overlay] = {}

    # -- data ----------------------------------------------------------------------
    def set_embeddings(self, emb: Embeddings, words: Iterable[str] | None = None) -> None:
        """Make ``emb`` the open data and show ``words`` (default: teaching words)."""
        self.embeddings = emb
        self.selected = None
        self.neighbors = []
        self.overlays = {}
        self.loaded.emit(emb)
        self.show_words(words)
        self.selection_changed.emit(None)

    def default_words(self, n: int = 300) -> list[str]:
        """Teaching words that exist in the data, topped up with frequent words to ``n``."""
        emb = self.embeddings
        if emb is None:
            return []
        chosen = [w for w in TEACHING_WORDS if w in emb]
        if len(chosen) < n:
            have = set(chosen)
            for w in emb.words[: n * 4]:
                if len(chosen) >= n:
                    break
                if w.isalpha() and w not in have:
                    chosen.append(w)
                    have.add(w)
        return chosen[:n]

    def show_words(self, words: Iterable[str] | None = None) -> None:
        """Show these words (unknown ones are skipped) and project them by PCA."""
        emb = self.embeddings
        if emb is None:
            return
        words = self.default_words() if words is None else list(words)
        rows = emb.rows(words, missing="skip")
        self.shown_rows = np.asarray(list(dict.fromkeys(rows.tolist())), dtype=np.intp)
        if len(self.shown_rows) >= 2:
            self.projection = pca(emb.vectors[self.shown_rows])
        else:
            self.projection = None
        self.shown_changed.emit()

    @property
    def shown_words(self) -> list[str]:
        """The words on show, in the order of :attr:`shown_rows`."""
        if self.embeddings is None:
            return []
        return [self.embeddings.words[i] for i in self.shown_rows]

    # -- overlays --------------------------------------------------------------------
    def set_overlay(self, name: str, overlay: Overlay | None) -> None:
        """Set (or with ``None`` remove) the overlay a panel called ``name`` draws."""
        if overlay is None:
            if self.overlays.pop(name, None) is None:
                return
        else:
            self.overlays[name] = overlay
        self.overlays_changed.emit()

    # -- selection -----------------------------------------------------------------
    def select(self, word: str | None) -> None:
        """Select ``word`` and compute its nearest neighbours over the whole vocabulary.

        A word not on show is added to the shown set first, so the view can
        fly to it. Raises :class:`~embviz.core.errors.UnknownWordError` for a
        word not in the vocabulary.
        """
        emb = self.embeddings
        if word is None or emb is None:
            self.selected, self.neighbors = None, []
            self.selection_changed.emit(None)
            return
        row = emb.row(word)
        self.neighbors = emb.neighbors(word, k=self.k)
        if row not in set(self.shown_rows.tolist()):
            extra = [word] + [n.word for n in self.neighbors]
            self.show_words(self.shown_words + extra)
        self.selected = word
        self.selection_changed.emit(word)
