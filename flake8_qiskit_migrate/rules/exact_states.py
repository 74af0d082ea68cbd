"""The exact migration of a statevector or unitary simulator job: ``backend =
Aer.get_backend("statevector_simulator")`` whose one job's ``.result().get_statevector(circ)``
is read becomes ``Statevector(circ)`` (``Operator(circ)`` for the unitary simulator), and the
backend, the job and the result, now unused, go with their imports.

Offered only where every step is proven in the module: the backend is bound once, at the top
level, and used by that one job (``backend.run(circ)``, ``backend.run(transpile(circ,
backend))`` or ``execute(circ, backend)``, nothing else passed); the job and the result are read
once, in the same chain or through names bound once; and the circuit is a name bound once to a
``QuantumCircuit`` on which only unitary gates are applied (no measurement, reset, classical
control or anything unknown), so the exact state is the simulator's.
"""

from __future__ import annotations

import ast

from ..edits import Edit, Fix, SourceText, add_import, binds, imports_name, inside_try, \
    parents_of
from ..nodes import nodes
from ..registry import Context

GET_BACKEND = ("qiskit_aer.Aer.get_backend", "qiskit.Aer.get_backend",
               "qiskit.providers.aer.Aer.get_backend", "qiskit.BasicAer.get_backend")
# Backend name -> (the result's getter, what replaces the read, its module)
_EXACT = {"statevector_simulator": ("get_statevector", "Statevector"),
          "unitary_simulator": ("get_unitary", "Operator")}
_CLASSES = {f"{module}.{cls}": _EXACT[name] for module in ("qiskit_aer", "qiskit_aer.backends")
            for cls, name in (("StatevectorSimulator", "statevector_simulator"),
                              ("UnitarySimulator", "unitary_simulator"))}
_INFO = "qiskit.quantum_info"
# Circuit methods that apply a unitary gate (or draw): the exact state is the simulator's.
_UNITARY_METHODS = frozenset(
    "h x y z s sdg t tdg sx sxdg rx ry rz p u cx cy cz ch swap iswap ccx cswap crx cry crz cp "
    "cu rxx ryy rzz rzx ecr dcx id barrier draw".split())
# Imports a migrated module may no longer use.
_OLD_IMPORTS = {"qiskit": ("Aer", "BasicAer", "execute", "transpile"),
                "qiskit_aer": ("Aer", "StatevectorSimulator", "UnitarySimulator"),
                "qiskit_aer.backends": ("StatevectorSimulator", "UnitarySimulator")}


def exact_state_fix_at(ctx: Context, node: ast.AST) -> Fix | None:
    """The migration carried by a finding of a simulator class: at its import (where the
    module's one use of the name constructs it) or at the name in its construction."""
    if ctx.source is None or ctx.module is None:
        return None
    parents = parents_of(ctx.source, ctx.module)
    if isinstance(node, ast.alias):
        uses = _loads(ctx.module, node.asname or node.name.split(".")[0])
        if len(uses) != 1:
            return None
        node = uses[0]
    call = parents.get(id(node))
    return exact_state_fix(ctx, call) if isinstance(call, ast.Call) and (
        call.func is node) else None


def _simulator(ctx: Context, call: ast.Call) -> tuple[str, str] | None:
    """The getter and the replacement of what ``call`` constructs, if it is a statevector or
    unitary simulator: ``Aer.get_backend("statevector_simulator")``, ``UnitarySimulator()``."""
    path = ctx.qualify(call.func)
    if call.keywords:
        return None
    if path in GET_BACKEND and len(call.args) == 1 and isinstance(call.args[0], ast.Constant):
        return _EXACT.get(str(call.args[0].value))
    return None if call.args else _CLASSES.get(path or "")


def exact_state_fix(ctx: Context, call: ast.Call) -> Fix | None:
    """The whole migration of the job on the simulator that ``call`` returns, or None where
    a step is not proven."""
    source, module = ctx.source, ctx.module
    found = None if source is None or module is None else _simulator(ctx, call)
    if found is None or source is None or module is None:
        return None
    getter, replacement = found
    parents = parents_of(source, module)
    backend = _bound_once(module, parents, call)
    if backend is None:
        return None
    job = _job(ctx, module, parents, backend)
    if job is None:
        return None
    run, circuit = job
    removed: list[ast.stmt] = [parents[id(call)]]  # type: ignore[list-item]
    read = _follow(module, parents, run, "result", removed)
    read = None if read is None else _follow(module, parents, read, getter, removed)
    if read is None or read.keywords or len(read.args) > 1 or read.args and not (
            isinstance(read.args[0], ast.Name) and read.args[0].id == circuit.id):
        return None
    statement = _statement_of(parents, read)
    takers = {id(run), id(read), id(parents.get(id(circuit)))}  # the job, transpile, the read
    if statement not in module.body or inside_try(module, statement) or any(
            inside_try(module, s) or not _alone(source, s) for s in removed) or (
            not _unitary_circuit(ctx, module, parents, circuit, takers, run.lineno)):
        return None
    edits = [source.replace(read, f"{replacement}({circuit.id})"),
             *[Edit(s.lineno, 1, (s.end_lineno or s.lineno) + 1, 1, "") for s in removed]]
    imports = _import_edits(source, module, [*removed, read], replacement)
    return None if imports is None else (*edits, *imports)


def _bound_once(module: ast.Module, parents: dict[int, ast.AST],
                value: ast.expr) -> str | None:
    """The name that a top-level ``name = value`` binds, where nothing else binds it."""
    statement = parents.get(id(value))
    if not (isinstance(statement, ast.Assign) and statement in module.body
            and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name)):
        return None
    name = statement.targets[0].id
    found = nodes(module)
    definitions: list[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef] = [
        *found.of(ast.FunctionDef), *found.of(ast.AsyncFunctionDef), *found.of(ast.ClassDef)]
    bindings = [*(n for n in found.of(ast.Name) if n.id == name and not isinstance(
        n.ctx, ast.Load)), *(n for n in found.of(ast.alias) if (n.asname or n.name) == name),
        *(n for n in found.of(ast.arg) if n.arg == name),
        *(n for n in definitions if n.name == name)]
    return name if len(bindings) == 1 else None


def _loads(module: ast.Module, name: str) -> list[ast.Name]:
    return [n for n in nodes(module).of(ast.Name) if n.id == name
            and isinstance(n.ctx, ast.Load)]


def _job(ctx: Context, module: ast.Module, parents: dict[int, ast.AST],
         backend: str) -> tuple[ast.Call, ast.Name] | None:
    """The one job on the backend and its circuit: ``backend.run(circ)``, ``backend.run(
    transpile(circ, backend))`` or ``execute(circ, backend)``, where the backend is used
    nowhere else."""
    uses = _loads(module, backend)
    attributes = [parents[id(u)] for u in uses if isinstance(parents.get(id(u)), ast.Attribute)]
    runs = [parents[id(a)] for a in attributes if isinstance(a, ast.Attribute) and a.attr == "run"]
    executes = [parents[id(u)] for u in uses if isinstance(parents.get(id(u)), ast.Call)]
    calls = [c for c in [*runs, *executes] if isinstance(c, ast.Call) and (
        c in runs or ctx.qualify(c.func) == "qiskit.execute")]
    if len(calls) != 1 or calls[0].keywords:
        return None
    job = calls[0]
    argument: ast.expr | None = None
    reads = 1
    if job in runs and len(job.args) == 1:
        argument = job.args[0]
        if isinstance(argument, ast.Call):
            argument, reads = _circuit_of(ctx, argument, backend, "qiskit.transpile"), 2
    elif len(job.args) == 2:
        argument = _circuit_of(ctx, job, backend, "qiskit.execute")
    if not isinstance(argument, ast.Name):
        return None
    return (job, argument) if len(uses) == reads else None


def _circuit_of(ctx: Context, call: ast.Call, backend: str, function: str) -> ast.expr | None:
    """The circuit of ``function(circ, backend)``."""
    if ctx.qualify(call.func) != function or len(call.args) != 2 or call.keywords:
        return None
    second = call.args[1]
    return call.args[0] if isinstance(second, ast.Name) and second.id == backend else None


def _follow(module: ast.Module, parents: dict[int, ast.AST], value: ast.expr, method: str,
            removed: list[ast.stmt]) -> ast.Call | None:
    """The call ``value.method(...)``, directly or through a top-level name bound once to the
    value and read once (its statement joins ``removed``)."""
    name = _bound_once(module, parents, value)
    if name is not None:
        uses = _loads(module, name)
        if len(uses) != 1 or uses[0].lineno <= value.lineno:
            return None
        removed.append(parents[id(value)])  # type: ignore[arg-type]
        value = uses[0]
    attribute = parents.get(id(value))
    call = parents.get(id(attribute))
    if isinstance(attribute, ast.Attribute) and attribute.attr == method and isinstance(
            call, ast.Call) and call.func is attribute:
        return call
    return None


def _statement_of(parents: dict[int, ast.AST], node: ast.AST) -> ast.AST | None:
    while node is not None and not isinstance(node, ast.stmt):
        node = parents.get(id(node))  # type: ignore[assignment]
    return node


def _unitary_circuit(ctx: Context, module: ast.Module, parents: dict[int, ast.AST],
                     circuit: ast.Name, takers: set[int], job_line: int) -> bool:
    """Whether the name is bound once, at the top level, to a ``QuantumCircuit`` that only
    unitary gates are applied to (each a statement of its own, so no ``c_if`` follows), all
    before the job (the state read later is the state it ran)."""
    statement = next((s for s in module.body if isinstance(s, ast.Assign) and len(s.targets) == 1
                      and isinstance(s.targets[0], ast.Name)
                      and s.targets[0].id == circuit.id), None)
    if statement is None or not isinstance(statement.value, ast.Call) or ctx.qualify(
            statement.value.func) != "qiskit.QuantumCircuit" or _bound_once(
            module, parents, statement.value) is None:
        return False
    for use in _loads(module, circuit.id):
        attribute = parents.get(id(use))
        if isinstance(attribute, ast.Attribute):
            call = parents.get(id(attribute))
            if attribute.attr not in _UNITARY_METHODS or not isinstance(call, ast.Call) or (
                    not isinstance(parents.get(id(call)), ast.Expr)) or use.lineno >= job_line:
                return False
        elif id(attribute) not in takers:
            return False  # passed to something else, which may measure it
    return True


def _alone(source: SourceText, statement: ast.stmt) -> bool:
    """Whether the statement is alone on its lines (its lines can go)."""
    row, column = source.start(statement)
    end_row, end_column = source.end(statement)
    return not (source.line(row)[:column - 1].strip()
                or source.line(end_row)[end_column - 1:].strip())


def _import_edits(source: SourceText, module: ast.Module, gone: list[ast.AST],
                  replacement: str) -> Fix | None:
    """The import of the replacement, and the removal of the old imports that only the
    removed code used."""
    inside = {id(n) for node in gone for n in ast.walk(node)}
    edits: list[Edit] = []
    for statement in module.body:
        if not isinstance(statement, ast.ImportFrom) or statement.level:
            continue
        names = statement.names
        kept = [a for a in names if a.asname or a.name not in _OLD_IMPORTS.get(
            statement.module or "", ()) or not all(id(n) in inside for n in _loads(module, a.name))]
        if len(kept) == len(names):
            continue
        if not _alone(source, statement) or names[0].lineno != names[-1].end_lineno:
            return None  # an import across lines may hold comments
        if kept:
            edits.append(Edit(*source.start(names[0]), *source.end(names[-1]),
                              ", ".join(source.segment(source.start(a), source.end(a))
                                        for a in kept)))
        else:
            edits.append(Edit(statement.lineno, 1, (statement.end_lineno or statement.lineno)
                              + 1, 1, ""))
    if not imports_name(module, _INFO, replacement):
        if binds(module, replacement):
            return None
        line = f"from {_INFO} import {replacement}"
        added = add_import(source, module, line)
        within = [e for e in edits if (e.row, e.column) <= (added.row, added.column) < (
            e.end_row, e.end_column)]  # the import it follows goes: it takes its place
        if within:
            edits[edits.index(within[0])] = Edit(within[0].row, 1, within[0].end_row, 1,
                                                 line + "\n")
        else:
            edits.append(added)
    return tuple(edits)
