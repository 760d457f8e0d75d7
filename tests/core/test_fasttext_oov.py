"""A fastText ``.bin`` answers for words it never saw, as gensim does (issue 15, item 15)."""

from __future__ import annotations

import json

import numpy as np
import pytest

import embviz
from embviz.core.analogy import query
from embviz.core.errors import UnknownWordError
from embviz.core.expressions import evaluate
from tests.helpers import FASTTEXT_OOV as OOV


@pytest.fixture(scope="module")
def kv(ft_path):
    from gensim.models.fasttext import load_facebook_vectors

    return load_facebook_vectors(str(ft_path))


def test_oov_vector_and_neighbours_equal_gensims(ft_path, kv):
    emb = embviz.load(ft_path, cache=False)
    assert OOV not in emb and OOV not in kv.key_to_index
    assert emb.from_subwords(OOV) and not emb.from_subwords("king")
    np.testing.assert_allclose(emb.lookup(OOV), kv[OOV], rtol=1e-6, atol=1e-7)
    ours = emb.neighbors(OOV, k=5)
    theirs = kv.most_similar(OOV, topn=5)
    assert [w for w, _ in ours] == [w for w, _ in theirs]
    np.testing.assert_allclose([s for _, s in ours], [s for _, s in theirs], atol=1e-5)


def test_oov_in_analogies_and_expressions(ft_path, kv):
    emb = embviz.load(ft_path, cache=False)
    res = query(emb, f"king - man + {OOV}", k=5)
    theirs = kv.most_similar(positive=["king", OOV], negative=["man"], topn=5)
    assert [w for w, _ in res.results] == [w for w, _ in theirs]
    np.testing.assert_allclose([s for _, s in res.results], [s for _, s in theirs], atol=1e-5)
    assert res.from_subwords == (OOV,) and res.to_json()["from_subwords"] == [OOV]
    cosmul = query(emb, f"king - man + {OOV}", k=3, method="3cosmul")
    theirs = kv.most_similar_cosmul(positive=["king", OOV], negative=["man"], topn=3)
    assert [w for w, _ in cosmul.results] == [w for w, _ in theirs]
    np.testing.assert_allclose(evaluate(f"{OOV} - king", emb), kv[OOV] - kv["king"], atol=1e-6)


def test_cached_open_still_builds_oov_vectors(ft_path, kv):
    # (the test's cache directory is a fresh one: see tests/conftest.py)
    embviz.load(ft_path)
    again = embviz.load(ft_path)
    assert again.source.details.get("cached") is True
    np.testing.assert_allclose(again.lookup(OOV), kv[OOV], rtol=1e-6, atol=1e-7)


def test_other_formats_still_refuse_unknown_words(default_embeddings):
    assert not default_embeddings.from_subwords("qqzzxv")
    with pytest.raises(UnknownWordError):
        default_embeddings.neighbors("qqzzxv")
    with pytest.raises(UnknownWordError):
        default_embeddings.lookup("qqzzxv")


def test_workspace_selects_an_oov_word_and_shows_its_neighbours(ft_path):
    from embviz.core.workspace import Workspace

    emb = embviz.load(ft_path, cache=False)
    ws = Workspace()
    ws.set_embeddings(emb, ["city", "river"])
    ws.select(OOV)
    assert ws.selected == OOV and ws.selected_from_subwords
    assert {n.word for n in ws.neighbors} <= set(ws.shown_words)
    ws.select("king")
    assert not ws.selected_from_subwords


def test_cli_marks_words_built_from_subwords(ft_path, capsys):
    from embviz.cli import main

    assert main(["neighbors", str(ft_path), OOV, "-k", "3", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert f"{OOV}: not in the vocabulary: vector built from its character n-grams" in out
    assert main(["neighbors", str(ft_path), OOV, "-k", "3", "--no-cache", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["from_subwords"] is True
    assert main(["query", str(ft_path), f"king - man + {OOV}", "--no-cache"]) == 0
    assert f"{OOV}: not in the vocabulary" in capsys.readouterr().out
    assert main(["neighbors", str(ft_path), "king", "-k", "3", "--no-cache"]) == 0
    assert "not in the vocabulary" not in capsys.readouterr().out
