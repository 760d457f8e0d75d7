"""Questions the window asks when a file can be opened only after a choice.

The core raises a :class:`~embviz.core.formats.NeedsChoiceError` naming the
option that would allow the load (trust a pickle, replace invalid UTF-8, take a
sample of a file too large for memory); here the user is asked, and the
caller retries with the option set. Rows with NaN/inf load anyway; the user is
offered to drop them before they reach the views.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from embviz.core.embeddings import Embeddings
from embviz.core.formats import NeedsChoiceError, UntrustedFileError, drop_nonfinite
from embviz.core.i18n import QT_TRANSLATE_NOOP

_TITLES = {
    "trust": QT_TRANSLATE_NOOP("LoadChoices", "Open a pickle file?"),
    "unicode_errors": QT_TRANSLATE_NOOP("LoadChoices", "Invalid characters"),
    "sample": QT_TRANSLATE_NOOP("LoadChoices", "File too large"),
}


def ask_choice(parent: QWidget | None, error: NeedsChoiceError) -> bool:
    """Ask whether to retry with ``error.option = error.value``; True means yes."""
    box, yes = choice_box(parent, error)
    box.exec()
    return box.clickedButton() is yes


def choice_box(parent: QWidget | None, error: NeedsChoiceError) -> tuple[QMessageBox, object]:
    """The question for ``error`` and its "go ahead" button (not yet shown)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(
        QCoreApplication.translate(
            "LoadChoices", _TITLES.get(error.option, QT_TRANSLATE_NOOP("LoadChoices", "Open file?"))
        )
    )
    box.setText(error.question)
    box.setInformativeText(str(error.path or ""))
    yes = box.addButton(
        QCoreApplication.translate("LoadChoices", "Open it")
        if isinstance(error, UntrustedFileError)
        else QCoreApplication.translate("LoadChoices", "Continue"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    # Refusing is the safe default for a pickle; elsewhere going ahead is.
    box.setDefaultButton(cancel if isinstance(error, UntrustedFileError) else yes)
    return box, yes


def offer_drop_nonfinite(parent: QWidget | None, emb: Embeddings) -> Embeddings:
    """If rows hold NaN/inf, ask whether to drop them; return what to show."""
    if not emb.source.details.get("nonfinite_rows", 0):
        return emb
    box, drop = nonfinite_box(parent, emb)
    box.exec()
    return drop_nonfinite(emb) if box.clickedButton() is drop else emb


def nonfinite_box(parent: QWidget | None, emb: Embeddings) -> tuple[QMessageBox, object]:
    """The "drop NaN rows?" question and its "drop" button (not yet shown)."""
    bad = emb.source.details.get("nonfinite_rows", 0)
    first = emb.source.details.get("first_nonfinite_word")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("LoadChoices", "NaN or infinite values"))
    if first:
        text = QCoreApplication.translate(
            "LoadChoices",
            "{bad} of {n} rows hold NaN or infinite values (the first is “{first}”). They "
            "cannot be placed in the 3D view. Drop them?",
        )
    else:
        text = QCoreApplication.translate(
            "LoadChoices",
            "{bad} of {n} rows hold NaN or infinite values. They cannot be placed in the 3D "
            "view. Drop them?",
        )
    box.setText(text.format(bad=f"{bad:,}", n=f"{len(emb):,}", first=first))
    drop = box.addButton(
        QCoreApplication.translate("LoadChoices", "Drop them"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("LoadChoices", "Keep them"), QMessageBox.ButtonRole.RejectRole
    )
    box.setInformativeText(str(emb.source.path or ""))
    box.setDefaultButton(drop)
    return box, drop
