"""``embviz train`` on Chinese text: unsegmented text is segmented, and says how (issue 20)."""

from __future__ import annotations

import json

import pytest

import embviz
from embviz.cli import main
from tests.helpers import raw_chinese


def test_train_segments_unsegmented_chinese(tmp_path, capsys):
    pytest.importorskip("jieba")
    corpus = raw_chinese(tmp_path / "zh.txt")
    out = tmp_path / "v.txt"
    assert main(["train", str(corpus), "--out", str(out), "--dim", "8", "--epochs", "1"]) == 0
    printed = capsys.readouterr().out
    assert "Chinese text segmented into words by jieba" in printed and "HMM" in printed
    vectors = embviz.load(out)
    # words, not sentences: the lesson's words are in the vocabulary, no word is a sentence
    assert {"国王", "王后", "男人", "女人", "北京", "中国", "巴黎", "法国"} <= set(vectors.words)
    assert max(len(w) for w in vectors.words) <= 6


def test_train_keeps_space_separated_chinese(tmp_path, capsys):
    corpus = tmp_path / "seg.txt"
    corpus.write_text(
        "国王 和 王后 住在 王宫 里\n男人 和 女人 住在 城市 里\n" * 50, encoding="utf-8"
    )
    code = main(["train", str(corpus), "--out", str(tmp_path / "v.txt"), "--dim", "8",
                 "--epochs", "1", "--min-count", "2", "--json"])  # fmt: skip
    assert code == 0
    captured = capsys.readouterr()
    assert "already separated by spaces: kept as it is" in captured.err
    assert json.loads(captured.out)["segmentation"] == "spaces"
    assert set(embviz.load(tmp_path / "v.txt").words) == {
        "国王", "和", "王后", "住在", "王宫", "里", "男人", "女人", "城市",
    }  # fmt: skip


def test_train_corpus_zh_uses_the_shipped_chinese_corpus(tmp_path, capsys):
    pytest.importorskip("jieba")
    out = tmp_path / "v.txt"
    code = main(["train", "--corpus", "zh", "--out", str(out), "--dim", "8", "--epochs", "1",
                 "--snapshots", str(tmp_path / "s")])  # fmt: skip
    assert code == 0
    printed = capsys.readouterr().out
    assert printed.startswith("teaching_zh.txt: 30,000 sentences")
    assert "with the dictionary teaching_zh.dict.txt" in printed
    assert "not in the vocabulary" not in printed  # every watched word is there
    watched = embviz.load(tmp_path / "s" / "epoch_001.txt").words
    assert watched[:4] == ["国王", "王后", "王子", "公主"]


def test_train_corpus_and_file_together_is_an_error(tmp_path, capsys):
    corpus = raw_chinese(tmp_path / "zh.txt", lines=10)
    assert main(["train", str(corpus), "--corpus", "zh", "--out", str(tmp_path / "v.txt")]) == 2
    assert "not both" in capsys.readouterr().err
