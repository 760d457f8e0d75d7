"""Training word2vec as a generator of snapshots: real gensim, real files, no Qt."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import numpy as np
import pytest

from embviz.core.corpus import Corpus, open_corpus, shipped_corpus_path, tokenize
from embviz.core.embeddings import Embeddings
from embviz.core.errors import EmbvizError, LoadError
from embviz.core.progress import Progress
from embviz.core.training import TrainParams, cosine_pairs, save_vectors, train_word2vec
from tests.helpers import tiny_corpus

ROOT = Path(__file__).resolve().parents[2]


SMALL = TrainParams(dim=10, epochs=3, min_count=2, workers=1, seed=7)


@pytest.fixture
def corpus(tmp_path) -> Corpus:
    return Corpus(tiny_corpus(tmp_path / "tiny.txt"))


def test_tokenize_lowercases_and_splits_on_non_letters():
    assert tokenize("Don't stop: 3 Cats!\tÉtoile_x") == ["don", "t", "stop", "cats", "étoile", "x"]


def test_one_snapshot_at_init_and_after_every_epoch(corpus):
    snaps = list(train_word2vec(corpus, SMALL))
    assert len(snaps) == SMALL.epochs + 1
    assert [s.epoch for s in snaps] == [0.0, 1.0, 2.0, 3.0]
    assert snaps[-1].final and not snaps[-1].stopped and snaps[-1].model is not None
    assert not any(s.final for s in snaps[:-1])
    # vectors move from their initial values, and keep moving each epoch
    for a, b in itertools.pairwise(snaps):
        assert a.words == b.words
        assert np.abs(a.vectors - b.vectors).max() > 1e-4
    # the final snapshot's watched rows are the model's rows for those words
    model = snaps[-1].model
    np.testing.assert_array_equal(snaps[-1].vectors, model.vectors[model.rows(snaps[-1].words)])
    assert len(snaps[-1].epoch_losses) == SMALL.epochs


def test_intermediate_snapshots_are_real_states(corpus):
    params = TrainParams(**{**SMALL.__dict__, "snapshots_per_epoch": 3, "epochs": 2})
    snaps = list(train_word2vec(corpus, params))
    assert len(snaps) == 2 * 3 + 1
    assert [round(s.epoch, 3) for s in snaps] == [0, 0.333, 0.667, 1, 1.333, 1.667, 2]
    assert len({s.vectors.tobytes() for s in snaps}) == len(snaps)
    # the learning rate falls along gensim's linear schedule, never below min_alpha
    alphas = [s.alpha for s in snaps[1:]]
    assert alphas == sorted(alphas, reverse=True)
    assert alphas[-1] == pytest.approx(params.min_alpha)


def test_epoch_loss_matches_a_one_epoch_gensim_call_and_is_not_cumulative(corpus):
    from gensim.models import Word2Vec

    params = TrainParams(**{**SMALL.__dict__, "epochs": 1, "alpha": 0.025, "min_alpha": 0.01})
    snaps = list(train_word2vec(corpus, params))
    sentences = list(corpus.sentences())
    ref = Word2Vec(vector_size=10, window=4, negative=5, sg=1, min_count=2, seed=7, workers=1,
                   alpha=0.025, min_alpha=0.01, compute_loss=True)  # fmt: skip
    ref.build_vocab(sentences)
    ref.train(sentences, total_examples=len(sentences), epochs=1, compute_loss=True)
    assert snaps[-1].epoch_losses[0] == pytest.approx(ref.get_latest_training_loss(), rel=1e-5)
    np.testing.assert_allclose(snaps[-1].model.vectors, ref.wv.vectors, rtol=1e-5, atol=1e-6)

    losses = list(train_word2vec(corpus, SMALL))[-1].epoch_losses
    assert all(0 < x < 1.5 * losses[0] for x in losses)  # per epoch, not a running total


def test_stop_mid_run_ends_with_a_stopped_snapshot(corpus):
    params = TrainParams(**{**SMALL.__dict__, "epochs": 20})
    progress = Progress()
    snaps = []
    for s in train_word2vec(corpus, params, progress):
        snaps.append(s)
        if s.index == 2:
            progress.cancel()
    # init, 2 epochs, then the stopped state: no training happened after Stop
    assert len(snaps) == 4
    last = snaps[-1]
    assert last.stopped and last.final and last.model is not None
    assert last.epoch == snaps[-2].epoch == 2.0 and len(last.epoch_losses) == 2
    np.testing.assert_array_equal(last.vectors, snaps[-2].vectors)


def test_stop_while_a_part_trains_keeps_that_part(corpus):
    params = TrainParams(**{**SMALL.__dict__, "epochs": 20})
    calls = []

    def cancel_in_epoch_three(fraction, message):
        calls.append(message)
        if message == "epoch 3/20":
            progress.cancel()  # as if Stop were pressed while epoch 3 trained

    progress = Progress(cancel_in_epoch_three)
    snaps = list(train_word2vec(corpus, params, progress))
    assert [s.epoch for s in snaps] == [0.0, 1.0, 2.0, 3.0, 3.0]
    assert snaps[-1].stopped and not snaps[-2].stopped


def test_same_seed_same_vectors_with_one_worker(corpus):
    a = list(train_word2vec(corpus, SMALL))[-1]
    b = list(train_word2vec(corpus, SMALL))[-1]
    np.testing.assert_array_equal(a.model.vectors, b.model.vectors)
    c = list(train_word2vec(corpus, TrainParams(**{**SMALL.__dict__, "seed": 8})))[-1]
    assert not np.array_equal(a.model.vectors, c.model.vectors)


@pytest.mark.parametrize(
    ("init", "check"),
    [
        ("gensim", lambda v: np.abs(v).max() <= 1 / 10),
        ("normal", lambda v: 0.015 < v.std() < 0.025 and np.abs(v).max() > 0.1 / 10),
        ("uniform", lambda v: np.abs(v).max() <= 0.02 and np.abs(v).max() > 0.018),
    ],
)
def test_initialisations(corpus, init, check):
    params = TrainParams(**{**SMALL.__dict__, "init": init, "epochs": 1})
    first = next(iter(train_word2vec(corpus, params)))
    assert first.index == 0 and first.epoch == 0.0
    assert check(first.vectors)


def test_pretrained_initialisation_copies_covered_rows(corpus, tmp_path):
    rng = np.random.default_rng(3)
    vecs = rng.normal(size=(3, 10)).astype(np.float32)
    path = tmp_path / "pre.txt"
    save_vectors(Embeddings(["king", "queen", "zebra"], vecs), path)
    params = TrainParams(**{**SMALL.__dict__, "init": "pretrained", "pretrained": str(path)})
    first = next(iter(train_word2vec(corpus, params)))
    at = {w: i for i, w in enumerate(first.words)}
    np.testing.assert_array_equal(first.vectors[at["king"]], vecs[0])
    np.testing.assert_array_equal(first.vectors[at["queen"]], vecs[1])
    assert first.info["pretrained_covered"] == 2
    bad = TrainParams(
        **{**SMALL.__dict__, "dim": 12, "init": "pretrained", "pretrained": str(path)}
    )
    with pytest.raises(EmbvizError, match="10 dimensions; set the dimension to 10"):
        next(iter(train_word2vec(corpus, bad)))


def test_bad_corpora_give_clear_messages(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    with pytest.raises(LoadError, match="empty"):
        Corpus(empty)
    binary = tmp_path / "model.bin"
    binary.write_bytes(np.arange(1000, dtype=np.float32).tobytes())
    with pytest.raises(LoadError, match="binary file, not text"):
        Corpus(binary)
    digits = tmp_path / "digits.txt"
    digits.write_text("1 2 3\n4, 5!\n")
    with pytest.raises(LoadError, match="no words"):
        Corpus(digits)
    with pytest.raises(LoadError, match="does not exist"):
        Corpus(tmp_path / "missing.txt")
    with pytest.raises(LoadError, match="folder"):
        Corpus(tmp_path)
    few = tmp_path / "few.txt"
    few.write_text("a cat sat on a mat\n")
    with pytest.raises(EmbvizError, match=r"only 0 word\(s\) occur at least min count = 5"):
        next(iter(train_word2vec(Corpus(few), TrainParams(min_count=5))))


def test_bad_parameters_are_named():
    with pytest.raises(EmbvizError, match="dimension must be 3 to 1000"):
        TrainParams(dim=2).check()
    with pytest.raises(EmbvizError, match="needs a pretrained vector file"):
        TrainParams(init="pretrained").check()


def test_corpus_file_disappearing_mid_run(tmp_path):
    path = tiny_corpus(tmp_path / "gone.txt")
    gen = train_word2vec(Corpus(path), SMALL)
    next(gen)
    path.unlink()
    with pytest.raises(LoadError, match="disappeared or became unreadable during training"):
        next(gen)


def test_save_vectors_roundtrip(corpus, tmp_path):
    from gensim.models import KeyedVectors

    import embviz

    model = list(train_word2vec(corpus, SMALL))[-1].model
    text = save_vectors(model, tmp_path / "v.txt")
    back = embviz.load(text)
    assert back.words == model.words
    np.testing.assert_allclose(back.vectors, model.vectors, rtol=1e-6)
    binary = save_vectors(model, tmp_path / "v.bin", binary=True)
    kv = KeyedVectors.load_word2vec_format(str(binary), binary=True)
    np.testing.assert_array_equal(kv.vectors, model.vectors)


def test_cosine_pairs(corpus):
    snap = list(train_word2vec(corpus, SMALL))[-1]
    king, queen = (snap.vectors[snap.words.index(w)] for w in ("king", "queen"))
    expect = king @ queen / np.linalg.norm(king) / np.linalg.norm(queen)
    got = cosine_pairs(snap, [("king", "queen"), ("king", "nope")])
    assert got[0] == pytest.approx(float(expect), rel=1e-5) and got[1] is None


def test_shipped_corpus_is_reproducible_from_its_script():
    spec = importlib.util.spec_from_file_location(
        "build_corpus", ROOT / "packaging/build_corpus.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    files = mod.build()
    assert shipped_corpus_path().read_bytes() == files["teaching.txt"]
    assert shipped_corpus_path().with_name("watch.txt").read_bytes() == files["watch.txt"]


def test_shipped_corpus_teaches_the_analogies():
    """A few epochs on the shipped corpus: king − man + woman ≈ queen, cats − cat + dog ≈ dogs."""
    params = TrainParams(epochs=3, seed=1, workers=1)
    final = list(train_word2vec(open_corpus(None), params))[-1].model

    def best(a, b, c, k=1):
        v = final.unit[final.row(a)] - final.unit[final.row(b)] + final.unit[final.row(c)]
        return [n.word for n in final.neighbors(v, k=k, exclude=[a, b, c])]

    assert best("king", "man", "woman") == ["queen"]
    assert best("prince", "boy", "girl") == ["princess"]
    assert best("cats", "cat", "dog") == ["dogs"]
    assert "rome" in best("paris", "france", "italy", k=3)  # capitals need more epochs to be first


def test_small_corpora_are_cached_big_ones_streamed_both_see_changes(tmp_path, monkeypatch):
    import embviz.core.corpus as corpus_mod

    path = tiny_corpus(tmp_path / "c.txt", lines=50)
    cached = Corpus(path)
    first = list(cached.sentences())
    assert list(cached.sentences()) == first and cached._cache is not None
    monkeypatch.setattr(corpus_mod, "CACHE_BYTES", 0)
    streamed = Corpus(path)
    assert list(streamed.sentences()) == first and streamed._cache is None
    with open(path, "a", encoding="utf-8") as f:
        f.write("One more LINE here\n")
    assert list(streamed.sentences())[-1] == ["one", "more", "line", "here"]
    monkeypatch.setattr(corpus_mod, "CACHE_BYTES", 10**9)
    assert list(cached.sentences())[-1] == ["one", "more", "line", "here"]  # changed: re-read


def test_caption_interpolates_the_epoch_and_names_the_last_loss():
    from embviz.core.training import Snapshot, caption, epoch_at

    v = np.zeros((2, 3), np.float32)
    snaps = [Snapshot(0, 0.0, ["a", "b"], v), Snapshot(1, 0.5, ["a", "b"], v),
             Snapshot(2, 1.0, ["a", "b"], v, epoch_losses=(1234.4,)),
             Snapshot(3, 1.5, ["a", "b"], v, epoch_losses=(1234.4,))]  # fmt: skip
    assert epoch_at(snaps, 2.5) == pytest.approx(1.25)
    assert caption(snaps, 0, 2) == "epoch 0.00 / 2 · snapshot 0 of 3"
    assert caption(snaps, 2.6, 2) == "epoch 1.30 / 2 · snapshot 3 of 3 · loss of epoch 1: 1,234"


@pytest.mark.parametrize("ending", [b"", b"\n", b"\r\n"])
def test_corpus_lines_split_across_reads_tokenise_as_whole_lines(tmp_path, monkeypatch, ending):
    # The corpus is read in big blocks and split into lines by hand; a block
    # boundary inside a line or a word must not change the sentences.
    import embviz.core.corpus as corpus_mod

    lines = [f"The {i} cats saw Queen Élise's {i % 7} dogs" for i in range(200)]
    path = tmp_path / "c.txt"
    path.write_bytes(("\r\n".join(lines)).encode() + ending)
    expected = [corpus_mod.tokenize(line) for line in lines]
    for size in (1, 7, 64, 1 << 20):
        monkeypatch.setattr(corpus_mod, "_READ_BYTES", size)
        got = list(corpus_mod.Corpus(path)._read())
        assert got == expected, size
