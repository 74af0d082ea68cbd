"""Category 7: the backend, job and result interfaces that Qiskit 2.0 and qiskit-ibm-runtime
removed around the primitives: Qobj and ``assemble``, the ``BackendV1`` model and its accessors
on V2 backends, the readout mitigators, the V1 ``RuntimeJob``."""

from __future__ import annotations

import ast

from ..edits import Edit, Fix
from ..registry import GUIDES, REGISTRY, Autofix, Context, Releases, Rule, RuleDoc
from .backends import AER_BACKEND, BARE_V2_BACKEND, IBM_BACKEND, RUNTIME_FAKE_BACKEND

BACKEND_GUIDE = GUIDES + "qiskit-backendv1-to-v2"
MITIGATION_GUIDE = GUIDES + "v2-primitives#error-mit"
JOB_GUIDE = GUIDES + "v2-primitives#job-status"
QISKIT_2 = Releases("qiskit", deprecated="1.2.0", removed="2.0.0")
_PRIMITIVES = ("qiskit.primitives.BackendSamplerV2", "qiskit_ibm_runtime.SamplerV2")

REGISTRY.add(Rule(
    code="QKM701",
    name="assemble-and-qobj",
    message="'{name}' was removed in Qiskit 2.0",
    fix_title="use {replacement}",
    replacement="transpiled circuits given to a primitive (BackendSamplerV2 / SamplerV2)",
    url=BACKEND_GUIDE,
    releases=QISKIT_2,
    new_names=(*_PRIMITIVES, "qiskit.qpy.dump"),
    deprecated_in="Qiskit 1.2",
    removed_in="Qiskit 2.0",
    since="0.2.0",
    fix=Autofix("safe", "Run the circuits themselves, with the run options `assemble` carried",
                "Safe: `qobj = assemble(t_qc, shots=8192)` read only by `result = "
                "sim.run(qobj).result()`, on a simulator proven to be Aer's, becomes `result = "
                "sim.run(t_qc, shots=8192).result()` (`sim.run(assemble(qc))` becomes "
                "`sim.run(qc)`), and `assemble` leaves its import with its last use. qiskit-aer "
                "ran a Qobj as the circuits it held with its configuration as run options, a "
                "`run` option winning (so one the run has already stays and `assemble`'s goes): "
                "run both ways with seeds on qiskit 0.46.3 and qiskit-aer 0.13.3, the counts, "
                "memory, statevectors and unitaries are equal, for one circuit or a list, with a "
                "noise model or several registers; the job and result are the same classes, "
                "read as before. Offered only where the options are `shots`, `memory` and "
                "`seed_simulator` (`parameter_binds` meant one value a parameter to `assemble` "
                "and lists of values to `run`; `qobj_header`, pulse options and `**options` have "
                "no home), a `backend` argument is an Aer simulator too, the Qobj is read by that "
                "run alone (not kept, passed on, read twice or in a later turn of a loop, or by "
                "another function: else it stays, as when it goes to IBM hardware, a V1 fake "
                "or `BasicAer`, whose `run` in qiskit 0.46 took no Qobj), and the module never "
                "sets a simulator's own `shots` or `memory` (`set_options`, `AerSimulator(shots="
                "...)`), which the Qobj's defaults (1024 shots, no memory) used to override, and not "
                "inside a `try`. The `assemble(...)` statement goes where the run is the next "
                "statement and nothing is called before it there, so its circuits are evaluated "
                "in the run as they were one statement earlier (a comment after it stays); "
                "otherwise the name keeps the circuits (`qobj = qc.compose(other)`). A circuit Aer cannot simulate (an instruction outside its "
                "basis) failed either way: a failed result then, an `AerError` from `run` now. "
                "The import goes only with every use fixed: where one is not, each fixable call "
                "is still fixed and the import stays; an import nothing calls goes on its own. "
                "`disassemble`, `qiskit.assembler` and `qiskit.qobj` have no fix: what replaces "
                "a Qobj kept or sent depends on what the code did with it.",
                joins_imports=True),
    doc=RuleDoc(
        summary="`assemble`, `disassemble`, `qiskit.qobj`",
        what="Finds `qiskit.assemble` (`from qiskit import assemble` too), "
        "`qiskit.compiler.assemble`, the `qiskit.assembler` module (`disassemble`, "
        "`assemble_circuits` ...) and the `qiskit.qobj` module (`QasmQobj`, "
        "`QobjExperimentHeader` ...): imports, references and calls.",
        why="Qobj was the wire format of `BackendV1`. Qiskit 1.2 deprecated it with "
        "`assemble` and `disassemble`, and Qiskit 2.0 removed them: backends and primitives "
        "take circuits. To store or send circuits, QPY (`qiskit.qpy.dump`) or OpenQASM 3 "
        "(`qiskit.qasm3.dumps`) keep them whole.",
        notes="The fix, on the Qiskit textbook's simulator cell (the run's `.result()` is then "
        "QKM103's, whose unsafe fix makes it a `BackendSamplerV2` job):\n\n```python\n"
        "# before\nfrom qiskit import Aer, assemble, transpile\n"
        "aer_sim = Aer.get_backend('aer_simulator')\nt_qc = transpile(qc, aer_sim)\n"
        "qobj = assemble(t_qc, shots=8192)\nresult = aer_sim.run(qobj).result()\n"
        "# after\nfrom qiskit import Aer, transpile\n"
        "aer_sim = Aer.get_backend('aer_simulator')\nt_qc = transpile(qc, aer_sim)\n"
        "result = aer_sim.run(t_qc, shots=8192).result()\n```",
    ),
))
_TO_PRIMITIVE = "transpiled circuits given to a primitive (BackendSamplerV2 / SamplerV2)"
_TO_QPY = "qiskit.qpy.dump / qiskit.qasm3.dumps to store or send circuits"
REGISTRY.match_names(
    "QKM701",
    ("qiskit.assemble", _TO_PRIMITIVE),
    ("qiskit.compiler.assemble", _TO_PRIMITIVE),
    ("qiskit.compiler.assembler.*", _TO_PRIMITIVE),
    ("qiskit.assembler.*", "the circuits themselves: BackendV2 backends and primitives take "
     "circuits"),
    ("qiskit.qobj.*", _TO_QPY),
)

REGISTRY.add(Rule(
    code="QKM702",
    name="backend-v1-model",
    message="'{name}' is part of the BackendV1 model, removed in Qiskit 2.0",
    fix_title="use {replacement}",
    replacement="qiskit.providers.BackendV2 and its qiskit.transpiler.Target",
    url=BACKEND_GUIDE,
    releases=QISKIT_2,
    new_names=("qiskit.providers.BackendV2", "qiskit.transpiler.Target"),
    deprecated_in="Qiskit 1.2 (`BackendV1`, `qiskit.providers.models`; `ProviderV1` in 1.1)",
    removed_in="Qiskit 2.0",
    since="0.2.0",
    doc=RuleDoc(
        summary="`BackendV1`, `ProviderV1`, `providers.models`",
        what="Finds `qiskit.providers.BackendV1` (also from `qiskit.providers.backend`), "
        "`ProviderV1` and `Provider`, and the `qiskit.providers.models` module "
        "(`BackendProperties`, `BackendConfiguration`, `QasmBackendConfiguration`, "
        "`PulseDefaults` ...): imports, references and classes derived from them.",
        why="Qiskit 2.0 removed the `BackendV1` interface and the configuration, properties "
        "and defaults models it was described by. A backend is a `BackendV2` whose `Target` "
        "holds its instructions, qubit properties and errors; a provider is any class with "
        "`backends()` and `get_backend()`.",
        notes="IBM backends keep their own copies of the models in `qiskit_ibm_runtime.models` "
        "(what `IBMBackend.properties()` returns); code that only reads those needs "
        "`backend.target` or that module, not `qiskit.providers.models`.",
    ),
))
_PLAIN_PROVIDER = "a plain class with backends() and get_backend() (no base class)"
REGISTRY.match_names(
    "QKM702",
    ("qiskit.providers.BackendV1", "qiskit.providers.BackendV2"),
    ("qiskit.providers.backend.BackendV1", "qiskit.providers.BackendV2"),
    ("qiskit.providers.ProviderV1", _PLAIN_PROVIDER),
    ("qiskit.providers.Provider", _PLAIN_PROVIDER),
    ("qiskit.providers.provider.*", _PLAIN_PROVIDER),
    ("qiskit.providers.models.*", "qiskit.transpiler.Target (backend.target) or, for IBM "
     "backends, qiskit_ibm_runtime.models"),
)

REGISTRY.add(Rule(
    code="QKM703",
    name="backend-v2-converter",
    message="'{name}' converted BackendV1 backends and was removed in Qiskit 2.0",
    fix_title="use {replacement}",
    replacement="a BackendV2 backend, or qiskit.transpiler.Target.from_configuration(...)",
    url=BACKEND_GUIDE,
    releases=Releases("qiskit", deprecated="1.4.0", removed="2.0.0"),
    new_names=("qiskit.transpiler.Target.from_configuration",),
    deprecated_in="Qiskit 1.4",
    removed_in="Qiskit 2.0",
    since="0.2.0",
    doc=RuleDoc(
        summary="`BackendV2Converter`, `convert_to_target`",
        what="Finds `qiskit.providers.BackendV2Converter`, `qiskit.providers.convert_to_target` "
        "and the `qiskit.providers.backend_compat` module they lived in.",
        why="They turned a `BackendV1` (or its configuration and properties) into a `BackendV2` "
        "or a `Target`. With `BackendV1` gone in Qiskit 2.0 there is nothing to convert: use "
        "the provider's `BackendV2` backend, or build a `Target` with "
        "`Target.from_configuration(basis_gates, num_qubits, coupling_map, ...)`.",
    ),
))
REGISTRY.match_names(
    "QKM703", "qiskit.providers.BackendV2Converter", "qiskit.providers.convert_to_target",
    "qiskit.providers.backend_compat.*",
)

_MITIGATION = ("mthree (qiskit-addon-mthree) for counts, or the Runtime Estimator's readout "
               "mitigation: options.resilience.measure_mitigation (TREX), options.twirling")
_ESTIMATOR = ("qiskit_ibm_runtime.executor_estimator.Estimator",)
REGISTRY.add(Rule(
    code="QKM704",
    name="readout-mitigator",
    message="'{name}' was removed in Qiskit 2.0",
    fix_title="use {replacement}",
    replacement=_MITIGATION,
    url=MITIGATION_GUIDE,
    releases=Releases("qiskit", deprecated="1.3.0", removed="2.0.0"),
    new_names=_ESTIMATOR,
    deprecated_in="Qiskit 1.3",
    removed_in="Qiskit 2.0",
    since="0.2.0",
    doc=RuleDoc(
        summary="Qiskit's readout mitigators",
        what="Finds `qiskit.result.LocalReadoutMitigator`, "
        "`qiskit.result.CorrelatedReadoutMitigator` and the `qiskit.result.mitigation` "
        "module.",
        why="Qiskit 1.3 deprecated its readout mitigators and Qiskit 2.0 removed them (the "
        "deprecation warning names mthree). Readout error mitigation for counts is the "
        "`qiskit-addon-mthree` package; for expectation values, the Runtime Estimator "
        "applies TREX (`resilience.measure_mitigation`, with measurement twirling) from "
        "`resilience_level=1`.",
    ),
))
REGISTRY.match_names(
    "QKM704", "qiskit.result.LocalReadoutMitigator", "qiskit.result.CorrelatedReadoutMitigator",
    "qiskit.result.mitigation.*",
)

REGISTRY.add(Rule(
    code="QKM705",
    name="measurement-calibration-fitter",
    message="'{name}' is a measurement-calibration fitter of a retired module",
    fix_title="use {replacement}",
    replacement=_MITIGATION,
    url=MITIGATION_GUIDE,
    new_names=_ESTIMATOR,
    removed_in="absent from Qiskit 1.4 and 2.x (`qiskit.utils.mitigation`); qiskit-ignis is "
    "retired and does not import next to Qiskit 2.x",
    since="0.2.0",
    doc=RuleDoc(
        summary="Ignis measurement fitters (`CompleteMeasFitter`)",
        what="Finds the `qiskit.ignis.mitigation` and `qiskit.utils.mitigation` modules "
        "(`complete_meas_cal`, `tensored_meas_cal`, `CompleteMeasFitter`, "
        "`TensoredMeasFitter` ...).",
        why="These built calibration circuits, ran them with `execute` and filtered counts "
        "with the fitted matrix. Both modules are gone; readout mitigation for counts is "
        "`qiskit-addon-mthree`, and the Runtime Estimator mitigates readout errors itself "
        "(TREX).",
    ),
))
REGISTRY.match_names("QKM705", "qiskit.ignis.mitigation.*", "qiskit.utils.mitigation.*")

REGISTRY.add(Rule(
    code="QKM706",
    name="runtime-job-v1",
    message="'{name}' is the V1 Runtime job class, removed in qiskit-ibm-runtime 0.42",
    fix_title="use '{replacement}'",
    replacement="qiskit_ibm_runtime.RuntimeJobV2",
    url=JOB_GUIDE,
    releases=Releases("qiskit-ibm-runtime", deprecated="0.38.0", removed="0.42.0"),
    new_names=("qiskit_ibm_runtime.RuntimeJobV2",),
    deprecated_in="qiskit-ibm-runtime 0.38",
    removed_in="qiskit-ibm-runtime 0.42",
    since="0.2.0",
    no_fix_reason="No fix: a `RuntimeJobV2` reports its status as a string, so code that "
    "compares it with `JobStatus` must change too (QKM709).",
    doc=RuleDoc(
        summary="the V1 `RuntimeJob`",
        what="Finds `qiskit_ibm_runtime.RuntimeJob` (imports, annotations, `isinstance` "
        "checks).",
        why="`RuntimeJob` was the job of the V1 primitives; it was deprecated in "
        "qiskit-ibm-runtime 0.38 and removed in 0.42. The V2 primitives' jobs are "
        "`RuntimeJobV2`, whose `status()` is a string (`\"DONE\"`).",
    ),
))
REGISTRY.match_names("QKM706", "qiskit_ibm_runtime.RuntimeJob",
                     "qiskit_ibm_runtime.runtime_job.RuntimeJob")

# -- BackendV1 accessors on backends proven to be V2 -------------------------------------------

# What replaces each accessor, in the BackendV2 interface.
ACCESSORS = {
    "configuration": "backend.target, backend.num_qubits, backend.coupling_map, "
    "backend.operation_names",
    "properties": "backend.target.qubit_properties[q] (t1, t2) and "
    "backend.target[gate][qargs].error",
    "defaults": "backend.target (the pulse defaults went with Qiskit Pulse)",
    "name": "backend.name (a string)",
    "max_shots": "nothing per backend: the service documents its job limits",
    "max_experiments": "nothing per backend: backend.max_circuits is None on IBM backends",
}
# The accessors each proven kind lacks (``name`` is a string on every V2 backend).
_GONE_SINCE_0_41 = frozenset({"defaults", "max_shots", "max_experiments"})
MISSING = {
    BARE_V2_BACKEND: frozenset(ACCESSORS),
    AER_BACKEND: _GONE_SINCE_0_41 | {"name"},
    IBM_BACKEND: _GONE_SINCE_0_41 | {"name"},
    RUNTIME_FAKE_BACKEND: _GONE_SINCE_0_41 | {"name"},
}
# Where qiskit-ibm-runtime removed them (QKM708); elsewhere they never were (QKM707).
_RUNTIME_KINDS = frozenset({IBM_BACKEND, RUNTIME_FAKE_BACKEND})
_V2_KINDS = tuple(MISSING)

REGISTRY.add(Rule(
    code="QKM707",
    name="backend-v1-accessor",
    message="'{name}' is a BackendV1 accessor that this V2 backend does not answer",
    fix_title="use {replacement}",
    replacement=ACCESSORS["configuration"],
    url=BACKEND_GUIDE,
    new_names=("qiskit.providers.BackendV2.target", "qiskit.providers.BackendV2.num_qubits"),
    fix=Autofix("safe", "Remove the call parentheses of `backend.name()`",
                "Safe: `name` is a string on every V2 backend, so the call can only raise "
                "`TypeError`. Only `name()` without arguments is fixed; the other accessors "
                "have no one-to-one replacement."),
    since="0.2.0",
    doc=RuleDoc(
        summary="`name()`, `configuration()` ... on V2 backends",
        what="Finds, on a backend proven to be a `BackendV2` (Aer, `GenericBackendV2`, "
        "`BasicSimulator`, the runtime's `Fake*V2` backends, IBM backends of qiskit-ibm-runtime "
        "or qiskit-ibm-provider; IBMQ's were BackendV1), the BackendV1 "
        "accessors that fail on its class: `name()` everywhere (`TypeError`: `name` is a "
        "string), and `configuration()`, `properties()`, `defaults()`, `max_shots` and "
        "`max_experiments` on `GenericBackendV2` and `BasicSimulator`, `defaults()`, "
        "`max_shots`, `max_experiments` on Aer (`AttributeError`). On IBM and fake backends "
        "`defaults()`, `max_shots` and `max_experiments` are QKM708.",
        why="`BackendV2` describes a backend by its `Target` (`backend.target`) and a few "
        "attributes (`num_qubits`, `coupling_map`, `operation_names`, `name`); the "
        "configuration, properties and defaults objects of `BackendV1` are gone with it in "
        "Qiskit 2.0.",
        notes="`configuration()` and `properties()` still answer, with no warning, on "
        "`IBMBackend`, the runtime's fake backends and `AerSimulator`, so they are not "
        "reported there. A backend whose class is not proven (a function parameter, a "
        "third-party provider's backend, a V1 fake) is never reported.",
    ),
))

REGISTRY.add(Rule(
    code="QKM708",
    name="ibm-backend-limits",
    message="'{name}' was removed from IBM and fake backends in qiskit-ibm-runtime 0.41",
    fix_title="use {replacement}",
    replacement=ACCESSORS["defaults"],
    url=BACKEND_GUIDE,
    new_names=("qiskit.providers.BackendV2.target",),
    releases=Releases("qiskit-ibm-runtime", deprecated="0.38.0", removed="0.41.0"),
    deprecated_in="qiskit-ibm-runtime 0.38 (`defaults()`; `max_shots` and `max_experiments` "
    "warned from 0.37)",
    removed_in="qiskit-ibm-runtime 0.41",
    since="0.2.0",
    doc=RuleDoc(
        summary="`defaults()`, `max_shots` of IBM backends",
        what="Finds `defaults()`, `max_shots` and `max_experiments` on an IBM backend "
        "(`service.backend(...)`, `least_busy(...)`) or on one of the runtime's `Fake*V2` "
        "backends.",
        why="qiskit-ibm-runtime removed them in 0.41: the pulse defaults went with Qiskit "
        "Pulse (`backend.target` describes the instructions), and the limits they gave were "
        "not the service's real ones (`max_circuits` now returns `None`).",
        notes="The target-version gate uses 0.38, where `defaults()` was deprecated; "
        "`max_shots` and `max_experiments` already warned in 0.37.",
    ),
))


def _accessor(ctx: Context, node: ast.expr, accessor: str, kind: str | None) -> None:
    if kind not in MISSING or accessor not in MISSING[kind]:
        return
    code = "QKM708" if kind in _RUNTIME_KINDS and accessor in _GONE_SINCE_0_41 else "QKM707"
    ctx.report(node, code, _shown(node), ACCESSORS[accessor], fix=_call_removed(ctx, node))


def _call_removed(ctx: Context, node: ast.expr) -> Fix | None:
    """``backend.name()`` -> ``backend.name``."""
    source = ctx.source
    if (source is None or not isinstance(node, ast.Call) or node.args or node.keywords
            or not isinstance(node.func, ast.Attribute) or node.func.attr != "name"):
        return None
    return (Edit(*source.end(node.func), *source.end(node), ""),)


def _shown(node: ast.expr) -> str:
    text = ast.unparse(node)
    return text if len(text) <= 40 else text[:37] + "..."


@REGISTRY.on_method("configuration", "properties", "defaults", "name", values=_V2_KINDS)
def _accessor_call(ctx: Context, call: ast.Call, receiver: str | None) -> None:
    assert isinstance(call.func, ast.Attribute)
    _accessor(ctx, call, call.func.attr, receiver)


@REGISTRY.on_attribute("max_shots", "max_experiments", values=_V2_KINDS)
def _accessor_read(ctx: Context, node: ast.Attribute, owner: str | None) -> None:
    _accessor(ctx, node, node.attr, owner)
