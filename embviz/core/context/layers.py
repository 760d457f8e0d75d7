"""Every token's vector at every layer, and what the Context panel draws from them.

The layers, in order (:data:`STATIC`, :data:`INPUT`, then ``"1"`` … ``"L"``):

- ``static`` — the token's row of the word-embedding matrix: what word2vec or
  GloVe would give, the same for every occurrence of the token;
- ``input`` — that row + the position's row + the segment's row, after
  LayerNorm: transformers' ``hidden_states[0]``; occurrences at different
  positions already differ a little;
- ``1`` … ``L`` — the output of each encoder layer (``hidden_states[l]``),
  where each occurrence has been rewritten from its context.

:func:`contextualize` runs the sentences; :class:`ContextStates` holds the
result, measures cosines between occurrences, fits one 3D frame on all layers
(:meth:`ContextStates.frame`) and finds each vector's nearest vocabulary
tokens (:func:`nearest_tokens`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from embviz.core.context._model import ContextModel
from embviz.core.context._tokens import Tokenized
from embviz.core.errors import EmbvizError
from embviz.core.i18n import QT_TRANSLATE_NOOP, translate
from embviz.core.progress import NULL_PROGRESS, Progress
from embviz.core.projection import Projection, pca

STATIC = "static"
INPUT = "input"
MAX_SENTENCES = 32
"""More sentences are refused (memory stays below ~200 MB even at 512 tokens each)."""


@dataclass(frozen=True)
class Preset:
    """Sentences that show one point, and the tokens to follow in them."""

    name: str
    sentences: tuple[str, ...]
    tokens: tuple[str, ...]


PRESETS = (
    Preset(QT_TRANSLATE_NOOP("Context", "bank: river vs money"),
           ("He sat on the bank of the river.", "The river bank was muddy.",
            "She deposited money at the bank."), ("bank",)),
    Preset(QT_TRANSLATE_NOOP("Context", "bat: animal vs sport"),
           ("The bat flew out of the cave at dusk.", "He swung the bat and hit the ball."),
           ("bat",)),
    Preset(QT_TRANSLATE_NOOP("Context", "mole: animal, chemistry, skin"),
           ("A mole dug a tunnel under the lawn.", "A mole of carbon weighs twelve grams.",
            "The doctor removed a mole from her skin."), ("mole",)),
    Preset(QT_TRANSLATE_NOOP("Context", "a plural: cat vs cats"),
           ("The cat sleeps on the mat.", "The cats sleep on the mats."), ("cat", "cats")),
)  # fmt: skip
"""Starting points for the Context panel (each token is one WordPiece token in MiniLM).

Their names are marked for translation (context ``"Context"``); the panel shows them translated."""


@dataclass(frozen=True)
class ContextStates:
    """The vectors of every token of some sentences at every layer.

    Tokens of all sentences are numbered together ("flat" indices): sentence
    0's tokens first, ``[CLS]`` and ``[SEP]`` included.

    Attributes
    ----------
    model
        The model's name.
    sentences
        Each sentence's tokens.
    layer_names
        ``("static", "input", "1", …, "L")``.
    vectors
        ``(len(layer_names), tokens, hidden)`` float32.
    sentence_of, position_of
        ``(tokens,)`` the sentence and position of each flat token.
    """

    model: str
    sentences: tuple[Tokenized, ...]
    layer_names: tuple[str, ...]
    vectors: np.ndarray
    sentence_of: np.ndarray
    position_of: np.ndarray

    @property
    def tokens(self) -> list[str]:
        """Every token's text, flat."""
        return [t for s in self.sentences for t in s.tokens]

    @property
    def ids(self) -> np.ndarray:
        """Every token's vocabulary id, flat."""
        return np.concatenate([s.ids for s in self.sentences])

    @property
    def special(self) -> np.ndarray:
        """True for ``[CLS]`` and ``[SEP]``, flat."""
        return np.concatenate([s.special for s in self.sentences])

    def index(self, sentence: int, position: int) -> int:
        """The flat index of token ``position`` of ``sentence``."""
        return int(
            np.flatnonzero((self.sentence_of == sentence) & (self.position_of == position))[0]
        )

    def hidden_states(self, sentence: int) -> list[np.ndarray]:
        """The sentence's ``L + 1`` arrays ``(tokens, hidden)``, as transformers' ``hidden_states``."""
        rows = self.sentence_of == sentence
        return [self.vectors[li][rows] for li in range(1, len(self.layer_names))]

    def occurrences(self, token: str) -> list[int]:
        """Flat indices of every occurrence of ``token`` (a WordPiece token, e.g. ``"bank"``)."""
        return [i for i, t in enumerate(self.tokens) if t == token]

    def shared_tokens(self, *, include_special: bool = False) -> dict[str, list[int]]:
        """Tokens that occur in two or more sentences, with the flat index of every occurrence."""
        out: dict[str, list[int]] = {}
        special = self.special
        for i, t in enumerate(self.tokens):
            if include_special or not special[i]:
                out.setdefault(t, []).append(i)
        return {t: idx for t, idx in out.items() if len(set(self.sentence_of[idx].tolist())) > 1}

    def cosine(self, a: int, b: int) -> np.ndarray:
        """Cosine between the vectors of flat tokens ``a`` and ``b``, at every layer.

        Returns
        -------
        ndarray
            ``(len(layer_names),)``; at ``static`` it is exactly 1 for two
            occurrences of one token: a static embedding cannot tell them apart.
        """
        va, vb = self.vectors[:, a].astype(np.float64), self.vectors[:, b].astype(np.float64)
        na, nb = np.linalg.norm(va, axis=1), np.linalg.norm(vb, axis=1)
        return (va * vb).sum(axis=1) / np.maximum(na * nb, 1e-30)

    def frame(self, *, normalize: bool = True, fit_special: bool = False) -> ContextFrame:
        """One 3D frame for every layer: PCA of all layers' vectors together.

        A frame fitted per layer would turn and flip from layer to layer, so a
        token's movement would be the frame's; one frame for all makes the
        trajectories comparable.

        Parameters
        ----------
        normalize
            Scale every vector to length 1 first (default), so that direction
            — what cosine measures — is drawn, and layers whose vectors are
            longer (the raw static rows are ~10× shorter than LayerNorm's
            outputs) do not dominate the fit.
        fit_special
            Fit on ``[CLS]`` and ``[SEP]`` too. They are placed either way;
            left out of the fit by default because they point away from every
            word (in MiniLM at every layer) and would claim an axis of their own.
        """
        n_layers, n, d = self.vectors.shape
        x = self.vectors.reshape(-1, d).astype(np.float64)
        if normalize:
            x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-30)
        fit_rows = np.tile(fit_special | ~self.special, n_layers)
        if fit_rows.sum() < 2:
            fit_rows[:] = True
        proj = pca(x, fit=x[fit_rows])
        coords = proj.coords.reshape(n_layers, n, 3)
        what = "unit-length vectors" if normalize else "vectors"
        note = (f"One frame for all {n_layers} layers: principal components of the {what} of "
                f"{'all tokens' if fit_special else 'all tokens but [CLS] and [SEP]'} "
                "at every layer together.")  # fmt: skip
        return ContextFrame(coords, proj, self.layer_names, normalize, note)


@dataclass(frozen=True)
class ContextFrame:
    """Where every token sits at every layer in one fixed 3D frame.

    Attributes
    ----------
    coords
        ``(layers, tokens, 3)`` float32.
    projection
        The linear map (axes, centre, explained variance) from the
        (normalised) vectors of all layers.
    layer_names
        As :attr:`ContextStates.layer_names`.
    normalized
        Whether vectors were scaled to length 1 before projecting.
    note
        One sentence for the user on how the frame was made.
    """

    coords: np.ndarray
    projection: Projection
    layer_names: tuple[str, ...]
    normalized: bool
    note: str

    def at(self, layer: int | str) -> np.ndarray:
        """``(tokens, 3)`` positions at a layer (index or name, e.g. ``"static"`` or ``"6"``)."""
        return self.coords[_layer_index(self.layer_names, layer)]

    def trajectory(self, token: int) -> np.ndarray:
        """``(layers, 3)``: one flat token's path from ``static`` to the last layer."""
        return self.coords[:, token]


@dataclass(frozen=True)
class NearestTokens:
    """Each token's nearest vocabulary tokens at each layer.

    Attributes
    ----------
    ids, cosines
        ``(layers, tokens, k)``: vocabulary ids and their cosines, best first.
    vocabulary
        Token strings by id.
    """

    ids: np.ndarray
    cosines: np.ndarray
    vocabulary: list[str]

    def words(self, layer: int, token: int) -> list[tuple[str, float]]:
        """``(token, cosine)`` pairs for one layer index and flat token."""
        return [(self.vocabulary[i], float(c))
                for i, c in zip(self.ids[layer, token], self.cosines[layer, token], strict=True)]  # fmt: skip


def contextualize(model: ContextModel, sentences: Sequence[str],
                  progress: Progress = NULL_PROGRESS) -> ContextStates:  # fmt: skip
    """Run the sentences through the model, one at a time; keep every layer.

    Raises
    ------
    EmbvizError
        For no sentence, more than :data:`MAX_SENTENCES`, or a sentence that
        is empty or longer than the model's positions (the message names it).
    Cancelled
        When ``progress`` is cancelled between sentences.
    """
    if not sentences:
        raise EmbvizError(translate("Errors", "give at least one sentence"))
    if len(sentences) > MAX_SENTENCES:
        raise EmbvizError(translate("Errors", "{n} sentences; at most {most} at a time").format(
            n=len(sentences), most=MAX_SENTENCES))  # fmt: skip
    tokenized = []
    for i, text in enumerate(sentences):
        try:
            tokenized.append(model.tokenize(text))
        except EmbvizError as e:
            raise EmbvizError(translate("Errors", "sentence {n}: {error}").format(
                n=i + 1, error=e)) from None  # fmt: skip
    stacks = []
    for i, t in enumerate(tokenized):
        progress.report(i / len(tokenized), f"sentence {i + 1} of {len(tokenized)}")
        static = np.asarray(model.word_embeddings[t.ids], dtype=np.float32)
        stacks.append(np.stack([static, *model.hidden_states(t)]))
    progress.report(1.0, "done")
    names = (STATIC, INPUT, *(str(li) for li in range(1, model.num_layers + 1)))
    return ContextStates(
        model=model.name, sentences=tuple(tokenized), layer_names=names,
        vectors=np.concatenate(stacks, axis=1),
        sentence_of=np.concatenate([np.full(len(t.ids), i) for i, t in enumerate(tokenized)]),
        position_of=np.concatenate([np.arange(len(t.ids)) for t in tokenized]),
    )  # fmt: skip


def nearest_tokens(model: ContextModel, states: ContextStates, k: int = 5, *,
                   skip_self: bool = False, progress: Progress = NULL_PROGRESS) -> NearestTokens:  # fmt: skip
    """The ``k`` vocabulary tokens whose embedding rows are closest (cosine) to each vector.

    At ``static`` a token's nearest row is itself (cosine 1) and the next are
    its static neighbours, as in word2vec. At ``input`` the position and
    segment rows and LayerNorm have moved it, but it usually still finds
    itself. From there on this is a reading of deep vectors *in the input
    space*: the layers' outputs are not trained to stay near any embedding
    row (this model has no language-model head tied to the matrix), so the
    cosines fall with depth and the list says less and less; read it as
    "which input tokens does this vector still resemble", not as what the
    model predicts.

    Parameters
    ----------
    skip_self
        Leave the token's own row out of its list.
    progress
        Reports per block of 256 vectors (about 0.1 s each) and stops on cancel.

    Raises
    ------
    Cancelled
        When ``progress`` is cancelled.
    """
    if k < 1:
        raise EmbvizError("k must be at least 1")
    unit = model.unit_rows()
    v = states.vectors.reshape(-1, states.vectors.shape[-1]).astype(np.float32)
    v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-30)
    own = np.tile(states.ids, len(states.layer_names))
    kk = min(k, unit.shape[0] - int(skip_self))
    ids = np.empty((len(v), kk), dtype=np.int64)
    cos = np.empty((len(v), kk), dtype=np.float32)
    # In blocks, so the (rows, vocabulary) similarity matrix stays ~30 MB.
    for lo in range(0, len(v), 256):
        progress.report(lo / len(v), "nearest vocabulary tokens")
        sims = v[lo : lo + 256] @ unit.T
        if skip_self:
            sims[np.arange(len(sims)), own[lo : lo + 256]] = -np.inf
        top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        order = np.argsort(-np.take_along_axis(sims, top, axis=1), axis=1, kind="stable")
        ids[lo : lo + 256] = np.take_along_axis(top, order, axis=1)
        cos[lo : lo + 256] = np.take_along_axis(sims, ids[lo : lo + 256], axis=1)
    shape = (len(states.layer_names), len(states.sentence_of), kk)
    return NearestTokens(ids.reshape(shape), cos.reshape(shape),
                         model.vocabulary())  # fmt: skip


def _layer_index(names: tuple[str, ...], layer: int | str) -> int:
    if isinstance(layer, str):
        if layer not in names:
            raise EmbvizError(f"no layer {layer!r}; layers are {', '.join(names)}")
        return names.index(layer)
    if not -len(names) <= layer < len(names):
        raise EmbvizError(f"layer index {layer} out of range (0 to {len(names) - 1})")
    return int(layer)
