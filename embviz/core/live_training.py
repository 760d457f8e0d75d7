"""What the Train panel's worker process runs: training plus each snapshot's frame maths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from embviz.core.corpus import open_corpus
from embviz.core.frames import Prepared, prepare
from embviz.core.progress import Progress
from embviz.core.training import Snapshot, TrainParams, train_word2vec


def train_prepared(
    corpus: str | Path | None, params: TrainParams, progress: Progress
) -> Iterator[tuple[Snapshot, Prepared]]:
    """Train on ``corpus`` (``None``: the shipped one) and yield ``(snapshot, prepared)``.

    The frame data (centring, PCA, Procrustes alignment) of each snapshot is
    computed here, next to the training, so the GUI only multiplies. A
    stopped snapshot that replaces one of the same epoch is aligned to the
    snapshot before that one, as the panel will show it.
    """
    preps: list[Prepared] = []
    last_epoch = None
    for snap in train_word2vec(open_corpus(corpus), params, progress):
        if snap.stopped and preps and snap.epoch == last_epoch:
            preps.pop()  # it will replace the previous snapshot
        preps.append(prepare(snap.vectors, preps[-1] if preps else None))
        last_epoch = snap.epoch
        yield snap, preps[-1]
