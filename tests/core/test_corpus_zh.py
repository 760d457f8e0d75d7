"""Chinese text in training: segmentation with jieba, and the shipped Chinese corpus (issue 20)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from embviz.core import corpus as C
from embviz.core.analogy import query
from embviz.core.errors import LoadError
from embviz.core.training import TrainParams, train_word2vec

ROOT = Path(__file__).resolve().parents[2]
PUNCT = {"，", "。", "："}


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_corpus_zh", ROOT / "packaging/build_corpus_zh.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def zh_corpus():
    pytest.importorskip("jieba")
    return C.open_corpus(C.shipped_corpus_path("zh"))


def test_shipped_chinese_corpus_is_reproducible_from_its_script():
    files = _builder().build()
    for name, data in files.items():
        assert (ROOT / "resources/corpus" / name).read_bytes() == data, name
    text = files["teaching_zh.txt"].decode("utf-8")
    assert " " not in text  # stored as Chinese is written: unsegmented
    assert C.chinese_layout(text[:65536]) == "raw"


def test_jieba_cuts_every_sentence_into_the_intended_words(zh_corpus):
    intended = [[t for t in s if t not in PUNCT] for s in _builder().segmented()]
    got = list(zh_corpus.sentences())
    assert len(got) == len(intended) == 30_000
    bad = [(g, i) for g, i in zip(got, intended, strict=True) if g != i]
    assert not bad, bad[:3]
    assert zh_corpus.segmentation == "jieba"
    note = zh_corpus.segmentation_note
    assert "segmented into words by jieba" in note and "teaching_zh.dict.txt" in note


def test_a_few_epochs_on_the_chinese_corpus_teach_both_analogies(zh_corpus):
    """Top-1 for both, with the input words left out (gensim's rule), seed 1."""
    params = TrainParams(
        dim=50, epochs=3, seed=1, workers=1, watch=tuple(C.shipped_watch_words("zh"))
    )
    snaps = list(train_word2vec(zh_corpus, params))
    assert snaps[0].info["segmentation"] == zh_corpus.segmentation_note
    assert not snaps[0].info["watched_missing"]
    final = snaps[-1].model
    assert query(final, "国王 - 男人 + 女人", k=1).results[0].word == "王后"
    assert query(final, "巴黎 - 法国 + 中国", k=1).results[0].word == "北京"


def test_layouts_are_told_apart():
    assert C.chinese_layout("the king and the queen") == "none"
    assert C.chinese_layout("国王和王后住在王宫里。") == "raw"
    assert C.chinese_layout("国王 和 王后 住在 王宫 里 。") == "spaces"
    # a stray Chinese word in English text is still segmented, not kept
    assert C.chinese_layout("we went to 北京大学 yesterday") == "raw"


def test_space_separated_chinese_is_kept_as_it_is(tmp_path):
    path = tmp_path / "seg.txt"
    path.write_text("国王 和 王后 住在 王宫 里 。\n男人 和 女人\n", encoding="utf-8")
    c = C.Corpus(path)
    assert list(c.sentences()) == [
        ["国王", "和", "王后", "住在", "王宫", "里"],
        ["男人", "和", "女人"],
    ]
    assert c.segmentation == "spaces"
    assert c.segmentation_note == "Chinese text already separated by spaces: kept as it is"


def test_unsegmented_chinese_with_jieba_and_mixed_text(tmp_path):
    pytest.importorskip("jieba")
    path = tmp_path / "raw.txt"
    path.write_text(
        "国王和王后住在北京的王宫里。\nThe King visited 巴黎 in 2020!\n", encoding="utf-8"
    )
    c = C.Corpus(path)
    first, second = list(c.sentences())
    assert "国王" in first and "王后" in first and "北京" in first and "王宫" in first
    assert "".join(first) == "国王和王后住在北京的王宫里"
    assert second == ["the", "king", "visited", "巴黎", "in"]
    assert c.segmentation == "jieba" and "HMM" in c.segmentation_note


def test_without_jieba_chinese_is_split_into_characters(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "jieba", None)  # import jieba now raises ImportError
    path = tmp_path / "raw.txt"
    path.write_text("国王和王后。\n", encoding="utf-8")
    c = C.Corpus(path)
    assert list(c.sentences()) == [["国", "王", "和", "王", "后"]]
    assert c.segmentation == "characters"
    assert "jieba is not installed" in c.segmentation_note and "embviz[zh]" in c.segmentation_note


def test_english_corpus_says_nothing_about_chinese():
    c = C.open_corpus(None)
    assert c.segmentation == "none" and c.segmentation_note is None


def test_a_bad_user_dictionary_is_one_clear_error(tmp_path):
    pytest.importorskip("jieba")
    (tmp_path / "c.txt").write_text("国王和王后。\n", encoding="utf-8")
    (tmp_path / "c.dict.txt").write_text("国王 lots\n", encoding="utf-8")
    with pytest.raises(LoadError, match="line 1: expected 'word \\[frequency\\]'"):
        C.Corpus(tmp_path / "c.txt")
    (tmp_path / "c.dict.txt").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(LoadError, match="must be UTF-8"):
        C.Corpus(tmp_path / "c.txt")


def test_shipped_language():
    assert C.shipped_language(None) == "en"
    assert C.shipped_language(C.shipped_corpus_path("zh")) == "zh"
    assert C.shipped_language(str(C.shipped_corpus_path("en"))) == "en"
    assert C.shipped_language("/nonexistent/teaching_zh.txt") is None
    assert C.shipped_watch_groups("zh")["王后"] == "female"
    assert C.shipped_watch_groups("zh")["北京"] == "capital"


def test_a_jieba_without_its_dictionary_falls_back_to_characters(tmp_path, monkeypatch):
    jieba = pytest.importorskip("jieba")
    monkeypatch.setattr(jieba.Tokenizer, "get_dict_file", _missing_dict)
    path = tmp_path / "raw.txt"
    path.write_text("国王和王后。\n", encoding="utf-8")
    c = C.Corpus(path)
    assert list(c.sentences()) == [["国", "王", "和", "王", "后"]]
    assert c.segmentation == "characters"
    assert "jieba cannot read its dictionary" in c.segmentation_note


def _missing_dict(self):
    raise FileNotFoundError(2, "No such file or directory", "dict.txt")
