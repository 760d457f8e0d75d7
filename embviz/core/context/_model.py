"""A BERT-family model folder opened for use: configuration, weights, tokenizer."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from embviz.core.context._files import find_model, model_name
from embviz.core.context._tokens import Tokenized, WordPieceTokenizer
from embviz.core.context.bert import BertConfig, BertModel, load_weights
from embviz.core.errors import EmbvizError


class ContextModel:
    """A contextual model: sentences in, every token's vector at every layer out.

    Parameters
    ----------
    path
        A model folder; ``None`` = the installed MiniLM-L6 (see
        :func:`embviz.core.context.find_model`).

    Raises
    ------
    ModelNotFoundError
        When there is no such folder or no model is installed.
    LoadError
        When a file of the folder is not what a BERT model needs.
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = find_model(path)
        self.name = model_name(self.path)
        self.config = BertConfig.from_file(self.path / "config.json")
        self.weights = load_weights(self.path / "model.safetensors", self.config)
        self.bert = BertModel(self.weights, self.config)
        self.tokenizer = WordPieceTokenizer(self.path)
        self._unit_rows: np.ndarray | None = None
        self._vocabulary: list[str] | None = None

    @property
    def num_layers(self) -> int:
        """Encoder layers (MiniLM-L6: 6)."""
        return self.config.num_hidden_layers

    @property
    def word_embeddings(self) -> np.ndarray:
        """The static embedding matrix, ``(vocab, hidden)``: one row per token."""
        return self.weights["embeddings.word_embeddings.weight"]

    def tokenize(self, text: str) -> Tokenized:
        """WordPiece tokens of one sentence; refuses empty and over-long ones.

        Raises
        ------
        EmbvizError
            For an empty sentence or one longer than the model's positions.
        """
        t = self.tokenizer.encode(text, self.config.max_position_embeddings)
        if t.ids.max() >= self.config.vocab_size:
            raise EmbvizError(f"the tokenizer gave id {int(t.ids.max())}, outside the model's "
                              f"{self.config.vocab_size} rows: tokenizer and model do not match")  # fmt: skip
        return t

    def hidden_states(self, tokens: Tokenized) -> list[np.ndarray]:
        """``num_layers + 1`` arrays ``(tokens, hidden)``, as transformers' ``hidden_states``.

        Raises
        ------
        EmbvizError
            When the weights give infinite or NaN values (a damaged file).
        """
        # Damaged weights overflow somewhere inside; say so once instead of warning per op.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            hidden = self.bert(tokens.ids)
        if not all(np.isfinite(h).all() for h in hidden):
            raise EmbvizError(f"{self.path / 'model.safetensors'}: the weights give infinite or "
                              "NaN values (a damaged file?)")  # fmt: skip
        return hidden

    def vocabulary(self) -> list[str]:
        """Token strings by id, as many as the embedding matrix has rows."""
        if self._vocabulary is None:
            words = self.tokenizer.vocabulary()[: self.config.vocab_size]
            words += [f"[id {i}]" for i in range(len(words), self.config.vocab_size)]
            self._vocabulary = words
        return self._vocabulary

    def unit_rows(self) -> np.ndarray:
        """The embedding matrix with every row scaled to length 1 (made once, ~47 MB for MiniLM)."""
        if self._unit_rows is None:
            e = np.asarray(self.word_embeddings, dtype=np.float32)
            n = np.linalg.norm(e, axis=1, keepdims=True)
            self._unit_rows = e / np.where(n > 0, n, 1.0)
        return self._unit_rows


def open_model(path: str | os.PathLike | None = None) -> ContextModel:
    """Open a model folder (``None`` = the installed default); see :class:`ContextModel`."""
    return ContextModel(Path(path) if path is not None else None)
