"""Category 3, usage: V1 call shapes of ``run`` on primitives and the V1 result fields."""

from __future__ import annotations

import ast

from ..registry import GUIDES, REGISTRY, Autofix, Context, Rule, RuleDoc
from .primitives import V1_REFERENCE_SAFETY
from .primitive_values import (PRIMITIVE_INSTANCES, V1_ESTIMATOR_RESULT, V1_SAMPLER_RESULT,
                               is_estimator)
from .receivers import name_says

V2_GUIDE = GUIDES + "v2-primitives"
CIRCUITS = frozenset({"qiskit.QuantumCircuit()", "qiskit.circuit.QuantumCircuit()"})
# Keywords that only the V1 ``run`` signatures had.
V1_KEYWORDS = frozenset({"circuits", "observables", "parameter_values"})
# What both V1-call-shape rules recommend.
PUB_LIST = "a list of PUBs: run([(circuit, parameter_values)])"
PUB_CLASSES = ("qiskit.primitives.containers.SamplerPub",
               "qiskit.primitives.containers.EstimatorPub")


REGISTRY.add(Rule(
    code="QKM307",
    name="v1-primitive-call-shape",
    message="'{name}(...)' is called with the V1 signature (parallel lists)",
    fix_title="use {replacement}",
    replacement=PUB_LIST,
    url=V2_GUIDE + "#input",
    new_names=PUB_CLASSES,
    fix=Autofix("unsafe", "Rewrite the V1 reference primitive chain (class, PUBs, result read) as V2",
                V1_REFERENCE_SAFETY, group="v1-reference-primitives"),
    doc=RuleDoc(
        summary='`run(circuits, observables, ...)` on a primitive',
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


@REGISTRY.on_method("run", values=PRIMITIVE_INSTANCES)
def _primitive_run(ctx: Context, call: ast.Call, receiver: str | None) -> None:
    if receiver in PRIMITIVE_INSTANCES and _v1_shape(ctx, call):
        assert isinstance(call.func, ast.Attribute)
        pub = "(circuit, observables, parameter_values)" if is_estimator(str(receiver)) else (
            "(circuit, parameter_values)")
        ctx.report(call, "QKM307", ast.unparse(call.func), f"a list of PUBs: run([{pub}])")


REGISTRY.add(Rule(
    code="QKM309",
    name="v1-call-shape-by-name",
    message="'{name}(...)' is a V1 primitive call (by the receiver's name and the call's shape)",
    fix_title="use {replacement}",
    replacement=PUB_LIST,
    url=V2_GUIDE + "#input",
    new_names=PUB_CLASSES,
    since="0.2.0",
    heuristic=True,
    doc=RuleDoc(
        summary='V1 `run(...)` shapes on receivers named like a primitive (heuristic)',
        what="Finds `x.run(...)` called with a signature only the V1 primitives had — more than "
        "one positional argument, the keywords `circuits=`, `observables=` or "
        "`parameter_values=`, or a bare circuit — where the value of `x` is unknown (a "
        "function parameter, the result of a user function) but its name says sampler or "
        "estimator (`estimator`, `self._sampler`, `aer_estimator` ...), in a module that imports "
        "a Qiskit package. A receiver proven to be anything (a primitive: QKM307; a class of "
        "the module; a third-party object) is never reported here.",
        why="A V2 primitive's `run` takes one positional argument, the list of PUBs, and has no "
        "`circuits=`, `observables=` or `parameter_values=` keywords, so whatever the object "
        "is, this call is written against the V1 interface. This is a heuristic: "
        "`--extend-ignore QKM309` turns it off, and `--qkm-primitive-names` (command line: "
        "`--primitive-names`) sets the names, matched against the snake_case words of the "
        "receiver's name.",
        notes="A Sampler PUB is `(circuit, parameter_values, shots)`, an Estimator PUB is "
        "`(circuit, observables, parameter_values, precision)`; trailing items are optional. "
        "The result is then followed like a V1 primitive's: `.result().values` is QKM308, "
        "which goes with the call: ignoring QKM309 silences it too.",
    ),
))

# The job of a call found by name: its ``.result()`` is a V1 result only as far as QKM309 holds,
# so these paths are not registered values (the prescan needs none: QKM309 comes first).
_BY_NAME_JOBS = {True: "<QKM309>.Estimator().run()", False: "<QKM309>.Sampler().run()"}
BY_NAME_RESULTS = {f"{job}.result()": estimator for estimator, job in _BY_NAME_JOBS.items()}


@REGISTRY.on_method("run", by_name="primitive_names")
def _v1_run_by_name(ctx: Context, call: ast.Call, receiver: str | None) -> None:
    func = call.func
    assert isinstance(func, ast.Attribute)
    if (receiver is not None or not ctx.imports_qiskit
            or not name_says(func.value, ctx.settings.primitive_names)
            or not _v1_shape(ctx, call)):
        return
    estimator = "estimator" in ast.unparse(func.value).lower() or any(
        k.arg == "observables" for k in call.keywords)
    pub = "(circuit, observables, parameter_values)" if estimator else "(circuit, parameter_values)"
    ctx.report(call, "QKM309", ast.unparse(func), f"a list of PUBs: run([{pub}])")
    ctx.assume(call, _BY_NAME_JOBS[estimator])  # its job's result is a V1 result (QKM308)


REGISTRY.add(Rule(
    code="QKM308",
    name="v1-primitive-result",
    message="'{name}' is a field of the V1 primitive results",
    fix_title="use {replacement}",
    replacement="result[i].data.<register>.get_counts() (Sampler) / result[i].data.evs (Estimator)",
    url=V2_GUIDE + "#output",
    fix=Autofix("unsafe", "Rewrite the V1 reference primitive chain (class, PUBs, result read) as V2",
                V1_REFERENCE_SAFETY, group="v1-reference-primitives"),
    new_names=("qiskit.primitives.PrimitiveResult", "qiskit.primitives.BitArray.get_counts"),
    doc=RuleDoc(
        summary='V1 results: `quasi_dists`, `.values`, `.metadata`',
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


@REGISTRY.on_attribute(*_RESULT_FIELDS, values=(V1_ESTIMATOR_RESULT, V1_SAMPLER_RESULT))
def _v1_result_field(ctx: Context, node: ast.Attribute, owner: str | None) -> None:
    if owner == V1_ESTIMATOR_RESULT or (owner == V1_SAMPLER_RESULT and node.attr == "metadata"):
        ctx.report(node, "QKM308", node.attr, _RESULT_FIELDS[node.attr])
    elif owner in BY_NAME_RESULTS and (BY_NAME_RESULTS[owner] or node.attr == "metadata"):
        ctx.report(node, "QKM308", node.attr, _RESULT_FIELDS[node.attr], gated_by="QKM309")
