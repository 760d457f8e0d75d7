import json

import pytest

from embviz.cli import main
from tests.helpers import gensim_data, run_cli


def test_neighbors_tower_json_on_the_default_data():
    out = run_cli("neighbors", "tower", "--json")
    assert out.returncode == 0, out.stderr
    results = json.loads(out.stdout)["results"]
    words = [r["word"] for r in results]
    assert len(results) == 10
    assert words[0] == "towers"
    assert {"building", "skyscraper"} <= set(words)
    assert all(isinstance(r["score"], float) for r in results)
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


def test_info_on_a_glove_file_matches_gensim(capsys):
    from gensim.models import KeyedVectors

    path = gensim_data("test_glove.txt")
    kv = KeyedVectors.load_word2vec_format(path, no_header=True)
    assert main(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["format"] == "glove"
    assert (info["count"], info["dim"]) == (len(kv), kv.vector_size)
    assert info["seconds"] >= 0


def test_info_without_file_describes_the_embedded_default(capsys):
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert "50,046" in out and "dims:    50" in out


def test_neighbors_with_a_file_and_euclidean(capsys, tmp_path):
    p = tmp_path / "v.txt"
    p.write_text("3 2\nleft -1 0\nright 1 0\nup 0 1\n", encoding="utf-8")
    assert main(["neighbors", str(p), "right", "-k", "2", "--metric", "euclidean", "--json"]) == 0
    res = json.loads(capsys.readouterr().out)["results"]
    assert [r["word"] for r in res] == ["up", "left"]
    assert res[0]["score"] == pytest.approx(2**0.5, rel=1e-6)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["info", "/no/such/file.txt"], "/no/such/file.txt: no such file"),
        (["neighbors", "towr"], "'towr' is not in the vocabulary (did you mean: tower"),
        (["neighbors", "a", "b", "c"], "too many arguments"),
    ],
)
def test_user_errors_are_one_line_without_traceback(args, needle):
    out = run_cli(*args)
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("embviz: error: ")
    assert needle in lines[0]
    assert "Traceback" not in out.stderr


def test_version():
    from embviz import __version__

    out = run_cli("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"embviz {__version__}"


def test_help_lists_the_commands():
    out = run_cli("--help-commands")
    assert out.returncode == 0
    assert "info" in out.stdout and "neighbors" in out.stdout


def test_every_command_taking_a_file_accepts_the_load_options(tmp_path, capsys):
    # neighbors/query/direction take [FILE] before their own argument; they must
    # still understand --trust, --sample, --no-cache like info does.
    import numpy as np
    from gensim.models import KeyedVectors

    kv = KeyedVectors(3)
    kv.add_vectors(["king", "queen", "man"], np.array([[1, 0, 0], [0.9, 0.2, 0], [0, 1, 0]], "f"))
    path = tmp_path / "m.kv"
    kv.save(str(path))
    assert main(["neighbors", str(path), "king", "-k", "1", "--trust", "--no-cache", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["word"] == "queen"
    assert main(["query", str(path), "queen - king + man", "--trust", "-k", "1", "--json"]) == 0
    assert "results" in json.loads(capsys.readouterr().out)
    assert main(["neighbors", str(path), "king"]) == 2  # without --trust: refused
