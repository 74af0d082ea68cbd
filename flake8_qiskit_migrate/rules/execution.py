"""Category 1: direct execution — ``backend.run``, ``execute``, ``QuantumInstance``,
``open_session`` and the legacy simulator entry points.

Whether ``x.run(...)`` is a backend run is decided in this order (documented in QKM102–QKM104):
1. the value of ``x`` is proven: it comes from a known backend factory (``AerSimulator()``,
   ``service.backend(...)``, a fake backend, ``provider.get_backend(...)`` ...), followed through
   assignments, ``self.`` attributes, loops and call chains;
2. otherwise, in a module that imports a Qiskit package, the receiver's *name* says backend
   (``backend``, ``simulator``, ``sim``, ``device``, ``qpu``; configurable), unless the call
   has the V2 PUB shape ``run([(circuit, ...)])``;
3. nothing else: a value proven to be something else (a primitive, a pass manager, an object
   of a class defined in the module) is never a backend.
"""

from __future__ import annotations

import ast
from typing import Callable

from ..edits import Fix
from ..registry import GUIDES, REGISTRY, Autofix, Context, Releases, Rule, RuleDoc
from .backends import AER_BACKENDS, BACKENDS, backend_kind
from .legacy_simulators import run_advice, simulator_value
from .receivers import name_says, proven_other
from .run_options import SAMPLER_FORM, SAMPLER_TAKES, report_run_options

SAMPLER_IBM = "qiskit_ibm_runtime.SamplerV2(mode=backend).run([(circuit,)])"
ESTIMATOR_IBM = "qiskit_ibm_runtime.EstimatorV2(mode=backend).run([(circuit, observable)])"
SAMPLER_LOCAL = "qiskit.primitives.BackendSamplerV2(backend=backend).run([(circuit,)])"
ESTIMATOR_LOCAL = "qiskit.primitives.BackendEstimatorV2(backend=backend).run([(circuit, observable)])"
SAMPLER_AER = "qiskit_aer.primitives.SamplerV2().run([(circuit,)])"
ESTIMATOR_AER = "qiskit_aer.primitives.EstimatorV2().run([(circuit, observable)])"
# Names whose use in a module means it computes expectation values: suggest the Estimator.
OBSERVABLES = ("qiskit.quantum_info.SparsePauliOp", "qiskit.quantum_info.Pauli",
               "qiskit.quantum_info.SparseObservable", "qiskit.opflow")
PRIMITIVE_NOTE = (
    "Choose the primitive by what the code computes: `SamplerV2` returns counts or bitstrings "
    "(`result[0].data.<register>.get_counts()`), `EstimatorV2` returns expectation values "
    "(`result[0].data.evs`). The message suggests `EstimatorV2` when the module uses observables "
    "(`SparsePauliOp`, `Pauli` ...). Primitives take circuits already transpiled for the backend "
    "(ISA circuits) and a list of PUBs."
)
RUN_ORDER = (
    "A receiver counts as a backend (1) when its value is proven to come from a known backend "
    "factory — `AerSimulator()`, `Aer.get_backend()`, `BasicSimulator()`, `GenericBackendV2()`, "
    "fake backends, `service.backend()`, `service.least_busy()`, `service.backends()[i]`, "
    "`provider.get_backend()`, `least_busy()` — followed through assignments, `self.` "
    "attributes, loops and call chains; (2) otherwise, in a module importing a Qiskit package, "
    "when its name says backend (`backend`, `simulator`, `sim`, `device`, `qpu`, configurable "
    "with `--qkm-backend-names`); (3) never otherwise: a value proven to be something else "
    "(a primitive, a pass manager, an object of a class of the module) is not a backend."
)


EXECUTE = ("qiskit.execute", "qiskit.execute_function.execute")


def _pick(ctx: Context, sampler: str, estimator: str) -> str:
    return estimator if any(ctx.seen(name) for name in OBSERVABLES) else sampler


PRIMITIVE = "a primitive, e.g. "


def _local_advice(ctx: Context, receiver: ast.expr, path: str | None) -> str:
    """QKM103's advice, by what the backend computes: a statevector or unitary simulator's
    job is replaced by ``Statevector``/``Operator``, any other by a primitive."""
    value = simulator_value(ctx, receiver) or path  # a receiver built in the same chain
    exact = run_advice(value)
    if exact is not None:
        return exact
    local = (SAMPLER_AER, ESTIMATOR_AER) if value in AER_BACKENDS else (
        SAMPLER_LOCAL, ESTIMATOR_LOCAL)
    return PRIMITIVE + _pick(ctx, *local)


REGISTRY.add(Rule(
    code="QKM101",
    name="qiskit-execute",
    message="'{name}' was removed in Qiskit 1.0",
    fix_title="transpile the circuits and use {replacement}",
    replacement="qiskit_ibm_runtime.SamplerV2 (IBM hardware) or qiskit.primitives.BackendSamplerV2",
    url=GUIDES + "qiskit-1.0-features#execute",
    fix=Autofix("safe", "Transpile and run on the backend, as `execute` did", "Safe: "
                "`execute(circuits, backend, shots=1000, seed_transpiler=1)` becomes "
                "`backend.run(transpile(circuits, backend, seed_transpiler=1), shots=1000)`, "
                "which is what `execute` ran (the transpiler options `basis_gates`, "
                "`coupling_map`, `initial_layout`, `seed_transpiler`, `optimization_level` go "
                "to `transpile`, the run options to `run`; a parameter of `execute` given as "
                "`None`, which it dropped, goes, and so does `max_credits`, which local "
                "simulators ignored, while an option it passed on as given stays on `run`: "
                "`noise_model=None` runs an Aer simulator made with a noise model without it), "
                "and `from qiskit import execute` imports `transpile` instead "
                "(every such import, as a notebook repeats it in cells; with `from qiskit import "
                "*`, which gives `transpile` too, no import changes; where `from qiskit import "
                "transpile` or `from qiskit.compiler import transpile`, the same function, "
                "comes before the first use, `execute` leaves its import instead). "
                "The job and its result are the same objects, read as before. Offered only on a "
                "backend proven local (Aer, `BasicSimulator`, fake and generic backends) and spelled as a name or a call "
                "of constants (`Aer.get_backend(\"aer_simulator\")`: it is written twice, two "
                "equal simulators, one to transpile for and one to run), where every option has a proven home (not `pass_manager`, "
                "`backend_properties`, scheduling or pulse options, `**options`; on a backend "
                "other than Aer only `shots`, `memory`, `seed_simulator` that are constants or "
                "names bound to constants alone, never `None`), and only "
                "where every `execute` of the module is fixed with it: the calls and the import "
                "change together (a call left unfixed needs `from qiskit import execute`, which "
                "fails on Qiskit 1.0, so no call is fixed then). `backend.run` is still "
                "supported on local backends; QKM103 "
                "then recommends a primitive. Unsafe on an IBM Quantum backend, where "
                "`backend.run` is gone: `job = execute(qc, backend, shots=4000, "
                "seed_transpiler=7)` becomes `job = Sampler(mode=backend).run([transpile(qc, "
                "backend, seed_transpiler=7)], shots=4000)` and its counts read "
                "`job.result()[0].data.c.get_counts()`: QKM102's fix, with its conditions and "
                "its reasons (sampled hardware counts, a primitive job, the Sampler class of "
                "the targeted qiskit-ibm-runtime releases).", whole=True,
                unsafe_form=(SAMPLER_FORM, "Transpile and run through the Runtime Sampler, and "
                             "read its counts")),
    releases=Releases("qiskit", deprecated="0.46.0", removed="1.0.0"),
    new_names=("qiskit.transpile",),
    deprecated_in="Qiskit 0.46.0",
    removed_in="Qiskit 1.0",
    doc=RuleDoc(
        summary='`qiskit.execute(...)`',
        what="Finds `qiskit.execute(...)` and `qiskit.execute_function.execute(...)`, however "
        "imported (including `from qiskit import *`).",
        why="`execute` was deprecated in Qiskit 0.46 and removed in 1.0. Transpile explicitly and "
        "run through a primitive (or `backend.run` on a non-IBM backend).",
        notes=PRIMITIVE_NOTE,
    ),
))
REGISTRY.match_names("QKM101", *EXECUTE)


REGISTRY.add(Rule(
    code="QKM102",
    name="ibm-backend-run",
    message="'{name}(...)' on an IBM Quantum backend was removed in qiskit-ibm-runtime 0.35",
    fix_title="use {replacement}",
    replacement=SAMPLER_IBM,
    url=GUIDES + "qiskit-runtime#step-3-replace-the-call-to-backendrun-with-a-call-to-primitives",
    fix=Autofix("unsafe", "Run the circuit through the Runtime Sampler and read its counts",
                "Unsafe: the job becomes a Runtime primitive job on the device. `job = "
                "backend.run(qc, shots=1000)` and `job.result().get_counts()` become `isa_qc = "
                "generate_preset_pass_manager(backend=backend, optimization_level=1).run(qc)`, "
                "`job = Sampler(mode=backend).run([isa_qc], shots=1000)` and "
                "`job.result()[0].data.meas.get_counts()`, with the imports of "
                "`qiskit_ibm_runtime.executor_sampler.Sampler` and "
                "`qiskit.transpiler.preset_passmanagers.generate_preset_pass_manager` added. "
                "Hardware counts are sampled, so no two runs agree, and the circuit now runs "
                "as the pass manager lays it out (a circuit given as `transpile(qc, backend)`, "
                "or a name bound once to it, is kept and not transpiled twice); a run without "
                "`shots=` gets the primitive's default (4096) instead of the backend's (4000); "
                "the job runs in a session or batch where the code opens one, and is billed as "
                "a primitive job; the result's type changes and the counts dictionary may list "
                "its keys in another order. The class is the one of the targeted "
                "qiskit-ibm-runtime releases: `executor_sampler.Sampler` from 0.50 (and where "
                "the target is unknown), `qiskit_ibm_runtime.SamplerV2` where a targeted "
                "release predates 0.50, no fix where one predates 0.24 (no `mode=`). Offered "
                "only where the module proves every part: a backend bound once to "
                "`service.backend(...)` or `service.least_busy(...)` of a "
                "`QiskitRuntimeService`, or to a step of an IBMQ/IBMProvider chain whose whole "
                "rewrite (QKM205) the fix then makes too; one circuit or a list of them, each "
                "built once by `QuantumCircuit(...)` with one classical register whose name is "
                "known, the same for all (`measure_all()`: `meas`, `QuantumCircuit(n, m)`: "
                "`c`, `ClassicalRegister(m, \"name\")`); no option but `shots` and "
                "`memory=True`; a job read only by `.result()`, `.job_id()` and "
                "`job_monitor(job)` (removed with every `job_monitor` of the module, as "
                "QKM212's fix does), and a result read only by `.get_counts()` (of the one "
                "circuit, or `get_counts(i)` / `get_counts(circuit)` of a list) and "
                "`.get_memory()` (`.get_bitstrings()`). Several registers would change the "
                "keys of the counts (`'00 1'` -> `'001'`): no fix then, nor for a pulse "
                "schedule, `job_name=` or other options, a job passed elsewhere, or inside a "
                "`try`."),
    releases=Releases("qiskit-ibm-runtime", deprecated="0.23.0", removed="0.35.0"),
    new_names=("qiskit_ibm_runtime.SamplerV2", "qiskit_ibm_runtime.EstimatorV2"),
    deprecated_in="qiskit-ibm-runtime 0.23.0",
    removed_in="qiskit-ibm-runtime 0.35.0 (raises IBMBackendError)",
    doc=RuleDoc(
        summary='`backend.run(...)` on an IBM Quantum backend',
        what="Finds `run(...)` on a backend proven to be an IBM Quantum backend: from "
        "`QiskitRuntimeService().backend()`, `least_busy()`, `backends()[i]`, "
        "`IBMProvider().get_backend()` or the IBMQ provider. " + RUN_ORDER,
        why="IBM Quantum backends no longer accept `backend.run`: it was deprecated in "
        "qiskit-ibm-runtime 0.23 and removed in 0.35, where it raises `IBMBackendError`. Work "
        "goes through the `SamplerV2` and `EstimatorV2` primitives.",
        notes=PRIMITIVE_NOTE,
    ),
))

REGISTRY.add(Rule(
    code="QKM103",
    name="backend-run",
    message="'{name}(...)' runs circuits on a backend directly",
    fix_title="prefer {replacement}",
    replacement=PRIMITIVE + SAMPLER_LOCAL,
    url=GUIDES + "qiskit-backend-primitives",
    fix=Autofix("unsafe", "Run the circuit through `BackendSamplerV2` and read its counts (on a "
                "statevector or unitary simulator: `Statevector` / `Operator`)",
                "Unsafe: the job becomes a primitive job. On an `AerSimulator`, `counts = "
                "backend.run(transpile(qc, backend), shots=1000, seed_simulator=7).result()"
                ".get_counts()` becomes `counts = BackendSamplerV2(backend=backend, options="
                "{\"seed_simulator\": 7}).run([transpile(qc, backend)], shots=1000).result()[0]"
                ".data.meas.get_counts()` and `from qiskit.primitives import BackendSamplerV2` is "
                "added: the same shots on the same backend, and with a seed the same counts "
                "(checked on qiskit 2.6 and qiskit-aer 0.18), but the job and result objects "
                "change type and the counts dictionary may list its keys in another order. "
                "Offered only where the module proves every part: one circuit or a list of "
                "them, as they are or transpiled (`transpile(...)` as the argument, or a name "
                "bound to it; `BackendSamplerV2` runs the circuits it is given on "
                "`backend.run` as they are, as `backend.run` did), each with exactly one "
                "classical register: built by `QuantumCircuit(...)` (`QuantumCircuit(n, m)`: "
                "`c`; `ClassicalRegister(m, \"name\")`: that name; `measure_all()` on a circuit "
                "without one: `meas`), or copied (`copy()`), composed (`a.compose(b)` keeps the "
                "registers of `a`, or takes those of `b` where `a` has none) or transpiled "
                "from such a circuit. A register whose name the module does not spell "
                "(`ClassicalRegister(3)` is named `c0`, `c1`... by a counter) is read with "
                "`result[0].join_data().get_counts()`, which on one register is that "
                "register's counts. The binding read is the one the code sees: the statements "
                "of the module (a notebook's cells, in order) or of a function run in order, "
                "so `qc`, `job` and `result` may be rebound from cell to cell; not a binding "
                "made in a loop or a branch, nor a name a function reads. Nothing done to the "
                "circuit between its binding and the read of the result may change its "
                "registers (`add_register`, `compose(..., inplace=True)`, a function it is "
                "given to, a `measure_all()` in a branch or after the run). Options: `shots`, "
                "`seed_simulator`, `memory=True`, and on Aer its simulator options "
                "(`noise_model=` ...) given as a name or a constant, which go to `options="
                "{\"run_options\": {...}}` and reach `backend.run` as they were given; the "
                "findings of these options carry the same fix. The job and result are read "
                "only by `.result()`, `.get_memory()` (which becomes `.get_bitstrings()`, the "
                "same shots in the same order) and `.get_counts()` (of the one circuit; "
                "`get_counts(i)` or `get_counts(circuit)` of a list reads "
                "`result[i].data.<register>`). Several registers would change the keys of the "
                "counts (`'00 1'` -> `'001'`): no fix then, nor inside a `try`, or where the "
                "job is used otherwise. The simulator is a name or the call that makes it "
                "(`Aer.get_backend(\"qasm_simulator\").run(qc)`), left in place: QKM111's fix "
                "still applies inside it. Offered on `AerSimulator`, `BasicSimulator`, "
                "`GenericBackendV2` and the V2 fake backends of qiskit-ibm-runtime, not yet on "
                "IBM Quantum backends (QKM102 has its own fix) nor on other backends. On a "
                "statevector or unitary simulator the `run` carries QKM111's fix of its "
                "backend: the read becomes `Statevector(circuit)` / `Operator(circuit)` (see "
                "QKM111)."),
    new_names=(
        "qiskit.primitives.BackendSamplerV2",
        "qiskit.primitives.BackendEstimatorV2",
        "qiskit_aer.primitives.SamplerV2",
        "qiskit_aer.primitives.EstimatorV2",
    ),
    deprecated_in="not deprecated: a recommendation",
    doc=RuleDoc(
        summary='`backend.run(...)` on Aer, fake or other Qiskit backends',
        what="Finds `run(...)` on a backend proven to be a non-IBM Qiskit backend: Aer, "
        "`BasicSimulator`, `GenericBackendV2`, fake backends and known third-party providers. "
        + RUN_ORDER,
        why="`backend.run` is still supported by Qiskit on these backends, but the primitives "
        "are the interface that IBM hardware, Runtime local testing mode and the Qiskit "
        "ecosystem share: code written against `SamplerV2`/`EstimatorV2` runs unchanged on a "
        "simulator and on hardware. Ignore this code if you only target simulators.",
        notes=PRIMITIVE_NOTE + " On a statevector or unitary simulator (`StatevectorSimulator`, "
        "`Aer.get_backend(\"statevector_simulator\")`, `AerSimulator(method=\"statevector\")` "
        "...) the advice is `qiskit.quantum_info.Statevector(circuit)` / `Operator(circuit)`, "
        "or `save_statevector()` / `save_unitary()` on `AerSimulator`: a primitive returns no "
        "state. Alternatives: `BackendSamplerV2(backend=backend)` wraps any "
        "backend; `qiskit_ibm_runtime.SamplerV2(mode=fake_backend)` is Runtime local testing mode.",
    ),
))

REGISTRY.add(Rule(
    code="QKM104",
    name="backend-run-by-name",
    message="'{name}(...)' looks like a backend run (by the receiver's name)",
    fix_title="prefer a primitive, e.g. {replacement}",
    replacement=SAMPLER_LOCAL,
    url=GUIDES + "qiskit-runtime#step-3-replace-the-call-to-backendrun-with-a-call-to-primitives",
    new_names=("qiskit.primitives.BackendSamplerV2", "qiskit.primitives.BackendEstimatorV2"),
    heuristic=True,
    doc=RuleDoc(
        summary='`x.run(...)` on a receiver named like a backend (heuristic)',
        what="Finds `x.run(...)` where the value of `x` is unknown but its name says backend "
        "(`backend`, `self.backend`, `simulator`, `sim`, `device`, `qpu` and names made of them, "
        "such as `aer_backend`), in a module that imports a Qiskit package. " + RUN_ORDER,
        why="A function that receives a backend as a parameter cannot be traced to its factory. "
        "If it is an IBM Quantum backend, `run` raises since qiskit-ibm-runtime 0.35; on other "
        "backends a primitive is the portable interface. This is the only heuristic rule of its "
        "family: `--extend-ignore QKM104` turns it off, and `--qkm-backend-names` sets the names. "
        "The keyword options of such a call are reported with their V2 homes (QKM401-QKM418) "
        "as on a proven backend, and go with it: ignoring QKM104 silences them too.",
        notes=PRIMITIVE_NOTE,
    ),
))


def _is_pub_list(call: ast.Call) -> bool:
    """``run([(circuit, ...), ...])``: the V2 primitive call shape, never a backend."""
    if not call.args or not isinstance(call.args[0], (ast.List, ast.Tuple)):
        return False
    return any(isinstance(e, ast.Tuple) for e in call.args[0].elts)


def _maybe_backend(ctx: Context, receiver: ast.expr, path: str | None, call: ast.Call) -> bool:
    """Rule 2 of the order above: only unproven receivers, in a Qiskit module, by name."""
    if proven_other(path):
        return False
    return (ctx.imports_qiskit and not _is_pub_list(call)
            and name_says(receiver, ctx.settings.backend_names))


def _source(node: ast.expr) -> str:
    text = ast.unparse(node)
    return text if len(text) <= 40 else text[:37] + "..."


@REGISTRY.on_method("run", values=BACKENDS,
                    by_name="backend_names")
def _backend_run(ctx: Context, call: ast.Call, path: str | None) -> None:
    func = call.func
    assert isinstance(func, ast.Attribute)
    kind = backend_kind(path)
    name = _source(func)
    if kind == "ibm":
        code = "QKM102"
        ctx.report(call, code, name, _pick(ctx, SAMPLER_IBM, ESTIMATOR_IBM))
    elif kind == "other":
        # The Sampler fix takes every option of the call away (into the Sampler, or dropped
        # as ``memory=True``): each option's finding carries it (the same edits).
        fixer = REGISTRY.fixers["QKM103"]  # ``sampler_fix``; no fixes without the source
        fix = fixer(ctx, call, name) if ctx.source is not None else None
        ctx.report(call, "QKM103", name, _local_advice(ctx, func.value, path), fix=fix or ())
        report_run_options(ctx, call, "QKM103", lambda keyword: fix)
        return
    elif _maybe_backend(ctx, func.value, path, call):
        code = "QKM104"
        ctx.report(call, code, name, _pick(ctx, SAMPLER_LOCAL, ESTIMATOR_LOCAL))
    else:
        return
    report_run_options(ctx, call, code, _with_the_run(ctx, call, code, name))


def _with_the_run(ctx: Context, call: ast.Call, code: str,
                  name: str) -> Callable[[ast.keyword], Fix | None]:
    """The fix of an option that the Sampler fix of its run (QKM102's, QKM103's) takes away:
    that fix (asked once)."""
    fixer = REGISTRY.fixers.get(code) if code in ("QKM102", "QKM103") else None
    found: list[Fix | None] = []

    def fix(keyword: ast.keyword) -> Fix | None:
        if fixer is None or keyword.arg not in SAMPLER_TAKES:
            return None
        if not found:
            found.append(fixer(ctx, call, name))
        return found[0]
    return fix


REGISTRY.add(Rule(
    code="QKM105",
    name="backend-open-session",
    message="'{name}()' was removed with backend.run",
    fix_title="use {replacement}",
    replacement="with Session(backend=backend) as session: "
    "qiskit_ibm_runtime.SamplerV2(mode=session)",
    url=GUIDES + "qiskit-runtime-from-ibm-provider#example-use-sessions",
    releases=Releases("qiskit-ibm-runtime", deprecated="0.23.0", removed="0.37.0"),
    new_names=("qiskit_ibm_runtime.Session", "qiskit_ibm_runtime.SamplerV2"),
    deprecated_in="qiskit-ibm-runtime 0.23 (with backend.run)",
    removed_in="gone by qiskit-ibm-runtime 0.37",
    doc=RuleDoc(
        summary='`backend.open_session()`',
        what="Finds `backend.open_session()` on a proven backend, or in a Qiskit module on a "
        "receiver whose value is not proven to be something else.",
        why="Sessions are opened with `qiskit_ibm_runtime.Session` and used by the primitives; "
        "`IBMBackend.open_session` went away with `backend.run`.",
    ),
))


@REGISTRY.on_method("open_session")
def _open_session(ctx: Context, call: ast.Call, path: str | None) -> None:
    if ctx.imports_qiskit and not (backend_kind(path) is None and proven_other(path)):
        assert isinstance(call.func, ast.Attribute)
        ctx.report(call, "QKM105", _source(call.func))


REGISTRY.add(Rule(
    code="QKM106",
    name="quantum-instance",
    message="'{name}' was removed in Qiskit 1.0",
    fix_title="use {replacement}",
    replacement="a V2 primitive (SamplerV2 / EstimatorV2) on transpiled circuits",
    url=GUIDES + "qiskit-quantum-instance#choose-the-right-primitive-for-your-task",
    releases=Releases("qiskit", deprecated="0.43.0", removed="1.0.0"),
    new_names=("qiskit.primitives",),
    deprecated_in="qiskit-terra 0.24.0",
    removed_in="Qiskit 1.0",
    doc=RuleDoc(
        summary='`QuantumInstance` and its `execute`',
        what="Finds `qiskit.utils.QuantumInstance` (imports and constructions) and "
        "`QuantumInstance(...).execute(...)`.",
        why="`QuantumInstance` was deprecated in qiskit-terra 0.24 and removed in Qiskit 1.0. "
        "The primitives replace it; transpilation is an explicit step.",
        notes=PRIMITIVE_NOTE,
    ),
))
_QI = ("qiskit.utils.QuantumInstance", "qiskit.utils.quantum_instance.QuantumInstance")
REGISTRY.match_names("QKM106", *_QI)
REGISTRY.match_calls("QKM106", *[f"{qi}().execute" for qi in _QI])


@REGISTRY.on_call(*_QI)
def _quantum_instance_options(ctx: Context, call: ast.Call, path: str | None) -> None:
    report_run_options(ctx, call, "QKM106")


REGISTRY.add(Rule(
    code="QKM107",
    name="legacy-aer-entry-point",
    message="'{name}' was removed in Qiskit 1.0",
    fix_title="use '{replacement}'",
    replacement="qiskit_aer.Aer",
    url=GUIDES + "qiskit-1.0-features#Aer",
    fix=Autofix("safe", "Import `Aer` from `qiskit_aer`", "Safe: `qiskit.Aer` was a lazy alias "
                "of `qiskit_aer.Aer`, the same object: `from qiskit import Aer` becomes `from "
                "qiskit_aer import Aer` (the other names stay in the `qiskit` import), "
                "`qiskit.Aer` spelled through `import qiskit` becomes `qiskit_aer.Aer` with "
                "`import qiskit_aer` added, and an `Aer` bound by the module's one `from "
                "qiskit import *` gets `from qiskit_aer import Aer` right after it (where some "
                "use fetches another backend than the legacy simulators, which QKM111's fix "
                "replaces: the import would be left unused)."),
    releases=Releases("qiskit", deprecated="0.46.0", removed="1.0.0"),
    new_names=("qiskit_aer",),
    deprecated_in="Qiskit 0.46",
    removed_in="Qiskit 1.0",
    reported_at="import",
    doc=RuleDoc(
        summary='`qiskit.Aer`',
        what="Finds `qiskit.Aer`, imported or reached as an attribute.",
        why="`qiskit.Aer` was a lazy alias of the qiskit-aer provider; it was removed in Qiskit "
        "1.0. Import from `qiskit_aer` (`AerSimulator()`, or `qiskit_aer.Aer` as a drop-in).",
    ),
))
REGISTRY.match_names("QKM107", "qiskit.Aer")

REGISTRY.add(Rule(
    code="QKM108",
    name="basic-aer-entry-point",
    message="'{name}' was removed in Qiskit 1.0",
    fix_title="use '{replacement}'",
    replacement="qiskit.providers.basic_provider.BasicSimulator",
    url=GUIDES + "qiskit-1.0-features#BasicAer",
    releases=Releases("qiskit", deprecated="0.46.0", removed="1.0.0"),
    new_names=("qiskit.providers.basic_provider",),
    deprecated_in="Qiskit 0.46",
    removed_in="Qiskit 1.0",
    fix=Autofix("unsafe", 'Replace `BasicAer.get_backend("qasm_simulator")` with '
                "`BasicSimulator()`", 'Unsafe: `from qiskit import BasicAer` and its '
                '`BasicAer.get_backend("qasm_simulator")` calls become `from '
                "qiskit.providers.basic_provider import BasicSimulator` and `BasicSimulator()`, "
                "its successor: another implementation, whose seeded counts differ from "
                "`QasmSimulatorPy`'s. Offered at the import, only where every use of "
                "`BasicAer` is such a call (the import and the calls change together): the "
                "statevector and unitary simulators of BasicAer have no `BasicSimulator` form: "
                "a job of theirs whose result is read once becomes `Statevector(circuit)` / "
                "`Operator(circuit)`, where the circuit is proven to hold only unitary gates "
                "(as QKM111's fix does for Aer's, its read a NumPy array as BasicAer's was: "
                "`Statevector(circuit).data`). Where the module uses both kinds, each fix is "
                "whole on its own: a statevector or unitary simulator's jobs first, then, with "
                "no other use left, the QASM simulator's calls and the import. A `BasicAer` "
                "the module reaches without importing it by name (`from qiskit import *`, "
                "`qiskit.BasicAer`) is fixed at each use, the import of `BasicSimulator` added. "
                "An imported `BasicAer` the module never uses is dropped from its import (not "
                "in a package's `__init__.py`, where it may be re-exported).", in_init=False),
    doc=RuleDoc(
        summary='`qiskit.BasicAer`',
        what="Finds `qiskit.BasicAer`, imported or reached as an attribute.",
        why="`BasicAer` was replaced by `qiskit.providers.basic_provider` in Qiskit 1.0; for "
        "exact states and unitaries, `qiskit.quantum_info.Statevector` and `Operator` are the "
        "tools.",
    ),
))
REGISTRY.match_names("QKM108", "qiskit.BasicAer")

REGISTRY.add(Rule(
    code="QKM109",
    name="basicaer-module",
    message="'{name}' was removed in Qiskit 1.0",
    fix_title="use '{replacement}'",
    replacement="qiskit.providers.basic_provider",
    url=GUIDES + "qiskit-1.0-features#providers.basicaer",
    releases=Releases("qiskit", deprecated="0.46.0", removed="1.0.0"),
    new_names=("qiskit.providers.basic_provider",),
    deprecated_in="Qiskit 0.46",
    removed_in="Qiskit 1.0",
    doc=RuleDoc(
        summary='`qiskit.providers.basicaer`',
        what="Finds imports of `qiskit.providers.basicaer` and its names.",
        why="The module was renamed to `qiskit.providers.basic_provider` in Qiskit 1.0: "
        "`QasmSimulatorPy` became `BasicSimulator`, `BasicAerProvider` became `BasicProvider`, "
        "and the statevector and unitary simulators are `Statevector` and `Operator`.",
    ),
))
REGISTRY.match_names(
    "QKM109",
    "qiskit.providers.basicaer.*",
    ("qiskit.providers.basicaer.QasmSimulatorPy", "qiskit.providers.basic_provider.BasicSimulator"),
    ("qiskit.providers.basicaer.BasicAerProvider", "qiskit.providers.basic_provider.BasicProvider"),
    ("qiskit.providers.basicaer.BasicAer", "qiskit.providers.basic_provider.BasicProvider()"),
    ("qiskit.providers.basicaer.BasicAerJob", "qiskit.providers.basic_provider.BasicProviderJob"),
    ("qiskit.providers.basicaer.StatevectorSimulatorPy", "qiskit.quantum_info.Statevector"),
    ("qiskit.providers.basicaer.UnitarySimulatorPy", "qiskit.quantum_info.Operator"),
)

REGISTRY.add(Rule(
    code="QKM110",
    name="backend-primitive-transpile-options",
    message="'{name}=' drives transpilation inside a V1 backend primitive",
    fix_title="use {replacement}",
    replacement="a pass manager to transpile first, then BackendSamplerV2 / BackendEstimatorV2",
    url=GUIDES + "qiskit-quantum-instance#example-4-circuit-sampling-with-custom-bound-and-unbound-pass-managers",
    releases=Releases("qiskit", deprecated="1.2.0", removed="2.0.0"),
    new_names=(
        "qiskit.transpiler.generate_preset_pass_manager",
        "qiskit.primitives.BackendSamplerV2",
        "qiskit.primitives.BackendEstimatorV2",
    ),
    deprecated_in="Qiskit 1.2 (with BackendSampler/BackendEstimator)",
    removed_in="Qiskit 2.0",
    doc=RuleDoc(
        summary='`skip_transpilation=` / `bound_pass_manager=` of V1 backend primitives',
        what="Finds the `skip_transpilation=` and `bound_pass_manager=` keywords of "
        "`BackendSampler(...)` / `BackendEstimator(...)`.",
        why="This is the QuantumInstance-era pattern of transpiling inside the primitive. The V2 "
        "backend primitives never transpile: run your pass manager first and pass ISA circuits.",
    ),
))
_TRANSPILE_KEYWORDS = frozenset({"skip_transpilation", "bound_pass_manager"})


@REGISTRY.on_call("qiskit.primitives.BackendSampler", "qiskit.primitives.BackendEstimator")
def _backend_primitive_transpilation(ctx: Context, call: ast.Call, path: str | None) -> None:
    for keyword in call.keywords:
        if keyword.arg in _TRANSPILE_KEYWORDS:
            ctx.report(keyword, "QKM110", keyword.arg)
