"""What the server's (and the command's) faster paths must keep: the same nodes, findings and
messages as the plain ways of computing them. Behaviour only; timing lives in benchmarks/."""

from __future__ import annotations

import ast
import gc
import random
import sys
import weakref
from pathlib import Path

import pytest

from flake8_qiskit_migrate import engine
from flake8_qiskit_migrate.core.diagnostics import Diagnostic, ParseError, diagnose
from flake8_qiskit_migrate.core.filters import Selection
from flake8_qiskit_migrate.core.reparse import Reparser
from flake8_qiskit_migrate.core.sources import Source
from flake8_qiskit_migrate.nodes import nodes
from flake8_qiskit_migrate.registry import Settings
from flake8_qiskit_migrate.server import checking

TESTS = Path(__file__).parent
PROGRAMS = sorted(p for folder in ("fixtures", "corpus", "migrations")
                  for p in (TESTS / folder).rglob("*.py"))
# The context and operator markers: shared singletons, never asked for.
MARKERS = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.name)
def test_module_nodes_are_those_of_ast_walk_in_its_order(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    walked = [n for n in ast.walk(tree) if not isinstance(n, MARKERS)]
    found = nodes(tree)
    for kind in {type(n) for n in walked}:
        assert found.of(kind) == [n for n in walked if type(n) is kind], kind.__name__
    assert found.parents == {id(child): parent for parent in walked
                             for child in ast.iter_child_nodes(parent)
                             if not isinstance(child, MARKERS)}


def test_module_nodes_follow_the_module_asked_about() -> None:
    first, second = ast.parse("a = 1\n"), ast.parse("b = 2\nc = 3\n")
    assert [n.id for n in nodes(first).of(ast.Name)] == ["a"]
    assert [n.id for n in nodes(second).of(ast.Name)] == ["b", "c"]
    assert [n.id for n in nodes(first).of(ast.Name)] == ["a"]
    assert nodes(second).of(ast.Try) == []


@pytest.mark.parametrize("path", sorted((TESTS / "fixtures").glob("QKM*.py")),
                         ids=lambda p: p.name)  # every rule, and its fix
def test_a_checked_tree_is_freed_when_its_check_ends(path: Path) -> None:
    """No cycle through the walker and no whole-module memo keeps a module's tree (and every
    later garbage collection walking it) alive after its check, fixes included."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    alive = weakref.ref(tree)
    gc.disable()
    try:
        gc.collect()
        engine.check(tree, source, settings=Settings(explicit=("QKM",)))
        del tree
        assert alive() is None
        assert gc.collect() == 0  # the check left no cyclic garbage either
    finally:
        gc.enable()


LEGACY = "from qiskit import execute\njob = execute(circuit, backend)\n"


def diagnosed(code: str) -> list[Diagnostic]:
    return diagnose(Source("m.py", code, text=code), Selection.build(None, [], []), Settings(),
                    lambda: None, with_fixes=True)


def _inside(name: str) -> bool:
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_name != name:
        frame = frame.f_back  # type: ignore[assignment]
    return frame is not None


def test_no_collection_runs_while_a_module_is_checked() -> None:
    collections: list[int] = []  # (the one the check's allocations owe runs when it is over)

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and _inside("_diagnose"):
            collections.append(info["generation"])
    gc.callbacks.append(seen)
    try:
        found = diagnosed(LEGACY * 2000)  # allocates far past the collector's thresholds
    finally:
        gc.callbacks.remove(seen)
    assert [d.code for d in found[:2]] == ["QKM101", "QKM101"]
    assert collections == []
    assert gc.isenabled()


def test_the_collector_is_as_it_was_after_a_check_even_one_that_fails() -> None:
    with pytest.raises(ParseError):
        diagnosed("from qiskit import execute\nexecute(\n")
    assert gc.isenabled()
    gc.disable()
    try:
        diagnosed(LEGACY)
        assert not gc.isenabled()  # the user's choice is kept
    finally:
        gc.enable()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the programs' own escapes
@pytest.mark.parametrize("path", PROGRAMS[1::4], ids=lambda p: p.name)
def test_a_document_reparsed_edit_after_edit_has_the_findings_of_a_fresh_check(
        path: Path, tmp_path: Path) -> None:
    """The server's ``Reparser`` hands the engine trees that share statements with the last
    check's (and moves them down when lines are added): the findings and fixes must be those
    of a check that parses the whole text."""
    resolved = checking.resolve(tmp_path, checking.EditorSettings())
    lines = path.read_text(encoding="utf-8").split("\n")
    parser = Reparser()
    chance = random.Random(path.name)
    for step in range(12):
        row = chance.randrange(len(lines))
        indent = lines[row][:len(lines[row]) - len(lines[row].lstrip())]
        if step % 3 == 2 and len(lines) > 1:
            del lines[row]
        else:
            lines.insert(row, f"{indent}x_{step} = {step}")
        code = "\n".join(lines)
        again = checking.check(str(tmp_path / "m.py"), code, resolved, parse=parser.parse)
        fresh = checking.check(str(tmp_path / "m.py"), code, resolved)
        assert [(d.position, d.code, d.finding.edits, d.fix) for d in again.diagnostics] == [
            (d.position, d.code, d.finding.edits, d.fix) for d in fresh.diagnostics]
        assert again.problem == fresh.problem
