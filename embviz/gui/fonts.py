"""Fonts that can draw every word: a CJK fallback for labels, and quiet font warnings.

A BERT vocabulary holds thousands of Chinese and Japanese tokens. Labels draw
them with the first font that has the glyphs: an installed CJK font
(``scripts/setup`` installs WenQuanYi Micro Hei), else one the frozen app
carries in its ``fonts/`` folder. Without one they would be empty boxes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLoggingCategory
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

# Looked for first, in this order: small and common on Linux desktops.
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN", "Microsoft YaHei",
    "PingFang SC", "Hiragino Sans GB",
)  # fmt: skip
SAMPLE = "中国"
# What a bundle carries (packaging/embviz.spec copies an installed CJK font here).
FONT_FILES = ("*.ttf", "*.ttc", "*.otf")

_cjk: list[str | None] = []  # the family found, once per process


def silence_font_warnings() -> None:
    """Hide Qt's per-font "OpenType support missing for …" warnings (hundreds with CJK fonts).

    They say that a font lacks shaping tables for some script, which does not
    matter for drawing words; the QT_LOGGING_RULES variable still turns them on.
    """
    QLoggingCategory.setFilterRules("qt.text.font.db.warning=false\nqt.text.font.db.info=false")


def bundled_font_dirs() -> list[Path]:
    """Folders a CJK font may be shipped in: the frozen bundle's, then the resources'."""
    dirs = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(Path(bundle) / "fonts")
    try:
        from embviz.core.default_data import resources_dir

        dirs.append(resources_dir() / "fonts")
    except Exception:
        pass
    return dirs


def _covers(family: str) -> bool:
    fm = QFontMetricsF(QFont(family))
    return all(fm.inFontUcs4(ord(ch)) for ch in SAMPLE)


def cjk_family() -> str | None:
    """The family labels fall back to for Chinese and Japanese, or ``None`` if there is none.

    An installed font is preferred; otherwise a font file the app carries is
    registered with Qt. Needs a QGuiApplication.
    """
    if _cjk:
        return _cjk[0]
    found = None
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed and _covers(family):
            found = family
            break
    if found is None:
        for folder in bundled_font_dirs():
            for pattern in FONT_FILES:
                for path in sorted(folder.glob(pattern)):
                    font_id = QFontDatabase.addApplicationFont(str(path))
                    for family in QFontDatabase.applicationFontFamilies(font_id):
                        if found is None and _covers(family):
                            found = family
    if found is None:  # any other font that says it writes Chinese
        for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
            if _covers(family):
                found = family
                break
    _cjk.append(found)
    return found


def with_cjk_fallback(font: QFont) -> QFont:
    """``font`` with the CJK family as its fallback (unchanged when none is found)."""
    cjk = cjk_family()
    families = font.families() or [font.family()]
    if cjk is None or cjk in families:
        return font
    out = QFont(font)
    out.setFamilies([*families, cjk])
    return out
