"""Start the frozen app under Xvfb, wait, screenshot, and check it really runs.

    python packaging/smoke_test.py [dist/embviz/embviz] [--shot shots/frozen.png]

Fails (exit 1) if the app exits early, prints a platform-plugin or import
error, or the screenshot does not show the 3D view's background and points.
Needs Xvfb (xvfb-run) when there is no $DISPLAY.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BAD = ("could not load the qt platform plugin", "modulenotfounderror", "importerror",
       "traceback", "fatal python error", "segmentation fault",
       "translation not found")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("binary", nargs="?", default="dist/embviz/embviz")
    ap.add_argument("--shot", default="shots/frozen.png")
    ap.add_argument("--wait", type=float, default=15.0)
    ap.add_argument("--train", action="store_true",
                    help="start with --train: the Train panel's worker process must run "
                         "(in the frozen app it is the app itself, started by freeze_support)")  # fmt: skip
    ap.add_argument("--lang", help="start with --lang LANG: its translations must be in the bundle")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        if not shutil.which("xvfb-run"):
            print("smoke: no $DISPLAY and no xvfb-run", file=sys.stderr)
            return 1
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
                               sys.executable, *sys.argv])  # fmt: skip
    binary = Path(args.binary).resolve()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = "/usr/bin:/bin"  # no venv: the bundle must bring its own Python
    home = tempfile.mkdtemp(prefix="embviz-smoke-")
    env["HOME"] = home
    log = Path(home) / "out.log"
    with open(log, "w") as out:
        cmd = [str(binary), *(["--train"] if args.train else []),
               *(["--lang", args.lang] if args.lang else [])]  # fmt: skip
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=home)
        workers: set[str] = set()
        end = time.monotonic() + args.wait
        while time.monotonic() < end:
            workers |= _worker_processes(proc.pid)
            time.sleep(0.2)
        alive = proc.poll() is None
        Path(args.shot).parent.mkdir(parents=True, exist_ok=True)
        from PIL import ImageGrab  # the whole X screen, as ImageMagick's import would

        ImageGrab.grab().save(args.shot)
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    text = log.read_text(errors="replace")
    problems = []
    if not alive:
        problems.append(f"the app exited early with code {proc.returncode}")
    problems += [f"output mentions {b!r}" for b in BAD if b in text.lower()]
    problems += check_screenshot(args.shot, train=args.train)
    if args.train and not workers:
        problems.append("no training worker process was seen")
    if args.train:
        print(f"smoke: training worker processes seen: {sorted(workers)}")
    print(text.strip() or "(no output)")
    if problems:
        print("smoke: FAILED: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"smoke: OK — window shown, screenshot {args.shot}")
    return 0


def _worker_processes(parent: int) -> set[str]:
    """Command lines of ``parent``'s children started as multiprocessing workers."""
    found = set()
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
        if ppid == parent and "multiprocessing" in cmd:
            found.add(f"{d.name}: {cmd.strip()[:120]}")
    return found


def check_screenshot(path: str, train: bool = False) -> list[str]:
    from PIL import Image

    img = Image.open(path).convert("RGB")
    px = img.load()
    w, h = img.size
    bg = point = 0
    for y in range(0, h, 2):
        for x in range(0, w, 2):
            r, g, b = px[x, y]
            if abs(r - 18) < 4 and abs(g - 20) < 4 and abs(b - 28) < 4:
                bg += 1
            elif abs(r - 110) < 30 and abs(g - 170) < 30 and b > 220:
                point += 1
    out = []
    if bg < 20_000:
        out.append(f"3D view background not visible ({bg} samples)")
    if point < (50 if train else 200):  # the Train panel covers part of the view
        out.append(f"too few word points visible ({point} samples)")
    return out


if __name__ == "__main__":
    sys.exit(main())
