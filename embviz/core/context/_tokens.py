"""Sentences to WordPiece tokens with Hugging Face's ``tokenizers``, as the model was trained.

BERT's tokenizer lowercases (for uncased models), splits off punctuation, then
cuts each word into the longest pieces in its vocabulary: ``unbelievably`` ->
``un ##bel ##ie ##va ##bly``, ``##`` marking a piece that continues a word.
Only those pieces have vectors. ``[CLS]`` and ``[SEP]`` are added around the
sentence, as in training.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from embviz.core.context._files import read_json
from embviz.core.errors import EmbvizError, LoadError
from embviz.core.i18n import translate

MAX_CHARS = 20_000
"""Longer text is refused before tokenising (far beyond 512 tokens anyway)."""


@dataclass(frozen=True)
class Tokenized:
    """One sentence as the model sees it.

    Attributes
    ----------
    text
        The sentence as given.
    tokens
        WordPiece tokens, ``[CLS]`` first and ``[SEP]`` last.
    ids
        ``(tokens,)`` int64 vocabulary ids.
    words
        For each token the index of the word of ``text`` it comes from
        (``None`` for ``[CLS]`` and ``[SEP]``); pieces of one word share it.
    special
        ``(tokens,)`` bool, true for ``[CLS]`` and ``[SEP]``.
    """

    text: str
    tokens: list[str]
    ids: np.ndarray
    words: list[int | None]
    special: np.ndarray


class WordPieceTokenizer:
    """The tokenizer of a model folder: ``tokenizer.json``, else ``vocab.txt``.

    Truncation and padding that ``tokenizer.json`` may prescribe (MiniLM's
    pads and cuts to 128) are switched off: embviz runs one sentence at a
    time and refuses rather than cuts one that is too long.

    Raises
    ------
    LoadError
        When the tokenizer file cannot be read.
    EmbvizError
        When the ``tokenizers`` package is not installed.
    """

    def __init__(self, folder: Path):
        try:
            import tokenizers
        except ImportError:
            raise EmbvizError(translate("Errors", "the 'tokenizers' package is not installed "
                              "(pip install tokenizers; scripts/setup does)")) from None  # fmt: skip
        tj = folder / "tokenizer.json"
        if tj.is_file():
            if tj.stat().st_size > 64 << 20:
                raise LoadError(
                    tj, translate("Errors", "implausibly large for a tokenizer (over 64 MB)")
                )
            try:
                tok = tokenizers.Tokenizer.from_file(str(tj))
            except Exception as e:  # the Rust side raises plain Exception
                raise LoadError(
                    tj,
                    translate("Errors", "not a readable tokenizer: {error}").format(
                        error=str(e)[:200]
                    ),
                ) from None
            self.source = tj
        else:
            vocab = folder / "vocab.txt"
            lower = read_json(folder / "tokenizer_config.json").get("do_lower_case", True)
            try:
                tok = tokenizers.BertWordPieceTokenizer(str(vocab), lowercase=bool(lower))
            except Exception as e:
                raise LoadError(
                    vocab,
                    translate("Errors", "not a readable WordPiece vocabulary: {error}").format(
                        error=str(e)[:200]
                    ),
                ) from None
            self.source = vocab
        tok.no_truncation()
        tok.no_padding()
        self._tok = tok

    @property
    def vocab_size(self) -> int:
        """Number of tokens, added ones included."""
        return self._tok.get_vocab_size(with_added_tokens=True)

    def vocabulary(self) -> list[str]:
        """Every token, indexed by id (ids without a token read ``[id N]``)."""
        out = [""] * self.vocab_size
        for token, i in self._tok.get_vocab(with_added_tokens=True).items():
            if 0 <= i < len(out):
                out[i] = token
        return [t or f"[id {i}]" for i, t in enumerate(out)]

    def encode(self, text: str, max_tokens: int) -> Tokenized:
        """Tokenise one sentence, ``[CLS]`` and ``[SEP]`` included.

        Raises
        ------
        EmbvizError
            For an empty sentence, or one of more than ``max_tokens`` tokens
            (the model's positions): it is refused, never truncated.
        """
        if not text.strip():
            raise EmbvizError(translate("Errors", "the sentence is empty"))
        if len(text) > MAX_CHARS:
            raise EmbvizError(translate("Errors", "the sentence has {chars:,} characters; the model "
                              "reads at most {most} tokens, so it is refused (shorten it)").format(
                                  chars=len(text), most=max_tokens))  # fmt: skip
        try:
            enc = self._tok.encode(text)
        except Exception as e:  # a tokenizer.json whose settings the Rust side rejects late
            raise EmbvizError(
                translate("Errors", "{source}: the tokenizer failed: {error}").format(
                    source=self.source, error=str(e)[:200]
                )
            ) from None
        if len(enc.ids) > max_tokens:
            raise EmbvizError(translate("Errors", "the sentence is {n} tokens long with [CLS] and "
                              "[SEP]; the model has {most} positions, so it is refused, not "
                              "truncated (shorten it or split it)").format(
                                  n=len(enc.ids), most=max_tokens))  # fmt: skip
        special = np.asarray(enc.special_tokens_mask, dtype=bool)
        if not (~special).any():
            raise EmbvizError(translate("Errors", "the sentence has no tokens but [CLS] and [SEP]"))
        return Tokenized(text, list(enc.tokens), np.asarray(enc.ids, dtype=np.int64),
                         list(enc.word_ids), special)  # fmt: skip
