"""Category 4, part one: keyword options of ``backend.run`` / ``execute`` / ``QuantumInstance``,
each reported at its own keyword with the place it has with the V2 primitives."""

from __future__ import annotations

import ast

from ..registry import GUIDES, REGISTRY, Context, Rule, RuleDoc

OPTIONS_GUIDE = GUIDES + "qiskit-runtime-options"
USE_CASE = GUIDES + "qiskit-runtime-use-case"

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
    "noise_model": ("QKM402", "options.simulator.noise_model (or the simulator's own options)"),
    "seed_simulator": ("QKM402", "options.simulator.seed_simulator (or the simulator's seed "
                                 "option)"),
    "header": ("QKM402", "circuit.metadata (returned as circuit_metadata)"),
    "meas_level": ("QKM403", "sampler.options.execution.meas_type = 'classified' | 'kerneled' | "
                             "'avg_kerneled'"),
    "meas_return": ("QKM403", "sampler.options.execution.meas_type = 'kerneled' (single) or "
                              "'avg_kerneled' (averaged)"),
    "dynamic": ("QKM404", "nothing: SamplerV2 detects dynamic circuits by itself"),
    "parameter_binds": ("QKM405", "parameter values inside the PUB: sampler.run([(circuit, "
                                  "values)])"),
    **{name: ("QKM406", "nothing: drop it") for name in (
        "job_share_level", "live_data_enabled", "use_measure_esp", "qubit_lo_freq",
        "meas_lo_freq", "schedule_los", "memory_slots", "memory_slot_size")},
}


def report_run_options(ctx: Context, call: ast.Call, parent: str) -> None:
    """Report each legacy run option passed by keyword to a proven run/execute call; the
    options live and die with their call, so the call's rule (``parent``) gates them."""
    for keyword in call.keywords:
        option = RUN_OPTIONS.get(keyword.arg or "")
        if option is not None:
            ctx.report(keyword, option[0], keyword.arg or "", option[1], gated_by=parent)


REGISTRY.add(Rule(
    code="QKM401",
    name="run-shots",
    message="run option '{name}=' of backend.run/execute",
    fix_title="use {replacement}",
    replacement=RUN_OPTIONS["shots"][1],
    url=OPTIONS_GUIDE,
    no_fix_reason="No fix: the option's new home is on a primitive, which only exists once the `run` call itself is migrated (QKM101–QKM103 have no honest mechanical fix).",
    new_names=("qiskit_ibm_runtime.options.SamplerOptions",),
    doc=RuleDoc(
        what="Finds `shots=` passed to `backend.run`, `execute` or `QuantumInstance`.",
        why="With the V2 primitives shots belong to the PUB, to the `run` call, or to the "
        "`default_shots` option; `backend.run` options do not carry over.",
    ),
))

REGISTRY.add(Rule(
    code="QKM402",
    name="run-option",
    message="run option '{name}=' of backend.run/execute",
    fix_title="use {replacement}",
    replacement="the matching SamplerV2/EstimatorV2 option",
    url=OPTIONS_GUIDE,
    no_fix_reason='No fix: the options move to a primitive, which only exists once the `run` call itself is migrated.',
    new_names=(
        "qiskit_ibm_runtime.options.SamplerOptions",
        "qiskit_ibm_runtime.options.EstimatorOptions",
    ),
    doc=RuleDoc(
        what="Finds the `backend.run`/`execute` options that have a home in the V2 primitive "
        "options: `memory`, `rep_delay`, `rep_time`, `init_qubits`, `init_circuit`, "
        "`init_num_resets`, `job_tags`, `job_name`, `experiment_id`, `noise_model`, "
        "`seed_simulator`, `header`. The message names the new place of each.",
        why="Run options are now primitive options (`sampler.options.execution.*`, "
        "`options.environment.*`, `options.simulator.*`) or part of the result.",
    ),
))

REGISTRY.add(Rule(
    code="QKM403",
    name="run-measurement-level",
    message="run option '{name}=' of backend.run/execute",
    fix_title="use {replacement}",
    replacement=RUN_OPTIONS["meas_level"][1],
    url=USE_CASE + "#get-the-averaged-iq-data-meas_level1",
    new_names=("qiskit_ibm_runtime.options.ExecutionOptionsV2",),
    doc=RuleDoc(
        what="Finds `meas_level=` and `meas_return=` passed to `backend.run` or `execute`.",
        why="Level-1 (IQ) data is requested with the Sampler's `execution.meas_type` option; "
        "`meas_level=0` is not supported.",
    ),
))

REGISTRY.add(Rule(
    code="QKM404",
    name="run-dynamic",
    message="run option '{name}=' of backend.run/execute",
    fix_title="use {replacement}",
    replacement=RUN_OPTIONS["dynamic"][1],
    url=USE_CASE + "#dynamic-circuits",
    new_names=("qiskit_ibm_runtime.SamplerV2",),
    doc=RuleDoc(
        what="Finds `dynamic=` passed to `backend.run`.",
        why="qiskit-ibm-provider needed `dynamic=True` for circuits with mid-circuit measurements "
        "and feed-forward; `SamplerV2` runs them without a flag.",
    ),
))

REGISTRY.add(Rule(
    code="QKM405",
    name="run-parameter-binds",
    message="run option '{name}=' of backend.run/execute",
    fix_title="use {replacement}",
    replacement=RUN_OPTIONS["parameter_binds"][1],
    url=USE_CASE + "#parameterized-circuits",
    new_names=("qiskit.primitives.containers.BindingsArray",),
    doc=RuleDoc(
        what="Finds `parameter_binds=` passed to `backend.run` or `execute`.",
        why="Parameter values travel inside the PUB with the V2 primitives, as an array that "
        "broadcasts against the circuit's parameters.",
    ),
))

REGISTRY.add(Rule(
    code="QKM406",
    name="run-obsolete-option",
    message="run option '{name}=' of backend.run/execute has no V2 equivalent",
    fix_title="{replacement}",
    replacement=RUN_OPTIONS["memory_slots"][1],
    url=OPTIONS_GUIDE,
    new_names=("qiskit_ibm_runtime.SamplerV2",),
    doc=RuleDoc(
        what="Finds the obsolete run options `job_share_level`, `live_data_enabled`, "
        "`use_measure_esp`, `qubit_lo_freq`, `meas_lo_freq`, `schedule_los`, `memory_slots` and "
        "`memory_slot_size`.",
        why="These options are unsupported or automatic with the V2 primitives; there is "
        "nothing to translate them to.",
    ),
))
