"""Which binding of a name a use sees, in straight-line code. The statements of a block (the
module's, or a function's body) run in order, so at a statement of that block a name holds the
value of the last plain ``name = value`` before it, where nothing else binds it in between; a
notebook's cells run in order too, and rebinding ``qc``, ``job`` and ``counts`` cell after cell
is its common shape. Anything less plain (a binding in a loop or a branch, ``global``, a
function reading the name) proves nothing: the helpers answer None.
"""

from __future__ import annotations

import ast
import weakref
from typing import Callable

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def _per_node(function: Callable[[ast.AST], frozenset[str]]) -> Callable[[ast.AST], frozenset[str]]:
    """Memoize a question about one node for as long as the node lives (a cache holding the
    node would keep the module's tree alive after its check)."""
    memo: weakref.WeakKeyDictionary[ast.AST, frozenset[str]] = weakref.WeakKeyDictionary()

    def once(node: ast.AST) -> frozenset[str]:
        found = memo.get(node)
        if found is None:
            found = memo[node] = function(node)
        return found
    return once


def _binds(statement: ast.AST, name: str) -> bool:
    """Whether the statement binds ``name`` anywhere in it (nested scopes too: conservative)."""
    return name in _bound(statement)


@_per_node  # asked for each name read before it: walks it once
def _bound(statement: ast.AST) -> frozenset[str]:
    """The names a statement binds anywhere in it."""
    names: set[str] = set()
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            names.update(node.names)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar, ast.ExceptHandler)) and node.name:
            names.add(node.name)
    return frozenset(names)


def _plain(statement: ast.stmt, name: str) -> ast.Assign | None:
    """``name = value``, the only target being the name."""
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(
            statement.targets[0], ast.Name) and statement.targets[0].id == name:
        return statement
    return None


def _block(parents: dict[int, ast.AST], node: ast.AST) -> tuple[ast.AST, list[ast.stmt], int] | None:
    """The scope (module or function) whose body directly holds the statement holding ``node``,
    that body, and the statement's index in it."""
    current = node
    while True:
        parent = parents.get(id(current))
        if parent is None:
            return None
        if isinstance(parent, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)) and (
                isinstance(current, ast.stmt) and current in parent.body):
            return parent, parent.body, parent.body.index(current)
        current = parent


def _read_elsewhere(scope: ast.AST, name: str) -> bool:
    """Whether a function, lambda or class inside the scope reads the scope's ``name``: it may
    run at any time, seeing any binding."""
    return name in _read_inside(scope)


@_per_node  # asked at each use of a name: walks the scope once
def _read_inside(scope: ast.AST) -> frozenset[str]:
    """The names that functions, lambdas and classes inside the scope read from it: read and
    not their own (a parameter, or bound in them), or declared ``global`` / ``nonlocal``."""
    names: set[str] = set()
    for inner in ast.walk(scope):
        if inner is scope or not isinstance(inner, _SCOPES):
            continue
        body = inner.body if isinstance(inner.body, list) else [inner.body]
        nodes = [n for statement in body for n in ast.walk(statement)]
        parameters = {a.arg for a in (*inner.args.posonlyargs, *inner.args.args,
                                      *inner.args.kwonlyargs, inner.args.vararg,
                                      inner.args.kwarg) if a is not None} if isinstance(
            inner, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) else set()
        declared = {name for n in nodes if isinstance(n, (ast.Global, ast.Nonlocal))
                    for name in n.names}
        own = parameters | {name for statement in body for name in _bound(statement)}
        read = {n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        names |= {name for name in read if name in declared or name not in own}
    return frozenset(names)


def reaching(parents: dict[int, ast.AST], use: ast.Name) -> ast.Assign | None:
    """The plain ``name = value`` whose value ``use`` reads: the last statement of the use's
    block before the use's statement that binds the name, where that statement is such an
    assignment and the use's own statement binds the name only as a plain assignment of it."""
    found = _block(parents, use)
    if found is None:
        return None
    scope, body, index = found
    name = use.id
    statement = body[index]
    if _binds(statement, name) and _plain(statement, name) is None:
        return None  # e.g. a loop that rebinds the name: an earlier turn's value
    for earlier in reversed(body[:index]):
        if _binds(earlier, name):
            assign = _plain(earlier, name)
            if assign is None or _read_elsewhere(scope, name):
                return None
            return assign
    return None


def uses(parents: dict[int, ast.AST], assign: ast.Assign) -> list[ast.Name] | None:
    """Every read of the value ``assign`` binds (``name = value``, a statement of a module or
    function body): the reads in the statements after it up to the next binding of the name
    (the value of a plain ``name = ...`` rebinding it included). None where another binding
    may be seen in between or a nested scope reads the name."""
    found = _block(parents, assign)
    target = assign.targets[0]
    if found is None or not isinstance(target, ast.Name) or found[1][found[2]] is not assign:
        return None  # bound inside a loop, a branch or a ``with``: read there and after it
    scope, body, index = found
    name = target.id
    if _read_elsewhere(scope, name):
        return None
    reads: list[ast.Name] = []
    for statement in body[index + 1:]:
        rebinding = _binds(statement, name)
        plain = _plain(statement, name)
        if rebinding and plain is None:
            return None
        part = plain.value if plain is not None else statement
        reads += [n for n in ast.walk(part) if isinstance(n, ast.Name) and n.id == name
                  and isinstance(n.ctx, ast.Load)]
        if rebinding:
            break
    return reads
