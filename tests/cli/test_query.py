"""``embviz query`` and ``embviz evaluate`` as a user runs them."""

import json

from embviz.cli import main
from tests.helpers import run_cli


def test_query_json_gives_queen_first_without_the_inputs():
    out = run_cli("query", "king - man + woman", "-k", "5", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    words = [r["word"] for r in data["results"]]
    assert words[0] == "queen" and len(words) == 5
    assert not {"king", "man", "woman"} & set(words)
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True) and 0.8 < scores[0] < 0.9


def test_query_text_says_what_was_left_out_and_ranks_the_expected_word(capsys):
    assert main(["query", "king - man + woman", "-k", "3", "--expected", "queen"]) == 0
    out = capsys.readouterr().out
    assert "input words left out: king, man, woman" in out
    assert "expected queen: rank 1; rank 2 with the inputs" in out
    assert main(["query", "king - man + woman", "-k", "1", "--include-inputs", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["word"] == "king"


def test_query_3cosmul_and_scalar_factors(capsys):
    assert main(["query", "paris - france + italy", "--method", "3cosmul", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == "3cosmul" and data["results"][0]["word"] == "rome"
    assert main(["query", "2*walked - walk", "-k", "3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["expression"] == "2*walked - walk"


def test_query_on_a_file(tmp_path, capsys):
    rows = {"king": [1, 1, 0], "man": [1, 0, 0], "woman": [0, 0, 1], "queen": [0, 1, 1],
            "apple": [-1, 0, 0]}  # fmt: skip
    path = tmp_path / "tiny.txt"
    path.write_text("".join(f"{w} {' '.join(map(str, v))}\n" for w, v in rows.items()))
    assert main(["query", str(path), "king - man + woman", "-k", "1", "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)["results"]
    # 3CosAdd compares unit vectors: queen is nearest, though not exactly at the sum
    assert result["word"] == "queen" and 0.9 < result["score"] < 1.0


def test_query_bad_input_is_one_line_and_exit_2():
    out = run_cli("query", "king - man + wman")
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "Traceback" not in out.stderr
    assert "'wman' is not in the vocabulary" in out.stderr and "woman" in out.stderr
    out = run_cli("query", "king + * man")
    assert out.returncode == 2 and "position 8" in out.stderr
    out = run_cli("query", "  ")
    assert out.returncode == 2 and "empty" in out.stderr


def test_evaluate_json(capsys):
    assert main(["evaluate", "--restrict", "5000", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    analogies = data["analogies"]
    assert len(analogies["sections"]) == 14
    assert analogies["sections"][0]["section"] == "capital-common-countries"
    total = sum(s["correct"] for s in analogies["sections"])
    n = total + sum(s["incorrect"] for s in analogies["sections"])
    assert analogies["accuracy"] == total / n
    assert [p["name"] for p in data["pairs"]] == ["wordsim353.tsv", "simlex999.txt"]
    assert all(-1 < p["spearman"] < 1 for p in data["pairs"])


def test_evaluate_text_and_a_wrong_file(tmp_path, capsys):
    pairs = tmp_path / "p.tsv"
    pairs.write_text("cat\tdog\t7\ncar\tautomobile\t9\nsun\tstone\t1\nking\tqueen\t8\n")
    assert main(["evaluate", "--no-analogies", "--pairs", str(pairs)]) == 0
    assert "p.tsv: Pearson" in capsys.readouterr().out
    wrong = tmp_path / "q.txt"
    wrong.write_text("athens greece baghdad iraq\n")
    assert main(["evaluate", "--analogies", str(wrong)]) == 2
    assert "q.txt, line 1: expected a section header" in capsys.readouterr().err


def test_evaluate_says_which_similarity_set_has_too_few_pairs_and_still_answers(capsys):
    # With only the first 60 words, wordsim353 has no pair left: the analogies still run.
    assert main(["evaluate", "--restrict", "60"]) == 0
    out = capsys.readouterr().out
    assert "Total accuracy" in out
    assert "wordsim353.tsv: no correlation: only 0 of 353 pairs have both words" in out
    assert main(["evaluate", "--restrict", "60", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    wordsim = data["pairs"][0]
    assert wordsim["pearson"] is None and "too few to correlate" in wordsim["problem"]
    assert data["analogies"]["questions"] == 19544


def test_query_parentheses_and_tight_hyphens_keep_their_signs(capsys):
    # woman − (king − man) = woman − king + man, however it is written
    outs = []
    for expr in ["woman - (king - man)", "woman - king-man", "woman − king + man"]:
        assert main(["query", expr, "-k", "5", "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["expression"] == "woman - king + man"
        outs.append([r["word"] for r in data["results"]])
    assert outs[0] == outs[1] == outs[2]
