"""The Train panel's form: corpus and the run's parameters, built from :class:`TrainParams`.

Every parameter widget comes from its field's :class:`~embviz.core.training.Param`
(label, range, tooltip), as ``embviz train``'s options do, so the two cannot disagree.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.core.training import Param, TrainParams, params_shown
from embviz.core.training_session import TrainingSession, default_watch

CORPUS_CHOICES = [
    QT_TRANSLATE_NOOP("TrainForm", "Shipped teaching corpus"),
    QT_TRANSLATE_NOOP("TrainForm", "Shipped Chinese corpus (中文)"),
    QT_TRANSLATE_NOOP("TrainForm", "Text file…"),
]


def _param_text(text: str) -> str:
    """A :class:`TrainParams` label, tooltip or choice, in the interface's language."""
    return QCoreApplication.translate("TrainParams", text) if text else text


def param_widget(how: Param, default) -> QWidget:
    """A spin box, choice or line edit for one parameter, set to ``default``."""
    if how.choices:
        w = QComboBox()
        for value, text in how.choices:
            w.addItem(_param_text(text), value)
        w.setCurrentIndex([v for v, _ in how.choices].index(default))
    elif isinstance(default, float):
        lo, hi = how.range
        w = QDoubleSpinBox(decimals=how.decimals, minimum=lo, maximum=how.form_max or hi,
                           singleStep=how.step, value=default)  # fmt: skip
    elif isinstance(default, int):
        lo, hi = how.range
        w = QSpinBox(minimum=int(lo), maximum=int(how.form_max or hi), value=default)
    else:
        w = QLineEdit(placeholderText=QCoreApplication.translate("TrainForm", "vector file…"))
    w.setToolTip(_param_text(how.tip))
    return w


def param_value(w: QWidget):
    """What a :func:`param_widget` holds now."""
    if isinstance(w, QComboBox):
        return w.currentData()
    if isinstance(w, QLineEdit):
        return w.text().strip() or None
    return w.value()


class TrainForm(QWidget):
    """Corpus choice and the parameter groups; :meth:`params` reads them."""

    def __init__(self, session: TrainingSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        v = QVBoxLayout(self)
        v.addWidget(self._corpus_group())
        defaults = {f.name: f.default for f in fields(TrainParams)}
        self.fields: dict[str, QWidget] = {}
        groups = {"model": QFormLayout(), "init": QFormLayout()}
        for name, how in params_shown().items():
            w = self.fields[name] = param_widget(how, defaults[name])
            if name == "pretrained":  # a file: with a button to browse for it
                browse = QToolButton(text="…")
                browse.setToolTip(self.tr("Choose a pretrained vector file"))
                browse.clicked.connect(self._browse_pretrained)
                row = QHBoxLayout()
                row.addWidget(w, 1)
                row.addWidget(browse)
                groups[how.group].addRow(_param_text(how.label), row)
            elif how.label:
                groups[how.group].addRow(_param_text(how.label), w)
            else:
                groups[how.group].addRow(w)
        for title, key in ((self.tr("Model"), "model"), (self.tr("Initial vectors"), "init")):
            box = QGroupBox(title)
            box.setLayout(groups[key])
            v.addWidget(box)
        session.corpus_changed.connect(self._show_corpus)

    def _corpus_group(self) -> QGroupBox:
        corpus = QGroupBox(self.tr("Corpus"))
        cl = QVBoxLayout(corpus)
        self.corpus_choice = QComboBox()
        self.corpus_choice.addItems([self.tr(c) for c in CORPUS_CHOICES])
        self.corpus_choice.setToolTip(self.tr("Royalty, family, animals, numbers and capitals "
                                              "(resources/corpus), in English or in Chinese "
                                              "(segmented with jieba), or any plain-text file"))  # fmt: skip
        self.corpus_choice.activated.connect(self._on_corpus_choice)
        self.corpus_label = QLabel(self.tr("teaching.txt · 60,000 sentences"))
        self.corpus_label.setWordWrap(True)
        cl.addWidget(self.corpus_choice)
        cl.addWidget(self.corpus_label)
        return corpus

    def _on_corpus_choice(self, index: int) -> None:
        if index == 1:
            from embviz.core.corpus import shipped_corpus_path

            self.session.set_corpus(shipped_corpus_path("zh"))
        elif index == 2:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a text corpus"), "",
                                                  self.tr("Text (*.txt);;All files (*)"))  # fmt: skip
            self.session.set_corpus(path or self.session.corpus)
        else:
            self.session.set_corpus(None)

    def _show_corpus(self, path: str | None) -> None:
        lang = self.session.language
        self.corpus_choice.setCurrentIndex({"en": 0, "zh": 1}.get(lang, 2))
        self.corpus_label.setText(self.tr("teaching.txt · 60,000 sentences") if path is None
                                  else self.tr("teaching_zh.txt · 30,000 sentences")
                                  if lang == "zh" else Path(path).name)  # fmt: skip

    def _browse_pretrained(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pretrained vectors"), "",
            self.tr("Vector files (*.txt *.vec *.bin *.npy);;All (*)"))  # fmt: skip
        if path:
            self.fields["pretrained"].setText(path)
            self.fields["init"].setCurrentIndex(self.fields["init"].findData("pretrained"))

    def params(self) -> TrainParams:
        """The parameters the form describes (watching the lesson's words on a shipped corpus)."""
        values = {name: param_value(w) for name, w in self.fields.items()}
        return TrainParams(**values, watch=default_watch(self.session.corpus))
