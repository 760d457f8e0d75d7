"""BERT's forward pass in numpy, module for module as in transformers.

Each class here is named after the ``torch.nn.Module`` of the same name in
transformers' ``models/bert/modeling_bert.py`` and computes the same thing, so
the two can be read side by side:

=====================  ==========================================================
``BertEmbeddings``     word row + position row + token-type row, LayerNorm
``BertSelfAttention``  12 heads: softmax(Q Kᵀ / √d_head) V, heads concatenated
``BertSelfOutput``     a dense layer, then LayerNorm(· + the layer's input)
``BertAttention``      the two above
``BertIntermediate``   a dense layer to 4 × the width, then GELU
``BertOutput``         a dense layer back, then LayerNorm(· + attention's output)
``BertLayer``          attention, then the feed-forward pair
``BertEncoder``        the layers, one after another
``BertModel``          the embeddings, then the encoder; all hidden states
=====================  ==========================================================

What is left out, and why: dropout (inactive at inference), batching and
padding (one sentence at a time, so there is no attention mask to build) and
the pooler (the vectors per token are what the lesson shows). The weights are
the ones in the model's ``model.safetensors``, read once into memory (not
memory-mapped: a model file re-saved while mapped would crash the process).

A ``torch.nn.Linear`` stores its weight as ``(out, in)`` and computes
``x @ W.T + b``; :class:`Linear` keeps that layout so the tensor names and
shapes match the file.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from embviz.core.errors import LoadError

# The activations transformers calls by these names (ACT2FN in activations.py).
ACTIVATIONS = ("gelu", "gelu_new", "gelu_pytorch_tanh")


@dataclass(frozen=True)
class BertConfig:
    """The numbers in a BERT ``config.json`` that the forward pass needs."""

    vocab_size: int
    hidden_size: int
    num_hidden_layers: int
    num_attention_heads: int
    intermediate_size: int
    max_position_embeddings: int
    type_vocab_size: int
    layer_norm_eps: float
    hidden_act: str = "gelu"

    @classmethod
    def from_file(cls, path: Path) -> BertConfig:
        """Read ``config.json``; refuse a model that is not BERT-shaped.

        Raises
        ------
        LoadError
            When the file is unreadable, is not a BERT config (``model_type``
            other than ``bert``, relative positions, an unknown activation) or
            lacks a field.
        """
        try:
            if path.stat().st_size > 1 << 20:
                raise LoadError(path, "config.json is implausibly large (over 1 MB)")
            cfg = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError) as e:
            raise LoadError(path, f"not a readable config.json: {e}") from None
        if not isinstance(cfg, dict):
            raise LoadError(path, "config.json is not a JSON object")
        kind = cfg.get("model_type")
        if kind != "bert":
            raise LoadError(path, f"model_type is {kind!r}: embviz runs BERT-family models "
                                  "(model_type 'bert') only")  # fmt: skip
        if cfg.get("position_embedding_type", "absolute") != "absolute":
            raise LoadError(path, "only absolute (learned) position embeddings are supported")
        if cfg.get("hidden_act", "gelu") not in ACTIVATIONS:
            raise LoadError(
                path, f"activation {cfg.get('hidden_act')!r} is not one of {ACTIVATIONS}"
            )
        try:
            conf = cls(
                vocab_size=int(cfg["vocab_size"]), hidden_size=int(cfg["hidden_size"]),
                num_hidden_layers=int(cfg["num_hidden_layers"]),
                num_attention_heads=int(cfg["num_attention_heads"]),
                intermediate_size=int(cfg["intermediate_size"]),
                max_position_embeddings=int(cfg["max_position_embeddings"]),
                type_vocab_size=int(cfg.get("type_vocab_size", 2)),
                layer_norm_eps=float(cfg.get("layer_norm_eps", 1e-12)),
                hidden_act=str(cfg.get("hidden_act", "gelu")),
            )  # fmt: skip
        except (KeyError, TypeError, ValueError) as e:
            raise LoadError(path, f"config.json lacks or garbles a field: {e}") from None
        # Bounds far above any BERT, so a hostile config cannot make the checks loop for ever.
        for field, top in (("num_hidden_layers", 1000), ("num_attention_heads", 1000),
                           ("hidden_size", 1 << 16), ("intermediate_size", 1 << 18),
                           ("vocab_size", 1 << 24), ("max_position_embeddings", 1 << 20),
                           ("type_vocab_size", 1 << 10)):  # fmt: skip
            if not 1 <= getattr(conf, field) <= top:
                raise LoadError(
                    path, f"{field} = {getattr(conf, field)} is out of range (1 to {top})"
                )
        if conf.hidden_size % conf.num_attention_heads:
            raise LoadError(path, f"hidden_size {conf.hidden_size} is not divisible by "
                                  f"{conf.num_attention_heads} heads")  # fmt: skip
        return conf


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    """``torch.nn.LayerNorm``: each row to mean 0, variance 1, then scaled and shifted.

    The variance is the biased one (divided by d, not d - 1), as in torch.
    """
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def gelu(x: np.ndarray) -> np.ndarray:
    """The exact GELU, ``x · Φ(x)`` with Φ the standard normal CDF (``hidden_act: "gelu"``)."""
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.float32(math.sqrt(2.0))))


def gelu_tanh(x: np.ndarray) -> np.ndarray:
    """GELU's tanh approximation (``hidden_act: "gelu_new"`` / ``"gelu_pytorch_tanh"``)."""
    c = np.float32(math.sqrt(2.0 / math.pi))
    return 0.5 * x * (1.0 + np.tanh(c * (x + np.float32(0.044715) * x**3)))


def softmax(x: np.ndarray) -> np.ndarray:
    """Softmax over the last axis (shifted by the maximum so ``exp`` cannot overflow)."""
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class Linear:
    """``torch.nn.Linear``: ``x @ weight.T + bias`` with ``weight`` of shape ``(out, in)``."""

    def __init__(self, weights: dict[str, np.ndarray], prefix: str):
        self.weight = weights[f"{prefix}.weight"]
        self.bias = weights[f"{prefix}.bias"]

    def __call__(self, x: np.ndarray) -> np.ndarray:
        """``(tokens, in)`` -> ``(tokens, out)``."""
        return x @ self.weight.T + self.bias


class LayerNorm:
    """``torch.nn.LayerNorm`` with the weights at ``prefix`` and the config's epsilon."""

    def __init__(self, weights: dict[str, np.ndarray], prefix: str, eps: float):
        self.weight = weights[f"{prefix}.weight"]
        self.bias = weights[f"{prefix}.bias"]
        self.eps = eps

    def __call__(self, x: np.ndarray) -> np.ndarray:
        """Normalise each row of ``x``."""
        return layer_norm(x, self.weight, self.bias, self.eps)


class BertEmbeddings:
    """A token's first vector: its row of the embedding matrix plus its position's and segment's rows.

    ``word_embeddings`` is the static embedding — one row per vocabulary
    token, the same in every sentence. Adding the learned position row makes
    "bank" at position 5 differ from "bank" at position 2 before any context
    is seen; the token-type (segment) row is that of segment 0 for a single
    sentence. LayerNorm then rescales the sum.
    """

    def __init__(self, weights: dict[str, np.ndarray], config: BertConfig):
        self.word_embeddings = weights["embeddings.word_embeddings.weight"]
        self.position_embeddings = weights["embeddings.position_embeddings.weight"]
        self.token_type_embeddings = weights["embeddings.token_type_embeddings.weight"]
        self.LayerNorm = LayerNorm(weights, "embeddings.LayerNorm", config.layer_norm_eps)

    def __call__(self, input_ids: np.ndarray, token_type_ids: np.ndarray | None = None):
        """``(tokens,)`` ids -> ``(tokens, hidden)``: ``hidden_states[0]``."""
        n = len(input_ids)
        if token_type_ids is None:
            token_type_ids = np.zeros(n, dtype=np.int64)
        embeddings = (
            self.word_embeddings[input_ids]
            + self.token_type_embeddings[token_type_ids]
            + self.position_embeddings[:n]
        )
        return self.LayerNorm(embeddings)


class BertSelfAttention:
    """Multi-head self-attention: every token takes a weighted mix of every token's value.

    The query, key and value projections are split into ``num_attention_heads``
    heads of ``hidden_size / heads`` dimensions each. In each head, token i's
    weights over the tokens j are ``softmax_j(q_i · k_j / √d_head)``; its output
    is the weighted sum of the ``v_j``. The heads' outputs are concatenated.
    """

    def __init__(self, weights: dict[str, np.ndarray], prefix: str, config: BertConfig):
        self.num_attention_heads = config.num_attention_heads
        self.attention_head_size = config.hidden_size // config.num_attention_heads
        self.query = Linear(weights, f"{prefix}.query")
        self.key = Linear(weights, f"{prefix}.key")
        self.value = Linear(weights, f"{prefix}.value")

    def transpose_for_scores(self, x: np.ndarray) -> np.ndarray:
        """``(tokens, hidden)`` -> ``(heads, tokens, head_size)``."""
        n = x.shape[0]
        return x.reshape(n, self.num_attention_heads, self.attention_head_size).transpose(1, 0, 2)

    def __call__(self, hidden_states: np.ndarray, *, return_probs: bool = False):
        """``(tokens, hidden)`` -> the heads' outputs concatenated (and the attention weights)."""
        query_layer = self.transpose_for_scores(self.query(hidden_states))
        key_layer = self.transpose_for_scores(self.key(hidden_states))
        value_layer = self.transpose_for_scores(self.value(hidden_states))

        attention_scores = query_layer @ key_layer.transpose(0, 2, 1)
        attention_scores = attention_scores / np.float32(math.sqrt(self.attention_head_size))
        attention_probs = softmax(attention_scores)  # (heads, tokens, tokens)

        context_layer = attention_probs @ value_layer  # (heads, tokens, head_size)
        context_layer = context_layer.transpose(1, 0, 2).reshape(hidden_states.shape[0], -1)
        return (context_layer, attention_probs) if return_probs else context_layer


class BertSelfOutput:
    """Mixes the heads with a dense layer, adds the layer's input back (residual), LayerNorm."""

    def __init__(self, weights: dict[str, np.ndarray], prefix: str, config: BertConfig):
        self.dense = Linear(weights, f"{prefix}.dense")
        self.LayerNorm = LayerNorm(weights, f"{prefix}.LayerNorm", config.layer_norm_eps)

    def __call__(self, hidden_states: np.ndarray, input_tensor: np.ndarray) -> np.ndarray:
        """``LayerNorm(dense(hidden_states) + input_tensor)``: the residual connection."""
        return self.LayerNorm(self.dense(hidden_states) + input_tensor)


class BertAttention:
    """Self-attention followed by its output block."""

    def __init__(self, weights: dict[str, np.ndarray], prefix: str, config: BertConfig):
        self.self = BertSelfAttention(weights, f"{prefix}.self", config)
        self.output = BertSelfOutput(weights, f"{prefix}.output", config)

    def __call__(self, hidden_states: np.ndarray) -> np.ndarray:
        """The layer's input -> attention's output (residual included)."""
        return self.output(self.self(hidden_states), hidden_states)


class BertIntermediate:
    """The feed-forward block's first half: widen (384 -> 1536 in MiniLM), then GELU."""

    def __init__(self, weights: dict[str, np.ndarray], prefix: str, config: BertConfig):
        self.dense = Linear(weights, f"{prefix}.dense")
        self.intermediate_act_fn = gelu if config.hidden_act == "gelu" else gelu_tanh

    def __call__(self, hidden_states: np.ndarray) -> np.ndarray:
        """``(tokens, hidden)`` -> ``(tokens, intermediate)``."""
        return self.intermediate_act_fn(self.dense(hidden_states))


class BertOutput:
    """The feed-forward block's second half: narrow back, add attention's output, LayerNorm."""

    def __init__(self, weights: dict[str, np.ndarray], prefix: str, config: BertConfig):
        self.dense = Linear(weights, f"{prefix}.dense")
        self.LayerNorm = LayerNorm(weights, f"{prefix}.LayerNorm", config.layer_norm_eps)

    def __call__(self, hidden_states: np.ndarray, input_tensor: np.ndarray) -> np.ndarray:
        """``LayerNorm(dense(hidden_states) + input_tensor)``: the residual connection."""
        return self.LayerNorm(self.dense(hidden_states) + input_tensor)


class BertLayer:
    """One encoder layer: attention (tokens look at each other), then a per-token feed-forward."""

    def __init__(self, weights: dict[str, np.ndarray], prefix: str, config: BertConfig):
        self.attention = BertAttention(weights, f"{prefix}.attention", config)
        self.intermediate = BertIntermediate(weights, f"{prefix}.intermediate", config)
        self.output = BertOutput(weights, f"{prefix}.output", config)

    def __call__(self, hidden_states: np.ndarray) -> np.ndarray:
        """``hidden_states[l - 1]`` -> ``hidden_states[l]``."""
        attention_output = self.attention(hidden_states)
        intermediate_output = self.intermediate(attention_output)
        return self.output(intermediate_output, attention_output)


class BertEncoder:
    """The stack of layers; each one's output is the next one's input, and every output is kept."""

    def __init__(self, weights: dict[str, np.ndarray], config: BertConfig):
        self.layer = [BertLayer(weights, f"encoder.layer.{i}", config)
                      for i in range(config.num_hidden_layers)]  # fmt: skip

    def __call__(self, hidden_states: np.ndarray) -> list[np.ndarray]:
        """``hidden_states[0]`` -> ``[hidden_states[1], …, hidden_states[L]]``."""
        all_hidden_states = []
        for layer_module in self.layer:
            hidden_states = layer_module(hidden_states)
            all_hidden_states.append(hidden_states)
        return all_hidden_states


class BertModel:
    """The embeddings and the encoder's layers, from a model folder's weights.

    Parameters
    ----------
    weights
        Tensors by name, without any prefix before ``embeddings.`` / ``encoder.``
        (see :func:`load_weights`); float32.
    config
        The model's configuration.
    """

    def __init__(self, weights: dict[str, np.ndarray], config: BertConfig):
        self.config = config
        self.embeddings = BertEmbeddings(weights, config)
        self.encoder = BertEncoder(weights, config)

    def __call__(self, input_ids, token_type_ids=None) -> list[np.ndarray]:
        """All hidden states of one sentence, as transformers' ``output_hidden_states=True``.

        Parameters
        ----------
        input_ids
            ``(tokens,)`` token ids, ``[CLS]`` and ``[SEP]`` included.
        token_type_ids
            ``(tokens,)`` segment ids; all 0 (one sentence) by default.

        Returns
        -------
        list of ndarray
            ``num_hidden_layers + 1`` arrays of shape ``(tokens, hidden_size)``,
            float32: index 0 is the embeddings' output (after their LayerNorm),
            index l the output of encoder layer l.
        """
        input_ids = np.asarray(input_ids, dtype=np.int64)
        if input_ids.ndim != 1 or len(input_ids) == 0:
            raise ValueError("input_ids must be a non-empty 1-D sequence")
        if len(input_ids) > self.config.max_position_embeddings:
            raise ValueError(f"{len(input_ids)} tokens; the model has "
                             f"{self.config.max_position_embeddings} positions")  # fmt: skip
        if input_ids.min() < 0 or input_ids.max() >= self.config.vocab_size:
            raise ValueError("a token id lies outside the vocabulary")
        embedding_output = self.embeddings(input_ids, token_type_ids)
        hidden_states = [embedding_output, *self.encoder(embedding_output)]
        return [h.astype(np.float32, copy=False) for h in hidden_states]


def load_weights(path: Path, config: BertConfig) -> dict[str, np.ndarray]:
    """The tensors of ``model.safetensors``, read into memory, checked against ``config``.

    A prefix before ``embeddings.`` (``bert.`` in checkpoints saved from
    ``BertForMaskedLM`` and the like) is removed. float16 weights are widened
    to float32 (a copy); float32 ones are views of the file's bytes.

    Raises
    ------
    LoadError
        When a tensor the forward pass needs is missing or has the wrong shape.
    """
    from embviz.core.formats._safetensors import read_tensors

    stored = read_tensors(path)
    anchor = "embeddings.word_embeddings.weight"
    prefix = next((k[: -len(anchor)] for k in stored if k.endswith(anchor)), None)
    if prefix is None:
        raise LoadError(path, f"no {anchor} tensor: not a BERT checkpoint")
    weights: dict[str, np.ndarray] = {}
    for name, t in stored.items():
        if name.startswith(prefix):
            weights[name[len(prefix) :]] = np.asarray(t)
    for name, shape in _expected_shapes(config).items():
        t = weights.get(name)
        if t is None:
            raise LoadError(path, f"tensor {prefix}{name} is missing")
        if tuple(t.shape) != shape:
            raise LoadError(path, f"tensor {prefix}{name} has shape {tuple(t.shape)}, "
                                  f"config.json implies {shape}")  # fmt: skip
        if t.dtype == np.float16:
            weights[name] = t.astype(np.float32)
        elif t.dtype != np.float32:
            raise LoadError(path, f"tensor {prefix}{name} is stored as {t.dtype}; "
                                  "float32 or float16 weights are supported")  # fmt: skip
    return weights


def _expected_shapes(c: BertConfig) -> dict[str, tuple[int, ...]]:
    d, ff = c.hidden_size, c.intermediate_size
    shapes = {
        "embeddings.word_embeddings.weight": (c.vocab_size, d),
        "embeddings.position_embeddings.weight": (c.max_position_embeddings, d),
        "embeddings.token_type_embeddings.weight": (c.type_vocab_size, d),
        "embeddings.LayerNorm.weight": (d,),
        "embeddings.LayerNorm.bias": (d,),
    }
    for i in range(c.num_hidden_layers):
        p = f"encoder.layer.{i}"
        for name, (o, n) in {
            "attention.self.query": (d, d), "attention.self.key": (d, d),
            "attention.self.value": (d, d), "attention.output.dense": (d, d),
            "intermediate.dense": (ff, d), "output.dense": (d, ff),
        }.items():  # fmt: skip
            shapes[f"{p}.{name}.weight"] = (o, n)
            shapes[f"{p}.{name}.bias"] = (o,)
        for ln in ("attention.output.LayerNorm", "output.LayerNorm"):
            shapes[f"{p}.{ln}.weight"] = (d,)
            shapes[f"{p}.{ln}.bias"] = (d,)
    return shapes
