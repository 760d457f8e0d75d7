"""Analogy and word-pair benchmarks: equal to gensim's evaluate_word_analogies / evaluate_word_pairs."""

from __future__ import annotations

import numpy as np
import pytest

from embviz.core import bounded_search
from embviz.core.embeddings import Embeddings
from embviz.core.errors import Cancelled, EmbvizError, LoadError
from embviz.core.evaluation import (
    default_analogies,
    default_pairs,
    evaluate,
    evaluate_analogies,
    evaluate_pairs,
    read_analogies,
)
from embviz.core.progress import Progress

RESTRICT = 6000  # small enough to keep gensim's own run to about a second


def keyed_vectors(emb: Embeddings):
    from gensim.models import KeyedVectors

    kv = KeyedVectors(emb.dim)
    kv.add_vectors(emb.words, emb.vectors)
    return kv


@pytest.fixture(scope="module")
def kv(default_embeddings):
    return keyed_vectors(default_embeddings)


def _same_as_gensim(ours, score, sections, upper=True):
    assert len(ours.sections) == len(sections) - 1  # gensim appends 'Total accuracy'
    for mine, theirs in zip(ours.sections, sections, strict=False):
        assert mine.name == theirs["section"]
        assert len(mine.correct) == len(theirs["correct"])
        assert len(mine.incorrect) == len(theirs["incorrect"])
        up = [tuple(w.upper() if upper else w for w in (f.question.a, f.question.b, f.question.c,
                                        f.question.expected)) for f in mine.incorrect]  # fmt: skip
        assert up == theirs["incorrect"]
    assert round(ours.accuracy, 4) == round(score, 4)
    total = sections[-1]
    assert (ours.correct, ours.incorrect) == (len(total["correct"]), len(total["incorrect"]))


@pytest.fixture(scope="module")
def gensim_analogies(kv):
    return kv.evaluate_word_analogies(str(default_analogies()), restrict_vocab=RESTRICT)


def test_analogies_equal_gensim(default_embeddings, gensim_analogies):
    score, sections = gensim_analogies
    ours = evaluate_analogies(default_embeddings, default_analogies(), restrict_vocab=RESTRICT)
    assert [s.name for s in ours.sections][:2] == ["capital-common-countries", "capital-world"]
    assert ours.questions == 19544
    _same_as_gensim(ours, score, sections)
    assert 0.3 < ours.accuracy < 0.9  # GloVe 50d answers about half of these


def test_analogies_through_the_bounded_search_equal_gensim(
    default_embeddings, gensim_analogies, monkeypatch
):
    # Small candidate sets make the bounded search run at a size gensim answers quickly.
    monkeypatch.setattr(bounded_search, "K_SMALL", 32)
    monkeypatch.setattr(bounded_search, "K_LARGE", 128)
    settled = []
    real = bounded_search.best_answers

    def spy(*args, **kwargs):
        best = real(*args, **kwargs)
        settled.append((best >= 0).mean())
        return best

    monkeypatch.setattr(bounded_search, "best_answers", spy)
    ours = evaluate_analogies(default_embeddings, default_analogies(), restrict_vocab=RESTRICT)
    assert settled and settled[0] > 0.8  # the bounds answered most questions
    _same_as_gensim(ours, *gensim_analogies)


def test_pairs_equal_gensim(default_embeddings, kv):
    for path in default_pairs():
        for restrict in (RESTRICT, 300_000):
            pearson, spearman, oov = kv.evaluate_word_pairs(str(path), restrict_vocab=restrict)
            ours = evaluate_pairs(default_embeddings, path, restrict_vocab=restrict)
            assert round(ours.pearson, 4) == round(float(pearson[0]), 4)
            assert round(ours.spearman, 4) == round(float(spearman[0]), 4)
            assert ours.pearson_p == pytest.approx(float(pearson[1]), rel=1e-3)
            assert ours.oov_ratio == pytest.approx(oov)
    ws = evaluate_pairs(default_embeddings, default_pairs()[0])
    assert ws.oov == 0 and ws.pairs == 353  # the default data holds every WordSim word


@pytest.fixture(scope="module")
def mixed_case(default_embeddings):
    """3,000 words where some have a capitalised twin later on, to exercise case folding."""
    emb = default_embeddings.subset(range(3000))
    words = list(emb.words)
    rng = np.random.default_rng(7)
    twins = [w for w in ("king", "queen", "paris", "france", "man", "woman", "son") if w in emb]
    words += [w.capitalize() for w in twins] + ["GREECE"]
    noise = rng.normal(0, 0.3, (len(twins) + 1, emb.dim)).astype(np.float32)
    vecs = np.vstack([emb.vectors, emb.vectors[[emb.row(w) for w in twins]] + noise[:-1],
                      emb.vectors[emb.row("london")] + noise[-1]])  # fmt: skip
    words[words.index("greece")] = "Greece"  # the first variant of GREECE is now 'Greece'
    return Embeddings(words, vecs)


@pytest.mark.parametrize("case_insensitive", [True, False])
@pytest.mark.parametrize("dummy4unknown", [False, True])
def test_case_variants_and_unknown_words_like_gensim(mixed_case, case_insensitive, dummy4unknown):
    kv = keyed_vectors(mixed_case)
    path = str(default_analogies())
    score, sections = kv.evaluate_word_analogies(
        path, restrict_vocab=3004, case_insensitive=case_insensitive, dummy4unknown=dummy4unknown
    )
    ours = evaluate_analogies(mixed_case, path, restrict_vocab=3004,
                              case_insensitive=case_insensitive, dummy4unknown=dummy4unknown)  # fmt: skip
    _same_as_gensim(ours, score, sections, upper=case_insensitive)


def test_3cosmul_matches_gensim_cosmul_question_by_question(default_embeddings, tmp_path):
    small = default_embeddings.subset(range(4000))  # gensim's cosmul ignores restrict_vocab
    kv = keyed_vectors(small)
    lines = default_analogies().read_text().splitlines()
    start = lines.index(": family")
    path = tmp_path / "family.txt"
    path.write_text("\n".join(lines[start : start + 120]) + "\n")
    ours = evaluate_analogies(small, path, method="3cosmul", restrict_vocab=4000)
    want_correct = 0
    for _, qs in read_analogies(path)[0]:
        for q in qs:
            if not all(w in small for w in (q.a, q.b, q.c, q.expected)):
                continue
            best = kv.most_similar_cosmul(positive=[q.b, q.c], negative=[q.a], topn=1)[0][0]
            want_correct += best == q.expected
    assert ours.correct == want_correct
    assert ours.correct > 0 and ours.incorrect > 0
    failure = ours.sections[0].incorrect[0]
    assert failure.predicted not in (failure.question.a, failure.question.b, failure.question.c)


def test_wrong_files_get_a_clear_message_with_the_line(default_embeddings, tmp_path):
    with pytest.raises(LoadError, match=r"wordsim353.tsv, line 1: expected a section header"):
        evaluate_analogies(default_embeddings, default_pairs()[0])
    bad = tmp_path / "pairs.txt"
    bad.write_text("# comment\ncat dog 7.0\ncar auto 8\n")
    with pytest.raises(LoadError, match=r"pairs.txt, line 2: no word pairs found"):
        evaluate_pairs(default_embeddings, bad)
    three = tmp_path / "three.txt"
    three.write_text(": s\na b c\nd e f\n")
    with pytest.raises(LoadError, match=r"three.txt, line 2: no analogy questions found"):
        evaluate_analogies(default_embeddings, three)
    binary = tmp_path / "vectors.npy"
    np.save(binary, np.arange(1000.0))
    with pytest.raises(LoadError, match=r"vectors.npy, line 1: not UTF-8"):
        evaluate_analogies(default_embeddings, binary)
    with pytest.raises(LoadError, match="no such file"):
        evaluate_pairs(default_embeddings, tmp_path / "missing.tsv")
    unknown = tmp_path / "unknown.tsv"
    unknown.write_text("zzzqx\tqqzzx\t3.0\nfoo\tzzqxx\t2\n")
    with pytest.raises(EmbvizError, match="too few to correlate"):
        evaluate_pairs(default_embeddings, unknown)
    late = tmp_path / "late.txt"  # the bad byte on line 3 is named, as it was line by line
    late.write_bytes(b": s\nking queen man woman\nparis \xff france rome\n")
    with pytest.raises(LoadError, match=r"late.txt, line 3: not UTF-8"):
        evaluate_analogies(default_embeddings, late)


def test_a_huge_file_is_refused_before_it_is_read(default_embeddings, tmp_path, monkeypatch):
    from embviz.core import evaluation

    monkeypatch.setattr(evaluation, "_MAX_TEST_SET_BYTES", 1000)
    big = tmp_path / "glove.txt"
    big.write_text("the 0.1 0.2\n" * 200)
    with pytest.raises(
        LoadError, match=r"glove.txt: is 0 MB; a test set is a text file of a few MB"
    ):
        evaluate_analogies(default_embeddings, big)


def test_skipped_lines_are_reported_and_do_not_count(default_embeddings, tmp_path):
    path = tmp_path / "q.txt"
    path.write_text(": family\nboy girl brother sister\nboy girl\n\nking queen man woman\n")
    rep = evaluate_analogies(default_embeddings, path)
    assert rep.skipped_lines == [3]
    assert rep.questions == 2 and rep.sections[0].total == 2


def test_progress_reports_and_cancel_stops(default_embeddings):
    seen = []
    evaluate_analogies(default_embeddings, restrict_vocab=20_000,
                       progress=Progress(lambda f, m: seen.append(f)))  # fmt: skip
    fractions = [f for f in seen if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) > 3

    def cancel_soon(fraction, message):
        if fraction and fraction > 0:
            progress.cancel()

    progress = Progress(cancel_soon)
    with pytest.raises(Cancelled):
        evaluate_analogies(default_embeddings, restrict_vocab=2000, progress=progress)


def test_too_few_known_pairs_is_reported_without_stopping_the_run(default_embeddings):
    from embviz.core.evaluation import TooFewPairsError

    with pytest.raises(TooFewPairsError, match="only 0 of 353 pairs"):
        evaluate_pairs(default_embeddings, default_pairs()[0], restrict_vocab=60)
    rep = evaluate(default_embeddings, restrict_vocab=60)
    wordsim = rep.pairs[0]
    assert "too few to correlate" in wordsim.problem and wordsim.oov == 353
    assert rep.analogies is not None and rep.analogies.questions == 19544
    assert rep.to_json()["pairs"][0]["pearson"] is None  # JSON has no NaN


def test_evaluate_runs_both_and_serialises(default_embeddings):
    rep = evaluate(default_embeddings, restrict_vocab=3000)
    out = rep.to_json()
    assert [p["name"] for p in out["pairs"]] == ["wordsim353.tsv", "simlex999.txt"]
    assert len(out["analogies"]["sections"]) == 14
    assert out["analogies"]["accuracy"] == pytest.approx(rep.analogies.accuracy)
