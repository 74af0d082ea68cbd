"""Category 3, usage: V1 call shapes of ``run`` on primitives and the V1 result fields."""

from __future__ import annotations

import ast

from ..registry import GUIDES, REGISTRY, Context, Rule, RuleDoc
from .primitive_values import (PRIMITIVE_INSTANCES, V1_ESTIMATOR_RESULT, V1_SAMPLER_RESULT,
                               is_estimator)

V2_GUIDE = GUIDES + "v2-primitives"
CIRCUITS = frozenset({"qiskit.QuantumCircuit()", "qiskit.circuit.QuantumCircuit()"})
# Keywords that only the V1 ``run`` signatures had.
V1_KEYWORDS = frozenset({"circuits", "observables", "parameter_values"})

REGISTRY.add(Rule(
    code="QKM307",
    name="v1-primitive-call-shape",
    message="'{name}(...)' is called with the V1 signature (parallel lists)",
    fix_title="use {replacement}",
    replacement="a list of PUBs: run([(circuit, parameter_values)])",
    url=V2_GUIDE + "#input",
    new_names=(
        "qiskit.primitives.containers.SamplerPub",
        "qiskit.primitives.containers.EstimatorPub",
    ),
    doc=RuleDoc(
        what="Finds `run` on a value known to be a primitive, called the V1 way: more than one "
        "positional argument (`sampler.run(circuits, parameter_values)`, "
        "`estimator.run(circuits, observables)`), the V1 keywords `circuits=`, `observables=`, "
        "`parameter_values=`, or a bare circuit instead of a list of PUBs.",
        why="V2 primitives take one argument, a list of PUBs — tuples of a circuit with its "
        "observables and parameter values — and broadcast the arrays inside each PUB.",
        notes="A Sampler PUB is `(circuit, parameter_values, shots)`, an Estimator PUB is "
        "`(circuit, observables, parameter_values, precision)`; trailing items are optional.",
    ),
))


def _v1_shape(ctx: Context, call: ast.Call) -> bool:
    if len(call.args) > 1 or any(k.arg in V1_KEYWORDS for k in call.keywords):
        return True
    return bool(call.args) and ctx.qualify(call.args[0]) in CIRCUITS


@REGISTRY.on_method("run")
def _primitive_run(ctx: Context, call: ast.Call, receiver: str | None) -> None:
    if receiver in PRIMITIVE_INSTANCES and _v1_shape(ctx, call):
        assert isinstance(call.func, ast.Attribute)
        pub = "(circuit, observables, parameter_values)" if is_estimator(str(receiver)) else (
            "(circuit, parameter_values)")
        ctx.report(call, "QKM307", ast.unparse(call.func), f"a list of PUBs: run([{pub}])")


REGISTRY.add(Rule(
    code="QKM308",
    name="v1-primitive-result",
    message="'{name}' is a field of the V1 primitive results",
    fix_title="use {replacement}",
    replacement="result[i].data.<register>.get_counts() (Sampler) / result[i].data.evs (Estimator)",
    url=V2_GUIDE + "#output",
    new_names=("qiskit.primitives.PrimitiveResult", "qiskit.primitives.BitArray.get_counts"),
    doc=RuleDoc(
        what="Finds `.quasi_dists` anywhere in a module that imports Qiskit, and `.values` / "
        "`.metadata` on a result traced to a V1 primitive's job.",
        why="V2 primitives return a `PrimitiveResult` with one `PubResult` per PUB: the Sampler "
        "gives counts and bitstrings per classical register instead of quasi-distributions, "
        "the Estimator gives `data.evs` and `data.stds`.",
    ),
))

_RESULT_FIELDS = {
    "values": "result[i].data.evs",
    "metadata": "result[i].metadata",
}


@REGISTRY.on_attribute("quasi_dists")
def _quasi_dists(ctx: Context, node: ast.Attribute, owner: str | None) -> None:
    if ctx.imports_qiskit:
        ctx.report(node, "QKM308", "quasi_dists", "result[i].data.<register>.get_counts()")


@REGISTRY.on_attribute(*_RESULT_FIELDS)
def _v1_result_field(ctx: Context, node: ast.Attribute, owner: str | None) -> None:
    if owner == V1_ESTIMATOR_RESULT or (owner == V1_SAMPLER_RESULT and node.attr == "metadata"):
        ctx.report(node, "QKM308", node.attr, _RESULT_FIELDS[node.attr])
