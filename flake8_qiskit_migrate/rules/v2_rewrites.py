"""The fix of a module's V1 primitives as one migration (QKM301, QKM302, QKM304 class, QKM307
call shape, QKM308 result read): every construction of ``qiskit.primitives.Sampler`` /
``Estimator`` (and of the backend and Aer ones), the ``run`` calls of each instance, their jobs and results, read directly or
through names, become V2 together, or nothing changes:
``estimator = Estimator(); job = estimator.run([c], [o]); job.result().values[0]`` becomes
``estimator = StatevectorEstimator(); job = estimator.run([(c, o)]); job.result()[0].data.evs``
(the class renamed through its import, as ``StatevectorEstimator as Estimator``)."""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass, field
from typing import Callable

from ..edits import (Edit, Fix, SourceText, add_import, bindings, binds, imports_name,
                     inside_try, parents_of, per_module, statement_removal)
from ..registry import REGISTRY, Context
from ..versions import status
from .bindings import reads_of
from .flow import reaching, uses
from .backends import AER_BACKEND
from .primitive_calls import CIRCUITS
from .runtime_v1_setup import SESSION, runtime_class, runtime_setup


@dataclass(frozen=True)
class Kind:
    """A V1 primitive class the fix migrates, and its V2 class in the same module."""

    module: str
    old: str
    new: str
    code: str  # the rule that reports the class
    v1: str = ""  # the instances' value, where the name is V1 only by its use (Runtime)

    @property
    def imported(self) -> str:
        return f"{self.module}.{self.old}()"

    @property
    def path(self) -> str:
        return self.v1 or self.imported

    @property
    def runtime(self) -> bool:
        return bool(self.v1)

    @property
    def estimator(self) -> bool:
        return self.old.endswith("Estimator")


KINDS = (
    Kind("qiskit.primitives", "Sampler", "StatevectorSampler", "QKM301"),
    Kind("qiskit.primitives", "Estimator", "StatevectorEstimator", "QKM301"),
    Kind("qiskit.primitives", "BackendSampler", "BackendSamplerV2", "QKM302"),
    Kind("qiskit.primitives", "BackendEstimator", "BackendEstimatorV2", "QKM302"),
    Kind("qiskit_aer.primitives", "Sampler", "SamplerV2", "QKM304"),
    Kind("qiskit_aer.primitives", "Estimator", "EstimatorV2", "QKM304"),
    # ``Sampler(session=..., options=Options())``: V1 by its keywords (``runtime_keywords``);
    # the V2 class is the targeted releases' (``sampler_class``).
    Kind("qiskit_ibm_runtime", "Sampler", "SamplerV2", "QKM305", v1="qiskit_ibm_runtime.SamplerV1()"),
    Kind("qiskit_ibm_runtime", "Estimator", "EstimatorV2", "QKM306",
         v1="qiskit_ibm_runtime.EstimatorV1()"),
)
_BY_PATH = {kind.path: kind for kind in KINDS}
_BY_IMPORT = {kind.imported: kind for kind in KINDS}
_CLASS_CODES = frozenset(kind.code for kind in KINDS)
# The V1 ``run`` parameters, by position.
_PARAMETERS = {True: ("circuits", "observables", "parameter_values"),
               False: ("circuits", "parameter_values")}
# Backends the V2 backend primitives run the V1 primitives' circuits on untranspiled (V1
# transpiled them): Aer's simulator takes every standard gate on any qubits.
_LOCAL_BACKENDS = frozenset({AER_BACKEND})
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
def _facts(source: SourceText, module: ast.Module) -> dict[int, tuple[str, dict[int, str | None]]]:
    """What the walk proved at each ``run`` call on a V1 primitive and each construction of a
    V1 backend primitive (by the call's id): the receiver's (or class's) path and the values
    of the arguments and of their list items, where they were."""
    return {}


@REGISTRY.on_call(*(k.path[:-2] for k in KINDS if k.code == "QKM302"), "qiskit_ibm_runtime.Sampler",
                  "qiskit_ibm_runtime.Estimator", SESSION)
def _remember(ctx: Context, call: ast.Call, path: str | None) -> None:
    if path is None or ctx.source is None or ctx.module is None:
        return
    values = [*call.args, *(k.value for k in call.keywords)]
    values += [e for v in values if isinstance(v, (ast.List, ast.Tuple)) for e in v.elts]
    _facts(ctx.source, ctx.module)[id(call)] = (path, {id(v): ctx.qualify(v) for v in values})


# The receivers of the ``run`` calls remembered: the V1 instances, and a Runtime class's
# construction run at once (``Sampler(session=s).run(...)``: its value is the bare name's,
# the construction proves it V1).
_RECEIVERS = frozenset({*_BY_PATH, *(k.imported for k in KINDS if k.runtime)})


@REGISTRY.on_method("run", values=tuple(_RECEIVERS))
def _remember_run(ctx: Context, call: ast.Call, receiver: str | None) -> None:
    if receiver in _RECEIVERS:
        _remember(ctx, call, receiver)


@REGISTRY.group_fixer(GROUP)
def _migrate_module(ctx: Context, anchors: list[tuple[str, int, int]]) -> Fix | None:
    """The whole module's migration, or None where one use of the old classes (or one
    finding of the group) is not part of it."""
    if ctx.source is None or ctx.module is None or status(
            REGISTRY.rules["QKM301"].releases, ctx.settings.targets) is None:
        return None  # a target before Qiskit 1.2 may lack the V2 classes (1.0 added them)
    plan = _Plan(ctx.source, ctx.module, parents_of(ctx.source, ctx.module),
                 _facts(ctx.source, ctx.module), ctx.settings.targets)
    try:
        plan.build(anchors)
    except _Unproven:
        return None
    if not set(anchors) <= plan.anchors:
        return None  # a finding of the group that this migration does not cover
    edits = sorted(set(plan.edits))
    offsets = [(ctx.source.offset(e.row, e.column), ctx.source.offset(e.end_row, e.end_column))
               for e in edits]
    if any(end > start for (_, end), (start, _) in zip(offsets, offsets[1:])) or any(
            _comments(ctx.source.text[start:end]) for start, end in offsets):
        return None  # a comment inside a rewritten span would be lost
    return tuple(edits)


def _comments(text: str) -> bool:
    """Whether a span of code (an expression's part) holds a comment."""
    if "#" not in text:
        return False
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(f"({text}\n)").readline))
    except (tokenize.TokenError, SyntaxError):
        return True
    return any(token.type == tokenize.COMMENT for token in tokens)


@dataclass
class _Plan:
    source: SourceText
    module: ast.Module
    parents: dict[int, ast.AST]
    facts: dict[int, tuple[str, dict[int, str | None]]]
    targets: tuple[tuple[str, str], ...]
    edits: list[Edit] = field(default_factory=list)
    anchors: set[tuple[str, int, int]] = field(default_factory=set)
    numpy: str = ""
    runtime: bool = False  # a Runtime construction migrated (its pass manager named)
    # The names of import statements (by id) the migration renames (alias -> new text) or
    # takes out (-> None).
    imports: dict[int, tuple[ast.ImportFrom, dict[int, str | None]]] = field(
        default_factory=dict)
    # Imports to add: (module, name, the name bound).
    added: list[tuple[str, str, str]] = field(default_factory=list)

    def build(self, anchors: list[tuple[str, int, int]]) -> None:
        wanted = {(line, col) for code, line, col in anchors if code in _CLASS_CODES}
        codes = {code for code, _, _ in anchors}
        for node in ast.walk(self.module):
            if isinstance(node, ast.ImportFrom) and not node.level:
                for alias in node.names:
                    kind = _BY_IMPORT.get(f"{node.module}.{alias.name}()")
                    if kind is not None and (not kind.runtime or kind.code in codes):
                        # the bare Runtime names are V2 but where constructed the V1 way
                        self._imported(node, alias, kind)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
                    node.lineno, node.col_offset) in wanted:
                # ``qiskit.primitives.Sampler()``: the finding proves the path
                codes = {c for c, line, col in anchors
                         if (line, col) == (node.lineno, node.col_offset)}
                kinds = [k for k in KINDS if k.old == node.func.attr and k.code in codes]
                if not kinds:
                    continue  # another call at the same place: ``Sampler().run(...)``
                if kinds[0].runtime:
                    raise _Unproven  # ``qiskit_ibm_runtime.Sampler``: the class by target
                row, column = self.source.end(node.func)
                self.edits.append(Edit(row, column - len(kinds[0].old), row, column,
                                       kinds[0].new))
                self._construction(node, kinds[0])
        drops = self._drops()
        self.edits += drops
        freed = {a.asname or a.name for statement, names in self.imports.values()
                 for a in statement.names if id(a) in names and names[id(a)] is None}
        for origin, name, bound in dict.fromkeys(self.added):
            if bound == name and imports_name(self.module, origin, name):
                continue
            if binds(self.module, bound) and bound not in freed:
                raise _Unproven  # the name holds something else
            line = f"from {origin} import {name}" + (f" as {bound}" if bound != name else "")
            self.edits.append(add_import(self.source, self.module, line, tuple(drops)))

    def _imported(self, statement: ast.ImportFrom, alias: ast.alias, kind: Kind) -> None:
        bound = alias.asname or alias.name
        # The same import repeated (a notebook's cells) binds the same class each time.
        same = [a for node in ast.walk(self.module) if isinstance(node, ast.ImportFrom) and (
            node.module, node.level) == (statement.module, 0) for a in node.names
                if (a.name, a.asname) == (alias.name, alias.asname)]
        if inside_try(self.module, statement) or bindings(self.module, bound) != len(
                same) or status(REGISTRY.rules[kind.code].releases, self.targets) is None:
            raise _Unproven
        self.anchors.add((kind.code, alias.lineno, alias.col_offset))
        self._rename(statement, alias, kind)
        if alias is not same[0]:
            return  # its uses are the first import's
        for use in ast.walk(self.module):
            if isinstance(use, ast.Name) and use.id == bound and isinstance(use.ctx, ast.Load):
                call = self.parents.get(id(use))
                if not (isinstance(call, ast.Call) and call.func is use):
                    raise _Unproven  # the class itself used: a base, an argument, a check
                self._construction(call, kind)

    def _rename(self, statement: ast.ImportFrom, alias: ast.alias, kind: Kind) -> None:
        """The import of the V2 class under the old name: ``StatevectorSampler as Sampler``;
        for the Runtime, the class of the targeted releases (another module's from 0.50)."""
        new = (kind.module, kind.new)
        if kind.runtime:
            found = runtime_class(self.targets, kind.estimator)
            if found is None:
                raise _Unproven  # a release before 0.24: no ``mode=``
            new = found
        if new[0] == kind.module:
            self._import(statement, alias, f"{new[1]} as {alias.asname or alias.name}")
        else:
            self._import(statement, alias, None)
            self.added.append((*new, alias.asname or alias.name))

    def _import(self, statement: ast.ImportFrom, alias: ast.alias, text: str | None) -> None:
        self.imports.setdefault(id(statement), (statement, {}))[1][id(alias)] = text

    def _drops(self) -> list[Edit]:
        """The import statements' edits: each name renamed in place (``Sampler`` ->
        ``StatevectorSampler as Sampler``); where names go, the statement's names rewritten
        (the statement goes with its last name)."""
        edits: list[Edit] = []
        for statement, names in self.imports.values():
            kept = [names.get(id(a), _text(self.source, a)) for a in statement.names]
            if None not in kept:
                for alias in statement.names:
                    if id(alias) in names:
                        row, column = self.source.start(alias)
                        edits.append(Edit(row, column, *self.source.end(alias),
                                          str(names[id(alias)])))
            elif not any(kept):
                removal = statement_removal(self.source, statement)
                if removal is None:
                    raise _Unproven
                edits.extend(removal)
            else:
                edits.append(Edit(*self.source.start(statement.names[0]),
                                  *self.source.end(statement.names[-1]),
                                  ", ".join(t for t in kept if t is not None)))
        return edits

    def _construction(self, call: ast.Call, kind: Kind) -> None:
        """A construction and the ``run`` calls on its instance."""
        self.anchors.add((kind.code, call.lineno, call.col_offset))
        if inside_try(self.module, call) or status(
                REGISTRY.rules[kind.code].releases, self.targets) is None:
            raise _Unproven  # a target before the deprecation may lack the V2 class
        pass_manager = None
        if kind.runtime:
            setup = runtime_setup(self.source, self.module, self.parents, self.facts, call,
                                  kind.estimator)
            if setup is None or self.runtime:
                raise _Unproven  # unproven; or a second one (one pass manager per module)
            self.runtime = True
            keywords, pass_manager = {}, setup.pass_manager
            self.edits.extend(setup.edits)
            for statement, alias in setup.unused:
                self._import(statement, alias, None)
            self.added.extend((origin, name, name) for origin, name in setup.imports)
        else:
            keywords = self._v2_arguments(call, kind)
        runs = [r for r in [self._called(call, "run")] if r is not None]
        if not runs:
            for instance in self._through_name(call):
                run = self._called(instance, "run")
                if run is None:
                    raise _Unproven  # the instance goes elsewhere: an algorithm, options
                runs.append(run)
        seeds = {self._run(run, kind, pass_manager) for run in runs}
        if len(seeds) > 1:
            raise _Unproven  # one seed per run in V1, one per primitive in V2
        seed = seeds.pop() if seeds else None
        if seed is not None:
            if "seed" in keywords:
                raise _Unproven
            keywords["seed"] = seed
        text = "(" + ", ".join(f"{k}={v}" for k, v in keywords.items()) + ")"
        if not kind.runtime and (text != _text(self.source, call)[-len(text):] or call.args
                                 or call.keywords):
            self.edits.append(Edit(*self.source.end(call.func), *self.source.end(call), text))

    def _v2_arguments(self, call: ast.Call, kind: Kind) -> dict[str, str]:
        """The V2 construction's keywords (name -> text) for the V1 construction's arguments
        that have an exact V2 home."""
        if kind.code == "QKM302":  # the backend alone, a local simulator
            backend = [*call.args, *(k.value for k in call.keywords if k.arg == "backend")]
            _, values = self.facts.get(id(call), ("", {}))
            if len(backend) != 1 or len(call.args) + len(call.keywords) != 1 or isinstance(
                    backend[0], ast.Starred) or values.get(id(backend[0])) not in _LOCAL_BACKENDS:
                raise _Unproven  # V1 options, a device whose circuits V1 transpiled
            return {"backend": _text(self.source, backend[0])}
        if call.args:
            raise _Unproven
        given = {k.arg: k.value for k in call.keywords}
        if kind.code == "QKM301" or None in given:
            # The reference Sampler's ``options`` shots and seed are the V2 Sampler's
            # ``default_shots`` and ``seed``; the Estimator's shots have no exact home.
            options = _literal_dict(given.pop("options", None)) if (
                kind.code == "QKM301" and not kind.estimator and None not in given) else {}
            if given or not _shots_and_seed(options):
                raise _Unproven  # other run options
            return _v2_keywords(options)
        # Aer: ``run_options`` shots and seed are the V2 Sampler's ``default_shots`` and
        # ``seed`` (``seed_simulator``); the V2 Estimator computes exact values, as V1 did
        # with ``approximation=True`` and no shots (the seed is then unused).
        run = _literal_dict(given.pop("run_options", None))
        if kind.estimator:
            exact = given.pop("approximation", None)
            if not (isinstance(exact, ast.Constant) and exact.value is True) or given or set(
                    run) - {"shots", "seed"} or not _is_none(run.get("shots", None)):
                raise _Unproven  # sampled expectation values: no exact V2 counterpart
            return {}
        if given or not _shots_and_seed(run):
            raise _Unproven  # ``shots=None`` (exact), backend or transpile options
        return _v2_keywords(run)

    def _run(self, run: ast.Call, kind: Kind, pass_manager: str | None) -> str | None:
        """The PUBs of a ``run`` call, its job read; the seed it passes, if any."""
        self.anchors.add(("QKM307", run.lineno, run.col_offset))
        receiver, values = self.facts.get(id(run), ("", {}))
        if receiver not in (kind.path, kind.imported) or inside_try(self.module, run):
            raise _Unproven
        seed = None
        kept = []
        arguments: dict[str, ast.expr] = {}
        names = _PARAMETERS[kind.estimator]
        if len(run.args) > len(names) or any(isinstance(a, ast.Starred) for a in run.args):
            raise _Unproven
        arguments.update(zip(names, run.args))
        for keyword in run.keywords:
            if keyword.arg in names and keyword.arg not in arguments:
                arguments[keyword.arg] = keyword.value
            elif keyword.arg == "shots" and not kind.estimator:
                kept.append(keyword)
            elif keyword.arg == "seed" and not kind.estimator and kind.code in {
                    "QKM301", "QKM304"} and (
                    isinstance(keyword.value, ast.Constant) and type(keyword.value.value) is int):
                seed = str(keyword.value.value)
            else:
                raise _Unproven  # another run option: no V2 home
        pubs = _pubs(self.source, [arguments.get(n) for n in names], values, kind.estimator,
                     self._length, pass_manager)
        if pass_manager and kind.estimator:
            # V1 mapped each observable to the qubits its transpiled circuit uses; V2 takes
            # the observables of the ISA circuit (``SparsePauliOp`` takes a V1 label too).
            pubs = (f"[(isa, SparsePauliOp(o).apply_layout(isa.layout), *rest) "
                    f"for isa, o, *rest in {pubs}]")
            self.added.append(("qiskit.quantum_info", "SparsePauliOp", "SparsePauliOp"))
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
                self._read(base, attribute, kind.estimator)
        return seed

    def _read(self, base: ast.expr, attribute: ast.Attribute, estimator: bool) -> None:
        """``<result>.values`` / ``.quasi_dists``, with its ``[i]`` and
        ``.binary_probabilities()``, as the V2 read."""
        self.anchors.add(("QKM308", attribute.lineno, attribute.col_offset))
        if attribute.attr != ("values" if estimator else "quasi_dists"):
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
        if not estimator and index is not None and isinstance(method, ast.Attribute) and (
                method.attr == "binary_probabilities"):
            call = self.parents.get(id(method))
            if not (isinstance(call, ast.Call) and call.func is method and not (
                    call.args or call.keywords)):
                raise _Unproven
            read, binary = call, True
        if estimator:
            before, after = ("", "[{i}].data.evs") if index is not None else (
                f"{self._numpy()}.array([pub.data.evs for pub in ", "])")
        else:
            kept = self._kept(read) if index is not None and not binary else self._looped(
                read) if index is None else None
            if kept is not None:
                # The name holds the PUB's bits; each read computes what it read from them.
                if index is None:  # ``for dist in result.quasi_dists``: each PUB's bits
                    self.edits.append(Edit(*self.source.start(base), *self.source.start(base),
                                           "[pub.join_data() for pub in "))
                self.edits.append(Edit(*self.source.end(base), *self.source.end(read),
                                       "]" if index is None else f"[{index}].join_data()"))
                for name in kept:
                    self._bits_read(name)
                return
            if not binary:
                self._plain(read, 2 if index is None else 1)
            before, after = _QUASI_ALL if index is None else _BINARY if binary else _QUASI
            if isinstance(self.parents.get(id(read)), ast.FormattedValue):
                before, after = f"({before}", f"{after})"  # ``{{`` opens no f-string field
        start = self.source.start(base)
        if before:
            self.edits.append(Edit(*start, *start, before.format(i=index)))
        self.edits.append(Edit(*self.source.end(base), *self.source.end(read),
                               after.format(i=index)))

    def _kept(self, read: ast.expr) -> list[ast.Name] | None:
        """The reads of a name bound to one V1 distribution, where one of them is a
        ``QuasiDistribution`` method a plain ``dict`` lacks (``binary_probabilities()``)."""
        statement = self.parents.get(id(read))
        if not (isinstance(statement, ast.Assign) and statement.value is read):
            return None
        names = reads_of(self.module, self.parents, statement)
        if names is None or not any(self._binary(name) for name in names):
            return None
        return names

    def _looped(self, read: ast.expr) -> list[ast.Name] | None:
        """The reads of the name a ``for`` loop binds to each V1 distribution, where the loop
        binds it alone, only its body reads it, and one read is ``binary_probabilities()``."""
        loop = self.parents.get(id(read))
        if not (isinstance(loop, ast.For) and loop.iter is read and isinstance(
                loop.target, ast.Name)) or bindings(self.module, loop.target.id) != 1:
            return None
        name = loop.target.id
        inside = [n for statement in loop.body for n in ast.walk(statement)
                  if isinstance(n, ast.Name) and n.id == name]
        everywhere = [n for n in ast.walk(self.module) if isinstance(n, ast.Name) and n.id == name
                      and isinstance(n.ctx, ast.Load)]
        if len(inside) != len(everywhere) or not any(self._binary(n) for n in inside):
            return None
        return inside

    def _binary(self, name: ast.Name) -> ast.Call | None:
        """``name.binary_probabilities()``, the call, if that is how ``name`` is read."""
        method = self.parents.get(id(name))
        call = self.parents.get(id(method))
        if isinstance(method, ast.Attribute) and method.attr == "binary_probabilities" and (
                isinstance(call, ast.Call) and call.func is method):
            if call.args or call.keywords:
                raise _Unproven  # another width: the V2 bitstrings have the register's
            return call
        return None

    def _bits_read(self, name: ast.Name) -> None:
        """A read of a name that now holds a PUB's ``BitArray``, as the V2 read of the same
        values: ``binary_probabilities()`` from the bitstring counts, any other read (a plain
        ``dict`` read, as ``_plain`` proves) from the integer counts."""
        call = self._binary(name)
        if call is not None:
            text = (f"{{b: n / {name.id}.num_shots for b, n in "
                    f"{name.id}.get_counts().items()}}")
            self.edits.append(Edit(*self.source.start(call), *self.source.end(call), text))
            return
        self._plain(name, 1)
        text = f"{{k: n / {name.id}.num_shots for k, n in {name.id}.get_int_counts().items()}}"
        if isinstance(self.parents.get(id(name)), ast.FormattedValue):
            text = f"({text})"  # ``{{`` would open no expression in an f-string
        self.edits.append(Edit(*self.source.start(name), *self.source.end(name), text))

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

    def _length(self, node: ast.expr, parameters: bool) -> int | None:
        """The length of a V1 ``run`` argument that is a list the module proves: a display,
        ``[x] * n`` with a constant ``n``, or a name bound to one of these and only read (by
        index, ``len``, ``print``, a loop, V1 ``run`` calls) until the run; parameter values
        must be one list display per circuit. None where unproven, or where ``list`` or
        ``zip`` (the PUBs' pairing) is rebound."""
        if binds(self.module, "list") or binds(self.module, "zip"):
            return None
        if isinstance(node, ast.Name):
            assign = reaching(self.parents, node)
            reads = None if assign is None else uses(self.parents, assign)
            if assign is None or reads is None or not all(map(self._only_read, reads)):
                return None  # rebound, or handed to code that may change the list
            node = assign.value
        times = 1
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
            count = node.right if isinstance(node.left, (ast.List, ast.Tuple)) else node.left
            if not (isinstance(count, ast.Constant) and type(count.value) is int):
                return None
            times, node = max(count.value, 0), (node.left if count is node.right else node.right)
        if not isinstance(node, (ast.List, ast.Tuple)) or any(
                isinstance(e, ast.Starred) or parameters and not isinstance(e, (ast.List, ast.Tuple))
                for e in node.elts):
            return None
        return len(node.elts) * times

    def _only_read(self, name: ast.Name) -> bool:
        """Whether a read of a list leaves it as it is: an index, ``len`` or ``print`` of it,
        a loop over it, an argument of a V1 ``run`` call (which the migration rewrites)."""
        around = self.parents.get(id(name))
        if isinstance(around, ast.Subscript):
            return around.value is name and isinstance(around.ctx, ast.Load)
        if isinstance(around, (ast.For, ast.comprehension)):
            return around.iter is name
        if isinstance(around, ast.keyword):
            around = self.parents.get(id(around))
            return isinstance(around, ast.Call) and id(around) in self.facts
        return isinstance(around, ast.Call) and name in around.args and (
            id(around) in self.facts or isinstance(around.func, ast.Name) and around.func.id in {
                "len", "print"} and not binds(self.module, around.func.id))

    def _numpy(self) -> str:
        if not self.numpy:
            self.numpy = _numpy(self.module) or ""
            if not self.numpy:
                if binds(self.module, "numpy"):
                    raise _Unproven  # the name holds something else
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
        """The reads of the name ``value`` is bound to (``job = sampler.run(...)``), none
        for a value discarded."""
        statement = self.parents.get(id(value))
        if isinstance(statement, ast.Expr):
            return []  # discarded
        if not (isinstance(statement, ast.Assign) and statement.value is value):
            raise _Unproven  # passed on, returned, stored in a container
        names = reads_of(self.module, self.parents, statement)
        if names is None:
            raise _Unproven
        return names


def _pubs(source: SourceText, arguments: list[ast.expr | None],
          values: dict[int, str | None], estimator: bool,
          length: Callable[[ast.expr, bool], int | None], pass_manager: str | None) -> str:
    """The PUB list of a V1 ``run`` call's arguments (circuits, observables, parameter
    values): list literals of one length, inlined; lists of a length ``length`` proves
    (``[qc] * 3``, a name bound to a list), zipped; or a single proven circuit (and
    observable); the circuits through the pass manager, where one is named."""
    circuits = arguments[0]
    if circuits is None or (estimator and arguments[1] is None):
        raise _Unproven
    single = values.get(id(circuits)) in CIRCUITS
    columns: list[list[ast.expr] | None] = []  # a column's items, None where only counted
    sizes: set[int] = set()
    given = [a for a in arguments if a is not None]
    parameters = len(arguments) - 1
    for position, argument in enumerate(arguments):
        if argument is None:
            continue
        items: list[ast.expr] | None = None
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
        elif single and position == 1 and estimator and values.get(
                id(argument)) in OBSERVABLES:
            items = [argument]
        columns.append(items)
        size = len(items) if items is not None else length(argument, position == parameters)
        if size is None or single and items is None:
            raise _Unproven  # a single circuit with a list the V1 call would not pair
        sizes.add(size)
    if len(sizes) != 1 or not sizes.pop():
        raise _Unproven  # V1 raised on lists of different lengths

    def text(node: ast.expr, circuits: bool) -> str:
        return f"{pass_manager}.run({_text(source, node)})" if circuits and pass_manager else (
            _text(source, node))

    if None in columns:  # the lists as they are, paired by ``zip``
        texts = [text(a, a is circuits) for a in given]
        return texts[0] if len(texts) == 1 else f"list(zip({', '.join(texts)}))"
    rows = zip(*[c for c in columns if c is not None])
    return "[" + ", ".join(f"({', '.join(text(e, i == 0) for i, e in enumerate(row))})"
                           if len(row) > 1 else text(row[0], True) for row in rows) + "]"


def _shots_and_seed(options: dict[str, ast.expr]) -> bool:
    """V1 run options that are only integer ``shots`` and ``seed``."""
    return not set(options) - {"shots", "seed"} and all(
        isinstance(v, ast.Constant) and type(v.value) is int for v in options.values())


def _v2_keywords(options: dict[str, ast.expr]) -> dict[str, str]:
    """The V2 Sampler's construction keywords for V1 ``shots`` / ``seed`` run options."""
    return {{"shots": "default_shots"}.get(k, k): str(v.value)  # type: ignore[attr-defined]
            for k, v in options.items()}


def _literal_dict(node: ast.expr | None) -> dict[str, ast.expr]:
    """A dict display with string keys (``{"shots": 100}``), or None's empty dict."""
    if node is None:
        return {}
    if not (isinstance(node, ast.Dict) and all(
            isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys)):
        raise _Unproven
    return {k.value: v for k, v in zip(node.keys, node.values)  # type: ignore[union-attr]
            }


def _is_none(node: ast.expr | None) -> bool:
    """Whether an option is None: absent, or the literal."""
    return node is None or isinstance(node, ast.Constant) and node.value is None


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
