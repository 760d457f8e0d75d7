"""The Analogy panel: vector arithmetic with its honesty made visible, and the benchmarks.

The Query tab answers ``king - man + woman`` (or man : king :: woman : ?) with
3CosAdd or 3CosMul, says that the input words are left out, shows where an
expected answer ranks, and draws the parallelogram in the 3D view. The
Evaluate tab runs the analogy and word-pair test sets in the background.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from embviz.core.analogy import QueryResult, analogy_terms, parallelogram, query, raw_point
from embviz.core.errors import Cancelled, EmbvizError, UnknownWordError, close_spellings
from embviz.core.expressions import describe
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.core.workspace import Overlay, Workspace
from embviz.gui import theme
from embviz.gui.jobs import Job
from embviz.gui.panels.base import Panel

TITLE = QT_TRANSLATE_NOOP("Panels", "Analogy")
OVERLAY = "analogy"
OVERLAY_COLOR = "overlay"  # the theme's overlay colour: amber on dark, dark amber on white
METHOD_NAMES = {"3cosadd": "3CosAdd", "3cosmul": "3CosMul"}
ERROR_STYLE = theme.ERROR_STYLE
NOTE_STYLE = theme.NOTE_STYLE + " font-style: italic;"


def _error_html(text) -> str:
    # rich text knows no palette(): the theme's error colour, as it is now
    return f"<span style='color: {theme.colors()['error']}'>{text}</span>"


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    if align_right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return it


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    h = t.horizontalHeader()
    h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for c in range(1, len(headers)):
        h.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    return t


class AnalogyPanel(Panel):
    """Expression and a : b :: c : ? queries, plus the Evaluate benchmarks, over a workspace."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.result: QueryResult | None = None
        self._abc: tuple[str, str, str] | None = None  # the analogy on show, for its slice
        self.report = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_query_tab(), self.tr("Query"))
        self.tabs.addTab(self._build_evaluate_tab(), self.tr("Evaluate"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tabs)
        self._failure_list: list = []
        workspace.loaded.connect(self._on_loaded)
        app = QApplication.instance()
        if app is not None:
            # A dock's panel gets no close event: stop the worker before the app goes away.
            app.aboutToQuit.connect(self.shutdown)
        self._update_note()

    # -- construction ----------------------------------------------------------------
    def _build_query_tab(self) -> QWidget:
        w = QWidget()
        row = self._build_expression_row()
        form_row = self._build_analogy_row()
        opts = self._build_method_row()
        self._build_answers()
        form = QFormLayout()
        form.addRow(self.tr("Expression"), row)
        form.addRow(self.tr("Analogy"), form_row)
        form.addRow(self.tr("Method"), opts)
        form.addRow("", self._build_include_row())
        form.addRow(self.tr("Expected"), self.expected)
        lay = QVBoxLayout(w)
        lay.addLayout(form)
        lay.addWidget(self.note)
        lay.addWidget(self.expected_info)
        lay.addWidget(self.message)
        lay.addWidget(self.table, 1)
        return w

    def _build_expression_row(self) -> QHBoxLayout:
        self.expr = QLineEdit(placeholderText="king - man + woman")
        self.expr.setToolTip(
            self.tr(
                "Words joined by + and -, with optional factors and parentheses: paris - france + "
                "italy, 2*walked - walk, woman - (king - man). A hyphen without spaces joins its "
                "words into one group (king-man is (king - man)) unless the whole is a word "
                "(e-mail)"
            )
        )
        self.expr.setClearButtonEnabled(True)
        self.expr.returnPressed.connect(self.run_query)
        go = QPushButton(self.tr("Go"))
        go.setToolTip(self.tr("Answer the expression"))
        go.clicked.connect(self.run_query)
        row = QHBoxLayout()
        row.addWidget(self.expr, 1)
        row.addWidget(go)
        return row

    def _build_answers(self) -> None:
        """The note, the expected word and its rank, the error line and the answers table."""
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.expected = QLineEdit(placeholderText=self.tr("expected answer, e.g. queen"))
        self.expected.setToolTip(
            self.tr("Where does this word rank, with and without the input words?")
        )
        self.expected.returnPressed.connect(self.run_query)
        self.expected_info = QLabel()
        self.expected_info.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.table = _table([self.tr("answer"), self.tr("score")])
        self.table.cellDoubleClicked.connect(self._select_answer)
        self.table.setToolTip(self.tr("Double-click an answer to select it in the 3D view"))

    def _build_include_row(self) -> QHBoxLayout:
        # The slice on show may be about something else (the royal axes for
        # paris - france + italy): one click puts the question's own directions on it.
        self.slice_button = QPushButton(self.tr("Slice along it"))
        self.slice_button.setToolTip(
            self.tr(
                "3D slice with x = b − a (e.g. paris − france), z = c − a (italy − france, "
                "upright) and y the largest remaining spread: the parallelogram faces the camera"
            )
        )
        self.slice_button.setEnabled(False)
        self.slice_button.clicked.connect(self.slice_along)
        include_row = QHBoxLayout()
        include_row.addWidget(self.include, 1)
        include_row.addWidget(self.slice_button)
        return include_row

    def _build_analogy_row(self) -> QHBoxLayout:
        self.a, self.b, self.c = (QLineEdit(placeholderText=p) for p in ("man", "king", "woman"))
        self.a.setToolTip(self.tr("a in a : b :: c : ? (man in man : king :: woman : ?)"))
        self.b.setToolTip(self.tr("b in a : b :: c : ? (king in man : king :: woman : ?)"))
        self.c.setToolTip(self.tr("c in a : b :: c : ? (woman in man : king :: woman : ?)"))
        form_row = QHBoxLayout()
        for i, edit in enumerate((self.a, self.b, self.c)):
            edit.returnPressed.connect(self.run_form)
            form_row.addWidget(edit, 1)
            form_row.addWidget(QLabel((":", "::", ": ?")[i]))
        solve = QPushButton(self.tr("Solve"))
        solve.setToolTip(self.tr("a : b :: c : ?  is answered as  b - a + c"))
        solve.clicked.connect(self.run_form)
        form_row.addWidget(solve)
        return form_row

    def _build_method_row(self) -> QHBoxLayout:
        self.method = QComboBox()
        for key, name in METHOD_NAMES.items():
            self.method.addItem(name, key)
        self.method.setToolTip(
            self.tr(
                "3CosAdd: cosine to the mean of unit vectors (gensim most_similar).\n"
                "3CosMul: product of shifted cosines (gensim most_similar_cosmul)."
            )
        )
        self.k = QSpinBox(minimum=1, maximum=100, value=10)
        self.k.setToolTip(self.tr("How many answers"))
        self.include = QCheckBox(self.tr("Include input words"))
        self.include.setToolTip(self.tr("Let the words of the expression appear among the answers"))
        self.method.currentIndexChanged.connect(self._rerun)
        self.k.valueChanged.connect(self._rerun)
        self.include.toggled.connect(self._rerun)
        opts = QHBoxLayout()
        opts.addWidget(self.method, 1)
        opts.addWidget(QLabel(self.tr("top")))
        opts.addWidget(self.k)
        return opts

    def _build_evaluate_tab(self) -> QWidget:
        w = QWidget()
        self.evaluate_button = QPushButton(self.tr("Evaluate"))
        self.evaluate_button.setToolTip(
            self.tr(
                "Run questions-words.txt (19,544 analogies) and the WordSim-353 and SimLex-999 "
                "similarity sets on the open vectors, as gensim does"
            )
        )
        self.evaluate_button.clicked.connect(self.run_evaluation)
        self.restrict = QSpinBox(minimum=1, maximum=10_000_000, value=300_000, singleStep=10_000)
        self.restrict.setGroupSeparatorShown(True)
        self.restrict.setToolTip(
            self.tr("Only the first N words count and are searched (gensim: 300,000)")
        )
        top = QHBoxLayout()
        top.addWidget(self.evaluate_button)
        top.addWidget(QLabel(self.tr("first")))
        top.addWidget(self.restrict, 1)
        top.addWidget(QLabel(self.tr("words")))
        self.eval_status = QLabel(
            self.tr("Analogy accuracy per section and similarity correlations.")
        )
        self.eval_status.setWordWrap(True)
        self.sections = _table([self.tr("section"), self.tr("correct"), self.tr("accuracy")])
        self.sections.setToolTip(self.tr("Click a section to list the questions it got wrong"))
        self.sections.currentCellChanged.connect(lambda r, *_: self._show_failures(r))
        self.pairs = _table([self.tr("similarity set"), "Pearson", "Spearman", self.tr("pairs")])
        self.failures = QListWidget()
        self.failures.setToolTip(self.tr("Click a failure to see that analogy in 3D"))
        self.failures.currentRowChanged.connect(self._show_failure)
        self.failure_info = QLabel()
        self.failure_info.setWordWrap(True)
        lay = QVBoxLayout(w)
        lay.addLayout(top)
        lay.addWidget(self.eval_status)
        lay.addWidget(self.sections, 3)
        lay.addWidget(self.pairs, 1)
        lay.addWidget(QLabel(self.tr("Failures (expected → answered):")))
        lay.addWidget(self.failures, 2)
        lay.addWidget(self.failure_info)
        return w

    # -- queries -----------------------------------------------------------------------
    def run_form(self) -> None:
        """Answer ``a : b :: c : ?`` from the three boxes (as ``b - a + c``)."""
        words = [e.text().strip() or e.placeholderText() for e in (self.a, self.b, self.c)]
        self.expr.setText(describe(analogy_terms(*words)))
        self.run_query()

    def _rerun(self, *_args) -> None:
        self._update_note()
        if self.result is not None:
            self.run_query()

    def run_query(self) -> QueryResult | None:
        """Answer the expression box; show the answers, the note and the 3D drawing."""
        emb = self.workspace.embeddings
        if emb is None:
            self.message.setText(self.tr("Open a vector file first."))
            return None
        text = self.expr.text() if self.expr.text().strip() else self.expr.placeholderText()
        expected = self.expected.text().strip() or None
        expected_error = None
        if expected is not None and expected not in emb:
            # Answer anyway; say what is wrong with the expected word next to it.
            expected_error = str(UnknownWordError(expected, close_spellings(expected, emb.words)))
            expected = None
        try:
            res = query(emb, text, k=self.k.value(), method=self.method.currentData(),
                        include_inputs=self.include.isChecked(), expected=expected)  # fmt: skip
        except EmbvizError as e:
            self.message.setText(str(e))
            return None
        self.message.clear()
        self.result = res
        self._fill_answers(res)
        if expected_error:
            self.expected_info.setText(_error_html(expected_error))
        self._update_note()
        self._draw(res)
        return res

    def _fill_answers(self, res: QueryResult) -> None:
        inputs = set(res.inputs)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("answer"),
                self.tr("cosine") if res.method == "3cosadd" else self.tr("3CosMul score"),
            ]
        )
        self.table.setRowCount(len(res.results))
        for r, (word, score) in enumerate(res.results):
            w = _item(self.tr("{word}  (input)").format(word=word) if word in inputs else word)
            w.setData(Qt.ItemDataRole.UserRole, word)
            if word in inputs:
                w.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
                font = w.font()
                font.setItalic(True)
                w.setFont(font)
            self.table.setItem(r, 0, w)
            self.table.setItem(r, 1, _item(f"{score:.4f}", True))
        e = res.expected
        if e is None:
            self.expected_info.clear()
            return
        label = self.tr("cosine") if res.method == "3cosadd" else self.tr("score")
        where = (
            self.tr("it is an input word, so it is left out")
            if e.rank is None
            else self.tr("rank <b>{rank}</b>").format(rank=e.rank)
        )
        extra = (
            ""
            if res.method == "3cosadd"
            else self.tr(", cosine to the sum {cosine}").format(cosine=f"{e.cosine:.4f}")
        )
        self.expected_info.setText(
            self.tr(
                "“{word}”: {where} with the inputs left out; rank {rank} with them included. "
                "{label} {score}{extra}."
            ).format(
                word=e.word,
                where=where,
                rank=e.rank_with_inputs,
                label=label,
                score=f"{e.score:.4f}",
                extra=extra,
            )
        )

    def _update_note(self) -> None:
        words = ", ".join(self.result.inputs) if self.result else self.tr("the input words")
        if self.include.isChecked():
            self.note.setText(self.tr("Input words ({words}) are included: the nearest word to "
                                      "the sum is often one of them.").format(words=words))  # fmt: skip
        else:
            self.note.setText(self.tr("Input words ({words}) are left out of the answers by "
                                      "default, as gensim does. Tick “Include input words” to "
                                      "see them.").format(words=words))  # fmt: skip
        if self.result is not None and self.result.from_subwords:
            self.note.setText(self.note.text() + self.tr(
                " Built from subwords (not in the vocabulary; fastText averages their character "
                "n-grams): {words}.").format(words=", ".join(self.result.from_subwords)))  # fmt: skip

    def _draw(self, res: QueryResult) -> None:
        emb = self.workspace.embeddings
        terms = list(res.terms)
        point = raw_point(emb, terms)
        top = next((w for w, _ in res.results if w not in res.inputs), None)
        if top is None and res.results:
            top = res.results[0].word
        arrows = []
        abc = parallelogram(terms)
        if abc is not None:
            a, b, c = abc
            # lookup: an input may be built from fastText subwords (no row of its own)
            arrows.append((emb.lookup(a), emb.lookup(b), f"{a}→{b}"))
            if top is not None:
                arrows.append((emb.lookup(c), emb.vector(top), f"{c}→{top}"))
        elif top is not None:
            arrows.append((point, emb.vector(top), f"→{top}"))
        self._abc = abc
        self.slice_button.setEnabled(abc is not None)
        # the words at the arrows' ends are labelled first: king at the head of man→king
        words = [*(abc or res.inputs), *([top] if top else [])]
        overlay = Overlay(arrows=arrows, markers=[(point, res.expression)], color=OVERLAY_COLOR,
                          words=list(dict.fromkeys(words)))  # fmt: skip
        # an earlier search's green neighbours would read as part of this answer
        if self.workspace.selected is not None:
            self.workspace.select(None)
        answers = [w for w, _ in res.results[:5]]
        extra = list(res.inputs) + answers
        if res.expected is not None:
            extra.append(res.expected.word)
        shown = set(self.workspace.shown_words)
        if any(w not in shown for w in extra):
            self.workspace.show_words(self.workspace.shown_words + extra)
        self.workspace.set_overlay(OVERLAY, overlay)

    def slice_along(self) -> None:
        """Show the 3D slice with x = b − a and z = c − a of the analogy on show.

        z is the upright axis: the parallelogram in the x-z plane faces the
        default camera, instead of lying flat under it.
        """
        if self._abc is None:
            return
        a, b, c = self._abc
        try:
            self.workspace.set_axes([f"{b} - {a}", None, f"{c} - {a}"])
        except EmbvizError as e:  # e.g. b − a parallel to c − a
            self.message.setText(str(e))

    def _select_answer(self, row: int, _col: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.workspace.select(item.data(Qt.ItemDataRole.UserRole))

    def answer_words(self) -> list[str]:
        """The words in the answers table, best first."""
        rows = range(self.table.rowCount())
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    # -- evaluation ----------------------------------------------------------------------
    def run_evaluation(self) -> Job | None:
        """Run the test sets on the open vectors in the background."""
        from embviz.core.evaluation import evaluate

        emb = self.workspace.embeddings
        if emb is None:
            self.eval_status.setText(self.tr("Open a vector file first."))
            return None
        self.stop()
        restrict, method = self.restrict.value(), self.method.currentData()

        def work(progress):
            return evaluate(emb, restrict_vocab=restrict, method=method, progress=progress)

        self.evaluate_button.setEnabled(False)
        self.eval_status.setText(self.tr("Evaluating…"))
        job = self.jobs.start("evaluate", self.tr("Evaluating the vectors…"), work)
        job.done.connect(self._evaluated)
        job.error.connect(self._evaluation_failed)
        return job

    @property
    def job(self) -> Job | None:
        """The evaluation running, if any."""
        return self.jobs.current("evaluate")

    def stop(self) -> None:
        """Cancel a running evaluation; its result is dropped. Returns at once."""
        self.jobs.cancel("evaluate")
        self.evaluate_button.setEnabled(True)

    def _evaluation_failed(self, error: BaseException) -> None:
        self.evaluate_button.setEnabled(True)
        if isinstance(error, Cancelled):
            self.eval_status.setText(self.tr("Evaluation cancelled."))
        else:
            self.eval_status.setText(_error_html(error))

    def _evaluated(self, report) -> None:
        self.evaluate_button.setEnabled(True)
        self.report = report
        a = report.analogies
        self.eval_status.setText(
            self.tr(
                "<b>{accuracy}%</b> of {n} analogies right ({method}, first {restrict} words; "
                "{oov}% of the questions skipped for unknown words)."
            ).format(
                accuracy=f"{100 * a.accuracy:.1f}",
                n=f"{a.correct + a.incorrect:,}",
                method=a.method,
                restrict=f"{a.restrict_vocab:,}",
                oov=f"{a.oov_ratio:.1f}",
            )
        )
        self.sections.setRowCount(len(a.sections) + 1)
        rows = [(s.name, len(s.correct), s.total, s.accuracy) for s in a.sections]
        rows.append((self.tr("Total accuracy"), a.correct, a.correct + a.incorrect, a.accuracy))
        for r, (name, ok, n, acc) in enumerate(rows):
            self.sections.setItem(r, 0, _item(name))
            self.sections.setItem(r, 1, _item(f"{ok:,} / {n:,}", True))
            self.sections.setItem(r, 2, _item(f"{100 * acc:.1f}%", True))
        font = self.sections.item(len(rows) - 1, 0).font()
        font.setBold(True)
        for c in range(3):
            self.sections.item(len(rows) - 1, c).setFont(font)
        self.pairs.setRowCount(len(report.pairs))
        for r, p in enumerate(report.pairs):
            self.pairs.setItem(r, 0, _item(p.name))
            self.pairs.setItem(r, 3, _item(f"{p.pairs:,}", True))
            if p.problem:  # too few known pairs: say so rather than show no numbers
                for c in (1, 2):
                    self.pairs.setItem(r, c, _item("—", True))
                for c in range(4):
                    self.pairs.item(r, c).setToolTip(p.problem)
            else:
                self.pairs.setItem(r, 1, _item(f"{p.pearson:.4f}", True))
                self.pairs.setItem(r, 2, _item(f"{p.spearman:.4f}", True))
        self.failures.clear()
        self.failure_info.clear()

    def _show_failures(self, row: int) -> None:
        self.failures.clear()
        self.failure_info.clear()
        if self.report is None or row < 0:
            return
        sections = self.report.analogies.sections
        chosen = sections if row >= len(sections) else [sections[row]]
        self._failure_list = [f for s in chosen for f in s.incorrect]
        for f in self._failure_list:
            q = f.question
            self.failures.addItem(f"{q.a} : {q.b} :: {q.c} : {q.expected}  →  {f.predicted or '?'}")

    def _show_failure(self, row: int) -> None:
        if row < 0 or self.report is None or row >= len(self._failure_list):
            return
        f = self._failure_list[row]
        if f.words is None:
            self.failure_info.setText(self.tr("This question has a word outside the vocabulary."))
            return
        a, b, c, d = f.words
        self.expr.setText(describe(analogy_terms(a, b, c)))
        self.expected.setText(d)
        with QSignalBlocker(self.include):
            self.include.setChecked(False)
        res = self.run_query()
        if res is not None and res.expected is not None:
            e = res.expected
            rank = e.rank if e.rank is not None else self.tr("(input)")
            self.failure_info.setText(
                self.tr(
                    "{a} : {b} :: {c} : ?  answered “{predicted}”; “{d}” ranks {rank} "
                    "(cosine {cosine})."
                ).format(
                    a=a, b=b, c=c, d=d, predicted=f.predicted, rank=rank, cosine=f"{e.cosine:.3f}"
                )
            )

    # -- model events ---------------------------------------------------------------------
    def _on_loaded(self, _emb) -> None:
        self.stop()
        self.result = None
        self._abc = None
        self.slice_button.setEnabled(False)
        self.report = None
        self.table.setRowCount(0)
        self.sections.setRowCount(0)
        self.pairs.setRowCount(0)
        self.failures.clear()
        self.expected_info.clear()
        self.failure_info.clear()
        self.message.clear()
        self._update_note()


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for ``workspace``."""
    return AnalogyPanel(workspace, parent)
