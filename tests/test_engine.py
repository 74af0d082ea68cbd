"""Engine behaviour that fixtures cannot show: robustness and the fast path."""

from __future__ import annotations

import ast

import pytest

from flake8_qiskit_migrate import engine
from flake8_qiskit_migrate.engine import check


def codes(source: str, package: str | None = None) -> list[tuple[int, int, str]]:
    findings = check(ast.parse(source), source, package=lambda: package)
    return [(f.line, f.col, f.code) for f in findings]


def test_long_operator_chain_is_walked_without_recursion() -> None:
    source = "import qiskit\ny = 1" + " + 1" * 2500 + "\nqiskit.IBMQ\n"
    assert codes(source) == [(3, 0, "QKM203")]


CHAIN = "import qiskit\nqiskit.IBMQ\nx = qiskit" + ".f()" * 1200 + "\nqiskit.IBMQ\n"


def test_long_call_chain_is_checked_to_the_end() -> None:
    assert codes(CHAIN) == [(2, 0, "QKM203"), (4, 0, "QKM203")]


def test_too_deep_nesting_keeps_findings_made_before_it(monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(engine, "_RECURSION_LIMIT", 100)  # below the interpreter's own limit
    assert codes(CHAIN) == [(2, 0, "QKM203")]
    assert "nesting too deep" in caplog.text


def test_module_without_qiskit_is_skipped_by_the_gate() -> None:
    source = "import os\nos.path.join('a')\n"
    assert codes(source) == []


def test_relative_import_resolves_inside_a_qiskit_package() -> None:
    source = "from .sampler import Sampler\nSampler()\n"
    found = codes(source, package="qiskit.primitives")
    assert found == [(1, 21, "QKM301"), (2, 0, "QKM301")]


def test_relative_import_without_package_shadows_but_reports_nothing() -> None:
    source = "from qiskit.primitives import Sampler\nfrom .local import Sampler\nSampler()\n"
    assert codes(source) == [(1, 30, "QKM301")]
