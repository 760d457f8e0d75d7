"""Marking strings for translation in Qt-free code.

The core never imports Qt, yet some of its strings reach the screen (form
labels, preset names, slice mode names). They are marked here with
:func:`QT_TRANSLATE_NOOP`, a function ``pyside6-lupdate`` recognises by name,
so the strings land in the ``.ts`` files; the GUI translates them when it
shows them, with ``QCoreApplication.translate(context, text)``.

Text the core *builds* for the screen (axis names such as "PC1 (41.0 %)", a
training caption) goes through :func:`translate`: English unless the GUI
has installed Qt's translator with :func:`set_translator`. The command line
never installs one, so its output stays English.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: list[Callable[[str, str], str]] = []


# The capitalised name is the one lupdate looks for.
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return ``text`` unchanged; marks it for translation in ``context``.

    Parameters
    ----------
    context
        The translation context the GUI will look the text up in.
    text
        The English source text.

    Returns
    -------
    str
        ``text`` itself.
    """
    return text


def translate(context: str, text: str) -> str:
    """``text`` in the interface's language (unchanged unless a translator is installed).

    lupdate also finds the calls by this name, so ``translate("Ctx", "literal")``
    both marks and translates a string.
    """
    return _translator[0](context, text) if _translator else text


def set_translator(fn: Callable[[str, str], str] | None) -> None:
    """Route :func:`translate` through ``fn`` (the GUI: ``QCoreApplication.translate``)."""
    _translator.clear()
    if fn is not None:
        _translator.append(fn)
