"""Training text: the shipped teaching corpus or a user's plain-text file.

Tokenisation is deliberately simple and documented for users: text is
lowercased and split on everything that is not a letter (digits, punctuation,
apostrophes and spaces all separate words), so ``"Don't stop: 3 cats!"``
becomes ``don t stop cats``. Each line is a sentence; very long lines (a whole
book on one line) are cut into pieces of :data:`MAX_SENTENCE` words, because
gensim ignores words beyond 10,000 in one sentence. Bytes that are not valid
UTF-8 count as non-letters.

Chinese. Chinese is written without spaces, so the rule above would make a
whole sentence one "word". Text holding Han characters is therefore cut into
words, and :attr:`Corpus.segmentation_note` says how:

- already space-separated (a Han character, spaces, a Han character at least
  once per ten Han characters in the first 64 KB): kept as it is;
- otherwise with `jieba <https://github.com/fxsjy/jieba>`_ (the optional extra
  ``embviz[zh]``), using its dictionary and, when there is none beside the
  corpus, its HMM guesses for new words. A jieba user dictionary named like
  the corpus with ``.dict.txt`` (``teaching_zh.txt`` → ``teaching_zh.dict.txt``,
  lines ``word [frequency]``) is loaded, and then jieba cuts by dictionary
  only, so the words are exactly the dictionary's;
- without jieba: one character per word, and the note says so.

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
from embviz.core.i18n import QT_TRANSLATE_NOOP, translate

MAX_SENTENCE = 1000
MAX_USER_DICT = 16 * 2**20  # a jieba user dictionary larger than this is refused
CACHE_BYTES = 32 * 2**20  # files up to this size are tokenised once per run
_WORD = re.compile(r"[^\W\d_]+")
_SNIFF = 65536
_READ_BYTES = 4 << 20
_MAX_LINE = 16 << 20  # a longer line is cut between two words

SHIPPED_NAME = "teaching.txt"
SHIPPED = {"en": ("teaching.txt", "watch.txt"), "zh": ("teaching_zh.txt", "watch_zh.txt")}
"""The shipped teaching corpora by language: corpus file and watched-words file."""

# CJK Unified Ideographs, Extension A and the compatibility block.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{_HAN}]")
_HAN_RUN = re.compile(f"([{_HAN}]+)")
_HAN_GAP = re.compile(f"[{_HAN}][ \t\u3000]+(?=[{_HAN}])")


def tokenize(text: str) -> list[str]:
    """Lowercase ``text`` and return its runs of letters.

    Examples
    --------
    >>> tokenize("Don't stop: 3 Cats!")
    ['don', 't', 'stop', 'cats']
    """
    return _WORD.findall(text.lower())


def shipped_corpus_path(language: str = "en") -> Path:
    """A teaching corpus that ships with embviz: ``"en"`` or ``"zh"`` (see ``resources/corpus/README.md``)."""
    from embviz.core.default_data import resources_dir

    if language not in SHIPPED:
        raise LoadError(
            language,
            translate("Errors", "no shipped corpus for {language!r}: use {known}").format(
                language=language, known=" or ".join(SHIPPED)
            ),
        )
    return resources_dir() / "corpus" / SHIPPED[language][0]


def shipped_language(path: str | PathLike | None) -> str | None:
    """The language of the shipped corpus at ``path`` (``None`` = English), else ``None``."""
    if path is None:
        return "en"
    for lang in SHIPPED:
        try:
            if Path(path).resolve() == shipped_corpus_path(lang).resolve():
                return lang
        except OSError:
            return None
    return None


def shipped_watch_groups(language: str = "en") -> dict[str, str]:
    """The words the lesson follows on a shipped corpus, each with its group.

    Groups are e.g. ``male``/``female`` (people), ``animal``/``animals``
    (singular/plural), ``number``, ``country``/``capital``.
    """
    path = shipped_corpus_path(language).with_name(SHIPPED[language][1])
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, group = line.partition("\t")
        if word:
            out[word] = group
    return out


def shipped_watch_words(language: str = "en") -> list[str]:
    """The words the lesson follows on a shipped corpus, grouped by topic."""
    return list(shipped_watch_groups(language))


def chinese_layout(text: str) -> str:
    """How ``text`` writes Chinese: ``"none"``, ``"spaces"`` (already segmented) or ``"raw"``."""
    han = len(_HAN_CHAR.findall(text))
    if not han:
        return "none"
    return "spaces" if len(_HAN_GAP.findall(text)) * 10 >= han else "raw"


class _Jieba:
    """A private jieba tokenizer (the global one stays untouched), with an optional user dictionary."""

    def __init__(self, user_dict: Path | None):
        import logging
        import warnings

        with warnings.catch_warnings():  # old setuptools: pkg_resources is deprecated
            warnings.simplefilter("ignore")
            import jieba
        jieba.setLogLevel(logging.WARNING)  # it logs every dictionary load to stderr
        self.version = getattr(jieba, "__version__", "")
        self.tk = jieba.Tokenizer()
        # jieba's own cache lives in the shared temporary folder; keep ours private
        from embviz.core.formats._cache import cache_dir

        tmp = cache_dir().parent / "jieba"
        try:
            tmp.mkdir(parents=True, exist_ok=True)
            self.tk.tmp_dir = str(tmp)
        except OSError:
            pass  # jieba then rebuilds its dictionary each time: slower, still right
        self.user_dict = user_dict
        self.hmm = user_dict is None
        # now, not at the first cut: a missing dictionary (a broken install or bundle)
        # raises OSError here, and the corpus falls back to characters, saying so
        self.tk.initialize()
        if user_dict is not None:
            for word, freq in _read_user_dict(user_dict):
                self.tk.add_word(word, freq)

    def cut(self, text: str) -> list[str]:
        return [w for w in self.tk.lcut(text, HMM=self.hmm) if w.strip()]


def _read_user_dict(path: Path) -> list[tuple[str, int | None]]:
    try:
        if path.stat().st_size > MAX_USER_DICT:
            raise LoadError(
                path,
                translate("Errors", "the jieba dictionary is larger than {mb} MB").format(
                    mb=MAX_USER_DICT >> 20
                ),
            )
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise LoadError(
            path, translate("Errors", "the jieba dictionary must be UTF-8 text")
        ) from None
    except OSError as e:
        raise LoadError(
            path,
            translate("Errors", "cannot read the jieba dictionary: {error}").format(
                error=e.strerror or e
            ),
        ) from None
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts:
            continue
        freq = None
        if len(parts) > 1:
            if not parts[1].isdigit():
                raise LoadError(
                    path,
                    translate(
                        "Errors", "line {n}: expected 'word [frequency]', got {text!r}"
                    ).format(n=n, text=line[:60]),
                )
            freq = int(parts[1])
        out.append((parts[0], freq))
    return out


class Corpus:
    """A plain-text file read as tokenised sentences; checked when opened.

    Parameters
    ----------
    path
        The text file.
    user_dict
        A jieba user dictionary for Chinese text; by default ``NAME.dict.txt``
        beside ``NAME.txt`` when it exists.

    Attributes
    ----------
    segmentation
        How Chinese text is cut: ``"none"`` (no Chinese seen), ``"spaces"``,
        ``"jieba"`` or ``"characters"`` (jieba is not installed).

    Raises
    ------
    LoadError
        The file is missing, a folder, empty, binary, or holds no words.
    """

    def __init__(self, path: str | PathLike, user_dict: str | PathLike | None = None) -> None:
        self.path = Path(path)
        self._cache: tuple[tuple[int, int], list[list[str]]] | None = None
        if user_dict is None:
            beside = self.path.with_name(self.path.stem + ".dict.txt")
            user_dict = beside if beside.is_file() else None
        self.user_dict = Path(user_dict) if user_dict is not None else None
        self.segmentation = "none"
        self._layout = "none"
        self._jieba: _Jieba | None = None
        self._jieba_error = ""
        self._check()

    @property
    def segmentation_note(self) -> str | None:
        """One sentence saying how Chinese text was cut into words (``None`` if none was seen)."""
        parts = self.segmentation_parts
        return None if parts is None else parts[0].format(**parts[1])

    @property
    def segmentation_parts(self) -> tuple[str, dict[str, str]] | None:
        """:attr:`segmentation_note` as an English template and its values.

        The template is marked for translation (context ``Corpus``): the GUI,
        which gets it from the training process, shows it in its language.
        """
        if self.segmentation == "spaces":
            text = QT_TRANSLATE_NOOP(
                "Corpus", "Chinese text already separated by spaces: kept as it is"
            )
            return text, {}
        if self.segmentation == "jieba":
            assert self._jieba is not None
            if self.user_dict:
                text = QT_TRANSLATE_NOOP(
                    "Corpus",
                    "Chinese text segmented into words by jieba {version} with the dictionary {dictionary}",
                )
                return text, {"version": self._jieba.version, "dictionary": self.user_dict.name}
            text = QT_TRANSLATE_NOOP(
                "Corpus",
                "Chinese text segmented into words by jieba {version} with its dictionary and HMM",
            )
            return text, {"version": self._jieba.version}
        if self.segmentation == "characters":
            if self._jieba_error:
                text = QT_TRANSLATE_NOOP(
                    "Corpus", "Chinese text split into single characters: {error}"
                )
                return text, {"error": str(self._jieba_error)}
            text = QT_TRANSLATE_NOOP(
                "Corpus",
                "Chinese text split into single characters: jieba is not installed "
                "(pip install 'embviz[zh]' segments it into words)",
            )
            return text, {}
        return None

    def _segmenter(self):
        """Cut a run of Han characters into words: jieba, or one character each without it."""
        if self.segmentation not in ("jieba", "characters"):
            try:
                self._jieba = _Jieba(self.user_dict)
                self.segmentation = "jieba"
            except ImportError:
                self.segmentation = "characters"
            except OSError as e:
                self.segmentation = "characters"
                self._jieba_error = f"jieba cannot read its dictionary ({e.strerror or e})"
        return self._jieba.cut if self._jieba is not None else list

    def tokenize(self, text: str) -> list[str]:
        """Cut one line into words as this corpus does (:func:`tokenize`, Chinese segmented)."""
        if not _HAN_CHAR.search(text):
            return tokenize(text)
        if self._layout == "spaces":
            self.segmentation = "spaces"
            return tokenize(text)
        cut = self._segmenter()
        out: list[str] = []
        for i, part in enumerate(_HAN_RUN.split(text.lower())):
            out.extend(cut(part) if i % 2 else _WORD.findall(part))
        return out

    @property
    def name(self) -> str:
        """The file's name, for messages and titles."""
        return self.path.name

    def _check(self) -> None:
        from embviz.core.formats._open import check_file

        if not os.path.lexists(self.path):
            raise LoadError(self.path, translate("Errors", "the corpus file does not exist"))
        # Refuses a FIFO before open() would wait for a writer forever.
        check_file(
            self.path, directory=translate("Errors", "this is a folder; choose a plain-text file")
        )
        try:
            with open(self.path, "rb") as f:
                head = f.read(_SNIFF)
        except OSError as e:
            raise LoadError(
                self.path,
                translate("Errors", "cannot read the corpus: {error}").format(
                    error=e.strerror or e
                ),
            ) from None
        if not head.strip():
            raise LoadError(
                self.path,
                translate("Errors", "the corpus is empty: it needs plain text to train on"),
            )
        if _looks_binary(head):
            raise LoadError(
                self.path,
                translate(
                    "Errors",
                    "this looks like a binary file, not text: choose a plain-text (.txt) corpus",
                ),
            )
        self._layout = chinese_layout(head.decode("utf-8", errors="replace"))
        if self._layout == "spaces":
            self.segmentation = "spaces"
        elif self._layout == "raw":
            self._segmenter()
        if not any(True for _ in self.sentences()):
            raise LoadError(
                self.path,
                translate("Errors", "the corpus has no words (only digits or punctuation)"),
            )

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
                translate(
                    "Errors",
                    "the corpus file disappeared or became unreadable during training ({error})",
                ).format(error=e.strerror or e),
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
                translate(
                    "Errors",
                    "the corpus file disappeared or became unreadable during training ({error})",
                ).format(error=e.strerror or e),
            ) from None
        try:
            for raw in _lines(f):
                words = self.tokenize(raw.decode("utf-8", errors="replace"))
                for i in range(0, len(words), MAX_SENTENCE):
                    yield words[i : i + MAX_SENTENCE]
        except OSError as e:
            raise LoadError(
                self.path,
                translate("Errors", "reading the corpus failed: {error}").format(
                    error=e.strerror or e
                ),
            ) from None
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
    """Open ``path`` as a corpus; ``None`` opens the shipped (English) teaching corpus."""
    return Corpus(shipped_corpus_path() if path is None else path)
