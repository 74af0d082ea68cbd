"""The flake8 plugin reports without working out fixes (flake8 shows none): the same findings
as a check that computes them, and no fixer is asked."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flake8_qiskit_migrate import registry
from flake8_qiskit_migrate.engine import check
from flake8_qiskit_migrate.plugin import QiskitMigrateChecker

ROOT = Path(__file__).resolve().parent
FILES = sorted([*ROOT.glob("fixtures/QKM1*.py"), *ROOT.glob("corpus/*.py"),
                *ROOT.glob("migrations/m0*.py")])


def _plugin(path: Path) -> list[tuple[int, int, str]]:
    text = path.read_text()
    checker = QiskitMigrateChecker(ast.parse(text), str(path), text.splitlines(keepends=True))
    return [(line, col, message) for line, col, message, _ in checker.run()]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_plugin_finds_what_a_check_with_fixes_finds(path: Path) -> None:
    text = path.read_text()
    with_fixes = check(ast.parse(text), text)
    assert _plugin(path) == [(f.line, f.col, f.message) for f in with_fixes]


def test_no_fixer_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("a fixer was asked")
    monkeypatch.setattr(registry.REGISTRY, "fixers", {c: refuse for c in registry.REGISTRY.fixers})
    monkeypatch.setattr(registry.REGISTRY, "group_fixers",
                        {g: refuse for g in registry.REGISTRY.group_fixers})
    path = ROOT / "migrations" / "m01_aer_namespace.py"
    text = path.read_text()
    with pytest.raises(AssertionError, match="a fixer was asked"):
        check(ast.parse(text), text)  # a check that computes fixes asks them
    assert _plugin(path)  # the plugin finds, and asks none
