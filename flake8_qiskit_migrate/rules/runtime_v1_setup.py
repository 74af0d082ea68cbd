"""The Runtime V1 primitives' construction in the V1 primitives' fix (``v2_rewrites``):
``Sampler(session=session, options=options)`` (or ``Estimator``) of qiskit-ibm-runtime up to
0.27, with ``options = Options(...)`` and its fields set in statements, becomes the V2 class of
the targeted releases (``ibm_sampler.sampler_class``) in the same session, the V1 option
fields moved where V2 has them: ``execution.shots`` to ``options={"default_shots": n}``, the
Estimator's ``resilience_level`` 0-2 to the same option, ``optimization_level`` (V1
transpiled on the server) to a preset pass manager built before the primitive, through which
every circuit of its runs goes (V2 takes ISA circuits only).

Proven from the module or nothing: the session a name bound once, by ``with Session(...) as
session`` or ``session = Session(...)``, to a session of a proven IBM Quantum backend given as
a name bound once (the pass manager's target); the options a name bound once to
``Options(...)`` of integer ``optimization_level`` / ``resilience_level`` / ``execution=
{"shots": n}`` keywords, set afterwards only by ``options.execution.shots = n``-style
statements of those fields, read by nothing else than the construction's ``options=``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ..edits import (Edit, SourceText, argument_removal, binds, bound_once, imports_name,
                     statement_removal)
from .backends import IBM_BACKEND
from .ibm_sampler import PASS_MANAGER, SIMPLE, sampler_class

SESSION = "qiskit_ibm_runtime.Session"
OPTIONS = "qiskit_ibm_runtime.Options()"
PASS_MANAGER_NAME = "pass_manager"
# V1 option fields (as set on the object, dotted) -> their V2 option, None where the field
# has none (it goes elsewhere: the pass manager).
_FIELDS = {"execution.shots": "default_shots", "optimization_level": None,
           "resilience_level": "resilience_level"}
# Transpilation at the level the guides use where V1 left it to the server's default.
_DEFAULT_LEVEL = 1


@dataclass(frozen=True)
class Setup:
    """A V2 construction's edits (its arguments, the statements around it), and the pass
    manager every circuit of its runs goes through."""

    edits: list[Edit]
    pass_manager: str
    imports: list[tuple[str, str]]  # to add: (module, name)
    unused: list[tuple[ast.ImportFrom, ast.alias]]  # the ``Options`` import, where unused now


Facts = dict[int, tuple[str, dict[int, str | None]]]


def runtime_class(targets: tuple[tuple[str, str], ...], estimator: bool) -> tuple[str, str] | None:
    """The module and name of the Runtime V2 Sampler (Estimator) of the targeted releases."""
    found = sampler_class(targets)
    if found is None or not estimator:
        return found
    return (found[0].replace("executor_sampler", "executor_estimator"),
            found[1].replace("Sampler", "Estimator"))


def runtime_setup(source: SourceText, module: ast.Module, parents: dict[int, ast.AST],
                  facts: Facts, call: ast.Call, estimator: bool) -> Setup | None:
    """The V2 setup of a V1 Runtime Sampler (Estimator) construction, or None where
    unproven."""
    _, values = facts.get(id(call), ("", {}))
    given = {k.arg: k.value for k in call.keywords}
    session = given.pop("session", None) or given.pop("mode", None)
    options = given.pop("options", None)
    if call.args or given or not isinstance(session, ast.Name):
        return None  # ``backend=`` (a name or a backend) and other V1 keywords
    backend = _session_backend(module, facts, session.id)
    fields = {} if options is None else _option_fields(module, parents, values, options)
    statement = _statement(source, parents, call)
    if backend is None or fields is None or statement is None or binds(
            module, PASS_MANAGER_NAME):
        return None
    level = fields.pop("optimization_level", None)
    resilience = fields.pop("resilience_level", None)
    if estimator and resilience in (0, 1, 2):  # V1's 3 (PEC) is no V2 level
        fields["resilience_level"] = resilience
    elif resilience not in (None, 0):
        return None  # the V1 Sampler's readout mitigation: the V2 Sampler has none
    # The arguments edited in place: ``session=`` renamed as QKM412's fix does (one edit
    # when both fixes are applied), the options' value replaced (or dropped with them).
    edits = []
    for keyword in call.keywords:
        if keyword.arg == "session":
            row, column = source.start(keyword)
            edits.append(Edit(row, column, row, column + len("session"), "mode"))
        elif keyword.arg == "options" and fields:
            edits.append(Edit(*source.start(keyword.value), *source.end(keyword.value), "{" + (
                ", ".join(f'"{_FIELDS[k]}": {v}' for k, v in fields.items())) + "}"))
        elif keyword.arg == "options":
            edits.append(argument_removal(source, call, keyword))
    row, column = source.start(statement)
    level = _DEFAULT_LEVEL if level is None else level
    edits.append(Edit(row, 1, row, 1, f"{source.line(row)[:column - 1]}{PASS_MANAGER_NAME} = "
                      f"{PASS_MANAGER[1]}(optimization_level={level}, backend={backend})\n"))
    removals = [] if not isinstance(options, ast.Name) else _option_statements(
        source, module, parents, options)
    if removals is None:
        return None
    imports = [] if imports_name(module, "qiskit.transpiler", PASS_MANAGER[1]) else [PASS_MANAGER]
    unused = [] if not isinstance(options, ast.Name) else _options_import(module, options)
    return Setup([*edits, *removals], PASS_MANAGER_NAME, imports, unused)


def _options_import(module: ast.Module, options: ast.Name) -> list[tuple[ast.ImportFrom, ast.alias]]:
    """The import of ``Options``, where its one use is the options' construction (removed)."""
    value = bound_once(module, options.id)
    assert isinstance(value, ast.Call)
    if not isinstance(value.func, ast.Name) or len(_reads(module, value.func.id)) != 1:
        return []
    return [(node, alias) for node in ast.walk(module) if isinstance(node, ast.ImportFrom)
            and node.module == "qiskit_ibm_runtime" and not node.level for alias in node.names
            if (alias.name, alias.asname or alias.name) == ("Options", value.func.id)]


def _statement(source: SourceText, parents: dict[int, ast.AST], call: ast.Call) -> ast.stmt | None:
    """The simple statement holding the construction, alone at the start of its line (the
    pass manager goes before it)."""
    node: ast.AST = call
    while not isinstance(node, ast.stmt):
        node = parents[id(node)]
    row, column = source.start(node)
    return node if isinstance(node, SIMPLE) and not source.line(row)[:column - 1].strip() else None


def _session_backend(module: ast.Module, facts: Facts, session: str) -> str | None:
    """The backend (a name bound once to a proven IBM Quantum backend) of the session."""
    value = bound_once(module, session)
    if not isinstance(value, ast.Call) or facts.get(id(value), ("",))[0] != SESSION:
        return None
    backend = next((k.value for k in value.keywords if k.arg == "backend"), None)
    if not isinstance(backend, ast.Name) or bound_once(module, backend.id) is None:
        return None
    return backend.id if facts[id(value)][1].get(id(backend)) == IBM_BACKEND else None


def _option_fields(module: ast.Module, parents: dict[int, ast.AST],
                   values: dict[int, str | None], options: ast.expr) -> dict[str, int] | None:
    """The V1 option fields the construction's ``options`` sets (the constructor's keywords,
    then the statements before the construction setting fields), where those are all the
    module does with them."""
    if not isinstance(options, ast.Name) or values.get(id(options)) != OPTIONS:
        return None
    value = bound_once(module, options.id)
    if not isinstance(value, ast.Call) or value.args or value.lineno >= options.lineno:
        return None
    pairs: list[tuple[str, ast.expr]] = []
    for keyword in value.keywords:
        if keyword.arg != "execution":
            pairs.append((str(keyword.arg), keyword.value))
        elif isinstance(keyword.value, ast.Dict) and all(
                isinstance(k, ast.Constant) for k in keyword.value.keys):
            pairs += [(f"execution.{k.value}", v)  # type: ignore[union-attr]
                      for k, v in zip(keyword.value.keys, keyword.value.values)]
        else:
            return None
    for read in _reads(module, options.id):
        if read is not options:
            assign = _field_assignment(parents, read)
            if assign is None or read.lineno >= options.lineno:
                return None  # read otherwise, or set after the primitive took it
            pairs.append(assign)
    if any(path not in _FIELDS or not _integer(number) for path, number in pairs):
        return None
    return {path: number.value for path, number in pairs}  # type: ignore[attr-defined]


def _option_statements(source: SourceText, module: ast.Module, parents: dict[int, ast.AST],
                       options: ast.Name) -> list[Edit] | None:
    """The removal of the options' binding and of the statements setting their fields."""
    edits: list[Edit] = []
    for node in ast.walk(module):
        if not (isinstance(node, ast.Name) and node.id == options.id) or node is options:
            continue
        statement: ast.AST = node
        while not isinstance(statement, ast.stmt):
            statement = parents[id(statement)]
        removal = statement_removal(source, statement)
        if removal is None:
            return None
        edits.extend(removal)
    return edits


def _field_assignment(parents: dict[int, ast.AST],
                      read: ast.Name) -> tuple[str, ast.expr] | None:
    """``options.execution.shots = n`` read from its base name: the field's dotted path and
    the value, where the statement is that plain assignment."""
    path = []
    node: ast.AST = read
    while isinstance(parents.get(id(node)), ast.Attribute):
        node = parents[id(node)]
        assert isinstance(node, ast.Attribute)
        path.append(node.attr)
    statement = parents.get(id(node))
    if not (path and isinstance(statement, ast.Assign) and statement.targets == [node]):
        return None
    return ".".join(path), statement.value


def _reads(module: ast.Module, name: str) -> list[ast.Name]:
    return [n for n in ast.walk(module) if isinstance(n, ast.Name) and n.id == name
            and isinstance(n.ctx, ast.Load)]


def _integer(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int
