"""Training text: the shipped teaching corpus or a user's plain-text file.

Tokenisation is deliberately simple and documented for users: text is
lowercased and split on everything that is not a letter (digits, punctuation,
apostrophes and spaces all separate words), so ``"Don't stop: 3 cats!"``
becomes ``don t stop cats``. Each line is a sentence; very long lines (a whole
book on one line) are cut into pieces of :data:`MAX_SENTENCE` words, because
gensim ignores words beyond 10,000 in one sentence. Bytes that are not valid
UTF-8 count as non-letters.

Every pass (vocabulary scan, each epoch) checks the file: a small file is
tokenised once and reused while it is unchanged, a big one (over 32 MB) is
streamed from disk again, as gensim does, so memory stays small. If the file
disappears while training runs, the next pass raises a clear :class:`LoadError`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from os import PathLike
from pathlib import Path

from embviz.core.errors import LoadError

MAX_SENTENCE = 1000
CACHE_BYTES = 32 * 2**20  # files up to this size are tokenised once per run
_WORD = re.compile(r"[^\W\d_]+")
_SNIFF = 65536
_READ_BYTES = 4 << 20
_MAX_LINE = 16 << 20  # a longer line is cut between two words

SHIPPED_NAME = "teaching.txt"


def tokenize(text: str) -> list[str]:
    """Lowercase ``text`` and return its runs of letters.

    Examples
    --------
    >>> tokenize("Don't stop: 3 Cats!")
    ['don', 't', 'stop', 'cats']
    """
    return _WORD.findall(text.lower())


def shipped_corpus_path() -> Path:
    """The teaching corpus that ships with embviz (see ``resources/corpus/README.md``)."""
    from embviz.core.default_data import resources_dir

    return resources_dir() / "corpus" / SHIPPED_NAME


def shipped_watch_groups() -> dict[str, str]:
    """The words the lesson follows on the shipped corpus, each with its group.

    Groups are e.g. ``male``/``female`` (people), ``animal``/``animals``
    (singular/plural), ``number``, ``country``/``capital``.
    """
    path = shipped_corpus_path().with_name("watch.txt")
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, group = line.partition("\t")
        if word:
            out[word] = group
    return out


def shipped_watch_words() -> list[str]:
    """The words the lesson follows on the shipped corpus, grouped by topic."""
    return list(shipped_watch_groups())


class Corpus:
    """A plain-text file read as tokenised sentences; checked when opened.

    Parameters
    ----------
    path
        The text file.

    Raises
    ------
    LoadError
        The file is missing, a folder, empty, binary, or holds no words.
    """

    def __init__(self, path: str | PathLike) -> None:
        self.path = Path(path)
        self._cache: tuple[tuple[int, int], list[list[str]]] | None = None
        self._check()

    @property
    def name(self) -> str:
        """The file's name, for messages and titles."""
        return self.path.name

    def _check(self) -> None:
        from embviz.core.formats._open import check_file

        if not os.path.lexists(self.path):
            raise LoadError(self.path, "the corpus file does not exist")
        # Refuses a FIFO before open() would wait for a writer forever.
        check_file(self.path, directory="this is a folder; choose a plain-text file")
        try:
            with open(self.path, "rb") as f:
                head = f.read(_SNIFF)
        except OSError as e:
            raise LoadError(self.path, f"cannot read the corpus: {e.strerror or e}") from None
        if not head.strip():
            raise LoadError(self.path, "the corpus is empty: it needs plain text to train on")
        if _looks_binary(head):
            raise LoadError(
                self.path,
                "this looks like a binary file, not text: choose a plain-text (.txt) corpus",
            )
        if not any(True for _ in self.sentences()):
            raise LoadError(self.path, "the corpus has no words (only digits or punctuation)")

    def sentences(self) -> Iterator[list[str]]:
        """Yield the tokenised sentences from the start of the file.

        A file of up to :data:`CACHE_BYTES` is tokenised once and kept in
        memory while its size and modification time stay the same (the file
        is still checked on every pass); bigger files are streamed.

        Raises
        ------
        LoadError
            The file disappeared or became unreadable since it was opened.
        """
        try:
            st = self.path.stat()
        except OSError as e:
            raise LoadError(
                self.path,
                f"the corpus file disappeared or became unreadable during training "
                f"({e.strerror or e})",
            ) from None
        key = (st.st_size, st.st_mtime_ns)
        if self._cache is not None and self._cache[0] == key:
            yield from self._cache[1]
            return
        if st.st_size > CACHE_BYTES:
            yield from self._read()
            return
        sentences = list(self._read())
        self._cache = (key, sentences)
        yield from sentences

    def _read(self) -> Iterator[list[str]]:
        try:
            f = open(self.path, "rb")
        except OSError as e:
            raise LoadError(
                self.path,
                f"the corpus file disappeared or became unreadable during training "
                f"({e.strerror or e})",
            ) from None
        try:
            for raw in _lines(f):
                words = tokenize(raw.decode("utf-8", errors="replace"))
                for i in range(0, len(words), MAX_SENTENCE):
                    yield words[i : i + MAX_SENTENCE]
        except OSError as e:
            raise LoadError(self.path, f"reading the corpus failed: {e.strerror or e}") from None
        finally:
            f.close()


def _lines(f) -> Iterator[bytes]:
    # Big reads, split here: iterating the file line by line refills an 8 KB
    # buffer with a read() that releases and retakes the GIL each time, and a
    # thread doing that keeps the GUI thread waiting for the GIL (CPython's
    # "convoy effect") — training stalled the window for 150+ ms at a time.
    rest = b""
    while block := f.read(_READ_BYTES):
        lines = (rest + block).split(b"\n")
        rest = lines.pop()
        yield from lines
        if len(rest) > _MAX_LINE:
            # No line break for megabytes (a whole book on one line, or a file of
            # zeros): cut at the last space so memory stays bounded.
            cut = rest.rfind(b" ") + 1 or len(rest)
            yield rest[:cut]
            rest = rest[cut:]
    if rest:
        yield rest


def _looks_binary(head: bytes) -> bool:
    # NUL never appears in text; many other control bytes mean a binary format.
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def open_corpus(path: str | PathLike | None) -> Corpus:
    """Open ``path`` as a corpus; ``None`` opens the shipped teaching corpus."""
    return Corpus(shipped_corpus_path() if path is None else path)
