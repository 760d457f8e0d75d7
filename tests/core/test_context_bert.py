"""The numpy BERT against transformers' reference hidden states, and its loader's checks."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from embviz.core.context import ContextModel, ModelNotFoundError, find_model
from embviz.core.context.bert import BertConfig, gelu, layer_norm, load_weights
from embviz.core.errors import EmbvizError, LoadError
from tests.context_model import FIXTURE, TINY_VOCAB, installed_model, make_tiny_bert


@pytest.fixture(scope="module")
def reference():
    with np.load(FIXTURE, allow_pickle=False) as f:
        return {k: f[k] for k in f.files}


def test_fixture_covers_wordpiece_splits_and_special_tokens(reference):
    tokens = [reference[f"s{i}_tokens"].tolist() for i in range(len(reference["sentences"]))]
    assert all(t[0] == "[CLS]" and t[-1] == "[SEP]" for t in tokens)
    assert ["un", "##bel", "##ie", "##va", "##bly"] == tokens[2][3:8]
    assert "[UNK]" in tokens[3]
    assert all(reference[f"s{i}_hidden"].shape == (7, len(t), 384) for i, t in enumerate(tokens))


@pytest.mark.parametrize("i", range(4))
def test_numpy_forward_matches_transformers_at_every_layer(minilm, reference, i):
    text = str(reference["sentences"][i])
    tok = minilm.tokenize(text)
    assert tok.tokens == reference[f"s{i}_tokens"].tolist()
    np.testing.assert_array_equal(tok.ids, reference[f"s{i}_ids"])
    hidden = minilm.hidden_states(tok)
    ref = reference[f"s{i}_hidden"]
    assert len(hidden) == len(ref) == 7
    for layer, (ours, theirs) in enumerate(zip(hidden, ref, strict=True)):
        assert ours.dtype == np.float32 and ours.shape == theirs.shape
        err = float(np.abs(ours - theirs).max())
        assert err <= 1e-4, f"sentence {i}, layer {layer}: max abs difference {err:.2e}"


def test_installed_model_is_minilm_and_not_memory_mapped(minilm):
    c = minilm.config
    assert (c.vocab_size, c.hidden_size, c.num_hidden_layers, c.num_attention_heads) == (
        30522, 384, 6, 12)  # fmt: skip
    assert minilm.name == "sentence-transformers/all-MiniLM-L6-v2"
    # a mapped file re-saved while open would crash the process (issue 16, item 1)
    assert not isinstance(minilm.word_embeddings.base, np.memmap)
    assert not isinstance(minilm.word_embeddings, np.memmap)
    assert minilm.tokenizer.source.name == "tokenizer.json"


def test_a_model_file_rewritten_while_open_does_not_kill_the_process(tmp_path):
    import shutil
    import subprocess
    import sys

    folder = shutil.copytree(installed_model(), tmp_path / "m")
    code = (
        "import sys; from embviz.core.context import ContextModel; "
        f"m = ContextModel({str(folder)!r}); "
        f"open({str(folder / 'model.safetensors')!r}, 'wb').close(); "  # truncated to 0 bytes
        "print(m.hidden_states(m.tokenize('the river bank'))[-1].shape)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, (out.returncode, out.stderr[-2000:])
    assert "384" in out.stdout


def test_the_too_long_sentence_is_refused_not_truncated(minilm):
    with pytest.raises(
        EmbvizError, match=r"(\d+) tokens long.*512 positions.*refused, not truncated"
    ):
        minilm.tokenize("bank " * 511)
    assert len(minilm.tokenize("bank " * 510).ids) == 512  # exactly the model's positions


@pytest.mark.parametrize("text", ["", "   \n\t"])
def test_an_empty_sentence_is_refused(minilm, text):
    with pytest.raises(EmbvizError, match="empty"):
        minilm.tokenize(text)


def _naive_forward(w, cfg, ids):
    """A plain float64 BERT, one head and one formula at a time (math.erf for GELU)."""
    w = {k: np.asarray(v, np.float64) for k, v in w.items()}
    erf = np.vectorize(math.erf)

    def ln(x, p):
        mu = x.mean(1, keepdims=True)
        sd = np.sqrt(((x - mu) ** 2).mean(1, keepdims=True) + cfg.layer_norm_eps)
        return (x - mu) / sd * w[p + ".weight"] + w[p + ".bias"]

    def dense(x, p):
        return np.einsum("ti,oi->to", x, w[p + ".weight"]) + w[p + ".bias"]

    n, h = len(ids), cfg.num_attention_heads
    dh = cfg.hidden_size // h
    x = ln(w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
           + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")  # fmt: skip
    out = [x]
    for i in range(cfg.num_hidden_layers):
        p = f"encoder.layer.{i}."
        q, k, v = (dense(x, p + f"attention.self.{m}") for m in ("query", "key", "value"))
        ctx = np.zeros_like(x)
        for head in range(h):
            s = slice(head * dh, (head + 1) * dh)
            scores = q[:, s] @ k[:, s].T / math.sqrt(dh)
            a = np.exp(scores - scores.max(1, keepdims=True))
            ctx[:, s] = (a / a.sum(1, keepdims=True)) @ v[:, s]
        att = ln(dense(ctx, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        mid = dense(att, p + "intermediate.dense")
        mid = 0.5 * mid * (1 + erf(mid / math.sqrt(2)))
        x = ln(dense(mid, p + "output.dense") + att, p + "output.LayerNorm")
        out.append(x)
    return out


@pytest.mark.parametrize(("prefix", "dtype"), [("", np.float32), ("bert.", np.float32),
                                               ("bert.", np.float16)])  # fmt: skip
def test_tiny_bert_matches_a_naive_implementation(tmp_path, prefix, dtype):
    folder = make_tiny_bert(tmp_path / "m", prefix=prefix, dtype=dtype)
    model = ContextModel(folder)
    tok = model.tokenize("the bank, unbelievably good.")
    # vocab.txt only: tokenizers' BertWordPieceTokenizer; "," is not in the vocabulary.
    assert model.tokenizer.source.name == "vocab.txt"
    assert tok.tokens == ["[CLS]", "the", "bank", "[UNK]", "un", "##bel", "##ie", "##va", "##bly",
                          "good", ".", "[SEP]"]  # fmt: skip
    cfg = BertConfig.from_file(folder / "config.json")
    ref = _naive_forward(load_weights(folder / "model.safetensors", cfg), cfg, tok.ids)
    for ours, theirs in zip(model.hidden_states(tok), ref, strict=True):
        np.testing.assert_allclose(ours, theirs, atol=2e-5)


def test_building_blocks_against_their_definitions():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((5, 7)).astype(np.float32)
    y = layer_norm(x, np.ones(7, np.float32), np.zeros(7, np.float32), 1e-12)
    np.testing.assert_allclose(y.mean(1), 0, atol=1e-6)
    np.testing.assert_allclose(y.std(1), 1, atol=1e-5)
    np.testing.assert_allclose(gelu(x), [[v * 0.5 * (1 + math.erf(v / math.sqrt(2))) for v in row]
                                         for row in x.astype(float)], rtol=1e-6, atol=1e-7)  # fmt: skip


def _edit_config(folder, **changes):
    cfg = json.loads((folder / "config.json").read_text())
    cfg.update(changes)
    (folder / "config.json").write_text(json.dumps(cfg))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: _edit_config(f, model_type="gpt2"), "model_type is 'gpt2'"),
        (lambda f: _edit_config(f, hidden_act="relu"), "activation 'relu'"),
        (lambda f: _edit_config(f, position_embedding_type="relative_key"), "absolute"),
        (lambda f: _edit_config(f, hidden_size=12), "shape"),
        (lambda f: _edit_config(f, num_attention_heads=3), "not divisible by 3 heads"),
        (lambda f: _edit_config(f, num_hidden_layers=10**9), "num_hidden_layers = 1000000000 is out of range"),
        (lambda f: _edit_config(f, vocab_size=0), "vocab_size = 0 is out of range"),
        (lambda f: (f / "config.json").write_text("[1, 2]"), "not a JSON object"),
        (lambda f: (f / "config.json").write_text("{"), "not a readable config.json"),
        (lambda f: (f / "model.safetensors").write_bytes(b"\x08" + bytes(15)), "safetensors"),
        (lambda f: (f / "config.json").unlink(), "missing config.json"),
        (lambda f: (f / "vocab.txt").unlink(), "missing tokenizer.json or vocab.txt"),
        (lambda f: (f / "tokenizer.json").write_text("{}"), "not a readable tokenizer"),
    ],
)  # fmt: skip
def test_foreign_or_broken_model_folders_give_one_clear_error(tmp_path, change, message):
    folder = make_tiny_bert(tmp_path / "m")
    change(folder)
    with pytest.raises(EmbvizError, match=message):
        ContextModel(folder)


def test_a_truncated_weight_file_is_reported(tmp_path):
    folder = make_tiny_bert(tmp_path / "m")
    data = (folder / "model.safetensors").read_bytes()
    (folder / "model.safetensors").write_bytes(data[: len(data) - 100])
    with pytest.raises(LoadError, match="truncated"):
        ContextModel(folder)


def test_no_installed_model_says_how_to_install_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "empty"))
    monkeypatch.delenv("EMBVIZ_CONTEXT_MODEL", raising=False)
    with pytest.raises(
        ModelNotFoundError, match=r"no contextual model is installed.*scripts/setup"
    ):
        find_model()
    with pytest.raises(ModelNotFoundError, match="no such model folder"):
        find_model(tmp_path / "nope")
    monkeypatch.setenv("EMBVIZ_CONTEXT_MODEL", str(make_tiny_bert(tmp_path / "m")))
    assert find_model() == tmp_path / "m"


def test_tiny_vocabulary_is_indexed_by_id(tmp_path):
    model = ContextModel(make_tiny_bert(tmp_path / "m"))
    assert model.vocabulary() == TINY_VOCAB


def test_mutated_model_files_give_a_model_or_one_clear_error(tmp_path):
    folder = make_tiny_bert(tmp_path / "m")
    pristine = {n: (folder / n).read_bytes() for n in ("model.safetensors", "config.json")}
    rng = np.random.default_rng(7)
    outcomes = set()
    for case in range(120):
        name = "model.safetensors" if case % 3 else "config.json"
        data = bytearray(pristine[name])
        # Half in the first bytes (header, JSON), where a flip changes the meaning; half anywhere.
        span = min(len(data), 600) if case % 2 else len(data)
        for _ in range(rng.integers(1, 4)):
            data[rng.integers(0, span)] = rng.integers(0, 256)
        if rng.random() < 0.2:
            data = data[: rng.integers(0, len(data))]
        (folder / name).write_bytes(bytes(data))
        try:
            model = ContextModel(folder)
            model.hidden_states(model.tokenize("the bank"))
            outcomes.add("ok")
        except EmbvizError as e:
            assert "\n" not in str(e)
            outcomes.add("error")
        (folder / name).write_bytes(pristine[name])
    assert outcomes == {"ok", "error"}


def test_weights_that_overflow_are_reported(tmp_path):
    from safetensors.numpy import load_file, save_file

    folder = make_tiny_bert(tmp_path / "m")
    w = load_file(str(folder / "model.safetensors"))
    w["encoder.layer.0.intermediate.dense.weight"][:] = 3e38
    save_file(w, str(folder / "model.safetensors"))
    model = ContextModel(folder)
    with pytest.raises(EmbvizError, match="infinite or NaN values"):
        model.hidden_states(model.tokenize("the bank"))
