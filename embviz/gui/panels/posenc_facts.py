"""The Positional encoding panel's Sizes tab: how large an embedding matrix is.

A table of the open vectors' matrix beside GPT-3's (the lesson's example):
shape, parameters and memory per number type, one column per matrix so that it
fits a side dock. The strings keep the panel's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from embviz.core import posenc as P
from embviz.core.embeddings import Embeddings
from embviz.core.workspace import Workspace
from embviz.gui.i18n import source_name


def facts_table(emb: Embeddings | None) -> str:
    """An HTML table of the sizes of ``emb``'s matrix (if any) and of GPT-3's."""
    g = P.GPT3
    rows = []
    if emb is not None:
        rows.append((source_name(emb.source), P.matrix_facts(len(emb), emb.dim)))
    rows.append((QCoreApplication.translate("PosencPanel", "{name} (the lesson)").format(
        name=g["name"]), P.matrix_facts(g["vocab"], g["dim"])))  # fmt: skip
    # One column per matrix, one row per quantity: narrow enough for a side dock.
    cells = [[name for name, _f in rows]]
    cells.append([f"{f['vocab']:,} × {f['dim']:,}" for _n, f in rows])
    cells.append([f"{f['parameters']:,}" for _n, f in rows])
    dtypes = list(rows[0][1]["memory"])
    cells += [[f["memory"][dt]["text"] for _n, f in rows] for dt in dtypes]
    names = [QCoreApplication.translate("PosencPanel", "matrix"), "V × d",
             QCoreApplication.translate("PosencPanel", "parameters"),
             *(QCoreApplication.translate("PosencPanel", "memory, {dtype}").format(dtype=dt)
               for dt in dtypes)]  # fmt: skip
    head = f"<tr><th align=left>{names[0]}</th>" + "".join(
        f"<th align=right>{c}</th>" for c in cells[0]
    ) + "</tr>"  # fmt: skip
    body = "".join(
        f"<tr><td>{name}</td>" + "".join(f"<td align=right>{c}</td>" for c in row) + "</tr>"
        for name, row in zip(names[1:], cells[1:], strict=True)
    )
    return f"<table cellspacing=0 cellpadding=4 border=1>{head}{body}</table>"


class FactsView(QLabel):
    """The Sizes tab: the sizes of the workspace's matrix, explained above and below."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent, wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.workspace = workspace
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def refresh(self) -> None:
        """Show the sizes of the open matrix (none open: GPT-3's only)."""
        self.setText(
            QCoreApplication.translate(
                "PosencPanel",
                "<h3>The embedding matrix</h3><p>One row of d numbers per vocabulary word: "
                "V × d parameters, learned with the rest of the model.</p>",
            )
            + facts_table(self.workspace.embeddings)
            + QCoreApplication.translate(
                "PosencPanel",
                "<p>Memory in decimal units (1 MB = 10⁶ bytes), for the matrix alone.</p>",
            )
        )
