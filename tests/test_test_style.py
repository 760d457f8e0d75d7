"""The tests' own rules: no fixed waits, no test module importing another (issue 17).

A fixed ``qtbot.wait(150)`` passes on a quiet machine and fails on a loaded
one; tests wait for the thing they need (``qtbot.waitUntil``,
``qtbot.waitSignal``, ``tests.helpers.deliver_posted_events``). Shared
fixtures live in a ``conftest.py`` and shared helpers in ``tests/helpers.py``,
so that no test module imports another.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _sources(root: Path = TESTS) -> dict[str, ast.Module]:
    return {
        str(p.relative_to(root.parent)): ast.parse(p.read_text(encoding="utf-8"), str(p))
        for p in sorted(root.rglob("*.py"))
    }


def _is_number(node: ast.expr) -> bool:
    """A literal number, or arithmetic on literal numbers (``2 * 100``, ``-5``)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, int | float) and not isinstance(node.value, bool)
    if isinstance(node, ast.UnaryOp):
        return _is_number(node.operand)
    if isinstance(node, ast.BinOp):
        return _is_number(node.left) and _is_number(node.right)
    return False


def _receiver(func: ast.expr) -> str | None:
    """``qtbot`` for ``qtbot.wait`` and ``self.qtbot.wait``; ``QTest`` for ``QTest.qWait``."""
    if not isinstance(func, ast.Attribute):
        return None
    value = func.value
    if isinstance(value, ast.Name):
        return value.id
    if isinstance(value, ast.Attribute):
        return value.attr
    return None


def fixed_waits(tree: ast.Module) -> list[int]:
    """Line numbers of ``qtbot.wait(<number>)``, ``QTest.qWait(<number>)`` and the like."""
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name, who = node.func.attr, _receiver(node.func)
        waits = (name == "wait" and who is not None and who.endswith("qtbot")) or (
            name in ("qWait", "qSleep") and who == "QTest"
        )
        args = list(node.args) + [k.value for k in node.keywords if k.arg in ("ms", "timeout")]
        if waits and args and _is_number(args[0]):
            lines.append(node.lineno)
    return sorted(lines)


def _names(node: ast.Import | ast.ImportFrom) -> list[str]:
    """What an import statement names: ``tests.gui.test_x``, ``.test_x.helper``..."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    base = "." * node.level + (node.module or "")
    return [base] + [f"{base.rstrip('.')}.{a.name}" if node.module else base + a.name
                     for a in node.names]  # fmt: skip


def imports_of_test_modules(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, name) of each import of a test module, at the top or inside a function."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        for name in _names(node):
            parts = name.lstrip(".").split(".")
            ours = name.startswith(".") or parts[0] == "tests"
            if ours and any(p.startswith("test_") for p in parts):
                found.append((node.lineno, name))
                break
    return sorted(found)


def test_no_fixed_waits_in_the_tests():
    found = [f"{path}:{line}" for path, tree in _sources().items() for line in fixed_waits(tree)]
    assert not found, (
        "a fixed wait passes on a quiet machine and fails on a busy one; wait for the "
        "condition instead (qtbot.waitUntil / waitSignal, tests.helpers):\n" + "\n".join(found)
    )


def test_no_test_module_imports_another():
    found = [
        f"{path}:{line} imports {module}"
        for path, tree in _sources().items()
        for line, module in imports_of_test_modules(tree)
    ]
    assert not found, (
        "shared fixtures belong in a conftest.py, shared helpers in tests/helpers.py:\n"
        + "\n".join(found)
    )


def test_the_checks_find_what_they_look_for():
    # each check, on code it must flag and code it must let pass
    bad = ast.parse(
        "def t(qtbot):\n"
        "    qtbot.wait(150)\n"
        "    self.qtbot.wait(2 * 50)\n"
        "    QTest.qWait(10)\n"
        "    qtbot.wait(ms=20)\n"
        "    from tests.core.test_training import tiny_corpus\n"
        "import tests.gui.test_view3d\n"
        "from tests.gui import test_view3d\n"
        "from .test_panel_fit import visible_rect\n"
    )
    assert fixed_waits(bad) == [2, 3, 4, 5]
    assert [line for line, _ in imports_of_test_modules(bad)] == [6, 7, 8, 9]
    good = ast.parse(
        "def t(qtbot, job):\n"
        "    qtbot.waitUntil(lambda: True, timeout=1000)\n"
        "    qtbot.wait(self.rng.choice([0, 5]))\n"
        "    job.wait(50)\n"
        "    release.wait(10)\n"
        "    from tests.helpers import tiny_corpus\n"
        "from tests.context_model import installed_model\n"
        "from embviz.gui import view3d\n"
    )
    assert fixed_waits(good) == [] and imports_of_test_modules(good) == []
