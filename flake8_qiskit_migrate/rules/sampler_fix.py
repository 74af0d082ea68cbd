"""The fix of QKM103 on local simulators: ``backend.run(circuit, shots=n, seed_simulator=s)``
and the counts read from its result become ``BackendSamplerV2(backend=backend, options={
"seed_simulator": s}).run([circuit], shots=n)`` and ``result[0].data.<register>.get_counts()``.

Offered only on the shape whose every part is proven in the module: one circuit or a list of
them, as they are or transpiled, each with exactly one classical register (``registers``: its
name, or ``join_data()`` where the module does not spell it), in the binding the code sees
(``flow``: notebooks rebind ``qc`` and ``job`` cell after cell); options ``shots``,
``seed_simulator``, ``memory=True`` and, on Aer, its simulator options (``run_options``, passed
on to ``backend.run`` as they are); a job and result read nowhere but by ``.result()`` and
``.get_counts()`` / ``.get_memory()`` (``get_bitstrings()``), of the one circuit or, by
``get_counts(i)``, of circuit ``i`` (``result[i].data.<register>``); not inside a ``try``.
"""

from __future__ import annotations

import ast

from ..edits import Edit, Fix, SourceText, add_import, import_needed, inside_try, parents_of
from ..registry import REGISTRY, Context
from .backends import (AER_BACKEND, BARE_V2_BACKEND, RUNTIME_FAKE_BACKEND, STATEVECTOR_BACKEND,
                       UNITARY_BACKEND)
from .exact_states import exact_state_fix_of_run
from .registers import (REGISTER_CHANGES, TRANSPILE, Position, Registers, binding,
                        classical_registers, position, reads_of)
from .run_options import RUN_OPTIONS

SAMPLER = "BackendSamplerV2"
IMPORT = f"from qiskit.primitives import {SAMPLER}"
OPTIONS = frozenset({"shots", "seed_simulator", "memory"})  # ``memory=True``: always kept
# The reads of a ``Result`` and of a ``BitArray`` of the register that give the same values.
READS = {"get_counts": "get_counts", "get_memory": "get_bitstrings"}
# Backends on which ``BackendSamplerV2`` with the same shots and ``seed_simulator`` samples the
# counts ``backend.run`` does (checked on qiskit 2.6, qiskit-aer 0.18, qiskit-ibm-runtime 0.51):
# ``AerSimulator``, ``BasicSimulator`` and ``GenericBackendV2``, the runtime's V2 fakes.
SAMPLED = frozenset({AER_BACKEND, BARE_V2_BACKEND, RUNTIME_FAKE_BACKEND})
# Aer's simulator options, which the Sampler passes on to ``backend.run`` as they are given.
AER_RUN_OPTIONS = frozenset(name for name, (code, _) in RUN_OPTIONS.items()
                            if code == "QKM417") - {"seed_simulator", "backend_options"}
__all__ = ["AER_RUN_OPTIONS", "IMPORT", "OPTIONS", "READS", "REGISTER_CHANGES", "SAMPLED",
           "SAMPLER", "execute_to_sampler", "run_to_sampler"]


@REGISTRY.fixer("QKM103")
def run_to_sampler(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    source = ctx.source
    if source is None or not isinstance(node, ast.Call):
        return None
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and ctx.qualify(
            func.value) in (STATEVECTOR_BACKEND, UNITARY_BACKEND):
        return exact_state_fix_of_run(ctx, node)  # the job's exact state, as QKM111 fixes it
    if not isinstance(func, ast.Attribute) or len(node.args) != 1:
        return None
    proven = _proven(ctx, node, func.value, node.args[0], node.keywords, None)
    if proven is None:
        return None
    listed, edits = proven
    receiver = func.value
    settings, shots = _settings(source, node.keywords)
    circuits = _text(source, node.args[0])
    pubs = circuits if listed else f"[{circuits}]"
    # The receiver stays where it is (a name or the call that makes the simulator, run once):
    # a fix inside it, QKM111's, still applies.
    return (Edit(*source.start(receiver), *source.start(receiver), f"{SAMPLER}(backend="),
            Edit(*source.end(receiver), *source.end(node), f"{settings}).run({pubs}{shots})"),
            *edits)


def execute_to_sampler(ctx: Context, call: ast.Call, circuits: ast.expr, backend: ast.expr,
                       options: list[ast.keyword], transpiled: str) -> Fix | None:
    """This fix applied to the run QKM101's fix makes of ``execute(circuits, backend,
    **options)`` on a local simulator (``backend.run(TRANSPILED, **options)``, ``TRANSPILED``
    the text of ``transpile(circuits, backend, ...)``): the call becomes ``BackendSamplerV2(
    backend=backend, options={...}).run([TRANSPILED], shots=n)`` and its reads are rewritten,
    where this fix would be offered on that run (the circuits are copied by ``execute``'s
    transpilation, at the call)."""
    source = ctx.source
    proven = None if source is None else _proven(ctx, call, backend, circuits, options, call)
    if source is None or proven is None:
        return None
    listed, edits = proven
    settings, shots = _settings(source, options)
    pubs = transpiled if listed else f"[{transpiled}]"
    return (source.replace(call, f"{SAMPLER}(backend={_text(source, backend)}{settings})"
                           f".run({pubs}{shots})"), *edits)


def _proven(ctx: Context, run: ast.Call, receiver: ast.expr, argument: ast.expr,
            options: list[ast.keyword], copied: ast.expr | None) -> tuple[bool, Fix] | None:
    """Whether the circuits of a run of ``argument`` on ``receiver`` with ``options`` (whose
    job ``run`` returns; ``copied``: where the circuits are copied, if before the run) are a
    list, and the edits of its reads and of the import, where every part of the fix is
    proven."""
    source, module = ctx.source, ctx.module
    if source is None or module is None or ctx.qualify(receiver) not in SAMPLED or not all(
            _kept(k) or _carried(ctx, receiver, k) for k in options):
        return None
    parents = parents_of(source, module)
    if inside_try(module, run):  # a handler may expect the errors of ``backend.run``
        return None
    names = _run_names(ctx, parents, module, argument, copied)
    reads = None if names is None else _counts_reads(source, module, run, names[0])
    if names is None or reads is None or not reads:
        return None
    if not any(k.arg == "memory" for k in options) and any(
            isinstance(r.func, ast.Attribute) and r.func.attr == "get_memory"
            for r, _ in reads):  # ``get_memory`` raised without ``memory=True``
        return None
    done = max(position(read) for read, _ in reads)  # the result was waited for by then
    found = _run_circuits(ctx, parents, module, argument, done, copied)
    if found is None:
        return None
    circuits, listed = found
    registers = [circuits[index][1] for _, index in reads]
    if any(r is None or len(r) != 1 for r in registers):
        return None  # several registers: the keys of the counts would change ('00 1' -> '001')
    needed = import_needed(module, ("qiskit.primitives",), SAMPLER, run)
    if needed is None:
        return None
    imports = (add_import(source, module, IMPORT),) if needed else ()
    return listed, (*(_read(source, read, index, register[0])
                      for (read, index), register in zip(reads, registers) if register),
                    *imports)


def _kept(keyword: ast.keyword) -> bool:
    """An option the Sampler keeps: shots, the seed, memory (every shot is kept)."""
    if keyword.arg == "memory":
        return isinstance(keyword.value, ast.Constant) and keyword.value.value is True
    return keyword.arg in OPTIONS


def _carried(ctx: Context, receiver: ast.expr, keyword: ast.keyword) -> bool:
    """A simulator option of Aer that the Sampler passes on to ``backend.run`` as it was
    given (``options={"run_options": {...}}``), spelled as a value evaluated anywhere the
    same (the Sampler's options are evaluated before the circuits)."""
    return ctx.qualify(receiver) == AER_BACKEND and keyword.arg in AER_RUN_OPTIONS and (
        _plain(keyword.value))


def _plain(node: ast.expr) -> bool:
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, (ast.Name, ast.Constant))


def _settings(source: SourceText, options: list[ast.keyword]) -> tuple[str, str]:
    """The Sampler's ``options={...}`` (the seed, and Aer's simulator options as its run
    options) and its run's ``shots=``, as texts to write."""
    settings = [f'"seed_simulator": {_text(source, k.value)}' for k in options
                if k.arg == "seed_simulator"]
    carried = [f'"{k.arg}": {_text(source, k.value)}' for k in options if k.arg not in OPTIONS]
    if carried:
        settings.append(f'"run_options": {{{", ".join(carried)}}}')
    shots = "".join(f", shots={_text(source, k.value)}" for k in options if k.arg == "shots")
    return (f", options={{{', '.join(settings)}}}" if settings else ""), shots


def _read(source: SourceText, read: ast.Call, index: int, register: str | None) -> Edit:
    """``<result>.get_counts(...)`` -> ``<result>[index].data.<register>.get_counts()``,
    ``get_memory(...)`` -> ``get_bitstrings()``; the one register of a circuit whose name is
    not known is read with ``join_data()`` (that register's data, as it is)."""
    assert isinstance(read.func, ast.Attribute)
    data = f"data.{register}" if register is not None else "join_data()"
    return Edit(*source.end(read.func.value), *source.end(read),
                f"[{index}].{data}.{READS[read.func.attr]}()")


def _text(source: SourceText, node: ast.AST) -> str:
    return source.segment(source.start(node), source.end(node))


def _transpiled(ctx: Context, node: ast.expr) -> ast.expr | None:
    if isinstance(node, ast.Call) and ctx.qualify(node.func) in TRANSPILE and node.args:
        return node.args[0]
    return None


Circuit = tuple[frozenset[str], Registers | None]  # its names, its registers if known


def _run_names(ctx: Context, parents: dict[int, ast.AST], module: ast.Module,
               argument: ast.expr, copied: ast.expr | None,
               ) -> tuple[list[frozenset[str]], bool] | None:
    """The circuits of the run's argument by the names ``get_counts`` may read each by, and
    whether they are a list."""
    found = _run_circuits(ctx, parents, module, argument, None, copied)
    return None if found is None else ([names for names, _ in found[0]], found[1])


def _run_circuits(ctx: Context, parents: dict[int, ast.AST], module: ast.Module,
                  argument: ast.expr, done: Position | None, copied: ast.expr | None,
                  ) -> tuple[list[Circuit], bool] | None:
    """The circuits the run's argument holds (one, or a list), each with the names
    ``get_counts`` may read it by and (with ``done``, where the result was read) its classical
    registers, and whether they are a list: ``transpile(qc, ...)``, ``qc``, a name bound to
    either, or a list of them, or a name bound to ``transpile([...], ...)`` (the list, as it was
    transpiled, where nothing changes the list after). ``copied``: where the circuits are
    copied before the run (``execute`` transpiles them), if anywhere."""
    listing = _bound_list(ctx, parents, module, argument)
    if listing is not None:
        return _run_circuits(ctx, parents, module, listing, done, copied)
    transpiled = _transpiled(ctx, argument)
    listed = isinstance(transpiled if transpiled is not None else argument, ast.List)
    elements = transpiled if transpiled is not None else argument
    taken = elements.elts if isinstance(elements, ast.List) else [elements]
    at = argument if transpiled is not None else copied  # a circuit transpiled right there
    circuits = [_circuit(ctx, parents, module, e, at, done) for e in taken]
    if not taken or None in circuits:
        return None
    return [c for c in circuits if c is not None], listed


def _bound_list(ctx: Context, parents: dict[int, ast.AST], module: ast.Module,
                argument: ast.expr) -> ast.Call | None:
    """The ``transpile([a, b], ...)`` call a name is bound to, where the name's other reads only
    pass the list on as it is (no method of it is called: ``append`` would change it)."""
    if not isinstance(argument, ast.Name):
        return None
    assign = binding(module, parents, argument)
    value = assign.value if assign is not None else None
    if not (isinstance(value, ast.Call) and isinstance(_transpiled(ctx, value), ast.List)):
        return None
    if any(isinstance(n, ast.Name) and n.id == argument.id and isinstance(
            parents.get(id(n)), (ast.Attribute, ast.Subscript)) for n in ast.walk(module)):
        return None
    return value


def _circuit(ctx: Context, parents: dict[int, ast.AST], module: ast.Module, node: ast.expr,
             transpiled: ast.expr | None, done: Position | None) -> Circuit | None:
    """A circuit named by ``node`` in the run (``transpiled``: inside that ``transpile``
    call): its names (a name bound to ``transpile(qc, ...)`` is read by either) and, with
    ``done``, its registers."""
    if not isinstance(node, ast.Name):
        return None
    assign = binding(module, parents, node) if transpiled is None else None
    source = _transpiled(ctx, assign.value) if assign is not None else None
    names = frozenset({node.id, source.id} if isinstance(source, ast.Name) else {node.id})
    if done is None:
        return names, None
    if transpiled is not None:  # transpiled right there: what the circuit is at that call
        return names, classical_registers(ctx, module, parents, node, transpiled)
    return names, classical_registers(ctx, module, parents, node, node, done)


def _called(parents: dict[int, ast.AST], node: ast.expr, method: str) -> ast.Call | None:
    """``node.method(...)``: the call, if ``node`` is the receiver of one."""
    attribute = parents.get(id(node))
    if isinstance(attribute, ast.Attribute) and attribute.attr == method:
        call = parents.get(id(attribute))
        if isinstance(call, ast.Call) and call.func is attribute:
            return call
    return None


def _through_name(module: ast.Module, parents: dict[int, ast.AST],
                  value: ast.expr) -> list[ast.Name] | None:
    """The reads of the name ``value`` is assigned to (``job = backend.run(...)``): those its
    straight-line code proves see it, or every read of the module's only binding of the name;
    None where the value goes anywhere else."""
    statement = parents.get(id(value))
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)):
        return None
    return reads_of(module, parents, statement)


def _counts_reads(source: SourceText, module: ast.Module, run: ast.Call,
                  circuits: list[frozenset[str]], skip: frozenset[int] | set[int] = frozenset(),
                  ) -> list[tuple[ast.Call, int]] | None:
    """Every ``.get_counts(...)`` read of the run's result with the index of the circuit it
    reads, where the job and the result are read nowhere else (but at the job's reads
    ``skip`` names)."""
    parents = parents_of(source, module)
    jobs: list[ast.expr] = [run]
    if _called(parents, run, "result") is None:
        names = _through_name(module, parents, run)
        if names is None:
            return None
        jobs = [name for name in names if id(name) not in skip]
    reads: list[tuple[ast.Call, int]] = []
    for job in jobs:
        result = _called(parents, job, "result")
        if result is None or result.args or result.keywords:
            return None
        results: list[ast.expr] = [result]
        if _result_read(parents, result) is None:
            names = _through_name(module, parents, result)
            if names is None:
                return None
            results = list(names)
        for value in results:
            read = _result_read(parents, value)
            index = None if read is None or read.keywords else _index(read.args, circuits)
            if read is None or index is None:
                return None
            reads.append((read, index))
    return reads


def _result_read(parents: dict[int, ast.AST], result: ast.expr) -> ast.Call | None:
    for method in READS:
        read = _called(parents, result, method)
        if read is not None:
            return read
    return None


def _index(arguments: list[ast.expr], circuits: list[frozenset[str]]) -> int | None:
    """The circuit ``get_counts`` reads: the only one, one named, or one by position."""
    if not arguments:
        return 0 if len(circuits) == 1 else None  # all the counts of a list: a list
    if len(arguments) != 1:
        return None
    argument = arguments[0]
    named = [i for i, names in enumerate(circuits)
             if isinstance(argument, ast.Name) and argument.id in names]
    if len(named) == 1:
        return named[0]
    if isinstance(argument, ast.Constant) and type(argument.value) is int and (
            0 <= argument.value < len(circuits)):
        return argument.value
    return None
