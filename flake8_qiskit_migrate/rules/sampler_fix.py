"""The fix of QKM103 on local simulators: ``backend.run(isa_circuit, shots=n, seed_simulator=s)``
and the counts read from its result become ``BackendSamplerV2(backend=backend, options={
"seed_simulator": s}).run([isa_circuit], shots=n)`` and ``result[0].data.<register>
.get_counts()``.

Offered only on the shape whose every part is proven in the module: one circuit or a list of
them, transpiled (``transpile(...)`` as the argument, or a name bound once to it), each built
once by ``QuantumCircuit(...)`` with exactly one classical register whose name is known
(``measure_all()``: ``meas``; ``QuantumCircuit(n, m)``: ``c``; ``ClassicalRegister(m, "name")``),
options ``shots``, ``seed_simulator`` and ``memory=True`` only, and a job and result read
nowhere but by ``.result()`` and ``.get_counts()`` / ``.get_memory()`` (``get_bitstrings()``),
of the one circuit or, by ``get_counts(i)``, of circuit ``i`` (``result[i].data.<register>``);
not inside a ``try``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ..edits import (Edit, Fix, SourceText, add_import, binds, imports_name, inside_try,
                     parents_of)
from ..nodes import nodes
from ..registry import REGISTRY, Context
from .backends import AER_BACKEND, BARE_V2_BACKEND, RUNTIME_FAKE_BACKEND

SAMPLER = "BackendSamplerV2"
IMPORT = f"from qiskit.primitives import {SAMPLER}"
OPTIONS = frozenset({"shots", "seed_simulator", "memory"})  # ``memory=True``: always kept
# The reads of a ``Result`` and of a ``BitArray`` of the register that give the same values.
READS = {"get_counts": "get_counts", "get_memory": "get_bitstrings"}
# Backends on which ``BackendSamplerV2`` with the same shots and ``seed_simulator`` samples the
# counts ``backend.run`` does (checked on qiskit 2.6, qiskit-aer 0.18, qiskit-ibm-runtime 0.51):
# ``AerSimulator``, ``BasicSimulator`` and ``GenericBackendV2``, the runtime's V2 fakes.
SAMPLED = frozenset({AER_BACKEND, BARE_V2_BACKEND, RUNTIME_FAKE_BACKEND})
# Circuit methods that add or change classical registers: the register name is not known then.
REGISTER_CHANGES = frozenset({"add_register", "add_bits", "compose", "tensor", "measure_active",
                              "remove_final_measurements", "copy_empty_like"})


@REGISTRY.fixer("QKM103")
def run_to_sampler(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    source, module = ctx.source, ctx.module
    if source is None or module is None or not isinstance(node, ast.Call):
        return None
    func = node.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            and ctx.qualify(func.value) in SAMPLED):
        return None
    if len(node.args) != 1 or not all(_kept(k) for k in node.keywords) or inside_try(
            module, node):  # a handler may expect the errors of ``backend.run``
        return None
    found = _circuits(ctx, module, node.args[0])
    if found is None:
        return None
    circuits, listed = found
    registers = {_register(ctx, source, module, circuit) for circuit in circuits}
    register = registers.pop() if len(registers) == 1 else None
    reads = _counts_reads(source, module, node, circuits)
    if register is None or reads is None or not reads or (
            not any(k.arg == "memory" for k in node.keywords) and any(
                isinstance(r.func, ast.Attribute) and r.func.attr == "get_memory"
                for r, _ in reads)):  # ``get_memory`` raised without ``memory=True``
        return None
    imports: tuple[Edit, ...] = ()
    if not imports_name(module, "qiskit.primitives", SAMPLER):
        if binds(module, SAMPLER):
            return None
        imports = (add_import(source, module, IMPORT),)
    return (_sampler_call(source, node, listed),
            *(_read(source, read, index, register) for read, index in reads), *imports)


def _kept(keyword: ast.keyword) -> bool:
    """An option the Sampler keeps: shots, the seed, memory (every shot is kept)."""
    if keyword.arg == "memory":
        return isinstance(keyword.value, ast.Constant) and keyword.value.value is True
    return keyword.arg in OPTIONS


def _sampler_call(source: SourceText, call: ast.Call, listed: bool) -> Edit:
    """The Sampler run of the circuits: a list of circuits is a list of PUBs as it is."""
    assert isinstance(call.func, ast.Attribute)
    backend = _text(source, call.func.value)
    seeds = [k for k in call.keywords if k.arg == "seed_simulator"]
    options = "".join(f', options={{"seed_simulator": {_text(source, k.value)}}}' for k in seeds)
    shots = "".join(f", shots={_text(source, k.value)}" for k in call.keywords
                    if k.arg == "shots")
    circuits = _text(source, call.args[0])
    pubs = circuits if listed else f"[{circuits}]"
    return source.replace(call, f"{SAMPLER}(backend={backend}{options})"
                          f".run({pubs}{shots})")


def _read(source: SourceText, read: ast.Call, index: int, register: str) -> Edit:
    """``<result>.get_counts(...)`` -> ``<result>[index].data.<register>.get_counts()``,
    ``get_memory(...)`` -> ``get_bitstrings()``."""
    assert isinstance(read.func, ast.Attribute)
    return Edit(*source.end(read.func.value), *source.end(read),
                f"[{index}].data.{register}.{READS[read.func.attr]}()")


def _text(source: SourceText, node: ast.AST) -> str:
    return source.segment(source.start(node), source.end(node))


def _bound_once(module: ast.Module, name: str) -> ast.expr | None:
    """The value of the only binding of ``name`` in the module, a plain ``name = value``."""
    found = nodes(module)
    stores = [n for n in found.of(ast.Name) if n.id == name and not isinstance(n.ctx, ast.Load)]
    assigns = [s for s in found.of(ast.Assign) if len(s.targets) == 1
               and isinstance(s.targets[0], ast.Name) and s.targets[0].id == name]
    if len(stores) != 1 or len(assigns) != 1 or any(
            (n.asname or n.name) == name for n in found.of(ast.alias)):
        return None
    return assigns[0].value


def _loads(module: ast.Module, name: str) -> Iterator[ast.Name]:
    return (n for n in nodes(module).of(ast.Name) if n.id == name
            and isinstance(n.ctx, ast.Load))


def _transpiled(ctx: Context, node: ast.expr) -> ast.expr | None:
    if isinstance(node, ast.Call) and ctx.qualify(node.func) == "qiskit.transpile" and node.args:
        return node.args[0]
    return None


def _circuits(ctx: Context, module: ast.Module,
              argument: ast.expr) -> tuple[list[str], bool] | None:
    """The names of the circuits the run's argument transpiles (one, or a list of names), and
    whether they are a list."""
    value = argument
    if isinstance(argument, ast.Name):
        bound = _bound_once(module, argument.id)
        value = bound if bound is not None else argument
    circuits = _transpiled(ctx, value)
    if isinstance(circuits, ast.Name):
        return [circuits.id], False
    if isinstance(circuits, ast.List) and circuits.elts and all(
            isinstance(e, ast.Name) for e in circuits.elts):
        names = [e.id for e in circuits.elts if isinstance(e, ast.Name)]
        return names, True
    return None


def _register(ctx: Context, source: SourceText, module: ast.Module, circuit: str) -> str | None:
    """The name of the circuit's only classical register, where the module proves it."""
    built = _bound_once(module, circuit)
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
    value = _bound_once(module, name.id)
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
    """The reads of the name ``value`` is assigned to (``job = backend.run(...)``), where it is
    the only binding of that name; None where the value goes anywhere else."""
    statement = parents.get(id(value))
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)):
        return None
    name = statement.targets[0].id
    return list(_loads(module, name)) if _bound_once(module, name) is value else None


def _counts_reads(source: SourceText, module: ast.Module, run: ast.Call,
                  circuits: list[str]) -> list[tuple[ast.Call, int]] | None:
    """Every ``.get_counts(...)`` read of the run's result with the index of the circuit it
    reads, where the job and the result are read nowhere else."""
    parents = parents_of(source, module)
    jobs: list[ast.expr] = [run]
    if _called(parents, run, "result") is None:
        names = _through_name(module, parents, run)
        if names is None:
            return None
        jobs = list(names)
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


def _index(arguments: list[ast.expr], circuits: list[str]) -> int | None:
    """The circuit ``get_counts`` reads: the only one, one named, or one by position."""
    if not arguments:
        return 0 if len(circuits) == 1 else None  # all the counts of a list: a list
    if len(arguments) != 1:
        return None
    argument = arguments[0]
    if isinstance(argument, ast.Name) and circuits.count(argument.id) == 1:
        return circuits.index(argument.id)
    if isinstance(argument, ast.Constant) and type(argument.value) is int and (
            0 <= argument.value < len(circuits)):
        return argument.value
    return None
