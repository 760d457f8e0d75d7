"""A file can never make embviz run code: pickles are refused unless trusted.

Each malicious file here would create a marker file when unpickled.
"""

import pickle
import subprocess
import sys

import numpy as np
import pytest

import embviz
from embviz.core.errors import LoadError


class _Plant:
    """Unpickling this calls open(marker, "w"): code run by merely loading a file."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _gensim_like(tmp_path, name, marker):
    p = tmp_path / name
    p.write_bytes(pickle.dumps({"vectors": _Plant(marker)}, protocol=4))
    return p


def _object_npy(tmp_path, marker):
    p = tmp_path / "evil.npy"
    arr = np.empty((2, 2), dtype=object)
    arr[0, 0] = _Plant(marker)
    np.save(p, arr, allow_pickle=True)
    (tmp_path / "evil.vocab.txt").write_text("a\nb\n")
    return p


def _object_npz(tmp_path, marker):
    p = tmp_path / "evil.npz"
    arr = np.empty((2, 2), dtype=object)
    arr[0, 0] = _Plant(marker)
    np.savez(p, vectors=arr)
    (tmp_path / "vocab.txt").write_text("a\nb\n")
    return p


MAKERS = {
    "model.kv": lambda t, m: _gensim_like(t, "model.kv", m),
    "w2v.model": lambda t, m: _gensim_like(t, "w2v.model", m),
    "vectors.pkl": lambda t, m: _gensim_like(t, "vectors.pkl", m),
    "renamed.txt": lambda t, m: _gensim_like(t, "renamed.txt", m),  # a pickle in disguise
    "evil.npy": _object_npy,
    "evil.npz": _object_npz,
}


@pytest.mark.parametrize("kind", list(MAKERS))
def test_api_refuses_without_running_code(tmp_path, kind):
    marker = tmp_path / "PWNED"
    path = MAKERS[kind](tmp_path, marker)
    with pytest.raises(LoadError) as err:
        embviz.load(path)
    assert str(path) in str(err.value)
    assert not marker.exists(), f"loading {kind} ran code from the file"


@pytest.mark.parametrize("kind", ["model.kv", "evil.npy", "renamed.txt"])
def test_cli_refuses_without_running_code(tmp_path, kind):
    marker = tmp_path / "PWNED"
    path = MAKERS[kind](tmp_path, marker)
    out = subprocess.run([sys.executable, "-m", "embviz", "info", str(path)],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert not marker.exists()


def test_gensim_pickle_refusal_explains_trust(tmp_path):
    marker = tmp_path / "PWNED"
    path = MAKERS["model.kv"](tmp_path, marker)
    with pytest.raises(LoadError, match=r"(?i)pickle"):
        embviz.load(path)
    out = subprocess.run([sys.executable, "-m", "embviz", "info", str(path)],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert "--trust" in out.stderr
    assert not marker.exists()


def test_trust_is_what_lets_a_pickle_run(tmp_path):
    # The control: with explicit trust the same file IS unpickled (so the tests
    # above would notice a loader that unpickles).
    marker = tmp_path / "PWNED"
    path = MAKERS["model.kv"](tmp_path, marker)
    subprocess.run([sys.executable, "-m", "embviz", "info", "--trust", str(path)],
                   capture_output=True, text=True, timeout=120)  # fmt: skip
    assert marker.exists()
