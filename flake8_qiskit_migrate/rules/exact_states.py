"""The exact migration of the jobs on a statevector or unitary simulator: ``backend =
Aer.get_backend("statevector_simulator")`` whose jobs' ``.result().get_statevector(circ)`` are
read becomes ``Statevector(circ)`` at each read (``Operator(circ)`` for the unitary simulator),
and the backend, the jobs and the results, now unused, go with their imports.

Names are followed through the module's top level in order, as a script or a notebook runs:
a binding reaches the loads after it up to the next binding of the name, so a name bound again
in each notebook cell (``backend = ...``, ``result = ...``) is followed binding by binding.
Offered only where every step is proven: every binding of the backend, job, result and circuit
names is a top-level ``name = value`` and every load is at the top level (no function or class
reads them); each use that a backend binding reaches is a job (``backend.run(circ)``,
``backend.run(transpile(circ, backend))`` or ``execute(circ, backend)``, nothing else passed)
whose job and result are read once, in the chain or through names; and each circuit is bound
to a ``QuantumCircuit`` on which, before its read, only unitary gates are applied (no
measurement, reset, classical control, unknown method or call that may change it), none
between the job and the read, so the exact state is the simulator's.

The unit is one backend binding (its assignment and all its jobs), or all the bindings of the
name together where each is proven and their edits lie in one notebook cell (then the imports
they alone used go too). A fix never spans notebook cells: the replacement's import goes where
the module's imports are when that is the cell of the backend, else in place of the backend's
assignment.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import NamedTuple

from ..edits import Edit, Fix, SourceText, add_import, binds, inside_try, parents_of, \
    per_module
from ..nodes import nodes
from ..registry import Context

_BASIC_AER = "qiskit.BasicAer.get_backend"
GET_BACKEND = ("qiskit_aer.Aer.get_backend", "qiskit.Aer.get_backend",
               "qiskit.providers.aer.Aer.get_backend", _BASIC_AER)


class _Kind(NamedTuple):
    """A simulator's read (``getter``), the class that replaces it, and whether the legacy
    read returned a NumPy array (BasicAer's; Aer's returned a ``Statevector`` / ``Operator``)."""

    getter: str
    replacement: str
    array: bool = False


# Backend name -> its kind (on Aer)
_EXACT = {"statevector_simulator": _Kind("get_statevector", "Statevector"),
          "unitary_simulator": _Kind("get_unitary", "Operator")}
_CLASSES = {f"{module}.{cls}": _EXACT[name] for module in ("qiskit_aer", "qiskit_aer.backends")
            for cls, name in (("StatevectorSimulator", "statevector_simulator"),
                              ("UnitarySimulator", "unitary_simulator"))}
_INFO = "qiskit.quantum_info"
_EXECUTE = "qiskit.execute"
_TRANSPILE = ("qiskit.transpile", "qiskit.compiler.transpile")
# Circuit methods that apply a unitary gate (or draw): the exact state is the simulator's.
_UNITARY_METHODS = frozenset(
    "h x y z s sdg t tdg sx sxdg rx ry rz p u cx cy cz ch swap iswap ccx cswap crx cry crz cp "
    "cu rxx ryy rzz rzx ecr dcx id barrier draw".split())
# Calls that read a circuit without changing it (another job of the module, its exact state).
_READERS = frozenset({_EXECUTE, *_TRANSPILE, f"{_INFO}.Statevector", f"{_INFO}.Operator"})
_READ_METHODS = frozenset({"get_statevector", "get_unitary"})
# Circuit methods that return a new circuit or a figure of it and leave it as it is
# (``compose`` unless ``inplace=``).
_COPYING_METHODS = frozenset({"compose", "copy", "inverse", "decompose", "depth", "size",
                              "count_ops", "width"})
_SIMULATORS = frozenset({*GET_BACKEND, "qiskit_aer.AerSimulator", *_CLASSES})
_SAMPLING = frozenset({"shots", "seed_simulator"})  # options of a job, not of its exact state
# Imports a migrated module may no longer use.
_OLD_IMPORTS = {"qiskit": ("Aer", "BasicAer", "execute", "transpile"),
                "qiskit_aer": ("Aer", "StatevectorSimulator", "UnitarySimulator"),
                "qiskit_aer.backends": ("StatevectorSimulator", "UnitarySimulator")}
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.ListComp,
           ast.SetComp, ast.DictComp, ast.GeneratorExp)


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


def exact_state_fix_of_run(ctx: Context, run: ast.Call) -> Fix | None:
    """The migration carried by the ``backend.run(...)`` of a job on such a simulator (QKM103):
    that of the backend binding it uses."""
    if ctx.source is None or ctx.module is None or not (
            isinstance(run.func, ast.Attribute) and isinstance(run.func.value, ast.Name)):
        return None
    binding = _flow(ctx.source, ctx.module).binding_of(run.func.value)
    return None if binding is None or not isinstance(binding.value, ast.Call) else (
        exact_state_fix(ctx, binding.value))


def _simulator(ctx: Context, call: ast.Call) -> _Kind | None:
    """The kind of what ``call`` constructs, if it is a statevector or unitary simulator:
    ``Aer.get_backend("statevector_simulator")``, ``UnitarySimulator()``."""
    path = ctx.qualify(call.func)
    if call.keywords:
        return None
    if path in GET_BACKEND and len(call.args) == 1 and isinstance(call.args[0], ast.Constant):
        kind = _EXACT.get(str(call.args[0].value))
        return None if kind is None else kind._replace(array=path == _BASIC_AER)
    return None if call.args else _CLASSES.get(path or "")


class _Flow:
    """The module's top-level bindings and loads of each name, in the order they run."""

    def __init__(self, module: ast.Module, parents: dict[int, ast.AST]) -> None:
        self.module, self.parents = module, parents
        self.index = {id(s): i for i, s in enumerate(module.body)}
        self.names: dict[str, list[ast.AST]] = {}
        for node in ast.walk(module):
            name = _bound_or_loaded(node)
            if name is not None:
                self.names.setdefault(name, []).append(node)

    def top(self, node: ast.AST) -> int | None:
        """The index of the top-level statement that runs ``node`` when it runs (None inside
        a function, class, lambda or comprehension)."""
        current: ast.AST | None = node
        while current is not None and id(current) not in self.index:
            if isinstance(current, _SCOPES):
                return None
            current = self.parents.get(id(current))
        return None if current is None else self.index[id(current)]

    def bindings(self, name: str) -> list[ast.Assign] | None:
        """The top-level ``name = value`` statements in order; None where the name is bound
        otherwise, loaded inside a scope, or loaded before its first binding."""
        found: list[ast.Assign] = []
        loads: list[int] = []
        for node in self.names.get(name, ()):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                index = self.top(node)
                if index is None:
                    return None
                loads.append(index)
                continue
            statement = self.parents.get(id(node))
            if not (isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
                    and isinstance(statement, ast.Assign) and id(statement) in self.index
                    and statement.targets == [node]):
                return None
            found.append(statement)
        found.sort(key=lambda s: self.index[id(s)])
        if not found or loads and min(loads) <= self.index[id(found[0])]:
            return None
        return found

    def reach(self, statement: ast.Assign) -> list[ast.Name] | None:
        """The loads of the name that the top-level assignment binds, from it up to the next
        binding of the name (whose value still reads this one)."""
        target = statement.targets[0]
        if not isinstance(target, ast.Name):
            return None
        bindings = self.bindings(target.id)
        if bindings is None or statement not in bindings:
            return None
        here = self.index[id(statement)]
        later = [self.index[id(b)] for b in bindings if self.index[id(b)] > here]
        end = min(later) if later else len(self.module.body)
        return [n for n in self.names[target.id] if isinstance(n, ast.Name) and isinstance(
            n.ctx, ast.Load) and here < (self.top(n) or 0) <= end]

    def binding_of(self, load: ast.Name) -> ast.Assign | None:
        """The top-level assignment whose binding ``load`` reads."""
        bindings = self.bindings(load.id)
        index = self.top(load)
        before = [b for b in bindings or () if index is not None and self.index[id(b)] < index]
        return before[-1] if before else None

    def assigned(self, value: ast.expr) -> ast.Assign | None:
        """The top-level ``name = value`` statement of ``value``, if it is one."""
        statement = self.parents.get(id(value))
        return statement if isinstance(statement, ast.Assign) and id(
            statement) in self.index and len(statement.targets) == 1 and isinstance(
            statement.targets[0], ast.Name) and statement.value is value else None


def _bound_or_loaded(node: ast.AST) -> str | None:
    """The name a node binds or loads, if it is a binding or a load."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.arg):
        return node.arg
    if isinstance(node, ast.alias):
        return node.asname or node.name.split(".")[0]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name
    if isinstance(node, ast.ExceptHandler):
        return node.name
    return None


@per_module
def _flow(source: SourceText, module: ast.Module) -> _Flow:
    return _Flow(module, parents_of(source, module))


def _loads(module: ast.Module, name: str) -> list[ast.Name]:
    return [n for n in nodes(module).of(ast.Name) if n.id == name
            and isinstance(n.ctx, ast.Load)]


@dataclass
class _Part:
    """The edits of one backend binding's migration (imports aside) and the code it takes
    away."""

    edits: list[Edit]
    gone: list[ast.AST]
    backend: ast.Assign


def exact_state_fix(ctx: Context, call: ast.Call) -> Fix | None:
    """The whole migration of the jobs on the simulator that ``call`` returns, or None where
    a step is not proven."""
    source, module = ctx.source, ctx.module
    found = None if source is None or module is None else _simulator(ctx, call)
    if found is None or source is None or module is None:
        return None
    flow = _flow(source, module)
    statement = flow.assigned(call)
    part = None if statement is None else _binding_part(ctx, source, flow, statement, found)
    if part is None:
        return None
    # All the name's bindings at once, where each is proven (then the imports only they use go).
    bindings = flow.bindings(_target(part.backend)) or []
    parts = [_binding_part(ctx, source, flow, b, found) for b in bindings
             if isinstance(b.value, ast.Call) and _simulator(ctx, b.value) == found]
    proven = [p for p in parts if p is not None]
    if len(proven) == len(bindings) > 1:
        part = _Part([e for p in proven for e in p.edits], [n for p in proven for n in p.gone],
                     proven[0].backend)
    imports = _import_edits(source, module, part, found.replacement)
    return None if imports is None else tuple(sorted({*part.edits, *imports}))


def _binding_part(ctx: Context, source: SourceText, flow: _Flow, statement: ast.Assign,
                  kind: _Kind) -> _Part | None:
    """The migration of every job on one backend binding, or None where one is not proven."""
    name = _target(statement)
    uses = flow.reach(statement)
    if not uses or inside_try(flow.module, statement) or not _alone(source, statement):
        return None
    part = _Part([_removal(statement)], [statement], statement)
    taken = 0
    for use in uses:
        job = _job(ctx, flow, use, name)
        if job is None:
            continue  # ``transpile(circ, backend)`` inside a job: counted with it
        run, circuit, reads = job
        taken += reads
        if not _read_part(ctx, source, flow, run, circuit, kind, part):
            return None
    return part if taken == len(uses) else None


def _job(ctx: Context, flow: _Flow, use: ast.Name,
         backend: str) -> tuple[ast.Call, ast.Name, int] | None:
    """The job whose backend ``use`` is, its circuit and how many uses of the backend it
    takes: ``backend.run(circ)``, ``backend.run(transpile(circ, backend))`` (two) or
    ``execute(circ, backend)``; None for a use that is not a job's backend."""
    parent = flow.parents.get(id(use))
    call = flow.parents.get(id(parent))
    if isinstance(parent, ast.Attribute) and parent.attr == "run" and isinstance(
            call, ast.Call) and call.func is parent and len(call.args) == 1 and _no_effect(
            call.keywords):
        argument: ast.expr | None = call.args[0]
        reads = 1
        if isinstance(argument, ast.Call):
            argument, reads = _circuit_of(ctx, argument, backend, _TRANSPILE), 2
        return (call, argument, reads) if isinstance(argument, ast.Name) else None
    if isinstance(parent, ast.Call) and len(parent.args) == 2 and parent.args[1] is use and (
            ctx.qualify(parent.func) == _EXECUTE):
        circuit = _circuit_of(ctx, parent, backend, (_EXECUTE,))
        return (parent, circuit, 1) if isinstance(circuit, ast.Name) else None
    return None


def _no_effect(keywords: list[ast.keyword]) -> bool:
    """Whether the job's options leave its exact state as it is: shots and a seed (a circuit
    without measurement ends in one state), given by a constant or a name."""
    return all(k.arg in _SAMPLING and isinstance(k.value, (ast.Constant, ast.Name))
               for k in keywords)


def _circuit_of(ctx: Context, call: ast.Call, backend: str,
                functions: tuple[str, ...]) -> ast.expr | None:
    """The circuit of ``function(circ, backend)`` (``execute`` may pass shots and a seed)."""
    if ctx.qualify(call.func) not in functions or len(call.args) != 2 or call.keywords and (
            functions != (_EXECUTE,) or not _no_effect(call.keywords)):
        return None
    second = call.args[1]
    return call.args[0] if isinstance(second, ast.Name) and second.id == backend else None


def _read_part(ctx: Context, source: SourceText, flow: _Flow, run: ast.Call,
               circuit: ast.Name, kind: _Kind, part: _Part) -> bool:
    """Adds the migration of one job to ``part``: its read becomes the exact value; False
    where a step is not proven."""
    removed: list[ast.Assign] = []
    read = _follow(flow, run, "result", removed)
    read = None if read is None else _follow(flow, read, kind.getter, removed)
    exact = None if read is None else _exact_value(read, circuit, kind)
    if read is None or exact is None:
        return False
    statement = flow.parents.get(id(read))
    while statement is not None and not isinstance(statement, ast.stmt):
        statement = flow.parents.get(id(statement))
    if statement is None or id(statement) not in flow.index or any(
            inside_try(flow.module, s) or not _alone(source, s) for s in [statement, *removed]):
        return False
    takers = {id(circuit), id(flow.parents.get(id(circuit)))}  # the job and its transpile
    takers |= {id(a) for a in [*read.args, *(k.value for k in read.keywords)]}
    job_at, read_at = flow.top(run), flow.index[id(statement)]
    if job_at is None or not _unitary_circuit(ctx, flow, circuit, takers, job_at, read_at):
        return False
    part.edits += [source.replace(read, exact),
                   *[_removal(s) for s in removed]]
    part.gone += [read, *removed]
    return True


def _exact_value(read: ast.Call, circuit: ast.Name,
                 kind: _Kind) -> str | None:
    """What replaces ``result.get_statevector(circ, decimals=n)``: the exact value, of the
    legacy read's type, rounded as the read rounded it (``numpy.around`` of the amplitudes,
    where ``decimals`` is not 0); None where the read passes anything else."""
    arguments = {**dict(zip(("experiment", "decimals"), read.args)),
                 **{k.arg or "**": k.value for k in read.keywords}}
    experiment, decimals = arguments.pop("experiment", None), arguments.pop("decimals", None)
    if arguments or len(read.args) > 2 or experiment is not None and not (
            isinstance(experiment, ast.Name) and experiment.id == circuit.id):
        return None
    value = decimals.value if isinstance(decimals, ast.Constant) else decimals
    if not (value is None or type(value) is int):
        return None  # a name may hold 0, which did not round
    places = value or 0
    exact = f"{kind.replacement}({circuit.id})"
    data = f"{exact}.data.round({places})" if places else f"{exact}.data"
    return data if kind.array else f"{kind.replacement}({data})" if places else exact


def _follow(flow: _Flow, value: ast.expr, method: str,
            removed: list[ast.Assign]) -> ast.Call | None:
    """The call ``value.method(...)``, directly or through a top-level name bound to the
    value whose binding is read once (its statement joins ``removed``)."""
    statement = flow.assigned(value)
    if statement is not None:
        uses = flow.reach(statement)
        if uses is None or len(uses) != 1:
            return None
        removed.append(statement)
        value = uses[0]
    attribute = flow.parents.get(id(value))
    call = flow.parents.get(id(attribute))
    if isinstance(attribute, ast.Attribute) and attribute.attr == method and isinstance(
            call, ast.Call) and call.func is attribute:
        return call
    return None


def _unitary_circuit(ctx: Context, flow: _Flow, circuit: ast.Name, takers: set[int],
                     job_at: int, read_at: int) -> bool:
    """Whether the circuit's binding is a ``QuantumCircuit(...)`` that, up to the read, only
    unitary gates are applied to (each a statement of its own, so no ``c_if`` follows), none
    between the job and the read, and that nothing else that may change it takes."""
    binding = flow.binding_of(circuit)
    uses = None if binding is None else flow.reach(binding)
    if binding is None or uses is None or not isinstance(binding.value, ast.Call) or (
            ctx.qualify(binding.value.func) != "qiskit.QuantumCircuit"):
        return False
    for use in uses:
        at = flow.top(use)
        if at is None or at > read_at or id(use) in takers or _only_read(ctx, flow, use):
            continue
        attribute = flow.parents.get(id(use))
        call = flow.parents.get(id(attribute))
        if not (isinstance(attribute, ast.Attribute) and attribute.attr in _UNITARY_METHODS
                and isinstance(call, ast.Call) and call.func is attribute
                and isinstance(flow.parents.get(id(call)), ast.Expr) and at < job_at):
            return False
    return True


def _only_read(ctx: Context, flow: _Flow, use: ast.Name) -> bool:
    """Whether the use does not change the circuit: its drawing, or the circuit as the first
    argument of another job (``execute``, a simulator's ``run``) or transpilation, an exact
    state, or a result's read of it."""
    attribute = flow.parents.get(id(use))
    if isinstance(attribute, ast.Attribute) and attribute.attr == "draw" and isinstance(
            flow.parents.get(id(attribute)), ast.Call):
        return True  # ``display(qc.draw())``: a drawing, wherever it is used
    if isinstance(attribute, ast.Attribute) and attribute.attr in _COPYING_METHODS:
        method = flow.parents.get(id(attribute))
        return isinstance(method, ast.Call) and method.func is attribute and not any(
            k.arg in ("inplace", None) for k in method.keywords)  # ``circ = qc.compose(meas)``
    call = attribute
    if not isinstance(call, ast.Call) or not call.args or call.args[0] is not use:
        return False
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in _READ_METHODS:
        return True
    if isinstance(func, ast.Attribute) and func.attr == "run" and isinstance(func.value, ast.Name):
        backend = flow.binding_of(func.value)  # bound later than the finding: not yet qualified
        return backend is not None and isinstance(backend.value, ast.Call) and ctx.qualify(
            backend.value.func) in _SIMULATORS  # a simulator runs a copy
    return ctx.qualify(func) in _READERS


def _target(statement: ast.Assign) -> str:
    """The name a ``_Flow`` assignment binds (checked to be a plain name)."""
    target = statement.targets[0]
    assert isinstance(target, ast.Name)
    return target.id


def _removal(statement: ast.stmt) -> Edit:
    return Edit(statement.lineno, 1, (statement.end_lineno or statement.lineno) + 1, 1, "")


def _alone(source: SourceText, statement: ast.stmt) -> bool:
    """Whether the statement is alone on its lines, but for a comment after it (its lines can
    go: ``backend = BasicAer.get_backend(...)  # the device to run on``)."""
    row, column = source.start(statement)
    end_row, end_column = source.end(statement)
    after = source.line(end_row)[end_column - 1:].strip()
    return not (source.line(row)[:column - 1].strip() or after and not after.startswith("#"))


def _import_edits(source: SourceText, module: ast.Module, part: _Part,
                  replacement: str) -> Fix | None:
    """The import of the replacement, and the removal of the old imports that only the
    removed code used (in whichever notebook cell they are)."""
    inside = {id(n) for node in part.gone for n in ast.walk(node)}
    edits: list[Edit] = []
    removed: dict[Edit, ast.stmt] = {}
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
            edits.append(_removal(statement))
            removed[edits[-1]] = statement
    if any(isinstance(s, ast.ImportFrom) and s.module == _INFO and s.lineno < part.backend.lineno
           and any(a.name == replacement and not a.asname for a in s.names)
           for s in module.body):  # imported before it is needed
        return tuple(edits)
    if binds(module, replacement):
        return None
    line = f"from {_INFO} import {replacement}"
    added = add_import(source, module, line)
    within = [e for e in removed if (e.row, e.column) <= (added.row, added.column) < (
        e.end_row, e.end_column)]
    if within:  # the import it would follow goes: it takes that statement's place (a
        # cell's last line has no line end to take)
        statement = removed[within[0]]
        edits[edits.index(within[0])] = Edit(statement.lineno, 1, *source.end(statement), line)
    else:
        edits.append(added)
    return tuple(edits)
