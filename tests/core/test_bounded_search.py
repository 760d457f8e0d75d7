"""The bounded analogy search answers exactly as the full scan does, and really uses its bounds."""

from __future__ import annotations

import numpy as np
import pytest

from embviz.core import bounded_search, evaluation
from embviz.core.embeddings import Embeddings
from embviz.core.errors import Cancelled
from embviz.core.evaluation import _best_answers, _Vocab, default_analogies, read_analogies
from embviz.core.progress import NULL_PROGRESS, Progress


def test_set_rows(emb: Embeddings, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows ``(a, b, c)`` and sections of gensim's test set within the first ``n`` words."""
    sections, _ = read_analogies(default_analogies())
    vocab = _Vocab(emb, n, case_insensitive=True)
    rows, secs = [], []
    for s, (_, qs) in enumerate(sections):
        for q in qs:
            r = [vocab.get(w) for w in q[:4]]
            if None not in r:
                rows.append(r[:3])
                secs.append(s)
    return np.array(rows, dtype=np.intp), np.array(secs, dtype=np.intp)


test_set_rows.__test__ = False  # a helper, not a test


def full_scan(emb: Embeddings, n: int, rows: np.ndarray) -> np.ndarray:
    return _best_answers(emb, n, rows, "3cosadd", NULL_PROGRESS, lambda done: None)


@pytest.mark.parametrize("n", [20_000, None])
def test_bounds_settle_nearly_every_question_with_the_full_scans_answer(default_embeddings, n):
    emb = default_embeddings
    n = n or len(emb)
    rows, secs = test_set_rows(emb, n)
    assert bounded_search.worthwhile(n, rows, secs)
    best = bounded_search.best_answers(emb.unit, n, rows, secs, lambda: None)
    settled = best >= 0
    assert settled.mean() > 0.95  # the bounds do the work; the scan only mops up
    np.testing.assert_array_equal(best[settled], full_scan(emb, n, rows[settled]))
    both = evaluation._answers(emb, n, rows, secs, "3cosadd", NULL_PROGRESS, lambda done: None)
    np.testing.assert_array_equal(both[settled], best[settled])
    for j in range(3):  # an input word is never its own question's answer
        assert not (best[settled] == rows[settled, j]).any()


def _tied_vectors(seed: int = 0) -> tuple[Embeddings, np.ndarray, np.ndarray, list[int]]:
    """Random words where each question's true answer has exact copies later in the list."""
    rng = np.random.default_rng(seed)
    n, dim = 12_000, 16
    vectors = rng.normal(size=(n, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    rows, answers = [], []
    pairs = [(10 * i, 10 * i + 1) for i in range(30)]
    for (a, b), (c, _) in zip(pairs, pairs[1:] + pairs[:1], strict=True):
        point = (vectors[b] + vectors[c]) - vectors[a]
        answer = 5_000 + len(rows)
        vectors[answer] = point / np.linalg.norm(point)
        vectors[answer + 3_000] = vectors[answer]  # an exact tie, later in the list
        vectors[answer + 6_000] = vectors[answer]
        rows.append((a, b, c))
        answers.append(answer)
    words = [f"w{i}" for i in range(n)]
    rows = np.array(rows * 4, dtype=np.intp)  # several questions per c: the bounds pay
    return Embeddings(words, vectors), rows, np.zeros(len(rows), dtype=np.intp), answers * 4


def test_exact_ties_are_left_to_the_full_scan_which_takes_the_first_word():
    emb, rows, secs, answers = _tied_vectors()
    n = len(emb)
    best = bounded_search.best_answers(emb.unit, n, rows, secs, lambda: None)
    assert (best < 0).all()  # a tie is ordered by rounding: the scan decides
    both = evaluation._answers(emb, n, rows, secs, "3cosadd", NULL_PROGRESS, lambda done: None)
    np.testing.assert_array_equal(both, answers)
    np.testing.assert_array_equal(both, full_scan(emb, n, rows))


def test_nan_rows_are_left_to_the_full_scan(default_embeddings):
    emb = default_embeddings
    n = 20_000
    vectors = emb.vectors[:n].copy()
    rows, secs = test_set_rows(emb, n)
    poisoned = np.setdiff1d(np.arange(100, 20_000, 997), rows)
    vectors[poisoned] = np.nan
    bad = Embeddings(emb.words[:n], vectors)
    best = bounded_search.best_answers(bad.unit, n, rows, secs, lambda: None)
    assert (best < 0).all()  # every group's candidates hold a NaN bound: nothing is sure
    seen = []
    progress = Progress(lambda fraction, message: seen.append(fraction))
    report = evaluation.evaluate_analogies(bad, restrict_vocab=n, progress=progress)
    fractions = [f for f in seen if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0  # the scan counts on
    assert (full_scan(bad, n, rows) == -1).all()  # NaN scores: no answer
    assert report.incorrect == len(rows)
    assert all(f.predicted is None for sec in report.sections for f in sec.incorrect)


def test_cancel_stops_the_bounded_search(default_embeddings):
    progress = Progress()
    calls = []

    def check():
        calls.append(1)
        if len(calls) == 3:
            progress.cancel()
        progress.check()

    rows, secs = test_set_rows(default_embeddings, 20_000)
    with pytest.raises(Cancelled):
        bounded_search.best_answers(default_embeddings.unit, 20_000, rows, secs, check)


def test_small_vocabularies_and_scattered_questions_use_the_full_scan(default_embeddings):
    rows, secs = test_set_rows(default_embeddings, 20_000)
    assert not bounded_search.worthwhile(4 * bounded_search.K_LARGE - 1, rows, secs)
    assert bounded_search.worthwhile(20_000, rows, secs)
    scattered = np.arange(len(rows))  # every question a section of its own
    assert not bounded_search.worthwhile(20_000, rows, scattered)
    one_section = np.zeros(len(rows), dtype=np.intp)
    distinct_pairs = rows.copy()
    distinct_pairs[:, 0] = np.arange(len(rows)) % 20_000  # nearly every question its own pair
    assert not bounded_search.worthwhile(20_000, distinct_pairs, one_section)
    assert not bounded_search.worthwhile(20_000, rows[:0], secs[:0])
