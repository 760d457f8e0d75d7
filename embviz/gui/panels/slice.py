"""Choose the 3D slice, the words on show, label size and colouring."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from embviz.core import nonlinear, slicespec, wordsets
from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.core.slicespec import (
    AxesSlice,
    DirectionAxis,
    LayoutSlice,
    RandomSlice,
    RawSlice,
    SliceSpec,
)
from embviz.core.workspace import Workspace
from embviz.gui import theme
from embviz.gui.jobs import Job
from embviz.gui.panels.base import Panel

TITLE = QT_TRANSLATE_NOOP("Panels", "3D slice")

DEFAULT_AXES = ("woman - man", "cats - cat", "king - man")

# translated when shown, with {n} = nonlinear.SAMPLE_LIMIT
LAYOUT_TIPS = {
    "tsne": QT_TRANSLATE_NOOP(
        "SlicePanel",
        "t-SNE (openTSNE) moves words until each one's nearest neighbours (cosine) are "
        "near it in 3D. Not a slice: the axes, distances between clusters and cluster sizes "
        "mean nothing. Slow: runs in the background, on a sample of {n} when more words are "
        "shown.",
    ),
    "umap": QT_TRANSLATE_NOOP(
        "SlicePanel",
        "UMAP (umap-learn) builds a graph of each word's nearest neighbours (cosine) and "
        "lays it out in 3D. Not a slice: the axes and distances between clusters mean nothing. "
        "Slow (the very first run also compiles code): runs in the background, on a sample of "
        "{n} when more words are shown.",
    ),
}
WORD_SOURCES = [
    QT_TRANSLATE_NOOP("SlicePanel", "Teaching words"),
    QT_TRANSLATE_NOOP("SlicePanel", "Most frequent"),
    QT_TRANSLATE_NOOP("SlicePanel", "Neighbours of a word"),
    QT_TRANSLATE_NOOP("SlicePanel", "Matching a pattern"),
    QT_TRANSLATE_NOOP("SlicePanel", "My list"),
]


def layout_tip(kind: str) -> str:
    """The translated tooltip of the t-SNE or UMAP choice."""
    text = QCoreApplication.translate("SlicePanel", LAYOUT_TIPS[kind])
    return text.format(n=f"{nonlinear.SAMPLE_LIMIT:,}")


def _error_label() -> QLabel:
    lab = QLabel()
    lab.setWordWrap(True)
    lab.setStyleSheet(theme.ERROR_STYLE)  # the palette's, so it follows the theme
    return lab


def _page_of(choice: int) -> int:
    """The stacked page of a :data:`~embviz.core.slicespec.CHOICES` entry: one per mode."""
    return slicespec.MODES.index(slicespec.CHOICES[choice][1].mode)


def _fit_stack(stack: QStackedWidget, index: int) -> None:
    """Size ``stack`` by its page ``index`` alone (not by its tallest page)."""
    for i in range(stack.count()):
        policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
        stack.widget(i).setSizePolicy(policy, policy)
    stack.updateGeometry()


def _page(widget: QWidget) -> QWidget:
    """Wrap a stacked page so it keeps its natural height instead of stretching."""
    page = QWidget()
    lay = QVBoxLayout(page)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(widget)
    lay.addStretch(1)
    return page


class SlicePanel(Panel):
    """Controls for :class:`Workspace`'s slice, shown words and look; owns no data."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        lay = QVBoxLayout(self)
        lay.addWidget(self._build_projection())
        lay.addWidget(self._build_words())
        lay.addWidget(self._build_look())
        lay.addStretch(1)
        workspace.slice_changed.connect(self._show_slice)
        workspace.shown_changed.connect(self._sync)
        workspace.selection_changed.connect(lambda _w: self._sync())
        workspace.loaded.connect(self._on_loaded)
        workspace.layout_lost.connect(self._on_layout_lost)
        if workspace.embeddings is not None:
            self._on_loaded(workspace.embeddings)

    # -- construction --------------------------------------------------------------
    def _build_projection(self) -> QGroupBox:
        box = QGroupBox(self.tr("Which slice of the space"))
        form = QVBoxLayout(box)
        self.mode = QComboBox()
        self.mode.addItems([QCoreApplication.translate("SliceSpec", label)
                            for label, _ in slicespec.CHOICES])  # fmt: skip
        self.mode.setToolTip(
            self.tr("How the d-dimensional vectors are mapped to the three axes you see")
        )
        have = nonlinear.available()
        for i, (_, spec) in enumerate(slicespec.CHOICES):
            if isinstance(spec, LayoutSlice):
                tip = layout_tip(spec.kind)
                if spec.kind not in have:
                    self.mode.setItemText(
                        i, self.tr("{name}: not installed").format(name=nonlinear.NAMES[spec.kind])
                    )
                    self.mode.model().item(i).setEnabled(False)
                    tip = f"{nonlinear.missing_message(spec.kind)}. {tip}"
                self.mode.setItemData(i, tip, Qt.ItemDataRole.ToolTipRole)
        self.mode.currentIndexChanged.connect(self._on_mode)
        form.addWidget(self.mode)
        rnd = QPushButton(self.tr("Draw another random slice"))
        rnd.setToolTip(self.tr("Another random orthonormal 3D slice of the space"))
        rnd.clicked.connect(lambda: self._try(self.slice_error, self.workspace.new_random_slice))
        self.layout_seeds: dict[str, QSpinBox] = {}
        pages = {
            "pca": _page(
                QLabel(self.tr("The three directions along which the words spread most."))
            ),
            "axes": self._build_axes_page(),
            "random": _page(rnd),
            "raw": _page(self._build_raw_page()),
            **{kind: _page(self._build_layout_page(kind)) for kind in nonlinear.KINDS},
        }
        self.pages = QStackedWidget()  # one page per mode, in the order of slicespec.MODES
        for mode in slicespec.MODES:
            self.pages.addWidget(pages[mode])
        form.addWidget(self.pages)
        # A stack is as tall as its tallest page: PCA's one line sat above a gap
        # the axes page's height. Only the page on show counts.
        self.pages.currentChanged.connect(lambda index: _fit_stack(self.pages, index))
        _fit_stack(self.pages, self.pages.currentIndex())
        self.slice_error = _error_label()
        form.addWidget(self.slice_error)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        form.addWidget(self.summary)
        return box

    def _build_axes_page(self) -> QWidget:
        axes = QWidget()
        af = QFormLayout(axes)
        af.setContentsMargins(0, 0, 0, 0)
        self.axis_edits = []
        for name, text in zip("xyz", DEFAULT_AXES, strict=True):
            e = QLineEdit(text)
            e.setToolTip(
                self.tr("A direction as word arithmetic, e.g. woman - man; empty = free axis")
            )
            e.returnPressed.connect(self.apply_axes)
            af.addRow(f"{name} =", e)
            self.axis_edits.append(e)
        apply = QPushButton(self.tr("Apply axes"))
        apply.setToolTip(self.tr("Use the three expressions as the x, y and z axes"))
        apply.clicked.connect(self.apply_axes)
        af.addRow(apply)
        note = QLabel(self.tr("Directions are made orthogonal in the order x → y → z (Gram–Schmidt): "
                              "y keeps only what is new relative to x, z what is new to both."))  # fmt: skip
        note.setWordWrap(True)
        af.addRow(note)
        return axes

    def _build_raw_page(self) -> QWidget:
        raw = QWidget()
        rl = QHBoxLayout(raw)
        rl.setContentsMargins(0, 0, 0, 0)
        self.raw_spins = []
        for i, name in enumerate("xyz"):
            sp = QSpinBox()
            sp.setToolTip(self.tr("Which raw dimension of the vectors to put on this axis"))
            sp.setPrefix(self.tr("{axis}: dim ").format(axis=name))
            sp.setValue(i)
            sp.valueChanged.connect(self._apply_raw)
            rl.addWidget(sp)
            self.raw_spins.append(sp)
        return raw

    def _build_layout_page(self, kind: str) -> QWidget:
        name = nonlinear.NAMES[kind]
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        # (the summary below says what it is not: a slice)
        note = QLabel(
            self.tr(
                "Computed in the background (Cancel keeps the current slice); above "
                "{n} shown words, on a random sample of {n} that keeps the selected word and "
                "its neighbours."
            ).format(n=f"{nonlinear.SAMPLE_LIMIT:,}")
        )
        note.setWordWrap(True)
        v.addWidget(note)
        row = QHBoxLayout()
        seed = QSpinBox()
        seed.setRange(0, 1_000_000)
        seed.setPrefix(self.tr("seed "))
        seed.setToolTip(
            self.tr("The same seed and words give the same {name} picture").format(name=name)
        )
        row.addWidget(seed)
        again = QPushButton(self.tr("Run again (new seed)"))
        again.setToolTip(
            self.tr(
                "Compute {name} again with the next seed: another, equally valid picture"
            ).format(name=name)
        )
        again.clicked.connect(lambda: self._run_again(kind))
        row.addWidget(again, 1)
        v.addLayout(row)
        self.layout_seeds[kind] = seed
        return page

    def _build_words(self) -> QGroupBox:
        box = QGroupBox(self.tr("Which words are shown"))
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.source = QComboBox()
        self.source.setToolTip(
            self.tr(
                "Which words to show: the teaching list, frequent words, a word's neighbours, "
                "a pattern or your own list"
            )
        )
        self.source.addItems([QCoreApplication.translate("SlicePanel", w) for w in WORD_SOURCES])
        self.count = QSpinBox()
        self.count.setRange(1, wordsets.MAX_SHOWN)
        self.count.setValue(300)
        self.count.setToolTip(
            self.tr("How many words (most frequent, neighbours, pattern matches)")
        )
        row.addWidget(self.source, 1)
        row.addWidget(self.count)
        v.addLayout(row)
        self.word_edit = QLineEdit(placeholderText=self.tr("word, or a pattern such as *ing"))
        self.word_edit.setToolTip(
            self.tr("The word whose neighbours to show, or a pattern (* and ? wildcards)")
        )
        self.word_edit.returnPressed.connect(self.show_selected_words)
        v.addWidget(self.word_edit)
        self.list_edit = QPlainTextEdit()
        self.list_edit.setToolTip(
            self.tr("Type or paste words, separated by spaces, commas or new lines")
        )
        self.list_edit.setPlaceholderText(
            self.tr("Type or paste words, separated by spaces or new lines")
        )
        self.list_edit.setMaximumHeight(90)
        v.addWidget(self.list_edit)
        go = QPushButton(self.tr("Show these words"))
        go.setToolTip(self.tr("Show the chosen words in the 3D view"))
        go.clicked.connect(self.show_selected_words)
        v.addWidget(go)
        self.words_message = _error_label()
        v.addWidget(self.words_message)
        self.source.currentIndexChanged.connect(self._on_source)
        self._on_source(0)
        return box

    def _build_look(self) -> QGroupBox:
        box = QGroupBox(self.tr("Look"))
        f = QFormLayout(box)
        self.label_size = QSlider(Qt.Orientation.Horizontal)
        self.label_size.setRange(50, 300)
        self.label_size.setValue(100)
        self.label_size.setToolTip(self.tr("Label size in % — bigger for projectors and slides"))
        self.label_size.valueChanged.connect(lambda v: self.workspace.set_label_scale(v / 100))
        f.addRow(self.tr("Label size"), self.label_size)
        self.color = QComboBox()
        self.color.setToolTip(
            self.tr("Colour the points by cluster, by your groups or by a metadata column")
        )
        self.color.currentIndexChanged.connect(self._on_color)
        f.addRow(self.tr("Colour by"), self.color)
        self.clusters = QSpinBox()
        self.clusters.setToolTip(self.tr("How many k-means clusters"))
        self.clusters.setRange(2, 12)
        self.clusters.setValue(6)
        self.clusters.valueChanged.connect(self._on_color)
        f.addRow(self.tr("Clusters"), self.clusters)
        self.group_edit = QLineEdit(
            placeholderText=self.tr("royals: king queen prince; animals: cat dog")
        )
        self.group_edit.setToolTip(self.tr("Groups as name: words; separate groups with ';'"))
        self.group_edit.returnPressed.connect(self._on_color)
        f.addRow(self.tr("Groups"), self.group_edit)
        self.color_error = _error_label()
        f.addRow(self.color_error)
        return box

    # -- model → widgets -----------------------------------------------------------
    def _on_loaded(self, emb) -> None:
        for sp in self.raw_spins:
            sp.setRange(0, emb.dim - 1)
        with signals_blocked(self.color):
            self.color.clear()
            self.color.addItem(self.tr("nothing (one colour)"), "none")
            self.color.addItem(self.tr("k-means cluster"), "cluster")
            self.color.addItem(self.tr("my groups"), "group")
            for col in emb.metadata:
                self.color.addItem(self.tr("metadata: {column}").format(column=col), f"meta:{col}")
        self._sync()

    def _show_slice(self, spec: SliceSpec) -> None:
        """Show ``spec`` in the controls (the model changed; nothing is sent back)."""
        index = slicespec.choice_index(spec)
        with signals_blocked(self.mode):
            self.mode.setCurrentIndex(index)
        self.pages.setCurrentIndex(_page_of(index))
        if isinstance(spec, AxesSlice):  # axes set elsewhere (the tour, the Analogy panel)
            for edit, axis in zip(self.axis_edits, spec.axes, strict=True):
                label = axis.label if isinstance(axis, DirectionAxis) else axis
                if label and edit.text() != label:
                    with signals_blocked(edit):
                        edit.setText(label)
        elif isinstance(spec, LayoutSlice):
            with signals_blocked(self.layout_seeds[spec.kind]):
                self.layout_seeds[spec.kind].setValue(spec.seed)
        elif isinstance(spec, RawSlice):
            for sp, d in zip(self.raw_spins, spec.dims, strict=True):
                with signals_blocked(sp):
                    sp.setValue(d)

    def _sync(self) -> None:
        ws = self.workspace
        proj = ws.projection
        self._show_slice(ws.slice)
        if proj is None:
            self.summary.setText("")
            return
        if not proj.linear:
            text = f"{proj.note}<br>"
            if ws.layout is not None:
                text += ws.layout.describe()
            text += self.tr(" No axes and no share of the vector length apply here.")
            self.summary.setText(text)
            return
        rows = []
        for name, lab, e in zip("xyz", proj.labels, proj.explained, strict=True):
            rows.append(
                self.tr("<b>{axis}</b>: {label} — {share} % of the spread").format(
                    axis=name, label=lab, share=f"{100 * e:.1f}"
                )
            )
        mean = 100 * float(np.mean(ws.in_slice)) if len(ws.in_slice) else 0.0
        text = "<br>".join(rows)
        text += self.tr(
            "<br>On average <b>{share} %</b> of a shown word's vector length lies in "
            "this slice (|Pv|/|v|, vectors not centred); the rest is invisible here."
        ).format(share=f"{mean:.0f}")
        if ws.selected in ws.shown_words:
            f = 100 * float(ws.in_slice[ws.shown_words.index(ws.selected)])
            text += f"<br>“{ws.selected}”: {f:.0f} %."
        self.summary.setText(text)

    # -- widgets → model -----------------------------------------------------------
    def _try(self, label: QLabel, fn, *args) -> bool:
        try:
            fn(*args)
        except EmbvizError as e:
            label.setText(str(e))
            self._sync()
            return False
        label.clear()
        return True

    def _on_mode(self, index: int) -> None:
        spec = slicespec.CHOICES[index][1]
        self.pages.setCurrentIndex(_page_of(index))
        if isinstance(spec, LayoutSlice):
            self.run_layout(spec.kind)
            return
        self.cancel_layout()
        if isinstance(spec, AxesSlice):
            self.apply_axes()  # the expressions typed in the panel
        elif isinstance(spec, RawSlice):
            self._apply_raw()  # the dimensions set in the panel
        elif isinstance(spec, RandomSlice):  # the random slice last shown
            self._try(
                self.slice_error, self.workspace.set_slice, self.workspace.remembered("random")
            )
        else:
            self._try(self.slice_error, self.workspace.set_slice, spec)

    def apply_axes(self) -> bool:
        """Use the three typed expressions as axes; show any error under them."""
        exprs = [e.text() for e in self.axis_edits]
        return self._try(self.slice_error, self.workspace.set_axes, exprs)

    def _apply_raw(self) -> None:
        dims = tuple(sp.value() for sp in self.raw_spins)
        self._try(self.slice_error, self.workspace.set_slice, RawSlice(dims))

    # -- t-SNE and UMAP: computed in the background -----------------------------
    def run_layout(self, kind: str, seed: int | None = None) -> Job | None:
        """Compute a ``kind`` layout of the shown words in the background and show it.

        Returns the job (``None`` when nothing had to be computed, or on an
        error, which is shown under the slice choice). Cancel, or an error,
        leaves the current slice on show.
        """
        self.cancel_layout()
        ws = self.workspace
        seed = self.layout_seeds[kind].value() if seed is None else int(seed)
        with signals_blocked(self.layout_seeds[kind]):
            self.layout_seeds[kind].setValue(seed)
        name = nonlinear.NAMES[kind]
        cached = ws.cached_layout(kind, seed) if ws.embeddings is not None else None
        if cached is not None:  # the same words and seed: the same picture, instantly
            self._try(self.slice_error, ws.set_layout, cached)
            return None
        try:
            work = ws.layout_work(kind, seed)
        except EmbvizError as e:
            self.slice_error.setText(str(e))
            self._sync()
            return None
        self.slice_error.clear()
        n = len(ws.requested_rows)
        if n > nonlinear.SAMPLE_LIMIT:
            title = self.tr("Computing {name} of {n} words (a sample of the {shown} shown)…")
        else:
            title = self.tr("Computing {name} of {n} words…")
        title = title.format(name=name, n=f"{min(n, nonlinear.SAMPLE_LIMIT):,}", shown=f"{n:,}")
        job = self.jobs.start("layout", title, work)
        started = ws.changes
        job.done.connect(lambda layout: self._layout_done(layout, started))
        job.error.connect(lambda error: self._layout_failed(error, name))
        return job

    @property
    def job(self) -> Job | None:
        """The layout being computed, if any."""
        return self.jobs.current("layout")

    def cancel_layout(self) -> None:
        """Stop a layout being computed; its result is dropped. Returns at once.

        UMAP notices Cancel only between epochs (its neighbour search and, on
        the first run, numba compiling it can take half a minute): waiting
        here froze the window when the user chose another slice. The thread
        ends on its own (:mod:`embviz.gui.jobs` keeps it until then).
        """
        self.jobs.cancel("layout")

    def _layout_done(self, layout, started: int) -> None:
        if self.workspace.changes != started:
            # the words or the slice changed meanwhile: the result is for another picture
            self.slice_error.setText(
                self.tr(
                    "{name} was not shown: the words or the slice changed while it was computed."
                ).format(name=nonlinear.NAMES[layout.kind])
            )
            self._sync()
            return
        self._try(self.slice_error, self.workspace.set_layout, layout)

    def _layout_failed(self, error: BaseException, name: str) -> None:
        if isinstance(error, Cancelled):
            self.slice_error.setText(
                self.tr("{name} cancelled: the slice on show stays.").format(name=name)
            )
        elif isinstance(error, EmbvizError):
            self.slice_error.setText(str(error))
        else:  # a bug, or the package failing: details and a log entry, the app goes on
            from embviz.gui.error_dialog import show_error

            failed = self.tr("{name} failed").format(name=name)
            self.slice_error.setText(failed + ".")
            show_error(error, self, failed)
        self._sync()

    def _run_again(self, kind: str) -> None:
        self.run_layout(kind, self.layout_seeds[kind].value() + 1)

    def _on_layout_lost(self, kind: str) -> None:
        """The shown words changed under a layout: PCA is on show; compute the layout again."""
        name = nonlinear.NAMES[kind]
        self.slice_error.setText(
            self.tr(
                "The shown words changed, so the {name} positions no longer apply: PCA is shown "
                "while {name} is computed again."
            ).format(name=name)
        )
        # after the change that caused it is complete (a scene may set its own slice)
        QTimer.singleShot(0, self, self._recompute_lost)

    def _recompute_lost(self) -> None:
        ws = self.workspace
        kind, ws.lost_layout = ws.lost_layout, None
        if kind is None or ws.embeddings is None:
            return  # another slice was chosen meanwhile
        self.run_layout(kind, ws.layout_seed)

    def _on_source(self, index: int) -> None:
        self.count.setEnabled(index in (1, 2, 3))
        self.word_edit.setVisible(index in (2, 3))
        self.word_edit.setPlaceholderText(
            self.tr("a word") if index == 2 else self.tr("a pattern such as *ing")
        )
        self.list_edit.setVisible(index == 4)

    def show_selected_words(self) -> bool:
        """Show the words the controls describe; report unknown words or bad patterns."""
        ws, emb = self.workspace, self.workspace.embeddings
        if emb is None:
            return False
        index, n = self.source.currentIndex(), self.count.value()
        note = ""
        try:
            if index == 0:
                words = None
            elif index == 1:
                words = wordsets.top_words(emb, n)
            elif index == 2:
                words = wordsets.neighbor_words(emb, self.word_edit.text().strip(), n)
            elif index == 3:
                words = wordsets.matching_words(emb, self.word_edit.text(), limit=n)
            else:
                words, unknown = wordsets.parse_word_list(self.list_edit.toPlainText(), emb)
                if not words:
                    raise EmbvizError(self.tr("none of these words is in the vocabulary"))
                if unknown:
                    note = self.tr("Not in the vocabulary, left out: {words}").format(
                        words=", ".join(unknown[:10])
                    )
            ws.show_words(words)
        except EmbvizError as e:
            self.words_message.setText(str(e))
            return False
        self.words_message.setText(note)
        return True

    def _on_color(self, *_args) -> None:
        by = self.color.currentData() or "none"
        groups = {}
        for part in self.group_edit.text().split(";"):
            if ":" in part:
                name, words = part.split(":", 1)
                if name.strip() and words.split():
                    groups[name.strip()] = words.split()
        self._try(self.color_error, lambda: self.workspace.set_coloring(
            by, n_clusters=self.clusters.value(), groups=groups))  # fmt: skip


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for ``workspace``."""
    return SlicePanel(workspace, parent)
