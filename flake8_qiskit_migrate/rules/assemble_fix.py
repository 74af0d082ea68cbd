"""The fix of QKM701 on ``assemble``: a Qobj built only to be run on an Aer simulator.

``qobj = assemble(circuits, shots=n)`` whose value is read once, as what ``sim.run(qobj)`` runs on
a proven Aer simulator, goes: the run takes the circuits and the run options ``assemble``
carried, ``sim.run(circuits, shots=n)`` (``sim.run(assemble(c))`` becomes ``sim.run(c)``). An
option the run has already wins, as it did in qiskit-aer, whose ``run`` put the Qobj's
configuration under the run options. ``from qiskit import assemble`` goes with the last use
(``Autofix.joins_imports``); an import that nothing calls goes on its own.

Offered only where the module proves it: the options are ``shots``, ``memory`` and
``seed_simulator`` (with a ``backend`` that is an Aer simulator too); the Qobj's name is read by
that run alone (not passed on, kept, run twice, read in a loop or by another function); the
simulator's own ``shots`` and ``memory`` are never set (``set_options``, options given to its
factory), since the Qobj's defaults (1024 shots, no memory) overrode them; not inside a ``try``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ..edits import (Edit, Fix, SourceText, bindings, inside_try, item_removal, only_called,
                     parents_of, per_module, statement_removal)
from ..registry import REGISTRY, Context
from . import backend_interfaces  # noqa: F401  (declares QKM701, which this fixes)
from .backends import AER_BACKENDS

ASSEMBLE = frozenset({"qiskit.assemble", "qiskit.compiler.assemble",
                      "qiskit.compiler.assembler.assemble"})
# The options of ``assemble`` (qiskit 0.46) that Aer's ``run`` takes as they are, in 0.13 and
# 0.18 alike. ``parameter_binds`` is not one: ``assemble`` took one value a parameter and made
# an experiment of each binding, ``run`` takes lists of values, one dictionary a circuit.
MOVED = frozenset({"shots", "memory", "seed_simulator"})
# Where a simulator's own ``shots`` and ``memory`` are set: its factories' keywords.
_FACTORIES = frozenset({"AerSimulator", "QasmSimulator", "StatevectorSimulator",
                        "UnitarySimulator", "get_backend", "from_backend"})
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_SIMPLE = (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Expr, ast.Return)


@REGISTRY.fixer("QKM701")
def assemble_fix(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    source, module = ctx.source, ctx.module
    if source is None or module is None or name not in ASSEMBLE:
        return None
    if isinstance(node, ast.alias):
        statement = ctx.import_statement
        return None if statement is None else _import_removal(source, module, statement, node)
    if isinstance(node, ast.Call) and not inside_try(module, node) and not _options_set(
            source, module):
        return _call_fix(ctx, source, module, node)
    return None


def _import_removal(source: SourceText, module: ast.Module, statement: ast.stmt,
                    alias: ast.alias) -> Fix | None:
    """``assemble`` leaves ``from qiskit import ..., assemble, ...`` (a top-level statement goes
    if it imports nothing else), where this import is the name's one binding and every use of
    it is a call (each a finding whose fix joins this one), neither inside a ``try``."""
    bound = alias.asname or alias.name
    if not isinstance(statement, ast.ImportFrom) or statement.level or bindings(
            module, bound) != 1 or not only_called(module, bound):
        return None
    if inside_try(module, statement) or any(inside_try(module, n) for n in ast.walk(module)
                                            if isinstance(n, ast.Name) and n.id == bound):
        return None
    if len(statement.names) > 1:
        return (item_removal(source, statement.names, alias, source.end(statement)),)
    # The statement goes with its line: only from the top level, where no block is left empty.
    return statement_removal(source, statement) if statement in module.body else None


@per_module
def _options_set(source: SourceText, module: ast.Module) -> bool:
    """Whether the module may set a simulator's ``shots`` or ``memory``: a ``set_options``
    call, an ``x.options.y = ...`` assignment, or those keywords given to a factory."""
    for node in ast.walk(module):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else (
                node.func.id if isinstance(node.func, ast.Name) else "")
            if name == "set_options" or name in _FACTORIES and any(
                    k.arg in ("shots", "memory", None) for k in node.keywords):
                return True
        elif isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load) and (
                isinstance(node.value, ast.Attribute) and node.value.attr == "options"):
            return True
    return False


Parsed = tuple[ast.expr, list[ast.keyword]]


def _parsed(ctx: Context, call: ast.Call) -> Parsed | None:
    """The circuits and the options of ``assemble(circuits, backend, **options)``; None for an
    option without a home on ``run``, a ``None`` option, or a backend not proven Aer."""
    arguments: dict[str, ast.expr] = dict(zip(("experiments", "backend"), call.args))
    options = []
    for keyword in call.keywords:
        if keyword.arg in ("experiments", "backend") and keyword.arg not in arguments:
            arguments[keyword.arg] = keyword.value
        elif keyword.arg in MOVED and not (
                isinstance(keyword.value, ast.Constant) and keyword.value.value is None):
            options.append(keyword)
        else:
            return None
    circuits, backend = arguments.get("experiments"), arguments.get("backend")
    if len(call.args) > 2 or circuits is None or isinstance(circuits, ast.GeneratorExp):
        return None
    if backend is not None and not (_pure(backend) and ctx.qualify(backend) in AER_BACKENDS):
        return None  # another backend's configuration may have set the Qobj's options
    return circuits, options


def _aer_run(ctx: Context, call: ast.AST | None, argument: ast.expr) -> ast.Call | None:
    """``sim.run(argument, **options)`` with ``sim`` a name proven to be an Aer simulator."""
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and call.func.attr == "run" and isinstance(call.func.value, ast.Name)
            and len(call.args) == 1 and call.args[0] is argument
            and all(k.arg is not None for k in call.keywords)):
        return None
    return call if ctx.qualify(call.func.value) in AER_BACKENDS else None


def _call_fix(ctx: Context, source: SourceText, module: ast.Module,
              call: ast.Call) -> Fix | None:
    parsed = _parsed(ctx, call)
    if parsed is None:
        return None
    circuits, options = parsed
    parents = parents_of(source, module)
    parent = parents.get(id(call))
    run = _aer_run(ctx, parent, call)
    if run is not None:  # ``sim.run(assemble(...))``: nothing moves in time
        moved = _moved(run, options, pure=False)
        return None if moved is None else (
            source.replace(call, _arguments(source, circuits, moved)),)
    if not (isinstance(parent, ast.Assign) and len(parent.targets) == 1
            and isinstance(parent.targets[0], ast.Name)):
        return None
    found = _consumer(ctx, parents, parent, parent.targets[0].id)
    if found is None:
        return None
    read, run, between, use = found
    moved = _moved(run, options, pure=True)
    if moved is None or _names(*(k.value for k in moved)) & between:
        return None
    # The circuits go where the Qobj was read, evaluated there: the next statement, where
    # nothing runs before them.
    adjacent = use is _next(parents, parent) and _runs_first(use, run)
    removal = _removal(source, parent) if adjacent else None
    if removal is not None:
        replaced = _arguments(source, circuits, moved)
        kept = () if replaced == _text(source, read) else (source.replace(read, replaced),)
        return (removal, *kept)
    insert = "".join(", " + _text(source, keyword) for keyword in moved)
    return (source.replace(call, _text(source, circuits)),
            *([Edit(*source.end(read), *source.end(read), insert)] if insert else []))


def _moved(run: ast.Call, options: list[ast.keyword], pure: bool) -> list[ast.keyword] | None:
    """The options that go to ``run``: those it does not have (its own win, as they did). An
    option that is dropped, or moved past other code (``pure``), must have no effect of its own
    to evaluate."""
    given = {k.arg for k in run.keywords}
    if any(not _pure(k.value) for k in options if k.arg in given or pure):
        return None
    return [k for k in options if k.arg not in given]


def _consumer(ctx: Context, parents: dict[int, ast.AST], statement: ast.Assign,
              name: str) -> tuple[ast.Name, ast.Call, set[str], ast.stmt] | None:
    """The one read of the value ``statement`` binds to ``name``, as the circuits of an Aer
    run in a later simple statement of the same block, with the run, the names the statements
    between them mention and that statement; None where the value may be read anywhere
    else."""
    found = _block(parents, statement)
    scope = _scope(parents, statement)
    if found is None or scope is None or _shared(scope, name):
        return None
    block, index = found
    later = [i for i in range(index + 1, len(block)) if name in _mentioned(block[i])]
    if not later or not isinstance(block[later[0]], _SIMPLE):
        return None
    use = block[later[0]]
    reads = [n for n in _walk(use) if isinstance(n, ast.Name) and n.id == name]
    loads = [n for n in reads if isinstance(n.ctx, ast.Load)]
    targets = use.targets if isinstance(use, ast.Assign) else []
    if len(loads) != 1 or any(n not in targets for n in reads if n is not loads[0]):
        return None
    run = _aer_run(ctx, parents.get(id(loads[0])), loads[0])
    between = set().union(*(_mentioned(s) for s in block[index + 1:later[0]]))
    if run is None or run.func.value.id in between:  # type: ignore[attr-defined]
        return None
    if any(isinstance(n, (ast.Break, ast.Continue))  # a jump past the read: it may go on
           for s in block[index + 1:later[0]] for n in _walk(s)) or not _dead_after(
            parents, scope, block, later[0], name):
        return None
    return loads[0], run, between, use


def _next(parents: dict[int, ast.AST], statement: ast.stmt) -> ast.stmt | None:
    found = _block(parents, statement)
    if found is None or found[1] + 1 >= len(found[0]):
        return None
    return found[0][found[1] + 1]


def _runs_first(statement: ast.stmt, run: ast.Call) -> bool:
    """Whether nothing of ``statement`` that may have an effect (a call) is evaluated before
    the run's arguments: the circuits evaluated there see what they saw one statement
    earlier."""
    inside = {id(n) for n in ast.walk(run)}
    start = (run.lineno, run.col_offset)
    return not any(isinstance(n, ast.Call) and id(n) not in inside
                   and (n.end_lineno or 0, n.end_col_offset or 0) <= start
                   for n in ast.walk(statement))


def _dead_after(parents: dict[int, ast.AST], scope: ast.AST, block: list[ast.stmt], index: int,
                name: str) -> bool:
    """Whether, after ``block[index]``, every path binds ``name`` anew before it reads it (or
    leaves the scope): the statements that follow, then, out of each enclosing block, a loop's
    next turn and what follows the statement that holds it."""
    while True:
        state = _killed(block, index + 1, name)
        if state is not None:
            return state
        owner = parents.get(id(block[0]))
        if owner is scope:
            return True
        if isinstance(owner, (ast.For, ast.AsyncFor, ast.While)):
            header = [owner.test] if isinstance(owner, ast.While) else [owner.target, owner.iter]
            if owner.orelse or block is not owner.body or name in _names(*header) or _killed(
                    owner.body, 0, name) is False:
                return False
        elif not isinstance(owner, (ast.If, ast.With, ast.AsyncWith)):
            return False  # a handler, a ``match`` case: not followed
        found = _block(parents, owner) if isinstance(owner, ast.stmt) else None
        if found is None:
            return False
        block, index = found


def _killed(block: list[ast.stmt], start: int, name: str) -> bool | None:
    """From ``block[start]`` on: True where each path binds ``name`` anew before reading it,
    False where a statement may read it (or jump away first), None where it reaches the end of
    the block unread."""
    for statement in block[start:]:
        if name not in _mentioned(statement):
            if any(isinstance(n, (ast.Break, ast.Continue)) for n in _walk(statement)):
                return False
            continue
        if _rebinds(statement, name):
            return True
        header: list[ast.expr] = []
        if isinstance(statement, (ast.If, ast.While)):
            header = [statement.test]
        elif isinstance(statement, (ast.For, ast.AsyncFor)):
            header = [statement.target, statement.iter]
        elif isinstance(statement, (ast.With, ast.AsyncWith)):
            header = [e for item in statement.items
                      for e in (item.context_expr, item.optional_vars) if e is not None]
        else:
            return False
        if name in _names(*header):
            return False
        branches = [statement.body] + ([] if isinstance(statement, (ast.With, ast.AsyncWith))
                                       else [statement.orelse])
        states = [_killed(branch, 0, name) for branch in branches]
        if False in states:
            return False
        if all(states) and isinstance(statement, (ast.If, ast.With, ast.AsyncWith)):
            return True
    return None


def _rebinds(statement: ast.stmt, name: str) -> bool:
    """``name = value``, where the value does not read ``name``."""
    return (isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name) and statement.targets[0].id == name
            and name not in _mentioned(statement.value))


def _block(parents: dict[int, ast.AST], statement: ast.stmt) -> tuple[list[ast.stmt], int] | None:
    """The statement list that holds ``statement``, and its index there."""
    parent = parents.get(id(statement))
    for field in ("body", "orelse", "finalbody"):
        block = getattr(parent, field, None)
        if isinstance(block, list):
            for index, item in enumerate(block):
                if item is statement:
                    return block, index
    return None


def _scope(parents: dict[int, ast.AST], node: ast.AST) -> ast.AST | None:
    """The function, class or module whose scope ``node`` is in."""
    current = parents.get(id(node))
    while current is not None and not isinstance(current, (*_SCOPES, ast.Module)):
        current = parents.get(id(current))
    return current


def _shared(scope: ast.AST, name: str) -> bool:
    """Whether another scope may read the scope's ``name``: a ``global`` or ``nonlocal`` of it,
    or a function or class inside that reads it without binding it itself."""
    for node in ast.walk(scope):
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return True
        if node is not scope and isinstance(node, _SCOPES):
            names = [n for n in ast.walk(node) if isinstance(n, ast.Name) and n.id == name]
            if names and all(isinstance(n.ctx, ast.Load) for n in names):
                return True
    return False


def _walk(node: ast.AST) -> Iterator[ast.AST]:
    """The nodes of ``node`` in its scope: a function or class it is or holds is there by its
    name, its body is not (``_shared`` looks into them)."""
    todo = [node]
    while todo:
        current = todo.pop()
        yield current
        if not isinstance(current, _SCOPES):
            todo.extend(ast.iter_child_nodes(current))


def _mentioned(node: ast.AST) -> set[str]:
    """The names ``node`` reads, binds or deletes in its own scope."""
    return {name for item in _walk(node) if (name := _mention(item)) is not None}


def _mention(node: ast.AST) -> str | None:
    """The name one node reads, binds or deletes (a function or class binds its name)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.alias):
        return (node.asname or node.name).partition(".")[0]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.ExceptHandler)):
        return node.name
    return None


def _names(*nodes: ast.expr) -> set[str]:
    return set().union(*(_mentioned(n) for n in nodes))


def _pure(node: ast.expr) -> bool:
    """An expression whose evaluation has no effect and whose value only its names decide:
    names, constants, attributes, subscripts, arithmetic, lists and tuples of those."""
    if isinstance(node, (ast.Name, ast.Constant)):
        return True
    if isinstance(node, ast.Attribute):
        return _pure(node.value)
    if isinstance(node, ast.Subscript):
        return _pure(node.value) and _pure(node.slice)
    if isinstance(node, (ast.List, ast.Tuple)):
        return all(_pure(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp):
        return _pure(node.operand)
    if isinstance(node, ast.BinOp):
        return _pure(node.left) and _pure(node.right)
    if isinstance(node, ast.Slice):
        return all(_pure(p) for p in (node.lower, node.upper, node.step) if p is not None)
    return False


def _removal(source: SourceText, statement: ast.stmt) -> Edit | None:
    """The edit that removes a statement alone on its lines, keeping a comment after it."""
    whole = statement_removal(source, statement)
    if whole is not None:
        return whole[0]
    row, column = source.start(statement)
    end_row, end_column = source.end(statement)
    rest = source.line(end_row)[end_column - 1:]
    if source.line(row)[:column - 1].strip() or not rest.lstrip().startswith("#"):
        return None
    return Edit(row, column, end_row, end_column + len(rest) - len(rest.lstrip()), "")


def _arguments(source: SourceText, circuits: ast.expr, moved: list[ast.keyword]) -> str:
    return ", ".join([_text(source, circuits), *(_text(source, k) for k in moved)])


def _text(source: SourceText, node: ast.AST) -> str:
    return source.segment(source.start(node), source.end(node))
