"""Category 3: the V1 primitives (reference, backend, Aer and Runtime flavours)."""

from __future__ import annotations

from ..registry import GUIDES, REGISTRY, Autofix, Releases, Rule, RuleDoc
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
V1_REFERENCE_SAFETY = (
    "Unsafe: the module's V1 primitives migrate as one fix (QKM301, QKM302, QKM304 class, "
    "QKM307 call, QKM308 read): the import becomes the V2 class under the old name "
    "(`StatevectorSampler as Sampler`, `BackendSamplerV2 as BackendSampler`, Aer's "
    "`SamplerV2 as Sampler`; `primitives.Sampler()` becomes `primitives.StatevectorSampler()`), "
    "each `run` takes PUBs and each result read is the V2 one, whether the instance, the job "
    "and the result are used directly or kept in names and read later. Before: "
    "`job = estimator.run([qc], [op])`, `job.result().values[0]`; after: "
    "`job = estimator.run([(qc, op)])`, `job.result()[0].data.evs` (a 0-d array instead of a "
    "float); `.values` without an index becomes `numpy.array([pub.data.evs for pub in "
    "result])`. Before: `sampler.run(qc).result().quasi_dists[0]`; after: the normalised "
    "counts of the PUB as a dict of ints, `{k: n / bits.num_shots for bits in "
    "[....result()[0].join_data()] for k, n in bits.get_int_counts().items()}` "
    "(`.binary_probabilities()` after it: the bitstring counts), a plain dict, not a "
    "`QuasiDistribution`. Values change where the V1 class computed them differently: the "
    "reference Sampler without `shots=` gave exact probabilities, `StatevectorSampler` samples "
    "1024 shots; Aer's V1 Estimator sampled unless `approximation=True`, its `EstimatorV2` is "
    "exact; `BackendEstimatorV2` samples 4096 shots (precision 1/64) where V1 used the "
    "backend's default. Options with an exact V2 home move: `run(seed=...)` to the "
    "construction (`seed=`), Aer's `run_options={\"shots\": n, \"seed\": s}` to "
    "`SamplerV2(default_shots=n, seed=s)` and the reference Sampler's `options=` of the same "
    "two to `StatevectorSampler(default_shots=n, seed=s)`, the backend to `backend=` (keyword-only in V2); "
    "`shots=` stays on `run`. Offered only where every use of the classes, of each instance, "
    "job and result is one of these steps (a name read after a plain assignment, in "
    "straight-line code), every construction has such arguments only (the reference ones "
    "none, or the Sampler's `options=` of integer shots and seed; a backend primitive a proven `AerSimulator()`, whose "
    "circuits need no transpilation, which V1 did and V2 does not; Aer's Estimator "
    "`approximation=True` without shots), the circuits, observables and parameter values are "
    "lists of one length the module proves (list displays, inlined as PUBs; `[qc] * 3` with a "
    "constant count, or a name bound once to such a list and only indexed, counted, printed "
    "or looped over, paired as `list(zip(circuits, observables, parameter_values))`; parameter "
    "values one list display per circuit) or a single proven circuit and observable, a "
    "distribution is read only as a dict (`items()`, `[key]`, printed, plotted) or, kept in a "
    "name (or the name of `for dist in result.quasi_dists`, read only in the loop), also with "
    "`.binary_probabilities()` (the name then holds the PUB's `BitArray`, "
    "`result[0].join_data()`, and each read computes its dict from `get_int_counts()` / "
    "`get_counts()`), and not in a `try`: one "
    "step left V1 (an instance given to an algorithm, a result passed to a function, "
    "`.metadata`, `set_options`) leaves the whole module unfixed, the class rename included. "
    "Not for a target before Qiskit 1.2. A matrix observable (`Operator`) was converted by V1 "
    "and is not by a V2 PUB: review the observables.")
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
    fix=Autofix("unsafe", "Rewrite the V1 primitives (class, PUBs, result reads) as V2",
                V1_REFERENCE_SAFETY, group="v1-reference-primitives"),
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
    fix=Autofix("unsafe", "Rewrite the V1 primitives (class, PUBs, result reads) as V2",
                V1_REFERENCE_SAFETY, group="v1-reference-primitives"),
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
    fix=Autofix("unsafe", "Rewrite the V1 primitives (class, PUBs, result reads) as V2",
                V1_REFERENCE_SAFETY, group="v1-reference-primitives"),
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

RUNTIME_V1_SAFETY = (
    "Unsafe: `Sampler(session=session, options=options)` (or `Estimator`) of "
    "qiskit-ibm-runtime up to 0.27 (the bare name, V1 by its keywords) migrates with the "
    "module's other V1 primitives, as one fix: it becomes the V2 class of the targeted "
    "releases (`qiskit_ibm_runtime.executor_sampler.Sampler` / `executor_estimator.Estimator` "
    "from 0.50 and by default, `SamplerV2` / `EstimatorV2` before; none before 0.24, which "
    "lacks `mode=`) under the old name, `Sampler(mode=session, options="
    "{\"default_shots\": n})`; `options = Options(...)` and the statements setting its "
    "fields are removed, `execution.shots` becoming `default_shots` and the Estimator's "
    "`resilience_level` 0-2 the V2 option of that name (V1's 3, PEC, has no V2 level); V1 "
    "transpiled on the "
    "server, V2 takes ISA circuits, so `pass_manager = generate_preset_pass_manager("
    "optimization_level=n, backend=backend)` goes before the construction (the V1 "
    "`optimization_level`, else 1, where the V1 server's default was 1 or 3 by release) and "
    "every circuit of its runs is `pass_manager.run(circuit)`, an Estimator's observables "
    "laid out on it as V1 did on the server (`SparsePauliOp(o).apply_layout(isa.layout)`, "
    "so a matrix observable fails: review); the runs and result reads "
    "as for the other V1 primitives (quasi-distributions from the PUB's counts). V1 readout "
    "mitigation (`resilience_level` 1, the V1 Sampler's default) has no V2 Sampler "
    "counterpart: the V2 counts are unmitigated. Offered only where the session is a name "
    "bound once to `Session(backend=b)` of a proven IBM Quantum backend `b` (a name bound "
    "once), the options a name bound once to `Options(...)` read only by the construction "
    "and by statements before it setting `execution.shots`, `optimization_level` or "
    "`resilience_level` (the Sampler's only 0) to integers, and the module has one such "
    "construction.")

REGISTRY.add(Rule(
    code="QKM305",
    name="runtime-v1-sampler",
    message="'{name}' is the V1 Runtime Sampler, removed in qiskit-ibm-runtime 0.28",
    fix_title="use '{replacement}'",
    replacement="qiskit_ibm_runtime.SamplerV2",
    url=V2_GUIDE + "#steps-to-migrate-to-sampler-v2",
    fix=Autofix("unsafe", "Rewrite the V1 primitives (class, options, PUBs, result reads) as V2",
                RUNTIME_V1_SAFETY, group="v1-reference-primitives"),
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
    fix=Autofix("unsafe", "Rewrite the V1 primitives (class, options, PUBs, result reads) as V2",
                RUNTIME_V1_SAFETY, group="v1-reference-primitives"),
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
