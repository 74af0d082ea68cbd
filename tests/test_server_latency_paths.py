"""What the server's (and the command's) faster paths must keep: the same nodes, findings and
messages as the plain ways of computing them. Behaviour only; timing lives in benchmarks/."""

from __future__ import annotations

import ast
import gc
import weakref
from pathlib import Path

import pytest

from flake8_qiskit_migrate import engine
from flake8_qiskit_migrate.nodes import nodes
from flake8_qiskit_migrate.registry import Settings

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
