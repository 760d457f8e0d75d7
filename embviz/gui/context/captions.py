"""What the Context panel calls a layer, and what its view says at one.

Plain functions (translated with ``QCoreApplication.translate("Context", …)``):
the layer bar, the cosine plot's axis, the view's caption and the exported
animation's frames all say the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from embviz.core.context import ContextResult


def layer_name(name: str) -> str:
    """The short, translated name of a layer named ``name`` (``"static"``, ``"input"``, ``"3"``)."""
    if name == "static":
        return QCoreApplication.translate("Context", "static")
    if name == "input":
        return QCoreApplication.translate("Context", "input")
    return QCoreApplication.translate("Context", "layer {n}").format(n=name)


def axis_name(name: str) -> str:
    """A layer's name on the cosine plot's narrow axis: encoder layers by number alone."""
    return layer_name(name) if name in ("static", "input") else name


def caption(result: ContextResult | None, selected: Sequence[int], index: int) -> str:
    """What the view says at layer ``index``: the layer, and the first two followed tokens' cosine."""
    if result is None:
        return ""
    names = result.states.layer_names
    name = names[index]
    if name == "static":
        text = QCoreApplication.translate(
            "Context", "static: the token's row of the embedding matrix, "
            "one vector for every occurrence")  # fmt: skip
    elif name == "input":
        text = QCoreApplication.translate("Context", "input: row + position + segment, normalised")
    else:
        text = QCoreApplication.translate(
            "Context", "after layer {n} of {total}: rewritten from the context").format(
            n=name, total=len(names) - 2)  # fmt: skip
    if len(selected) >= 2:
        a, b = selected[0], selected[1]
        cos = result.states.cosine(a, b)
        text += " · " + QCoreApplication.translate(
            "Context", "cos({a}, {b}) = {c} (static: {s})").format(
            a=result.label(a), b=result.label(b), c=f"{cos[index]:.2f}", s=f"{cos[0]:.2f}")  # fmt: skip
    return text
