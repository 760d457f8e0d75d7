import json

import numpy as np
import pytest

from embviz.cli import main
from embviz.core.formats import save
from tests.helpers import gensim_data

FASTTEXT = str(gensim_data("pang_lee_polarity_fasttext.vec"))


@pytest.fixture(scope="module")
def rotated_file(tmp_path_factory, default_embeddings):
    """The first 3,000 default words rotated and shuffled, as word2vec text."""
    from embviz.core import Embeddings

    rng = np.random.default_rng(0)
    q, _ = np.linalg.qr(rng.normal(size=(50, 50)))
    rows = rng.permutation(3000)
    emb = Embeddings([default_embeddings.words[i] for i in rows],
                     default_embeddings.vectors[rows] @ q.astype(np.float32))  # fmt: skip
    path = tmp_path_factory.mktemp("cmp") / "rotated.txt"
    save(emb, path, format="word2vec")
    return str(path)


def test_json_has_exactly_the_documented_fields(capsys):
    assert main(["compare", FASTTEXT, "--unicode-errors", "replace", "--top", "7", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["shared", "anchors", "dims", "method", "precision_at_1",
                         "precision_at_5", "heldout", "words"]  # fmt: skip
    assert out["dims"] == [50, 100] and out["method"] == "procrustes"
    assert out["anchors"] == out["shared"] > 1000  # fewer than 5,000 shared: all are anchors
    assert out["heldout"] == 1000
    assert 0 <= out["precision_at_1"] <= out["precision_at_5"] <= 1
    words = out["words"]
    assert len(words) == 7 and all(list(w) == ["word", "cosine", "overlap"] for w in words)
    cosines = [w["cosine"] for w in words]
    assert cosines == sorted(cosines)  # most moved first
    assert all(0 <= w["overlap"] <= 1 and isinstance(w["cosine"], float) for w in words)


def test_two_files_and_an_anchor_file(capsys, tmp_path, rotated_file, default_embeddings):
    anchors = tmp_path / "anchors.txt"
    words = default_embeddings.words[100:200]
    anchors.write_text("# anchors\n" + "\n".join(words) + "\nnot-a-word\n", encoding="utf-8")
    a = tmp_path / "a.txt"
    save(default_embeddings.subset(range(4000)), a, format="glove")
    assert main(["compare", str(a), rotated_file, "--anchor-file", str(anchors),
                 "--heldout", "200", "--top", "3", "--json"]) == 0  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert out["shared"] == 3000 and out["anchors"] == 100 and out["heldout"] == 200
    # 100 words in 50 dimensions determine the rotation: every held-out word maps home.
    assert out["precision_at_1"] == 1.0
    assert min(w["cosine"] for w in out["words"]) > 0.999


def test_text_output_names_the_method_and_lists_both_ends(capsys, rotated_file):
    assert main(["compare", rotated_file, "--anchors", "1000", "--top", "4", "--k", "5"]) == 0
    out = capsys.readouterr().out
    assert "shared words: 3,000 (exact match)" in out
    assert "orthogonal Procrustes of A onto B on 1,000 anchor words" in out
    assert "dimensions: both 50" in out
    assert "precision@1 1.000" in out and "on 1,000 held-out words" in out
    assert "most moved (lowest cosine)" in out and "least moved (highest cosine)" in out
    assert "overlap@5" in out


def test_different_dimensions_are_said(capsys):
    assert main(["compare", FASTTEXT, "--unicode-errors", "replace", "--dims", "pca",
                 "--top", "2"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "dimensions: PCA" in out
    assert "the 100-dimensional space is projected on its first 50 principal axes" in out
    assert "5-fold cross-validation over the anchors" in out


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["compare", "/no/such/b.txt"], "/no/such/b.txt: no such file"),
        (["compare", "a", "b", "c"], "compare takes [A] B: too many arguments"),
        (["compare", FASTTEXT, "--anchor-file", "/no/anchors.txt"], "/no/anchors.txt"),
        (["compare", FASTTEXT, "--anchors", "1"], "need at least 2 anchor words"),
        (["compare", FASTTEXT, "--top", "0"], "--top must be at least 1"),
        (["compare", FASTTEXT, "--k", "100000"], "--k must be at most 1,000"),
        (["compare", FASTTEXT, "--anchor-file", "/"], "/: "),
    ],
)
def test_errors_are_one_line(capsys, args, needle):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert needle in err and err.count("\n") == 1, err


def test_no_shared_words_suggests_ignoring_case(capsys, tmp_path):
    p = tmp_path / "upper.txt"
    p.write_text("2 3\nKING 1 0 0\nQUEEN 0 1 0\n")
    assert main(["compare", str(p)]) == 2
    assert "share 0 words: need at least 2 (matching ignoring case" in capsys.readouterr().err
    assert main(["compare", str(p), "--case-insensitive", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["shared"] == 2
