"""Chinese and Japanese words are drawn with real glyphs, and the font noise is silenced."""

import numpy as np
from PySide6.QtCore import QLoggingCategory, QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from embviz.core.embeddings import Embeddings
from embviz.core.workspace import Workspace
from embviz.gui.view3d import SceneView


def _ink(font, text: str) -> np.ndarray:
    """Dark pixels of ``text`` drawn black on white with ``font``."""
    fm = QFontMetricsF(font)
    img = QImage(int(fm.horizontalAdvance(text)) + 8, int(fm.height()) + 8,
                 QImage.Format.Format_Grayscale8)  # fmt: skip
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    p.setFont(font)
    p.setPen(Qt.GlobalColor.black)
    p.drawText(QPointF(4, 4 + fm.ascent()), text)
    p.end()
    a = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    return a[:, : img.width()] < 128


def _cjk_view(qtbot) -> SceneView:
    words = ["中国", "日本", "北京", "東京", "king", "queen"]
    ws = Workspace()
    ws.set_embeddings(Embeddings(words, np.random.default_rng(0).normal(size=(6, 8))))
    view = SceneView(ws)
    qtbot.addWidget(view)
    return view


def test_the_3d_label_font_has_glyphs_for_chinese(qtbot):
    font = _cjk_view(qtbot)._font()
    fm = QFontMetricsF(font)
    assert all(fm.inFontUcs4(ord(ch)) for ch in "中国東京")


def test_a_cjk_label_renders_real_glyphs_not_boxes(qtbot):
    font = _cjk_view(qtbot)._font()
    zhong, guo = _ink(font, "中"), _ink(font, "国")
    # both have strokes, and different ones: missing glyphs are the same empty box
    assert zhong.sum() > 20 and guo.sum() > 20
    assert zhong.shape != guo.shape or (zhong != guo).sum() > 10
    # 国 is a closed box with strokes inside; a missing-glyph box is hollow
    h, w = guo.shape
    inside = guo[h // 3 : 2 * h // 3, w // 3 : 2 * w // 3]
    assert inside.any()


def test_a_cjk_word_is_labelled_in_the_view(qtbot):
    view = _cjk_view(qtbot)
    view.resize(640, 480)
    view.show()
    qtbot.waitExposed(view)
    view.grabFramebuffer()
    labelled = {text for _i, _x, _y, text, _c in view._place()}
    assert {"中国", "北京"} <= labelled


def test_font_database_warnings_are_off():
    assert not QLoggingCategory("qt.text.font.db").isWarningEnabled()


def test_a_font_the_app_carries_is_used_when_the_system_has_none(qapp, monkeypatch, tmp_path):
    import shutil
    from pathlib import Path

    import pytest
    from PySide6.QtGui import QFontDatabase

    from embviz.gui import fonts

    system = [Path(p) for p in ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",)]
    source = next((p for p in system if p.exists()), None)
    if source is None:
        pytest.skip("no CJK font file to carry")
    (tmp_path / "fonts").mkdir()
    shutil.copy(source, tmp_path / "fonts" / source.name)
    # a machine without CJK fonts: nothing installed says it writes Chinese
    monkeypatch.setattr(fonts, "_cjk", [])
    monkeypatch.setattr(fonts, "CJK_FAMILIES", ())
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *a: []))
    monkeypatch.setattr(fonts, "bundled_font_dirs", lambda: [tmp_path / "fonts"])
    family = fonts.cjk_family()
    assert family is not None
    assert fonts.with_cjk_fallback(qapp.font()).families()[-1] == family
