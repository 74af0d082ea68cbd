"""The fix of a module's V1 reference primitives as one migration (QKM301 class, QKM307 call
shape, QKM308 result read): every construction of ``qiskit.primitives.Sampler`` /
``Estimator``, the ``run`` calls of each instance, their jobs and results, read directly or
through names, become V2 together, or nothing changes:
``estimator = Estimator(); job = estimator.run([c], [o]); job.result().values[0]`` becomes
``estimator = StatevectorEstimator(); job = estimator.run([(c, o)]); job.result()[0].data.evs``
(the class renamed through its import, as ``StatevectorEstimator as Estimator``)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from ..edits import (Edit, Fix, SourceText, add_import, binds, imports_name, inside_try,
                     parents_of, per_module)
from ..registry import REGISTRY, Context
from ..versions import status
from .bindings import reads_of
from .primitive_calls import CIRCUITS
from .primitives import V2_CLASSES, alias_rename

_MODULE = "qiskit.primitives"
ESTIMATOR, SAMPLER = f"{_MODULE}.Estimator()", f"{_MODULE}.Sampler()"
_KINDS = {"Estimator": ESTIMATOR, "Sampler": SAMPLER}
_FIELDS = {ESTIMATOR: "values", SAMPLER: "quasi_dists"}
# The V1 ``run`` parameters, by position.
_PARAMETERS = {ESTIMATOR: ("circuits", "observables", "parameter_values"),
               SAMPLER: ("circuits", "parameter_values")}
# The observables a PUB takes as they are (``Operator`` and other matrices do not).
OBSERVABLES = frozenset({"qiskit.quantum_info.SparsePauliOp()", "qiskit.quantum_info.Pauli()"})
# A V1 quasi-distribution from the counts of a V2 Sampler PUB, normalised: (before the result,
# after it); ``{i}``: the PUB's index.
_QUASI = ("{{k: n / bits.num_shots for bits in [", "[{i}].join_data()] for k, n in "
          "bits.get_int_counts().items()}}")
_BINARY = ("{{b: n / bits.num_shots for bits in [", "[{i}].join_data()] for b, n in "
           "bits.get_counts().items()}}")
_QUASI_ALL = ("[{{k: n / pub.join_data().num_shots for k, n in pub.join_data()."
              "get_int_counts().items()}} for pub in ", "]")
# Where a V1 distribution (a ``dict`` subclass) may go as a plain ``dict``: its items read, or
# given to a function that reads a mapping.
_DICT_READS = frozenset({"items", "keys", "values", "get"})
_DICT_FUNCTIONS = frozenset({"print", "sorted", "dict", "len", "max", "min", "str", "repr"})
_PLOTS = ("plot_histogram", "plot_distribution")
GROUP = "v1-reference-primitives"


class _Unproven(Exception):
    """A use of the old classes the fix does not prove it migrates."""


@per_module
def _runs(source: SourceText, module: ast.Module) -> dict[int, tuple[str, dict[int, str | None]]]:
    """Each ``run`` call on a V1 reference primitive the walk met (by the call's id): the
    receiver's value and the values of its arguments and their list items, where they were."""
    return {}


@REGISTRY.on_method("run", values=(ESTIMATOR, SAMPLER))
def _remember_run(ctx: Context, call: ast.Call, receiver: str | None) -> None:
    if receiver not in _FIELDS or ctx.source is None or ctx.module is None:
        return
    values = [*call.args, *(k.value for k in call.keywords)]
    values += [e for v in values if isinstance(v, (ast.List, ast.Tuple)) for e in v.elts]
    _runs(ctx.source, ctx.module)[id(call)] = (str(receiver), {
        id(v): ctx.qualify(v) for v in values})


@REGISTRY.group_fixer(GROUP)
def _migrate_module(ctx: Context, anchors: list[tuple[str, int, int]]) -> Fix | None:
    """The whole module's migration, or None where one use of the old classes (or one
    finding of the group) is not part of it."""
    if ctx.source is None or ctx.module is None or status(
            REGISTRY.rules["QKM301"].releases, ctx.settings.targets) is None:
        return None  # a target before Qiskit 1.2 may lack the V2 classes (1.0 added them)
    plan = _Plan(ctx.source, ctx.module, parents_of(ctx.source, ctx.module),
                 _runs(ctx.source, ctx.module))
    try:
        plan.build(anchors)
    except _Unproven:
        return None
    if not set(anchors) <= plan.anchors:
        return None  # a finding of the group that this migration does not cover
    edits = sorted(set(plan.edits))
    offsets = [(ctx.source.offset(e.row, e.column), ctx.source.offset(e.end_row, e.end_column))
               for e in edits]
    if any(end > start for (_, end), (start, _) in zip(offsets, offsets[1:])):
        return None
    return tuple(edits)


@dataclass
class _Plan:
    source: SourceText
    module: ast.Module
    parents: dict[int, ast.AST]
    runs: dict[int, tuple[str, dict[int, str | None]]]
    edits: list[Edit] = field(default_factory=list)
    anchors: set[tuple[str, int, int]] = field(default_factory=set)
    numpy: str = ""

    def build(self, anchors: list[tuple[str, int, int]]) -> None:
        wanted = {(line, col) for code, line, col in anchors if code == "QKM301"}
        for node in ast.walk(self.module):
            if isinstance(node, ast.ImportFrom) and node.module == _MODULE and not node.level:
                for alias in node.names:
                    if alias.name in _KINDS:
                        self._imported(node, alias)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
                    node.func.attr in _KINDS) and (node.lineno, node.col_offset) in wanted:
                # ``qiskit.primitives.Sampler()`` (the finding proves the path)
                row, column = self.source.end(node.func)
                old = node.func.attr
                self.edits.append(Edit(row, column - len(old), row, column, V2_CLASSES[old]))
                self._construction(node, _KINDS[old])

    def _imported(self, statement: ast.ImportFrom, alias: ast.alias) -> None:
        bound = alias.asname or alias.name
        if inside_try(self.module, statement) or _bindings(self.module, bound) != 1:
            raise _Unproven
        self.anchors.add(("QKM301", alias.lineno, alias.col_offset))
        self.edits.append(alias_rename(self.source, alias, alias.name))
        for use in ast.walk(self.module):
            if isinstance(use, ast.Name) and use.id == bound and isinstance(use.ctx, ast.Load):
                call = self.parents.get(id(use))
                if not (isinstance(call, ast.Call) and call.func is use):
                    raise _Unproven  # the class itself used: a base, an argument, a check
                self._construction(call, _KINDS[alias.name])

    def _construction(self, call: ast.Call, kind: str) -> None:
        """A construction and the ``run`` calls on its instance."""
        self.anchors.add(("QKM301", call.lineno, call.col_offset))
        if call.args or call.keywords or inside_try(self.module, call):
            raise _Unproven  # ``options=`` held run options: no V2 counterpart
        runs = [r for r in [self._called(call, "run")] if r is not None]
        if not runs:
            for instance in self._through_name(call):
                run = self._called(instance, "run")
                if run is None:
                    raise _Unproven  # the instance goes elsewhere: an algorithm, options
                runs.append(run)
        seeds = {self._run(run, kind) for run in runs}
        if len(seeds) > 1:
            raise _Unproven  # one seed per run in V1, one per primitive in V2
        seed = seeds.pop() if seeds else None
        if seed is not None:
            row, column = self.source.end(call)
            if not _text(self.source, call).endswith("()"):
                raise _Unproven
            self.edits.append(Edit(row, column - 1, row, column - 1, f"seed={seed}"))

    def _run(self, run: ast.Call, kind: str) -> str | None:
        """The PUBs of a ``run`` call, its job read; the seed it passes, if any."""
        self.anchors.add(("QKM307", run.lineno, run.col_offset))
        receiver, values = self.runs.get(id(run), ("", {}))
        if receiver != kind or inside_try(self.module, run):
            raise _Unproven
        seed = None
        kept = []
        arguments: dict[str, ast.expr] = {}
        names = _PARAMETERS[kind]
        if len(run.args) > len(names) or any(isinstance(a, ast.Starred) for a in run.args):
            raise _Unproven
        arguments.update(zip(names, run.args))
        for keyword in run.keywords:
            if keyword.arg in names and keyword.arg not in arguments:
                arguments[keyword.arg] = keyword.value
            elif keyword.arg == "shots" and kind == SAMPLER:
                kept.append(keyword)
            elif keyword.arg == "seed" and kind == SAMPLER and isinstance(
                    keyword.value, ast.Constant) and type(keyword.value.value) is int:
                seed = str(keyword.value.value)
            else:
                raise _Unproven  # another run option: no V2 home
        pubs = _pubs(self.source, [arguments.get(n) for n in names], values, kind)
        every = [self.source.start(n) for n in run.args + run.keywords]
        ends = [self.source.end(n) for n in run.args + run.keywords]
        self.edits.append(Edit(*min(every), *max(ends), ", ".join(
            [pubs, *(_text(self.source, k) for k in kept)])))
        results = [r for r in [self._called(run, "result")] if r is not None]
        if not results:
            for job in self._through_name(run):
                result = self._called(job, "result")
                if result is None:
                    raise _Unproven  # the job goes elsewhere
                results.append(result)
        for result in results:
            if result.args or result.keywords:
                raise _Unproven
            read = self._field(result)
            for base, attribute in ([(result, read)] if read else [
                    (name, self._field(name)) for name in self._through_name(result)]):
                if attribute is None:
                    raise _Unproven  # the result goes elsewhere: a function, another field
                self._read(base, attribute, kind)
        return seed

    def _read(self, base: ast.expr, attribute: ast.Attribute, kind: str) -> None:
        """``<result>.values`` / ``.quasi_dists``, with its ``[i]`` and
        ``.binary_probabilities()``, as the V2 read."""
        self.anchors.add(("QKM308", attribute.lineno, attribute.col_offset))
        if attribute.attr != _FIELDS[kind]:
            raise _Unproven  # ``metadata``: one dictionary per job in V2
        read: ast.expr = attribute
        index = None
        subscript = self.parents.get(id(attribute))
        if isinstance(subscript, ast.Subscript) and subscript.value is attribute:
            key = subscript.slice
            if not (isinstance(key, ast.Constant) and type(key.value) is int and key.value >= 0):
                raise _Unproven
            read, index = subscript, key.value
        binary = False
        method = self.parents.get(id(read))
        if kind == SAMPLER and index is not None and isinstance(method, ast.Attribute) and (
                method.attr == "binary_probabilities"):
            call = self.parents.get(id(method))
            if not (isinstance(call, ast.Call) and call.func is method and not (
                    call.args or call.keywords)):
                raise _Unproven
            read, binary = call, True
        if kind == ESTIMATOR:
            before, after = ("", "[{i}].data.evs") if index is not None else (
                f"{self._numpy()}.array([pub.data.evs for pub in ", "])")
        else:
            if not binary:
                self._plain(read, 2 if index is None else 1)
            before, after = _QUASI_ALL if index is None else _BINARY if binary else _QUASI
        start = self.source.start(base)
        if before:
            self.edits.append(Edit(*start, *start, before.format(i=index)))
        self.edits.append(Edit(*self.source.end(base), *self.source.end(read),
                               after.format(i=index)))

    def _plain(self, value: ast.expr, depth: int) -> None:
        """Where a V1 distribution (``depth`` 1) or a list of them (2) goes, a plain ``dict``
        (or a list of them) must do: no ``QuasiDistribution`` method is called on it."""
        around = self.parents.get(id(value))
        if isinstance(around, ast.Subscript) and around.value is value:
            if depth == 2:
                self._plain(around, 1)
        elif isinstance(around, ast.Attribute) and depth == 1 and around.attr in _DICT_READS:
            return
        elif isinstance(around, ast.Call) and value in around.args and isinstance(
                around.func, ast.Name) and self._reads_mappings(around.func.id, depth):
            return
        elif isinstance(around, ast.Assign) and around.value is value:
            names = reads_of(self.module, self.parents, around)
            if names is None:
                raise _Unproven
            for name in names:
                self._plain(name, depth)
        elif not isinstance(around, (ast.FormattedValue, ast.Expr)):
            raise _Unproven

    def _reads_mappings(self, function: str, depth: int) -> bool:
        if function in _PLOTS:
            return depth == 1 and any(imports_name(self.module, m, function) for m in (
                "qiskit.visualization", "qiskit.tools.visualization"))
        return function in (_DICT_FUNCTIONS if depth == 1 else {"print", "len"}) and not binds(
            self.module, function)

    def _numpy(self) -> str:
        if not self.numpy:
            self.numpy = _numpy(self.module) or ""
            if not self.numpy:
                self.numpy = "numpy"
                self.edits.append(add_import(self.source, self.module, "import numpy"))
        return self.numpy

    def _called(self, node: ast.expr, method: str) -> ast.Call | None:
        attribute = self.parents.get(id(node))
        if isinstance(attribute, ast.Attribute) and attribute.attr == method:
            call = self.parents.get(id(attribute))
            if isinstance(call, ast.Call) and call.func is attribute:
                return call
        return None

    def _field(self, node: ast.expr) -> ast.Attribute | None:
        attribute = self.parents.get(id(node))
        return attribute if isinstance(attribute, ast.Attribute) else None

    def _through_name(self, value: ast.expr) -> list[ast.Name]:
        """The reads of the name ``value`` is bound to (``job = sampler.run(...)``)."""
        statement = self.parents.get(id(value))
        if not (isinstance(statement, ast.Assign) and statement.value is value):
            raise _Unproven  # passed on, returned, stored in a container
        names = reads_of(self.module, self.parents, statement)
        if names is None:
            raise _Unproven
        return names


def _pubs(source: SourceText, arguments: list[ast.expr | None],
          values: dict[int, str | None], kind: str) -> str:
    """The PUB list of a V1 ``run`` call's arguments (circuits, observables, parameter
    values): list literals of one length, or a single proven circuit (and observable)."""
    circuits = arguments[0]
    if circuits is None or (kind == ESTIMATOR and arguments[1] is None):
        raise _Unproven
    single = values.get(id(circuits)) in CIRCUITS
    columns: list[list[ast.expr]] = []
    parameters = len(arguments) - 1
    for position, argument in enumerate(arguments):
        if argument is None:
            continue
        if isinstance(argument, (ast.List, ast.Tuple)) and not any(
                isinstance(e, ast.Starred) for e in argument.elts):
            items = list(argument.elts)
            if position == parameters and not all(
                    isinstance(e, (ast.List, ast.Tuple)) for e in items):
                if not single:
                    raise _Unproven  # parameter values: one literal list per circuit
                items = [argument]
        elif single and position == 0:
            items = [argument]
        elif single and position == 1 and kind == ESTIMATOR and values.get(
                id(argument)) in OBSERVABLES:
            items = [argument]
        else:
            raise _Unproven
        columns.append(items)
    if len({len(c) for c in columns}) != 1 or not columns[0]:
        raise _Unproven
    return "[" + ", ".join(f"({', '.join(_text(source, e) for e in row)})" if len(row) > 1
                           else _text(source, row[0]) for row in zip(*columns)) + "]"


def _bindings(module: ast.Module, name: str) -> int:
    """How many times the module binds ``name`` (assignments, definitions, imports, ...)."""
    count = 0
    for node in ast.walk(module):
        if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load):
            count += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            count += node.name == name
        elif isinstance(node, ast.alias):
            count += (node.asname or node.name) == name
        elif isinstance(node, ast.arg):
            count += node.arg == name
    return count


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
