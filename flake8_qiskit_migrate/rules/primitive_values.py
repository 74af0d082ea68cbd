"""What is a primitive, a V1 primitive result, or a Runtime ``Options`` object: the value paths
that rules about V1 *usage* look for."""

from __future__ import annotations

from ..registry import REGISTRY

RUNTIME = "qiskit_ibm_runtime"
# The Runtime classes a ``session=``/``backend=``/``mode=`` keyword is checked on.
RUNTIME_PRIMITIVES = tuple(f"{RUNTIME}.{name}" for name in (
    "Sampler", "Estimator", "SamplerV2", "EstimatorV2", "SamplerV1", "EstimatorV1"))
# Bare names that are V2 today but were V1 before qiskit-ibm-runtime 0.28.
AMBIGUOUS_RUNTIME = (f"{RUNTIME}.Sampler", f"{RUNTIME}.Estimator")

V1_PRIMITIVES = (
    "qiskit.primitives.Sampler", "qiskit.primitives.Estimator",
    "qiskit.primitives.BackendSampler", "qiskit.primitives.BackendEstimator",
    "qiskit_aer.primitives.Sampler", "qiskit_aer.primitives.Estimator",
    f"{RUNTIME}.SamplerV1", f"{RUNTIME}.EstimatorV1",
)
V2_PRIMITIVES = (
    "qiskit.primitives.StatevectorSampler", "qiskit.primitives.StatevectorEstimator",
    "qiskit.primitives.BackendSamplerV2", "qiskit.primitives.BackendEstimatorV2",
    "qiskit_aer.primitives.SamplerV2", "qiskit_aer.primitives.EstimatorV2",
    f"{RUNTIME}.SamplerV2", f"{RUNTIME}.EstimatorV2",
)
_BASE = "qiskit.primitives.base"
# The other import paths of the V1 names (Qiskit 0.2x to 1.4, Aer, Runtime 0.23-0.27), by the
# package-level name whose instances theirs are; V1 base classes count as the reference
# primitives (an annotation ``sampler: BaseSampler`` says V1 as much as ``Sampler`` does).
V1_PATHS = {
    "qiskit.primitives.Sampler": (
        "qiskit.primitives.sampler.Sampler", "qiskit.primitives.BaseSampler",
        "qiskit.primitives.BaseSamplerV1", f"{_BASE}.BaseSampler", f"{_BASE}.BaseSamplerV1",
        f"{_BASE}.base_sampler.BaseSampler", f"{_BASE}.base_sampler.BaseSamplerV1",
        "qiskit.primitives.base_sampler.BaseSampler"),
    "qiskit.primitives.Estimator": (
        "qiskit.primitives.estimator.Estimator", "qiskit.primitives.BaseEstimator",
        "qiskit.primitives.BaseEstimatorV1", f"{_BASE}.BaseEstimator",
        f"{_BASE}.BaseEstimatorV1", f"{_BASE}.base_estimator.BaseEstimator",
        f"{_BASE}.base_estimator.BaseEstimatorV1", "qiskit.primitives.base_estimator.BaseEstimator"),
    "qiskit.primitives.BackendSampler": ("qiskit.primitives.backend_sampler.BackendSampler",),
    "qiskit.primitives.BackendEstimator": (
        "qiskit.primitives.backend_estimator.BackendEstimator",),
    "qiskit_aer.primitives.Sampler": ("qiskit_aer.primitives.sampler.Sampler",),
    "qiskit_aer.primitives.Estimator": ("qiskit_aer.primitives.estimator.Estimator",),
    f"{RUNTIME}.SamplerV1": (f"{RUNTIME}.sampler.SamplerV1",),
    f"{RUNTIME}.EstimatorV1": (f"{RUNTIME}.estimator.EstimatorV1",),
}
for _canonical, _paths in V1_PATHS.items():
    REGISTRY.same_value(f"{_canonical}()", *[f"{path}()" for path in _paths])

# Instances of every primitive class, V1 or V2 (``run`` call shapes are checked on these).
PRIMITIVE_INSTANCES = frozenset(
    f"{cls}()" for cls in (*V1_PRIMITIVES, *V2_PRIMITIVES, *AMBIGUOUS_RUNTIME))

# The result of a V1 primitive's job, where ``.values`` and ``.metadata`` are V1 fields.
V1_SAMPLER_RESULT = "qiskit.primitives.SamplerResult()"
V1_ESTIMATOR_RESULT = "qiskit.primitives.EstimatorResult()"
for _cls in V1_PRIMITIVES:
    REGISTRY.same_value(
        V1_ESTIMATOR_RESULT if "Estimator" in _cls else V1_SAMPLER_RESULT,
        f"{_cls}().run().result()",
    )
# The result classes by their other import paths (annotations: ``result: EstimatorResult``).
REGISTRY.same_value(V1_SAMPLER_RESULT, *[f"{module}.SamplerResult()" for module in (
    _BASE, f"{_BASE}.sampler_result", f"{_BASE}.sampler_result_v1",
    "qiskit.primitives.sampler_result")])
REGISTRY.same_value(V1_ESTIMATOR_RESULT, *[f"{module}.EstimatorResult()" for module in (
    _BASE, f"{_BASE}.estimator_result", f"{_BASE}.estimator_result_v1",
    "qiskit.primitives.estimator_result")])

# A V1 ``qiskit_ibm_runtime.Options`` object (today the name is the V2 base class, but
# constructing it is V1 usage).
V1_OPTIONS = f"{RUNTIME}.Options()"
REGISTRY.same_value(V1_OPTIONS, f"{RUNTIME}.options.Options()")
# Where V1-only option fields may hang: a V1 Options object or a Runtime primitive's options.
OPTION_OWNERS = frozenset((V1_OPTIONS, *(f"{cls}().options" for cls in RUNTIME_PRIMITIVES)))


def is_estimator(path: str) -> bool:
    return "Estimator" in path
