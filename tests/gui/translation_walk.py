"""Find text on screen that the Chinese interface left in English.

:func:`untranslated` walks a widget tree (labels, buttons, group boxes, tabs,
combo items, table headers, placeholders, tooltips, titles, spin box affixes,
plot titles and axis labels) and the actions of menus; a text with ASCII
words must contain Chinese, unless each of its words is a technical term of
:data:`ALLOWED`, a file name, a number, a key or a word of the loaded
vocabulary on show (data, not interface: the shown words, as they are spelled).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QWidget,
)

# Technical terms and names that stay as they are in a Chinese interface.
ALLOWED = {
    "pca", "t-sne", "umap", "glove", "word2vec", "fasttext", "bert", "d_model", "minilm",
    "gensim", "opentsne", "umap-learn", "jieba", "ffmpeg", "numba", "embviz", "skip-gram",
    "cbow", "3cosadd", "3cosmul", "pearson", "spearman", "procrustes", "k-means", "transformer",
    "gpt-3", "png", "svg", "jpeg", "gif", "mp4", "4k", "n-gram", "wordsim-353", "simlex-999",
    "pe", "pos", "sin", "cos", "ᵀ", "safetensors", "npy", "txt", "bin", "vec", "json",
    "most_similar", "most_similar_cosmul", "position_embeddings", "pc", "qt", "hmm", "e-mail",
    "ctrl", "shift", "alt", "esc", "f11", "pgup", "pgdown", "home", "end", "del", "space",
    "gram", "schmidt", "tensor2tensor", "openmp", "nan", "inf", "utf-8", "v", "wordpiece",
    "english",  # the language menu names each language in its own words
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-']*")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_FILE = re.compile(r"\S+\.(txt|npy|npz|bin|vec|json|gif|mp4|png|svg|jpg|safetensors|conf|qm|ts)\b")
_TAG = re.compile(r"<[^>]+>")
# questions-words.txt's section names are data, shown as the file names them
_SECTION = re.compile(r"(gram\d+-[a-z-]+|capital-common-countries|capital-world|currency|"
                      r"city-in-state|family)")  # fmt: skip


def is_untranslated(text: str, vocabulary: set[str]) -> bool:
    """Whether ``text`` is interface text left in English."""
    text = _TAG.sub(" ", text or "").replace("&nbsp;", " ").replace("&", "")
    if _CJK.search(text) or _SECTION.fullmatch(text.strip()):
        return False
    text = _FILE.sub(" ", text)
    for word in _WORD.findall(text):
        w = word.strip("-'")
        if len(w) <= 1 or not re.search(r"[A-Za-z]", w) or w.lower() in ALLOWED or w in vocabulary:
            continue
        if re.fullmatch(r"[A-Za-z]?\d+[A-Za-z]?", w) or re.fullmatch(r"(PC|dim)\d*", w):
            continue
        return True
    return False


def widget_texts(w: QWidget) -> Iterable[tuple[str, str]]:
    """``(what, text)`` for every text ``w`` shows to a user."""
    kind = type(w).__name__
    yield f"{kind} tooltip", w.toolTip()
    yield f"{kind} status tip", w.statusTip()
    if isinstance(w, QDockWidget) or w.isWindow():
        yield f"{kind} title", w.windowTitle()
    if isinstance(w, QLabel):
        yield "label", w.text()
    elif isinstance(w, QAbstractButton):
        yield "button", w.text()
    elif isinstance(w, QGroupBox):
        yield "group box", w.title()
    elif isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield "tab", w.tabText(i)
            yield "tab tooltip", w.tabToolTip(i)
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            yield "combo item", w.itemText(i)
            yield "combo item tooltip", w.itemData(i, Qt.ItemDataRole.ToolTipRole) or ""
    elif isinstance(w, QLineEdit):
        yield "placeholder", w.placeholderText()
    elif isinstance(w, QPlainTextEdit):
        yield "placeholder", w.placeholderText()
    elif isinstance(w, QSpinBox | QDoubleSpinBox):
        yield "spin box prefix", w.prefix()
        yield "spin box suffix", w.suffix()
    if isinstance(w, QAbstractSpinBox):
        yield "spin box special value", w.specialValueText()
    if isinstance(w, QTableView) and w.model() is not None:
        m = w.model()
        for c in range(m.columnCount()):
            yield "table header", str(m.headerData(c, Qt.Orientation.Horizontal) or "")
    plot = getattr(w, "getPlotItem", None)
    if callable(plot):  # a pyqtgraph PlotWidget: its title and axis labels
        item = plot()
        yield "plot title", item.titleLabel.text or ""
        for name in ("left", "bottom", "right", "top"):
            axis = item.getAxis(name)
            if axis.isVisible():
                yield "plot axis", axis.labelText or ""


def action_texts(actions: Iterable[QAction], where: str = "") -> Iterable[tuple[str, str]]:
    """``(what, text)`` of ``actions`` and of their submenus, recursively."""
    for act in actions:
        if act.isSeparator():
            continue
        name = f"{where} › {act.text()}" if where else act.text()
        yield f"action {name}", act.text()
        if act.toolTip() != act.text().replace("&", ""):  # Qt's default tooltip is the text
            yield f"action tooltip {name}", act.toolTip()
        yield f"action status tip {name}", act.statusTip()
        menu = act.menu()
        if isinstance(menu, QMenu):
            yield f"menu title {name}", menu.title()
            yield from action_texts(menu.actions(), name)


def _walk(w: QWidget) -> Iterable[QWidget]:
    """``w`` and its descendants, leaving out pyqtgraph's own menus and internals."""
    ours = not type(w).__module__.startswith("pyqtgraph") or callable(
        getattr(w, "getPlotItem", None)
    )
    if not ours:
        return
    yield w
    for child in w.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        yield from _walk(child)


def untranslated(roots: Iterable[QWidget], vocabulary: set[str],
                 actions: Iterable[QAction] = ()) -> list[tuple[str, str]]:  # fmt: skip
    """Every ``(what, text)`` under ``roots`` and in ``actions`` that is left in English."""
    found = []
    seen: set[int] = set()
    for root in roots:
        for w in _walk(root):
            if id(w) in seen:
                continue
            seen.add(id(w))
            found += [(what, t) for what, t in widget_texts(w) if is_untranslated(t, vocabulary)]
    found += [(what, t) for what, t in action_texts(actions) if is_untranslated(t, vocabulary)]
    return sorted(set(found))
