"""Will the vectors fit in memory? Checked before a long load starts."""

from __future__ import annotations

import os
from pathlib import Path

from embviz.core.formats._errors import TooLargeError

WORD_BYTES = 80
"""Rough memory per word beyond its vector (a Python str and its list slot)."""


def available_memory() -> int:
    """Bytes of memory available to a new allocation without swapping."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return 1 << 62  # unknown: do not refuse


def estimate_rows(path: Path, head: bytes, *, compressed: bool) -> int:
    """Estimate the number of lines of a text file from its first bytes and size."""
    lines = head.count(b"\n")
    size = path.stat().st_size * (4 if compressed else 1)  # typical text ratio
    if lines == 0:
        return 1
    return max(1, int(size / (len(head[: head.rfind(b"\n") + 1]) / lines)))


def check_fits(path: Path, rows: int, dim: int, *, limit: int | None, sample: int | None) -> None:
    """Raise :class:`TooLargeError` if ``rows × dim`` float32 would not fit in memory."""
    n = min(rows, limit or rows, sample or rows)
    per_row = dim * 4 + WORD_BYTES
    need = n * per_row
    avail = available_memory()
    if need > 0.8 * avail:
        fit = max(1, int(0.5 * avail / per_row))
        raise TooLargeError(path, need, avail, rows, min(fit, rows))
