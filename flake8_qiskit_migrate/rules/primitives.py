"""Category 3: the V1 primitives (reference, backend, Aer and Runtime flavours)."""

from __future__ import annotations

import ast

from ..edits import Edit, Fix, SourceText, inside_try
from ..nodes import nodes
from ..registry import GUIDES, REGISTRY, Autofix, Context, Releases, Rule, RuleDoc
from .primitive_values import V1_PATHS

MIGRATE_TO_V2 = GUIDES + "qiskit-1.0-features#migrate-to-v2"
V2_GUIDE = GUIDES + "v2-primitives"
RUNTIME_V2 = ("qiskit_ibm_runtime.SamplerV2", "qiskit_ibm_runtime.EstimatorV2")
PRIMITIVES_V2 = (
    "qiskit.primitives.StatevectorSampler",
    "qiskit.primitives.StatevectorEstimator",
    "qiskit.primitives.BackendSamplerV2",
    "qiskit.primitives.BackendEstimatorV2",
    "qiskit_aer.primitives.SamplerV2",
    "qiskit_aer.primitives.EstimatorV2",
    *RUNTIME_V2,
)
_NOTES = (
    "V2 primitives take a list of PUBs (`(circuit, observables, parameter_values)` tuples) instead of "
    "parallel lists, and return a `PrimitiveResult`: counts from `result[0].data.<register>."
    "get_counts()` instead of quasi-distributions, and expectation values from `result[0].data.evs`."
)


def _both(module: str, sampler: str, estimator: str) -> list[tuple[str, str]]:
    """The (old name, replacement) pairs of a module's V1 Sampler and Estimator."""
    return [(f"{module}.Sampler", sampler), (f"{module}.Estimator", estimator)]


REGISTRY.add(Rule(
    code="QKM301",
    name="v1-reference-primitive",
    message="'{name}' is a V1 primitive, removed in Qiskit 2.0",
    fix_title="use '{replacement}'",
    replacement="qiskit.primitives.StatevectorSampler",
    url=MIGRATE_TO_V2,
    fix=Autofix("unsafe", 'Import or use `StatevectorSampler` / `StatevectorEstimator`', 'Unsafe: the call interface changes. The import is rewritten as `StatevectorSampler as Sampler` (so the code keeps its names) and attribute uses are renamed, but `run` takes PUBs and returns a `PrimitiveResult`, so calls and result handling must be adapted (QKM307, QKM308). Offered only where every construction takes no argument: `StatevectorSampler(*, default_shots, seed)` takes none of the V1 ones (`options=` held run options); an import is not rewritten when a construction of its name has arguments or a class derives from it.'),
    releases=Releases("qiskit", deprecated="1.2.0", removed="2.0.0"),
    new_names=PRIMITIVES_V2,
    deprecated_in="Qiskit 1.2",
    removed_in="Qiskit 2.0",
    doc=RuleDoc(
        summary='V1 `qiskit.primitives.Sampler` / `Estimator`',
        what="Finds imports and constructions of the V1 reference primitives "
        "`qiskit.primitives.Sampler` and `qiskit.primitives.Estimator`.",
        why="The V1 reference primitives were deprecated in Qiskit 1.2 and removed in Qiskit 2.0. "
        "`StatevectorSampler` and `StatevectorEstimator` implement the V2 interface.",
        notes=_NOTES,
    ),
))
REGISTRY.match_names(
    "QKM301",
    *_both("qiskit.primitives", "qiskit.primitives.StatevectorSampler",
           "qiskit.primitives.StatevectorEstimator"),
    ("qiskit.primitives.sampler.Sampler", "qiskit.primitives.StatevectorSampler"),
    ("qiskit.primitives.estimator.Estimator", "qiskit.primitives.StatevectorEstimator"),
)

REGISTRY.add(Rule(
    code="QKM302",
    name="v1-backend-primitive",
    message="'{name}' is a V1 primitive, removed in Qiskit 2.0",
    fix_title="use '{replacement}'",
    replacement="qiskit.primitives.BackendSamplerV2",
    url=GUIDES + "qiskit-backend-primitives",
    fix=Autofix("unsafe", 'Import or use `BackendSamplerV2` / `BackendEstimatorV2`', 'Unsafe: the call interface changes. The import is rewritten as `BackendSamplerV2 as BackendSampler`, attribute uses are renamed and a positional backend becomes `backend=` (keyword-only in V2), but V2 does not transpile and takes PUBs and V2 options, so circuits, options and calls must be adapted. Offered only where every construction passes the backend alone: V1 `options=` (run options) and the other V1 arguments have no V2 counterpart; an import is not rewritten when a construction of its name passes more or a class derives from it.'),
    releases=Releases("qiskit", deprecated="1.2.0", removed="2.0.0"),
    new_names=PRIMITIVES_V2,
    deprecated_in="Qiskit 1.2",
    removed_in="Qiskit 2.0",
    doc=RuleDoc(
        summary='V1 `BackendSampler` / `BackendEstimator`',
        what="Finds imports and constructions of `qiskit.primitives.BackendSampler` and "
        "`BackendEstimator`.",
        why="The V1 backend wrappers were deprecated in Qiskit 1.2 and removed in 2.0. "
        "`BackendSamplerV2` and `BackendEstimatorV2` wrap any backend with the V2 interface; "
        "transpile the circuits to the backend first, the V2 wrappers do not.",
        notes=_NOTES,
    ),
))
REGISTRY.match_names(
    "QKM302",
    ("qiskit.primitives.BackendSampler", "qiskit.primitives.BackendSamplerV2"),
    ("qiskit.primitives.BackendEstimator", "qiskit.primitives.BackendEstimatorV2"),
    ("qiskit.primitives.backend_sampler.BackendSampler", "qiskit.primitives.BackendSamplerV2"),
    ("qiskit.primitives.backend_estimator.BackendEstimator", "qiskit.primitives.BackendEstimatorV2"),
)

REGISTRY.add(Rule(
    code="QKM303",
    name="v1-primitive-base-class",
    message="'{name}' is a V1 primitive base class",
    fix_title="use '{replacement}'",
    replacement="qiskit.primitives.BaseSamplerV2",
    url=MIGRATE_TO_V2,
    releases=Releases("qiskit", deprecated="1.2.0", removed="2.0.0"),
    new_names=("qiskit.primitives.BaseSamplerV2", "qiskit.primitives.BaseEstimatorV2"),
    deprecated_in="Qiskit 1.2",
    removed_in="Qiskit 2.0 (BaseSampler, BaseEstimator); BaseSamplerV1/BaseEstimatorV1 remain as "
    "legacy bases",
    doc=RuleDoc(
        summary='V1 primitive base classes',
        what="Finds imports of the V1 base classes `BaseSampler`, `BaseEstimator`, `BaseSamplerV1` "
        "and `BaseEstimatorV1` and classes derived from them.",
        why="A primitive built on the V1 base classes speaks the V1 interface, which Qiskit 2.0 "
        "dropped from its own primitives; `BaseSampler` and `BaseEstimator` are gone in Qiskit 2.0.",
        notes=_NOTES,
    ),
))
REGISTRY.match_names(
    "QKM303",
    ("qiskit.primitives.BaseSampler", "qiskit.primitives.BaseSamplerV2"),
    ("qiskit.primitives.BaseSamplerV1", "qiskit.primitives.BaseSamplerV2"),
    ("qiskit.primitives.BaseEstimator", "qiskit.primitives.BaseEstimatorV2"),
    ("qiskit.primitives.BaseEstimatorV1", "qiskit.primitives.BaseEstimatorV2"),
    # Their module paths (``qiskit.primitives.base``, ``base.base_sampler``, 0.2x's
    # ``qiskit.primitives.base_sampler``).
    *[(path, f"qiskit.primitives.Base{kind}V2") for kind in ("Sampler", "Estimator")
      for path in V1_PATHS[f"qiskit.primitives.{kind}"]
      if ".base" in path and not path.startswith("qiskit.primitives.Base")],
)

REGISTRY.add(Rule(
    code="QKM304",
    name="aer-v1-primitive",
    message="'{name}' is a V1 primitive, deprecated in Qiskit Aer 0.15",
    fix_title="use '{replacement}'",
    replacement="qiskit_aer.primitives.SamplerV2",
    url=V2_GUIDE + "#overview",
    releases=Releases("qiskit-aer", deprecated="0.15.0"),
    new_names=PRIMITIVES_V2,
    deprecated_in="qiskit-aer 0.15",
    doc=RuleDoc(
        summary="Aer's V1 `Sampler` / `Estimator`",
        what="Finds imports and constructions of `qiskit_aer.primitives.Sampler` and `Estimator`.",
        why="Aer's V1 primitives are deprecated since qiskit-aer 0.15; `SamplerV2` and `EstimatorV2` "
        "in the same module implement the V2 interface.",
        notes=_NOTES,
    ),
))
REGISTRY.match_names(
    "QKM304",
    *_both("qiskit_aer.primitives", "qiskit_aer.primitives.SamplerV2",
           "qiskit_aer.primitives.EstimatorV2"),
    ("qiskit_aer.primitives.sampler.Sampler", "qiskit_aer.primitives.SamplerV2"),
    ("qiskit_aer.primitives.estimator.Estimator", "qiskit_aer.primitives.EstimatorV2"),
)

REGISTRY.add(Rule(
    code="QKM305",
    name="runtime-v1-sampler",
    message="'{name}' is the V1 Runtime Sampler, removed in qiskit-ibm-runtime 0.28",
    fix_title="use '{replacement}'",
    replacement="qiskit_ibm_runtime.SamplerV2",
    url=V2_GUIDE + "#steps-to-migrate-to-sampler-v2",
    releases=Releases("qiskit-ibm-runtime", deprecated="0.23.0", removed="0.28.0"),
    new_names=RUNTIME_V2,
    deprecated_in="qiskit-ibm-runtime 0.23",
    removed_in="qiskit-ibm-runtime 0.28",
    doc=RuleDoc(
        summary='the V1 Runtime `Sampler`',
        what="Finds `qiskit_ibm_runtime.SamplerV1`. (`qiskit_ibm_runtime.Sampler` is the V2 class "
        "since 0.28 and is reported only where it is used the V1 way.)",
        why="The V1 Runtime Sampler was removed in qiskit-ibm-runtime 0.28; the service accepts only "
        "V2 primitive jobs.",
        notes=_NOTES,
    ),
))
REGISTRY.match_names("QKM305", "qiskit_ibm_runtime.SamplerV1", "qiskit_ibm_runtime.sampler.SamplerV1")

REGISTRY.add(Rule(
    code="QKM306",
    name="runtime-v1-estimator",
    message="'{name}' is the V1 Runtime Estimator, removed in qiskit-ibm-runtime 0.28",
    fix_title="use '{replacement}'",
    replacement="qiskit_ibm_runtime.EstimatorV2",
    url=V2_GUIDE + "#steps-to-migrate-to-estimator-v2",
    releases=Releases("qiskit-ibm-runtime", deprecated="0.23.0", removed="0.28.0"),
    new_names=RUNTIME_V2,
    deprecated_in="qiskit-ibm-runtime 0.23",
    removed_in="qiskit-ibm-runtime 0.28",
    doc=RuleDoc(
        summary='the V1 Runtime `Estimator`',
        what="Finds `qiskit_ibm_runtime.EstimatorV1`. (`qiskit_ibm_runtime.Estimator` is the V2 class "
        "since 0.28 and is reported only where it is used the V1 way.)",
        why="The V1 Runtime Estimator was removed in qiskit-ibm-runtime 0.28.",
        notes=_NOTES,
    ),
))
REGISTRY.match_names("QKM306", "qiskit_ibm_runtime.EstimatorV1",
                     "qiskit_ibm_runtime.estimator.EstimatorV1")

# V1 class of ``qiskit.primitives`` -> its V2 replacement in the same module.
V2_CLASSES = {
    "Sampler": "StatevectorSampler",
    "Estimator": "StatevectorEstimator",
    "BackendSampler": "BackendSamplerV2",
    "BackendEstimator": "BackendEstimatorV2",
}
_MODULE = "qiskit.primitives"


@REGISTRY.fixer("QKM301", "QKM302")
def _to_v2(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    """``from qiskit.primitives import Sampler`` -> ``StatevectorSampler as Sampler`` (the code
    keeps its names), ``primitives.Sampler`` -> ``primitives.StatevectorSampler``, and a
    positional backend -> ``backend=`` (keyword-only in the V2 backend primitives). Only where
    every construction fits the V2 signature (``_fits_v2``): the import renames them all."""
    module, _, old = name.rpartition(".")
    source = ctx.source
    if source is None or module != _MODULE or old not in V2_CLASSES:
        return None
    new = V2_CLASSES[old]
    if isinstance(node, ast.alias):
        statement = ctx.import_statement
        if not isinstance(statement, ast.ImportFrom) or statement.module != _MODULE or (
                statement.level) or ctx.module is None or not _uses_fit_v2(
                ctx.module, node.asname or node.name, old):
            return None
        return (alias_rename(source, node, old),)
    if isinstance(node, ast.Call) and not _fits_v2(node, old):
        return None
    edits = []
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Attribute):
        row, column = source.end(target)
        edits.append(Edit(row, column - len(old), row, column, new))
    if isinstance(node, ast.Call) and node.args:
        row, column = source.start(node.args[0])
        edits.append(Edit(row, column, row, column, "backend="))
    return tuple(edits) or None


def alias_rename(source: SourceText, alias: ast.alias, old: str) -> Edit:
    """``Sampler`` -> ``StatevectorSampler as Sampler`` in an import (the code keeps its
    names); an aliased import keeps its alias."""
    row, column = source.start(alias)
    new = V2_CLASSES[old]
    return Edit(row, column, row, column + len(old), new if alias.asname else f"{new} as {old}")


def v2_imports(source: SourceText, module: ast.Module, old: str) -> list[Edit] | None:
    """The renames of every ``from qiskit.primitives import <old>`` of the module (what the
    import fix makes), or None where one is not offered: a construction of the name does not
    fit the V2 class, a class derives from it, or a ``try`` surrounds the import."""
    edits = []
    for statement in nodes(module).of(ast.ImportFrom):
        if statement.module == _MODULE and not statement.level:
            for alias in statement.names:
                if alias.name == old:
                    if inside_try(module, statement) or not _uses_fit_v2(
                            module, alias.asname or alias.name, old):
                        return None
                    edits.append(alias_rename(source, alias, old))
    return edits


def _fits_v2(call: ast.Call, old: str) -> bool:
    """Whether a V1 construction means the same with the V2 class: ``StatevectorSampler()``
    takes none of the V1 arguments (``options=`` held run options, now ``default_shots``),
    and the V2 backend primitives take only the backend (by keyword) and V2 options."""
    if not old.startswith("Backend"):
        return not (call.args or call.keywords)
    if call.keywords:
        return not call.args and [k.arg for k in call.keywords] == ["backend"]
    return len(call.args) == 1 and not isinstance(call.args[0], ast.Starred)


def _uses_fit_v2(module: ast.Module, bound: str, old: str) -> bool:
    """Whether every construction of the imported name fits the V2 class and no class
    derives from it (a V1 subclass overrides V1 methods)."""
    found = nodes(module)
    return not any(isinstance(node.func, ast.Name) and node.func.id == bound
                   and not _fits_v2(node, old) for node in found.of(ast.Call)) and not any(
        isinstance(base, ast.Name) and base.id == bound
        for node in found.of(ast.ClassDef) for base in node.bases)
