"""Every fixture file and every file of the regression corpus (``tests/corpus``: legacy-style
programs written the way 2019-2024 tutorials and notebooks were) runs through the engine;
inline comments give the exact expectations.

A comment ``# QKM301: 12`` on a line expects that code at that line and 1-based column (the
column flake8 prints); ``# ok`` (or ``; ok`` after expectations) marks a negative case. A first line
``# settings: ...`` sets the engine's settings for that file (see ``settings``).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from flake8_qiskit_migrate.engine import check
from flake8_qiskit_migrate.registry import Settings

FIXTURES = Path(__file__).parent / "fixtures"
FILES = sorted(FIXTURES.glob("*.py"))
CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.py"))
EXPECTATION = re.compile(r"\b(QKM\d{3}):\s*(\d+)")
NEGATIVE = re.compile(r"(^#|;)\s*ok\b")


def comments(path: Path) -> list[tuple[int, str]]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
    return [(t.start[0], t.string) for t in tokens if t.type == tokenize.COMMENT]


def expected(path: Path) -> list[tuple[int, int, str]]:
    return sorted(
        (line, int(col), code)
        for line, text in comments(path)
        for code, col in EXPECTATION.findall(text)
    )


def settings(source: str) -> Settings:
    """A first line ``# settings: backend_names=a,b; runtime=>=0.50; qiskit=1.4.6;
    explicit=QKM6`` sets the receiver names, the targeted qiskit-ibm-runtime and qiskit
    releases and the explicit selectors."""
    first = source.partition("\n")[0]
    if not first.startswith("# settings: "):
        return Settings()
    fields = dict(item.strip().partition("=")[::2] for item in first[12:].split(";"))
    return Settings(
        backend_names=frozenset(fields["backend_names"].split(","))
        if "backend_names" in fields else Settings.backend_names,
        targets=tuple((package, fields[key]) for key, package in (
            ("runtime", "qiskit-ibm-runtime"), ("qiskit", "qiskit")) if key in fields),
        explicit=tuple(fields["explicit"].split(",")) if "explicit" in fields else (),
    )


def actual(path: Path) -> list[tuple[int, int, str]]:
    source = path.read_text()
    findings = check(ast.parse(source), source, settings=settings(source))
    return sorted((f.line, f.col + 1, f.code) for f in findings)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_fixture(path: Path) -> None:
    assert actual(path) == expected(path)


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_program(path: Path) -> None:
    assert actual(path) == expected(path)


def test_every_fixture_has_negative_cases() -> None:
    files = [*FILES, *CORPUS]
    missing = [p.name for p in files if not any(NEGATIVE.search(text) for _, text in comments(p))]
    assert missing == [] and len(CORPUS) >= 6
