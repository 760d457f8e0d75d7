"""A short guided tour of the lesson on the embedded default data.

embedding → 3D slice → analogy → plurality → positional encoding. Every step
drives the real panels and says what the data actually shows (numbers are
computed when the step is shown, never written in advance).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from embviz.core.directions import group_means
from embviz.core.errors import EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP


@dataclass
class Step:
    """One stop of the tour: what to set up, and the text (built from the result)."""

    title: str
    run: Callable[[object], str]


def _raise(win, name: str):
    dock = win.docks.get(name)
    if dock is not None:
        win.set_panels_visible(True)
        dock.raise_()
        # the step's controls are at the top: not scrolled away by an earlier visit
        area = dock.widget()
        if isinstance(area, QAbstractScrollArea):
            area.verticalScrollBar().setValue(0)
            area.horizontalScrollBar().setValue(0)
    return win.panels.get(name)


def _vector(win) -> str:
    ws = win.workspace
    ws.set_projection("pca")
    ws.show_words(None)
    ws.select("king")
    _raise(win, "search")
    emb = ws.embeddings
    v = emb.vector("king")
    head = ", ".join(f"{x:+.2f}" for x in v[:6])
    return QCoreApplication.translate(
        "Tour",
        "Every word is a row of numbers. “king” is [{head}, …]: {dim} numbers, one row of a "
        "{rows} × {dim} matrix. Words used in similar contexts get similar rows: "
        "the green points are king's nearest neighbours by cosine, {neighbours}…",
    ).format(
        head=head, dim=emb.dim, rows=f"{len(emb):,}",
        neighbours=", ".join(n.word for n in ws.neighbors[:4]),
    )  # fmt: skip


def _slice(win) -> str:
    ws = win.workspace
    ws.set_projection("pca")
    _raise(win, "slice")
    share = 100 * float(np.mean(ws.in_slice)) if len(ws.in_slice) else 0.0
    return QCoreApplication.translate(
        "Tour",
        "We cannot see {dim} dimensions, so the view shows a 3D slice: here the "
        "three directions along which these words spread most (PCA). Only {share} % of a "
        "word's length lies in this slice on average; the rest is invisible. Drag to orbit.",
    ).format(dim=ws.embeddings.dim, share=f"{share:.0f}")


def _axes(win) -> str:
    ws = win.workspace
    panel = _raise(win, "slice")
    exprs = ["woman - man", "cats - cat", "king - man"]
    if panel is not None and hasattr(panel, "axis_edits"):
        for edit, e in zip(panel.axis_edits, exprs, strict=True):
            edit.setText(e)
    ws.set_axes(exprs)
    return QCoreApplication.translate(
        "Tour",
        "Directions carry meaning. Now the axes are woman − man, cats − cat and king − man "
        "(made perpendicular in that order). Words line up by gender along x and by number "
        "along y.",
    )


def _analogy(win) -> str:
    panel = _raise(win, "analogy")
    if panel is None or not hasattr(panel, "run_query"):
        raise EmbvizError(QCoreApplication.translate("Tour", "the analogy panel is not available"))
    panel.expr.setText("king - man + woman")
    res = panel.run_query()
    top = res.results[0] if res is not None and res.results else None
    found = (
        QCoreApplication.translate("Tour", "The nearest word is “{word}” (cosine {score})").format(
            word=top.word, score=f"{top.score:.2f}"
        )
        if top
        else QCoreApplication.translate("Tour", "No answer")
    )
    return QCoreApplication.translate(
        "Tour",
        "king − man + woman: {found}, with the three input words left out as gensim does "
        "(tick “Include input words” to see that king itself is often nearest). The 3D view "
        "draws the parallelogram.",
    ).format(found=found)


def _plural(win) -> str:
    panel = _raise(win, "directions")
    if panel is None or not hasattr(panel, "apply"):
        raise EmbvizError(
            QCoreApplication.translate("Tour", "the directions panel is not available")
        )
    panel.use_preset(0)  # the preset's words, not what the user typed there before
    means = group_means(panel.scores)
    # the preset's groups, named in the interface's language
    sing = means.get(QCoreApplication.translate("Directions", "singular"))
    plur = means.get(QCoreApplication.translate("Directions", "plural"))
    if sing is None or plur is None:
        compare = QCoreApplication.translate(
            "Tour", "the chart shows where each word lies along it"
        )
    elif plur > sing:
        compare = QCoreApplication.translate("Tour", "plural nouns score higher than singular ones (means {plural} and "
                      "{singular})").format(plural=f"{plur:+.2f}", singular=f"{sing:+.2f}")  # fmt: skip
    else:
        compare = QCoreApplication.translate("Tour", "here plural nouns do not score higher than singular ones (means "
                      "{plural} and {singular})").format(plural=f"{plur:+.2f}",
                                                         singular=f"{sing:+.2f}")  # fmt: skip
    emb = win.workspace.embeddings
    d = emb.vector("cats") - emb.vector("cat")
    dots = [float(emb.vector(w) @ d) for w in ("one", "two", "three", "four")]
    order = " < ".join(
        f"{w} ({x:+.2f})" for w, x in zip(("one", "two", "three", "four"), dots, strict=True)
    )
    holds = all(a < b for a, b in pairwise(dots))
    verdict = (
        QCoreApplication.translate("Tour", " — a graded sense of “how many”.")
        if holds
        else QCoreApplication.translate("Tour", " — the order is not clean here.")
    )
    return QCoreApplication.translate(
        "Tour",
        "cats − cat points in a “plural” direction: {compare}. Along it, {order}{verdict}"
        " The whiskers show what random directions of the same length give.",
    ).format(compare=compare, order=order, verdict=verdict)


def _posenc(win) -> str:
    panel = _raise(win, "posenc")
    if panel is not None and hasattr(panel, "tabs"):
        panel.tabs.setCurrentIndex(0)
    return QCoreApplication.translate(
        "Tour",
        "A Transformer also needs word order. Each position gets a vector, "
        "PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(…), added to the token's "
        "vector: input = embedding + position. Fast waves in the first dimensions, slow ones later.",
    )


# titles are translated when shown (see TourDock.go)
STEPS = [
    Step(QT_TRANSLATE_NOOP("Tour", "1. A word is a vector"), _vector),
    Step(QT_TRANSLATE_NOOP("Tour", "2. A 3D slice of many dimensions"), _slice),
    Step(QT_TRANSLATE_NOOP("Tour", "3. Directions carry meaning"), _axes),
    Step(QT_TRANSLATE_NOOP("Tour", "4. Analogies: king − man + woman"), _analogy),
    Step(QT_TRANSLATE_NOOP("Tour", "5. The plurality direction"), _plural),
    Step(QT_TRANSLATE_NOOP("Tour", "6. Positional encoding"), _posenc),
]


class TourDock(QDockWidget):
    """A docked card with the step's text and Back / Next buttons."""

    def __init__(self, window):
        super().__init__(self.tr("Guided tour"), window)
        self.setObjectName("dock-tour")
        self.window_ = window
        self.index = -1
        self.title = QLabel()
        self.text = QLabel(wordWrap=True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.back = QPushButton(self.tr("◀ Back"))
        self.back.setToolTip(self.tr("Previous step of the tour"))
        self.next = QPushButton(self.tr("Next ▶"))
        self.next.setToolTip(self.tr("Next step of the tour"))
        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(self._next_or_finish)
        body = QWidget()
        buttons = QVBoxLayout()
        buttons.addWidget(self.next)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.text, 1)
        lay = QHBoxLayout(body)
        lay.addLayout(words, 1)
        lay.addLayout(buttons)
        self.setWidget(body)
        self._style()

    def changeEvent(self, ev) -> None:
        """Follow the window's text scale."""
        super().changeEvent(ev)
        if ev.type() == ev.Type.FontChange:
            self._style()

    def _style(self) -> None:
        title = QFont(self.font())
        title.setBold(True)
        title.setPointSizeF(self.font().pointSizeF() * 1.2)
        self.title.setFont(title)
        # room for four lines of text: the steps are two or three lines long
        self.text.setMinimumHeight(round(QFontMetricsF(self.font()).lineSpacing() * 4))

    def start(self) -> None:
        """Show the tour from its first step (on the embedded default data)."""
        win = self.window_
        self.show()
        emb = win.workspace.embeddings
        if emb is None or emb.source.label is None or "embedded default" not in emb.source.label:
            job = win.open_path(None)
            job.done.connect(lambda _e: self.go(0))
        else:
            self.go(0)

    def go(self, index: int) -> None:
        """Show step ``index``."""
        self.index = max(0, min(index, len(STEPS) - 1))
        step = STEPS[self.index]
        # each step starts clean: no arrows or green neighbours left from before
        ws = self.window_.workspace
        ws.clear_overlays()
        ws.select(None)
        self.title.setText(
            self.tr("{title}  ({n} of {total})").format(
                title=QCoreApplication.translate("Tour", step.title),
                n=self.index + 1,
                total=len(STEPS),
            )
        )
        try:
            self.text.setText(step.run(self.window_))
        except EmbvizError as e:
            self.text.setText(self.tr("This step could not be shown: {error}").format(error=e))
        self.back.setEnabled(self.index > 0)
        last = self.index == len(STEPS) - 1
        self.next.setText(self.tr("Finish") if last else self.tr("Next ▶"))
        self.next.setToolTip(
            self.tr("Close the tour") if last else self.tr("Next step of the tour")
        )

    def _next_or_finish(self) -> None:
        if self.index >= len(STEPS) - 1:
            self.finish()
        else:
            self.go(self.index + 1)

    def finish(self) -> None:
        """Close the tour; what it set up stays on screen to explore."""
        self.hide()
        self.index = -1
