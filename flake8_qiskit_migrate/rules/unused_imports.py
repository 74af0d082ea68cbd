"""The fix of a retired provider name imported and never used (QKM202, QKM203): ``from qiskit
import QuantumCircuit, IBMQ`` with no other ``IBMQ`` becomes ``from qiskit import
QuantumCircuit``, as ruff's F401 fix drops an unused import (safe outside a package's
``__init__.py``, where the import may re-export the name: ``Autofix.in_init``)."""

from __future__ import annotations

import ast

from ..edits import Fix, inside_try, item_removal, parents_of
from ..nodes import nodes, remembered
from ..registry import REGISTRY, Context
from .removals import statement_removal
from .service_chain import _chain_fix


@REGISTRY.fixer("QKM202", "QKM203")
def _import_fix(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    """A used name goes with the provider chain that uses it (its fix, unsafe, carried here
    too: ``shared_fixes``); an unused one is dropped."""
    return _chain_fix(ctx, node, name) or drop_unused(ctx, node, name)


def drop_unused(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    """Drop the name from its ``from`` import (the statement with it, when it was the only
    name) where the module never mentions the name again: no read, no assignment, no
    ``del``, no ``__all__`` entry; and no ``try`` surrounds the import (its handler may be
    there for it)."""
    source, module, statement = ctx.source, ctx.module, ctx.import_statement
    if source is None or module is None or not isinstance(node, ast.alias) or not isinstance(
            statement, ast.ImportFrom) or node.name == "*" or inside_try(module, statement):
        return None
    bound = node.asname or node.name
    if _mentioned(module, bound):
        return None
    if len(statement.names) > 1:
        return (item_removal(source, statement.names, node, source.end(statement)),)
    removal = statement_removal(source, statement, parents_of(source, module), {id(statement)})
    return (removal,) if removal is not None else None


def _mentioned(module: ast.Module, name: str) -> bool:
    """Whether the module names ``name`` outside the imports: as a variable anywhere (any
    scope: a conservative reading), a definition, a parameter, or a string of ``__all__``."""
    return name in remembered(module, _mentioned, lambda: _names_mentioned(module))


def _names_mentioned(module: ast.Module) -> frozenset[str]:
    """Every name ``_mentioned`` finds in the module (one look for all its imports)."""
    found = nodes(module)
    definitions: list[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef] = [
        *found.of(ast.FunctionDef), *found.of(ast.AsyncFunctionDef), *found.of(ast.ClassDef)]
    names = {n.id for n in found.of(ast.Name)} | {d.name for d in definitions} | {
        a.arg for a in found.of(ast.arg)}
    assignments: list[ast.Assign | ast.AugAssign | ast.AnnAssign] = [
        *found.of(ast.Assign), *found.of(ast.AugAssign), *found.of(ast.AnnAssign)]
    for node in assignments:
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in (
                node.targets if isinstance(node, ast.Assign) else [node.target])):
            names.update(c.value for c in ast.walk(node)
                         if isinstance(c, ast.Constant) and isinstance(c.value, str))
    return frozenset(names)
