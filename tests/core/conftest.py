"""Fixtures shared by the core tests: a workspace, MiniLM, and the t-SNE and UMAP layouts."""

from __future__ import annotations

import pytest

from embviz.core import nonlinear
from embviz.core.wordlists import TEACHING_WORDS
from embviz.core.workspace import Workspace
from tests.context_model import installed_model  # at collection, before XDG_DATA_HOME moves


@pytest.fixture
def ws(default_embeddings):
    """A workspace on the default vectors, showing its default words."""
    w = Workspace()
    w.set_embeddings(default_embeddings)
    return w


@pytest.fixture(scope="module")
def minilm():
    """The installed MiniLM model (fetched by scripts/setup), once per module."""
    from embviz.core.context import ContextModel

    return ContextModel(installed_model())


@pytest.fixture(scope="session")
def teaching(default_embeddings):
    """The teaching words in the default data, and their vectors."""
    words = [w for w in TEACHING_WORDS if w in default_embeddings]
    return words, default_embeddings.vectors[default_embeddings.rows(words)]


@pytest.fixture(scope="session")
def tsne_coords(teaching):
    """t-SNE of the teaching words, seed 0 (computed once: a second or two)."""
    return nonlinear.tsne(teaching[1], seed=0)
