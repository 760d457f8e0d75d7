"""The translation sources are complete and current (issue #20); no display needed.

For each ``embviz/i18n/*.ts``, ``pyside6-lupdate`` is run again over the files
it covers, into a temporary copy: nothing may come out unfinished (a new or
changed string) or obsolete (a string gone from the code). Every source file
with translatable text must be covered by some ``.ts``, and each translation
keeps its source's ``{placeholders}``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "embviz" / "i18n"
TS_FILES = sorted(I18N.glob("*.ts"))
# a call lupdate reads: self.tr("…"), QCoreApplication.translate("Ctx", "…"), QT_TRANSLATE_NOOP
MARKS = re.compile(
    r"""\btr\(\s*["']|\b(translate|QT_TRANSLATE_NOOP)\(\s*["'][^"']*["']\s*,\s*["']"""
)
PLACEHOLDER = re.compile(r"\{\w*(?:[:!][^{}]*)?\}")


def _lupdate() -> str:
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    if exe.exists():
        return str(exe)
    found = shutil.which("pyside6-lupdate")
    if not found:
        pytest.skip("pyside6-lupdate is not installed")
    return found


def _covered(ts: Path) -> list[Path]:
    """The source files ``ts`` holds strings of (its ``<location>`` elements)."""
    root = ET.parse(ts).getroot()
    names = {loc.get("filename") for loc in root.iter("location") if loc.get("filename")}
    return sorted((ts.parent / n).resolve() for n in names)


def _messages(ts: Path):
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            yield ctx.findtext("name"), msg


def test_there_is_a_chinese_source_for_the_main_interface():
    assert I18N / "zh_CN_main.ts" in TS_FILES


def test_the_core_error_messages_have_their_own_area():
    """zh_CN_core.ts holds the core's errors (context "Errors"); the GUI areas hold none of its files."""
    core = I18N / "zh_CN_core.ts"
    assert core in TS_FILES
    files = _covered(core)
    for name in (
        "errors.py",
        "expressions.py",
        "formats/_text.py",
        "formats/_open.py",
        "corpus.py",
    ):
        assert (ROOT / "embviz" / "core" / name).resolve() in files, name
    errors = [src for ctx, msg in _messages(core) if ctx == "Errors"
              for src in [msg.findtext("source")]]  # fmt: skip
    assert len(errors) > 200, len(errors)
    main = _covered(I18N / "zh_CN_main.ts")
    assert not [f for f in main if "core" in f.parts], "core files belong to zh_CN_core.ts"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_lupdate_finds_nothing_unfinished_or_obsolete(ts, tmp_path):
    files = _covered(ts)
    assert files, f"{ts.name} holds no strings"
    missing = [f for f in files if not f.exists()]
    assert not missing, f"{ts.name} names files that are gone: {missing}"
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    # without -no-obsolete: strings no longer in the code come out as vanished/obsolete
    out = subprocess.run([_lupdate(), *map(str, files), "-ts", str(copy)],
                         capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert out.returncode == 0, out.stderr
    bad = [(ctx, msg.findtext("source"), msg.find("translation").get("type"))
           for ctx, msg in _messages(copy)
           if msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]  # fmt: skip
    assert not bad, f"{ts.name}: update it (docs/architecture.md, Translation):\n" + "\n".join(
        f"  {kind}: {ctx}: {src!r}" for ctx, src, kind in bad
    )


def test_every_file_with_translatable_text_is_in_a_ts():
    covered = {f for ts in TS_FILES for f in _covered(ts)}
    marked = [p.resolve() for p in sorted((ROOT / "embviz").rglob("*.py"))
              if p.name != "i18n.py" and MARKS.search(p.read_text(encoding="utf-8"))]  # fmt: skip
    assert marked, "no translatable text found: the pattern is wrong"
    left = [str(p.relative_to(ROOT)) for p in marked if p not in covered]
    assert not left, f"translatable text in files no .ts covers: {left}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_the_placeholders(ts):
    wrong = []
    for ctx, msg in _messages(ts):
        src, tr = msg.findtext("source") or "", msg.findtext("translation") or ""
        if set(PLACEHOLDER.findall(src)) != set(PLACEHOLDER.findall(tr)):
            wrong.append((ctx, src, tr))
        if "&" in src and re.search(r"&\w", src) and not re.search(r"&\w", tr):
            wrong.append((ctx, src, tr + "   <- no keyboard accelerator"))
    assert not wrong, "\n".join(f"{c}: {s!r} -> {t!r}" for c, s, t in wrong)
