"""Category 5: the instruction durations that the Runtime scheduling passes took before
qiskit-ibm-runtime 0.51, which reads them from the backend's ``Target``.

0.51 dropped the ``durations`` parameter in front of the others, so an old positional call does
not fail: ``PadDynamicalDecoupling(durations, dd_sequence)`` passes the durations as the DD
sequences, ``ALAPScheduleAnalysis(durations)`` as the block-ordering callable.
"""

from __future__ import annotations

import ast

from ..registry import GUIDES, REGISTRY, Context, Releases, Rule, RuleDoc
from .primitive_values import RUNTIME

SCHEDULING = f"{RUNTIME}.transpiler.passes.scheduling"
DURATIONS = f"{SCHEDULING}.DynamicCircuitInstructionDurations"
TARGET = "target=backend.target"
# pass -> the submodule that defines it; each is also exported by the scheduling package
PASSES = {"ALAPScheduleAnalysis": "scheduler", "ASAPScheduleAnalysis": "scheduler",
          "PadDelay": "pad_delay", "PadDynamicalDecoupling": "dynamical_decoupling"}
_PASS_PATHS = {f"{module}.{name}": name for name, submodule in PASSES.items()
               for module in (SCHEDULING, f"{SCHEDULING}.{submodule}",
                              f"{RUNTIME}.transpiler.passes")}
# Values that are instruction durations: Runtime's class and Qiskit's, and what builds them.
_DURATION_VALUES = (DURATIONS, f"{SCHEDULING}.utils.DynamicCircuitInstructionDurations",
                    "qiskit.transpiler.InstructionDurations",
                    "qiskit.transpiler.instruction_durations.InstructionDurations")

REGISTRY.add(Rule(
    code="QKM505",
    name="runtime-scheduling-durations",
    message="'{name}' gives instruction durations to the Runtime scheduling passes, removed "
    "in qiskit-ibm-runtime 0.51",
    fix_title="use {replacement}",
    replacement=f"{TARGET} on the scheduling passes",
    url=GUIDES + "qiskit-runtime-use-case#dynamic-circuits",
    releases=Releases("qiskit-ibm-runtime", deprecated="0.43.0", removed="0.51.0"),
    new_names=(f"{SCHEDULING}.ALAPScheduleAnalysis", f"{SCHEDULING}.PadDynamicalDecoupling"),
    deprecated_in="qiskit-ibm-runtime 0.43",
    removed_in="qiskit-ibm-runtime 0.51 (the class is gone; the passes take target= only)",
    no_fix_reason="No fix: the durations object is built from the backend the code holds, "
    "and `target=backend.target` needs that backend, not the durations.",
    since="0.2.0",
    doc=RuleDoc(
        summary='`DynamicCircuitInstructionDurations` / `durations` of Runtime scheduling',
        what="Finds `DynamicCircuitInstructionDurations` of "
        "`qiskit_ibm_runtime.transpiler.passes.scheduling`, and the `durations` argument of "
        "its passes `ALAPScheduleAnalysis`, `ASAPScheduleAnalysis`, `PadDelay` and "
        "`PadDynamicalDecoupling`: the `durations=` keyword, or a first positional argument "
        "that is an instruction-durations object or is named so (`durations`, "
        "`dd_durations` ...).",
        why="qiskit-ibm-runtime 0.43 deprecated the durations argument and 0.51 removed it "
        "with `DynamicCircuitInstructionDurations`: the passes read durations from "
        "`target=backend.target`. The old positional call still runs and does the wrong "
        "thing: `PadDynamicalDecoupling(durations, dd_sequence)` now takes the durations as "
        "its `dd_sequences` and the sequence as `qubits`.",
        notes="A first positional argument that is neither an instruction-durations value nor "
        "named like one is taken for the new first parameter (`dd_sequences`, "
        "`fill_very_end`, `block_ordering_callable`) and not reported.",
    ),
))
REGISTRY.match_names("QKM505", DURATIONS, f"{SCHEDULING}.utils.DynamicCircuitInstructionDurations")


def _names_durations(ctx: Context, node: ast.expr) -> bool:
    """Whether a first positional argument is the old ``durations``: its value is an
    instruction-durations object, or its name says so."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        node = node.func.value  # ``DynamicCircuitInstructionDurations.from_backend(backend)``
    path = ctx.qualify(node.func if isinstance(node, ast.Call) else node)
    if path is not None and path.split("(")[0].removesuffix(".from_backend") in _DURATION_VALUES:
        return True
    name = node.id if isinstance(node, ast.Name) else (
        node.attr if isinstance(node, ast.Attribute) else "")
    return "durations" in name.lower().strip("_").split("_")


@REGISTRY.on_call(*_PASS_PATHS)
def _durations_argument(ctx: Context, call: ast.Call, path: str | None) -> None:
    name = _PASS_PATHS[str(path)]
    new_form = (f"PadDynamicalDecoupling(dd_sequences=..., {TARGET})"
                if name == "PadDynamicalDecoupling" else f"{name}({TARGET})")
    for keyword in call.keywords:
        if keyword.arg == "durations":
            ctx.report(keyword, "QKM505", "durations=", new_form)
    if call.args and _names_durations(ctx, call.args[0]):
        shifted = {"PadDynamicalDecoupling": "dd_sequences", "PadDelay": "fill_very_end"}.get(
            name, "block_ordering_callable")
        ctx.report(call.args[0], "QKM505", f"{name}({ast.unparse(call.args[0])}, ...)",
                   f"{new_form}: since 0.51 this argument is taken as {shifted}")
