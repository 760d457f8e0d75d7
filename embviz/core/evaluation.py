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
matrix each time), 3CosAdd questions are answered by
:mod:`embviz.core.bounded_search` from a few hundred candidates each where
bounds prove that enough; the rest (and 3CosMul) score blocks of questions
against blocks of the vocabulary with one matrix product and keep a running
best per question.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np

from embviz.core import bounded_search
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


class Question(NamedTuple):
    """One analogy question ``a : b :: c : expected``, as written in the file.

    A named tuple: a test set makes ~20,000 of them, three times faster than a
    frozen dataclass.
    """

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


_MAX_TEST_SET_BYTES = 256 << 20  # test sets are a few MB; larger is almost surely a wrong file


def _lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text without its newline)``.

    Raises
    ------
    LoadError
        Not a file, too large for a test set, or undecodable bytes (naming the line).
    """
    p = Path(path)
    if not p.is_file():
        raise LoadError(p, "no such file" if not p.exists() else "not a regular file")
    size = p.stat().st_size
    if size > _MAX_TEST_SET_BYTES:
        raise LoadError(p, f"is {size / 1e6:,.0f} MB; a test set is a text file of a few MB")
    data = p.read_bytes()  # one decode of the whole file: 3× faster than line by line
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise LoadError(p, "not UTF-8 text (is this a test-set file?)", line) from None
    yield from enumerate(text.split("\n"), 1)


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
        keys = [w.upper() for w in words] if case_insensitive else words
        # Built backwards so that the first (most frequent) variant is written last
        # and wins, as in gensim's reversed dict comprehension.
        backwards = zip(reversed(keys), range(self.n - 1, -1, -1), strict=True)
        self.key_to_row: dict[str, int] = dict(backwards)
        self._words = words

    def key(self, word: str) -> str:
        return word.upper() if self.case_insensitive else word

    def get(self, word: str) -> int | None:
        return self.key_to_row.get(self.key(word))

    def canonical(self, rows: np.ndarray) -> np.ndarray:
        """For each row, the row that stands for its key (itself unless a later case variant)."""
        words, table = self._words, self.key_to_row
        if self.case_insensitive:
            keys = (words[i].upper() for i in rows.tolist())
        else:  # a repeated word still stands for its first row
            keys = (words[i] for i in rows.tolist())
        return np.fromiter((table[k] for k in keys), np.intp, len(rows))


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


def _answers(
    emb: Embeddings,
    n: int,
    rows: np.ndarray,
    sections: np.ndarray,
    method: str,
    progress: Progress,
    report: Callable[[float], None],
) -> np.ndarray:
    """The best row for each question: by section bounds where they settle it, else a full scan."""
    if method != "3cosadd" or not bounded_search.worthwhile(n, rows, sections):
        return _best_answers(emb, n, rows, method, progress, report)
    best = bounded_search.best_answers(emb.unit, n, rows, sections, progress.check, report)
    rest = np.flatnonzero(best < 0)
    if len(rest):
        settled = len(rows) - len(rest)
        best[rest] = _best_answers(emb, n, rows[rest], method, progress,
                                   lambda done: report(settled + done))  # fmt: skip
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
    with _collector_paused():
        return _evaluate_analogies(emb, path, restrict_vocab, case_insensitive, dummy4unknown,
                                   method, progress)  # fmt: skip


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold off Python's cyclic garbage collector while a run builds its result.

    A run makes ~60,000 small objects (questions, rows, failures); the
    collections they triggered took 20–30 ms of a 0.2 s run. Nothing here makes
    reference cycles, so nothing waits for the collector.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _evaluate_analogies(emb, path, restrict_vocab, case_insensitive, dummy4unknown, method,
                        progress) -> AnalogyReport:  # fmt: skip
    path = default_analogies() if path is None else Path(path)
    progress.report(0.0, "Reading the analogy questions…")
    raw_sections, skipped = read_analogies(path)
    vocab = _Vocab(emb, restrict_vocab, case_insensitive)
    results = [SectionResult(name) for name, _ in raw_sections]
    questions = [q for _, qs in raw_sections for q in qs]  # in file order, as gensim lists them
    section_of = np.repeat(np.arange(len(raw_sections)), [len(qs) for _, qs in raw_sections])
    # A test set repeats a few hundred words many times: look each up once.
    get = vocab.get
    row_of = {w: -1 if (r := get(w)) is None else r for w in {w for q in questions for w in q[:4]}}
    every = np.fromiter((row_of[w] for q in questions for w in q[:4]), np.intp, 4 * len(questions))
    every = every.reshape(-1, 4)
    known = (every >= 0).all(axis=1)
    oov = len(questions) - int(known.sum())
    answered = np.flatnonzero(known)  # question index of each answered row
    arr = every[answered]
    total = max(1, len(arr))

    def report(done: float) -> None:
        progress.report(done / total, f"Analogies: {int(done):,} of {len(arr):,} questions")

    best = _answers(emb, vocab.n, arr[:, :3], section_of[answered], method, progress, report)
    # Which answers are right, decided for all at once: a Python loop over numpy
    # scalars took ~30 ms of a 30,000-word run.
    found = best >= 0
    canon = np.full(len(best), -1, dtype=np.intp)
    distinct, back = np.unique(best[found], return_inverse=True)
    canon[found] = vocab.canonical(distinct)[back]
    walk = found & ((canon == arr[:, 0]) | (canon == arr[:, 1]) | (canon == arr[:, 2]))
    if method == "3cosadd":
        for k in np.flatnonzero(walk).tolist():
            q = questions[answered[k]]
            ignore = {vocab.key(w) for w in (q.a, q.b, q.c)}
            pred = _gensim_walk(emb, vocab.n, tuple(arr[k, :3].tolist()), ignore, vocab)
            best[k] = -1 if pred is None else pred
            canon[k] = -1 if pred is None else vocab.canonical(np.array([pred]))[0]
    right = ((best >= 0) & (canon == arr[:, 3])).tolist()
    answers, rows_used = best.tolist(), arr.tolist()
    row_index = np.cumsum(known).tolist()  # 1 + the answered row of each known question
    words = emb.words
    for i, (q, s, ok) in enumerate(
        zip(questions, section_of.tolist(), known.tolist(), strict=True)
    ):
        if not ok:
            if dummy4unknown:
                results[s].incorrect.append(Failure(q, None))
            continue
        k = row_index[i] - 1
        if right[k]:
            results[s].correct.append(q)
        else:
            pred = answers[k]
            used = tuple(words[j] for j in rows_used[k])
            results[s].incorrect.append(Failure(q, words[pred] if pred >= 0 else None, used))
    progress.report(1.0, "Analogies done")
    return AnalogyReport(
        path=str(path), restrict_vocab=vocab.n, method=method, sections=results,
        questions=len(questions), oov=oov, skipped_lines=skipped,
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
    problem: str | None = None  # why there are no correlations (too few known pairs)

    @property
    def name(self) -> str:
        """The file name, e.g. ``wordsim353.tsv``."""
        return Path(self.path).name

    def to_json(self) -> dict:
        """A JSON-ready dict: name, path, pearson, spearman, p-values, pair counts, problem."""

        def number(x: float) -> float | None:
            return None if self.problem else x

        return {
            "name": self.name, "path": self.path, "pearson": number(self.pearson),
            "pearson_p": number(self.pearson_p), "spearman": number(self.spearman),
            "spearman_p": number(self.spearman_p), "pairs": self.pairs, "oov": self.oov,
            "oov_ratio": number(self.oov_ratio), "skipped_lines": self.skipped_lines,
            "problem": self.problem,
        }  # fmt: skip


class TooFewPairsError(EmbvizError):
    """Fewer than three pairs of a similarity set have both words in the vocabulary."""

    def __init__(self, message: str, pairs: int, oov: int):
        super().__init__(message)
        self.pairs, self.oov = pairs, oov


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
    TooFewPairsError
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
        raise TooFewPairsError(
            f"{path}: only {len(gold)} of {len(pairs)} pairs have both words among the first "
            f"{vocab.n:,} words: too few to correlate",
            len(gold), oov,
        )  # fmt: skip
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
    A similarity set that shares too few pairs with the vocabulary (a small
    trained model, a low ``restrict_vocab``) is reported with its ``problem``
    instead of stopping the run; a file in the wrong format still raises.
    """
    pair_paths = default_pairs() if pairs is None else [Path(p) for p in pairs]
    pair_reports = []
    for p in pair_paths:
        progress.report(0.0, f"Word pairs: {Path(p).name}")
        try:
            rep = evaluate_pairs(emb, p, restrict_vocab=restrict_vocab,
                                 case_insensitive=case_insensitive)  # fmt: skip
        except TooFewPairsError as e:
            nan = float("nan")
            rep = PairsReport(path=str(p), pearson=nan, pearson_p=nan, spearman=nan,
                              spearman_p=nan, pairs=e.pairs, oov=e.oov, oov_ratio=nan,
                              problem=str(e))  # fmt: skip
        pair_reports.append(rep)
    report = None
    if run_analogies:
        report = evaluate_analogies(
            emb, analogies, restrict_vocab=restrict_vocab, case_insensitive=case_insensitive,
            method=method, progress=progress,
        )  # fmt: skip
    return EvaluationReport(report, pair_reports)


__all__ = [
    "DEFAULT_RESTRICT", "AnalogyReport", "EvaluationReport", "Failure", "Pair", "PairsReport",
    "Question", "SectionResult", "TooFewPairsError", "default_analogies", "default_pairs", "evaluate",
    "evaluate_analogies", "evaluate_pairs", "gensim_test_file", "read_analogies", "read_pairs",
]  # fmt: skip
