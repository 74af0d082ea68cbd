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
from ..nodes import nodes, same_tree
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
# The account calls the chain rewrites, and the channel their account is written for
# (ibm_quantum was retired, QKM501; qiskit-ibm-runtime 0.51 takes ibm_quantum_platform and
# ibm_cloud).
_ACCOUNT_CALLS = ("load_account", "enable_account", "save_account")
_CHANNEL = "ibm_quantum_platform"


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


@dataclass
class _Chain:
    """The statements of a provider chain, all in one block: the account calls
    (``IBMQ.load_account()``, ``enable_account(token)``, ``save_account(token)``, as statements
    or ``name = ...``), the one statement that makes the provider (``provider =
    IBMQ.get_provider(...)`` / ``IBMProvider()``; None where the provider is the one
    ``load_account()`` returns, or no provider is made), and the ``IBMQ.providers()`` /
    ``IBMQ.get_provider(...)`` statements whose result nothing reads."""

    accounts: list[ast.Expr | ast.Assign]
    creation: ast.Assign | None
    listings: list[ast.Expr]
    unread: list[ast.Expr]
    provider: str | None
    # ``IBMQ.get_provider(...)`` used at once: ``IBMQ.get_provider(...).get_backend(name)``.
    direct: list[ast.Call]
    # The same ``provider = IBMQ.get_provider(...)`` made again (a notebook's later cell).
    again: list[ast.Assign]

    def statements(self) -> list[ast.Expr | ast.Assign]:
        made = [self.creation] if self.creation is not None else []
        return [*self.accounts, *made, *self.again, *self.listings, *self.unread]

    def loads(self) -> list[ast.Expr | ast.Assign]:
        return [s for s in self.accounts if _account_method(s.value) != "save_account"]


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
    chain = _chain(module, parents, ibmq, classes)
    if chain is None or binds_elsewhere(module, {_SERVICE}, set()):
        return None
    provider = chain.provider
    statements = chain.statements()
    steps: list[ast.AST] = list(statements)
    targets = {id(s.targets[0]) for s in statements if isinstance(s, ast.Assign)}
    edits: list[Edit | None] = [source.replace(s.value, f"{_SERVICE}.instances()")
                                for s in chain.listings]
    edits += [statement_removal(source, s, parents, set()) for s in chain.unread]
    # The call of each statement, down to ``IBMQ`` itself (a star import's use, QKM203, carries
    # the fix too), not its arguments: copied as they are, they must not use IBMQ.
    covered: set[int] = {id(n) for s in statements for n in _callee(s.value)}
    # The uses of the provider: ``.get_backend(...)``, ``.backends(...)`` (in ``least_busy``).
    rewritten_least_busy: set[int] = set()
    uses = [n for n in nodes(module).of(ast.Name) if n.id == provider and id(n) not in targets]
    for node in [*uses, *chain.direct]:
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
    if any(node.id in ibmq | classes and id(node) not in covered
           for node in nodes(module).of(ast.Name)):
        return None
    if binds_elsewhere(module, ibmq | classes | ({provider} if provider else set()),
                       targets) or any(inside_try(module, step) for step in steps):
        return None
    # A ``least_busy`` of the provider package left (of a list of unknown backends) would
    # keep its import, which fails today: half a migration, so none.
    if any(n.id in least_busy and id(n) not in rewritten_least_busy
           for n in nodes(module).of(ast.Name)):
        return None
    gone = ibmq | classes | (least_busy if rewritten_least_busy else set())
    # The service class is first used by an account call, or by ``IBMProvider()``'s rewrite.
    used_at = min(s.lineno for s in chain.accounts or statements)
    edits += _import_edits(source, module, imports, gone, parents, covered, used_at)
    edits += _service_edits(source, parents, chain)
    if any(edit is None for edit in edits):
        return None
    return tuple(sorted(e for e in edits if e is not None)), covered


def _chain(module: ast.Module, parents: dict[int, ast.AST], ibmq: set[str],
           classes: set[str]) -> _Chain | None:
    """The chain's statements, where they form one: at most one provider made (by
    ``get_provider`` after an account is loaded in its block, made again only as it was, by
    ``IBMProvider()`` with no IBMQ account call, or as the result of ``load_account()``),
    every account call in that
    block, and a name bound to a loaded account either the provider or read nowhere."""
    assigned = [s for s in nodes(module).of(ast.Assign) if len(s.targets) == 1
                and isinstance(s.targets[0], ast.Name)]
    made = [s for s in assigned if _provider_call(s.value, ibmq, classes)]
    accounts: list[ast.Expr | ast.Assign] = [
        s for s in nodes(module).of(ast.Expr) if _account_call(s.value, ibmq)]
    accounts += [s for s in assigned if _account_call(s.value, ibmq)
                 and _account_method(s.value) != "save_account"]
    accounts.sort(key=lambda s: (s.lineno, s.col_offset))
    made.sort(key=lambda s: (s.lineno, s.col_offset))
    if any(_target(s) != _target(made[0]) or not same_tree(s.value, made[0].value)
           for s in made):
        return None
    creation, again = (made[0], made[1:]) if made else (None, [])
    if creation is not None and not ibmq & _names_in(creation.value):  # ``IBMProvider()``
        return None if accounts or again else _Chain(
            [], creation, [], [], _target(creation), [], [])
    named = {_target(s) for s in accounts if isinstance(s, ast.Assign)}
    provider = _target(creation) if creation is not None else (
        next(iter(named)) if len(named) == 1 else None)
    if any(name != provider and _mentioned_beyond(module, name, accounts) for name in named):
        return None
    loads = [s for s in accounts if _account_method(s.value) != "save_account"]
    if not accounts or creation is not None and not loads or len(loads) > 1 and any(
            _account_method(s.value) == "enable_account" for s in loads):
        return None  # IBMQ refused to enable an account while one was in use
    block = _block(parents, accounts[0])
    if any(s not in block for s in accounts) or any(
            s not in block or block.index(s) < block.index(loads[0]) for s in made):
        return None
    # What needs an account loaded comes after the first load.
    after = block[block.index(loads[0]) + 1:] if loads else []
    listings = [s for s in after if isinstance(s, ast.Expr) and _ibmq_call(
        s.value, ibmq, "providers")]
    unread = [s for s in after if isinstance(s, ast.Expr) and _provider_call(
        s.value, ibmq, set())]
    direct = [n for n in nodes(module).of(ast.Call) if _provider_call(n, ibmq, set())
              and isinstance(parents.get(id(n)), ast.Attribute)]
    if direct and not loads:
        return None
    if provider is None and not (listings or unread or direct) and all(
            isinstance(s, ast.Expr) and _account_method(s.value) == "load_account"
            for s in accounts):
        return None  # ``IBMQ.load_account()`` alone: its own fix (``_to_service``)
    return _Chain(accounts, creation, listings, unread, provider, direct, again)


def _callee(call: ast.expr) -> list[ast.AST]:
    """``IBMQ.get_provider(...)``: the call, ``IBMQ.get_provider`` and ``IBMQ``."""
    func = getattr(call, "func", None)
    return [call, *([func, func.value] if isinstance(func, ast.Attribute) else [func] if func
                    else [])]


def _target(statement: ast.Assign) -> str:
    target = statement.targets[0]
    assert isinstance(target, ast.Name)
    return target.id


def _mentioned_beyond(module: ast.Module, name: str,
                      accounts: list[ast.Expr | ast.Assign]) -> bool:
    """Whether ``name`` appears anywhere but as the target of the account calls."""
    own = {id(s.targets[0]) for s in accounts if isinstance(s, ast.Assign)}
    return any(n.id == name and id(n) not in own for n in nodes(module).of(ast.Name))


def _account_method(value: ast.expr) -> str:
    func = value.func if isinstance(value, ast.Call) else None
    return func.attr if isinstance(func, ast.Attribute) else ""


def _account_call(value: ast.expr, ibmq: set[str]) -> bool:
    """``IBMQ.load_account()``, ``IBMQ.enable_account(token)`` or ``IBMQ.save_account(token)``
    (``overwrite=`` too): the calls whose arguments the service takes as they are (a Classic
    ``url=`` or hub/group/project has no counterpart)."""
    method = _account_method(value)
    if method not in _ACCOUNT_CALLS or not _ibmq_call(value, ibmq, method):
        return False
    assert isinstance(value, ast.Call)
    if method == "load_account":
        return True
    extra = {"overwrite"} if method == "save_account" else set()
    return _token(value) is not None and all(
        k.arg == "token" or k.arg in extra for k in value.keywords)


def _token(call: ast.Call) -> ast.expr | None:
    """The token argument: the only positional one, or ``token=``."""
    given = [*call.args, *[k.value for k in call.keywords if k.arg == "token"]]
    if len(given) != 1 or isinstance(given[0], ast.Starred):
        return None
    return given[0]


def _service_edits(source: SourceText, parents: dict[int, ast.AST],
                   chain: _Chain) -> list[Edit | None]:
    """Each account call as its ``QiskitRuntimeService`` call; the provider's creation goes,
    named in the comment of the last account loaded before it."""
    loads, creation = chain.loads(), chain.creation
    # The provider the instance arguments chose: made, else the first used at once.
    chosen = creation.value if creation is not None else (
        chain.direct[0] if chain.direct else None)
    noted = [s for s in loads if chosen is not None and s.lineno <= chosen.lineno][-1:]
    edits: list[Edit | None] = []
    for statement in chain.accounts:
        assert isinstance(statement.value, ast.Call)
        note = _instance_note(source, chosen) if statement in noted and isinstance(
            chosen, ast.Call) else ""
        edits.append(source.replace(statement, _account_rewrite(source, statement.value)
                                    + note))
    if creation is not None and loads:
        edits += [statement_removal(source, s, parents, set()) for s in (creation, *chain.again)]
    elif creation is not None and isinstance(creation.value, ast.Call):
        edits.append(source.replace(creation, f"{_SERVICE} = QiskitRuntimeService()"
                                    + _instance_note(source, creation.value)))
    return edits


def _account_rewrite(source: SourceText, call: ast.Call) -> str:
    """``IBMQ.load_account()`` -> ``service = QiskitRuntimeService()``; ``enable_account(token)``
    -> ``service = QiskitRuntimeService(channel=..., token=token)``; ``save_account(token)`` ->
    ``QiskitRuntimeService.save_account(channel=..., token=token, overwrite=True)``: IBMQ warned
    and kept an account already saved, the service raises unless told to overwrite it."""
    method = _account_method(call)
    if method == "load_account":
        return f"{_SERVICE} = QiskitRuntimeService()"
    token = _token(call)
    assert token is not None
    written = f'channel="{_CHANNEL}", token={_text(source, token)}'
    if method == "enable_account":
        return f"{_SERVICE} = QiskitRuntimeService({written})"
    overwrite = next((k.value for k in call.keywords if k.arg == "overwrite"), None)
    flag = _text(source, overwrite) if overwrite is not None else "True"
    return f"QiskitRuntimeService.save_account({written}, overwrite={flag})"


def _text(source: SourceText, node: ast.AST) -> str:
    return source.segment(source.start(node), source.end(node))


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


def _provider_use(source: SourceText, name: ast.expr, parents: dict[int, ast.AST],
                  least_busy: set[str]) -> tuple[ast.AST, Edit] | None:
    """How one use of the provider (its name, or ``IBMQ.get_provider(...)`` itself) is
    rewritten: ``provider.get_backend(n)`` ->
    ``service.backend(n)``, ``provider.backends.n`` -> ``service.backend("n")``,
    ``provider.backends(...)`` -> ``service.backends(...)``,
    ``least_busy(provider.backends(k=v))`` -> ``service.least_busy(k=v)`` (the arguments kept
    as written: a ``filters=`` function gets the same ``IBMBackend`` objects, whose
    ``configuration()`` and ``status()`` remain)."""
    method = parents.get(id(name))
    call = parents.get(id(method))
    if isinstance(method, ast.Attribute) and method.attr == "backends" and isinstance(
            call, ast.Attribute) and isinstance(call.ctx, ast.Load):
        # ``provider.backends.ibmq_lima``: the provider set each backend as an attribute
        # named by its name (made an identifier; ``_`` appended to a duplicate); a called
        # attribute is a method (``provider.backends.jobs()``)
        outer = parents.get(id(call))
        if not _device_attribute(call.attr) or isinstance(outer, ast.Call) and (
                outer.func is call):
            return None
        return call, source.replace(call, f'{_SERVICE}.backend("{call.attr}")')
    if not (isinstance(method, ast.Attribute) and isinstance(call, ast.Call)
            and call.func is method and isinstance(getattr(name, "ctx", ast.Load()), ast.Load)):
        return None
    if method.attr == "get_backend":
        given = [*call.args, *[k.value for k in call.keywords if k.arg == "name"]]
        if len(given) != 1 or len(call.keywords) > 1 - len(call.args) or isinstance(
                given[0], ast.Starred):
            return None  # a name is required (``name=`` too); V1 filters have no counterpart
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


def _device_attribute(attribute: str) -> bool:
    """An attribute of ``provider.backends`` that is a backend's own name: not a method of the
    backend service, nor a name the provider may have changed (``_`` appended)."""
    return not attribute.startswith("_") and not attribute.endswith("_") and attribute not in (
        "backends", "jobs", "retrieve_job", "my_reservations")


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
