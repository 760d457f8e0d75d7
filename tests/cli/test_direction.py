"""``embviz direction``: JSON a user can script against, one-line errors."""

from __future__ import annotations

import json

import pytest

from embviz.cli import main


def _run(capsys, *argv):
    code = main(["direction", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_dot_products_of_cats_minus_cat(capsys, default_embeddings):
    code, out, err = _run(capsys, "cats - cat", "one", "two", "three", "four", "dogs", "dog",
                          "qqzzxv", "--json")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["direction"] == "cats − cat"
    assert data["missing"] == ["qqzzxv"]
    dots = {r["word"]: r["dot"] for r in data["results"]}
    d = default_embeddings.vector("cats").astype(float) - default_embeddings.vector("cat")
    assert dots["two"] == pytest.approx(float(default_embeddings.vector("two") @ d), rel=1e-5)
    assert dots["one"] < dots["two"] < dots["three"] < dots["four"]
    assert dots["dogs"] > dots["dog"]
    assert all(isinstance(r["z"], float) for r in data["results"])


def test_pairs_section_and_normalize(capsys):
    code, out, _ = _run(capsys, "--pairs", "gram8-plural", "cats", "cat", "--normalize", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["pairs"] == 37
    assert "unit-length" in data["measure"]
    dots = {r["word"]: r["dot"] for r in data["results"]}
    assert dots["cats"] > dots["cat"]
    assert abs(dots["cats"]) < 10  # unit direction: at most |v|


def test_default_words_and_text_output(capsys):
    code, out, _ = _run(capsys, "cats - cat")
    assert code == 0
    assert out.startswith("direction: cats − cat")
    for word in ("puppies", "octopuses", "students", "one", "ten"):
        assert f"\n{word} " in out


def test_file_argument_and_pairs_file(capsys, tmp_path):
    vec = tmp_path / "tiny.txt"
    vec.write_text("cat 1 0 0\ncats 1 1 0\ndog 2 0 0\ndogs 2 1 1\none 0 -1 0\n", encoding="utf-8")
    pairs = tmp_path / "pairs.txt"
    pairs.write_text("cat cats\ndog dogs\nmouse mice\n", encoding="utf-8")
    code, out, err = _run(capsys, str(vec), "--pairs", str(pairs), "one", "dogs", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["direction"] == "mean of pairs.txt pairs"
    assert {r["word"]: r["dot"] for r in data["results"]} == pytest.approx(
        {"one": -1.0, "dogs": 1.5}
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "give a direction"),
        (["--pairs", "no-such-section", "cat"], "neither a questions-words section"),
        (["cat - cat", "one"], "zero vector"),
        (["cats -", "one"], "expected a word"),
        (["kittenz - cat", "one"], "'kittenz' is not in the vocabulary"),
    ],
)
def test_bad_input_is_one_line_exit_2(capsys, argv, message):
    code, _out, err = _run(capsys, *argv)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_empty_pair_file_is_a_clear_message(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing here\n", encoding="utf-8")
    code, _, err = _run(capsys, "--pairs", str(empty), "cat")
    assert code == 2
    assert "pair list is empty" in err
