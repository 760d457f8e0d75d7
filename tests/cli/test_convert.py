"""``embviz convert`` and the load options every command shares (--trust, --sample, ...)."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np

import embviz
from embviz.cli import main
from tests.helpers import gensim_data


def test_glove_to_word2vec_binary_equals_gensim(tmp_path, capsys):
    from gensim.models import KeyedVectors

    src = gensim_data("test_glove.txt")
    out = tmp_path / "glove.bin"
    assert main(["convert", str(src), str(out), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["format"] == "word2vec-binary" and info["in_format"] == "glove"
    kv = KeyedVectors.load_word2vec_format(str(out), binary=True)  # gensim reads what we wrote
    ref = KeyedVectors.load_word2vec_format(str(src), no_header=True)
    assert list(kv.index_to_key) == list(ref.index_to_key)
    assert np.array_equal(kv.vectors, ref.vectors)


def test_anything_to_projector_tsv_with_metadata(tmp_path, capsys):
    out = tmp_path / "vectors.tsv"
    assert (
        main(["convert", str(gensim_data("euclidean_vectors.bin")), str(out), "--limit", "20"]) == 0
    )
    assert "wrote 20 vectors" in capsys.readouterr().out
    meta = (tmp_path / "metadata.tsv").read_text(encoding="utf-8").splitlines()
    assert len(meta) == 20 and meta[0] == "the"
    assert len((out).read_text().splitlines()) == 20
    assert embviz.load(out).words == meta


def test_to_option_overrides_the_suffix(tmp_path):
    out = tmp_path / "out.data"
    assert main(["convert", str(gensim_data("test_glove.txt")), str(out), "--to", "glove"]) == 0
    assert embviz.load(out).source.format == "glove"


def test_info_reports_detection_details(capsys):
    assert main(["info", str(gensim_data("high_precision.kv.bin")), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["format"] == "word2vec-binary" and info["count"] == 2 and info["dim"] == 2
    assert "binary" in info["detected_by"] and info["newline_after_vector"] is False
    assert {"format", "count", "dim", "seconds"} <= set(info)


def test_untrusted_pickle_is_one_line_exit_2_and_trust_opens_it(tmp_path, capsys):
    from gensim.models import KeyedVectors

    kv = KeyedVectors(2)
    kv.add_vectors(["x", "y"], np.eye(2, dtype=np.float32))
    p = tmp_path / "m.kv"
    kv.save(str(p))
    assert main(["info", str(p)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--trust" in err and str(p) in err
    assert main(["info", str(p), "--trust", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 2


def test_nonfinite_rows_warn_and_can_be_dropped(tmp_path, capsys):
    p = tmp_path / "g.txt"
    p.write_text("a 1 2\nb nan 2\nc 3 4\n")
    assert main(["info", str(p), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["nonfinite_rows"] == 1
    assert "1 rows hold NaN" in captured.err and "--drop-nonfinite" in captured.err
    assert main(["info", str(p), "--json", "--drop-nonfinite"]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 2


def test_convert_errors_are_one_line_without_traceback(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("a 1 2\nb 1\n")
    out = subprocess.run([sys.executable, "-m", "embviz", "convert", str(bad), str(tmp_path / "o.bin")],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 2
    assert out.stderr.strip() == (
        f"embviz: error: {bad}, line 2: expected a word and 2 numbers (the first line has 2), found 1"
    )
    assert not (tmp_path / "o.bin").exists()
