"""Every rule's example reports the rule; every "use instead" snippet reports nothing."""

from __future__ import annotations

import ast

import pytest

from flake8_qiskit_migrate.engine import REGISTRY, check
from flake8_qiskit_migrate.registry import Settings
from flake8_qiskit_migrate.snippets import snippets

CODES = [rule.code for rule in REGISTRY]
# Every rule on, opt-in ones included, with the newest releases targeted: a "use instead"
# snippet must not use anything any rule reports, deprecated-in-the-newest-release included.
EVERYTHING = Settings(explicit=("QKM1", "QKM2", "QKM3", "QKM4", "QKM5", "QKM6", "QKM7"))


def codes(source: str) -> set[str]:
    return {finding.code for finding in check(ast.parse(source), source, settings=EVERYTHING)}


@pytest.mark.parametrize("code", CODES)
def test_example_reports_its_rule(code: str) -> None:
    example, _ = snippets(code)
    assert code in codes(example)


@pytest.mark.parametrize("code", CODES)
def test_use_instead_reports_nothing(code: str) -> None:
    _, use_instead = snippets(code)
    assert codes(use_instead) == set()
