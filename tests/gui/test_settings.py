"""The settings file: plain values only (a planted pickle never runs); bad values give defaults."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from embviz.gui.settings import Settings, settings_path

# Writes a QSettings value that PySide6 stores as a pickle (@Variant(PySide::PyObjectWrapper)):
# unpickling it creates the marker file.
PLANT = r"""
import os, sys
from PySide6.QtCore import QCoreApplication, QSettings
app = QCoreApplication([])

class Payload:
    def __reduce__(self):
        return (open, (sys.argv[1], "w"))

s = QSettings("embviz", "embviz")
for key in sys.argv[2:]:
    s.setValue(key, Payload())
s.sync()
"""

READ_WITH_QSETTINGS = r"""
from PySide6.QtCore import QCoreApplication, QSettings
app = QCoreApplication([])
QSettings("embviz", "embviz").value("text_scale", type=str)
"""


def _child(code, *args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code, *map(str, args)], env=env, check=True,
                   timeout=60, capture_output=True)  # fmt: skip


def _open_window(qtbot):
    from embviz.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.mark.gui
def test_a_planted_pickle_never_runs(tmp_path, qtbot):
    marker = tmp_path / "ran"
    keys = ["text_scale", "theme", "geometry", "window_state", "recent", "last_dir"]
    _child(PLANT, marker, *keys)
    conf = settings_path()
    assert "PySide::PyObjectWrapper" in conf.read_text()
    _child(READ_WITH_QSETTINGS)  # the threat is real: QSettings runs it even for type=str
    assert marker.exists()
    marker.unlink()

    win = _open_window(qtbot)
    assert win.isVisible() and win.text_scale == 1.0 and win.recent_files() == []
    win.set_text_scale(1.5)  # a write merges the file: it must not decode the rest either
    win.close()
    assert not marker.exists()
    assert "PyObjectWrapper" not in conf.read_text()  # and the payloads are gone
    assert Settings().number("text_scale", 1.0, 0.5, 4) == 1.5


PLANT_QT = r"""
import sys
from PySide6.QtCore import QCoreApplication, QSettings, QUrl
app = QCoreApplication([])

class Payload:
    def __reduce__(self):
        return (open, (sys.argv[1], "w"))

s = QSettings(QSettings.Scope.UserScope, "QtProject")
s.setValue("FileDialog/history", Payload())
s.setValue("FileDialog/inlist", [Payload()])  # inside a QVariantList
s.setValue("FileDialog/inmap", {"a": Payload()})  # inside a QVariantMap
s.setValue("FileDialog/lastVisited", QUrl("file:///tmp"))
s.setValue("FileDialog/viewMode", "Detail")
s.sync()
print(s.fileName())
"""

OPEN_FILE_DIALOG = r"""
from PySide6.QtWidgets import QApplication, QFileDialog
app = QApplication([])
d = QFileDialog(None, "Open", "/tmp")
d.show()
app.processEvents()
d.close()
"""


@pytest.mark.gui
def test_a_pickle_planted_in_qts_own_settings_never_runs(tmp_path, qtbot):
    """Qt's file dialog reads QtProject.conf through QSettings: the window cleans it first."""
    from PySide6.QtWidgets import QFileDialog

    marker = tmp_path / "ran"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", PLANT_QT, str(marker)], env=env, check=True,
                         timeout=60, capture_output=True, text=True).stdout  # fmt: skip
    conf = Path(out.strip().splitlines()[-1])
    text = conf.read_text()
    # and one split over two lines, which Qt joins (a trailing backslash continues)
    payload = next(ln for ln in text.splitlines() if ln.startswith("history="))[len("history=") :]
    conf.write_text(text + "split=\\\n" + payload + "\n")
    saved = conf.read_text()
    # (the unpickled objects may then crash it: no check of its exit status)
    subprocess.run([sys.executable, "-c", OPEN_FILE_DIALOG], env=env, check=False, timeout=60,
                   capture_output=True)  # fmt: skip
    assert marker.exists()  # the threat is real: Qt's dialog alone runs it
    marker.unlink()
    conf.write_text(saved)

    win = _open_window(qtbot)
    dialog = QFileDialog(win, "Open", str(tmp_path))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.close()
    win.close()
    assert not marker.exists()
    left = conf.read_text()
    assert "PyObjectWrapper" not in left and "split=" not in left
    assert "viewMode=Detail" in left and "lastVisited=" in left  # Qt's own values stay


BAD = """[General]
text_scale=abc
geometry=hello
window_state=@ByteArray(not a state)
theme=purple
recent=@Rect(0 0 10 10)
last_dir="a\\nb"
[Other]
x=@Variant(\\0\\0\\0\\x7f)
"""


@pytest.mark.gui
@pytest.mark.parametrize("scale", ["abc", "nan", "inf", "1e999", "-2", "99", "", "@Invalid()"])
def test_bad_values_give_the_defaults_and_the_window_opens(qtbot, scale):
    conf = settings_path()
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(BAD.replace("abc", scale))
    win = _open_window(qtbot)
    from embviz.gui import theme

    assert win.isVisible() and win.text_scale == 1.0 and theme.current() == "dark"
    assert win.recent_files() == []
    assert win.settings.text("last_dir", "home") == "home"  # one line only
    win.close()


def test_values_written_by_qsettings_read_the_same(tmp_path):
    """Files written by earlier versions (through QSettings) keep their geometry, lists, text."""
    values = {
        "geometry": bytes(range(256)) + b'0,;="\\)(' + bytes(range(255, -1, -1)),
        "text": 'a, "b"; c=d #e \\ \t  ',
        "unicode": "Müller/日本",
        "at": "@Variant(abc)",
        "recent": ["/a/b", "c,d", " e ", "@x", 'q"q'],
        "text_scale": 1.5,
        "empty": "",
    }
    code = r"""
import json, sys
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings
app = QCoreApplication([])
values = json.loads(sys.argv[1])
s = QSettings("embviz", "embviz")
for k, v in values.items():
    s.setValue(k, QByteArray(bytes.fromhex(v[4:])) if isinstance(v, str) and v.startswith("hex:") else v)
s.sync()
"""
    import json

    sent = {k: "hex:" + v.hex() if isinstance(v, bytes) else v for k, v in values.items()}
    _child(code, json.dumps(sent))
    s = Settings()
    for k, v in values.items():
        assert s.value(k) == (str(v) if isinstance(v, float) else v), k
    # ... and what we write, QSettings reads the same (an older embviz still can)
    settings_path().unlink()
    for k, v in values.items():
        Settings().setValue(k, v)
    check = r"""
import json, sys
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings
app = QCoreApplication([])
s = QSettings("embviz", "embviz")
out = {}
for k in json.loads(sys.argv[1]):
    v = s.value(k)
    out[k] = "hex:" + bytes(v).hex() if isinstance(v, QByteArray) else v
open(sys.argv[2], "w").write(json.dumps(out))
"""
    _child(check, json.dumps(list(values)), tmp_path / "out.json")
    got = json.loads((tmp_path / "out.json").read_text())
    assert got == {k: str(v) if isinstance(v, float) else v for k, v in sent.items()}


# -- fuzz: whatever the file holds, reading gives plain values or defaults ------------------
_pieces = st.sampled_from(["@ByteArray(", "@Variant(", "@@", "@Invalid()", "\\x", "\\0", "\\",
                           '"', ",", ";", "=", "[", "]", "\n", "\r", " ", "1.5", "nan", "\x00",
                           "é", "text_scale", "geometry", "theme", "recent", "[General]"])  # fmt: skip
_text = st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=40).map("".join)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_text)
def test_fuzz_any_file_reads_as_plain_values(body):
    conf = settings_path()
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(body, encoding="utf-8", errors="surrogatepass")
    s = Settings()
    for key in ("text_scale", "geometry", "theme", "recent", "window_state", "General/x"):
        v = s.value(key)
        assert v is None or isinstance(v, str | bytes) or (
            isinstance(v, list) and all(isinstance(x, str) for x in v))  # fmt: skip
    x = s.number("text_scale", 1.0, 0.5, 4.0)
    assert 0.5 <= x <= 4.0
    assert s.text("theme", "dark", ("dark", "light")) in ("dark", "light")
    assert all(isinstance(p, str) and "\n" not in p for p in s.texts("recent", 8))
    s.setValue("theme", "light")  # writing over any file works and reads back
    assert Settings().value("theme") == "light"


@pytest.mark.gui
def test_fuzz_damaged_settings_never_stop_the_window(qtbot):
    """Random bytes as geometry and window state, random texts elsewhere: the window opens."""
    rng = random.Random(int(os.environ.get("EMBVIZ_FUZZ_SEED", "16")))
    for _ in range(5):  # a window each: ~6 s apiece on CI
        s = Settings()
        s.setValue("geometry", rng.randbytes(rng.choice([0, 4, 60, 66, 300])))
        s.setValue("window_state", rng.randbytes(rng.choice([0, 8, 100, 1000])))
        s.setValue("text_scale", rng.choice(["0.5", "4", "3.9", "x", "-0", "1e308"]))
        s.setValue(
            "recent", [rng.randbytes(6).decode("latin-1") for _ in range(rng.randint(0, 12))]
        )
        win = _open_window(qtbot)
        assert win.isVisible() and 0.5 <= win.text_scale <= 4.0
        assert len(win.recent_files()) <= 8
        win.close()


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_text)
def test_fuzz_qt_settings_cleaning_is_total_and_idempotent(tmp_path, body):
    from embviz.gui.settings import sanitize_qt_settings

    conf = tmp_path / "QtProject.conf"
    # (a blank line ends whatever the body's last line continues)
    conf.write_text(body + "\n\nk=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x18PySide::PyObjectWrapper)\n",
                    encoding="utf-8", errors="surrogatepass")  # fmt: skip
    assert sanitize_qt_settings(conf) >= 1
    assert sanitize_qt_settings(conf) == 0  # nothing risky is left
