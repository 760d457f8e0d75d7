"""Static vs contextual: a real Transformer's token vectors, layer by layer.

A BERT-family model (MiniLM-L6 by default) run in numpy (:mod:`.bert`), its
tokenizer (HF ``tokenizers``), and the data the Context panel and the
``embviz context`` command show: every token's vector at every layer, one 3D
frame for all layers, cosines between occurrences, nearest vocabulary tokens.
"""

from embviz.core.context._files import (
    ModelNotFoundError,
    candidate_dirs,
    check_model_dir,
    default_model_dir,
    find_model,
)
from embviz.core.context._model import ContextModel, open_model
from embviz.core.context._tokens import Tokenized, WordPieceTokenizer
from embviz.core.context.layers import (
    INPUT,
    PRESETS,
    STATIC,
    ContextFrame,
    ContextStates,
    NearestTokens,
    Preset,
    contextualize,
    nearest_tokens,
)
from embviz.core.context.panel_model import (
    ContextPanelModel,
    ContextResult,
    CosineCurves,
    LayerView,
    run_context,
)

__all__ = [
    "INPUT",
    "PRESETS",
    "STATIC",
    "ContextFrame",
    "ContextModel",
    "ContextPanelModel",
    "ContextResult",
    "ContextStates",
    "CosineCurves",
    "LayerView",
    "ModelNotFoundError",
    "NearestTokens",
    "Preset",
    "Tokenized",
    "WordPieceTokenizer",
    "candidate_dirs",
    "check_model_dir",
    "contextualize",
    "default_model_dir",
    "find_model",
    "nearest_tokens",
    "open_model",
    "run_context",
]  # fmt: skip
