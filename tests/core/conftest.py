"""Fixtures shared by the core tests of t-SNE and UMAP layouts."""

from __future__ import annotations

import pytest

from embviz.core import nonlinear
from embviz.core.wordlists import TEACHING_WORDS


@pytest.fixture(scope="session")
def teaching(default_embeddings):
    """The teaching words in the default data, and their vectors."""
    words = [w for w in TEACHING_WORDS if w in default_embeddings]
    return words, default_embeddings.vectors[default_embeddings.rows(words)]


@pytest.fixture(scope="session")
def tsne_coords(teaching):
    """t-SNE of the teaching words, seed 0 (computed once: a second or two)."""
    return nonlinear.tsne(teaching[1], seed=0)
