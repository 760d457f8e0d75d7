"""Shared fixtures and the checks every test gets."""

from __future__ import annotations

import os
import threading

import pytest


@pytest.fixture(scope="session")
def default_embeddings():
    """The embedded default vectors, loaded once per test session."""
    import embviz

    return embviz.load_default()


@pytest.fixture(scope="module")
def ft_path(tmp_path_factory):
    """A tiny fastText model trained here, saved in Facebook's .bin format.

    It never saw :data:`tests.helpers.FASTTEXT_OOV`.
    """
    import numpy as np
    from gensim.models import FastText
    from gensim.models.fasttext import save_facebook_model

    words = ["government", "governments", "governor", "mentally", "mental", "king", "man",
             "woman", "queen", "royal", "palace", "city", "river"]  # fmt: skip
    rng = np.random.default_rng(0)
    sentences = [list(rng.choice(words, 8)) for _ in range(300)]
    model = FastText(vector_size=16, window=3, min_count=1, min_n=3, max_n=5, bucket=2000,
                     epochs=3, seed=1, workers=1)  # fmt: skip
    model.build_vocab(sentences)
    model.train(sentences, total_examples=len(sentences), epochs=model.epochs)
    path = tmp_path_factory.mktemp("ft") / "model.bin"
    save_facebook_model(model, str(path))
    return path


@pytest.fixture(autouse=True)
def _no_dangling_threads():
    """Fail a test that leaves Python or Qt threads running (as napari does)."""
    before = set(threading.enumerate())
    yield
    left = [t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon]
    for t in left:
        t.join(timeout=2)
    left = [t for t in left if t.is_alive()]
    assert not left, f"test left threads running: {left}"
    qtcore = __import__("sys").modules.get("PySide6.QtCore")
    if qtcore is not None:
        pool = qtcore.QThreadPool.globalInstance()
        assert pool.waitForDone(2000), "test left QThreadPool work running"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep settings and caches of tests out of the user's home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    # QSettings reads XDG_CONFIG_HOME once per process and caches it: without
    # this, a window's saved state (hidden panels, theme, text size) leaked
    # into every later test.
    qtcore = __import__("sys").modules.get("PySide6.QtCore")
    if qtcore is not None:
        qtcore.QSettings.setPath(
            qtcore.QSettings.Format.NativeFormat,
            qtcore.QSettings.Scope.UserScope,
            str(home / "config"),
        )
    yield


def pytest_configure(config):
    # GUI tests draw real OpenGL: they need the xcb platform on Xvfb, never offscreen.
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    # Before pytest-qt creates the QApplication: GL widgets must share contexts.
    import embviz.gui  # noqa: F401
