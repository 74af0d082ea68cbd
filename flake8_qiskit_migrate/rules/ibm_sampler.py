"""The fix of QKM102: ``backend.run(circuit, shots=n)`` on an IBM Quantum backend and the counts
read from its result become a Runtime Sampler run of the circuit transpiled for the backend,
``Sampler(mode=backend).run([isa_circuit], shots=n)``, read as ``result[0].data.<register>
.get_counts()``.

The Sampler class is the one of the releases the project targets: ``qiskit_ibm_runtime
.executor_sampler.Sampler`` (the client-side class of qiskit-ibm-runtime 0.50+, and of an
unknown target: today's releases), ``qiskit_ibm_runtime.SamplerV2`` where a targeted release
predates 0.50 (it exists, deprecated only, in every release from 0.24), no fix where one
predates 0.24 (no ``mode=``). The circuit is made ISA as the guides do it,
``isa_qc = generate_preset_pass_manager(backend=backend, optimization_level=1).run(qc)``
before the statement, unless it is ``transpile(qc, backend, ...)`` already (as the argument,
or a name bound once to it): it is not transpiled twice.

Offered where the module proves every part, as for the local Sampler fix (``sampler_fix``):
the circuits, each built once by ``QuantumCircuit(...)`` with one classical register of a known
name, the options ``shots`` and ``memory=True`` only, a job read only by ``.result()`` (and
``job_id()``, or ``job_monitor(job)`` where QKM212's removal of every ``job_monitor`` goes
with it) and a result read only by ``get_counts`` / ``get_memory``. The backend is a name
bound once to ``service.backend(...)`` / ``service.least_busy(...)`` of a
``QiskitRuntimeService``, or to a step of a provider chain whose whole rewrite (QKM205) goes
with it: the Sampler never receives a provider-era backend.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ..edits import (Edit, Fix, SourceText, add_import, binds, bound_once, imports_name,
                     inside_try, parents_of)
from ..registry import REGISTRY, Context
from ..versions import specifier
from .service_chain import provider_chain  # first: it registers the provider rules  # isort: skip
from .removals import monitor_removal
from .registers import REGISTER_CHANGES, TRANSPILE
from .sampler_fix import _counts_reads, _read, _text

RUNTIME = "qiskit-ibm-runtime"
CLIENT_SIDE = ("qiskit_ibm_runtime.executor_sampler", "Sampler")  # 0.50+
SERVER_SIDE = ("qiskit_ibm_runtime", "SamplerV2")  # 0.21+, ``mode=`` from 0.24
CLIENT_SIDE_SINCE = "0.50.0"
MODE_SINCE = "0.24.0"
# ``qiskit.transpiler.preset_passmanagers`` has it in every Qiskit from 0.20 to 2.6; the
# shorter ``qiskit.transpiler`` path only from 1.3.
PASS_MANAGER = ("qiskit.transpiler.preset_passmanagers", "generate_preset_pass_manager")
SERVICE = "qiskit_ibm_runtime.QiskitRuntimeService()."
BACKEND_CALLS = frozenset({SERVICE + "backend", SERVICE + "least_busy"})
# Statements before which the transpilation can go as a statement of its own.
SIMPLE = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Return)
# Job reads that stay as they are on a Runtime job.
JOB_KEPT = frozenset({"job_id"})


@REGISTRY.fixer("QKM102")
def run_to_sampler(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    source, module = ctx.source, ctx.module
    if source is None or module is None or not isinstance(node, ast.Call):
        return None
    func = node.func
    sampler = sampler_class(ctx.settings.targets)
    if sampler is None or not (isinstance(func, ast.Attribute)
                               and isinstance(func.value, ast.Name)):
        return None
    if len(node.args) != 1 or not all(_kept(k) for k in node.keywords) or inside_try(
            module, node):  # a handler may expect the errors of ``backend.run``
        return None
    backend = func.value.id
    chain = _backend_chain(ctx, source, module, backend)
    circuits = _circuits(ctx, source, module, node.args[0], backend)
    if chain is None or circuits is None:
        return None
    names, listed, transpiled = circuits
    reads = _reads(ctx, source, module, node, names)
    if reads is None:
        return None
    statement = None if transpiled else _statement(source, module, node)
    isa = f"isa_{'circuits' if listed else names[0]}"
    if not transpiled and (statement is None or binds(module, isa)):
        return None
    imports = _imports(source, module, [sampler] + ([] if transpiled else [PASS_MANAGER]),
                       (*reads, *chain))
    if imports is None:
        return None
    pubs = _text(source, node.args[0]) if transpiled else isa
    edits = [source.replace(node, _sampler_run(source, node, sampler[1], backend, pubs, listed)),
             *reads, *imports, *chain]
    if statement is not None:
        row, column = source.start(statement)
        indent = source.line(row)[:column - 1]
        circuit_text = f"[{', '.join(names)}]" if listed else names[0]
        edits.append(Edit(row, 1, row, 1, f"{indent}{isa} = {PASS_MANAGER[1]}(backend={backend}, "
                          f"optimization_level=1).run({circuit_text})\n"))
    return _together(edits)


def execute_to_sampler(ctx: Context, call: ast.Call, circuits: ast.expr, backend: ast.expr,
                       moved: list[ast.keyword], qualified: bool) -> Fix | None:
    """QKM101's fix of ``execute(circuits, backend, **options)`` on an IBM Quantum backend:
    the Sampler run of ``transpile(circuits, backend, <transpiler options MOVED>)``, as
    ``execute`` transpiled them (``qiskit.transpile`` where ``execute`` was ``qiskit.execute``),
    its run options kept as ``backend.run``'s are; the import of ``execute`` is QKM101's."""
    source, module = ctx.source, ctx.module
    sampler = sampler_class(ctx.settings.targets)
    arguments = ("experiments", "backend")
    options = [k for k in call.keywords if k not in moved and k.arg not in arguments]
    if source is None or module is None or sampler is None or not isinstance(
            backend, ast.Name) or not all(_kept(k) for k in options) or inside_try(module, call):
        return None
    chain = _backend_chain(ctx, source, module, backend.id)
    found = _names(ctx, module, circuits)
    if chain is None or found is None:
        return None
    names, listed = found
    reads = _reads(ctx, source, module, call, names)
    imports = None if reads is None else _imports(source, module, [sampler], (*reads, *chain))
    if reads is None or imports is None:
        return None
    transpiled = f"{'qiskit.' if qualified else ''}transpile(" + ", ".join(
        [_text(source, circuits), backend.id, *(_text(source, k) for k in moved)]) + ")"
    run = _sampler_run(source, call, sampler[1], backend.id, transpiled, listed)
    return _together([source.replace(call, run), *reads, *imports, *chain])


def _together(edits: list[Edit]) -> Fix | None:
    """The edits as one fix, where none overlaps another: the chain's and the ``job_monitor``
    removal's edits were made each for itself (an import added after a line the other
    deletes); such a fix waits for theirs, applied first, and a re-check."""
    fix = tuple(sorted(set(edits)))
    if any((a.end_row, a.end_column) > (b.row, b.column) for a, b in zip(fix, fix[1:])):
        return None
    return fix


def sampler_class(targets: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    """The module and name of the Runtime Sampler valid on every targeted release."""
    specs = [spec for package, spec in targets if package == RUNTIME]
    if any(_allows_before(spec, MODE_SINCE) for spec in specs):
        return None
    if any(_allows_before(spec, CLIENT_SIDE_SINCE) for spec in specs):
        return SERVER_SIDE
    return CLIENT_SIDE


def _allows_before(spec: str, version: str) -> bool:
    """Whether a target allows a release before ``version``: asked of the lowest release and
    of each bound the specifier names and a release just past it (``>0.49`` allows 0.49.1)."""
    from packaging.version import InvalidVersion, Version
    allowed = specifier(spec)
    candidates = {Version("0")}
    for clause in allowed:
        try:
            bound = Version(clause.version.replace(".*", ""))
        except InvalidVersion:
            continue
        candidates |= {bound, Version(f"{bound.base_version}.1")}
    return any(v < Version(version) and allowed.contains(v, prereleases=True)
               for v in candidates)


def _kept(keyword: ast.keyword) -> bool:
    """An option the Sampler keeps: shots, and memory (a Sampler keeps every shot)."""
    if keyword.arg == "memory":
        return isinstance(keyword.value, ast.Constant) and keyword.value.value is True
    return keyword.arg == "shots"


def _backend_chain(ctx: Context, source: SourceText, module: ast.Module,
                   backend: str) -> Fix | None:
    """The edits that make the backend a ``QiskitRuntimeService`` backend: none where it is one
    (bound once to ``service.backend(...)`` / ``service.least_busy(...)``), the provider
    chain's rewrite where it is bound to a step of that chain; None otherwise."""
    value = bound_once(module, backend)
    if not isinstance(value, ast.Call) or _is_argument(module, backend):
        return None
    if ctx.qualify(value.func) in BACKEND_CALLS:
        return ()
    chain = provider_chain(source, module)
    return chain[0] if chain is not None and id(value) in chain[1] else None


def _is_argument(module: ast.Module, name: str) -> bool:
    """Whether a function or lambda of the module has a parameter ``name`` (which shadows the
    module's binding inside it)."""
    return any(isinstance(n, ast.arg) and n.arg == name for n in ast.walk(module))


def _circuits(ctx: Context, source: SourceText, module: ast.Module, argument: ast.expr,
              backend: str) -> tuple[list[str], bool, bool] | None:
    """The names of the circuits the run's argument holds, whether they are a list, and whether
    they are transpiled for the backend already: ``transpile(c, backend, ...)`` (as the argument
    or a name bound once to it), or circuits built here (a name, or a list of names)."""
    value = argument
    if isinstance(argument, ast.Name):
        bound = bound_once(module, argument.id)
        value = bound if bound is not None else argument
    transpiled = isinstance(value, ast.Call) and ctx.qualify(value.func) in TRANSPILE
    if transpiled:
        assert isinstance(value, ast.Call)
        if not _transpiled_for(value, backend):
            return None  # for another target, or with options we cannot see
        value = value.args[0]
    elif value is not argument:  # a name bound to something else than ``transpile(...)``
        value = argument
    found = _names(ctx, module, value)
    return None if found is None else (*found, transpiled)


def _names(ctx: Context, module: ast.Module, value: ast.expr) -> tuple[list[str], bool] | None:
    """The names of circuits built here that ``value`` holds (a name, or a list of names), and
    whether they are a list."""
    if isinstance(value, ast.Name):
        names, listed = [value.id], False
    elif isinstance(value, ast.List) and value.elts and all(
            isinstance(e, ast.Name) for e in value.elts):
        names, listed = [e.id for e in value.elts if isinstance(e, ast.Name)], True
    else:
        return None
    if any(_is_argument(module, n) for n in names) or not all(
            _built(ctx, module, n) for n in names):
        return None
    return names, listed


def _transpiled_for(call: ast.Call, backend: str) -> bool:
    """``transpile(circuits, backend, ...)``: the backend (positional or ``backend=``) is the
    run's."""
    given = call.args[1] if len(call.args) > 1 else next(
        (k.value for k in call.keywords if k.arg == "backend"), None)
    return (len(call.args) in (1, 2) and isinstance(given, ast.Name) and given.id == backend
            and all(k.arg is not None for k in call.keywords))


def _built(ctx: Context, module: ast.Module, name: str) -> bool:
    value = bound_once(module, name)
    return isinstance(value, ast.Call) and ctx.qualify(value.func) == "qiskit.QuantumCircuit"


def _reads(ctx: Context, source: SourceText, module: ast.Module, run: ast.Call,
           names: list[str]) -> list[Edit] | None:
    """The rewritten result reads (and the ``job_monitor`` removal they need): every read of
    the job is ``.result()``, ``.job_id()`` or ``job_monitor(job)``, every read of the result
    a ``get_counts`` of one circuit (or ``get_memory`` with ``memory=True``), of circuits with
    one classical register of one known name."""
    registers = {_register(ctx, source, module, circuit) for circuit in names}
    register = registers.pop() if len(registers) == 1 else None
    if register is None:
        return None
    parents = parents_of(source, module)
    kept, monitored = _job_uses(source, module, parents, run)
    monitor = monitor_removal(source, module) if monitored else None
    if monitored and (monitor is None or not monitored <= monitor[1]):
        return None
    reads = _counts_reads(source, module, run, [frozenset({n}) for n in names],
                          skip=kept | monitored)
    memory = any(k.arg == "memory" for k in run.keywords)
    if not reads or not memory and any(
            isinstance(r.func, ast.Attribute) and r.func.attr == "get_memory" for r, _ in reads):
        return None  # no read to rewrite, or ``get_memory`` raised without ``memory=True``
    return [*(_read(source, read, index, register) for read, index in reads),
            *(monitor[0] if monitor is not None else ())]


def _job_uses(source: SourceText, module: ast.Module, parents: dict[int, ast.AST],
              run: ast.Call) -> tuple[set[int], set[int]]:
    """The reads of the job's name that stay as they are (``job.job_id()``) and the
    ``job_monitor(job)`` calls (their ids, as QKM212's removal covers them)."""
    statement = parents.get(id(run))
    kept: set[int] = set()
    monitored: set[int] = set()
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)):
        return kept, monitored
    job = statement.targets[0].id
    for node in ast.walk(module):
        if not (isinstance(node, ast.Name) and node.id == job and isinstance(node.ctx, ast.Load)):
            continue
        parent = parents.get(id(node))
        if isinstance(parent, ast.Attribute) and parent.attr in JOB_KEPT:
            call = parents.get(id(parent))
            if isinstance(call, ast.Call) and call.func is parent and not call.args:
                kept.add(id(node))
        elif isinstance(parent, ast.Call) and node in parent.args and isinstance(
                parent.func, ast.Name) and parent.func.id == "job_monitor":
            kept.add(id(node))
            monitored.add(id(parent))
    return kept, monitored


def _statement(source: SourceText, module: ast.Module, node: ast.AST) -> ast.stmt | None:
    """The simple statement holding ``node``, where it begins its line (the transpilation goes
    before it, at its indentation)."""
    parents = parents_of(source, module)
    current: ast.AST | None = node
    while current is not None and not isinstance(current, ast.stmt):
        current = parents.get(id(current))
    if not isinstance(current, SIMPLE):
        return None
    row, column = source.start(current)
    return None if source.line(row)[:column - 1].strip() else current


def _imports(source: SourceText, module: ast.Module, names: list[tuple[str, str]],
             avoid: Fix) -> list[Edit] | None:
    """The imports to add (one edit each, so that two fixes adding one are merged), after an
    import that the other edits of the fix (``avoid``) keep; None where a name is bound to
    something else."""
    edits = []
    for origin, name in names:
        if imports_name(module, origin, name) or name == PASS_MANAGER[1] and imports_name(
                module, "qiskit.transpiler", name):
            continue
        if binds(module, name):
            return None
        edits.append(add_import(source, module, f"from {origin} import {name}", avoid))
    return edits


def _sampler_run(source: SourceText, call: ast.Call, sampler: str, backend: str, pubs: str,
                 listed: bool) -> str:
    shots = "".join(f", shots={_text(source, k.value)}" for k in call.keywords
                    if k.arg == "shots")
    return f"{sampler}(mode={backend}).run({pubs if listed else f'[{pubs}]'}{shots})"


# The circuits of a hardware run are bound once (no cell-by-cell rebinding, as sampler_fix's
# registers follow): their one classical register, where the module proves it.
def _loads(module: ast.Module, name: str) -> Iterator[ast.Name]:
    return (n for n in ast.walk(module) if isinstance(n, ast.Name) and n.id == name
            and isinstance(n.ctx, ast.Load))


def _register(ctx: Context, source: SourceText, module: ast.Module, circuit: str) -> str | None:
    """The name of the circuit's only classical register, where the module proves it."""
    built = bound_once(module, circuit)
    if not (isinstance(built, ast.Call) and ctx.qualify(built.func) == "qiskit.QuantumCircuit"
            and not built.keywords):
        return None
    parents = parents_of(source, module)
    methods = [parent.attr for use in _loads(module, circuit)
               if isinstance(parent := parents.get(id(use)), ast.Attribute)]
    if any(m in REGISTER_CHANGES for m in methods):
        return None
    measured = methods.count("measure_all")
    sizes = [a for a in built.args if isinstance(a, ast.Constant) and type(a.value) is int]
    if len(sizes) == len(built.args) and len(sizes) in (1, 2):
        if measured == (len(sizes) == 1):  # one register: ``measure_all`` or ``c``
            return "meas" if measured else "c"
        return None
    names = [_classical_name(ctx, module, a) for a in built.args if isinstance(a, ast.Name)]
    classical = [n for n in names if n != ""]
    if len(names) != len(built.args) or measured or len(classical) != 1:
        return None
    return classical[0]


def _classical_name(ctx: Context, module: ast.Module, name: ast.Name) -> str | None:
    """A register's name: ``""`` for a ``QuantumRegister``, the literal name of a
    ``ClassicalRegister(size, "name")``, None for anything else."""
    value = bound_once(module, name.id)
    if not isinstance(value, ast.Call):
        return None
    path = ctx.qualify(value.func)
    if path == "qiskit.QuantumRegister":
        return ""
    if path == "qiskit.ClassicalRegister" and len(value.args) == 2 and not value.keywords:
        label = value.args[1]
        if isinstance(label, ast.Constant) and isinstance(label.value, str) and (
                label.value.isidentifier()):
            return label.value
    return None
