"""Every rule's example reports the rule; every "use instead" snippet reports nothing."""

from __future__ import annotations

import ast

import pytest

from flake8_qiskit_migrate.engine import REGISTRY, check
from flake8_qiskit_migrate.snippets import snippets

CODES = [rule.code for rule in REGISTRY]


def codes(source: str) -> set[str]:
    return {finding.code for finding in check(ast.parse(source), source)}


@pytest.mark.parametrize("code", CODES)
def test_example_reports_its_rule(code: str) -> None:
    example, _ = snippets(code)
    assert code in codes(example)


@pytest.mark.parametrize("code", CODES)
def test_use_instead_reports_nothing(code: str) -> None:
    _, use_instead = snippets(code)
    assert codes(use_instead) == set()
