"""The fixes that turn a provider chain into a service chain: ``IBMQ.load_account()`` +
``provider = IBMQ.get_provider(...)`` (or ``provider = IBMProvider()``) +
``provider.get_backend(name)`` / ``least_busy(provider.backends(...))`` become
``service = QiskitRuntimeService()`` + ``service.backend(name)`` / ``service.least_busy(...)``,
as one fix of the whole chain (QKM204, QKM205, QKM207); and ``service.get_backend(name)`` ->
``service.backend(name)`` (QKM208)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from ..edits import (Edit, Fix, SourceText, add_import, imports_name, inside_try, item_removal,
                     parents_of, per_module)
from ..nodes import nodes
from ..registry import REGISTRY, Context
from .providers import _to_service
from .removals import binds_elsewhere, statement_removal

_SERVICE = "service"
_IMPORT = "from qiskit_ibm_runtime import QiskitRuntimeService"
# ``from <module> import <name>``: where the provider-era names of a chain come from.
_IBMQ = {("qiskit", "IBMQ"), ("qiskit.providers.ibmq", "IBMQ")}
_IBM_PROVIDER = {("qiskit_ibm_provider", "IBMProvider")}
_LEAST_BUSY = {("qiskit.providers.ibmq", "least_busy"), ("qiskit_ibm_provider", "least_busy")}
# The provider's instance arguments: Classic hub/group/project, gone with the ibm_quantum
# channel (qiskit-ibm-runtime 0.41, QKM502): dropped, and named in a comment.
_INSTANCE = ("hub", "group", "project", "instance")


@dataclass
class _Imports:
    """The top-level ``from`` imports of the chain's names: (statement, alias) by bound name
    (a notebook often imports ``IBMQ`` in several cells)."""

    found: dict[str, list[tuple[ast.ImportFrom, ast.alias]]] = field(default_factory=dict)
    stars: set[str] = field(default_factory=set)  # modules star-imported

    def star(self, module: str) -> bool:
        return module in self.stars

    def bound(self, origins: set[tuple[str, str]]) -> set[str]:
        """The names every import of which imports one of ``origins``."""
        return {name for name, pairs in self.found.items()
                if all((statement.module, alias.name) in origins for statement, alias in pairs)}


@REGISTRY.fixer("QKM205", "QKM209")
def _chain_fix(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    if ctx.source is None or ctx.module is None:
        return None
    chain = provider_chain(ctx.source, ctx.module)
    return chain[0] if chain is not None and id(node) in chain[1] else None


@REGISTRY.fixer("QKM204", "QKM207")
def _service(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    """The whole chain through ``node``, else the lone ``QiskitRuntimeService()`` fix."""
    return _chain_fix(ctx, node, name) or _to_service(ctx, node, name)


@REGISTRY.fixer("QKM208")
def _backend(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    """``service.get_backend(name)`` -> ``service.backend(name)``: ``get_backend`` was an alias
    of ``backend`` (same name and instance arguments); a call without a name has no
    counterpart (``backend`` needs one)."""
    if ctx.source is None or not isinstance(node, ast.Call) or not isinstance(
            node.func, ast.Attribute) or node.func.attr != "get_backend":
        return None
    named = len(node.args) == 1 and not isinstance(node.args[0], ast.Starred) or (
        not node.args and any(k.arg == "name" for k in node.keywords))
    if not named or len(node.args) > 1 or any(
            k.arg not in ("name", "instance") for k in node.keywords):
        return None
    row, column = ctx.source.end(node.func)
    return (Edit(row, column - len("get_backend"), row, column, "backend"),)


@per_module
def provider_chain(source: SourceText, module: ast.Module) -> tuple[Fix, set[int]] | None:
    """The module's one provider chain rewritten as a service chain, and the nodes whose
    findings carry the fix; None unless every use of the provider, of ``IBMQ`` and of the
    provider class is a step the rewrite covers, nothing else binds their names or
    ``service``, and no ``try`` surrounds a step."""
    imports = _Imports()
    for statement in module.body:
        if isinstance(statement, ast.ImportFrom) and not statement.level:
            for alias in statement.names:
                if alias.name == "*":
                    imports.stars.add(statement.module or "")
                else:
                    imports.found.setdefault(alias.asname or alias.name, []).append(
                        (statement, alias))
    ibmq, classes = imports.bound(_IBMQ), imports.bound(_IBM_PROVIDER)
    if "IBMQ" not in imports.found and imports.star("qiskit"):
        ibmq.add("IBMQ")  # ``from qiskit import *`` bound it before Qiskit 1.0 (and stays)
    least_busy = imports.bound(_LEAST_BUSY)
    parents = parents_of(source, module)
    creation, loads = _creation(module, parents, ibmq, classes)
    if creation is None or binds_elsewhere(module, {_SERVICE}, set()):
        return None
    provider = creation.targets[0].id  # type: ignore[attr-defined]
    assert isinstance(creation.value, ast.Call)
    block = _block(parents, creation)
    # ``IBMQ.providers()`` listed after the account is loaded: the service's instances.
    first = block.index(loads[0] if loads else creation)
    listings = [s for s in block[first + 1:] if isinstance(s, ast.Expr) and _ibmq_call(
        s.value, ibmq, "providers")]
    steps: list[ast.AST] = [creation, *loads, *listings]
    targets = {id(s.targets[0]) for s in (creation, *loads) if isinstance(s, ast.Assign)}
    edits: list[Edit | None] = [source.replace(s.value, f"{_SERVICE}.instances()")
                                for s in listings]
    covered: set[int] = {id(n) for s in (creation, *loads, *listings) for n in (
        s.value, getattr(s.value, "func", None))}
    # The uses of the provider: ``.get_backend(...)``, ``.backends(...)`` (in ``least_busy``).
    rewritten_least_busy: set[int] = set()
    for node in nodes(module).of(ast.Name):
        if node.id == provider and id(node) not in targets:
            use = _provider_use(source, node, parents, least_busy)
            if use is None:
                return None
            step, edit = use
            steps.append(step)
            edits.append(edit)
            covered |= {id(n) for n in ast.walk(step)}
            if isinstance(step, ast.Call) and isinstance(step.func, ast.Name):
                rewritten_least_busy.add(id(step.func))
    for call, edit in _least_busy_of_lists(source, module, parents, steps, least_busy):
        steps.append(call)
        edits.append(edit)
        covered |= {id(n) for n in ast.walk(call)}
        rewritten_least_busy.add(id(call.func))
    # Every use of IBMQ / the provider class is a step; ``least_busy`` may have other uses.
    for node in nodes(module).of(ast.Name):
        if node.id in ibmq | classes and not any(
                node in ast.walk(step) for step in (creation.value, *loads, *listings)):
            return None
    if binds_elsewhere(module, ibmq | classes | {provider}, targets) or any(
            inside_try(module, step) for step in steps):
        return None
    other_least_busy = any(n.id in least_busy and id(n) not in rewritten_least_busy
                           for n in nodes(module).of(ast.Name))
    gone = ibmq | classes | (set() if other_least_busy else least_busy & {
        n for n in least_busy if rewritten_least_busy})
    first_step = loads[0] if loads else creation
    edits += _import_edits(source, module, imports, gone, parents, covered, first_step.lineno)
    service = f"{_SERVICE} = QiskitRuntimeService()" + _instance_note(source, creation.value)
    if loads:
        edits.append(source.replace(loads[0], service))
        edits.append(statement_removal(source, creation, parents, set()))
    else:
        edits.append(source.replace(creation, service))
    if any(edit is None for edit in edits):
        return None
    return tuple(sorted(e for e in edits if e is not None)), covered


def _creation(module: ast.Module, parents: dict[int, ast.AST], ibmq: set[str],
              classes: set[str]) -> tuple[ast.Assign | None, list[ast.Expr | ast.Assign]]:
    """The one statement that makes the provider, and the ``IBMQ.load_account()`` before it
    in its block: ``provider = IBMQ.get_provider(...)`` (or ``IBMProvider()``) after a
    ``load_account()`` statement, or after ``provider = IBMQ.load_account()`` right before
    it; else the provider ``load_account()`` returns (``provider = IBMQ.load_account()``)."""
    assigned = [s for s in nodes(module).of(ast.Assign) if len(s.targets) == 1
                and isinstance(s.targets[0], ast.Name)]
    made = [s for s in assigned if _provider_call(s.value, ibmq, classes)]
    loaded = [s for s in assigned if _ibmq_call(s.value, ibmq, "load_account")]
    loads: list[ast.Expr | ast.Assign] = [s for s in nodes(module).of(ast.Expr) if (
        _ibmq_call(s.value, ibmq, "load_account"))]
    if not made:  # the provider load_account returns
        return (loaded[0], []) if len(loaded) == 1 and not loads else (None, [])
    if len(made) != 1:
        return None, []
    creation = made[0]
    if not ibmq & _names_in(creation.value):
        return (creation, []) if not loaded and not loads else (None, [])
    block = _block(parents, creation)
    position = block.index(creation)
    if loaded:  # only as ``provider = IBMQ.load_account()`` overwritten by the next statement
        load = loaded[0]
        name = creation.targets[0].id  # type: ignore[attr-defined]
        if len(loaded) > 1 or not position or block[position - 1] is not load or (
                load.targets[0].id != name):  # type: ignore[attr-defined]
            return None, []
        loads.append(load)
    if len(loads) != 1 or loads[0] not in block or block.index(loads[0]) > position:
        return None, []
    return creation, loads


def _provider_call(value: ast.expr, ibmq: set[str], classes: set[str]) -> bool:
    """``IBMQ.get_provider(...)`` or ``IBMProvider(...)`` with only instance arguments."""
    if not isinstance(value, ast.Call) or not (
            _ibmq_call(value, ibmq, "get_provider") or isinstance(value.func, ast.Name)
            and value.func.id in classes):
        return False
    if isinstance(value.func, ast.Name):  # IBMProvider(token=..., url=...) is an account
        return not value.args and all(k.arg in _INSTANCE for k in value.keywords)
    return len(value.args) <= 3 and all(k.arg in _INSTANCE for k in value.keywords)


def _ibmq_call(value: ast.expr, ibmq: set[str], method: str) -> bool:
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    return (isinstance(func, ast.Attribute) and func.attr == method
            and isinstance(func.value, ast.Name) and func.value.id in ibmq
            and (method != "load_account" or not (value.args or value.keywords)))


def _names_in(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _block(parents: dict[int, ast.AST], statement: ast.stmt) -> list[ast.stmt]:
    parent = parents.get(id(statement))
    for name in ("body", "orelse", "finalbody"):
        block = getattr(parent, name, None)
        if isinstance(block, list) and statement in block:
            return block
    return []


def _provider_use(source: SourceText, name: ast.Name, parents: dict[int, ast.AST],
                  least_busy: set[str]) -> tuple[ast.AST, Edit] | None:
    """How one use of the provider is rewritten: ``provider.get_backend(n)`` ->
    ``service.backend(n)``, ``provider.backends(...)`` -> ``service.backends(...)``,
    ``least_busy(provider.backends(k=v))`` -> ``service.least_busy(k=v)`` (the arguments kept
    as written: a ``filters=`` function gets the same ``IBMBackend`` objects, whose
    ``configuration()`` and ``status()`` remain)."""
    method = parents.get(id(name))
    call = parents.get(id(method))
    if not (isinstance(method, ast.Attribute) and isinstance(call, ast.Call)
            and call.func is method and isinstance(name.ctx, ast.Load)):
        return None
    if method.attr == "get_backend":
        if len(call.args) != 1 or call.keywords or isinstance(call.args[0], ast.Starred):
            return None  # a name is required; V1 filters have no counterpart
        return call, source.replace(method, f"{_SERVICE}.backend")
    if method.attr != "backends" or call.args or any(
            k.arg in (None, "name", *_INSTANCE) for k in call.keywords):
        return None
    outer = parents.get(id(call))
    arguments = source.segment(source.end(method), source.end(call))
    if isinstance(outer, ast.Call) and isinstance(outer.func, ast.Name) and (
            outer.func.id in least_busy) and outer.args == [call] and not outer.keywords:
        if not arguments.startswith("("):
            return None  # ``(provider.backends)(...)``
        return outer, source.replace(outer, f"{_SERVICE}.least_busy{arguments}")
    return call, source.replace(method, f"{_SERVICE}.backends")


def _least_busy_of_lists(source: SourceText, module: ast.Module, parents: dict[int, ast.AST],
                         steps: list[ast.AST], least_busy: set[str]) -> list[tuple[ast.Call, Edit]]:
    """``devices = provider.backends(k=v)`` ... ``least_busy(devices)`` -> ``service.least_busy(
    k=v)`` (the same filters; the list is still made), where nothing else binds ``devices``."""
    rewrites = []
    for step in steps:
        assignment = parents.get(id(step))
        if not (isinstance(step, ast.Call) and isinstance(step.func, ast.Attribute)
                and step.func.attr == "backends" and isinstance(assignment, ast.Assign)
                and assignment.value is step and len(assignment.targets) == 1
                and isinstance(assignment.targets[0], ast.Name)):
            continue
        listed = assignment.targets[0].id
        if binds_elsewhere(module, {listed}, {id(assignment.targets[0])}):
            continue
        arguments = source.segment(source.end(step.func), source.end(step))
        rewrites += [(call, source.replace(call, f"{_SERVICE}.least_busy{arguments}"))
                     for call in nodes(module).of(ast.Call)
                     if isinstance(call.func, ast.Name) and call.func.id in least_busy
                     and len(call.args) == 1 and not call.keywords
                     and isinstance(call.args[0], ast.Name) and call.args[0].id == listed
                     and arguments.startswith("(")]
    return rewrites


def _import_edits(source: SourceText, module: ast.Module, imports: _Imports, gone: set[str],
                  parents: dict[int, ast.AST], covered: set[int],
                  used_at: int) -> list[Edit | None]:
    """Remove the chain's old names from their imports and import the service: in place of the
    first import left empty before the service is made on line ``used_at`` (an insertion
    beside a deleted line would overlap it), else after the module's leading imports."""
    edits: list[Edit | None] = []
    statements = {id(s): s for s in sorted((s for name, pairs in imports.found.items()
                                            if name in gone for s, _ in pairs),
                                           key=lambda s: s.lineno)}
    added = imports_name(module, "qiskit_ibm_runtime", "QiskitRuntimeService")
    for statement in statements.values():
        aliases = [a for a in statement.names if (a.asname or a.name) in gone]
        covered |= {id(a) for a in aliases}
        if len(aliases) < len(statement.names):
            edits += [item_removal(source, statement.names, a, source.end(statement)) for a in aliases]
        elif not added and statement.lineno < used_at:
            edits.append(source.replace(statement, _IMPORT))
            added = True
        else:
            edits.append(statement_removal(source, statement, parents, set()))
    if not added:
        edits.append(add_import(source, module, _IMPORT))
    return edits


def _instance_note(source: SourceText, call: ast.Call) -> str:
    """A comment naming the dropped instance arguments: hub/group/project instances went with
    the ibm_quantum channel (qiskit-ibm-runtime 0.41); IBM Cloud instances are CRNs."""
    if not (call.args or call.keywords):
        return ""
    was = source.segment(source.start(call), source.end(call))
    return f"  # was {was}: instance= now takes an IBM Cloud CRN or name"
