"""The animation encoder shared by ``embviz render --turntable`` and the training export."""

from __future__ import annotations

import os
import stat

import numpy as np
import pytest
from PIL import Image

from embviz.core.errors import EmbvizError
from embviz.gui.render import AnimationWriter, find_ffmpeg, gif_durations


def frame(i: int, size=(64, 48)) -> Image.Image:
    img = np.zeros((size[1], size[0], 3), np.uint8)
    img[:, :] = (20, 22, 30)
    img[10:20, 4 + 6 * i : 14 + 6 * i] = (255, 190, 60)  # a square that moves right
    return Image.fromarray(img)


def test_gif_durations_keep_the_frame_rate_and_hold_the_end():
    d = gif_durations(15, 15.0)
    assert sum(d) == 1000 and set(d) <= {60, 70}
    assert gif_durations(4, 10.0, hold_last=1.5) == [100, 100, 100, 1600]


def test_gif_has_every_frame_in_one_palette(tmp_path):
    out = tmp_path / "a.gif"
    w = AnimationWriter(out, 10, (64, 48), frames=5, palette_from=[frame(0), frame(4)])
    for i in range(5):
        w.add(frame(i))
    assert w.finish(hold_last=1.0) == out
    with Image.open(out) as im:
        assert im.n_frames == 5 and im.size == (64, 48)
        im.seek(2)
        pix = np.asarray(im.convert("RGB"))
    assert tuple(pix[15, 4 + 12 + 5]) == (255, 190, 60)  # colours exact: no dithering
    assert tuple(pix[40, 40]) == (20, 22, 30)


def test_bad_output_is_refused_before_any_work(tmp_path):
    with pytest.raises(EmbvizError, match=r"\.gif or \.mp4"):
        AnimationWriter(tmp_path / "a.png", 10, (64, 48))
    with pytest.raises(EmbvizError, match="no such folder"):
        AnimationWriter(tmp_path / "nope" / "a.gif", 10, (64, 48))
    with pytest.raises(EmbvizError, match="too much for a GIF"):
        AnimationWriter(tmp_path / "a.gif", 30, (3840, 2160), frames=3000)


def test_abort_leaves_no_file(tmp_path):
    out = tmp_path / "a.gif"
    w = AnimationWriter(out, 10, (64, 48))
    w.add(frame(0))
    w.abort()
    assert not out.exists()


@pytest.fixture
def fake_ffmpeg(tmp_path, monkeypatch):
    """An 'ffmpeg' on the PATH that stores its arguments and the bytes piped to it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "ffmpeg"
    exe.write_text(
        "#!/bin/sh\n"
        f'echo "$@" > "{tmp_path}/args"\n'
        f'cat > "{tmp_path}/stdin"\n'
        'for last; do :; done\necho video > "$last"\n'
    )
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return tmp_path


def test_mp4_frames_are_piped_to_ffmpeg(fake_ffmpeg, tmp_path):
    assert find_ffmpeg() == str(fake_ffmpeg / "bin" / "ffmpeg")
    out = tmp_path / "a.mp4"
    w = AnimationWriter(out, 10, (64, 48))
    for i in range(5):
        w.add(frame(i))
    w.finish(hold_last=0.5)  # five more copies of the last frame
    args = (fake_ffmpeg / "args").read_text().split()
    assert args[args.index("-s") + 1] == "64x48" and args[args.index("-framerate") + 1] == "10"
    assert args[-1] == str(out) and out.read_text() == "video\n"
    data = (fake_ffmpeg / "stdin").read_bytes()
    assert len(data) == 10 * 64 * 48 * 3
    frames = np.frombuffer(data, np.uint8).reshape(10, 48, 64, 3)
    assert (frames[4] == np.asarray(frame(4))).all() and (frames[9] == frames[4]).all()
    assert not (frames[0] == frames[4]).all()


def test_mp4_without_ffmpeg_says_to_use_gif(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_ffmpeg() is None
    with pytest.raises(EmbvizError, match=r"needs ffmpeg.*use \.gif"):
        AnimationWriter(tmp_path / "a.mp4", 10, (64, 48))


def test_a_failing_ffmpeg_is_a_message_and_no_file(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "ffmpeg"
    exe.write_text("#!/bin/sh\ncat > /dev/null\necho \"Unknown encoder 'libx264'\" >&2\nexit 1\n")
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    out = tmp_path / "a.mp4"
    w = AnimationWriter(out, 10, (64, 48))
    w.add(frame(0))
    with pytest.raises(EmbvizError, match=r"ffmpeg could not write .*Unknown encoder"):
        w.finish()
    assert not out.exists()
