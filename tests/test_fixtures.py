"""Every fixture file runs through the engine; inline comments give the exact expectations.

A comment ``# QKM301: 12`` on a line expects that code at that line and 1-based column (the
column flake8 prints); ``# ok`` marks a negative case that must stay silent.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from flake8_qiskit_migrate.engine import check

FIXTURES = Path(__file__).parent / "fixtures"
FILES = sorted(FIXTURES.glob("*.py"))
EXPECTATION = re.compile(r"\b(QKM\d{3}):\s*(\d+)")


def comments(path: Path) -> list[tuple[int, str]]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
    return [(t.start[0], t.string) for t in tokens if t.type == tokenize.COMMENT]


def expected(path: Path) -> list[tuple[int, int, str]]:
    return sorted(
        (line, int(col), code)
        for line, text in comments(path)
        for code, col in EXPECTATION.findall(text)
    )


def actual(path: Path) -> list[tuple[int, int, str]]:
    source = path.read_text()
    return sorted((f.line, f.col + 1, f.code) for f in check(ast.parse(source), source))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_fixture(path: Path) -> None:
    assert actual(path) == expected(path)


def test_every_fixture_has_negative_cases() -> None:
    missing = [p.name for p in FILES if not any("# ok" in text for _, text in comments(p))]
    assert missing == []
