"""Category 4: keywords of ``transpile`` and ``generate_preset_pass_manager`` that Qiskit 2.0
removed with BackendV1 and pulse: the backend's properties, durations and timing now travel in
its ``Target``."""

from __future__ import annotations

import ast

from ..registry import GUIDES, REGISTRY, Context, Releases, Rule, RuleDoc

TARGET = "qiskit.transpiler.Target"
FROM_CONFIGURATION = f"{TARGET}.from_configuration"
# keyword -> what carries it since Qiskit 2.0
REMOVED_KEYWORDS = {
    "backend_properties": f"backend=backend, or target= (a {TARGET} with the error rates in "
                          "its InstructionProperties)",
    "instruction_durations": f"backend=backend, or target={FROM_CONFIGURATION}(..., "
                             "instruction_durations=...)",
    "timing_constraints": f"backend=backend, or target={FROM_CONFIGURATION}(..., "
                          "timing_constraints=...)",
    "inst_map": "nothing: pulse calibrations were removed in Qiskit 2.0; drop it",
}
TRANSPILERS = ("qiskit.transpile", "qiskit.compiler.transpile",
               "qiskit.compiler.transpiler.transpile",
               "qiskit.transpiler.generate_preset_pass_manager",
               "qiskit.transpiler.preset_passmanagers.generate_preset_pass_manager")

REGISTRY.add(Rule(
    code="QKM419",
    name="transpiler-backend-v1-keyword",
    message="'{name}' of transpile/generate_preset_pass_manager was removed in Qiskit 2.0",
    fix_title="use {replacement}",
    replacement="backend=backend, or a target= Target",
    url=GUIDES + "qiskit-2.0#generate_preset_pass_manager",
    releases=Releases("qiskit", deprecated="1.3.0", removed="2.0.0"),
    new_names=(TARGET, FROM_CONFIGURATION),
    deprecated_in="Qiskit 1.3",
    removed_in="Qiskit 2.0 (the call raises TypeError)",
    no_fix_reason="No fix: the Target that replaces these arguments is built from data the "
    "call does not show (or the backend that already holds it).",
    since="0.2.0",
    doc=RuleDoc(
        summary='`backend_properties=` ... of `transpile` / `generate_preset_pass_manager`',
        what="Finds the keywords `backend_properties`, `instruction_durations`, "
        "`timing_constraints` and `inst_map` given to `transpile(...)` or "
        "`generate_preset_pass_manager(...)`.",
        why="Qiskit 1.3 deprecated these BackendV1-era inputs and Qiskit 2.0 removed them: the "
        "call raises `TypeError`. A `BackendV2` carries them in its `Target`, so `backend=` "
        "is enough; without a backend, build a `Target` (`Target.from_configuration(..., "
        "instruction_durations=..., timing_constraints=...)`) and pass `target=`. Pulse "
        "calibrations (`inst_map`) have no replacement.",
        notes="Keywords only: a positional argument in their old places is not reported. The "
        "same options given to `backend.run`/`execute` are QKM416 and QKM406.",
    ),
))


@REGISTRY.on_call(*TRANSPILERS)
def _removed_keywords(ctx: Context, call: ast.Call, path: str | None) -> None:
    for keyword in call.keywords:
        if keyword.arg in REMOVED_KEYWORDS:
            ctx.report(keyword, "QKM419", f"{keyword.arg}=", REMOVED_KEYWORDS[keyword.arg])
