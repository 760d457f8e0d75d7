"""The Context panel's pieces: inputs, token strip, layer bar, picture bar, nearest tokens.

Each holds widgets only. The :class:`LayerBar` drives a
:class:`~embviz.core.playback.Playback` (as the Train panel's timeline does);
:class:`SentenceInputs`, :class:`TokenStrip` and :class:`NearestTable` show what
the panel hands them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from embviz.core.context import PRESETS
from embviz.core.playback import Playback
from embviz.gui import theme


def _hex(rgb) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb[:3])


class TokenStrip(QTextBrowser):
    """Each sentence's WordPiece tokens, one line a sentence; a click follows a token.

    Tokens are links (``tok:<flat index>``); followed ones are bold in the
    theme's highlight colour, ``[CLS]`` and ``[SEP]`` greyed.

    Signals
    -------
    token_clicked(int)
        A token was clicked (its flat index).
    """

    token_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(60)
        self.anchorClicked.connect(self._on_anchor)
        self._sentences: list[list[str]] = []
        self._special: list[list[bool]] = []
        self._selected: set[int] = set()
        theme.notifier().changed.connect(self._on_theme)  # a method: dropped with the widget

    def set_tokens(self, sentences: list[list[str]], special: list[list[bool]]) -> None:
        """Show these sentences' tokens (``[]``: none)."""
        self._sentences, self._special = [list(s) for s in sentences], [list(s) for s in special]
        self._selected = set()
        self._render()

    def set_selected(self, tokens) -> None:
        """Mark the followed tokens (flat indices)."""
        self._selected = set(tokens)
        self._render()

    def _on_theme(self, _name: str) -> None:
        self._render()

    def _render(self) -> None:
        c = theme.CONTEXT[theme.current()]
        sent_colors = c["sentences"]
        rows, flat = [], 0
        for k, (tokens, special) in enumerate(zip(self._sentences, self._special, strict=True)):
            parts = []
            for tok, sp in zip(tokens, special, strict=True):
                text = html.escape(tok)
                if flat in self._selected:
                    style = f"color:{_hex(c['selected'])}; font-weight:bold; text-decoration:none"
                elif sp:
                    style = f"color:{_hex(c['special'])}; text-decoration:none"
                else:
                    rgb = sent_colors[k % len(sent_colors)]
                    style = f"color:{_hex(rgb)}; text-decoration:none"
                parts.append(f'<a href="tok:{flat}" style="{style}">{text}</a>')
                flat += 1
            rows.append(f"<p style='margin:0 0 4px 0'><b>{k + 1}</b>&nbsp; {' '.join(parts)}</p>")
        bar = self.verticalScrollBar().value()
        self.setHtml("".join(rows))
        self.verticalScrollBar().setValue(bar)

    def shown_tokens(self) -> list[list[str]]:
        """The tokens as the document shows them, per sentence (read back from its links)."""
        out: list[list[str]] = []
        block = self.document().begin()
        while block.isValid():
            row = []
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.isValid() and frag.charFormat().anchorHref().startswith("tok:"):
                    row.append(frag.text())
                it += 1
            if row:
                out.append(row)
            block = block.next()
        return out

    def token_rect(self, token: int):
        """Where token ``token`` is drawn, in viewport pixels (``None`` if not shown)."""
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.isValid() and frag.charFormat().anchorHref() == f"tok:{token}":
                    cur = QTextCursor(self.document())
                    cur.setPosition(frag.position())
                    left = self.cursorRect(cur)
                    cur.setPosition(frag.position() + frag.length())
                    right = self.cursorRect(cur)
                    return left.united(right)
                it += 1
            block = block.next()
        return None

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("tok:"):
            self.token_clicked.emit(int(text[4:]))


class LayerBar(QWidget):
    """Back / play / forward and the layer slider, from ``static`` to the last layer."""

    def __init__(self, playback: Playback, parent: QWidget | None = None):
        super().__init__(parent)
        self.playback = playback
        self.back_button = self._button(self.tr("One layer back"), "SP_MediaSeekBackward", -1)
        self.play_button = QToolButton()
        self.play_button.clicked.connect(playback.toggle)
        self.forward_button = self._button(self.tr("One layer on"), "SP_MediaSeekForward", 1)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip(self.tr("The layer on show: static (the embedding matrix's row), "
                                       "input (+ position + segment), then each layer"))  # fmt: skip
        self.slider.setRange(0, 0)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.valueChanged.connect(playback.scrub)
        self.layer_label = QLabel("—")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.back_button, self.play_button, self.forward_button):
            row.addWidget(w)
        row.addWidget(self.slider, 1)
        row.addWidget(self.layer_label)
        self._names: list[str] = []
        playback.playing_changed.connect(self._show_playing)
        self._show_playing(playback.playing)

    def _button(self, tip: str, icon: str, delta: int) -> QToolButton:
        b = QToolButton()
        b.setIcon(self.style().standardIcon(getattr(QStyle.StandardPixmap, icon)))
        b.setToolTip(tip)
        b.clicked.connect(lambda: self.playback.step(delta))
        return b

    def set_layers(self, names: list[str]) -> None:
        """The slider spans these layer names (shown beside it); ``[]``: no run."""
        self._names = list(names)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(len(names) - 1, 0))
        self.slider.blockSignals(False)
        self._fit_label()
        self.setEnabled(bool(names))

    def show_position(self, t: float) -> None:
        """Put the slider on the layer nearest ``t`` and name it."""
        i = round(t)
        self.slider.blockSignals(True)
        self.slider.setValue(i)
        self.slider.blockSignals(False)
        self.layer_label.setText(self._names[i] if 0 <= i < len(self._names) else "—")

    def _fit_label(self) -> None:
        # fixed: a label whose text changes during playback must not relayout the panel
        fm = self.layer_label.fontMetrics()
        widest = max([fm.horizontalAdvance(n) for n in self._names] + [fm.horizontalAdvance("—")])
        self.layer_label.setFixedWidth(widest + 6)

    def _show_playing(self, playing: bool) -> None:
        pix = QStyle.StandardPixmap
        icon = pix.SP_MediaPause if playing else pix.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setToolTip(self.tr("Pause") if playing else self.tr("Play the layers"))

    def changeEvent(self, ev) -> None:
        """Refit the layer name when the font (presentation text size) changes."""
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.FontChange and hasattr(self, "layer_label"):
            self._fit_label()


class NearestTable(QWidget):
    """Each followed token's nearest vocabulary tokens at the layer on show."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Token"),
                                              self.tr("Nearest vocabulary tokens (cosine)")])  # fmt: skip
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setMinimumHeight(60)
        self.note = QLabel(self.tr(
            "Rows of the embedding matrix nearest by cosine. Deeper layers move away from "
            "every row: read it as which input tokens a vector still resembles."))  # fmt: skip
        self.note.setWordWrap(True)
        self.note.setStyleSheet(theme.NOTE_STYLE)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.note)
        self.rows: list[tuple[str, list[tuple[str, float]]]] = []

    def show_rows(self, rows: list[tuple[str, list[tuple[str, float]]]]) -> None:
        """One row per followed token: its label and ``(token, cosine)`` pairs, best first."""
        self.rows = [(label, list(pairs)) for label, pairs in rows]
        self.table.setRowCount(len(rows))
        for r, (label, pairs) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(label))
            text = "   ".join(f"{tok} {cos:.2f}" for tok, cos in pairs)
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(r, 1, item)
        self.table.resizeRowsToContents()


class SentenceInputs(QWidget):
    """Presets, Run / Cancel / Model…, the sentence box, the progress bar and the status line.

    They sit above the picture, never scrolled away (the Train panel's header does
    the same); the panel connects the buttons.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.preset_combo = QComboBox()
        for p in PRESETS:
            self.preset_combo.addItem(QCoreApplication.translate("Context", p.name), p.name)
        self.preset_combo.setPlaceholderText(self.tr("Presets…"))  # shown once the text is edited
        self.preset_combo.setToolTip(self.tr("Sentences in which one word means different things; "
                                             "choosing one runs it"))  # fmt: skip
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Tokenise the sentences and run them through the model, "
                                           "keeping every layer"))  # fmt: skip
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the run"))
        self.model_button = QToolButton(text=self.tr("Model…"))
        self.model_button.setToolTip(self.tr("Use another BERT-family model folder (config.json, "
                                             "model.safetensors, tokenizer.json or vocab.txt)"))  # fmt: skip
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("One sentence per line"))
        self.editor.setToolTip(self.tr("One sentence per line; a word that occurs in several "
                                       "sentences gets a vector for each occurrence"))  # fmt: skip
        self._fit_editor()
        self.editor.textChanged.connect(self._on_text)
        self.progress = QProgressBar(minimum=0, maximum=1000, textVisible=False)
        self.progress.setMaximumHeight(6)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        for w, stretch in ((self.preset_combo, 1), (self.run_button, 0), (self.cancel_button, 0),
                           (self.model_button, 0)):  # fmt: skip
            top.addWidget(w, stretch)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.editor)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)

    def sentences(self) -> list[str]:
        """The box's sentences: its non-blank lines."""
        return [line.strip() for line in self.editor.toPlainText().splitlines() if line.strip()]

    def say(self, text: str) -> None:
        """Say ``text`` in the status line."""
        self.status.setStyleSheet("")
        self.status.setText(text)

    def error(self, text: str) -> None:
        """Say ``text`` in the status line, in the theme's error colour."""
        self.status.setStyleSheet(theme.ERROR_STYLE)
        self.status.setText(text)

    def _on_text(self) -> None:
        # the combo names a preset only while the box holds its sentences
        i = self.preset_combo.currentIndex()
        if i >= 0 and tuple(self.sentences()) != PRESETS[i].sentences:
            self.preset_combo.setCurrentIndex(-1)

    def _fit_editor(self) -> None:
        # three sentences and a bit, at the font in use (the text size may change)
        self.editor.setFixedHeight(int(self.editor.fontMetrics().lineSpacing() * 3.6) + 12)

    def changeEvent(self, ev) -> None:
        """Refit the sentence box when the font (presentation text size) changes."""
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.FontChange and hasattr(self, "editor"):
            self._fit_editor()


class PictureBar(QWidget):
    """Under the 3D view: the layer bar, GIF… / PNG… and Enlarge (float the panel)."""

    def __init__(self, playback: Playback, parent: QWidget | None = None):
        super().__init__(parent)
        self.layer_bar = LayerBar(playback)
        self.layer_bar.set_layers([])  # idle until a run
        self.gif_button = QToolButton(text=self.tr("GIF…"))
        self.gif_button.setToolTip(self.tr("Export the layers as an animated GIF, from static "
                                           "to the last layer, interpolated as in playback"))  # fmt: skip
        self.png_button = QToolButton(text=self.tr("PNG…"))
        self.png_button.setToolTip(self.tr("Save the picture as it is now as a PNG image"))
        self.enlarge_button = QToolButton(text=self.tr("Enlarge"))
        self.enlarge_button.setToolTip(self.tr("Float the Context panel as a large window "
                                               "(press again to dock it back)"))  # fmt: skip
        self.enlarge_button.clicked.connect(self._enlarge)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.layer_bar, 1)
        for b in (self.gif_button, self.png_button, self.enlarge_button):
            bar.addWidget(b)

    def _enlarge(self) -> None:
        from embviz.gui.training.parts import float_dock

        float_dock(self)
        dock = self.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        floating = dock is not None and dock.isFloating()
        self.enlarge_button.setText(self.tr("Dock") if floating else self.tr("Enlarge"))
