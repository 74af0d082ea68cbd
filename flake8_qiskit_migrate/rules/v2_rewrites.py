"""The fix of a V1 reference primitive's whole chain (QKM307 call shape, QKM308 result read):
``Estimator().run([c], [o]).result().values[0]`` becomes
``StatevectorEstimator().run([(c, o)]).result()[0].data.evs``, the class renamed with it."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ..edits import Edit, Fix, SourceText, add_import, parents_of, per_module
from ..registry import REGISTRY, Context
from ..versions import status
from .primitive_calls import CIRCUITS
from .primitives import _to_v2, v2_imports

_REFERENCE = "qiskit.primitives."
ESTIMATOR, SAMPLER = f"{_REFERENCE}Estimator()", f"{_REFERENCE}Sampler()"
_FIELDS = {ESTIMATOR: "values", SAMPLER: "quasi_dists"}
# The observables a PUB takes as they are (``Operator`` and other matrices do not).
OBSERVABLES = frozenset({"qiskit.quantum_info.SparsePauliOp()", "qiskit.quantum_info.Pauli()"})
# A V1 quasi-distribution from the counts of a V2 Sampler PUB: its int keys, normalised.
_QUASI = "{{k: n / bits.num_shots for bits in [{pub}.join_data()] for k, n in bits.get_int_counts().items()}}"
_QUASI_ALL = "[{{k: n / pub.join_data().num_shots for k, n in pub.join_data().get_int_counts().items()}} for pub in {run}.result()]"
_BINARY = "{{b: n / bits.num_shots for bits in [{pub}.join_data()] for b, n in bits.get_counts().items()}}"


@dataclass(frozen=True)
class Chain:
    """``<receiver>.run(...).result().<field>``, with the expression that reads it."""

    run: ast.Call
    field: ast.Attribute  # ``.values`` / ``.quasi_dists``
    read: ast.expr  # the field, its ``[i]``, or ``[i].binary_probabilities()``
    index: int | None  # the ``[i]`` read, if any
    binary: bool  # ``.binary_probabilities()`` after ``[i]``


@REGISTRY.fixer("QKM307", "QKM308")
def _v1_chain_to_v2(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    """The whole chain of the finding as V2 (class, PUBs and result read), or None where a
    step is not proven: the receiver must be a reference primitive, the circuits (and
    observables, parameter values) list literals or a proven circuit, the result read in the
    same expression; the group (``Autofix.group``) drops every fix of the module if one of its
    findings has none."""
    if ctx.source is None or ctx.module is None or status(
            REGISTRY.rules["QKM301"].releases, ctx.settings.targets) is None:
        return None  # a target before Qiskit 1.2 may lack the V2 classes (1.0 added them)
    chain = _chain(parents_of(ctx.source, ctx.module), node)
    if chain is None:
        return None
    assert isinstance(chain.run.func, ast.Attribute)
    receiver = chain.run.func.value
    kind = ctx.qualify(receiver)
    if kind not in _FIELDS or not _reads(chain, kind):
        return None
    pubs = _pubs(ctx, chain.run, kind == ESTIMATOR)
    classes = _class_edits(ctx, receiver, kind)
    if pubs is None or classes is None:
        return None
    source = ctx.source
    run = f"{_text(source, receiver)}.run({pubs})"
    edits = [*classes]
    if kind == ESTIMATOR:
        if chain.index is not None:
            read = f"{run}.result()[{chain.index}].data.evs"
        else:
            numpy = _numpy(ctx.module)
            if numpy is None:
                numpy = "numpy"
                edits.append(add_import(source, ctx.module, "import numpy"))
            read = f"{numpy}.array([pub.data.evs for pub in {run}.result()])"
    else:
        template = _BINARY if chain.binary else _QUASI
        if chain.index is not None:
            read = template.format(pub=f"{run}.result()[{chain.index}]")
        else:
            read = _QUASI_ALL.format(run=run)
    edits.append(source.replace(chain.read, read))
    return tuple(sorted(edits))


def _chain(parents: dict[int, ast.AST], node: ast.AST) -> Chain | None:
    """The chain through ``node`` (the ``run`` call or the field read)."""

    def up(child: ast.AST) -> ast.AST | None:
        return parents.get(id(child))

    field: ast.AST | None = node if isinstance(node, ast.Attribute) else None
    if isinstance(node, ast.Call):
        result = up(node)
        call = up(result) if isinstance(result, ast.Attribute) and result.attr == "result" else None
        field = up(call) if isinstance(call, ast.Call) and not (call.args or call.keywords) else None
    if not isinstance(field, ast.Attribute):
        return None
    call = field.value
    if not (isinstance(call, ast.Call) and not (call.args or call.keywords)
            and isinstance(call.func, ast.Attribute) and call.func.attr == "result"
            and isinstance(call.func.value, ast.Call)):
        return None
    run = call.func.value
    if not (isinstance(run.func, ast.Attribute) and run.func.attr == "run"):
        return None
    read: ast.expr = field
    index = None
    binary = False
    subscript = up(field)
    if isinstance(subscript, ast.Subscript) and subscript.value is field:
        key = subscript.slice
        if not (isinstance(key, ast.Constant) and type(key.value) is int and key.value >= 0):
            return None
        read, index = subscript, key.value
        method = up(subscript)
        if isinstance(method, ast.Attribute):
            caller = up(method)
            if not (method.attr == "binary_probabilities" and isinstance(caller, ast.Call)
                    and caller.func is method and not (caller.args or caller.keywords)):
                return None  # another QuasiDistribution method: no V2 counterpart here
            read, binary = caller, True
    return Chain(run, field, read, index, binary)


def _reads(chain: Chain, kind: str) -> bool:
    return chain.field.attr == _FIELDS[kind] and (kind == SAMPLER or not chain.binary)


def _pubs(ctx: Context, run: ast.Call, estimator: bool) -> str | None:
    """The PUB list of a V1 ``run`` call, or None where its arguments are not proven lists of
    the same length (or a single circuit). Only ``shots=`` (the same V2 keyword) is kept."""
    shots = [k for k in run.keywords if k.arg == "shots" and not estimator]
    if len(shots) < len(run.keywords) or len(run.args) > (3 if estimator else 2) or not run.args:
        return None
    assert ctx.source is not None
    circuits = run.args[0]
    single = ctx.qualify(circuits) in CIRCUITS
    columns: list[list[ast.expr]] = []
    for position, argument in enumerate(run.args):
        if isinstance(argument, (ast.List, ast.Tuple)) and not any(
                isinstance(e, ast.Starred) for e in argument.elts):
            items = list(argument.elts)
            if position == (2 if estimator else 1) and not all(
                    isinstance(e, (ast.List, ast.Tuple)) for e in items):
                return None  # parameter values: one literal list per circuit
        elif single and position == 0:
            items = [argument]
        elif single and estimator and position == 1 and ctx.qualify(argument) in OBSERVABLES:
            items = [argument]
        else:
            return None
        columns.append(items)
    if len({len(c) for c in columns}) != 1 or not columns[0]:
        return None
    source = ctx.source
    pubs = [(f"({', '.join(_text(source, e) for e in row)})" if len(row) > 1
             else _text(source, row[0])) for row in zip(*columns)]
    return "[" + ", ".join(pubs) + "]" + "".join(f", {_text(source, k)}" for k in shots)


def _class_edits(ctx: Context, receiver: ast.expr, kind: str) -> list[Edit] | None:
    """The class rename the chain needs: the import fix (QKM301) of a name imported from
    ``qiskit.primitives``, or, for ``qiskit.primitives.Estimator().run(...)``, the
    construction's; None where it is not offered."""
    assert ctx.source is not None and ctx.module is not None
    old = kind[len(_REFERENCE):-2]
    construction = receiver if isinstance(receiver, ast.Call) else None
    if construction is not None and isinstance(construction.func, ast.Attribute):
        fix = _to_v2(ctx, construction, kind[:-2])
        return list(fix) if fix else None
    return _import_renames(ctx.source, ctx.module)[old] or None


@per_module
def _import_renames(source: SourceText, module: ast.Module) -> dict[str, list[Edit] | None]:
    return {old: v2_imports(source, module, old) for old in ("Sampler", "Estimator")}


def _numpy(module: ast.Module) -> str | None:
    """The name a top-level ``import numpy [as np]`` binds, if any."""
    for statement in module.body:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.name == "numpy":
                    return alias.asname or "numpy"
    return None


def _text(source: SourceText, node: ast.AST) -> str:
    return source.segment(source.start(node), source.end(node))
