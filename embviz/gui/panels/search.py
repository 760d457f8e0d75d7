"""Search a word (with completion) and list its nearest neighbours."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from embviz.core.errors import EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.core.workspace import Workspace
from embviz.gui import theme
from embviz.gui.panels.base import Panel


class SearchPanel(Panel):
    """A search box and the selected word's 10 nearest neighbours (cosine, whole vocabulary)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.edit = QLineEdit(placeholderText=self.tr("Find a word…"))
        self.edit.setToolTip(
            self.tr("Type a word and press Enter to select it and list its neighbours")
        )
        self.edit.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
        completer.setMaxVisibleItems(12)
        self.edit.setCompleter(completer)
        go = QPushButton(self.tr("Find"))
        go.setToolTip(self.tr("Select the word and list its nearest neighbours"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(theme.ERROR_STYLE)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("neighbour"), self.tr("cosine")])
        # the words take the room; the scores as much as they need, at any text size
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setToolTip(self.tr("Click a neighbour to select it"))
        self.title = QLabel(self.tr("Nearest neighbours"))
        self.title.setWordWrap(True)  # a long word, or "built from subwords", wraps
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(go)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.message)
        lay.addWidget(self.title)
        lay.addWidget(self.table, 1)

        self.edit.returnPressed.connect(self._find)
        go.clicked.connect(self._find)
        completer.activated.connect(lambda text: self.find(text))
        self.table.cellClicked.connect(self._on_cell)
        workspace.loaded.connect(self._on_loaded)
        workspace.selection_changed.connect(self._on_selection)

    def _on_loaded(self, emb) -> None:
        self._model.setStringList(emb.words)
        self.message.clear()

    def _find(self) -> None:
        self.find(self.edit.text())

    def find(self, text: str) -> None:
        """Select ``text`` in the workspace, or say why it cannot be."""
        word = text.strip()
        if not word:
            return
        try:
            self.workspace.select(word)
        except EmbvizError as e:
            self.message.setText(str(e))
        else:
            self.message.clear()

    def _on_cell(self, row: int, _col: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.find(item.text())

    def _on_selection(self, word) -> None:
        nbs = self.workspace.neighbors if word else []
        title = (
            self.tr("Nearest neighbours of “{word}”").format(word=word)
            if word
            else self.tr("Nearest neighbours")
        )
        if word and self.workspace.selected_from_subwords:
            # fastText builds vectors for unseen words: say this one is such a vector
            title += self.tr(" — built from subwords")
            self.title.setToolTip(
                self.tr(
                    "Not in the vocabulary: this fastText model has no row for the word, so its "
                    "vector is the mean of the vectors of its character n-grams, as fastText "
                    "builds it"
                )
            )
        else:
            self.title.setToolTip("")
        self.title.setText(title)
        if word and self.edit.text() != word:
            self.edit.setText(word)
        self.table.setRowCount(len(nbs))
        for r, nb in enumerate(nbs):
            self.table.setItem(r, 0, QTableWidgetItem(nb.word))
            score = QTableWidgetItem(f"{nb.score:.3f}")
            score.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 1, score)

    def neighbor_words(self) -> list[str]:
        """The words listed in the neighbour table, top first."""
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]


TITLE = QT_TRANSLATE_NOOP("Panels", "Search")


def make_panel(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    """Build the panel for ``workspace``."""
    return SearchPanel(workspace, parent)
