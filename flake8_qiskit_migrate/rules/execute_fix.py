"""The fix of QKM101: ``execute(circuits, backend, **options)`` on a local backend becomes what
``execute`` did, ``backend.run(transpile(circuits, backend, <transpiler options>), <run
options>)``, and ``from qiskit import execute`` imports ``transpile`` instead (each such import:
a notebook may repeat it in several cells; ``from qiskit import *`` gives ``transpile`` too).

Offered only where every keyword has a proven home (the transpiler options ``execute`` passed
to ``transpile``, the run options the backend takes), the backend is proven local and is a
plain name or a call of constants (it is written twice), and every use of ``execute`` in the
module is such a call (``Autofix.whole``: the calls and the import change together or not at
all: with one call left, ``from qiskit import execute`` must stay, and it fails on Qiskit 1.0).
"""

from __future__ import annotations

import ast

from ..edits import (Edit, Fix, SourceText, arguments_removal, bindings, binds_but_by_import,
                     item_removal, only_called, per_module, statement_removal)
from ..nodes import names, nodes
from ..registry import REGISTRY, Context
from .aer_options import AER_SIMULATOR_OPTIONS
from .backends import AER_BACKENDS, backend_kind
from .execution import EXECUTE
from .ibm_sampler import execute_to_sampler as execute_to_runtime_sampler
from .run_options import RUN_OPTIONS, SAMPLER_FORM, SAMPLER_TAKES, report_run_options
from .sampler_fix import execute_to_sampler

# Where ``transpile`` is imported from (``qiskit.transpile`` is ``qiskit.compiler.transpile``
# in qiskit 0.46 and today).
TRANSPILE_MODULES = ("qiskit", "qiskit.compiler")
# What ``execute`` (qiskit 0.46) passed to ``transpile``; ``backend_properties``,
# ``pass_manager`` and the scheduling options have no place in today's ``transpile``.
TRANSPILER_OPTIONS = frozenset({"basis_gates", "coupling_map", "initial_layout",
                                "seed_transpiler", "optimization_level"})
# Run options every local backend (Aer, BasicSimulator, fakes) takes; ``execute`` dropped a
# ``None`` value, which ``BasicSimulator.run`` rejects, so only what is never None (``_never_none``)
# goes to such backends.
RUN_OPTIONS_ANYWHERE = frozenset({"shots", "memory", "seed_simulator"})
# The parameters of qiskit 0.46.3's ``execute`` after the circuits and the backend: a ``None``
# among them is their default (the transpiler's, or not passed to ``backend.run``); the rest
# of the keywords (``**run_config``) went to ``backend.run`` as they were.
EXECUTE_PARAMETERS = frozenset({
    "basis_gates", "coupling_map", "backend_properties", "initial_layout", "seed_transpiler",
    "optimization_level", "pass_manager", "shots", "memory", "seed_simulator",
    "default_qubit_los", "default_meas_los", "qubit_lo_range", "meas_lo_range", "schedule_los",
    "meas_level", "meas_return", "memory_slots", "memory_slot_size", "rep_time", "rep_delay",
    "parameter_binds", "schedule_circuit", "inst_map", "meas_map", "scheduling_method",
    "init_qubits"})
# What local simulators ignored (``execute`` passed it to ``backend.run``): the fix drops it.
IGNORED_LOCALLY = frozenset({"max_credits"})
# Aer also takes parameter bindings and its simulator options (``execute`` passed these on).
AER_RUN_OPTIONS = RUN_OPTIONS_ANYWHERE | {"parameter_binds"} | AER_SIMULATOR_OPTIONS | {
    name for name, (code, _) in RUN_OPTIONS.items() if code == "QKM417"}


@REGISTRY.on_call(*EXECUTE)
def _execute_options(ctx: Context, call: ast.Call, path: str | None) -> None:
    """The options of ``execute``, each with the fix that takes it away: a transpiler option
    (QKM416) the call's fix (it moves into ``transpile``); a run option on a local simulator
    the call straight to the Sampler form, which QKM103's fix makes of the ``backend.run`` that
    the call's fix writes (the engine joins to it the rest of the call's whole fix,
    ``Autofix.whole``); on IBM Quantum, where the call's fix is the Sampler form, that fix."""
    fix = _execute_to_run(ctx, call, path or "")
    sampler = fix is not None and any(SAMPLER_FORM in edit.content for edit in fix)
    local = None if fix is None or sampler else _local_sampler(ctx, call)

    def fix_of(keyword: ast.keyword) -> Fix | None:
        if keyword.arg in TRANSPILER_OPTIONS or sampler and keyword.arg in SAMPLER_TAKES or (
                not sampler and keyword.arg in IGNORED_LOCALLY):
            return fix
        return None if sampler else local
    report_run_options(ctx, call, "QKM101", fix_of)


def _local_sampler(ctx: Context, call: ast.Call) -> Fix | None:
    """``execute(circuits, backend, **options)`` on a local simulator as the Sampler run of its
    transpiled circuits (``sampler_fix``), where the call has QKM101's fix."""
    source, found = ctx.source, _arguments(call)
    if source is None or found is None:
        return None
    circuits, backend, options = found
    moved = [k for k in options if k.arg in TRANSPILER_OPTIONS and not _none(k)]
    kept = [k for k in options if k.arg not in TRANSPILER_OPTIONS and not _none(k)]
    return execute_to_sampler(ctx, call, _value(circuits), _value(backend), kept,
                              _transpiled(source, call, circuits, backend, moved))


def _never_none(module: ast.Module | None, value: ast.expr) -> bool:
    """A constant other than ``None``, or a name the module binds only to such constants, at
    the top level or anywhere, by plain assignments (``shots = 1024``): never a ``None``,
    whichever binding the call sees. Not where an argument, a loop, an import (a star import
    of another package too) or anything else may bind it."""
    if isinstance(value, ast.Constant):
        return value.value is not None
    if not isinstance(value, ast.Name) or module is None:
        return False
    found = nodes(module)
    stores = [n for n in names(module).get(value.id, ()) if not isinstance(n.ctx, ast.Load)]
    if not stores or bindings(module, value.id) != len(stores) or any(
            not isinstance(parent := found.parents.get(id(n)), ast.Assign)
            or parent.targets != [n] or not _constant(parent.value) for n in stores):
        return False
    return not any(a.name == "*" and not _from_qiskit(found.parents.get(id(a)))
                   for a in found.of(ast.alias))


def _constant(value: ast.expr) -> bool:
    """A number or text constant, or arithmetic of them (``2 ** 10``)."""
    if isinstance(value, ast.BinOp):
        return _constant(value.left) and _constant(value.right)
    if isinstance(value, ast.UnaryOp):
        return _constant(value.operand)
    return isinstance(value, ast.Constant) and isinstance(value.value, (int, float, str, bool))


def _from_qiskit(statement: ast.AST | None) -> bool:
    """``from qiskit... import *``: it binds no option name."""
    return isinstance(statement, ast.ImportFrom) and (statement.module or "").split(".")[0] in (
        "qiskit", "qiskit_aer")


def _none(keyword: ast.keyword) -> bool:
    """A parameter of ``execute`` given as ``None``, which it dropped. Other options went to
    ``backend.run`` as given: ``noise_model=None`` turns off the noise model an Aer
    simulator was made with (checked on qiskit 0.46.3 / qiskit-aer 0.13.3), so it stays."""
    return keyword.arg in EXECUTE_PARAMETERS and isinstance(
        keyword.value, ast.Constant) and keyword.value.value is None


@REGISTRY.fixer("QKM101")
def _execute_to_run(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    source, module = ctx.source, ctx.module
    if source is None or module is None:
        return None
    if isinstance(node, ast.alias):
        return _import_edits(source, module, node.asname or node.name)
    if not isinstance(node, ast.Call):
        return None
    call = _rewritten_call(ctx, source, node)
    if call is None:
        return None
    if isinstance(node.func, ast.Name):
        imports = _import_edits(source, module, node.func.id)
        return None if imports is None else (*call, *imports)
    return call


def _rewritten_call(ctx: Context, source: SourceText, call: ast.Call) -> Fix | None:
    """``backend.run(transpile(circuits, backend, ...), ...)`` from the call, in minimal edits:
    the text of the arguments that stay is kept (a moved option is copied into ``transpile``)."""
    found = _arguments(call)
    if found is None:
        return None
    circuits, backend, options = found
    path = ctx.qualify(_value(backend))
    qualified = isinstance(call.func, ast.Attribute)  # ``qiskit.execute`` -> ``qiskit.transpile``
    if backend_kind(path) == "ibm":  # ``backend.run`` is gone there: QKM102's Sampler form
        moved = [k for k in options if k.arg in TRANSPILER_OPTIONS]
        return execute_to_runtime_sampler(ctx, call, _value(circuits), _value(backend), moved,
                                          qualified)
    if backend_kind(path) != "other":
        return None  # an unknown backend
    moved, dropped = [], []
    for keyword in options:
        value = keyword.value
        if _none(keyword) or keyword.arg in IGNORED_LOCALLY:
            dropped.append(keyword)
        elif keyword.arg in TRANSPILER_OPTIONS:
            moved.append(keyword)
        elif not (keyword.arg in (AER_RUN_OPTIONS if path in AER_BACKENDS else
                                  RUN_OPTIONS_ANYWHERE)
                  and (path in AER_BACKENDS or _never_none(ctx.module, value))):
            return None
    name = _text(source, _value(backend))
    value = _value(circuits)
    transpiled = _transpiled(source, call, circuits, backend, moved)
    opening = transpiled[:transpiled.index("(") + 1]
    edits = [source.replace(call.func, f"{name}.run"),
             Edit(*source.start(value), *source.start(value), opening),
             Edit(*source.end(value), *source.end(value),
                  transpiled[len(opening) + len(_text(source, value)):])]
    if isinstance(circuits, ast.keyword):  # ``experiments=`` is ``circuits`` of ``run``
        edits.append(Edit(*source.start(circuits), *source.start(value), ""))
    return (*edits, *arguments_removal(source, call, [backend, *moved, *dropped]))


Argument = ast.expr | ast.keyword  # given by position or by keyword


def _transpiled(source: SourceText, call: ast.Call, circuits: Argument, backend: Argument,
                moved: list[ast.keyword]) -> str:
    """``transpile(circuits, backend, <moved options>)``, what ``execute`` ran
    (``qiskit.transpile`` where it was ``qiskit.execute``)."""
    qualified = isinstance(call.func, ast.Attribute)
    return (f"{'qiskit.' if qualified else ''}transpile(" + ", ".join(
        [_text(source, _value(circuits)), _text(source, _value(backend)),
         *(_text(source, k) for k in moved)]) + ")")


def _value(argument: Argument) -> ast.expr:
    return argument.value if isinstance(argument, ast.keyword) else argument


def _arguments(call: ast.Call) -> tuple[Argument, Argument, list[ast.keyword]] | None:
    """The circuits, the backend (arguments or keywords) and the options of an ``execute``
    call; None for a shape the edits cannot keep valid (``**options``, more positional
    arguments, circuits given by keyword after another keyword, a backend that may not be
    evaluated twice)."""
    arguments: dict[str, Argument] = dict(zip(("experiments", "backend"), call.args))
    options = []
    for keyword in call.keywords:
        if keyword.arg is None or keyword.arg in arguments:
            return None
        if keyword.arg in ("experiments", "backend"):
            arguments[keyword.arg] = keyword
        else:
            options.append(keyword)
    circuits, backend = arguments.get("experiments"), arguments.get("backend")
    if len(call.args) > 2 or circuits is None or backend is None:
        return None
    if isinstance(circuits, ast.keyword) and call.keywords[0] is not circuits:
        return None
    return (circuits, backend, options) if _twice(_value(backend)) else None


def _twice(node: ast.expr) -> bool:
    """A name or attribute chain, or a call of constants (``Aer.get_backend("aer_simulator")``,
    a local backend by the caller's check): evaluating it twice gives the same backend."""
    if isinstance(node, ast.Call):
        return _plain(node.func) and all(
            isinstance(a, ast.Constant) for a in (*node.args, *(k.value for k in node.keywords)))
    return _plain(node)


def _plain(node: ast.expr) -> bool:
    """A name or attribute chain: evaluating it twice changes nothing."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def _text(source: SourceText, node: ast.AST) -> str:
    return source.segment(source.start(node), source.end(node))


@per_module  # asked at every call of a module
def _import_edits(source: SourceText, module: ast.Module, bound: str) -> Fix | None:
    """Each ``from qiskit import execute`` imports ``transpile`` instead (or drops it, where
    ``transpile`` is imported before the first use); a notebook may import it in several cells.
    Only where such imports are all that bind ``execute`` (or ``from qiskit import *``, which
    gives ``transpile`` too, does), every use of the name is a call, and ``transpile`` names
    nothing else."""
    if bound != "execute":
        return None
    found = nodes(module)
    imports: list[ast.Import | ast.ImportFrom] = [*found.of(ast.Import), *found.of(ast.ImportFrom)]
    statements = sorted((s for s in imports if any((a.asname or a.name) == bound for a in s.names)),
                        key=lambda s: (s.lineno, s.col_offset))
    if not only_called(module, bound) or any(
            not isinstance(s, ast.ImportFrom) or s.module != "qiskit" or s.level
            for s in statements):
        return None
    imported = _transpile_imports(module)
    if imported is None:
        return None
    if not statements:
        return () if _star_import(module) else None
    edits: list[Edit] = []
    ready = _imported_first(module, imported, bound)
    for statement in statements:
        assert isinstance(statement, ast.ImportFrom)
        alias = next(a for a in statement.names if a.name == bound)
        if alias.asname:
            return None
        if ready or any(a.name == "transpile" and a.asname is None for a in statement.names):
            if len(statement.names) > 1:
                edits.append(item_removal(source, statement.names, alias, source.end(statement)))
                continue
            removal = statement_removal(source, statement)
            if removal is None:
                return None
            edits += removal
        else:
            row, column = source.start(alias)
            edits.append(Edit(row, column, row, column + len(bound), "transpile"))
    return tuple(edits)


def _transpile_imports(module: ast.Module) -> list[ast.ImportFrom] | None:
    """The top-level ``from qiskit import transpile`` and ``from qiskit.compiler import
    transpile`` (one function); None where anything else binds ``transpile``."""
    imports = [s for s in module.body if isinstance(s, ast.ImportFrom) and not s.level
               and s.module in TRANSPILE_MODULES
               and any(a.name == "transpile" and a.asname is None for a in s.names)]
    bound = sum((a.asname or a.name) == "transpile" for s in imports for a in s.names)
    others = sum((a.asname or a.name) == "transpile" for a in nodes(module).of(ast.alias))
    if others > bound or binds_but_by_import(module, "transpile"):
        return None
    return imports


def _imported_first(module: ast.Module, imported: list[ast.ImportFrom], bound: str) -> bool:
    """Whether ``transpile`` is imported (``imported``) before the first top-level statement
    that uses ``bound``, or at all where nothing uses it: from there on the rewritten calls
    find it bound (a call inside a function runs after its definition)."""
    uses = [n.lineno for n in nodes(module).of(ast.Name) if n.id == bound]
    if not uses:
        return bool(imported)
    first = next((s.lineno for s in module.body
                  if s.lineno <= min(uses) <= (s.end_lineno or s.lineno)), None)
    return first is not None and any(i.lineno < first for i in imported)


def _star_import(module: ast.Module) -> bool:
    """``from qiskit import *`` at the top level."""
    return any(isinstance(s, ast.ImportFrom) and s.module == "qiskit" and not s.level
               and any(a.name == "*" for a in s.names) for s in module.body)
