"""The application's state, Qt-free: what is loaded, shown and selected.

Views subscribe to the :class:`Workspace` signals (psygnal, no Qt) and redraw;
they own no data of their own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
from psygnal import Signal

from embviz.core import nonlinear, slicespec
from embviz.core.embeddings import Embeddings, Neighbor
from embviz.core.errors import EmbvizError
from embviz.core.i18n import translate
from embviz.core.nonlinear import Layout
from embviz.core.progress import Progress
from embviz.core.projection import (
    AXIS_NAMES,
    Projection,
    axes_projection,
    in_slice_fraction,
    layout_projection,
    pca,
    random_projection,
    raw_projection,
)
from embviz.core.slicespec import (
    AxesSlice,
    DirectionAxis,
    LayoutSlice,
    PcaSlice,
    RandomSlice,
    RawSlice,
    SliceSpec,
)
from embviz.core.wordlists import TEACHING_WORDS

# Fewer teaching words than this in a file: the view says it shows frequent words.
FEW_TEACHING_WORDS = 20
# How many computed t-SNE / UMAP layouts are kept, to switch back to one instantly.
LAYOUT_CACHE = 6


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
        RGB 0-255, or the name of a colour of the view's theme (the default,
        ``"overlay"``, is amber on dark and dark amber on white).
    words
        Words of the data the marks are about (an analogy's a, b, c and
        answer): the view labels them before any other, in the overlay's colour.
    """

    arrows: list[tuple[np.ndarray, np.ndarray, str]] = field(default_factory=list)
    markers: list[tuple[np.ndarray, str]] = field(default_factory=list)
    color: tuple[int, int, int] | str = "overlay"
    words: list[str] = field(default_factory=list)


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
    colors_changed()
        How points are coloured changed (see :meth:`categories`).
    label_scale_changed(float)
        The presentation size of labels changed (1.0 = normal).
    slice_changed(SliceSpec)
        Another slice is on show (:attr:`slice`); ``shown_changed`` follows.
    layout_lost(str)
        The shown words changed while a t-SNE or UMAP layout was on show: its
        positions no longer apply, so the slice fell back to PCA (and
        :attr:`lost_layout` names the kind, for the GUI to compute it again).

    The slice modes ``"tsne"`` and ``"umap"`` are non-linear layouts
    (:mod:`embviz.core.nonlinear`). They take long to compute, so the
    workspace never computes one when its words or slice change: the caller
    runs :meth:`layout_work` (on another thread, with progress and Cancel)
    and hands the result to :meth:`set_layout`.
    """

    loaded = Signal(object)
    shown_changed = Signal()
    selection_changed = Signal(object)
    overlays_changed = Signal()
    colors_changed = Signal()
    label_scale_changed = Signal(float)
    layout_lost = Signal(str)
    slice_changed = Signal(object)

    PROJECTIONS = slicespec.MODES
    # PCA "of the whole vocabulary" fits on at most this many (most frequent) words.
    PCA_FIT_LIMIT = 20_000

    def __init__(self) -> None:
        self.embeddings: Embeddings | None = None
        self.shown_rows: np.ndarray = np.zeros(0, dtype=np.intp)
        self.projection: Projection | None = None
        self.selected: str | None = None
        self.neighbors: list[Neighbor] = []
        # the selected word is out of the vocabulary, its vector built from fastText subwords
        self.selected_from_subwords = False
        self.k = 10
        self.overlays: dict[str, Overlay] = {}
        # -- the slice: how the shown words are projected to 3D
        self._slice: SliceSpec = PcaSlice()
        self._last: dict[str, SliceSpec] = {}  # per mode, the last spec shown
        # the directions of the last axes slice (its expressions evaluated)
        self._axis_vectors: list[np.ndarray | None] = [None, None, None]
        # t-SNE / UMAP: the layout on show (in those modes) and the last few computed
        self.layout: Layout | None = None
        self.layout_seed = 0
        self.lost_layout: str | None = None
        self._layouts: list[Layout] = []
        self.in_slice: np.ndarray = np.zeros(0)
        # -- colouring: "none", "cluster", "group" or "meta:<column>"
        self.color_by = "none"
        self.n_clusters = 6
        self.groups: dict[str, list[str]] = {}
        self.label_scale = 1.0
        # what the view should say about the words on show (e.g. no teaching words)
        self.words_note = ""
        # counts shown_changed: work started earlier can tell that the picture changed since
        self.changes = 0
        self._training = None  # made on first use: most sessions never train

    @property
    def training(self):
        """The training run of this window (a :class:`~embviz.core.training_session.TrainingSession`).

        The Train panel feeds it; the Compare panel takes the trained model and
        its snapshots from it, so neither panel knows the other.
        """
        if self._training is None:
            from embviz.core.training_session import TrainingSession

            self._training = TrainingSession()
        return self._training

    def _emit_shown_changed(self) -> None:
        self.changes += 1
        self.shown_changed.emit()

    # -- data ----------------------------------------------------------------------
    def set_embeddings(self, emb: Embeddings, words: Iterable[str] | None = None) -> None:
        """Make ``emb`` the open data and show ``words`` (default: teaching words)."""
        self.embeddings = emb
        self.selected = None
        self.neighbors = []
        self.overlays = {}
        self.words_note = ""
        old = self._slice
        if isinstance(old, AxesSlice | LayoutSlice) or (
            isinstance(old, RawSlice) and max(old.dims) >= emb.dim
        ):
            # directions (or positions) of the old data mean nothing in the new
            self._slice = self.remembered("pca")
        self.layout, self._layouts, self.lost_layout = None, [], None
        self._last.pop("axes", None)
        self._axis_vectors = [None, None, None]
        if self.color_by.startswith("meta:") and self.color_by[5:] not in emb.metadata:
            self.color_by = "none"
        # rows of the old data mean nothing in the new: clear them before anyone looks
        self.shown_rows = np.zeros(0, dtype=np.intp)
        self.projection = None
        self.in_slice = np.zeros(0)
        self.loaded.emit(emb)
        if self._slice != old:
            self.slice_changed.emit(self._slice)
        self.show_words(words)
        self.selection_changed.emit(None)

    def default_words(self, n: int = 300) -> list[str]:
        """Teaching words that exist in the data, topped up with frequent words to ``n``.

        Frequent means first in the file (word2vec, GloVe and fastText files list
        the most frequent words first). Words made of letters come first; a file
        of other tokens (product IDs, numbers, sub-word pieces) shows those, so
        the view is never empty. :attr:`words_note` says when the teaching words
        are (mostly) missing.
        """
        emb = self.embeddings
        if emb is None:
            return []
        chosen = [w for w in TEACHING_WORDS if w in emb]
        teaching = len(chosen)
        have = set(chosen)
        for letters_only in (True, False):
            for w in emb.words[: n * 4]:
                if len(chosen) >= n:
                    break
                if w not in have and w.strip() and (w.isalpha() or not letters_only):
                    chosen.append(w)
                    have.add(w)
        chosen = chosen[:n]
        self.words_note = ""
        if teaching < FEW_TEACHING_WORDS and chosen:
            if teaching == 0:
                note = translate(
                    "Workspace",
                    "This file has none of the teaching words (king, queen, paris…): showing "
                    "its {n} most frequent words instead.",
                )
            else:
                note = translate(
                    "Workspace",
                    "This file has only {teaching} of the teaching words (king, queen, paris…): "
                    "showing its {n} most frequent words instead.",
                )
            self.words_note = note.format(teaching=teaching, n=f"{len(chosen) - teaching:,}")
        return chosen

    def show_words(self, words: Iterable[str] | None = None) -> None:
        """Show these words (unknown ones are skipped), projected with the current slice."""
        emb = self.embeddings
        if emb is None:
            return
        explicit = words is not None
        words = list(words) if explicit else self.default_words()
        rows = emb.rows(words, missing="skip")
        rows = np.asarray(list(dict.fromkeys(rows.tolist())), dtype=np.intp)
        if explicit and not np.isin(self.shown_rows, rows).all():
            self.words_note = ""  # other words than the default ones (not just more)
        lost, old = None, self._slice
        if self.mode in nonlinear.KINDS and not np.array_equal(rows, self.shown_rows):
            # a layout places only the words it was computed for: computing it
            # again takes long, so show PCA now and say which layout was lost
            lost, self._slice, self.layout = self.mode, self.remembered("pca"), None
            self.lost_layout = lost
        self.shown_rows = rows
        try:
            self.projection = self._project(self._slice, rows, self.layout, self._axis_vectors)
        except EmbvizError:
            self._slice = self.remembered("pca")  # the slice cannot show these words; PCA can
            self.projection = self._project(self._slice, rows, None, self._axis_vectors)
        self._update_in_slice()
        if self._slice != old:
            self.slice_changed.emit(self._slice)
        self._emit_shown_changed()
        if lost is not None:
            self.layout_lost.emit(lost)

    # -- the slice -------------------------------------------------------------------
    @property
    def slice(self) -> SliceSpec:
        """Which slice is on show (:mod:`embviz.core.slicespec`); set it with :meth:`set_slice`."""
        return self._slice

    @property
    def mode(self) -> str:
        """The slice's mode: ``"pca"``, ``"axes"``, ``"random"``, ``"raw"``, ``"tsne"``, ``"umap"``."""
        return self._slice.mode

    def remembered(self, mode: str) -> SliceSpec:
        """The last slice of ``mode`` shown (its options kept), else that mode's default."""
        return self._last.get(mode) or slicespec.default(mode)

    @property
    def pca_fit(self) -> str:
        """``"shown"`` or ``"all"``: what the last PCA slice was fitted on."""
        return self.remembered("pca").fit

    @property
    def random_seed(self) -> int:
        """The seed of the last random slice."""
        return self.remembered("random").seed

    @property
    def raw_dims(self) -> tuple[int, int, int]:
        """The dimensions of the last raw slice."""
        return self.remembered("raw").dims

    @property
    def axis_labels(self) -> list[str]:
        """The names of the last semantic axes (``""`` for a free axis)."""
        return self.remembered("axes").labels

    @property
    def axis_vectors(self) -> list[np.ndarray | None]:
        """The directions of the last semantic axes (``None`` for a free axis)."""
        return list(self._axis_vectors)

    def _project(self, spec: SliceSpec, rows: np.ndarray, layout: Layout | None,
                 vectors: list[np.ndarray | None]) -> Projection | None:  # fmt: skip
        """The projection ``spec`` gives the words ``rows``; changes nothing."""
        emb = self.embeddings
        if emb is None or len(rows) < 2:
            return None
        if isinstance(spec, LayoutSlice):
            if layout is None or layout.kind != spec.kind or not np.array_equal(layout.rows, rows):
                name = nonlinear.NAMES[spec.kind]
                raise EmbvizError(
                    translate(
                        "Errors", "there are no {layout} positions for the shown words yet"
                    ).format(layout=name)
                )
            return layout_projection(layout.coords, emb.dim, layout.kind,
                                     nonlinear.NOTES[layout.kind])  # fmt: skip
        x = emb.vectors[rows]
        if isinstance(spec, AxesSlice):
            return axes_projection(x, vectors, spec.labels)
        if isinstance(spec, RandomSlice):
            return random_projection(x, spec.seed)
        if isinstance(spec, RawSlice):
            return raw_projection(x, spec.dims)
        fit = emb.vectors[: self.PCA_FIT_LIMIT] if spec.fit == "all" else None
        return pca(x, fit=fit)

    def _update_in_slice(self) -> None:
        if self.projection is None or self.embeddings is None:
            self.in_slice = np.zeros(len(self.shown_rows))
        elif not self.projection.linear:
            self.in_slice = np.zeros(0)  # a layout is no slice: nothing lies "in" it
        else:
            vecs = self.embeddings.vectors[self.shown_rows]
            self.in_slice = in_slice_fraction(vecs, self.projection.axes)

    def _resolve_axes(self, spec: AxesSlice) -> list[np.ndarray | None]:
        """The direction of each axis of ``spec``: expressions evaluated, numbers checked."""
        from embviz.core.expressions import evaluate

        emb = self.embeddings
        if emb is None:
            raise EmbvizError(translate("Errors", "nothing is loaded"))
        vectors: list[np.ndarray | None] = []
        for name, axis in zip(AXIS_NAMES, spec.axes, strict=True):
            if isinstance(axis, DirectionAxis):
                vec = np.asarray(axis.vector, dtype=np.float32)
                if vec.shape[0] != emb.dim:
                    raise EmbvizError(translate("Errors", "the {axis} axis {label!r} has {n} numbers, "
                                      "the vectors have {dim}").format(
                                          axis=name, label=axis.label, n=vec.shape[0], dim=emb.dim))  # fmt: skip
                vectors.append(vec)
            elif axis is None:
                vectors.append(None)
            else:
                try:
                    vectors.append(evaluate(axis, emb))
                except EmbvizError as e:
                    raise _prefixed(e, f"{name} axis") from None
        return vectors

    def _commit(self, spec: SliceSpec, *, layout: Layout | None = None,
                rows: np.ndarray | None = None) -> None:  # fmt: skip
        """Project with ``spec`` and only then make it the slice: on an error nothing changes."""
        if not isinstance(spec, LayoutSlice):
            # leaving a layout of a sample: all the shown words come back
            # (the layout stays cached for coming back)
            rows, layout = self.requested_rows, None
        vectors = self._resolve_axes(spec) if isinstance(spec, AxesSlice) else self._axis_vectors
        projection = self._project(spec, rows, layout, vectors)
        old, self._slice = self._slice, spec
        self._last[spec.mode] = spec
        if isinstance(spec, LayoutSlice):
            self.layout_seed = spec.seed
        self._axis_vectors = vectors
        self.shown_rows, self.layout, self.lost_layout = rows, layout, None
        self.projection = projection
        self._update_in_slice()
        if spec != old:
            self.slice_changed.emit(spec)
        self._emit_shown_changed()

    def set_slice(self, spec: SliceSpec) -> None:
        """Show the slice ``spec`` describes.

        A t-SNE or UMAP spec shows the last layout of that kind and seed for
        the shown words (see :meth:`layout_work` to compute one).

        Raises
        ------
        EmbvizError
            The slice cannot be made (an axis naming an unknown word, a raw
            dimension beyond the vectors', no layout computed yet); nothing
            changes then.
        """
        if isinstance(spec, LayoutSlice):
            self._set_layout_mode(spec.kind, seed=spec.seed)
        else:
            self._commit(spec)

    def set_projection(self, mode: str, **options) -> None:
        """Switch the slice: ``"pca"``, ``"axes"``, ``"random"``, ``"raw"``, ``"tsne"``, ``"umap"``.

        Options are the attributes of that mode: ``pca_fit`` (``"shown"`` or
        ``"all"``), ``random_seed``, ``raw_dims``; options not given keep the
        values the mode had last. Raises
        :class:`~embviz.core.errors.EmbvizError` (and changes nothing) when
        the slice cannot be made, e.g. axes mode with no axis set.

        ``"tsne"`` and ``"umap"`` are never computed here (see
        :meth:`layout_work`): they take ``coords``, the ``(n, 3)`` positions
        of the shown words (e.g. from a scene file), with ``seed`` and ``of``
        (how many words the sample was drawn from) for the note; without
        ``coords``, the last layout of that kind and seed for these words is
        reused if there is one.
        """
        if mode not in self.PROJECTIONS:
            raise EmbvizError(
                f"unknown projection {mode!r}: use one of {', '.join(self.PROJECTIONS)}"
            )
        if mode in nonlinear.KINDS:
            self._set_layout_mode(mode, **options)
            return
        names = {"pca_fit": "fit", "random_seed": "seed", "raw_dims": "dims"}
        bad = set(options) - set(names)
        if bad:
            raise EmbvizError(f"unknown slice option(s): {', '.join(sorted(bad))}")
        if "raw_dims" in options:
            options["raw_dims"] = tuple(int(d) for d in options["raw_dims"])
        spec = self.remembered(mode)
        given = {names[k]: v for k, v in options.items() if names[k] in _fields_of(spec)}
        self._commit(dataclasses.replace(spec, **given))

    def _set_layout_mode(self, kind: str, *, coords=None, seed: int | None = None,
                         of: int | None = None) -> None:  # fmt: skip
        seed = self.layout_seed if seed is None else int(seed)
        if coords is None:
            cached = self.cached_layout(kind, seed)
            if cached is None:
                raise EmbvizError(
                    f"{nonlinear.NAMES[kind]} positions take a while to compute: compute them "
                    "first (Workspace.layout_work / compute_layout), then set_layout"
                )
            self.set_layout(cached)
            return
        c = np.asarray(coords, dtype=np.float32)
        n = len(self.shown_rows)
        if c.shape != (n, 3):
            raise EmbvizError(
                f"{nonlinear.NAMES[kind]} positions for {c.shape[0] if c.ndim else 0} words "
                f"do not fit the {n} shown words"
            )
        of = n if of is None else int(of)
        self.set_layout(Layout(kind, seed, self.shown_rows.copy(), c, max(of, n)))

    # -- t-SNE and UMAP layouts ------------------------------------------------------
    @property
    def requested_rows(self) -> np.ndarray:
        """The words the user asked to show.

        That is :attr:`shown_rows`, except while a layout of a sample is on
        show: then all the words the sample was drawn from.
        """
        lay = self.layout
        if self.mode in nonlinear.KINDS and lay is not None and lay.shown is not None:
            return lay.shown
        return self.shown_rows

    def _keep_positions(self, rows: np.ndarray) -> list[int]:
        """Positions in ``rows`` of the selected word and its neighbours (kept in a sample)."""
        emb = self.embeddings
        if emb is None:
            return []
        words = ([self.selected] if self.selected else []) + [n.word for n in self.neighbors]
        at = {r: i for i, r in enumerate(rows.tolist())}
        return [at[emb.row(w)] for w in words if w in emb and emb.row(w) in at]

    def layout_work(self, kind: str, seed: int | None = None) -> Callable[..., Layout]:
        """Check now, compute later: the work of a t-SNE or UMAP layout of the shown words.

        Everything that can be wrong is checked here, on the caller's thread
        (unknown kind, package missing, too few words); the returned function
        ``work(progress=None) -> Layout`` holds copies of what it needs and may
        run on another thread. Pass its result to :meth:`set_layout`.

        More than :data:`~embviz.core.nonlinear.SAMPLE_LIMIT` shown words are
        laid out as a sample drawn with ``seed`` that keeps the selected word
        and its neighbours.
        """
        if kind not in nonlinear.KINDS:
            raise EmbvizError(f"unknown layout {kind!r}: use one of {', '.join(nonlinear.KINDS)}")
        emb = self.embeddings
        if emb is None:
            raise EmbvizError(translate("Errors", "nothing is loaded"))
        if not nonlinear.is_available(kind):
            raise EmbvizError(nonlinear.missing_message(kind))
        rows = self.requested_rows.copy()
        if len(rows) < nonlinear.MIN_POINTS:
            nonlinear.check_vectors(emb.vectors[rows], kind)  # raises with the message
        seed = self.layout_seed if seed is None else int(seed)
        at = nonlinear.sample(
            len(rows), keep=self._keep_positions(rows), limit=nonlinear.SAMPLE_LIMIT, seed=seed
        )
        vectors = np.array(emb.vectors[rows[at]], dtype=np.float32)
        nonlinear.check_vectors(vectors, kind)

        def work(progress: Progress | None = None) -> Layout:
            coords = nonlinear.compute(kind, vectors, seed=seed, progress=progress)
            return Layout(kind, seed, rows[at], coords, len(rows), shown=rows)

        return work

    def compute_layout(self, kind: str, seed: int | None = None,
                       progress: Progress | None = None) -> Layout:  # fmt: skip
        """Compute a layout here and now (blocking; the CLI and tests use it)."""
        return self.layout_work(kind, seed)(progress)

    def cached_layout(self, kind: str, seed: int) -> Layout | None:
        """A recent ``kind`` layout made with ``seed`` from the words asked for now, if any."""
        rows = self.requested_rows
        keep = set(rows[self._keep_positions(rows)].tolist())
        for lay in reversed(self._layouts):
            if lay.kind != kind or lay.seed != int(seed):
                continue
            same = (lay.shown is not None and np.array_equal(lay.shown, rows)) or (
                np.array_equal(lay.rows, rows)
            )
            if same and keep <= set(lay.rows.tolist()):
                return lay
        return None

    def set_layout(self, layout: Layout) -> None:
        """Show a computed t-SNE or UMAP layout (the mode becomes its kind).

        When it places a sample, only the sampled words are shown until the
        slice changes back to a linear one.

        Raises
        ------
        EmbvizError
            The layout was made for other words than those shown now (they
            changed while it was computed); nothing changes then.
        """
        emb = self.embeddings
        if emb is None:
            raise EmbvizError(translate("Errors", "nothing is loaded"))
        if layout.kind not in nonlinear.KINDS:
            raise EmbvizError(f"unknown layout {layout.kind!r}")
        rows = self.requested_rows
        fits = (
            np.array_equal(layout.shown, rows)
            if layout.shown is not None
            else np.array_equal(layout.rows, self.shown_rows)
        )
        if not fits:
            raise EmbvizError(
                translate(
                    "Errors", "the shown words changed while {layout} was computed: run it again"
                ).format(layout=nonlinear.NAMES[layout.kind])
            )
        if len(layout.rows) and int(layout.rows.max()) >= len(emb):
            raise EmbvizError("the layout is for other data")
        self._commit(LayoutSlice(layout.kind, int(layout.seed)), layout=layout,
                     rows=np.asarray(layout.rows, dtype=np.intp).copy())  # fmt: skip
        self._layouts = [*(x for x in self._layouts if x is not layout), layout][-LAYOUT_CACHE:]

    def new_random_slice(self) -> None:
        """Draw another random orthonormal slice."""
        self._commit(RandomSlice((self.random_seed + 1) % (slicespec.SEED_MAX + 1)))

    def set_axes(self, expressions: list[str | None]) -> None:
        """Use three axis expressions (``"woman - man"``; empty/None = free axis).

        Raises
        ------
        ExpressionError, UnknownWordError
            Naming the axis (``y = ...``) and, for an unknown word, close spellings.
        EmbvizError
            A degenerate axis (parallel to an earlier one).
        """
        if self.embeddings is None:
            raise EmbvizError(translate("Errors", "nothing is loaded"))
        if len(expressions) != 3:
            raise EmbvizError(
                "give three axis expressions (x, y, z); leave one empty for a free axis"
            )
        self._commit(AxesSlice(tuple(expressions)))

    def use_as_axis(self, label: str, vector: np.ndarray, slot: int | None = None) -> None:
        """Show the slice with ``vector`` as an axis, keeping the other axes.

        Parameters
        ----------
        label
            The axis name drawn in the view, e.g. ``"plural (cats - cat …)"``.
        vector
            A direction in the embedding space.
        slot
            0, 1 or 2 for x, y, z; ``None`` = x.
        """
        emb = self.embeddings
        if emb is None:
            raise EmbvizError(translate("Errors", "nothing is loaded"))
        slot = 0 if slot is None else int(slot)
        if slot not in (0, 1, 2):
            raise EmbvizError(f"axis slot must be 0, 1 or 2 (x, y, z), got {slot}")
        vec = np.asarray(vector, dtype=np.float32).reshape(-1)
        if vec.shape[0] != emb.dim:
            raise EmbvizError(
                translate(
                    "Errors", "the direction has {n} dimensions, the vectors have {dim}"
                ).format(n=vec.shape[0], dim=emb.dim)
            )
        # coming from another slice: start from free axes
        axes = list(self._slice.axes) if isinstance(self._slice, AxesSlice) else [None] * 3
        axes[slot] = DirectionAxis(str(label), vec)
        self._commit(AxesSlice(tuple(axes)))

    def set_label_scale(self, scale: float) -> None:
        """Set the label size for presentations (0.5 to 4; 1.0 = normal)."""
        scale = float(scale)
        if not 0.5 <= scale <= 4.0:
            raise EmbvizError(f"label scale must be between 0.5 and 4, got {scale:g}")
        self.label_scale = scale
        self.label_scale_changed.emit(scale)

    # -- colouring -------------------------------------------------------------------
    def set_coloring(self, by: str, *, n_clusters: int | None = None,
                     groups: dict[str, list[str]] | None = None) -> None:  # fmt: skip
        """Colour points by ``"none"``, ``"cluster"``, ``"group"`` or ``"meta:<column>"``."""
        if by.startswith("meta:"):
            cols = self.embeddings.metadata if self.embeddings is not None else {}
            if by[5:] not in cols:
                have = ", ".join(cols) or "none"
                raise EmbvizError(f"no metadata column {by[5:]!r} (columns: {have})")
        elif by not in ("none", "cluster", "group"):
            raise EmbvizError(f"cannot colour by {by!r}: use none, cluster, group or meta:<column>")
        if n_clusters is not None:
            if n_clusters < 1:
                raise EmbvizError(f"the number of clusters must be at least 1, got {n_clusters}")
            self.n_clusters = int(n_clusters)
        if groups is not None:
            self.groups = {k: list(v) for k, v in groups.items()}
        self.color_by = by
        self.colors_changed.emit()

    def categories(self) -> tuple[np.ndarray, list[str]]:
        """The colour category of every shown word and the category names.

        Returns
        -------
        codes : ndarray of int
            Per shown word, an index into ``names``, or -1 for "no category".
        names : list of str
            At most 12 names; rarer metadata values share the last, "other".
        """
        n = len(self.shown_rows)
        codes = np.full(n, -1, dtype=np.intp)
        emb = self.embeddings
        if emb is None or n == 0 or self.color_by == "none":
            return codes, []
        if self.color_by == "cluster":
            from embviz.core.clusters import kmeans

            codes = kmeans(emb.vectors[self.shown_rows], self.n_clusters)
            return codes, [f"cluster {i + 1}" for i in range(int(codes.max()) + 1)]
        if self.color_by == "group":
            names = list(self.groups)
            where = {}
            for gi, name in enumerate(names):
                for w in self.groups[name]:
                    where.setdefault(w, gi)
            for i, w in enumerate(self.shown_words):
                codes[i] = where.get(w, -1)
            return codes, names
        column = emb.metadata[self.color_by[5:]]
        values = [str(column[r]) for r in self.shown_rows]
        counts: dict[str, int] = {}
        for v in values:
            counts[v] = counts.get(v, 0) + 1
        names = sorted(counts, key=lambda v: (-counts[v], v))
        if len(names) > 12:
            names = [*names[:11], "other"]
        at = {v: i for i, v in enumerate(names)}
        for i, v in enumerate(values):
            codes[i] = at.get(v, len(names) - 1)
        return codes, names

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

    def clear_overlays(self) -> None:
        """Remove every panel's overlay (one ``overlays_changed``, none if there was none)."""
        if self.overlays:
            self.overlays = {}
            self.overlays_changed.emit()

    # -- selection -----------------------------------------------------------------
    def select(self, word: str | None, *, bring_neighbors: bool = True) -> None:
        """Select ``word`` and compute its nearest neighbours over the whole vocabulary.

        A word or neighbour not on show is added to the shown set first, so the
        view can fly to it and show every neighbour. With ``bring_neighbors``
        false (a saved scene, which shows exactly its words) only a word that
        is not on show brings itself and its neighbours in. Raises
        :class:`~embviz.core.errors.UnknownWordError` for a word not in the
        vocabulary, except for a fastText model, which builds its vector from
        subwords (:attr:`selected_from_subwords`; it has no point of its own,
        its neighbours are shown).
        """
        emb = self.embeddings
        if word is None or emb is None:
            self.selected, self.neighbors, self.selected_from_subwords = None, [], False
            self.selection_changed.emit(None)
            return
        self.neighbors = emb.neighbors(word, k=self.k)  # raises for an unknown word
        self.selected_from_subwords = word not in emb.index
        shown = set(self.shown_rows.tolist())
        wanted = [emb.index[n.word] for n in self.neighbors]
        # a word built from subwords has no point of its own: its neighbours stand for it
        own = wanted if self.selected_from_subwords else [emb.index[word]]
        # A t-SNE or UMAP layout is lost when its words change: there, only a
        # word that is not on show brings itself and its neighbours in.
        more = bring_neighbors and self.mode not in nonlinear.KINDS
        if any(r not in shown for r in own) or (more and any(r not in shown for r in wanted)):
            # the word and all its neighbours are on show, so each neighbour listed
            # is a green point; all the words asked for, not only a layout's sample
            extra = [word] + [n.word for n in self.neighbors]
            self.show_words([emb.words[i] for i in self.requested_rows] + extra)
        self.selected = word
        self.selection_changed.emit(word)


def _prefixed(error: EmbvizError, where: str) -> EmbvizError:
    """The same error, its message starting with ``where`` (e.g. ``y axis``)."""
    error.args = (f"{where}: {error}", *error.args[1:])
    return error


def _fields_of(spec: SliceSpec) -> set[str]:
    return {f.name for f in dataclasses.fields(spec)}
