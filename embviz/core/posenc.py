"""Positional encodings: how a Transformer's input knows the order of its tokens.

The sinusoidal encoding of "Attention Is All You Need" (Vaswani et al., 2017)::

    PE(pos, 2i)   = sin(pos / base^(2i/d))
    PE(pos, 2i+1) = cos(pos / base^(2i/d))

and the pieces the lesson puts beside it: learned position matrices read from
``.npy``/``.safetensors`` files, token + position = input, and the size of an
embedding matrix.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np

from embviz.core.errors import EmbvizError, LoadError
from embviz.core.i18n import QT_TRANSLATE_NOOP, translate
from embviz.core.progress import NULL_PROGRESS

Layout = Literal["interleaved", "concatenated"]
LAYOUTS: dict[str, str] = {
    "interleaved": QT_TRANSLATE_NOOP(
        "Posenc", "interleaved: sin in even dims, cos in odd dims (the paper's formula)"
    ),
    "concatenated": QT_TRANSLATE_NOOP(
        "Posenc", "concatenated: all sin dims, then all cos dims (tensor2tensor, some libraries)"
    ),
}
"""Each layout and a sentence saying which is which."""

# Large enough for any teaching picture, small enough never to exhaust memory.
MAX_CELLS = 20_000_000

# PE·PEᵀ is positions² float64 values: 4096² is 128 MB.
MAX_SIMILARITY = 4096

GPT3 = {"name": "GPT-3 (175B)", "vocab": 50_257, "dim": 12_288}
"""The lesson's reference embedding matrix: 50,257 × 12,288 ≈ 617M parameters."""


def positional_encoding(
    length: int, d_model: int, base: float = 10000.0, layout: Layout = "interleaved"
) -> np.ndarray:
    """Return the sinusoidal positional encoding, shape ``(length, d_model)``.

    Parameters
    ----------
    length
        Number of positions (``pos = 0 … length-1``); at least 1.
    d_model
        Number of dimensions; at least 2.
    base
        The wavelength base (10000 in the paper); must be > 1.
    layout
        ``"interleaved"``: column ``2i`` is ``sin(pos / base^(2i/d))`` and
        column ``2i+1`` the matching ``cos`` (the paper's formula).
        ``"concatenated"``: the same sines in the first half and cosines in
        the second half, as some libraries lay them out.

    Returns
    -------
    numpy.ndarray
        float64 matrix, one row per position.

    Notes
    -----
    Odd ``d_model``: frequencies use ``2i/d`` with the true ``d`` for
    ``i = 0 … ceil(d/2)-1``. Interleaved, the last column is the sine of the
    last pair, whose cosine is dropped; concatenated, there are
    ``ceil(d/2)`` sine columns followed by ``floor(d/2)`` cosine columns.

    Raises
    ------
    EmbvizError
        For ``length < 1``, ``d_model < 2``, ``base <= 1``, an unknown layout
        or a matrix too big to draw.
    """
    length, d_model, base = _check(length, d_model, base)
    if layout not in LAYOUTS:
        raise EmbvizError(f"unknown layout {layout!r}: use 'interleaved' or 'concatenated'")
    n_sin, n_cos = (d_model + 1) // 2, d_model // 2
    i2 = 2.0 * np.arange(n_sin, dtype=np.float64)  # the paper's 2i
    angles = np.arange(length, dtype=np.float64)[:, None] / base ** (i2 / d_model)[None, :]
    sin, cos = np.sin(angles), np.cos(angles[:, :n_cos])
    out = np.empty((length, d_model), dtype=np.float64)
    if layout == "interleaved":
        out[:, 0::2] = sin
        out[:, 1::2] = cos
    else:
        out[:, :n_sin] = sin
        out[:, n_sin:] = cos
    return out


def _check(length, d_model, base) -> tuple[int, int, float]:
    try:
        length, d_model, base = int(length), int(d_model), float(base)
    except (TypeError, ValueError):
        raise EmbvizError("length and d_model must be whole numbers, base a number") from None
    if length < 1:
        raise EmbvizError(f"the sequence length must be at least 1, got {length}")
    if d_model < 2:
        raise EmbvizError(f"d_model must be at least 2 (one sin/cos pair), got {d_model}")
    if not (math.isfinite(base) and base > 1.0):
        raise EmbvizError(f"the base must be a number greater than 1, got {base:g}")
    if length * d_model > MAX_CELLS:
        raise EmbvizError(
            translate(
                "Errors",
                "{length} positions × {dim} dims is too large to draw (at most {most:,} values)",
            ).format(length=length, dim=d_model, most=MAX_CELLS)
        )
    return length, d_model, base


def wavelengths(d_model: int, base: float = 10000.0) -> np.ndarray:
    """Wavelength in positions of each sin/cos pair: ``2π · base^(2i/d)``."""
    _, d_model, base = _check(1, d_model, base)
    i2 = 2.0 * np.arange((d_model + 1) // 2)
    return 2.0 * np.pi * base ** (i2 / d_model)


Similarity = Literal["dot", "cosine"]
SIMILARITIES: dict[str, str] = {
    "dot": "dot product PE·PEᵀ (lengths count)",
    "cosine": "cosine similarity (rows normalised first)",
}
"""Each way of comparing positions and a sentence saying what it is."""


def similarity(pe: np.ndarray, kind: Similarity = "dot") -> np.ndarray:
    """Return ``PE · PEᵀ``: every position compared with every other.

    Parameters
    ----------
    pe
        A ``(positions × dim)`` matrix.
    kind
        ``"dot"``: the raw dot products. ``"cosine"``: the rows are scaled to
        unit length first, so the entries lie in [-1, 1] and one long row (or
        one huge entry, as in learned matrices) does not drown the others; a
        zero row has similarity 0 with everything.

    Notes
    -----
    For the sinusoidal encoding with even ``d`` the dot product ``(p, q)`` is
    ``Σ_i cos((p-q)·ω_i)``: it depends only on the distance ``p - q``. Every
    row has length ``√(d/2)``, so there cosine = dot / (d/2).

    Raises
    ------
    EmbvizError
        For a matrix that is not 2-D, too many positions, or an unknown kind.
    """
    pe = np.asarray(pe, dtype=np.float64)
    if pe.ndim != 2:
        raise EmbvizError(f"a position matrix must be 2-D, got shape {pe.shape}")
    if kind not in SIMILARITIES:
        raise EmbvizError(f"unknown similarity {kind!r}: use 'dot' or 'cosine'")
    if pe.shape[0] > MAX_SIMILARITY:
        raise EmbvizError(
            translate(
                "Errors",
                "{n} positions is too many for a similarity picture (at most {most:,}); "
                "use fewer positions",
            ).format(n=pe.shape[0], most=MAX_SIMILARITY)
        )
    if kind == "cosine":
        norms = np.linalg.norm(pe, axis=1, keepdims=True)
        pe = np.divide(pe, norms, out=np.zeros_like(pe), where=norms > 0)
    return pe @ pe.T


# Clip only a heavy tail: when the largest value is at most this many times the
# percentile, the plain maximum is used and nothing is clipped.
HEAVY_TAIL = 1.5


@dataclass(frozen=True)
class ColourRange:
    """The symmetric colour range ``[-limit, limit]`` chosen for a heatmap.

    Attributes
    ----------
    limit
        Half-width of the range.
    max_abs
        The largest ``|x|`` of the matrix.
    percentile
        The percentile of ``|x|`` the limit was taken from, or ``None`` when
        the limit is the maximum.
    clipped
        Share of the values with ``|x| > limit`` (drawn in the end colours).
    """

    limit: float
    max_abs: float
    percentile: float | None = None
    clipped: float = 0.0

    @property
    def clips(self) -> bool:
        """Whether some values lie outside the range."""
        return self.percentile is not None

    def short(self) -> str:
        """A caption narrow enough for a small heatmap, e.g. ``clips 0.5 % at ±0.0659 (max 1.87)``."""
        if not self.clips:
            return f"±{self.limit:.3g}"
        return translate("Posenc", "clips {share} % at ±{limit} (max {max})").format(
            share=f"{100 * self.clipped:.2g}", limit=f"{self.limit:.3g}", max=f"{self.max_abs:.3g}"
        )

    def describe(self) -> str:
        """A sentence for a caption, e.g. ``colour range ±0.065 (…); clips 0.5 % …``."""
        if not self.clips:
            return translate("Posenc", "colour range ±{limit} (the largest |value|)").format(
                limit=f"{self.limit:.3g}"
            )
        return translate(
            "Posenc",
            "colour range ±{limit} = {percentile}th percentile of |value|: clips {share} % of "
            "the values (largest |value| {max})",
        ).format(limit=f"{self.limit:.3g}", percentile=f"{self.percentile:g}",
                 share=f"{100 * self.clipped:.2g}", max=f"{self.max_abs:.3g}")  # fmt: skip


def colour_range(matrix: np.ndarray, percentile: float = 99.5) -> ColourRange:
    """Choose a symmetric colour range that one outlier cannot wash out.

    Parameters
    ----------
    matrix
        Any array; non-finite values are ignored.
    percentile
        The limit is this percentile of ``|x|`` when the largest ``|x|`` is
        more than :data:`HEAVY_TAIL` times it (a heavy tail, as in learned
        position matrices: BERT's has |x| < 0.065 for 99 % of entries and
        one of 1.87); otherwise the largest ``|x|``. 100 always uses the maximum.

    Returns
    -------
    ColourRange
        Never a zero range (an all-zero matrix gets ±1).
    """
    if not 0 < percentile <= 100:
        raise EmbvizError(f"the percentile must be in (0, 100], got {percentile:g}")
    a = np.abs(np.asarray(matrix, dtype=np.float64)).ravel()
    a = a[np.isfinite(a)]
    if a.size == 0 or not a.max() > 0:
        return ColourRange(1.0, 0.0)
    top = float(a.max())
    p = float(np.percentile(a, percentile))
    if percentile >= 100 or not p > 0 or top <= HEAVY_TAIL * p:
        return ColourRange(top, top)
    return ColourRange(p, top, float(percentile), float(np.mean(a > p)))


def load_position_matrix(path: str | Path, name: str | None = None) -> tuple[np.ndarray, str]:
    """Read a learned position-embedding matrix from a ``.npy`` or ``.safetensors`` file.

    Parameters
    ----------
    path
        A ``.npy`` holding a 2-D numeric matrix (read with
        ``allow_pickle=False``), or a ``.safetensors`` file, read with numpy
        only (no torch).
    name
        The tensor to take from a safetensors file; by default the first
        whose name contains ``position_embeddings`` (as in BERT and GPT-2's
        ``wpe`` files converted from Hugging Face), else ``wpe``.

    Returns
    -------
    (matrix, name)
        float32 ``(positions, dim)`` matrix and the name of the tensor (the
        file name for ``.npy``).

    Raises
    ------
    LoadError
        When the file cannot be read, holds no such tensor, or it is not 2-D.
    """
    from embviz.core.formats._open import check_file

    path = Path(path)
    check_file(path, directory=translate("Errors", "is a directory, not a position matrix"))
    suffix = path.suffix.lower()
    if suffix == ".npy":
        mat = _read_npy(path)
        name = path.name
    elif suffix == ".safetensors":
        mat, name = _read_safetensors(path, name)
    else:
        raise LoadError(
            path, translate("Errors", "a position matrix must be a .npy or .safetensors file")
        )
    if mat.ndim != 2 or min(mat.shape) < 1:
        raise LoadError(
            path,
            translate(
                "Errors", "'{name}' has shape {shape}: a (positions × dim) matrix is needed"
            ).format(name=name, shape=mat.shape),
        )
    if not np.issubdtype(mat.dtype, np.number):
        raise LoadError(
            path,
            translate("Errors", "'{name}' holds {dtype} values, not numbers").format(
                name=name, dtype=mat.dtype
            ),
        )
    return np.ascontiguousarray(mat, dtype=np.float32), name


def _read_npy(path: Path) -> np.ndarray:
    """The matrix of a ``.npy``, its size checked against the file and memory before reading."""
    from embviz.core.formats._memory import check_bytes
    from embviz.core.formats._npy import _check, _header, read_matrix

    with open(path, "rb") as f:
        arr = _header(path, f, None)
        _check(path, arr, "(positions × dim) matrix")
        if f.tell() + arr.nbytes > path.stat().st_size:
            raise LoadError(path, translate("Errors", "is truncated: the header promises a {shape} "
                                  "matrix of {dtype} but the file is shorter").format(
                                      shape=arr.shape, dtype=arr.dtype))  # fmt: skip
        check_bytes(
            path,
            arr.shape[0] * arr.shape[1] * 4 + arr.nbytes,
            translate("Errors", "this position matrix"),
        )
        return read_matrix(path, f, arr, None, NULL_PROGRESS)


def _read_safetensors(path: Path, name: str | None) -> tuple[np.ndarray, str]:
    from safetensors import SafetensorError, safe_open

    try:
        with safe_open(str(path), framework="numpy") as f:
            keys = list(f.keys())
            if name is None:
                hits = [k for k in keys if "position_embeddings" in k]
                hits = hits or [k for k in keys if re.search(r"(^|\.)wpe(\.|$)", k)]
                if not hits:
                    shown = ", ".join(keys[:8]) + (", …" if len(keys) > 8 else "")
                    raise LoadError(
                        path,
                        translate(
                            "Errors",
                            "no tensor named like 'position_embeddings' (tensors: {names})",
                        ).format(names=shown or translate("Errors", "none")),
                    )
                name = hits[0]
            elif name not in keys:
                raise LoadError(
                    path, translate("Errors", "no tensor '{name}' in the file").format(name=name)
                )
            return f.get_tensor(name), name
    except SafetensorError as e:
        raise LoadError(
            path, translate("Errors", "not a readable safetensors file ({error})").format(error=e)
        ) from None
    except TypeError as e:
        # numpy has no bfloat16: safetensors raises TypeError for it.
        raise LoadError(
            path,
            translate("Errors", "the tensor's dtype cannot be read without torch ({error})").format(
                error=e
            ),
        ) from None


def tokenize(sentence: str) -> list[str]:
    """Split a sentence into words and punctuation marks, as GloVe's tokens are."""
    return re.findall(r"[\w'’-]+|[^\w\s]", sentence)


@dataclass
class TokenPlusPosition:
    """The three matrices of "token + position = input" for one sentence.

    Attributes
    ----------
    words
        The sentence's words found in the vectors, in order (position ``i`` is row ``i``).
    missing
        Words of the sentence not in the vectors (left out).
    token, position, total
        ``(len(words), d)`` matrices: the (optionally scaled) token embeddings,
        the position vectors and their sum.
    scale
        The factor the token embeddings were multiplied by (``√d`` or 1).
    """

    words: list[str]
    missing: list[str]
    token: np.ndarray
    position: np.ndarray
    total: np.ndarray
    scale: float = 1.0
    notes: list[str] = field(default_factory=list)

    @property
    def token_norm(self) -> float:
        """Mean Euclidean length of the token rows."""
        return float(np.linalg.norm(self.token, axis=1).mean()) if len(self.words) else 0.0

    @property
    def position_norm(self) -> float:
        """Mean Euclidean length of the position rows."""
        return float(np.linalg.norm(self.position, axis=1).mean()) if len(self.words) else 0.0

    @property
    def ratio(self) -> float:
        """``token_norm / position_norm``: which part dominates the input."""
        return self.token_norm / self.position_norm if self.position_norm else math.inf


def token_plus_position(
    emb,
    sentence: str,
    *,
    scale_sqrt_d: bool = False,
    positions: np.ndarray | None = None,
    base: float = 10000.0,
    layout: Layout = "interleaved",
) -> TokenPlusPosition:
    """Token embeddings, position vectors and their sum for the words of ``sentence``.

    Parameters
    ----------
    emb
        The open vectors (their dimension is ``d``).
    sentence
        Typed text; a word not in the vectors is tried in lower case, then left out.
    scale_sqrt_d
        Multiply token embeddings by ``√d`` first, as the Transformer paper does.
    positions
        A learned ``(positions × d)`` matrix; ``None`` uses the sinusoidal encoding.
    base, layout
        Of the sinusoidal encoding.

    Raises
    ------
    EmbvizError
        For an empty sentence, a learned matrix of another width than the
        vectors, or a sentence longer than the learned matrix has positions.
    """
    tokens = tokenize(sentence)
    if not tokens:
        raise EmbvizError(translate("Errors", "type a sentence first"))
    words, missing = [], []
    for t in tokens:
        w = t if t in emb else t.lower()
        if w in emb:
            words.append(w)
        else:
            missing.append(t)
    if not words:
        raise EmbvizError(
            translate("Errors", "none of these words is in the open vectors: {words}").format(
                words=", ".join(missing[:10])
            )
        )
    d = emb.dim
    n = len(words)
    if positions is not None:
        positions = np.asarray(positions)
        if positions.ndim != 2 or positions.shape[1] != d:
            raise EmbvizError(
                translate(
                    "Errors",
                    "the learned position matrix is {width} wide but the vectors have "
                    "{dim} dimensions: token + position needs the same width",
                ).format(width=positions.shape[-1], dim=d)
            )
        if n > positions.shape[0]:
            raise EmbvizError(
                translate(
                    "Errors",
                    "the sentence has {n} known words but the learned matrix only {positions} positions",
                ).format(n=n, positions=positions.shape[0])
            )
        pos = positions[:n].astype(np.float64)
    else:
        pos = positional_encoding(max(n, 1), d, base, layout)[:n]
    scale = math.sqrt(d) if scale_sqrt_d else 1.0
    tok = emb.vectors[emb.rows(words)].astype(np.float64).reshape(n, d) * scale
    return TokenPlusPosition(words, missing, tok, pos, tok + pos, scale)


def _human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1000 or unit == "TB":
            return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1000
    raise AssertionError("unreachable")


def matrix_facts(vocab: int, dim: int) -> dict:
    """Size facts of a ``vocab × dim`` embedding matrix.

    Returns
    -------
    dict
        ``vocab``, ``dim``, ``parameters`` and ``memory`` (bytes and text for
        float32, float16 and int8; decimal units, 1 MB = 10⁶ bytes).
    """
    if vocab < 0 or dim < 0:
        raise EmbvizError("a matrix cannot have a negative size")
    params = int(vocab) * int(dim)
    memory = {
        dt: {"bytes": params * size, "text": _human_bytes(params * size)}
        for dt, size in (("float32", 4), ("float16", 2), ("int8", 1))
    }
    return {"vocab": int(vocab), "dim": int(dim), "parameters": params, "memory": memory}


__all__ = [
    "GPT3", "LAYOUTS", "SIMILARITIES", "ColourRange", "TokenPlusPosition", "colour_range",
    "load_position_matrix", "matrix_facts", "positional_encoding", "similarity", "token_plus_position", "tokenize", "wavelengths",
]  # fmt: skip
