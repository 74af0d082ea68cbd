"""What the check's faster whole-module questions must keep: the nodes ``ast.walk`` finds, in
its order, and the fixes the per-finding walks gave; and that a module with many findings is
walked a fixed number of times, not once per finding. Behaviour only; timing lives in
benchmarks/."""

from __future__ import annotations

import ast
import asyncio
import gc
import weakref
from pathlib import Path
from typing import Any

import pytest

from flake8_qiskit_migrate import engine
from flake8_qiskit_migrate.core.diagnostics import diagnose
from flake8_qiskit_migrate.core.filters import Selection
from flake8_qiskit_migrate.core.sources import Source
from flake8_qiskit_migrate.edits import apply
from flake8_qiskit_migrate.nodes import nodes
from flake8_qiskit_migrate.registry import Settings

MARKERS = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
# Every shape whose fields hold something other than a plain node or list of nodes: a
# ``**`` entry (a None key), a keyword-only parameter without default (a None default),
# ``global`` names, ``match`` patterns with names and attribute names, constants, f-strings.
SHAPES = '''\
import os, sys as system
from . import sibling
from .pkg import (a as b, c)


@decorator(1, key=2)
async def function(x, /, y: int = 1, *args: str, z, w=3, **kwargs) -> dict[str, int]:
    global counter
    counter += 1
    data = {**kwargs, "k": [v async for v in args if v], "n": None}
    match data:
        case {"k": [first, *rest], **others}:
            return first
        case Point(x=0, y=yy) | Point(1, 2) as point if yy > 0:
            return point
        case [1, 2.5, "s", None, True]:
            pass
        case _:
            pass
    async with lock as (one, two):
        async for item in stream:
            yield f"{item!r:>{width}} {x:.2f}"
    try:
        del data["k"], x
    except* (ValueError, TypeError) as group:
        raise RuntimeError from group
    finally:
        lambda q=1, *, r: q if r else -q
    return {k: v for k, v in data.items()}, {s for s in "ab"}, (g for g in ()), a[1:2, ::3]


class Shape(Base, metaclass=Meta):
    side: float = 1.0
    def area(self) -> float:
        nonlocal_value = (yield)
        return self.side ** 2 if not nonlocal_value else -self.side @ other
'''


def test_the_index_holds_the_nodes_of_ast_walk_in_its_order_for_every_field_shape() -> None:
    tree = ast.parse(SHAPES, type_comments=True)
    walked = [n for n in ast.walk(tree) if not isinstance(n, MARKERS)]
    found = nodes(tree)
    kinds = {type(n) for n in walked}
    assert {ast.Dict, ast.arguments, ast.Global, ast.MatchClass, ast.MatchMapping,
            ast.MatchStar, ast.MatchAs, ast.FormattedValue, ast.TryStar} <= kinds
    assert sum(len(found.of(kind)) for kind in kinds) == len(walked)  # no None, no string
    for kind in kinds:
        assert found.of(kind) == [n for n in walked if type(n) is kind], kind.__name__
    assert found.parents == {id(child): parent for parent in walked
                             for child in ast.iter_child_nodes(parent)
                             if not isinstance(child, MARKERS)}


def _fixed(code: str) -> str:
    findings = engine.check(ast.parse(code), code, settings=Settings(explicit=("QKM",)))
    return apply(code, [f.edits for f in findings if f.code == "QKM203" and f.edits])[0]


@pytest.mark.parametrize("use", [
    "IBMQ = None\n", "def IBMQ():\n    pass\n", "class IBMQ:\n    pass\n",
    "def f(IBMQ):\n    pass\n", "print(IBMQ)\n", '__all__ = ["IBMQ"]\n',
    '__all__ += ["QuantumCircuit", "IBMQ"]\n', '__all__: list[str] = ["IBMQ"]\n',
])
def test_an_import_the_module_mentions_again_is_kept(use: str) -> None:
    code = "from qiskit import QuantumCircuit, IBMQ\n" + use
    assert _fixed(code) == code


def test_an_unused_import_is_dropped_where_other_strings_and_names_are_not_it() -> None:
    code = ('from qiskit import QuantumCircuit, IBMQ\n__all__ = ["QuantumCircuit", 3]\n'
            'label = "IBMQ"\nIBMQX = 1\n')
    assert _fixed(code) == ('from qiskit import QuantumCircuit\n'
                            '__all__ = ["QuantumCircuit", 3]\nlabel = "IBMQ"\nIBMQX = 1\n')


def test_many_unused_imports_cost_a_fixed_number_of_walks(monkeypatch: pytest.MonkeyPatch,
                                                          ) -> None:
    """Each import's question (is the name used again?) is asked of the module's index, not
    by walking the whole module once per import."""
    walks: list[ast.AST] = []
    walk = ast.walk

    def counted(node: ast.AST):  # type: ignore[no-untyped-def]
        walks.append(node)
        return walk(node)

    def module_walks(imports: int) -> int:
        code = "".join(f"from qiskit import IBMQ as old_{n}\n" for n in range(imports))
        tree = ast.parse(code)
        walks.clear()
        monkeypatch.setattr(ast, "walk", counted)
        try:
            findings = engine.check(tree, code, settings=Settings(explicit=("QKM",)))
        finally:
            monkeypatch.setattr(ast, "walk", walk)
        assert [f.code for f in findings] == ["QKM203"] * imports
        assert all(f.edits for f in findings)
        return sum(node is tree for node in walks)

    assert module_walks(40) == module_walks(2)


def test_the_server_sends_a_checks_diagnostics_before_any_collection_runs(tmp_path: Path,
                                                                          ) -> None:
    """The collection a check's allocations owe would otherwise run between the check and
    its ``publishDiagnostics``, while the editor waits."""
    lsp = pytest.importorskip("flake8_qiskit_migrate.server.lsp")
    from lsprotocol import types
    from pygls.workspace import Workspace

    server = lsp.Server()
    server.protocol._workspace = Workspace(tmp_path.as_uri())
    uri = (tmp_path / "m.py").as_uri()
    code = "from qiskit import execute\njob = execute(circuit, backend)\n" * 2000
    server.workspace.put_text_document(types.TextDocumentItem(uri, "python", 1, code))
    collections: list[int] = []
    waiting: list[bool] = []  # from the check's start to its message
    sent: list[int] = []
    check = server.check

    def checking(snapshot: Any, resolved: Any, fixes: bool) -> Any:
        waiting.append(True)
        return check(snapshot, resolved, fixes)

    def publish(checked: Any) -> None:
        sent.append(len(checked.diagnostics))
        waiting.clear()

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and waiting:
            collections.append(info["generation"])
    server.check, server.publish = checking, publish  # type: ignore[method-assign]
    gc.callbacks.append(seen)
    try:
        asyncio.run(server._check_until_current(uri))
    finally:
        gc.callbacks.remove(seen)
        server.checker.shutdown()
    assert sent == [4000, 4000]  # the import and the call, each time; then with the fixes
    assert collections == []
    assert gc.isenabled()


def _parsed_trees(monkeypatch: pytest.MonkeyPatch) -> list[weakref.ref[ast.AST]]:
    """Weak references to each module tree parsed from now on."""
    trees: list[weakref.ref[ast.AST]] = []
    parse = ast.parse

    def parsed(*args: Any, **kwargs: Any) -> ast.AST:
        tree = parse(*args, **kwargs)
        trees.append(weakref.ref(tree))
        return tree
    monkeypatch.setattr(ast, "parse", parsed)
    return trees


@pytest.mark.parametrize("collector_on", [True, False])
def test_a_commands_check_frees_its_tree_when_it_returns(monkeypatch: pytest.MonkeyPatch,
                                                         collector_on: bool) -> None:
    trees = _parsed_trees(monkeypatch)
    code = "from qiskit import execute\njob = execute(circuit, backend)\n"
    if not collector_on:
        gc.disable()  # the user's choice: nothing waits for a pause of ours to end then
    try:
        found = diagnose(Source("m.py", code, text=code), Selection.build(None, [], []),
                         Settings(), lambda: None, with_fixes=True)
        assert [d.code for d in found] == ["QKM101", "QKM101"]
        assert len(trees) == 1 and trees[0]() is None
        assert gc.isenabled() is collector_on
    finally:
        gc.enable()


def test_the_server_frees_a_checked_tree_once_its_document_is_closed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lsp = pytest.importorskip("flake8_qiskit_migrate.server.lsp")
    from lsprotocol import types
    from pygls.workspace import Workspace

    trees = _parsed_trees(monkeypatch)
    server = lsp.Server()
    server.protocol._workspace = Workspace(tmp_path.as_uri())
    uri = (tmp_path / "m.py").as_uri()
    code = "from qiskit import execute\njob = execute(circuit, backend)\n"
    server.workspace.put_text_document(types.TextDocumentItem(uri, "python", 1, code))
    alive_when_sent: list[bool] = []
    server.publish = lambda checked: alive_when_sent.extend(  # type: ignore[method-assign]
        tree() is not None for tree in trees)
    try:
        asyncio.run(server._check_until_current(uri))
    finally:
        server.checker.shutdown()
    assert alive_when_sent == [True, True]  # sent without the fixes, then with them
    assert trees[0]() is not None  # the document's last tree: the next edit reuses it
    server.parsers.pop(uri)  # as when the document is closed
    assert trees[0]() is None
    assert gc.isenabled()
