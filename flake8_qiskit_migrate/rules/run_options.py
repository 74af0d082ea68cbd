"""Category 4, part one: keyword options of ``backend.run`` / ``execute`` / ``QuantumInstance``,
each reported at its own keyword with the place it has with the V2 primitives."""

from __future__ import annotations

import ast
from typing import Callable

from ..edits import Fix
from ..registry import GUIDES, REGISTRY, Autofix, Context, Rule, RuleDoc

OPTIONS_GUIDE = GUIDES + "qiskit-runtime-options"
USE_CASE = GUIDES + "qiskit-runtime-use-case"

# The arguments that stay with the call when it becomes a primitive: the circuits and the backend.
CALL_ARGUMENTS = frozenset({"experiments", "circuits", "run_input", "backend"})

PRESET = "generate_preset_pass_manager({name}=..., backend=backend).run(circuits) before the primitive"
TRANSPILE = "transpile(circuits, {name}=...) before the primitive"
SIMULATOR = ('AerSimulator({name}=...), or qiskit_aer.primitives.SamplerV2(options='
             '{{"backend_options": {{"{name}": ...}}}})')
GONE = "nothing: drop it"
PULSE = "nothing: pulse-level scheduling was removed in Qiskit 2.0; drop it"


def _each(code: str, destination: str, *names: str) -> dict[str, tuple[str, str]]:
    return {name: (code, destination.format(name=name)) for name in names}


# What only the IBM Quantum form of ``execute``'s fix writes (a Runtime Sampler on the backend):
# that form is unsafe (QKM101, QKM416).
SAMPLER_FORM = "(mode="
# The run options a Sampler fix of the call takes away with it (QKM102's, QKM103's, and
# QKM101's on an IBM Quantum backend): ``shots`` goes to ``run``, ``memory=True`` goes.
SAMPLER_TAKES = frozenset({"shots", "memory"})
# What the option of ``execute`` on a local simulator carries: the call in the Sampler form.
LOCAL_EXECUTE = (
    "On `execute` on a local simulator the option carries the call straight to the Sampler "
    "form, what QKM103's fix makes of the `backend.run` that QKM101's fix writes: `job = "
    "execute(qc, sim, shots=1000, seed_simulator=7)` and `job.result().get_counts()` become "
    "`job = BackendSamplerV2(backend=sim, options={\"seed_simulator\": 7}).run([transpile(qc, "
    "sim)], shots=1000)` and `job.result()[0].data.c.get_counts()` (the circuits transpiled "
    "for the backend as `execute` did, its transpiler options in `transpile`), with the rest "
    "of QKM101's fix (every other `execute` of the module, `from qiskit import execute` -> "
    "`transpile`): offered only where both fixes are (QKM101's, and QKM103's conditions on that "
    "run: one classical register per circuit read, the job and result read only for counts or "
    "memory, not inside a `try`), and unsafe for QKM103's reasons (a primitive job, a result of "
    "another type, the counts keys maybe in another order). A check after it finds neither the "
    "call nor the option.")
WITH_THE_RUN = ("Unsafe: carried where the call's fix makes the run a Sampler run (QKM102 and "
                "QKM103, and QKM101 on an IBM Quantum backend): the option goes with that fix, "
                "the same edits, and is unsafe for its reasons. " + LOCAL_EXECUTE)

# keyword -> (code, what it becomes with the V2 primitives)
RUN_OPTIONS: dict[str, tuple[str, str]] = {
    "shots": ("QKM401", "the shots of the PUB or of sampler.run(pubs, shots=...), or "
                        "sampler.options.default_shots"),
    "memory": ("QKM402", "result[0].data.<register>.get_bitstrings() (SamplerV2 always keeps "
                         "per-shot results)"),
    "rep_delay": ("QKM402", "sampler.options.execution.rep_delay"),
    "rep_time": ("QKM402", "sampler.options.execution.rep_delay (rep_time is gone)"),
    "init_qubits": ("QKM402", "sampler.options.execution.init_qubits"),
    "init_circuit": ("QKM402", "sampler.options.execution.init_qubits"),
    "init_num_resets": ("QKM402", "sampler.options.execution.init_qubits"),
    "job_tags": ("QKM402", "sampler.options.environment.job_tags"),
    "job_name": ("QKM402", "sampler.options.environment.job_tags"),
    "experiment_id": ("QKM402", "sampler.options.environment.job_tags"),
    "header": ("QKM402", "circuit.metadata (returned as circuit_metadata)"),
    "meas_level": ("QKM403", "sampler.options.execution.meas_type = 'classified' | 'kerneled' | "
                             "'avg_kerneled'"),
    "meas_return": ("QKM403", "sampler.options.execution.meas_type = 'kerneled' (single) or "
                              "'avg_kerneled' (averaged)"),
    "dynamic": ("QKM404", "nothing: the Sampler primitive detects dynamic circuits by itself"),
    "parameter_binds": ("QKM405", "parameter values inside the PUB: sampler.run([(circuit, "
                                  "values)])"),
    **_each("QKM406", GONE, "job_share_level", "live_data_enabled", "use_measure_esp",
            "qubit_lo_freq", "meas_lo_freq", "schedule_los", "memory_slots", "memory_slot_size",
            "default_qubit_los", "default_meas_los", "qubit_lo_range", "meas_lo_range",
            "skip_qobj_validation", "validate_qobj"),
    "max_credits": ("QKM406", "nothing: credits are gone; cap a job with "
                              "sampler.options.max_execution_time"),
    "qobj_id": ("QKM406", "nothing: the service names jobs (job.job_id())"),
    "qobj_header": ("QKM406", "circuit.metadata for your own labels (returned as "
                              "circuit_metadata)"),
    **_each("QKM406", PULSE, "schedule_circuit", "inst_map", "meas_map"),
    # Transpiler options: transpile explicitly, the primitives run ISA circuits as they are.
    **_each("QKM416", PRESET, "basis_gates", "coupling_map", "initial_layout", "seed_transpiler",
            "optimization_level", "layout_method", "routing_method", "translation_method",
            "scheduling_method", "approximation_degree", "unitary_synthesis_method",
            "unitary_synthesis_plugin_config", "target", "init_method", "optimization_method",
            "dt", "hls_config", "qubits_initially_zero"),
    **_each("QKM416", TRANSPILE, "callback", "output_name", "num_processes",
            "ignore_backend_supplied_default_methods"),
    "pass_manager": ("QKM416", "pass_manager.run(circuits) before the primitive"),
    "bound_pass_manager": ("QKM416", "bound_pass_manager.run(bound circuits) before the "
                                     "primitive"),
    **_each("QKM416", "generate_preset_pass_manager(backend=backend) or its target= (backend "
            "properties and timing live in the backend's Target)", "backend_properties",
            "instruction_durations", "timing_constraints"),
    # Simulator options: set on the simulator, or given to Aer's V2 primitives.
    **_each("QKM417", SIMULATOR, "noise_model", "method", "device", "precision", "executor",
            "max_job_size", "max_shot_size", "enable_truncation", "zero_threshold",
            "validation_threshold", "max_parallel_threads", "max_parallel_experiments",
            "max_parallel_shots", "max_memory_mb", "accept_distributed_results",
            "chop_threshold", "num_threads_per_device", "runtime_parameter_bind_enable",
            "initial_statevector", "initial_unitary", "target_gpus", "backend_options"),
    "seed_simulator": ("QKM417", "qiskit_aer.primitives.SamplerV2(seed=...), or "
                                 "AerSimulator(seed_simulator=...)"),
}
# Families of simulator options, by the prefix of their names (every Aer release adds some).
SIMULATOR_PREFIXES = (
    "fusion_", "extended_stabilizer_", "matrix_product_state_", "mps_", "statevector_",
    "stabilizer_", "unitary_", "superop_", "density_matrix_", "tensor_network_", "blocking_",
    "chunk_", "batched_shots_", "shot_branching_", "cuStateVec_", "use_cuTensorNet_",
)
OTHER_OPTION = ("QKM418", 'on a local backend, BackendSamplerV2(backend=backend, options='
                          '{"run_options": {...}}); on IBM hardware, a matching primitive option '
                          'or nothing')


def destination(keyword: str) -> tuple[str, str]:
    """The code and the V2 home of a keyword passed to ``backend.run``/``execute``."""
    known = RUN_OPTIONS.get(keyword)
    if known is not None:
        return known
    if keyword.startswith(SIMULATOR_PREFIXES):
        return "QKM417", SIMULATOR.format(name=keyword)
    return OTHER_OPTION


def report_run_options(ctx: Context, call: ast.Call, parent: str,
                       fix: Callable[[ast.keyword], "Fix | None"] | None = None) -> None:
    """Report every keyword of a proven run/execute/QuantumInstance call other than its
    circuits and backend, each with its V2 home; a ``**spread`` once, at the spread. The
    options live and die with their call, so the call's rule (``parent``) gates them;
    ``fix`` gives an option the fix of its call, where that fix takes it away."""
    for keyword in call.keywords:
        if keyword.arg is None:
            ctx.report(keyword, OTHER_OPTION[0], "**" + _text(keyword.value),
                       "the V2 home of each option it holds (QKM401-QKM418 name them)", gated_by=parent)
        elif keyword.arg not in CALL_ARGUMENTS:
            code, home = destination(keyword.arg)
            ctx.report(keyword, code, keyword.arg + "=", home, gated_by=parent,
                       fix=fix(keyword) if fix is not None else None)


# The fix of QKM103 (``sampler_fix``) takes every option of the ``backend.run`` it rewrites away;
# the finding of each option carries that fix, the same edits (applying either fixes both).
SAMPLER_FIX = Autofix(
    "unsafe", "Run the call through `BackendSamplerV2`, with the fix of the call",
    "Unsafe: the fix of the `backend.run` call (QKM103, whose document says what it changes) "
    "takes the option away, and each option's finding carries that fix, the same edits: "
    "`shots=` becomes the Sampler's `run(..., shots=)`, `seed_simulator=` its "
    "`options={\"seed_simulator\": ...}`, `memory=True` goes (every shot is kept: "
    "`get_memory()` becomes `get_bitstrings()`), and an Aer simulator option such as "
    "`noise_model=` goes to `options={\"run_options\": {...}}`, which the Sampler passes "
    "to `backend.run` as it was given. Offered only where that call's fix is; on IBM "
    "Quantum backends only `shots=` and `memory=True` go with QKM102's fix. " + LOCAL_EXECUTE)


def _text(node: ast.expr) -> str:
    text = ast.unparse(node)
    return text if len(text) <= 30 else text[:27] + "..."


REGISTRY.add(Rule(
    code="QKM401",
    name="run-shots",
    message="run option '{name}' of backend.run/execute",
    fix_title="use {replacement}",
    replacement=RUN_OPTIONS["shots"][1],
    url=OPTIONS_GUIDE,
    fix=Autofix("unsafe", "Move `shots=` into the Sampler run, with the fix of the call",
                WITH_THE_RUN + " Elsewhere no fix: the option's new home is on a primitive, "
                "which only exists once the `run` call itself is migrated."),
    new_names=("qiskit_ibm_runtime.options.SamplerOptions",),
    doc=RuleDoc(
        summary='`shots=` of `backend.run`/`execute`',
        what="Finds `shots=` passed to `backend.run`, `execute` or `QuantumInstance`.",
        why="With the V2 primitives shots belong to the PUB, to the `run` call, or to the "
        "`default_shots` option; `backend.run` options do not carry over.",
    ),
))

REGISTRY.add(Rule(
    code="QKM402",
    name="run-option",
    message="run option '{name}' of backend.run/execute",
    fix_title="use {replacement}",
    replacement="the matching SamplerV2/EstimatorV2 option",
    url=OPTIONS_GUIDE,
    fix=Autofix("unsafe", "Drop `memory=True` with the fix of the call (its reads become "
                "`get_bitstrings()`)", WITH_THE_RUN + " Only `memory=True` carries it; the "
                "other options move to a primitive's options, which only exist once the `run` "
                "call itself is migrated: no fix."),
    new_names=(
        "qiskit_ibm_runtime.options.SamplerOptions",
        "qiskit_ibm_runtime.options.EstimatorOptions",
    ),
    doc=RuleDoc(
        summary='run options with a primitive-option home (`memory=`, `rep_delay=` ...)',
        what="Finds the `backend.run`/`execute` options that have a home in the V2 primitive "
        "options: `memory`, `rep_delay`, `rep_time`, `init_qubits`, `init_circuit`, "
        "`init_num_resets`, `job_tags`, `job_name`, `experiment_id`, `header`. The message names "
        "the new place of each. (Simulator options such as `noise_model` are QKM417.)",
        why="Run options are now primitive options (`sampler.options.execution.*`, "
        "`options.environment.*`) or part of the result.",
    ),
))

REGISTRY.add(Rule(
    code="QKM403",
    name="run-measurement-level",
    message="run option '{name}' of backend.run/execute",
    fix_title="use {replacement}",
    replacement=RUN_OPTIONS["meas_level"][1],
    url=USE_CASE + "#get-the-averaged-iq-data-meas_level1",
    new_names=("qiskit_ibm_runtime.options.ExecutionOptionsV2",),
    doc=RuleDoc(
        summary='`meas_level=` / `meas_return=`',
        what="Finds `meas_level=` and `meas_return=` passed to `backend.run` or `execute`.",
        why="Level-1 (IQ) data is requested with the Sampler's `execution.meas_type` option; "
        "`meas_level=0` is not supported.",
    ),
))

REGISTRY.add(Rule(
    code="QKM404",
    name="run-dynamic",
    message="run option '{name}' of backend.run/execute",
    fix_title="use {replacement}",
    replacement=RUN_OPTIONS["dynamic"][1],
    url=USE_CASE + "#dynamic-circuits",
    new_names=("qiskit_ibm_runtime.SamplerV2",),
    doc=RuleDoc(
        summary='`dynamic=`',
        what="Finds `dynamic=` passed to `backend.run`.",
        why="qiskit-ibm-provider needed `dynamic=True` for circuits with mid-circuit measurements "
        "and feed-forward; `SamplerV2` runs them without a flag.",
    ),
))

REGISTRY.add(Rule(
    code="QKM405",
    name="run-parameter-binds",
    message="run option '{name}' of backend.run/execute",
    fix_title="use {replacement}",
    replacement=RUN_OPTIONS["parameter_binds"][1],
    url=USE_CASE + "#parameterized-circuits",
    new_names=("qiskit.primitives.containers.BindingsArray",),
    doc=RuleDoc(
        summary='`parameter_binds=`',
        what="Finds `parameter_binds=` passed to `backend.run` or `execute`.",
        why="Parameter values travel inside the PUB with the V2 primitives, as an array that "
        "broadcasts against the circuit's parameters.",
    ),
))

REGISTRY.add(Rule(
    code="QKM406",
    name="run-obsolete-option",
    message="run option '{name}' of backend.run/execute has no V2 equivalent",
    fix_title="{replacement}",
    replacement=RUN_OPTIONS["memory_slots"][1],
    url=OPTIONS_GUIDE,
    fix=Autofix("safe", "Drop `max_credits=`, with the fix of `execute`", "Safe: on "
                "`execute(...)` on a local simulator `max_credits` went to `backend.run`, "
                "which ignored it (Aer silently, BasicAer with a warning; checked on qiskit "
                "0.46.3 and qiskit-aer 0.13.3: the same seeded counts with and without it), so "
                "QKM101's fix drops it (`execute(qc, sim, max_credits=10)` becomes "
                "`sim.run(transpile(qc, sim))`): the same edits, offered where that fix is. "
                "Nowhere else: on IBM Quantum credits are gone and the cap of a job is "
                "`max_execution_time`, a choice the migration cannot make for you."),
    new_names=("qiskit_ibm_runtime.SamplerV2",),
    doc=RuleDoc(
        summary='retired run, job, credit and pulse options',
        what="Finds the retired run, job and credit options: `max_credits`, `qobj_id`, "
        "`qobj_header`, `job_share_level`, `live_data_enabled`, `use_measure_esp`, the LO "
        "frequency options (`qubit_lo_freq`, `meas_lo_freq`, `schedule_los`, `default_qubit_los`, "
        "`default_meas_los`, `qubit_lo_range`, `meas_lo_range`), `memory_slots`, "
        "`memory_slot_size`, `skip_qobj_validation`, and the pulse scheduling options "
        "`schedule_circuit`, `inst_map`, `meas_map`.",
        why="These options are unsupported or automatic with the V2 primitives, or went with "
        "Qobj and pulse; the message says what to do instead where there is anything "
        "(`max_credits` → `options.max_execution_time`, `qobj_header` → circuit metadata).",
    ),
))

REGISTRY.add(Rule(
    code="QKM416",
    name="run-transpile-option",
    message="transpiler option '{name}' of backend.run/execute",
    fix_title="use {replacement}",
    replacement=PRESET.format(name="option"),
    url=GUIDES + "qiskit-runtime#step-3-replace-the-call-to-backendrun-with-a-call-to-primitives",
    fix=Autofix("safe", "Move the option into `transpile`, with the fix of `execute`", "Safe: "
                "on `execute(...)` the option is the one `execute` gave `transpile`, and QKM101's "
                "fix moves it there (`execute(qc, sim, seed_transpiler=1)` becomes "
                "`sim.run(transpile(qc, sim, seed_transpiler=1))`): the same edits, offered "
                "where that fix is. On `backend.run` and `QuantumInstance` there is no fix: the "
                "option moves to an explicit transpilation step that the migrated code must add "
                "before the primitive. On an IBM Quantum backend QKM101's fix is the Runtime "
                "Sampler form, and unsafe: so is this one there.",
                unsafe_form=(SAMPLER_FORM, "Move the option into `transpile`, with the Sampler "
                             "form of the fix of `execute`")),
    new_names=("qiskit.transpiler.generate_preset_pass_manager", "qiskit.transpile"),
    since="0.2.0",
    doc=RuleDoc(
        summary='transpiler options of `backend.run`/`execute`',
        what="Finds transpiler options passed to `execute`, `backend.run` or `QuantumInstance`: "
        "`basis_gates`, `coupling_map`, `initial_layout`, `optimization_level`, "
        "`seed_transpiler`, `backend_properties`, `layout_method`, `routing_method`, "
        "`translation_method`, `scheduling_method`, `approximation_degree`, `pass_manager`, "
        "`bound_pass_manager` and the other arguments of `transpile`.",
        why="`execute` and `QuantumInstance` transpiled for you; the V2 primitives never do. "
        "Transpile first, with `generate_preset_pass_manager(...)` (or `transpile(...)`) taking "
        "these options, and pass the resulting ISA circuits in the PUBs.",
    ),
))

REGISTRY.add(Rule(
    code="QKM417",
    name="run-simulator-option",
    message="simulator option '{name}' of backend.run/execute",
    fix_title="use {replacement}",
    replacement=SIMULATOR.format(name="option"),
    url=GUIDES + "qiskit-backend-primitives",
    fix=SAMPLER_FIX,
    new_names=("qiskit_aer.AerSimulator", "qiskit_aer.primitives.SamplerV2",
               "qiskit_aer.primitives.EstimatorV2"),
    since="0.2.0",
    doc=RuleDoc(
        summary='simulator options of `backend.run`/`execute`',
        what="Finds simulator options passed to `execute`, `backend.run` or `QuantumInstance`: "
        "`noise_model`, `method`, `seed_simulator`, `precision`, `device`, `max_parallel_*`, "
        "`fusion_*`, `extended_stabilizer_*`, `matrix_product_state_*`, `initial_statevector`, "
        "`backend_options` and every other Qiskit Aer option.",
        why="Simulator options belong to the simulator: construct `AerSimulator(noise_model=..., "
        "method=...)`, or give them to Aer's V2 primitives as "
        '`SamplerV2(options={"backend_options": {...}})` (Aer builds its `AerSimulator` from '
        "them; `seed_simulator` is also `SamplerV2(seed=...)`).",
    ),
))

REGISTRY.add(Rule(
    code="QKM418",
    name="run-backend-option",
    message="'{name}' passed to backend.run/execute has no direct V2 primitive option",
    fix_title="use {replacement}",
    replacement=OTHER_OPTION[1],
    url=GUIDES + "qiskit-backend-primitives",
    no_fix_reason="No fix: what the option did depends on the backend that received it.",
    new_names=("qiskit.primitives.BackendSamplerV2",),
    since="0.2.0",
    doc=RuleDoc(
        summary='any other `backend.run`/`execute` option, `**options`',
        what="Finds every other keyword passed to `execute`, `backend.run` or `QuantumInstance` "
        "(backend-specific options, `timeout`, `job_callback` ...), and `**options` spread into "
        "the call (once, at the spread).",
        why="The V2 primitives have a fixed set of options. A local backend still receives "
        "arbitrary run options through `BackendSamplerV2`/`BackendEstimatorV2` "
        '(`options={"run_options": {...}}`); on IBM hardware, find the matching primitive '
        "option or drop it.",
    ),
))
