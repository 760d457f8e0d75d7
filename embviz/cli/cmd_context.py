"""``embviz context "SENTENCE" …``: a Transformer's vector for every token, layer by layer."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    """Add the ``context`` subcommand."""
    p = sub.add_parser(
        "context",
        help="contextual token vectors of sentences, layer by layer (BERT in numpy)",
        description="Tokenise the sentences (WordPiece) and run them through a BERT-family "
        "model (default: the installed MiniLM-L6). Prints, for every token that occurs in "
        "more than one sentence, the cosine between its occurrences at every layer: 1 for "
        "the static embedding row, lower as the layers rewrite each occurrence from its "
        "context. A sentence longer than the model's positions (512) is refused, not truncated.",
    )
    p.add_argument("sentences", nargs="+", metavar="SENTENCE", help="one or more sentences")
    p.add_argument("--model", metavar="DIR",
                   help="BERT model folder: config.json, model.safetensors and tokenizer.json "
                   "or vocab.txt (default: the installed MiniLM-L6)")  # fmt: skip
    p.add_argument("--token", action="append", metavar="TOKEN",
                   help="compare only this token (repeatable; a WordPiece token, e.g. bank)")  # fmt: skip
    p.add_argument("--nearest", type=int, metavar="K",
                   help="with --token: also list each occurrence's K nearest vocabulary "
                   "tokens (rows of the embedding matrix, by cosine) at every layer")  # fmt: skip
    p.add_argument("--json", action="store_true", help="print the tokens as JSON")
    p.add_argument("--npz", metavar="OUT.npz",
                   help="write every sentence's hidden states: arrays s{i}_l{l} (tokens, dims), "
                   "layer 0 = the embeddings after LayerNorm, 1…L = the encoder layers")  # fmt: skip
    p.set_defaults(func=run)


def run(args) -> int:
    """Run the sentences; print JSON or the cosine table; write the npz."""
    from embviz.cli._common import print_json
    from embviz.core.context import contextualize, open_model
    from embviz.core.errors import EmbvizError

    if args.nearest is not None and not (args.token and 1 <= args.nearest <= 100):
        raise EmbvizError("--nearest K needs --token and K from 1 to 100")
    out = Path(args.npz) if args.npz else None
    if out is not None:
        if out.suffix.lower() != ".npz":
            raise EmbvizError(f"--npz must end in .npz, got '{out.name}'")
        if not out.parent.exists():
            raise EmbvizError(f"{out.parent}: no such directory")
    model = open_model(args.model)
    states = contextualize(model, args.sentences)
    layers = model.num_layers + 1
    if out is not None:
        _write_npz(out, states)
    if args.json:
        print_json({"model": states.model, "layers": layers,
                    "sentences": [{"text": s.text, "tokens": s.tokens}
                                  for s in states.sentences]})  # fmt: skip
        return 0
    c = model.config
    print(f"model: {states.model} ({c.num_hidden_layers} layers, {c.hidden_size} dims, "
          f"{c.vocab_size:,} tokens) from {model.path}")  # fmt: skip
    for i, s in enumerate(states.sentences):
        print(f"sentence {i + 1}: {' '.join(s.tokens)}")
    _print_cosines(states, args.token)
    if args.nearest:
        _print_nearest(model, states, args.token, args.nearest)
    if out is not None:
        print(f"wrote {out}: {len(states.sentences)} sentences × {layers} layers")
    return 0


def _write_npz(path: Path, states) -> None:
    import numpy as np

    arrays = {f"s{i}_l{li}": h for i in range(len(states.sentences))
              for li, h in enumerate(states.hidden_states(i))}  # fmt: skip
    with open(path, "wb") as f:  # a file object: np.savez would append .npz to a bare name
        np.savez(f, **arrays)


def _print_cosines(states, only: list[str] | None) -> None:
    shared = states.shared_tokens()
    if only:
        missing = [t for t in only if t not in shared]
        if missing:
            print(f"\nnot in two or more sentences: {', '.join(missing)}")
        shared = {t: idx for t, idx in shared.items() if t in only}
    if not shared:
        if not only:
            print("\nno token occurs in more than one sentence: give two or more sentences "
                  "sharing a word to compare its occurrences (e.g. bank)")  # fmt: skip
        return
    # Layer names as in --npz: 0 = input (embeddings after LayerNorm), 1…L; "static" before.
    cols = ["static", *(str(i) for i in range(len(states.layer_names) - 1))]
    print("\ncosine between occurrences of a token in different sentences, by layer")
    print("(static = its row of the embedding matrix, the same in every sentence; "
          "0 = + position + segment, LayerNorm; 1… = after each encoder layer)")  # fmt: skip
    print(f"{'token':<14} {'sentence:position':<18}" + "".join(f"{c:>8}" for c in cols))
    for token, idx in shared.items():
        for n, a in enumerate(idx):
            for b in idx[n + 1 :]:
                if states.sentence_of[a] == states.sentence_of[b]:
                    continue
                where = f"{_where(states, a)} ~ {_where(states, b)}"
                cos = states.cosine(a, b)
                print(f"{token:<14} {where:<18}" + "".join(f"{v:8.3f}" for v in cos))


def _where(states, i: int) -> str:
    return f"{states.sentence_of[i] + 1}:{states.position_of[i]}"


def _print_nearest(model, states, tokens: list[str], k: int) -> None:
    from embviz.core.context import nearest_tokens

    near = nearest_tokens(model, states, k)
    print("\nnearest vocabulary tokens (cosine with rows of the embedding matrix); deep "
          "layers are not trained to stay near any row, so read them as a rough guide")  # fmt: skip
    for token in tokens:
        for i in states.occurrences(token):
            print(f"{token} at {_where(states, i)}")
            for li, name in enumerate(states.layer_names):
                label = {0: "static", 1: "input (0)"}.get(li, f"layer {name}")
                words = ", ".join(f"{w} {c:.2f}" for w, c in near.words(li, i))
                print(f"  {label:<10} {words}")
