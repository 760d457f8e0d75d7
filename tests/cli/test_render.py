"""``embviz render``: real OpenGL under Xvfb, checked by pixels."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from embviz.core.nonlinear import available
from embviz.gui.theme import VIEW3D_CURRENT as THEME

pytestmark = pytest.mark.gui

WORDS = ["king", "queen", "man", "woman", "cat", "cats", "dog", "dogs", "paris", "france"]


def _run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "embviz", "render", *args], capture_output=True,
                          text=True, timeout=120, env=env)  # fmt: skip


def _expected_positions(qtbot, default_embeddings, size, axes=None):
    """Where the GUI's own view puts each word at this size."""
    from embviz.core.workspace import Workspace
    from embviz.gui.view3d import SceneView

    ws = Workspace()
    ws.set_embeddings(default_embeddings, WORDS)
    if axes:
        ws.set_axes(axes)
    view = SceneView(ws)
    qtbot.addWidget(view)
    view.resize(*size)
    xy, _, visible = view.screen_positions()
    assert visible.all()
    return ws.shown_words, xy


def test_render_png_has_background_and_points_where_the_view_puts_them(tmp_path, qtbot,
                                                                       default_embeddings):  # fmt: skip
    out = tmp_path / "scene.png"
    axes = ["woman - man", "cats - cat", "king - man"]
    r = _run("--out", str(out), "--words", *WORDS, "--size", "640x480", "--axes", *axes)
    assert r.returncode == 0, r.stderr
    assert "wrote" in r.stdout and "10 words" in r.stdout and "axes" in r.stdout
    with Image.open(out) as img:
        pix = np.asarray(img.convert("RGB")).astype(int)
    assert pix.shape == (480, 640, 3)
    bg = np.array(THEME["background"])
    for y, x in [(2, 2), (2, 637), (300, 630)]:
        assert (np.abs(pix[y, x] - bg) <= 2).all(), (y, x, pix[y, x])
    words, xy = _expected_positions(qtbot, default_embeddings, (640, 480), axes)
    point = np.array(THEME["point"][:3])
    hits = 0
    for _w, (x, y) in zip(words, xy, strict=True):
        # sprite centre (±1 px for rounding) has the point colour, unless another sprite covers it
        patch = pix[round(y) - 1 : round(y) + 2, round(x) - 1 : round(x) + 2].reshape(-1, 3)
        hits += int((np.abs(patch - point) <= 12).all(axis=1).any())
    assert hits >= 8, f"only {hits} of {len(words)} points found where expected"
    # labels and axis names: light text pixels and each axis colour
    assert ((pix > 200).all(axis=2)).sum() > 200
    for rgb in THEME["axis"]:
        assert ((np.abs(pix - np.array(rgb)) <= 20).all(axis=2)).sum() > 30


def test_render_turntable_gif(tmp_path):
    out = tmp_path / "orbit.gif"
    r = _run("--out", str(out), "--words", *WORDS, "--size", "200x160", "--turntable", "6")
    assert r.returncode == 0, r.stderr
    frames = []
    with Image.open(out) as gif:
        assert gif.n_frames == 6 and gif.size == (200, 160)
        for i in range(gif.n_frames):
            gif.seek(i)
            frames.append(np.asarray(gif.convert("RGB")).astype(int))
    assert not np.array_equal(frames[0], frames[3])  # the camera turned


def test_render_errors_are_one_line_with_exit_code_2(tmp_path):
    r = _run("--out", str(tmp_path / "a.png"), "--axes", "woman - mna")
    assert r.returncode == 2
    assert r.stderr.strip() == (
        "embviz: error: x axis: 'mna' is not in the vocabulary (did you mean: mrna, mona, mina?)"
    )
    r = _run("--out", str(tmp_path / "a.png"), "--axes", "woman - man", "2*woman - 2*man")
    assert r.returncode == 2 and "parallel" in r.stderr and "Traceback" not in r.stderr
    r = _run("--out", str(tmp_path / "a.png"), "--size", "big")
    assert r.returncode == 2 and "--size must look like 1280x800" in r.stderr
    r = _run("--out", str(tmp_path / "a.gif"))
    assert r.returncode == 2 and ".png" in r.stderr
    assert not (tmp_path / "a.png").exists()


def test_render_without_display_or_xvfb_says_what_to_do(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env["PATH"] = str(tmp_path)  # no Xvfb to be found
    r = _run("--out", str(tmp_path / "a.png"), "--words", *WORDS, env=env)
    assert r.returncode == 2
    assert "xvfb-run" in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.skipif("tsne" not in available(), reason="needs embviz[projections]")
def test_render_tsne_png_has_points_and_no_axes(tmp_path):
    out = tmp_path / "tsne.png"
    r = _run("--out", str(out), "--projection", "tsne", "--seed", "1", "--size", "640x480")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"wrote {out} (640x480, 300 words, tsne)"
    with Image.open(out) as img:
        pix = np.asarray(img.convert("RGB")).astype(int)
    point = np.array(THEME["point"][:3])
    assert ((np.abs(pix - point) <= 12).all(axis=2)).sum() > 300
    assert ((pix > 200).all(axis=2)).sum() > 200  # labels and the note
    for rgb in THEME["axis"][:2]:  # t-SNE has no axes to draw (z's blue is the points')
        assert ((np.abs(pix - np.array(rgb)) <= 20).all(axis=2)).sum() < 30


def test_render_a_layout_without_its_package_says_how_to_install(tmp_path):
    out = tmp_path / "u.png"
    code = (
        "import sys; sys.modules['umap'] = None\n"
        "from embviz.cli import main\n"
        f"sys.exit(main(['render', '--out', {str(out)!r}, '--projection', 'umap']))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2
    assert r.stderr.strip() == (
        "embviz: error: UMAP needs the optional package umap-learn, which is not installed: "
        "pip install embviz[projections]"
    )
    assert not out.exists()
