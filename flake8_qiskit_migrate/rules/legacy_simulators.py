"""Category 1: the legacy Aer simulators ``QasmSimulator``, ``StatevectorSimulator`` and
``UnitarySimulator``, and ``Aer.get_backend`` with their names, which qiskit-aer marks for
deprecation in favour of ``AerSimulator(method=...)``.

The values they return are kept apart (``STATEVECTOR_BACKEND``, ``UNITARY_BACKEND``), so advice
about what runs on them fits the use: a statevector is not a primitive's result.
"""

from __future__ import annotations

import ast

from ..edits import Fix, SourceText, add_import, binds, import_after, import_needed, imports_name, \
    item_removal, parents_of
from ..nodes import nodes
from ..registry import GUIDES, REGISTRY, Autofix, Context, Rule, RuleDoc
from .backends import AER_BACKEND, STATEVECTOR_BACKEND, UNITARY_BACKEND
from .exact_states import exact_state_fix, exact_state_fix_at

AER = "qiskit_aer"
STATEVECTOR_ADVICE = ('qiskit.quantum_info.Statevector(circuit) for the exact state, or '
                      'qiskit_aer.AerSimulator(method="statevector") with '
                      'circuit.save_statevector()')
UNITARY_ADVICE = ('qiskit.quantum_info.Operator(circuit) for the exact unitary, or '
                  'qiskit_aer.AerSimulator(method="unitary") with circuit.save_unitary()')
_ADVICE = {AER_BACKEND: f"{AER}.AerSimulator()", STATEVECTOR_BACKEND: STATEVECTOR_ADVICE,
           UNITARY_BACKEND: UNITARY_ADVICE}
# Backend name (Aer.get_backend) -> the value it returns; the legacy names are reported.
LEGACY_NAMES = {"qasm_simulator": AER_BACKEND, "statevector_simulator": STATEVECTOR_BACKEND,
                "unitary_simulator": UNITARY_BACKEND}
_AER_NAMES = {"aer_simulator_statevector": STATEVECTOR_BACKEND,
              "aer_simulator_unitary": UNITARY_BACKEND}
_METHODS = {"statevector": STATEVECTOR_BACKEND, "unitary": UNITARY_BACKEND}
GET_BACKEND = (f"{AER}.Aer.get_backend", f"{AER}.AerProvider().get_backend", "qiskit.Aer.get_backend",
               "qiskit.providers.aer.Aer.get_backend")

REGISTRY.add(Rule(
    code="QKM111",
    name="legacy-aer-simulator",
    message="'{name}' is a legacy Aer simulator, pending deprecation in qiskit-aer",
    fix_title="use {replacement}",
    replacement=f"{AER}.AerSimulator()",
    url=GUIDES + "local-simulators#migrate-to-local-simulators",
    new_names=(f"{AER}.AerSimulator", "qiskit.quantum_info.Statevector",
               "qiskit.quantum_info.Operator"),
    deprecated_in="pending: qiskit-aer 0.18 warns PendingDeprecationWarning (\"will be "
    "deprecated in the future\")",
    fix=Autofix("unsafe", 'Replace `Aer.get_backend("qasm_simulator")` with `AerSimulator()`, '
                "a statevector or unitary job with `Statevector(circuit)` / `Operator(circuit)`",
                'Unsafe: `Aer.get_backend("qasm_simulator")` becomes `AerSimulator()` (the '
                "import from `qiskit_aer` is added), the simulator that superseded it: seeded "
                "counts are the same, but the backend's `name` is `aer_simulator` and its "
                "configuration lists other instructions, so code reading them, and transpiled "
                "circuits, may change. Where every use of the imported `Aer` is such a call, "
                "all of "
                "them change at once and `AerSimulator`'s import takes the place of `Aer`'s. "
                "A statevector or unitary simulator (`Aer`'s or "
                "`BasicAer`'s by name, the latter's fix carried by QKM108, or "
                "`StatevectorSimulator()` / `UnitarySimulator()`) whose jobs' results are each "
                "read once becomes what it computed: `backend = Aer.get_backend("
                '"statevector_simulator")`, `result = execute(qc, backend).result()` and '
                "`state = result.get_statevector(qc)` become `state = Statevector(qc)` (and "
                "`get_unitary(qc)` becomes `Operator(qc)`), the backend, job and result "
                "statements and the imports only they used go, and the import from "
                "`qiskit.quantum_info` is added. BasicAer returned a NumPy array: its read "
                "becomes `Statevector(qc).data` (`Operator(qc).data`). A read rounded by "
                "`decimals=n` (a constant) is rounded the same way (NumPy's `around`): "
                "`Statevector(Statevector(qc).data.round(n))` for Aer, "
                "`Statevector(qc).data.round(n)` for BasicAer (`decimals=0` did not round). "
                "The values are exact and equal (a zero Aer's arithmetic left negative prints "
                "without its sign), but Aer's `Statevector` / `Operator` subclasses become "
                "Qiskit's classes. The circuit's class may come from `from qiskit import *`; "
                "copying it (`circ = qc.compose(meas)`, without `inplace=`) leaves it proven. "
                "Names are followed through "
                "the top level in order, binding by binding (a backend fetched again in each "
                "notebook cell, `job` and `result` reused): each backend binding goes with all "
                "the jobs it reaches, or stays; all the name's bindings go together (with the "
                "imports only they used) where their edits lie in one cell. Offered only where "
                "every binding of these names is a top-level `name = value` and no function or "
                "class reads them, each use of the backend is a job passing at most `shots` and "
                "`seed_simulator` (a circuit without measurement ends in one state), and each "
                "circuit is bound to a `QuantumCircuit` on which, before its read, only unitary "
                "gates are called (no measurement, reset, classical control, unknown method or "
                "call that may change it) and none between the job and the read. A "
                "notebook's cells change together (the imports in the first, the jobs in "
                "later ones). Not rewritten: `decimals=` given by a name (0 did not round), a "
                "circuit given as a function's parameter (its construction is unknown; "
                "`AerSimulator(method=\"statevector\")` with `save_statevector()` would equal "
                "it only where it does not measure, which is not proven either), a list of "
                "circuits."),
    since="0.2.0",
    doc=RuleDoc(
        summary='`QasmSimulator()` / `StatevectorSimulator()` / `UnitarySimulator()`',
        what="Finds `QasmSimulator`, `StatevectorSimulator` and `UnitarySimulator` of "
        "`qiskit_aer`, and `Aer.get_backend(\"qasm_simulator\")`, `\"statevector_simulator\"`, "
        "`\"unitary_simulator\"`.",
        why="qiskit-aer superseded these backends with `AerSimulator`, whose `method` selects "
        "the simulation; constructing them warns `PendingDeprecationWarning` (\"will be "
        "deprecated in the future\"). For an exact statevector or unitary, "
        "`qiskit.quantum_info.Statevector(circuit)` and `Operator(circuit)` need no backend; "
        "on `AerSimulator(method=\"statevector\")` the circuit saves its state with "
        "`save_statevector()`.",
        notes="A pending deprecation names no release: the rule is reported whatever the "
        "target. The `run(...)` on these backends gets QKM103, whose advice follows the "
        "simulator: `Statevector` for a statevector simulator, `Operator` for a unitary one, "
        "a primitive otherwise.",
    ),
))
REGISTRY.match_names(
    "QKM111",
    *[(f"{module}.{cls}", _ADVICE[value]) for module in (AER, f"{AER}.backends")
      for cls, value in (("QasmSimulator", AER_BACKEND),
                         ("StatevectorSimulator", STATEVECTOR_BACKEND),
                         ("UnitarySimulator", UNITARY_BACKEND))],
)


def literal_text(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _argument(call: ast.Call, keyword: str) -> ast.expr | None:
    found = [k.value for k in call.keywords if k.arg == keyword]
    return found[0] if found else call.args[0] if call.args else None


def simulator_value(ctx: Context, node: ast.expr) -> str | None:
    """The kind of Aer simulator that an expression constructs, read from its arguments:
    ``Aer.get_backend("statevector_simulator")``, ``AerSimulator(method="unitary")``."""
    if not isinstance(node, ast.Call):
        return None
    func = ctx.qualify(node.func)
    if func in GET_BACKEND:
        name = literal_text(_argument(node, "name"))
        return LEGACY_NAMES.get(name or "") or _AER_NAMES.get(name or "")
    if func == f"{AER}.AerSimulator":
        method = [k.value for k in node.keywords if k.arg == "method"]
        return _METHODS.get(literal_text(method[0]) or "") if method else None
    return None


def run_advice(path: str | None) -> str | None:
    """What to use instead of ``run`` on a statevector or unitary simulator, if it is one."""
    return {STATEVECTOR_BACKEND: STATEVECTOR_ADVICE, UNITARY_BACKEND: UNITARY_ADVICE}.get(
        path or "")


@REGISTRY.on_call(*GET_BACKEND, f"{AER}.AerSimulator")
def _simulator_by_name(ctx: Context, call: ast.Call, path: str | None) -> None:
    value = simulator_value(ctx, call)
    if value is None:
        return
    ctx.assume(call, value)  # ``sim = Aer.get_backend("statevector_simulator"); sim.run(...)``
    name = literal_text(_argument(call, "name"))
    if path in GET_BACKEND and name in LEGACY_NAMES:
        assert isinstance(call.func, ast.Attribute)
        ctx.report(call, "QKM111", f'{ast.unparse(call.func)}("{name}")', _ADVICE[value])


@REGISTRY.fixer("QKM111")
def _to_aer_simulator(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    """``Aer.get_backend("qasm_simulator")`` -> ``AerSimulator()``, importing it where the
    module does not (and binds the name to nothing else); a statevector or unitary simulator's
    job -> ``Statevector`` / ``Operator`` (``exact_states``)."""
    if not isinstance(node, ast.Call):
        return exact_state_fix_at(ctx, node)
    if ctx.source is None or ctx.module is None or not isinstance(node, ast.Call) or (
            ctx.qualify(node.func) not in GET_BACKEND or len(node.args) + len(node.keywords) != 1):
        return None
    if literal_text(_argument(node, "name")) != "qasm_simulator":
        return exact_state_fix(ctx, node)
    every = _every_use(ctx.source, ctx.module, node)
    if every is not None:
        return every
    edits = [ctx.source.replace(node, "AerSimulator()")]
    needed = import_needed(ctx.module, (AER, "qiskit.providers.aer"), "AerSimulator", node)
    if needed is None:
        return None
    if needed:
        edits.append(add_import(ctx.source, ctx.module, f"from {AER} import AerSimulator"))
    return tuple(edits)


_AER_HOMES = ("qiskit", AER, "qiskit.providers.aer")


def _every_use(source: SourceText, module: ast.Module, call: ast.Call) -> Fix | None:
    """Where every use of the ``Aer`` that ``call`` names is ``Aer.get_backend(
    "qasm_simulator")``: all of them become ``AerSimulator()`` at once and the import of
    ``Aer`` (``from qiskit import Aer``, or ``qiskit_aer``'s) gives way to ``AerSimulator``'s,
    so no unused import is left; None elsewhere (each call is then fixed on its own)."""
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
    imports = [(s, a) for s in module.body if isinstance(s, ast.ImportFrom) and not s.level
               and s.module in _AER_HOMES for a in s.names if isinstance(receiver, ast.Name)
               and a.name == receiver.id and a.asname is None]
    if len(imports) != 1 or not isinstance(receiver, ast.Name):
        return None
    statement, alias = imports[0]
    found = nodes(module)
    if sum((a.asname or a.name) == alias.name for a in found.of(ast.alias)) != 1 or any(
            n.id == alias.name and not isinstance(n.ctx, ast.Load) for n in found.of(ast.Name)):
        return None
    parents = parents_of(source, module)
    calls = [parents.get(id(parents.get(id(n)))) for n in found.of(ast.Name) if n.id == alias.name]
    qasm = [c for c in calls if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
            and c.func.attr == "get_backend" and len(c.args) == 1 and not c.keywords
            and literal_text(c.args[0]) == "qasm_simulator"]
    if len(qasm) != len(calls):
        return None
    edits = [source.replace(c, "AerSimulator()") for c in qasm]
    line = f"from {AER} import AerSimulator"
    if imports_name(module, AER, "AerSimulator"):
        line = ""
    elif binds(module, "AerSimulator"):
        return None
    if len(statement.names) == 1 and line:
        return (*edits, source.replace(statement, line))
    if len(statement.names) == 1:
        return None  # ``AerSimulator`` imported already: each call is fixed on its own
    edits.append(item_removal(source, statement.names, alias, source.end(statement)))
    added = import_after(source, statement, line) if line else None
    if line and added is None:
        return None
    return (*edits, added) if added is not None else tuple(edits)
