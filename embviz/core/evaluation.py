"""Benchmarks of the vectors themselves: analogy test sets and word-pair similarity sets.

The numbers equal gensim's ``KeyedVectors.evaluate_word_analogies`` and
``evaluate_word_pairs`` on the same vectors and ``restrict_vocab``:

- only the first ``restrict_vocab`` words count; with ``case_insensitive``
  every word is compared upper-cased, and a word stands for the *first* of its
  case variants;
- questions or pairs with a word outside that vocabulary are skipped (or, with
  ``dummy4unknown``, counted as wrong / similarity 0) and give the OOV ratio;
- an analogy ``a b c d`` is answered by 3CosAdd over the restricted vocabulary
  with ``a``, ``b``, ``c`` left out; it is right when the best answer is ``d``.

Where gensim asks ``most_similar`` once per question (one pass over the whole
matrix each time), this module scores blocks of questions against blocks of
the vocabulary with one matrix product, and keeps a running best per question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from embviz.core.analogy import COSMUL_EPSILON, METHODS
from embviz.core.embeddings import Embeddings
from embviz.core.errors import Cancelled, EmbvizError, LoadError
from embviz.core.progress import NULL_PROGRESS, Progress

DEFAULT_RESTRICT = 300_000  # as gensim
_VOCAB_BLOCK = 4096  # a 512 × 4096 block of scores (8 MB) stays in cache: ~2× faster than 64 MB
_QUESTION_BLOCK = 512


# -- test-set files ---------------------------------------------------------------------


def gensim_test_file(name: str) -> Path:
    """Path of a test set shipped with gensim (``questions-words.txt``, ``wordsim353.tsv``, ...)."""
    import importlib.util

    # Locate gensim without importing it: the import (scipy and all) takes seconds.
    spec = importlib.util.find_spec("gensim")
    if spec is None or spec.origin is None:
        raise EmbvizError("gensim is not installed: give the test-set files explicitly")
    return Path(spec.origin).parent / "test" / "test_data" / name


def default_analogies() -> Path:
    """Gensim's copy of Mikolov's ``questions-words.txt`` (19,544 questions, 14 sections)."""
    return gensim_test_file("questions-words.txt")


def default_pairs() -> list[Path]:
    """Gensim's copies of WordSim-353 and SimLex-999."""
    return [gensim_test_file("wordsim353.tsv"), gensim_test_file("simlex999.txt")]


@dataclass(frozen=True)
class Question:
    """One analogy question ``a : b :: c : expected``, as written in the file."""

    a: str
    b: str
    c: str
    expected: str
    line: int

    def __str__(self) -> str:
        return f"{self.a} : {self.b} :: {self.c} : {self.expected}"


@dataclass(frozen=True)
class Pair:
    """One judged word pair and its human similarity score."""

    a: str
    b: str
    score: float
    line: int


def _lines(path: str | Path):
    """Yield ``(line_number, text)``; undecodable bytes raise :class:`LoadError` naming the line."""
    p = Path(path)
    if not p.is_file():
        raise LoadError(p, "no such file" if not p.exists() else "not a regular file")
    with open(p, "rb") as fh:
        for no, raw in enumerate(fh, 1):
            try:
                yield no, raw.decode("utf-8")
            except UnicodeDecodeError:
                raise LoadError(p, "not UTF-8 text (is this a test-set file?)", no) from None


def read_analogies(path: str | Path) -> tuple[list[tuple[str, list[Question]]], list[int]]:
    """Read a test set in ``questions-words.txt`` format.

    Sections start with ``: name``; each other line is four words ``a b c d``.
    Lines that are not four words are skipped, as gensim does, and returned.

    Returns
    -------
    sections
        ``[(name, [Question, ...]), ...]`` in file order.
    skipped
        Line numbers of lines that were not blank and not four words.

    Raises
    ------
    LoadError
        A question before the first section header, text that is not UTF-8,
        or a file with no question at all (naming the first bad line).
    """
    sections: list[tuple[str, list[Question]]] = []
    skipped: list[int] = []
    for no, line in _lines(path):
        if line.startswith(": "):
            sections.append((line.lstrip(": ").strip(), []))
            continue
        words = line.split()
        if not words:
            continue
        if not sections:
            raise LoadError(
                path, f"expected a section header such as ': capital-common-countries', got {line.strip()[:60]!r}", no
            )  # fmt: skip
        if len(words) != 4:
            skipped.append(no)
            continue
        sections[-1][1].append(Question(*words, line=no))
    if not any(qs for _, qs in sections):
        why = "no analogy questions found: each line under a ': section' header must be four words 'a b c d'"
        raise LoadError(path, why, skipped[0] if skipped else None)
    return sections, skipped


def read_pairs(path: str | Path, delimiter: str = "\t") -> tuple[list[Pair], list[int]]:
    """Read a word-pair similarity set: ``word1<TAB>word2<TAB>score`` per line, ``#`` comments.

    Lines that do not have exactly three fields with a numeric score are
    skipped, as gensim does, and returned.

    Raises
    ------
    LoadError
        Text that is not UTF-8, or no valid pair at all (naming the first bad line).
    """
    pairs: list[Pair] = []
    skipped: list[int] = []
    for no, line in _lines(path):
        if line.startswith("#"):
            continue
        parts = line.split(delimiter)
        try:
            a, b, s = parts
            score = float(s)
        except ValueError:
            if line.strip():
                skipped.append(no)
            continue
        pairs.append(Pair(a, b, score, no))
    if not pairs:
        sep = "TAB" if delimiter == "\t" else repr(delimiter)
        why = f"no word pairs found: each line must be 'word1{sep}word2{sep}score'"
        raise LoadError(path, why, skipped[0] if skipped else None)
    return pairs, skipped


# -- vocabulary as gensim restricts it ---------------------------------------------------


class _Vocab:
    """The first ``n`` words, keyed as gensim keys them (upper-cased when case-insensitive)."""

    def __init__(self, emb: Embeddings, restrict_vocab: int | None, case_insensitive: bool):
        if restrict_vocab is not None and restrict_vocab < 1:
            raise EmbvizError(f"restrict_vocab must be at least 1, got {restrict_vocab}")
        self.n = len(emb) if restrict_vocab is None else min(int(restrict_vocab), len(emb))
        self.case_insensitive = case_insensitive
        words = emb.words[: self.n]
        self.key_to_row: dict[str, int] = {}
        for i, w in enumerate(words):
            # The first (most frequent) variant wins, as in gensim's reversed dict comprehension.
            self.key_to_row.setdefault(self.key(w), i)
        self._words = words

    def key(self, word: str) -> str:
        return word.upper() if self.case_insensitive else word

    def get(self, word: str) -> int | None:
        return self.key_to_row.get(self.key(word))

    def canonical_rows(self) -> np.ndarray:
        """For each row, the row that stands for its key (itself unless a later case variant)."""
        return np.fromiter((self.key_to_row[self.key(w)] for w in self._words), np.intp, self.n)


# -- analogies -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """A question answered wrongly: what was expected and what the vectors said."""

    question: Question
    predicted: str | None  # None: an out-of-vocabulary question counted wrong (dummy4unknown)
    words: tuple[str, str, str, str] | None = None  # the vocabulary words used (case folded)

    def __str__(self) -> str:
        return f"{self.question}  (got {self.predicted or 'nothing: unknown word'})"


@dataclass
class SectionResult:
    """One section's correct questions and failures."""

    name: str
    correct: list[Question] = field(default_factory=list)
    incorrect: list[Failure] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Questions answered (correct + incorrect)."""
        return len(self.correct) + len(self.incorrect)

    @property
    def accuracy(self) -> float:
        """Share answered correctly; 0.0 for a section with no answered question (as gensim)."""
        return len(self.correct) / self.total if self.total else 0.0


@dataclass
class AnalogyReport:
    """The result of an analogy test set, section by section."""

    path: str
    restrict_vocab: int
    method: str
    sections: list[SectionResult]
    questions: int  # valid four-word lines, OOV ones included
    oov: int
    skipped_lines: list[int] = field(default_factory=list)

    @property
    def correct(self) -> int:
        """Correct answers over all sections."""
        return sum(len(s.correct) for s in self.sections)

    @property
    def incorrect(self) -> int:
        """Wrong answers over all sections."""
        return sum(len(s.incorrect) for s in self.sections)

    @property
    def accuracy(self) -> float:
        """Gensim's 'Total accuracy'."""
        n = self.correct + self.incorrect
        return self.correct / n if n else 0.0

    @property
    def oov_ratio(self) -> float:
        """Percentage of questions with a word outside the vocabulary (gensim's oov_ratio)."""
        return 100.0 * self.oov / self.questions if self.questions else 0.0

    def to_json(self) -> dict:
        """A JSON-ready dict with the overall accuracy and each section's counts."""
        return {
            "path": self.path, "method": self.method, "restrict_vocab": self.restrict_vocab,
            "accuracy": self.accuracy, "correct": self.correct, "incorrect": self.incorrect,
            "questions": self.questions, "oov_ratio": self.oov_ratio,
            "skipped_lines": self.skipped_lines,
            "sections": [
                {"section": s.name, "correct": len(s.correct), "incorrect": len(s.incorrect),
                 "accuracy": s.accuracy}
                for s in self.sections
            ],
        }  # fmt: skip


def _block_answers(
    unit: np.ndarray, n: int, q: np.ndarray, method: str, check: Callable[[], None]
) -> np.ndarray:
    """The best row among the first ``n`` for each question ``(a, b, c)`` of one block."""
    check()
    ia, ib, ic = q[:, 0], q[:, 1], q[:, 2]
    if method == "3cosadd":
        # gensim's mean: b + c - a over unit vectors, in that order; its scale does not
        # change which word is nearest, so it is not divided by 3 or normalised.
        points = (unit[ib] + unit[ic]) - unit[ia]
    else:
        terms = np.stack([unit[ia], unit[ib], unit[ic]], axis=1).reshape(-1, unit.shape[1])
    top_score = np.full(len(q), -np.inf, dtype=np.float32)
    top_row = np.full(len(q), -1, dtype=np.intp)
    local = np.arange(len(q))
    # One score buffer reused for every full block: a fresh 8 MB array per block
    # is a fresh mmap whose pages fault in again each time.
    buffer = np.empty((len(q), _VOCAB_BLOCK), dtype=np.float32) if method == "3cosadd" else None
    for v0 in range(0, n, _VOCAB_BLOCK):
        v1 = min(n, v0 + _VOCAB_BLOCK)
        block = unit[v0:v1]
        if method == "3cosadd":
            s = np.matmul(points, block.T, out=buffer if v1 - v0 == _VOCAB_BLOCK else None)
        else:
            cos = ((1.0 + terms @ block.T) / 2.0).reshape(len(q), 3, v1 - v0)
            s = (cos[:, 1] * cos[:, 2]) / (cos[:, 0] + np.float32(COSMUL_EPSILON))
        for col in (ia, ib, ic):
            inside = (col >= v0) & (col < v1)
            s[local[inside], col[inside] - v0] = -np.inf
        arg = s.argmax(axis=1)
        val = s[local, arg]
        better = val > top_score  # strict: on a tie the earlier word keeps the place
        top_score[better] = val[better]
        top_row[better] = arg[better] + v0
        check()
    return top_row


def _best_answers(
    emb: Embeddings,
    n: int,
    rows: np.ndarray,
    method: str,
    progress: Progress,
    report: Callable[[float], None],
) -> np.ndarray:
    """For each question row ``(a, b, c)`` the best row among the first ``n``, ``a, b, c`` excluded.

    Blocks of questions run on one worker thread per core: numpy releases the GIL
    in the products, and whole blocks keep the threads from waiting on each other
    (unlike BLAS's own threads, which embviz turns off).
    """
    import os
    import threading
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    unit = emb.unit
    m = len(rows)
    best = np.full(m, -1, dtype=np.intp)
    # 3CosMul scores three cosines per question: smaller blocks keep memory alike.
    step = _QUESTION_BLOCK if method == "3cosadd" else _QUESTION_BLOCK // 4
    starts = list(range(0, m, step))
    workers = max(1, min(len(starts), os.cpu_count() or 1, 4))
    done = 0
    stop = threading.Event()  # set when one block fails, so the others end early

    def check() -> None:
        progress.check()
        if stop.is_set():
            raise Cancelled()

    with ThreadPoolExecutor(workers, thread_name_prefix="embviz-evaluate") as pool:
        futures = {
            pool.submit(_block_answers, unit, n, rows[q0 : q0 + step], method, check): q0
            for q0 in starts
        }
        pending = set(futures)
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    q0 = futures[f]
                    top = f.result()  # re-raises Cancelled (or any error) from the worker
                    best[q0 : q0 + len(top)] = top
                    done += len(top)
                    report(done)
        except BaseException:
            stop.set()
            # Drop the blocks not started yet, or leaving the pool would run them all.
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return best


def _gensim_walk(
    emb: Embeddings, n: int, rows: tuple[int, int, int], ignore: set[str], vocab: _Vocab
) -> int | None:
    # gensim looks at its top 5 non-input answers and takes the first whose key is not a
    # question word; a case variant of a question word ("King" for "KING") is skipped.
    from embviz.core.analogy import top_rows

    a, b, c = rows
    values = emb.unit[:n] @ ((emb.unit[b] + emb.unit[c]) - emb.unit[a])
    inputs = {a, b, c}
    top = [int(i) for i in top_rows(values, 5 + len(inputs)) if i not in inputs][:5]
    predicted = None
    for i in top:
        predicted = i
        if vocab.key(emb.words[i]) not in ignore:
            break
    return predicted


def evaluate_analogies(
    emb: Embeddings,
    path: str | Path | None = None,
    *,
    restrict_vocab: int = DEFAULT_RESTRICT,
    case_insensitive: bool = True,
    dummy4unknown: bool = False,
    method: str = "3cosadd",
    progress: Progress = NULL_PROGRESS,
) -> AnalogyReport:
    """Run an analogy test set, as gensim's ``evaluate_word_analogies`` does, in batches.

    Parameters
    ----------
    emb
        The vectors (in frequency order, as most files are).
    path
        A ``questions-words.txt``-style file; default: gensim's copy.
    restrict_vocab
        Only the first N words are known and searched (gensim's default 300,000).
    case_insensitive
        Compare words upper-cased (gensim's default).
    dummy4unknown
        Count questions with unknown words as wrong instead of skipping them.
    method
        ``"3cosadd"`` (gensim's only method) or ``"3cosmul"`` (Levy & Goldberg).
    progress
        Reports the share of questions answered; cancel stops the run.

    Returns
    -------
    AnalogyReport
        ``sections`` without gensim's appended 'Total accuracy' (see ``accuracy``).
    """
    if method not in METHODS:
        raise EmbvizError(f"unknown method {method!r}: use one of {', '.join(METHODS)}")
    path = default_analogies() if path is None else Path(path)
    progress.report(0.0, "Reading the analogy questions…")
    raw_sections, skipped = read_analogies(path)
    vocab = _Vocab(emb, restrict_vocab, case_insensitive)
    results = [SectionResult(name) for name, _ in raw_sections]
    # (section, question, index into the answered rows or None), in file order, so the
    # lists of correct and incorrect questions come out in gensim's order.
    entries: list[tuple[int, Question, int | None]] = []
    rows: list[tuple[int, ...]] = []
    oov = questions = 0
    memo: dict[str, int | None] = {}  # a test set repeats a few hundred words many times
    for s, (_, qs) in enumerate(raw_sections):
        for q in qs:
            questions += 1
            r = [memo[w] if w in memo else memo.setdefault(w, vocab.get(w))
                 for w in (q.a, q.b, q.c, q.expected)]  # fmt: skip
            if None in r:
                oov += 1
                if dummy4unknown:
                    entries.append((s, q, None))
                continue
            entries.append((s, q, len(rows)))
            rows.append(tuple(r))
    arr = np.asarray(rows, dtype=np.intp).reshape(-1, 4)
    total = max(1, len(arr))

    def report(done: float) -> None:
        progress.report(done / total, f"Analogies: {int(done):,} of {len(arr):,} questions")

    best = _best_answers(emb, vocab.n, arr[:, :3], method, progress, report)
    canon = vocab.canonical_rows()
    for s, q, k in entries:
        if k is None:
            results[s].incorrect.append(Failure(q, None))
            continue
        r, pred = arr[k], int(best[k])
        if pred >= 0 and canon[pred] in (r[0], r[1], r[2]) and method == "3cosadd":
            ignore = {vocab.key(w) for w in (q.a, q.b, q.c)}
            pred = _gensim_walk(emb, vocab.n, (r[0], r[1], r[2]), ignore, vocab)
        if pred is not None and pred >= 0 and canon[pred] == r[3]:
            results[s].correct.append(q)
        else:
            got = emb.words[pred] if pred is not None and pred >= 0 else None
            used = tuple(emb.words[i] for i in r)
            results[s].incorrect.append(Failure(q, got, used))
    progress.report(1.0, "Analogies done")
    return AnalogyReport(
        path=str(path), restrict_vocab=vocab.n, method=method, sections=results,
        questions=questions, oov=oov, skipped_lines=skipped,
    )  # fmt: skip


# -- word pairs ------------------------------------------------------------------------------


@dataclass
class PairsReport:
    """Correlation of the vectors' cosines with human similarity judgements."""

    path: str
    pearson: float
    pearson_p: float
    spearman: float
    spearman_p: float
    pairs: int  # pairs used
    oov: int
    oov_ratio: float
    skipped_lines: list[int] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The file name, e.g. ``wordsim353.tsv``."""
        return Path(self.path).name

    def to_json(self) -> dict:
        """A JSON-ready dict: name, path, pearson, spearman, p-values, pair counts."""
        return {
            "name": self.name, "path": self.path, "pearson": self.pearson,
            "pearson_p": self.pearson_p, "spearman": self.spearman, "spearman_p": self.spearman_p,
            "pairs": self.pairs, "oov": self.oov, "oov_ratio": self.oov_ratio,
            "skipped_lines": self.skipped_lines,
        }  # fmt: skip


def evaluate_pairs(
    emb: Embeddings,
    path: str | Path,
    *,
    restrict_vocab: int = DEFAULT_RESTRICT,
    case_insensitive: bool = True,
    dummy4unknown: bool = False,
    delimiter: str = "\t",
) -> PairsReport:
    """Correlate cosine similarities with a word-pair set, as gensim's ``evaluate_word_pairs``.

    Returns
    -------
    PairsReport
        Pearson and Spearman correlations (with p-values) and the OOV ratio in percent.

    Raises
    ------
    LoadError
        For a file in the wrong format.
    EmbvizError
        When fewer than three pairs have both words in the vocabulary.
    """
    import warnings

    from scipy import stats

    pairs, skipped = read_pairs(path, delimiter)
    vocab = _Vocab(emb, restrict_vocab, case_insensitive)
    gold: list[float] = []
    model: list[float] = []
    oov = 0
    for p in pairs:
        ra, rb = vocab.get(p.a), vocab.get(p.b)
        if ra is None or rb is None:
            oov += 1
            if dummy4unknown:
                gold.append(p.score)
                model.append(0.0)
            continue
        gold.append(p.score)
        model.append(float(emb.unit[ra] @ emb.unit[rb]))
    if len(gold) < 3:
        raise EmbvizError(
            f"{path}: only {len(gold)} of {len(pairs)} pairs have both words among the first "
            f"{vocab.n:,} words: too few to correlate"
        )
    with warnings.catch_warnings():
        # Constant input (all scores equal) gives nan with a warning; nan says it plainly.
        warnings.simplefilter("ignore")
        pearson = stats.pearsonr(gold, model)
        spearman = stats.spearmanr(gold, model)
    used = len(gold)
    ratio = 100.0 * oov / (used if dummy4unknown else used + oov)
    return PairsReport(
        path=str(path), pearson=float(pearson[0]), pearson_p=float(pearson[1]),
        spearman=float(spearman[0]), spearman_p=float(spearman[1]), pairs=used, oov=oov,
        oov_ratio=ratio, skipped_lines=skipped,
    )  # fmt: skip


# -- both ---------------------------------------------------------------------------------------


@dataclass
class EvaluationReport:
    """Analogy and word-pair results of one run."""

    analogies: AnalogyReport | None
    pairs: list[PairsReport]

    def to_json(self) -> dict:
        """``{"analogies": {...}, "pairs": [...]}``."""
        return {
            "analogies": None if self.analogies is None else self.analogies.to_json(),
            "pairs": [p.to_json() for p in self.pairs],
        }


def evaluate(
    emb: Embeddings,
    analogies: str | Path | None = None,
    pairs: Sequence[str | Path] | None = None,
    *,
    restrict_vocab: int = DEFAULT_RESTRICT,
    case_insensitive: bool = True,
    method: str = "3cosadd",
    run_analogies: bool = True,
    progress: Progress = NULL_PROGRESS,
) -> EvaluationReport:
    """Run an analogy set and word-pair sets (defaults: gensim's copies).

    Pairs are cheap and run first; the analogy questions report progress and can be cancelled.
    """
    pair_paths = default_pairs() if pairs is None else [Path(p) for p in pairs]
    pair_reports = []
    for p in pair_paths:
        progress.report(0.0, f"Word pairs: {Path(p).name}")
        pair_reports.append(
            evaluate_pairs(emb, p, restrict_vocab=restrict_vocab, case_insensitive=case_insensitive)
        )
    report = None
    if run_analogies:
        report = evaluate_analogies(
            emb, analogies, restrict_vocab=restrict_vocab, case_insensitive=case_insensitive,
            method=method, progress=progress,
        )  # fmt: skip
    return EvaluationReport(report, pair_reports)


__all__ = [
    "DEFAULT_RESTRICT", "AnalogyReport", "EvaluationReport", "Failure", "Pair", "PairsReport",
    "Question", "SectionResult", "default_analogies", "default_pairs", "evaluate",
    "evaluate_analogies", "evaluate_pairs", "gensim_test_file", "read_analogies", "read_pairs",
]  # fmt: skip
