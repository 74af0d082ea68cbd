"""Category 3, usage: a circuit built in the module that reaches a Runtime primitive on IBM
hardware without being transpiled for it (not an ISA circuit), which the service rejects.

A heuristic over the module's data flow, made for precision: the primitive's mode must be proven
an IBM backend (or a ``Session``/``Batch`` on one) and the circuit proven built here, by a
constructor, with no binding since that passes it through anything else (``transpile``, a pass
manager, a helper function: unknown, so silent). A ``QuantumCircuit(...)`` counts only with a
gate that no IBM QPU runs natively applied to it (``qc.h(0)``): one written in native gates may
be an ISA circuit already."""

from __future__ import annotations

import ast

from ..nodes import nodes
from ..registry import REGISTRY, Context, Rule, RuleDoc
from .backends import IBM_BACKEND
from .primitive_calls import CIRCUITS, V2_GUIDE
from .primitive_values import AMBIGUOUS_RUNTIME, RUNTIME, is_estimator
from .runtime_keywords import SESSION_CLASSES, argument

# The Runtime primitive classes whose ``run`` takes PUBs and whose mode is ``mode=``.
_PRIMITIVES = frozenset((f"{RUNTIME}.SamplerV2", f"{RUNTIME}.EstimatorV2", *AMBIGUOUS_RUNTIME))
_INSTANCES = frozenset(f"{cls}()" for cls in _PRIMITIVES)
_SESSIONS = frozenset(f"{cls}()" for cls in SESSION_CLASSES)
_LIBRARY = "qiskit.circuit.library."
# Circuit-library constructors whose circuits always hold gates no IBM QPU runs natively
# (checked against every fake backend's target by the tests).
LIBRARY_CIRCUITS = frozenset(_LIBRARY + name for name in (
    "efficient_su2", "real_amplitudes", "excitation_preserving", "pauli_two_design",
    "zz_feature_map", "z_feature_map", "pauli_feature_map", "quantum_volume",
    "EfficientSU2", "RealAmplitudes", "ExcitationPreserving", "PauliTwoDesign",
    "ZZFeatureMap", "ZFeatureMap", "PauliFeatureMap", "QFT", "QuantumVolume"))
# Keywords that choose a library circuit's gates: native ones would make it ISA-ready.
_GATE_CHOICES = frozenset({"su2_gates", "rotation_blocks", "entanglement_blocks"})
# ``QuantumCircuit`` methods adding a gate that no IBM QPU's target holds (the tests check them
# against every fake backend); ``cx``, ``rx``, ``x``, ``rz``, ``sx``, ``ecr``, ``cz`` are native
# somewhere.
NON_NATIVE_GATES = frozenset({
    "h", "y", "z", "s", "sdg", "t", "tdg", "ry", "p", "u", "cy", "ch", "cp", "crx", "cry",
    "crz", "cu", "ccx", "ccz", "cswap", "swap", "iswap", "rxx", "ryy", "rzx", "mcx", "mcp",
    "dcx", "csx", "cs"})

TRANSPILE = ("pm = generate_preset_pass_manager(optimization_level=1, backend=backend); "
             "isa = pm.run({circuit})")
LAYOUT = ", and map the observables to its layout: observable.apply_layout(isa.layout)"

REGISTRY.add(Rule(
    code="QKM320",
    name="untranspiled-circuit-on-hardware",
    message="'{name}' reaches a primitive on IBM hardware untranspiled (not an ISA circuit of "
    "the backend: rejected since March 4, 2024)",
    fix_title="transpile it first: {replacement}",
    replacement=TRANSPILE.format(circuit="circuit"),
    url=V2_GUIDE + "#transpilation",
    new_names=("qiskit.transpiler.generate_preset_pass_manager",),
    no_fix_reason="No fix: transpiling needs a pass manager for the backend, and an Estimator's "
    "observables must follow the circuit's layout.",
    since="0.2.0",
    doc=RuleDoc(
        summary='a circuit built here run on IBM hardware untranspiled (data flow)',
        what="Finds a circuit in a PUB of `run([...])` on a `SamplerV2`/`EstimatorV2` (or the "
        "bare `Sampler`/`Estimator`) of qiskit-ibm-runtime, constructed in the same scope "
        "(function or module body) as the `run` or in the call, whose mode is proven an IBM "
        "Quantum backend — `service.backend(...)`, `service.least_busy(...)`, a parameter "
        "annotated `IBMBackend`, or a `Session`/`Batch` opened on one — where the circuit is "
        "proven built in that scope and never passed through anything since: the name's last "
        "assignment is a circuit-library constructor (`efficient_su2(...)`, "
        "`RealAmplitudes(...)`, `zz_feature_map(...)`, `QFT(...)` ...) or `QuantumCircuit(...)` "
        "with a gate no IBM QPU runs natively (`h`, `ry`, `swap`, `ccx` ...) applied to it "
        "between that assignment and the `run`. The PUBs may be written in the call "
        "(`run([qc])`, `run([(qc, params)])`, `run([(qc, observable)])`) or in a list "
        "assigned to a name just before.",
        why="Since March 4, 2024 IBM Quantum runs only ISA circuits: circuits in the "
        "instructions and connectivity of the backend's target. qiskit-ibm-runtime 0.51 checks "
        "this before submitting (`utils/validations.py`, `validate_isa_circuits`, for every "
        "backend with a target that is not a simulator) and raises `IBMInputValueError`. The "
        "circuit is transpiled first: `pm = generate_preset_pass_manager(optimization_level=1, "
        "backend=backend)`, then `isa = pm.run(circuit)`; an Estimator's observables follow "
        "its layout, `observable.apply_layout(isa.layout)` (qiskit 2.6 raises `ValueError` "
        "when an observable's qubit count differs from the circuit's).",
        notes="A heuristic for precision, silent wherever the module does not show the whole "
        "way: a circuit or a primitive of an enclosing scope (the module may rebind it before "
        "a function runs), a circuit that is a parameter, comes from a function of the user's (a helper may "
        "transpile), from `transpile(...)`, `pm.run(...)` or any other call, a circuit "
        "reassigned after it was built (`qc = transpile(qc, backend)`), lists built in a loop "
        "or a comprehension, a mode that is a local simulator (`AerSimulator()` accepts any "
        "circuit), a primitive without `mode=` inside `with Session(...)`, and a "
        "`QuantumCircuit` whose gates are applied elsewhere (in a helper) or are all native "
        "(`rz`, `sx`, `x`, `ecr`, `cz` ...: it may be an ISA circuit already). The fake "
        "backends of `qiskit_ibm_runtime.fake_provider` (local testing mode) run the same "
        "check and raise the same error in qiskit-ibm-runtime 0.51, but the error shows at "
        "the first local run, so they are not reported. The client-side primitives of "
        "qiskit-ibm-runtime 0.50+ (`executor_sampler.Sampler`, `executor_estimator.Estimator`) "
        "are not checked: 0.51 runs no ISA check for them before submitting. "
        "`--extend-ignore QKM320` turns the rule off.",
    ),
))


@REGISTRY.on_method("run", values=_INSTANCES)
def _run_on_hardware(ctx: Context, call: ast.Call, receiver: str | None) -> None:
    assert isinstance(call.func, ast.Attribute)
    if receiver not in _INSTANCES or not _on_ibm_hardware(ctx, call.func.value):
        return
    estimator = is_estimator(str(receiver))
    for circuit in _pub_circuits(ctx, call, estimator):
        if _built_here(ctx, circuit, call):
            name = ast.unparse(circuit)
            advice = TRANSPILE.format(circuit=name) + (LAYOUT if estimator else "")
            ctx.report(circuit, "QKM320", name, advice)


def _on_ibm_hardware(ctx: Context, primitive: ast.expr) -> bool:
    """Whether the primitive was constructed in the current scope (or in the call) with an
    IBM backend as its mode, or a session or batch opened on one."""
    constructor = primitive if isinstance(primitive, ast.Call) else ctx.origin(primitive)
    if not isinstance(constructor, ast.Call) or ctx.qualify(constructor.func) not in _PRIMITIVES:
        return False
    mode = argument(constructor, "mode", 0)
    if mode is None:
        return False
    path = ctx.qualify(mode)
    if path in _SESSIONS:
        session = mode if isinstance(mode, ast.Call) else ctx.origin(mode)
        backend = argument(session, "backend", 0) if isinstance(session, ast.Call) else None
        path = ctx.qualify(backend) if backend is not None else None
    return path == IBM_BACKEND


def _pub_circuits(ctx: Context, call: ast.Call, estimator: bool) -> list[ast.expr]:
    """The circuits of the PUBs a ``run`` call spells: ``run([qc, (qc2, params)])``, or the
    list literal a name was assigned (``pubs = [(qc, obs)]; run(pubs)``)."""
    pubs = argument(call, "pubs", 0)
    if isinstance(pubs, ast.Name):
        pubs = ctx.origin(pubs)
    if not isinstance(pubs, (ast.List, ast.Tuple)):
        return []
    circuits = []
    for pub in pubs.elts:
        if isinstance(pub, ast.Tuple) and pub.elts:
            circuits.append(pub.elts[0])
        elif not estimator and not isinstance(pub, (ast.Starred, ast.Tuple)):
            circuits.append(pub)  # a Sampler PUB may be a bare circuit
    return [c for c in circuits if not isinstance(c, ast.Starred)]


def _built_here(ctx: Context, circuit: ast.expr, call: ast.Call) -> bool:
    """Whether the circuit is a library circuit constructed in the PUB or as the name's last
    binding, or a ``QuantumCircuit`` bound to the name that a non-native gate was applied to
    between that binding and the ``run``."""
    built = circuit if isinstance(circuit, ast.Call) else ctx.origin(circuit)
    if not isinstance(built, ast.Call):
        return False
    made = ctx.qualify(built.func)
    if made in LIBRARY_CIRCUITS:
        return not any(k.arg in _GATE_CHOICES or k.arg is None for k in built.keywords)
    return (isinstance(circuit, ast.Name) and made is not None and f"{made}()" in CIRCUITS
            and _non_native_gate(ctx, circuit.id, built.lineno, call.lineno))


def _non_native_gate(ctx: Context, name: str, first: int, last: int) -> bool:
    """Whether the module calls ``name.<non-native gate>(...)`` on the lines from ``first`` to
    ``last``."""
    if ctx.module is None:
        return False
    return any(
        isinstance(node.func, ast.Attribute)
        and node.func.attr in NON_NATIVE_GATES and isinstance(node.func.value, ast.Name)
        and node.func.value.id == name and first <= node.lineno <= last
        for node in nodes(ctx.module).of(ast.Call))
