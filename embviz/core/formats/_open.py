"""Open a file for reading, transparently decompressing gzip, bz2 and xz."""

from __future__ import annotations

import bz2
import errno
import gzip
import lzma
import os
import stat
from contextlib import contextmanager
from pathlib import Path

from embviz.core.errors import LoadError
from embviz.core.i18n import QT_TRANSLATE_NOOP, translate

# Magic bytes of the compressions we read; detection is by content, not by name.
_MAGIC = {
    b"\x1f\x8b": "gzip",
    b"BZh": "bz2",
    b"\xfd7zXZ\x00": "xz",
}


def compression(head: bytes) -> str | None:
    """Return ``"gzip"``, ``"bz2"``, ``"xz"`` or ``None`` for the first bytes of a file."""
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            return name
    return None


class Reader:
    """A binary stream plus how far through the (possibly compressed) file it is.

    Attributes
    ----------
    stream
        Decompressed bytes; ``read(n)`` as for any binary file.
    compression
        ``None`` or the compression name.
    size
        Size of the file on disk in bytes.
    """

    def __init__(self, raw, stream, compression: str | None, size: int):
        self._raw = raw
        self.stream = stream
        self.compression = compression
        self.size = size

    def fraction(self) -> float:
        """How much of the file on disk has been consumed, in [0, 1]."""
        return min(1.0, self._raw.tell() / self.size) if self.size else 1.0

    def read(self, n: int = -1) -> bytes:
        """Read up to ``n`` decompressed bytes, turning decompression errors into LoadError."""
        try:
            return self.stream.read(n)
        except (OSError, EOFError, lzma.LZMAError, ValueError) as e:
            raise LoadError(
                getattr(self._raw, "name", None),
                translate("Errors", "damaged {compression} data: {error}").format(
                    compression=self.compression, error=e
                ),
            ) from None


_KINDS = ((stat.S_ISFIFO, QT_TRANSLATE_NOOP("Errors", "a FIFO (named pipe)")),
          (stat.S_ISSOCK, QT_TRANSLATE_NOOP("Errors", "a socket")),
          (stat.S_ISCHR, QT_TRANSLATE_NOOP("Errors", "a character device")),
          (stat.S_ISBLK, QT_TRANSLATE_NOOP("Errors", "a block device")))  # fmt: skip


def check_file(path: Path, *, directory: str | None = None,
               devices: bool = False) -> os.stat_result:  # fmt: skip
    """Refuse what cannot be read safely, before anything opens it; return its ``stat``.

    Opening a FIFO blocks until a writer appears and reading one never ends, so
    only regular files are read, plus (with ``devices``) a device that can
    seek, such as ``/dev/zero``, which the readers' bounds then stop.

    Parameters
    ----------
    path
        The file.
    directory
        The reason given when ``path`` is a directory, already translated
        (default: "is a directory, not a vector file").
    devices
        Also accept seekable character and block devices.

    Raises
    ------
    LoadError
        Missing, a symbolic-link loop, a directory, a FIFO, a socket or a
        device (with a message naming which).
    """
    try:
        st = os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise LoadError(path, translate(
                "Errors", "is a loop of symbolic links (each points to the next)")) from None  # fmt: skip
        if e.errno == errno.ENOENT:
            dangling = os.path.islink(path)
            raise LoadError(path, translate("Errors", "is a symbolic link to a missing file")
                            if dangling else translate("Errors", "no such file")) from None  # fmt: skip
        raise LoadError(path, translate("Errors", "cannot be read: {error}").format(
            error=e.strerror or e)) from None  # fmt: skip
    if stat.S_ISREG(st.st_mode):
        return st
    if stat.S_ISDIR(st.st_mode):
        raise LoadError(path, directory or translate("Errors", "is a directory, not a vector file"))
    kind = next((translate("Errors", name) for test, name in _KINDS if test(st.st_mode)),
                translate("Errors", "not a regular file"))  # fmt: skip
    if devices and (stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)) and _seekable(path):
        return st
    raise LoadError(path, translate("Errors", "is {kind}, not a regular file; embviz reads only "
                          "files it can seek in (save the data to a file first)").format(kind=kind))  # fmt: skip


def _seekable(path: Path) -> bool:
    try:  # non-blocking: opening a terminal or a modem line must not wait
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        os.lseek(fd, 0, os.SEEK_CUR)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


@contextmanager
def open_reader(path: Path):
    """Open ``path`` as a :class:`Reader`, decompressing by content."""
    try:
        raw = open(path, "rb")
    except OSError as e:
        raise LoadError(path, translate("Errors", "cannot be read: {error}").format(
            error=e.strerror or e)) from None  # fmt: skip
    try:
        head = raw.read(8)
        raw.seek(0)
        comp = compression(head)
        size = path.stat().st_size
        if comp == "gzip":
            stream = gzip.GzipFile(fileobj=raw, mode="rb")
        elif comp == "bz2":
            stream = bz2.BZ2File(raw, mode="rb")
        elif comp == "xz":
            stream = lzma.LZMAFile(raw, mode="rb")
        else:
            stream = raw
        yield Reader(raw, stream, comp, size)
    finally:
        raw.close()


def read_head(path: Path, n: int = 65536) -> bytes:
    """Return the first ``n`` decompressed bytes of ``path`` (fewer if it is shorter)."""
    with open_reader(path) as r:
        return r.read(n)
