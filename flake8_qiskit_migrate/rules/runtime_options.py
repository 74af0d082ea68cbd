"""Category 4, part two: the V1 Runtime ``Options`` class, its V1-only fields, and
``set_options``."""

from __future__ import annotations

import ast

from ..registry import GUIDES, REGISTRY, Context, Releases, Rule, RuleDoc
from .primitive_values import OPTION_OWNERS, PRIMITIVE_INSTANCES, RUNTIME, V1_OPTIONS

V2_OPTIONS = GUIDES + "v2-primitives#v2-prim-options"
TRANSPILATION = GUIDES + "v2-primitives#transpilation"
ERROR_MITIGATION = GUIDES + "v2-primitives#error-mit"
PASS_MANAGER = "generate_preset_pass_manager(optimization_level=..., backend=backend) before run"

REGISTRY.add(Rule(
    code="QKM407",
    name="runtime-v1-options-class",
    message="'{name}' is the V1 options class of qiskit-ibm-runtime up to 0.27 (since 0.28 "
    "the name means OptionsV2, the V2 base class, without the V1 fields)",
    message_removed="'{name}': the V1 options class is gone since qiskit-ibm-runtime 0.28 "
    "(qiskit_ibm_runtime.Options now means OptionsV2, the V2 base class, without the V1 fields "
    "optimization_level, resilience_level, execution, transpilation)",
    fix_title="use {replacement}",
    replacement="qiskit_ibm_runtime.options.SamplerOptions / "
    "qiskit_ibm_runtime.options.EstimatorOptions, a dict passed as options=, or primitive.options",
    url=V2_OPTIONS,
    releases=Releases("qiskit-ibm-runtime", deprecated="0.23.0", removed="0.28.0"),
    new_names=(f"{RUNTIME}.options.SamplerOptions", f"{RUNTIME}.options.EstimatorOptions"),
    deprecated_in="qiskit-ibm-runtime 0.23 (with the V1 primitives)",
    removed_in="qiskit-ibm-runtime 0.28: the V1 class is gone, the name now means the V2 base",
    doc=RuleDoc(
        summary='the V1 Runtime `Options` class',
        what="Finds imports and constructions of `qiskit_ibm_runtime.Options` (and "
        "`qiskit_ibm_runtime.options.Options`). With a target at or past qiskit-ibm-runtime "
        "0.28 the message says what the name means there: `OptionsV2`, which constructs "
        "without error but has none of the V1 fields.",
        why="`Options` was the options container of the V1 primitives. The V2 primitives take "
        "`SamplerOptions` / `EstimatorOptions`, a plain dict, or attribute assignments on "
        "`primitive.options`; since 0.28 the name `Options` is only the V2 base class.",
    ),
))
REGISTRY.match_names("QKM407", f"{RUNTIME}.Options", f"{RUNTIME}.options.Options")

REGISTRY.add(Rule(
    code="QKM408",
    name="runtime-v1-shots-option",
    message="'{name}' is a V1 Runtime option",
    fix_title="use {replacement}",
    replacement="sampler.options.default_shots, or run(pubs, shots=...)",
    url=GUIDES + "qiskit-runtime-options",
    releases=Releases("qiskit-ibm-runtime", deprecated="0.23.0", removed="0.28.0"),
    new_names=("qiskit_ibm_runtime.options.SamplerOptions",),
    doc=RuleDoc(
        summary='`options.execution.shots`',
        what="Finds `options.execution.shots` on a V1 `Options` object or a Runtime primitive's "
        "options, and `execution={\"shots\": ...}` given to `Options(...)`.",
        why="The V2 primitives have no `execution.shots`: shots are `default_shots`, a `run` "
        "argument, or part of each PUB.",
    ),
))

REGISTRY.add(Rule(
    code="QKM409",
    name="runtime-v1-transpilation-option",
    message="'{name}' is a V1 Runtime option: V2 primitives do not transpile",
    fix_title="use {replacement}",
    replacement=PASS_MANAGER,
    url=TRANSPILATION,
    releases=Releases("qiskit-ibm-runtime", deprecated="0.23.0", removed="0.28.0"),
    new_names=("qiskit.transpiler.generate_preset_pass_manager",),
    doc=RuleDoc(
        summary='`optimization_level` / `transpilation` Runtime options',
        what="Finds `optimization_level` and `transpilation` (`skip_transpilation`, "
        "`initial_layout`, `layout_method`, `routing_method`, `approximation_degree`) on a V1 "
        "`Options` object, a Runtime primitive's options, or as keywords of `Options(...)`.",
        why="V2 primitives only accept circuits already transpiled for the backend (ISA "
        "circuits); layout, routing and optimization level are set on your own pass manager.",
    ),
))

REGISTRY.add(Rule(
    code="QKM410",
    name="runtime-v1-resilience-option",
    message="'{name}' is a V1 Runtime error-mitigation option",
    fix_title="use {replacement}",
    replacement="EstimatorOptions resilience_level 0-2 and resilience.zne_mitigation / "
    "resilience.zne.* / resilience.pec_mitigation",
    url=ERROR_MITIGATION,
    releases=Releases("qiskit-ibm-runtime", deprecated="0.23.0", removed="0.28.0"),
    new_names=(
        "qiskit_ibm_runtime.options.EstimatorOptions",
        "qiskit_ibm_runtime.options.ResilienceOptionsV2",
        "qiskit_ibm_runtime.options.ZneOptions",
    ),
    doc=RuleDoc(
        summary='V1 resilience options',
        what="Finds `resilience_level` on a V1 `Options` object (or as its keyword) and the V1 "
        "ZNE fields `resilience.noise_amplifier`, `noise_factors`, `extrapolator`.",
        why="In V2 only the Estimator has resilience levels, 0 to 2 (PEC, the old level 3, is "
        "`resilience.pec_mitigation = True`), and ZNE is configured under `resilience.zne`.",
    ),
))

# attribute -> (code, the owner it must hang on, relative to an options object)
_FIELDS = {
    "shots": ("QKM408", ".execution"),
    "optimization_level": ("QKM409", ""),
    "transpilation": ("QKM409", ""),
    "skip_transpilation": ("QKM409", ""),
    "noise_amplifier": ("QKM410", ".resilience"),
    "noise_factors": ("QKM410", ".resilience"),
    "extrapolator": ("QKM410", ".resilience"),
}


@REGISTRY.on_attribute(*_FIELDS, values=OPTION_OWNERS)
def _v1_field(ctx: Context, node: ast.Attribute, owner: str | None) -> None:
    code, suffix = _FIELDS[node.attr]
    if owner is not None and owner.endswith(suffix) and owner[: len(owner) - len(suffix)] in OPTION_OWNERS:
        ctx.report(node, code, ast.unparse(node))


@REGISTRY.on_attribute("resilience_level", values=(V1_OPTIONS,))
def _v1_resilience_level(ctx: Context, node: ast.Attribute, owner: str | None) -> None:
    """Estimator V2 has ``resilience_level`` too: only the V1 Options object is reported."""
    if owner == V1_OPTIONS:
        ctx.report(node, "QKM410", ast.unparse(node))


# keyword of Options(...) -> code, and the keys of a dict value that are V1 fields
_KEYWORDS = {"optimization_level": "QKM409", "transpilation": "QKM409",
             "resilience_level": "QKM410"}
_DICT_KEYS = {"execution": {"shots": "QKM408"},
              "resilience": {key: "QKM410" for key in ("noise_amplifier", "noise_factors",
                                                       "extrapolator")}}


@REGISTRY.on_call(f"{RUNTIME}.Options", f"{RUNTIME}.options.Options")
def _options_keywords(ctx: Context, call: ast.Call, path: str | None) -> None:
    for keyword in call.keywords:
        name = keyword.arg or ""
        if name in _KEYWORDS:
            ctx.report(keyword, _KEYWORDS[name], f"{name}=")
        elif name in _DICT_KEYS and isinstance(keyword.value, ast.Dict):
            report_dict_keys(ctx, keyword.value, _DICT_KEYS[name], prefix=f"{name}.")


def report_dict_keys(ctx: Context, mapping: ast.Dict, codes: dict[str, str], prefix: str) -> None:
    """Report the string keys of a dict literal that name V1 fields."""
    for key in mapping.keys:
        if isinstance(key, ast.Constant) and key.value in codes:
            ctx.report(key, codes[key.value], f"{prefix}{key.value}")


REGISTRY.add(Rule(
    code="QKM411",
    name="primitive-set-options",
    message="'{name}(...)' is the V1 way to set primitive options",
    fix_title="use {replacement}",
    replacement="primitive.options.update(...) or primitive.options.<field> = value",
    url=V2_OPTIONS,
    releases=Releases("qiskit-ibm-runtime", deprecated="0.23.0", removed="0.28.0"),
    new_names=(
        "qiskit_ibm_runtime.options.SamplerOptions",
        "qiskit_ibm_runtime.options.EstimatorOptions",
    ),
    removed_in="qiskit-ibm-runtime 0.28 (with the V1 primitives)",
    doc=RuleDoc(
        summary='`primitive.set_options(...)`',
        what="Finds `set_options(...)` on a value known to be a primitive.",
        why="V2 primitives expose their options as an object: assign fields or call "
        "`options.update(...)`.",
    ),
))


@REGISTRY.on_method("set_options", values=PRIMITIVE_INSTANCES)
def _set_options(ctx: Context, call: ast.Call, receiver: str | None) -> None:
    if receiver in PRIMITIVE_INSTANCES:
        ctx.report(call, "QKM411", ast.unparse(call.func))


REGISTRY.add(Rule(
    code="QKM420",
    name="runtime-v1-options-part",
    message="'{name}' is a part of the V1 Runtime options, removed in qiskit-ibm-runtime 0.28",
    fix_title="use {replacement}",
    replacement="the fields of qiskit_ibm_runtime.options.SamplerOptions / EstimatorOptions",
    url=V2_OPTIONS,
    releases=Releases("qiskit-ibm-runtime", deprecated="0.23.0", removed="0.28.0"),
    new_names=(f"{RUNTIME}.options.SamplerOptions", f"{RUNTIME}.options.EstimatorOptions"),
    deprecated_in="qiskit-ibm-runtime 0.23 (with the V1 primitives)",
    removed_in="qiskit-ibm-runtime 0.28",
    no_fix_reason="No fix: the V1 fields are spread over different V2 fields (or, for "
    "transpilation, over a pass manager the code must add).",
    since="0.2.0",
    doc=RuleDoc(
        summary='`ExecutionOptions` / `TranspilationOptions` / `ResilienceOptions` (V1)',
        what="Finds imports and uses of the V1 option classes `ExecutionOptions`, "
        "`TranspilationOptions` and `ResilienceOptions` of `qiskit_ibm_runtime.options`.",
        why="They were the parts of the V1 `Options` class and went with it in "
        "qiskit-ibm-runtime 0.28. Their fields moved: shots are `default_shots`, "
        "`init_qubits` and `rep_delay` are `options.execution`, error mitigation is the "
        "Estimator's `resilience_level` and `options.resilience`; transpilation is a pass "
        "manager run before the primitive.",
        notes="`SimulatorOptions` and `EnvironmentOptions` are V2 option classes too (valid in "
        "qiskit-ibm-runtime 0.51) and are not reported.",
    ),
))
# The V1 part -> where its fields are in V2.
_V1_PARTS = {
    "ExecutionOptions": "SamplerOptions(default_shots=...) and options.execution (init_qubits, "
                        "rep_delay)",
    "TranspilationOptions": PASS_MANAGER,
    "ResilienceOptions": "EstimatorOptions(resilience_level=...) and options.resilience "
                         "(zne_mitigation, zne, pec_mitigation, measure_mitigation)",
}
_V1_PART_MODULES = {"ExecutionOptions": "execution_options",
                    "TranspilationOptions": "transpilation_options",
                    "ResilienceOptions": "resilience_options"}
REGISTRY.match_names("QKM420", *[
    (f"{RUNTIME}.options{module}.{name}", home) for name, home in _V1_PARTS.items()
    for module in ("", f".{_V1_PART_MODULES[name]}")])
