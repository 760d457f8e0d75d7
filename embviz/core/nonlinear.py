"""Non-linear 3D layouts of word vectors: t-SNE (openTSNE) and UMAP (umap-learn).

Unlike the slices in :mod:`embviz.core.projection`, these are not linear maps:
they place words so that each word's nearest neighbours stay near it, at the
cost of everything else — distances between clusters, cluster sizes and the
three axes mean nothing. They cannot place a point that is not a word of the
set (an analogy's computed point, an arrow), and they are slow, so they run on
at most :data:`SAMPLE_LIMIT` words and report progress and honour Cancel like
any long work (:class:`embviz.core.progress.Progress`).

Both packages are optional (``pip install embviz[projections]``) and imported
only when a layout is computed: importing embviz never imports them.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.i18n import translate
from embviz.core.progress import NULL_PROGRESS, Progress

KINDS = ("tsne", "umap")
NAMES = {"tsne": "t-SNE", "umap": "UMAP"}
# the module to import and the package to install, per kind
MODULES = {"tsne": "openTSNE", "umap": "umap"}
PACKAGES = {"tsne": "openTSNE", "umap": "umap-learn"}
INSTALL_HINT = "pip install embviz[projections]"

SAMPLE_LIMIT = 5000
"""Above this many shown words a layout is computed on a seeded sample of this many."""
MIN_POINTS = 5
"""Fewer words than this give no meaningful neighbourhoods."""

NOTES = {
    "tsne": "Not a slice: t-SNE places words so that neighbours stay together; "
    "distances between clusters and the axes mean nothing.",
    "umap": "Not a slice: UMAP places words so that neighbours stay together; "
    "distances between clusters and the axes mean nothing.",
}


@dataclass(frozen=True, eq=False)
class Layout:
    """Computed 3D positions of some words.

    Attributes
    ----------
    kind
        ``"tsne"`` or ``"umap"``.
    seed
        The random seed the layout was computed with (same seed, same words:
        same positions).
    rows
        The embedding rows placed, in the order of ``coords``.
    coords
        ``(len(rows), 3)`` float32 positions, centred, turned to their own
        principal axes and scaled to the spread PCA would give.
    of
        How many words were on show; more than ``len(rows)`` when a sample
        was placed.
    shown
        The embedding rows that were on show (``of`` of them), or ``None``
        when not known (a layout read from a scene file).
    """

    kind: str
    seed: int
    rows: np.ndarray
    coords: np.ndarray
    of: int
    shown: np.ndarray | None = None

    @property
    def sampled(self) -> bool:
        """Whether only a sample of the shown words was placed."""
        return self.of > len(self.rows)

    def describe(self) -> str:
        """One line about what was computed, e.g. for the view's corner."""
        name = NAMES[self.kind]
        if self.sampled:
            return translate(
                "Nonlinear",
                "{name} of a random sample of {n} of the {of} shown words (seed {seed}); the "
                "others are hidden.",
            ).format(name=name, n=f"{len(self.rows):,}", of=f"{self.of:,}", seed=self.seed)
        return translate("Nonlinear", "{name} of the {n} shown words (seed {seed}).").format(
            name=name, n=f"{len(self.rows):,}", seed=self.seed
        )


# -- availability ----------------------------------------------------------------------
def is_available(kind: str) -> bool:
    """Whether the package ``kind`` needs is installed (without importing it)."""
    _check_kind(kind)
    try:
        return importlib.util.find_spec(MODULES[kind]) is not None
    except (ImportError, ValueError):  # a broken or blocked installation
        return False


def available() -> tuple[str, ...]:
    """The layout kinds whose package is installed, e.g. ``("tsne", "umap")``."""
    return tuple(k for k in KINDS if is_available(k))


def missing_message(kind: str) -> str:
    """What to tell a user who asks for ``kind`` without its package."""
    return translate(
        "Errors",
        "{layout} needs the optional package {package}, which is not installed: {hint}",
    ).format(layout=NAMES[kind], package=PACKAGES[kind], hint=INSTALL_HINT)


def _import(kind: str):
    if not is_available(kind):
        raise EmbvizError(missing_message(kind))
    try:
        return importlib.import_module(MODULES[kind])
    except ImportError as e:
        raise EmbvizError(
            translate("Errors", "{message} (importing it failed: {error})").format(
                message=missing_message(kind), error=e
            )
        ) from None


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise EmbvizError(f"unknown layout {kind!r}: use one of {', '.join(KINDS)}")


# -- input -------------------------------------------------------------------------------
def check_vectors(vectors: np.ndarray, kind: str) -> np.ndarray:
    """The vectors as float32 if ``kind`` can lay them out, else a clear :class:`EmbvizError`."""
    x = np.asarray(vectors, dtype=np.float32)
    if x.ndim != 2:
        raise EmbvizError(
            translate("Errors", "{layout} needs a matrix of word vectors").format(
                layout=NAMES[kind]
            )
        )
    if x.shape[0] < MIN_POINTS:
        raise EmbvizError(
            translate(
                "Errors",
                "{layout} needs at least {most} words to find neighbourhoods; "
                "{n} shown. Show more words, or use a linear slice such as PCA.",
            ).format(layout=NAMES[kind], most=MIN_POINTS, n=x.shape[0])
        )
    if x.shape[1] < 3:
        raise EmbvizError(
            translate(
                "Errors", "{layout} to 3 dimensions needs vectors of at least 3 dimensions"
            ).format(layout=NAMES[kind])
        )
    if not np.isfinite(x).all():
        raise EmbvizError(
            translate("Errors", "{layout} cannot place vectors with NaN or infinite values").format(
                layout=NAMES[kind]
            )
        )
    if np.any(np.linalg.norm(x, axis=1) == 0):
        raise EmbvizError(
            translate(
                "Errors",
                "{layout} compares directions (cosine) and a zero vector has none: "
                "leave it out of the shown words",
            ).format(layout=NAMES[kind])
        )
    return x


def sample(n: int, *, keep: Iterable[int] = (), limit: int = SAMPLE_LIMIT,
           seed: int = 0) -> np.ndarray:  # fmt: skip
    """Positions ``0..n-1`` to lay out: all of them, or a seeded sample of ``limit``.

    Parameters
    ----------
    n
        How many words are shown.
    keep
        Positions that must be in the sample (the selected word, its neighbours).
    limit
        The largest sample.
    seed
        The same seed draws the same sample.

    Returns
    -------
    ndarray
        Sorted positions, so the sample keeps the shown order.
    """
    if n <= limit:
        return np.arange(n, dtype=np.intp)
    kept = np.unique(np.asarray([k for k in keep if 0 <= k < n], dtype=np.intp))[:limit]
    rest = np.setdiff1d(np.arange(n, dtype=np.intp), kept, assume_unique=True)
    rng = np.random.default_rng(seed)
    drawn = rng.choice(rest, size=limit - len(kept), replace=False)
    return np.sort(np.concatenate([kept, drawn]))


# -- output ------------------------------------------------------------------------------
def standardise(coords: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """Centre a layout, turn it to its principal axes and give it PCA's spread.

    The view, the camera and the labels then treat a layout like a PCA slice
    of the same words: the root-mean-square distance from the centre is that
    of the words' top three principal components, the widest spread lies
    along x, and each axis is signed so the far tail points to +.
    """
    c = np.asarray(coords, dtype=np.float64)
    c = c - c.mean(axis=0)
    _, _, vt = np.linalg.svd(c, full_matrices=False)
    c = c @ vt.T
    skew = (c**3).sum(axis=0)
    c = c * np.where(skew < 0, -1.0, 1.0)
    x = np.asarray(vectors, dtype=np.float64)
    xc = x - x.mean(axis=0)
    sv = np.linalg.svd(xc, compute_uv=False)[:3]
    target = float(np.sqrt((sv**2).sum() / len(x)))
    rms = float(np.sqrt((c**2).sum() / len(c)))
    if rms > 0 and target > 0:
        c = c * (target / rms)
    return c.astype(np.float32)


# -- t-SNE -------------------------------------------------------------------------------
class _TsneProgress:
    """openTSNE callback: reports each block of iterations, stops on Cancel."""

    def __init__(self, progress: Progress, phases: tuple[int, int], start: float):
        self.progress = progress
        self.phases = phases
        self.start = start
        self.phase = -1
        self.stopped = False

    def optimization_about_to_start(self) -> None:
        self.phase += 1

    def __call__(self, iteration: int, error: float, embedding) -> bool:
        done = sum(self.phases[: max(self.phase, 0)]) + iteration
        total = sum(self.phases)
        fraction = self.start + (1 - self.start) * done / total
        try:
            self.progress.report(fraction, f"t-SNE: iteration {done} of {total}")
        except Cancelled:
            self.stopped = True
            return True  # openTSNE ends the optimisation; tsne() raises Cancelled
        return False


def tsne(vectors: np.ndarray, *, seed: int = 0, progress: Progress | None = None,
         perplexity: float = 30.0, n_iter: int = 500, n_jobs: int = 2) -> np.ndarray:  # fmt: skip
    """Lay the rows of ``vectors`` out in 3D with t-SNE (openTSNE), cosine distances.

    Parameters
    ----------
    vectors
        ``(n, d)`` word vectors, ``n >= MIN_POINTS``.
    seed
        Random seed; the same seed and vectors give the same layout.
    progress
        Reports the iterations; Cancel stops within ten iterations.
    perplexity
        About how many neighbours each word keeps close; lowered to below
        ``n / 3`` for small sets (t-SNE needs that many neighbours).
    n_iter
        Iterations after the 250 of early exaggeration.
    n_jobs
        Threads for the neighbour search and the gradient (two are about a
        third faster on 5,000 words than one, and give the same result).

    Returns
    -------
    ndarray
        ``(n, 3)`` float32, standardised (:func:`standardise`).

    Raises
    ------
    EmbvizError
        openTSNE is missing, or too few words.
    Cancelled
        Cancel was asked.
    """
    progress = progress or NULL_PROGRESS
    x = check_vectors(vectors, "tsne")
    progress.report(0.0, "t-SNE: loading openTSNE…")
    opentsne = _import("tsne")
    n = len(x)
    perplexity = float(min(perplexity, (n - 1) / 3 - 1e-3))
    early = 250
    callback = _TsneProgress(progress, (early, int(n_iter)), start=0.1)
    progress.report(0.02, f"t-SNE: finding the neighbours of {n:,} words…")
    model = opentsne.TSNE(
        n_components=3, perplexity=perplexity, metric="cosine", n_iter=int(n_iter),
        early_exaggeration_iter=early, initialization="pca", negative_gradient_method="bh",
        random_state=int(seed), n_jobs=int(n_jobs), callbacks=callback,
        callbacks_every_iters=10, verbose=False,
    )  # fmt: skip
    embedding = model.fit(x)
    if callback.stopped:
        raise Cancelled()
    progress.check()
    return standardise(np.asarray(embedding), x)


# -- UMAP --------------------------------------------------------------------------------
class _EpochFile:
    """A file for UMAP's tqdm bar: turns its ``n/total`` into progress, stops on Cancel.

    UMAP has no callback; its epoch loop only calls tqdm, which writes the bar
    here. To stop, :meth:`write` raises :class:`Cancelled` — but tqdm writes
    while holding its (re-entrant, process-wide) lock and does not release it
    when the write raises, so that lock is released here first: otherwise every
    later tqdm bar in the process (the next UMAP run) would wait for it forever.
    """

    encoding = "utf-8"

    def __init__(self, progress: Progress, start: float):
        self.progress = progress
        self.start = start
        self.thread = threading.get_ident()
        self.stopped = False

    def write(self, text: str) -> int:
        if threading.get_ident() != self.thread or self.stopped:
            return len(text)  # tqdm's monitor thread, or after stopping: nothing to do
        m = re.search(r"(\d+)/(\d+)", text)
        if m is None or int(m.group(2)) == 0:
            return len(text)
        done, total = int(m.group(1)), int(m.group(2))
        fraction = self.start + (1 - self.start) * done / total
        try:
            self.progress.report(fraction, f"UMAP: epoch {done} of {total}")
        except Cancelled:
            self._stop()
        return len(text)

    def flush(self) -> None:
        pass

    def _stop(self) -> None:
        frame = sys._getframe(1)
        while frame is not None:
            code = frame.f_code
            if code.co_name == "refresh" and frame.f_globals.get("__name__", "").startswith("tqdm"):
                break
            frame = frame.f_back
        if frame is None:
            return  # written while the bar closes (the loop is over): tsne/umap check after
        bar = frame.f_locals.get("self")
        lock = getattr(bar, "_lock", None)
        if lock is None:
            return
        self.stopped = True
        if not frame.f_locals.get("nolock", False):
            lock.release()  # refresh() acquired it and will not release it on an exception
        raise Cancelled()


def umap(vectors: np.ndarray, *, seed: int = 0, progress: Progress | None = None,
         n_neighbors: int = 15, min_dist: float = 0.5) -> np.ndarray:  # fmt: skip
    """Lay the rows of ``vectors`` out in 3D with UMAP (umap-learn), cosine distances.

    Parameters
    ----------
    vectors
        ``(n, d)`` word vectors, ``n >= MIN_POINTS``.
    seed
        Random seed; the same seed and vectors give the same layout (UMAP
        then runs on one thread).
    progress
        Reports the epochs; Cancel stops at the next epoch. The neighbour
        search before the epochs (and numba compiling UMAP's code on the
        very first run, about half a minute) cannot be interrupted.
    n_neighbors
        The size of the neighbourhood UMAP keeps; lowered to ``n - 1`` for
        small sets.
    min_dist
        How tightly neighbours may be packed; 0.5 (UMAP's default is 0.1)
        leaves room between the points of a cluster for their labels.

    Returns
    -------
    ndarray
        ``(n, 3)`` float32, standardised (:func:`standardise`).

    Raises
    ------
    EmbvizError
        umap-learn is missing, or too few words.
    Cancelled
        Cancel was asked.
    """
    progress = progress or NULL_PROGRESS
    x = check_vectors(vectors, "umap")
    progress.report(
        0.0, "UMAP: loading umap-learn (the first run also compiles it: up to a minute)…"
    )
    umap_lib = _import("umap")
    progress.report(0.05, f"UMAP: finding the neighbours of {len(x):,} words…")
    progress_file = _EpochFile(progress, start=0.2)
    model = umap_lib.UMAP(
        n_components=3, n_neighbors=int(min(n_neighbors, len(x) - 1)), min_dist=min_dist,
        metric="cosine", init="pca", random_state=int(seed), n_jobs=1, verbose=False,
        tqdm_kwds={"disable": False, "file": progress_file, "bar_format": "{n}/{total}",
                   "mininterval": 0.0, "miniters": 1, "leave": False},
    )  # fmt: skip
    embedding = model.fit_transform(x)
    if progress_file.stopped:
        raise Cancelled()
    progress.check()
    return standardise(np.asarray(embedding), x)


# -- dispatch --------------------------------------------------------------------------
def compute(kind: str, vectors: np.ndarray, *, seed: int = 0,
            progress: Progress | None = None) -> np.ndarray:  # fmt: skip
    """:func:`tsne` or :func:`umap` by name (``"tsne"`` or ``"umap"``)."""
    _check_kind(kind)
    fn = tsne if kind == "tsne" else umap
    return fn(vectors, seed=seed, progress=progress)
