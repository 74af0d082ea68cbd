"""Fixes that delete statements: ``job_monitor(job)`` (QKM212) only reported progress, and the
job's ``result()`` blocks anyway, so the calls and their import go together."""

from __future__ import annotations

import ast
from ..edits import Edit, Fix, SourceText, inside_try, item_removal, parents_of, per_module
from ..nodes import nodes
from ..registry import REGISTRY, Context

# ``from <module> import job_monitor``: the import forms whose bound name the fix follows.
_MONITOR_MODULES = frozenset({"qiskit.tools.monitor", "qiskit.tools"})
_MONITOR = "job_monitor"
# Arguments whose evaluation does nothing (a name, a constant, ``sys.stdout``): deleting the
# call deletes no other effect.
_INERT = (ast.Name, ast.Constant)


@REGISTRY.fixer("QKM212")
def _drop_job_monitor(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    """Delete every ``job_monitor(...)`` statement and the name from its imports, as one fix
    carried by each finding of the group (identical edits are made once), or nothing: a use
    that is not a plain statement (``x = job_monitor(job)``, ``f(job_monitor)``), another
    binding of the name, a ``try`` around a use or an import, or an argument that does more
    than name a value leaves every finding without a fix."""
    if ctx.source is None or ctx.module is None or not name.endswith("." + _MONITOR):
        return None
    removal = monitor_removal(ctx.source, ctx.module)
    if removal is None or id(node) not in removal[1]:
        return None  # e.g. ``qiskit.tools.monitor.job_monitor(job)``: its import stays
    return removal[0]


@per_module
def monitor_removal(source: SourceText, module: ast.Module) -> tuple[Fix, set[int]] | None:
    """The fix, and the nodes (import aliases, calls and their names) whose findings carry it."""
    found = nodes(module)
    imports = [(statement, alias) for statement in found.of(ast.ImportFrom)
               if statement.module in _MONITOR_MODULES and not statement.level
               for alias in statement.names if alias.name == _MONITOR]
    bound = {alias.asname or alias.name for _, alias in imports}
    if not imports or any(inside_try(module, s) for s, _ in imports):
        return None
    calls: list[ast.Expr] = []
    parents = parents_of(source, module)
    for node in found.of(ast.Name):
        if node.id in bound:
            statement = parents.get(id(node))
            call = parents.get(id(statement)) if isinstance(statement, ast.Call) else None
            if not (isinstance(node.ctx, ast.Load) and isinstance(statement, ast.Call)
                    and statement.func is node and isinstance(call, ast.Expr)
                    and _inert(statement)):
                return None
            calls.append(call)
    if binds_elsewhere(module, bound, set()) or any(inside_try(module, c) for c in calls):
        return None
    edits: list[Edit | None] = []
    for statement in {id(s): s for s, _ in imports}.values():
        gone = [a for a in statement.names if a.name == _MONITOR]
        if len(gone) < len(statement.names):
            edits += [item_removal(source, statement.names, alias, source.end(statement))
                      for alias in gone]
        else:
            edits.append(statement_removal(source, statement, parents, set()))
    removed = {id(c) for c in calls}
    edits += [statement_removal(source, call, parents, removed) for call in calls]
    if any(edit is None for edit in edits):
        return None
    covered = {id(a) for _, a in imports} | {id(c.value) for c in calls} | {
        id(c.value.func) for c in calls if isinstance(c.value, ast.Call)}
    return tuple(sorted(e for e in edits if e is not None)), covered


def _inert(call: ast.Call) -> bool:
    values = [*call.args, *(k.value for k in call.keywords)]
    return all(isinstance(v, _INERT) or isinstance(v, ast.Attribute) and isinstance(
        v.value, ast.Name) for v in values)


def _binds(node: ast.AST, names: set[str]) -> bool:
    """Whether ``node`` binds one of ``names`` other than by the import being fixed."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name in names
    if isinstance(node, ast.arg):
        return node.arg in names
    if isinstance(node, ast.alias):
        return False  # imports of the name are the ones being removed
    if isinstance(node, (ast.Import,)):
        return any((a.asname or a.name) in names for a in node.names)
    return isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load) and node.id in names


def binds_elsewhere(module: ast.Module, names: set[str], skip: set[int]) -> bool:
    """Whether the module binds one of ``names`` other than by a ``from`` import or at the
    nodes of ``skip``."""
    found = nodes(module)
    return any(_binds(node, names) and id(node) not in skip
               for kind in _BINDERS for node in found.of(kind))


# The node classes ``_binds`` may find binding a name.
_BINDERS: tuple[type[ast.AST], ...] = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                       ast.arg, ast.Import, ast.Name)


def statement_removal(source: SourceText, statement: ast.stmt, parents: dict[int, ast.AST],
                      removed: set[int]) -> Edit | None:
    """Delete a statement with its line(s), or make it ``pass`` where it is the first of its
    block and every statement of the block goes (``removed``); None when it shares a line
    with other code (``a; job_monitor(job)``)."""
    start, end = source.start(statement), source.end(statement)
    before = source.line(start[0])[: start[1] - 1]
    after = source.line(end[0])[end[1] - 1:]
    if before.strip() or after.strip() and not after.lstrip().startswith("#"):
        return None
    parent = parents.get(id(statement))
    block = next((getattr(parent, f) for f in ("body", "orelse", "finalbody", "handlers")
                  if statement in getattr(parent, f, [])), None) if parent is not None else None
    if block is not None and block[0] is statement and not isinstance(parent, ast.Module) and all(
            s is statement or id(s) in removed for s in block):
        return Edit(*start, *end, "pass")
    if end[0] == len(source.lines) and source.line(end[0]) == source.lines[-1]:
        return Edit(start[0], 1, *source.line_end(end[0]), "")  # the last line, no line end
    return Edit(start[0], 1, end[0] + 1, 1, "")
