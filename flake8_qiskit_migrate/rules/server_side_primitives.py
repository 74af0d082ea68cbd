"""Category 6: the server-side Runtime primitives that qiskit-ibm-runtime 0.50 deprecated in
favour of client-side implementations built on the Executor primitive
(``qiskit_ibm_runtime.executor_sampler.Sampler``, ``executor_estimator.Estimator``).

The family is opt-in: it is reported where the targeted qiskit-ibm-runtime releases include
0.50 or later, or when selected by name (``--extend-select QKM6``); with no known target it
stays silent, since the advice would be wrong for a project pinned below 0.50. The successors
declared here also make every other rule's advice name the client-side classes where the
target allows them (``flake8_qiskit_migrate.advice``).
"""

from __future__ import annotations

import ast

from ..edits import Edit, Fix
from ..registry import REGISTRY, Autofix, Context, Releases, Rule, RuleDoc
from .primitive_values import OPTION_OWNERS, RUNTIME, RUNTIME_PRIMITIVES

CLIENT_SIDE = "https://quantum.cloud.ibm.com/docs/guides/migrate-to-client-side-primitives"
CLIENT_SIDE_RELEASE = Releases("qiskit-ibm-runtime", deprecated="0.50.0")
SAMPLER = f"{RUNTIME}.executor_sampler.Sampler"
ESTIMATOR = f"{RUNTIME}.executor_estimator.Estimator"
SAMPLER_OPTIONS = f"{RUNTIME}.options_models.SamplerOptions"
ESTIMATOR_OPTIONS = f"{RUNTIME}.options_models.EstimatorOptions"
# Where each deprecated name lives on the client side; the names themselves stay
# (``executor_sampler`` exports ``Sampler`` and ``SamplerV2``), so the fix is the import.
CLIENT_SIDE_MODULES = {
    f"{RUNTIME}.SamplerV2": f"{RUNTIME}.executor_sampler",
    f"{RUNTIME}.Sampler": f"{RUNTIME}.executor_sampler",
    f"{RUNTIME}.EstimatorV2": f"{RUNTIME}.executor_estimator",
    f"{RUNTIME}.Estimator": f"{RUNTIME}.executor_estimator",
    f"{RUNTIME}.options.SamplerOptions": f"{RUNTIME}.options_models",
    f"{RUNTIME}.options.EstimatorOptions": f"{RUNTIME}.options_models",
}

for _old, _new in ((f"{RUNTIME}.SamplerV2", SAMPLER), (f"{RUNTIME}.EstimatorV2", ESTIMATOR),
                   (f"{RUNTIME}.options.SamplerOptions", SAMPLER_OPTIONS),
                   (f"{RUNTIME}.options.EstimatorOptions", ESTIMATOR_OPTIONS)):
    REGISTRY.succeeded_by(_old, _new, CLIENT_SIDE_RELEASE)

_GUARD = (
    "Opt-in: reported only where the targeted qiskit-ibm-runtime releases include 0.50 or later "
    "(`--target-runtime`, or the project's lock file, pyproject.toml or requirements), or when "
    "selected by name (`--extend-select QKM6`); with no known target it stays silent."
)

REGISTRY.add(Rule(
    code="QKM601",
    name="runtime-server-side-primitive",
    message="'{name}' belongs to the server-side Runtime primitives, deprecated in "
    "qiskit-ibm-runtime 0.50",
    fix_title="use '{replacement}'",
    replacement=SAMPLER,
    url=CLIENT_SIDE + "#update-your-imports",
    releases=CLIENT_SIDE_RELEASE,
    opt_in=True,
    reported_at="import",
    fix=Autofix("unsafe", "Import the name from its client-side module",
                "Unsafe: the client-side primitives submit Executor jobs (`job.primitive_id` "
                "and `job.inputs` change), need explicit noise learning for PEA and PEC, reject "
                "mixed shots or precisions in one job and some server-side options (QKM602). "
                "The import keeps the name (`from qiskit_ibm_runtime.executor_sampler import "
                "SamplerV2`), so the code below it is unchanged; attribute uses "
                "(`qiskit_ibm_runtime.SamplerV2(...)`) are not rewritten."),
    new_names=(SAMPLER, ESTIMATOR, SAMPLER_OPTIONS, ESTIMATOR_OPTIONS),
    deprecated_in="qiskit-ibm-runtime 0.50.0 (SamplerV2, EstimatorV2)",
    since="0.2.0",
    doc=RuleDoc(
        summary='server-side `SamplerV2` / `EstimatorV2` (runtime 0.50+, opt-in)',
        what="Finds imports of the server-side Runtime primitives `qiskit_ibm_runtime.SamplerV2` "
        "and `EstimatorV2`, of `Sampler` and `Estimator` (aliases of them up to at least "
        "0.51), and of their options classes `qiskit_ibm_runtime.options.SamplerOptions` / "
        "`EstimatorOptions`; and uses through `qiskit_ibm_runtime.` attribute chains. " + _GUARD,
        why="qiskit-ibm-runtime 0.50 deprecated the server-side implementations (constructing "
        "them raises `DeprecationWarning`): `qiskit_ibm_runtime.executor_sampler.Sampler` and "
        "`executor_estimator.Estimator` run the pre- and post-processing on the client and "
        "submit Executor jobs, with the same `mode=`, `options=` and `run(pubs, ...)` "
        "interface. Their options are Pydantic models from `qiskit_ibm_runtime.options_models`. "
        "The top-level `Sampler`/`Estimator` names are announced to point to them in an "
        "upcoming release.",
        notes="Before qiskit-ibm-runtime 0.50 the client-side classes do not exist: keep "
        "`SamplerV2`/`EstimatorV2` there. Every other rule's advice follows the same targets: "
        "with a target at or past 0.50 (or none known) it names the client-side classes and "
        "mentions `SamplerV2`/`EstimatorV2` as the older names; with a target below 0.50 it "
        "names `SamplerV2`/`EstimatorV2` only. IBM's guide: \"Migrate from server-side to "
        "client-side Sampler and Estimator\".",
    ),
))
# Advice names the documented client-side classes; ``SamplerV2``/``EstimatorV2`` there are
# aliases of them, which the fix imports to keep the code below the import unchanged.
_DOCUMENTED = {f"{RUNTIME}.executor_sampler.SamplerV2": SAMPLER,
               f"{RUNTIME}.executor_estimator.EstimatorV2": ESTIMATOR}


def _client_side_name(old: str, module: str) -> str:
    new = f"{module}.{old.rpartition('.')[2]}"
    return _DOCUMENTED.get(new, new)


REGISTRY.match_names(
    "QKM601",
    *[(old, _client_side_name(old, module)) for old, module in CLIENT_SIDE_MODULES.items()],
    (f"{RUNTIME}.sampler.SamplerV2", SAMPLER),
    (f"{RUNTIME}.estimator.EstimatorV2", ESTIMATOR),
)

# Server-side option -> what to do with the client-side primitives (path below ``options``).
SERVER_SIDE_OPTIONS = {
    "seed_estimator": "nothing: there is no client-side equivalent; remove it (results are no "
                      "longer reproducible through this seed)",
    "resilience.layer_noise_learning": "NoiseLearnerV3 options (num_randomizations, "
                                       "shots_per_randomization, layer_pair_depths) and "
                                       "estimator.options.resilience.layer_noise_model",
    "resilience.measure_noise_learning.shots_per_randomization":
        "nothing: one shot count serves the whole job; apply TREX with qiskit-mitigation for "
        "another",
    **{f"simulator.{name}": "a local backend as the mode: a fake backend, or "
                            f"AerSimulator({name}=...)" for name in ("noise_model", "basis_gates",
                                                                     "coupling_map")},
}
_LEAVES = {path.rpartition(".")[2] for path in SERVER_SIDE_OPTIONS}
# The client-side classes too: these options are what they reject, before and after the move.
CLIENT_SIDE_PRIMITIVES = tuple(f"{module}.{name}" for module, names in (
    (f"{RUNTIME}.executor_sampler", ("Sampler", "SamplerV2")),
    (f"{RUNTIME}.executor_estimator", ("Estimator", "EstimatorV2"))) for name in names)
_OPTIONS_OBJECTS = (f"{RUNTIME}.options.SamplerOptions()", f"{RUNTIME}.options.EstimatorOptions()",
                    f"{SAMPLER_OPTIONS}()", f"{ESTIMATOR_OPTIONS}()")
_OWNERS = (*OPTION_OWNERS, *_OPTIONS_OBJECTS,
           *(f"{cls}().options" for cls in CLIENT_SIDE_PRIMITIVES))

REGISTRY.add(Rule(
    code="QKM602",
    name="runtime-server-side-option",
    message="option '{name}' has no home in the client-side Runtime primitives (qiskit-ibm-runtime "
    "0.50)",
    fix_title="use {replacement}",
    replacement="the client-side options model (qiskit_ibm_runtime.options_models)",
    url=CLIENT_SIDE + "#incompatible-changes-in-the-new-estimator",
    releases=CLIENT_SIDE_RELEASE,
    opt_in=True,
    no_fix_reason="No fix: each option needs a different change (a separate noise-learning job, "
    "a local backend, or nothing).",
    new_names=(ESTIMATOR_OPTIONS, f"{RUNTIME}.NoiseLearnerV3"),
    since="0.2.0",
    doc=RuleDoc(
        summary='server-side-only primitive options (runtime 0.50+, opt-in)',
        what="Finds the server-side primitive options that the client-side "
        "`options_models.SamplerOptions` / `EstimatorOptions` do not have: `seed_estimator`, "
        "`resilience.layer_noise_learning` (implicit PEA/PEC noise learning), "
        "`resilience.measure_noise_learning.shots_per_randomization`, and "
        "`simulator.noise_model` / `basis_gates` / `coupling_map` — assigned on a Runtime "
        "primitive's `options`, on an options object, or given as keywords or dict keys. "
        + _GUARD,
        why="The client-side primitives validate their options against new models: these "
        "fields raise a `ValidationError`. Noise learning for PEA and PEC is now an explicit "
        "`NoiseLearnerV3` job whose result goes to `resilience.layer_noise_model`; local noisy "
        "simulation takes its noise from the backend given as the mode.",
    ),
))


def _relative(owner: str, attr: str) -> str | None:
    """The option path of ``owner.attr`` below its options object, if ``owner`` is one."""
    for root in _OWNERS:
        if owner == root or owner.startswith(root + "."):
            return (owner[len(root) + 1:] + "." + attr).lstrip(".")
    return None


@REGISTRY.on_attribute(*_LEAVES, values=_OWNERS)
def _server_side_field(ctx: Context, node: ast.Attribute, owner: str | None) -> None:
    path = _relative(owner, node.attr) if owner is not None else None
    if path in SERVER_SIDE_OPTIONS:
        ctx.report(node, "QKM602", path, SERVER_SIDE_OPTIONS[path])


def report_option_keys(ctx: Context, mapping: ast.Dict, prefix: str = "") -> None:
    """Report the server-side options spelled as (nested) keys of an options dict literal."""
    for key, value in zip(mapping.keys, mapping.values):
        if not isinstance(key, ast.Constant) or not isinstance(key.value, str):
            continue
        path = prefix + key.value
        if path in SERVER_SIDE_OPTIONS:
            ctx.report(key, "QKM602", path, SERVER_SIDE_OPTIONS[path])
        elif isinstance(value, ast.Dict):
            report_option_keys(ctx, value, path + ".")


@REGISTRY.on_call(*RUNTIME_PRIMITIVES, *CLIENT_SIDE_PRIMITIVES,
                  *[o.removesuffix("()") for o in _OPTIONS_OBJECTS])
def _server_side_arguments(ctx: Context, call: ast.Call, path: str | None) -> None:
    for keyword in call.keywords:
        if keyword.arg == "options" and isinstance(keyword.value, ast.Dict):
            report_option_keys(ctx, keyword.value)
        elif keyword.arg in SERVER_SIDE_OPTIONS:
            ctx.report(keyword, "QKM602", keyword.arg, SERVER_SIDE_OPTIONS[keyword.arg])
        elif keyword.arg is not None and isinstance(keyword.value, ast.Dict):
            report_option_keys(ctx, keyword.value, keyword.arg + ".")


REGISTRY.add(Rule(
    code="QKM603",
    name="runtime-noise-learner",
    message="'{name}' is the server-side noise learner, deprecated in qiskit-ibm-runtime 0.51",
    fix_title="use '{replacement}'",
    replacement=f"{RUNTIME}.NoiseLearnerV3",
    url=CLIENT_SIDE + "#perform-explicit-noise-learning-for-pea-and-pec",
    releases=Releases("qiskit-ibm-runtime", deprecated="0.51.0"),
    opt_in=True,
    no_fix_reason="No fix: NoiseLearnerV3 learns the layers it is given "
    "(`estimator.find_unique_layers(pubs)`) and returns Pauli-Lindblad maps for "
    "`resilience.layer_noise_model`; the calls around it change.",
    new_names=(f"{RUNTIME}.NoiseLearnerV3",),
    deprecated_in="qiskit-ibm-runtime 0.51.0",
    since="0.2.0",
    doc=RuleDoc(
        summary='`NoiseLearner` (runtime 0.51+, opt-in)',
        what="Finds imports and uses of `qiskit_ibm_runtime.NoiseLearner` (and its alias "
        "`NoiseLearnerV2`). " + _GUARD.replace("0.50", "0.51"),
        why="`NoiseLearner` only works with the server-side Estimator; qiskit-ibm-runtime 0.51 "
        "deprecated it for `NoiseLearnerV3`, which the client-side Estimator needs for PEA "
        "and PEC.",
    ),
))
REGISTRY.match_names(
    "QKM603",
    f"{RUNTIME}.NoiseLearner",
    f"{RUNTIME}.NoiseLearnerV2",
    f"{RUNTIME}.noise_learner.NoiseLearner",
)


@REGISTRY.fixer("QKM601")
def _client_side_import(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    """Rewrite the ``from`` import holding the name: the names that moved are imported from
    their client-side modules, one line each, after what stays. Every reported alias of the
    statement gets the same edit, so the statement is rewritten once."""
    statement, source = ctx.import_statement, ctx.source
    if not isinstance(node, ast.alias) or not isinstance(statement, ast.ImportFrom) or (
            source is None or statement.level or statement.module is None):
        return None
    start, end = source.start(statement), source.end(statement)
    before = source.line(start[0])[: start[1] - 1]
    after = source.line(end[0])[end[1] - 1:].strip()
    if before.strip() or (after and not after.startswith("#")):
        return None  # shares its line with another statement
    kept, moved = [], []
    for alias in statement.names:
        text = source.segment(source.start(alias), source.end(alias))
        destination = CLIENT_SIDE_MODULES.get(f"{statement.module}.{alias.name}")
        if destination is None:
            kept.append(text)
        else:
            moved.append(f"from {destination} import {text}")
    lines = [f"from {statement.module} import {', '.join(kept)}"] if kept else []
    lines += moved
    indent = "\n" + before
    edits = [Edit(*start, *end, lines[0])]
    if len(lines) > 1:
        edits.append(Edit(*source.line_end(end[0]), *source.line_end(end[0]),
                          indent + indent.join(lines[1:])))
    return tuple(edits)
