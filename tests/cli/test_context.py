"""``embviz context``: JSON, npz and the cosine table, headless, and its one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from tests.context_model import FIXTURE, installed_model, make_tiny_bert

RIVER = "He sat on the bank of the river."
MONEY = "She deposited money at the bank."


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "embviz", "context", *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=cwd)  # fmt: skip


def test_json_and_npz_layout_match_transformers_hidden_states(tmp_path):
    model = installed_model()
    with np.load(FIXTURE, allow_pickle=False) as f:
        ref = {k: f[k] for k in f.files}
    texts = [str(t) for t in ref["sentences"][:3]]
    out = tmp_path / "h.npz"
    r = run("--model", model, *texts, "--json", "--npz", out)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert doc["layers"] == 7
    assert [s["text"] for s in doc["sentences"]] == texts
    assert [s["tokens"] for s in doc["sentences"]] == [
        ref[f"s{i}_tokens"].tolist() for i in range(3)
    ]
    with np.load(out, allow_pickle=False) as got:
        assert sorted(got.files) == sorted(f"s{i}_l{j}" for i in range(3) for j in range(7))
        for i in range(3):
            for layer in range(7):
                a = got[f"s{i}_l{layer}"]
                assert a.dtype == np.float32
                assert np.abs(a - ref[f"s{i}_hidden"][layer]).max() <= 1e-4


def test_the_table_compares_bank_across_sentences_layer_by_layer():
    r = run("--model", installed_model(), RIVER, MONEY)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "sentence 1: [CLS] he sat on the bank of the river . [SEP]" in lines
    header = next(line for line in lines if line.startswith("token"))
    assert header.split()[2:] == ["static", "0", "1", "2", "3", "4", "5", "6"]
    bank = next(line for line in lines if line.startswith("bank "))
    assert bank.split()[1:4] == ["1:5", "~", "2:6"]
    cos = [float(v) for v in bank.split()[4:]]
    assert len(cos) == 8 and cos[0] == 1.0 and max(cos[1:]) < 1.0
    assert not any(line.startswith(("[CLS]", "[SEP]")) for line in lines)


def test_token_limits_the_table(tmp_path):
    tiny = make_tiny_bert(tmp_path / "m")
    r = run("--model", tiny, "the bank .", "a bank .", "--token", "bank", "--token", "river")
    assert r.returncode == 0, r.stderr
    rows = [line.split()[0] for line in r.stdout.splitlines()[-3:]]
    assert "not in two or more sentences: river" in r.stdout
    assert rows[-1] == "bank" and "." not in rows


def test_nearest_lists_vocabulary_tokens_per_layer(tmp_path):
    r = run("--model", make_tiny_bert(tmp_path / "m"), "the bank .", "a bank .",
            "--token", "bank", "--nearest", "2")  # fmt: skip
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    at = lines.index("bank at 1:2")
    assert lines.index("bank at 2:2") == at + 5  # static, input (0), layers 1 and 2
    assert lines[at + 1].split()[:3] == ["static", "bank", "1.00,"]  # its own row first
    assert lines[at + 2].startswith("  input (0)") and lines[at + 4].startswith("  layer 2")
    assert all(len(line.split(",")) == 2 for line in lines[at + 1 : at + 5])


def test_one_sentence_says_there_is_nothing_to_compare(tmp_path):
    r = run("--model", make_tiny_bert(tmp_path / "m"), "the bank")
    assert r.returncode == 0, r.stderr
    assert "no token occurs in more than one sentence" in r.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--model", "{tmp}/nope", "x"], "{tmp}/nope: no such model folder"),
        (["--model", "{tmp}", "x"], "not a BERT model folder (missing config.json, model.safetensors"),
        (["--model", "{tiny}", ""], "sentence 1: the sentence is empty"),
        (["--model", "{tiny}", "the bank", "the " * 30],
         "sentence 2: the sentence is 32 tokens long with [CLS] and [SEP]; the model has 16 "
         "positions, so it is refused, not truncated"),
        (["--model", "{tiny}", "x", "--npz", "{tmp}/out.txt"], "--npz must end in .npz"),
        (["--model", "{tiny}", "x", "--npz", "{tmp}/no/out.npz"], "no such directory"),
        (["x"], "no contextual model is installed"),
        (["--model", "{tiny}", "x", "--nearest", "3"], "--nearest K needs --token"),
    ],
)  # fmt: skip
def test_errors_are_one_line(tmp_path, args, needle):
    tiny = make_tiny_bert(tmp_path / "tiny")
    args = [a.format(tmp=tmp_path, tiny=tiny) for a in args]
    r = run(*args)  # XDG_DATA_HOME points at an empty folder (conftest)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("embviz: error: ")
    assert needle.format(tmp=tmp_path) in r.stderr


def test_a_foreign_model_folder_is_named(tmp_path):
    folder = make_tiny_bert(tmp_path / "m")
    (folder / "config.json").write_text('{"model_type": "gpt2"}')
    r = run("--model", folder, "x")
    assert r.returncode == 2
    assert "model_type is 'gpt2': embviz runs BERT-family models" in r.stderr
