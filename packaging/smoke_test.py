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
       "traceback", "fatal python error", "segmentation fault")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("binary", nargs="?", default="dist/embviz/embviz")
    ap.add_argument("--shot", default="shots/frozen.png")
    ap.add_argument("--wait", type=float, default=15.0)
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
        proc = subprocess.Popen([str(binary)], stdout=out, stderr=subprocess.STDOUT, env=env,
                                cwd=home)  # fmt: skip
        time.sleep(args.wait)
        alive = proc.poll() is None
        Path(args.shot).parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["import", "-window", "root", args.shot], check=True)
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
    problems += check_screenshot(args.shot)
    print(text.strip() or "(no output)")
    if problems:
        print("smoke: FAILED: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"smoke: OK — window shown, screenshot {args.shot}")
    return 0


def check_screenshot(path: str) -> list[str]:
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
    if point < 200:
        out.append(f"too few word points visible ({point} samples)")
    return out


if __name__ == "__main__":
    sys.exit(main())
