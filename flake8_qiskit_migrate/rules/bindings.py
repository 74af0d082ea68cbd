"""Where the value a plain ``name = value`` binds is read, without running the code.

A straight-line reading: the binding must be a statement of its scope's body (or of a ``with``
block in it, which always runs its body), and its value is read by the loads of the name in the
statements after it, up to the next plain ``name = ...`` of that body (whose value still reads
it). Anything else that could see the value or change the name (a rebinding in a branch or a
loop, ``global``, a nested function or class that names it) leaves it unproven."""

from __future__ import annotations

import ast
from collections.abc import Iterator

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_BLOCKS = (ast.With, ast.AsyncWith)


def reads_of(module: ast.Module, parents: dict[int, ast.AST],
             statement: ast.stmt) -> list[ast.Name] | None:
    """The loads of the name that ``statement`` (``name = value``) binds which read that
    value, or None where the module does not prove which loads those are."""
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)):
        return None
    name = statement.targets[0].id
    scope = parents.get(id(statement))
    while isinstance(scope, _BLOCKS):
        scope = parents.get(id(scope))
    if not isinstance(scope, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)) or any(
            _names(inner, name) for inner in _nested_scopes(scope)) or any(
            isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names
            for node in ast.walk(scope)):
        return None
    sequence = list(_straight_line(scope.body))
    if not any(s is statement for s in sequence):
        return None  # inside a branch or a loop: other paths reach the later reads
    after = sequence[[id(s) for s in sequence].index(id(statement)) + 1:]
    reads: list[ast.Name] = []
    for later in after:
        rebinds = _plain_binding(later, name)
        for node in _own_nodes(later.value if isinstance(later, ast.Assign) and rebinds
                               else later):
            if isinstance(node, ast.Name) and node.id == name:
                if not isinstance(node.ctx, ast.Load):
                    return None
                reads.append(node)
            elif _binds_otherwise(node, name):
                return None
        if rebinds:
            break
    return reads


def _straight_line(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements of a body in order, ``with`` blocks opened (their items stay: they bind
    ``as`` names)."""
    for statement in body:
        yield statement
        if isinstance(statement, _BLOCKS):
            yield from _straight_line(statement.body)


def _plain_binding(statement: ast.stmt, name: str) -> bool:
    return isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(
        statement.targets[0], ast.Name) and statement.targets[0].id == name


def _own_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a statement, without the bodies of ``with`` blocks (they come as
    statements of their own)."""
    if isinstance(node, _BLOCKS):
        for item in node.items:
            yield from ast.walk(item)
        return
    yield from ast.walk(node)


def _binds_otherwise(node: ast.AST, name: str) -> bool:
    """A binding of ``name`` that is not an ``ast.Name`` store: an import, a definition, a
    parameter, an ``except ... as``."""
    if isinstance(node, ast.alias):
        return (node.asname or node.name.partition(".")[0]) == name
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name == name
    if isinstance(node, ast.arg):
        return node.arg == name
    return isinstance(node, ast.ExceptHandler) and node.name == name


def _nested_scopes(scope: ast.AST) -> Iterator[ast.AST]:
    for node in ast.walk(scope):
        if node is not scope and isinstance(node, _SCOPES):
            yield node


def _names(scope: ast.AST, name: str) -> bool:
    """Whether a nested scope may see ``name`` of the enclosing one (a function whose
    parameter it is does not)."""
    if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and any(
            a.arg == name for a in _parameters(scope.args)):
        return False
    return any(isinstance(node, ast.Name) and node.id == name or _binds_otherwise(node, name)
               for node in ast.walk(scope))


def _parameters(args: ast.arguments) -> list[ast.arg]:
    return [*args.posonlyargs, *args.args, *args.kwonlyargs,
            *(a for a in (args.vararg, args.kwarg) if a is not None)]
