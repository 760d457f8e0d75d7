"""Render packaging/icons/embviz.svg to the PNG sizes desktops want.

python packaging/make_icons.py
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - QImage painting needs an app
    renderer = QSvgRenderer(str(HERE / "embviz.svg"))
    for size in SIZES:
        img = QImage(size, size, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(p)
        p.end()
        img.save(str(HERE / f"embviz-{size}.png"))
        print(HERE / f"embviz-{size}.png")
    # the running app sets its window icon from the shipped resources
    (HERE.parents[1] / "resources" / "embviz-icon.png").write_bytes(
        (HERE / "embviz-256.png").read_bytes()
    )


if __name__ == "__main__":
    main()
