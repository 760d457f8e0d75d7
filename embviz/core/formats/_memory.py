"""Will the vectors fit in memory? Checked before a long load starts.

The budget (README, "Safety and robustness"): a load uses at most its
estimated result size × 1.5 + 300 MB, or refuses before it starts. Each reader
therefore estimates its result from what the file declares *and* what its
size allows (a header may lie), and compressed text, whose size says little,
is checked again as rows arrive.
"""

from __future__ import annotations

import os
from pathlib import Path

from embviz.core.formats._errors import TooLargeError
from embviz.core.i18n import translate

WORD_BYTES = 80
"""Rough memory per word beyond its vector (a Python str and its list slot)."""

SLACK = 300 << 20
"""The fixed part of the budget: parse buffers, threads, libraries."""


def _cgroup_room() -> int | None:
    """Bytes left under a cgroup v2 memory limit (containers), if there is one."""
    try:
        with open("/sys/fs/cgroup/memory.max", encoding="ascii") as f:
            limit = f.read().strip()
        if limit == "max":
            return None
        with open("/sys/fs/cgroup/memory.current", encoding="ascii") as f:
            return int(limit) - int(f.read())
    except (OSError, ValueError):
        return None


def _address_space_room() -> int | None:
    """Bytes left under ``ulimit -v`` (``RLIMIT_AS``), if it is set."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return None
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            used = next(int(ln.split()[1]) * 1024 for ln in f if ln.startswith("VmSize:"))
    except (OSError, ValueError, StopIteration):
        return None
    return soft - used


def available_memory() -> int:
    """Bytes of memory available to a new allocation without swapping or failing.

    The smallest of the system's available memory, the room left under a
    container's (cgroup) limit and under the process' address-space limit.
    """
    found = [r for r in (_cgroup_room(), _address_space_room()) if r is not None]
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    found.append(int(line.split()[1]) * 1024)
                    break
    except (OSError, ValueError, IndexError):
        pass
    if not found:
        try:
            found.append(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
        except (OSError, ValueError, AttributeError):
            return 1 << 62  # unknown: do not refuse
    return max(0, min(found))


def estimate_rows(path: Path, head: bytes, *, compressed: bool,
                  consumed: float | None = None) -> int:  # fmt: skip
    """Estimate the number of lines of a text file from its first bytes.

    A compressed file's lines are extrapolated from ``consumed``, the fraction
    of the file on disk that gave ``head``, never from a typical ratio (zeros
    compress 1000-fold); without it, the rows of ``head`` alone. The streamed
    load checks again as rows arrive.
    """
    lines = head.count(b"\n")
    if lines == 0:
        return 1
    if compressed:
        return max(lines, int(lines / consumed)) if consumed else lines
    return max(1, int(path.stat().st_size / (len(head[: head.rfind(b"\n") + 1]) / lines)))


def check_fits(path: Path, rows: int, dim: int, *, limit: int | None, sample: int | None,
               extra: int = 0) -> None:  # fmt: skip
    """Raise :class:`TooLargeError` if ``rows × dim`` float32 would not fit in memory.

    ``extra`` is memory the load needs besides the result (bytes).
    """
    n = min(rows, limit or rows, sample or rows)
    per_row = dim * 4 + WORD_BYTES
    need = n * per_row + extra
    avail = available_memory()
    if need > 0.8 * avail:
        fit = max(1, int(0.5 * max(avail - extra, 0) / per_row))
        raise TooLargeError(path, need, avail, rows, min(fit, rows))


def check_bytes(path: Path, need: int, what: str) -> None:
    """Refuse a load whose result of ``need`` bytes would not fit (no sample offered)."""
    from embviz.core.errors import LoadError

    avail = available_memory()
    if need > 0.8 * avail:
        gb = 1024**3
        raise LoadError(path, translate("Errors", "{what} needs about {need:.1f} GB of memory but "
                              "only {available:.1f} GB is available").format(
                                  what=what, need=need / gb, available=avail / gb))  # fmt: skip
