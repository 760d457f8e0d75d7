"""Cancelling any long job returns within 1 s (issue: hardening).

Each job is started on a thread, cancelled while it is busy, and the time from
cancel() to the thread's end is measured. Workloads are sized so that none can
finish on its own within the window, which the tests also check.
"""

from __future__ import annotations

import numpy as np

import embviz
from embviz.core.corpus import open_corpus, shipped_corpus_path
from tests.helpers import CANCEL_LIMIT, cancel_while_running


def test_cancel_a_large_load(tmp_path):
    rng = np.random.default_rng(0)
    block = [" ".join(f"{x:.5f}" for x in row) for row in rng.standard_normal((1000, 50))]
    path = tmp_path / "big.txt"
    with open(path, "w") as f:
        for i in range(400_000):
            f.write(f"w{i} {block[i % 1000]}\n")
    latency, outcome = cancel_while_running(
        lambda progress: embviz.load(path, progress=progress, cache=False), after=0.15
    )
    assert outcome.get("cancelled"), outcome
    assert latency < CANCEL_LIMIT, f"load took {latency:.2f} s to stop"


def test_cancel_training():
    from embviz.core.training import TrainParams, train_word2vec

    corpus = open_corpus(shipped_corpus_path())

    def work(progress):
        return list(train_word2vec(corpus, TrainParams(epochs=50, workers=1), progress))

    latency, outcome = cancel_while_running(work, after=1.5)
    snaps = outcome.get("result") or []
    # training ends on cancel with a last snapshot marked as stopped
    assert outcome.get("cancelled") or (snaps and snaps[-1].stopped), outcome
    assert latency < CANCEL_LIMIT, f"training took {latency:.2f} s to stop"


def test_cancel_an_evaluation(default_embeddings):
    from embviz.core.evaluation import evaluate_analogies

    # 3CosMul over the whole default vocabulary is the slowest evaluation
    def work(progress):
        return evaluate_analogies(default_embeddings, method="3cosmul", progress=progress)

    latency, outcome = cancel_while_running(work, after=0.2)
    assert outcome.get("cancelled"), outcome
    assert latency < CANCEL_LIMIT, f"evaluation took {latency:.2f} s to stop"
