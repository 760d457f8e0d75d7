"""Helpers for tests (import as ``from tests.helpers import ...``)."""

from __future__ import annotations

from pathlib import Path


def gensim_data(name: str) -> Path:
    """Path of a file in gensim's shipped test data."""
    from gensim.test.utils import datapath

    return Path(datapath(name))
