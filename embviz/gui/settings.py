"""The window's remembered settings, read and written as plain text, never unpickled.

PySide6's ``QSettings`` turns a value stored as ``@Variant(...PySide::PyObjectWrapper...)``
back into a Python object with :mod:`pickle` — whether it is read with
``value()``, with ``value(type=str)``, or merely merged when another value is
written — so a settings file could run code at start-up. This module reads the
same INI file (``~/.config/embviz/embviz.conf``, where ``QSettings("embviz",
"embviz")`` kept it) itself: a value is text, a list of texts or bytes
(``@ByteArray(...)``), and anything else (``@Variant``, ``@Rect``, ...) is
ignored as if absent. The typed getters check every value and return the
default for anything out of place, so a damaged file cannot keep the window
from opening. Writes replace the file atomically and drop ``@Variant`` values.
"""

from __future__ import annotations

import math
import os
import tempfile
from pathlib import Path

MAX_FILE_BYTES = 1 << 20
"""A settings file larger than this is ignored (defaults are used)."""

Value = str | bytes | list[str]

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "'": "'", '"': '"', "?": "?", "\\": "\\", ";": ";", ",": ",", "=": "="}  # fmt: skip
_HEX = "0123456789abcdefABCDEF"


def settings_path() -> Path:
    """The settings file: ``$XDG_CONFIG_HOME/embviz/embviz.conf`` on Linux."""
    import platformdirs

    return Path(platformdirs.user_config_dir("embviz", appauthor=False)) / "embviz.conf"


def _unescape(text: str) -> list[str]:
    """Qt's INI value syntax: backslash escapes, ``"quoted"`` parts, ``,`` between list items.

    Spaces around an item are dropped unless quoted or escaped.
    """
    items: list[str] = []
    cur: list[str] = []
    keep = 0  # cur[:keep] holds quoted or escaped characters: never stripped
    quoted = False

    def end_item() -> None:
        item = "".join(cur[:keep]) + "".join(cur[keep:]).rstrip()
        items.append(item)

    i = 0
    while i < len(text):
        c = text[i]
        i += 1
        if c == '"':
            quoted = not quoted
            keep = len(cur)
        elif c == "\\" and i < len(text):
            e = text[i]
            i += 1
            if e == "x":  # \xHHHH: any number of hex digits, as Qt reads them
                j = i
                while j < len(text) and text[j] in _HEX:
                    j += 1
                cur.append(chr(min(int(text[i:j] or "0", 16), 0x10FFFF)))
                i = j
            elif e in "01234567":  # \0, \012: octal, as many digits as follow
                j = i
                while j < len(text) and text[j] in "01234567":
                    j += 1
                cur.append(chr(min(int(text[i - 1 : j], 8), 0x10FFFF)))
                i = j
            else:
                cur.append(_ESCAPES.get(e, e))
            keep = len(cur)
        elif c == "," and not quoted:
            end_item()
            cur, keep = [], 0
        elif quoted:
            cur.append(c)
            keep = len(cur)
        elif c.isspace() and not cur:
            continue  # a space before the item
        else:
            cur.append(c)
    end_item()
    return items


def _decode(raw: str) -> Value | None:
    """A value from its text in the file; ``None`` for what this module never reads."""
    items = _unescape(raw.strip())
    if len(items) > 1:
        return [s[1:] if s.startswith("@@") else s for s in items]
    s = items[0]
    if s.startswith("@@"):
        return s[1:]
    if s.startswith("@ByteArray(") and s.endswith(")"):
        body = s[len("@ByteArray(") : -1]
        try:
            return body.encode("latin-1")
        except UnicodeEncodeError:
            return None
    if s.startswith("@"):  # @Variant (possibly a pickle), @Invalid, @Rect, ...: never decoded
        return None
    return s


def _escape(s: str, *, ascii_only: bool = False) -> str:
    out = []
    hex_next = False  # after \xHH a hex digit must be escaped too, or it would join the number
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[c])
        elif (
            ord(c) < 0x20
            or ord(c) == 0x7F
            or (ascii_only and ord(c) > 0x7F)
            or (hex_next and c in _HEX)
        ):
            out.append(f"\\x{ord(c):x}")
            hex_next = True
            continue
        else:
            out.append(c)
        hex_next = False
    text = "".join(out)
    if not s or s != s.strip() or any(c in s for c in ",;=#"):
        text = f'"{text}"'
    return text


def _encode(value: Value) -> str:
    if isinstance(value, bytes | bytearray):
        return _escape("@ByteArray(" + bytes(value).decode("latin-1") + ")", ascii_only=True)
    if isinstance(value, list):
        if not value:
            return "@Invalid()"
        return ", ".join(_escape("@" + v if v.startswith("@") else v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return _escape("@" + value if value.startswith("@") else value)


def _read_raw(path: Path) -> dict[str, str]:
    """``{"key": value text}`` (``"section/key"`` outside ``[General]``); ``{}`` if unreadable."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError:
        return {}
    if len(data) > MAX_FILE_BYTES:
        return {}
    text = data.decode("utf-8", errors="replace")
    out: dict[str, str] = {}
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in ";#":
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip()
            section = "" if name == "General" else name + "/"
            continue
        key, sep, value = line.partition("=")
        if sep and key.strip():
            out[section + key.strip()] = value
    return out


class Settings:
    """Plain-typed settings in an INI file (the subset of ``QSettings``' format embviz uses).

    ``value``/``setValue`` keep ``QSettings``' names, so reading code looks the
    same; the typed getters are what the window uses.
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else settings_path()
        self._raw = _read_raw(self.path)

    def value(self, key: str, default: Value | None = None) -> Value | None:
        """The value of ``key`` as text, a list of texts or bytes; ``default`` if absent or unreadable."""
        raw = self._raw.get(key)
        if raw is None:
            return default
        got = _decode(raw)
        return default if got is None else got

    def text(self, key: str, default: str, choices: tuple[str, ...] | None = None) -> str:
        """A text value; ``default`` unless it is one line of text (and one of ``choices``)."""
        v = self.value(key)
        if not isinstance(v, str) or "\n" in v or (choices is not None and v not in choices):
            return default
        return v

    def number(self, key: str, default: float, lo: float, hi: float) -> float:
        """A finite number from ``lo`` to ``hi``; ``default`` otherwise."""
        v = self.value(key)
        try:
            x = float(v) if isinstance(v, str) and len(v) < 40 else default
        except ValueError:
            return default
        return x if math.isfinite(x) and lo <= x <= hi else default

    def data(self, key: str) -> bytes | None:
        """Bytes (``@ByteArray``), e.g. a saved window geometry; ``None`` otherwise."""
        v = self.value(key)
        return v if isinstance(v, bytes) else None

    def texts(self, key: str, limit: int) -> list[str]:
        """A list of at most ``limit`` one-line texts (a single text is a list of one)."""
        v = self.value(key)
        items = [v] if isinstance(v, str) else v if isinstance(v, list) else []
        return [s for s in items if s and "\n" not in s][:limit]

    def setValue(self, key: str, value: Value | int | float | bool) -> None:  # QSettings. name
        """Store ``value`` and write the file at once (atomically; failures are ignored).

        Other keys are kept as the file now has them (another window may have
        written it), except ``@Variant`` values, which are dropped.
        """
        raw = {k: v for k, v in _read_raw(self.path).items()
               if not v.strip().startswith("@Variant(")}  # fmt: skip
        raw[key] = _encode(value)
        self._raw = raw
        sections: dict[str, list[str]] = {}
        for k, v in raw.items():
            section, _, name = k.rpartition("/")
            sections.setdefault(section or "General", []).append(f"{name}={v}")
        text = "".join(f"[{s}]\n" + "\n".join(lines) + "\n\n" for s, lines in sections.items())
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".embviz.", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(text)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # settings are a convenience: a read-only home must not stop the app


# -- Qt's own settings file ------------------------------------------------------------------
# Types whose stream holds further QVariants or names a type registered at run time.
_RISKY_TYPES = {8, 9, 28, 58, 127}  # QVariantMap, -List, -Hash, -Pair, a type by name
_QT_USER_TYPES = 65536  # QMetaType::User: the first id of types registered at run time


def qt_settings_path() -> Path:
    """``QtProject.conf``, which Qt's own file and colour dialogs read through ``QSettings``."""
    import platformdirs

    return Path(platformdirs.user_config_dir()) / "QtProject.conf"


def _risky(raw: str) -> bool:
    """Whether a value holds a ``@Variant`` that could name a type registered at run time."""
    for item in _unescape(raw.strip()):
        if not item.startswith("@Variant("):
            continue
        body = item[len("@Variant(") :].encode("latin-1", "replace")
        type_id = int.from_bytes(body[:4].ljust(4, b"\0"), "big")
        if type_id in _RISKY_TYPES or type_id >= _QT_USER_TYPES or b"PyObject" in body:
            return True
    return False


def _logical_lines(lines: list[str]) -> list[list[str]]:
    """Physical lines grouped as Qt reads them (an odd number of trailing backslashes continues)."""
    out: list[list[str]] = []
    cur: list[str] = []
    for line in lines:
        cur.append(line)
        body = line.rstrip("\r\n")
        if (len(body) - len(body.rstrip("\\"))) % 2 == 0:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def sanitize_qt_settings(path: str | os.PathLike | None = None) -> int:
    """Remove from Qt's own settings file every value that could be unpickled.

    Qt's file dialog reads ``QtProject.conf`` with ``QSettings`` in C++, and
    PySide6 has registered ``PySide::PyObjectWrapper`` there: a value of that
    type (also inside a list or map) is unpickled when the dialog opens, so
    File → Open would run a planted payload. Qt itself stores only simple
    built-in types there (strings, URLs, bytes), which are kept. Call before
    any Qt dialog opens. Returns how many values were removed; a file that
    cannot be read or written is left alone.
    """
    p = Path(path) if path is not None else qt_settings_path()
    try:
        with open(p, encoding="utf-8", errors="surrogateescape", newline="") as f:
            lines = f.readlines()
    except OSError:
        return 0
    keep: list[str] = []
    dropped = 0
    for group in _logical_lines(lines):
        text = "".join(ln.rstrip("\r\n")[:-1] if i < len(group) - 1 else ln
                       for i, ln in enumerate(group))  # fmt: skip
        if "=" in text and _risky(text.split("=", 1)[1]):
            dropped += 1
        else:
            keep.extend(group)
    if dropped:
        try:
            fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".QtProject.", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape",
                               newline="") as f:  # fmt: skip
                    f.writelines(keep)
                os.chmod(tmp, p.stat().st_mode & 0o777)
                os.replace(tmp, p)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return 0
    return dropped
