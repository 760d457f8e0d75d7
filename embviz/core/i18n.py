"""Marking strings for translation in Qt-free code.

The core never imports Qt, yet some of its strings reach the screen (form
labels, preset names, slice mode names). They are marked here with
:func:`QT_TRANSLATE_NOOP`, a function ``pyside6-lupdate`` recognises by name,
so the strings land in the ``.ts`` files; the GUI translates them when it
shows them, with ``QCoreApplication.translate(context, text)``.
"""

from __future__ import annotations


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
