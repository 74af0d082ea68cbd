"""Category 3, usage: a V2 primitive's result read the way V1 results (or ``backend.run``
results) were read: ``result.get_counts()``, ``result.values``, ``result.metadata[0]``.

This is the first error after a migration: the primitive is V2 (or QKM301/QKM302 made it V2),
the lines that read its result still expect the old shape. V1 results keep QKM308."""

from __future__ import annotations

import ast

from ..registry import GUIDES, REGISTRY, Context, Rule, RuleDoc
from .parents import parent
from .primitive_values import AMBIGUOUS_RUNTIME, V2_PRIMITIVES

# A V2 primitive's job result, one of its PUB results, and a PUB result's data.
V2_RESULT = "qiskit.primitives.PrimitiveResult()"
PUB_RESULT = "qiskit.primitives.PubResult()"
DATA_BIN = PUB_RESULT + ".data"
_CONTAINERS = ("qiskit.primitives", "qiskit.primitives.containers")
# The client-side primitives of qiskit-ibm-runtime 0.50+ return the same result.
CLIENT_SIDE = tuple(f"qiskit_ibm_runtime.{module}.{cls}" for module, names in (
    ("executor_sampler", ("Sampler", "SamplerV2")),
    ("executor_estimator", ("Estimator", "EstimatorV2"))) for cls in names)
REGISTRY.same_value(
    V2_RESULT,
    *[f"{cls}().run().result()" for cls in (*V2_PRIMITIVES, *AMBIGUOUS_RUNTIME, *CLIENT_SIDE)],
    "qiskit_ibm_runtime.RuntimeJobV2().result()",
    "qiskit.primitives.containers.PrimitiveResult()",
)
REGISTRY.same_value(
    PUB_RESULT, V2_RESULT + "[]",
    *[f"{module}.{cls}()" for module in _CONTAINERS for cls in ("SamplerPubResult", "PubResult")
      if f"{module}.{cls}()" != PUB_RESULT],
)
REGISTRY.same_value(DATA_BIN, *[f"{module}.DataBin()" for module in _CONTAINERS])

REGISTRY.add(Rule(
    code="QKM310",
    name="v2-result-read-the-v1-way",
    message="'{name}' reads a V2 primitive result the V1 way",
    fix_title="use {replacement}",
    replacement="result[i].data.<register>.get_counts()",
    url=GUIDES + "v2-primitives#output",
    new_names=("qiskit.primitives.PrimitiveResult", "qiskit.primitives.BitArray.get_counts",
               "qiskit.primitives.BitArray.get_bitstrings"),
    no_fix_reason="No fix: the counts live under the name of the circuit's classical register "
    "(`meas` for `measure_all()`, `c` for `QuantumCircuit(n, n)`), which the result's reader "
    "does not spell.",
    since="0.2.0",
    doc=RuleDoc(
        summary="V2 results read the V1 way: `result.get_counts()`",
        what="Finds, on a result traced to a V2 primitive's job (`StatevectorSampler`, "
        "`BackendSamplerV2`, Aer's and Runtime's `SamplerV2` / `EstimatorV2`, a `RuntimeJobV2`, "
        "a value annotated `PrimitiveResult`), on one of its PUB results (`result[0]`, "
        "`for pub in result`) or on a PUB result's `data`: `get_counts()` and `get_memory()`, "
        "`.values`, and `.metadata[i]` or `for m in result.metadata` on the whole result. After QKM301/QKM302 turned a V1 "
        "primitive into its V2 class, the V1 reads of its result are reported here.",
        why="A V2 primitive returns a `PrimitiveResult`: one `PubResult` per PUB, whose `data` "
        "holds one `BitArray` per classical register (Sampler) or `evs` and `stds` "
        "(Estimator). `PrimitiveResult`, `PubResult` and `DataBin` have no `get_counts`, "
        "`get_memory` or `values` field (`AttributeError`), and `PrimitiveResult.metadata` is "
        "one dictionary for the job, not a list per circuit (`KeyError` on `[0]`).",
        notes="`backend.run(...).result().get_counts()` is a V1 `Result` and stays valid where "
        "`backend.run` is (QKM103); `result[0].data.evs`, `result[0].data.meas.get_counts()`, "
        "`result[0].metadata` and `result.metadata[\"version\"]` are the V2 reads and are not "
        "reported. `.quasi_dists` is QKM308 wherever it is read.",
    ),
))

_BY_REGISTER = {
    "get_counts": "result[i].data.<register>.get_counts()",
    "get_memory": "result[i].data.<register>.get_bitstrings()",
}


def _shown(node: ast.expr) -> str:
    text = ast.unparse(node)
    return text if len(text) <= 40 else text[:37] + "..."


@REGISTRY.on_method(*_BY_REGISTER, values=(V2_RESULT, PUB_RESULT, DATA_BIN))
def _counts_of_the_result(ctx: Context, call: ast.Call, receiver: str | None) -> None:
    if receiver in (V2_RESULT, PUB_RESULT, DATA_BIN):
        assert isinstance(call.func, ast.Attribute)
        ctx.report(call, "QKM310", _shown(call.func) + "()", _BY_REGISTER[call.func.attr])


@REGISTRY.on_attribute("values", values=(V2_RESULT, PUB_RESULT))
def _expectation_values(ctx: Context, node: ast.Attribute, owner: str | None) -> None:
    if owner in (V2_RESULT, PUB_RESULT):
        ctx.report(node, "QKM310", _shown(node), "result[i].data.evs")


@REGISTRY.on_attribute("metadata", values=(V2_RESULT,))
def _metadata_per_circuit(ctx: Context, node: ast.Attribute, owner: str | None) -> None:
    """``result.metadata[0]``, ``for entry in result.metadata``: V1 metadata was a list, one
    entry per circuit; V2's is one dictionary (its keys are strings)."""
    if owner != V2_RESULT:
        return
    around = parent(ctx, node)
    if isinstance(around, ast.Subscript) and around.value is node and not (
            isinstance(around.slice, ast.Constant) and isinstance(around.slice.value, str)):
        ctx.report(around, "QKM310", _shown(around), "result[i].metadata")
    elif isinstance(around, (ast.For, ast.AsyncFor, ast.comprehension)) and around.iter is node:
        ctx.report(node, "QKM310", _shown(node), "[pub.metadata for pub in result]")
