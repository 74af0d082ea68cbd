"""Fixes that delete statements (QKM212): ``job_monitor(job)`` only reported progress, and the
job's ``result()`` blocks anyway, so the calls and their import go together; the unused names
of the same imports (``backend_overview``) go with them. ``import qiskit.tools.jupyter`` only
registered notebook magics that displayed things: the import and every such magic go
together."""

from __future__ import annotations

import ast
from typing import Literal, Sequence

from ..edits import Edit, Fix, SourceText, inside_try, item_removal, parents_of, per_module
from ..nodes import nodes, remembered
from ..registry import REGISTRY, Context, Magic
from .providers import JUPYTER_ADVICE

# ``from <module> import job_monitor``: the import forms whose bound name the fix follows.
_MONITOR_MODULES = frozenset({"qiskit.tools.monitor", "qiskit.tools"})
_MONITOR = "job_monitor"
# The other functions of those imports: no replacement, so they go only where unused.
_MONITOR_OTHERS = frozenset({"backend_monitor", "backend_overview"})
# Arguments whose evaluation does nothing (a name, a constant; ``sys.stdout``, ``jobs[0]``
# too, see ``_names_a_value``): deleting the call deletes no other effect.
_INERT = (ast.Name, ast.Constant)


@REGISTRY.fixer("QKM212")
def _drop_job_monitor(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    """Delete every ``job_monitor(...)`` statement and the name from its imports, as one fix
    carried by each finding of the group (identical edits are made once), or nothing: a use
    that is not a plain statement (``x = job_monitor(job)``, ``f(job_monitor)``), another
    binding of the name, a ``try`` around a use or an import, or an argument that does more
    than name a value leaves every finding without a fix."""
    if ctx.source is None or ctx.module is None:
        return None
    if name.startswith((_JUPYTER, "%")):
        jupyter = jupyter_removal(ctx)
        return jupyter[0] if jupyter is not None and id(node) in jupyter[1] else None
    removal = monitor_removal(ctx.source, ctx.module)
    if removal is None or id(node) not in removal[1]:
        return None  # e.g. ``qiskit.tools.monitor.job_monitor(job)``: its import stays
    return removal[0]


@per_module
def monitor_removal(source: SourceText, module: ast.Module) -> tuple[Fix, set[int]] | None:
    """The fix, and the nodes (import aliases, calls and their names) whose findings carry it."""
    statements = [statement for statement in ast.walk(module)
                  if isinstance(statement, ast.ImportFrom) and statement.module in
                  _MONITOR_MODULES and not statement.level]
    imports = [(s, a) for s in statements for a in s.names if a.name == _MONITOR]
    loaded = {n.id for n in ast.walk(module) if isinstance(n, ast.Name)}
    unused = [(s, a) for s in statements for a in s.names if a.name in _MONITOR_OTHERS
              and (a.asname or a.name) not in loaded]
    bound = {alias.asname or alias.name for _, alias in imports}
    if not imports and not unused or any(inside_try(module, s) for s, _ in imports + unused):
        return None
    calls: list[ast.Expr] = []
    parents = parents_of(source, module)
    for node in nodes(module).of(ast.Name):
        if node.id in bound:
            statement = parents.get(id(node))
            call = parents.get(id(statement)) if isinstance(statement, ast.Call) else None
            if not (isinstance(node.ctx, ast.Load) and isinstance(statement, ast.Call)
                    and statement.func is node and isinstance(call, ast.Expr)
                    and _inert(statement)):
                return None
            calls.append(call)
    if binds_elsewhere(module, bound, set()) or any(inside_try(module, c) for c in calls):
        return None
    removed = {id(c) for c in calls}
    edits = names_removal(source, parents, imports + unused) + [
        statement_removal(source, call, parents, removed) for call in calls]
    if any(edit is None for edit in edits):
        return None
    covered = {id(a) for _, a in imports + unused} | {id(c.value) for c in calls} | {
        id(c.value.func) for c in calls if isinstance(c.value, ast.Call)}
    return tuple(sorted(e for e in edits if e is not None)), covered


def names_removal(source: SourceText, parents: dict[int, ast.AST],
                  gone: Sequence[tuple[ast.Import | ast.ImportFrom, ast.alias]],
                  ) -> list[Edit | None]:
    """Delete the names ``gone`` from their import statements, a statement with all of its
    names (None where one cannot be deleted)."""
    edits: list[Edit | None] = []
    for statement in {id(s): s for s, _ in gone}.values():
        names = {id(a) for s, a in gone if s is statement}
        if len(names) < len(statement.names):
            edits += _items_removal(source, statement.names, names, source.end(statement))
        else:
            edits.append(statement_removal(source, statement, parents, set()))
    return edits


def _items_removal(source: SourceText, items: list[ast.alias], gone: set[int],
                   limit: tuple[int, int]) -> list[Edit]:
    """Delete some items of a comma-separated list, some staying: each run of consecutive
    items goes up to the kept item after it, or, at the end, from the kept item before it."""
    edits, index = [], 0
    while index < len(items):
        if id(items[index]) not in gone:
            index += 1
            continue
        end = index
        while end + 1 < len(items) and id(items[end + 1]) in gone:
            end += 1
        if end + 1 < len(items):
            edits.append(Edit(*source.start(items[index]), *source.start(items[end + 1]), ""))
        else:
            last = item_removal(source, items, items[end], limit)  # from the item before
            edits.append(Edit(*source.end(items[index - 1]), last.end_row, last.end_column, ""))
        index = end + 1
    return edits


def _inert(call: ast.Call) -> bool:
    return all(_names_a_value(v) for v in [*call.args, *(k.value for k in call.keywords)])


def _names_a_value(value: ast.expr) -> bool:
    """A name, a constant, an attribute of a name (``sys.stdout``) or an item of a name by a
    name or constant (``jobs[0]``, ``jobs[i]``)."""
    if isinstance(value, ast.Subscript):
        return isinstance(value.value, ast.Name) and isinstance(value.slice, _INERT)
    return isinstance(value, _INERT) or isinstance(value, ast.Attribute) and isinstance(
        value.value, ast.Name)


def _binds(node: ast.AST, names: set[str]) -> bool:
    """Whether ``node`` binds one of ``names`` other than by the import being fixed."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name in names
    if isinstance(node, ast.arg):
        return node.arg in names
    if isinstance(node, ast.alias):
        return False  # imports of the name are the ones being removed
    if isinstance(node, (ast.Import,)):
        return any((a.asname or a.name) in names for a in node.names)
    return isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load) and node.id in names


def binds_elsewhere(module: ast.Module, names: set[str], skip: set[int]) -> bool:
    """Whether the module binds one of ``names`` other than by a ``from`` import or at the
    nodes of ``skip``."""
    found = nodes(module)
    return any(_binds(node, names) and id(node) not in skip
               for kind in _BINDERS for node in found.of(kind))


# The node classes ``_binds`` may find binding a name.
_BINDERS: tuple[type[ast.AST], ...] = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                       ast.arg, ast.Import, ast.Name)


def statement_removal(source: SourceText, statement: ast.stmt, parents: dict[int, ast.AST],
                      removed: set[int]) -> Edit | None:
    """Delete a statement with its line(s), or make it ``pass`` where it is the first of its
    block and every statement of the block goes (``removed``); None when it shares a line
    with other code (``a; job_monitor(job)``)."""
    start, end = source.start(statement), source.end(statement)
    before = source.line(start[0])[: start[1] - 1]
    after = source.line(end[0])[end[1] - 1:]
    if before.strip() or after.strip() and not after.lstrip().startswith("#"):
        return None
    parent = parents.get(id(statement))
    block = next((getattr(parent, f) for f in ("body", "orelse", "finalbody", "handlers")
                  if statement in getattr(parent, f, [])), None) if parent is not None else None
    if block is not None and block[0] is statement and not isinstance(parent, ast.Module) and all(
            s is statement or id(s) in removed for s in block):
        return Edit(*start, *end, "pass")
    if end[0] == len(source.lines) and source.line(end[0]) == source.lines[-1]:
        return Edit(start[0], 1, *source.line_end(end[0]), "")  # the last line, no line end
    return Edit(start[0], 1, end[0] + 1, 1, "")


_JUPYTER = "qiskit.tools.jupyter"
# The names ``from qiskit.tools.jupyter import *`` bound on qiskit 0.46 (the package has no
# ``__all__``): what its ``__init__`` imports, and the submodules it loads.
_JUPYTER_STAR = frozenset({
    "warnings", "get_ipython", "FakeBackend", "ProgressBarMagic", "StatusMagic",
    "HTMLProgressBar", "VersionTable", "Copyright", "MonospacedOutput", "JobWatcher",
    "JobWatcherMagic", "BackendOverview", "HTML_FORMATTER", "IBMQBackend", "jupyter_magics",
    "progressbar", "version_table", "copyright", "monospace", "job_watcher", "job_widgets",
    "watcher_monitor", "library", "backend_overview", "backend_monitor"})
# The magics ``import qiskit.tools.jupyter`` registered in IPython (qiskit 0.46).
JUPYTER_MAGICS = ("qiskit_version_table", "qiskit_copyright", "qiskit_job_watcher",
                  "qiskit_disable_job_watcher", "qiskit_progress_bar", "qiskit_backend_overview",
                  "qiskit_job_status", "monospaced_output", "circuit_library_info")
_MAGICS = frozenset(JUPYTER_MAGICS)


def jupyter_removal(ctx: Context) -> tuple[Fix, set[int]] | None:
    """Delete the ``qiskit.tools.jupyter`` imports and every magic they registered, as one
    fix, and the import aliases whose findings carry it; None where an imported name is used
    (``qiskit`` of ``import qiskit.tools.jupyter`` only where no other import binds it), an
    import is inside a ``try``, or a magic is not a line of its own (``bar = %qiskit_...``)."""
    source, module = ctx.source, ctx.module
    if source is None or module is None:
        return None
    magics = ctx.magics
    return remembered(module, (_jupyter_removal, source, magics),
                      lambda: _jupyter_removal(source, module, magics))


def _jupyter_removal(source: SourceText, module: ast.Module,
                     magics: tuple[Magic, ...]) -> tuple[Fix, set[int]] | None:
    imports = _jupyter_imports(module)
    ours = [m for m in magics if m.name in _MAGICS]
    parents = parents_of(source, module)
    calls = [node for node in ast.walk(module) if isinstance(node, ast.Call)
             and _magic_call(node) is not None]
    statements = [parents.get(id(c)) for c in calls]
    if not (imports or ours or calls) or not all(m.alone for m in ours) or any(
            inside_try(module, s) for s, _ in imports):
        return None
    kept = _qiskit_kept(module, imports)  # ``qiskit`` is read: ``import qiskit`` stays
    if kept is None:
        return None
    imports = [(s, a) for s, a in imports if a is not kept]
    if not all(isinstance(s, ast.Expr) for s in statements):
        return None  # ``bar = get_ipython().run_line_magic("qiskit_progress_bar", "")``
    removed = {id(s) for s in statements}
    edits = names_removal(source, parents, imports) + [
        Edit(*source.start(kept), *source.end(kept), "qiskit") for kept in [kept] if kept] + [
        Edit(m.line, 1, m.line + 1, 1, "") for m in ours] + [
        statement_removal(source, s, parents, removed) for s in statements
        if isinstance(s, ast.Expr)]
    if any(edit is None for edit in edits):
        return None
    covered = {id(a) for _, a in imports} | {id(c) for c in calls} | (
        {id(kept)} if kept else set())
    return tuple(sorted(e for e in edits if e is not None)), covered


def _magic_call(call: ast.Call) -> str | None:
    """The magic a ``get_ipython().run_line_magic("name", "")`` call runs (a notebook exported
    as a script: ``jupyter nbconvert --to script``), if ``qiskit.tools.jupyter`` registered
    it."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "run_line_magic"
            and isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name)
            and func.value.func.id == "get_ipython" and call.args):
        return None
    name = call.args[0]
    return name.value if isinstance(name, ast.Constant) and name.value in _MAGICS else None


@REGISTRY.on_method("run_line_magic")
def _exported_magic(ctx: Context, call: ast.Call, path: str | None) -> None:
    name = _magic_call(call)
    if name is not None:
        ctx.report(call, "QKM212", "%" + name, JUPYTER_ADVICE)


def _jupyter_imports(module: ast.Module) -> list[tuple[ast.Import | ast.ImportFrom, ast.alias]]:
    found: list[tuple[ast.Import | ast.ImportFrom, ast.alias]] = []
    for statement in ast.walk(module):
        if isinstance(statement, ast.Import):
            found += [(statement, a) for a in statement.names
                      if a.name == _JUPYTER or a.name.startswith(_JUPYTER + ".")]
        elif isinstance(statement, ast.ImportFrom) and not statement.level and (
                statement.module or "").startswith(_JUPYTER):
            found += [(statement, a) for a in statement.names]
        elif isinstance(statement, ast.ImportFrom) and statement.module == "qiskit.tools":
            found += [(statement, a) for a in statement.names if a.name == "jupyter"]
    return found


def _qiskit_kept(module: ast.Module, imports: list[tuple[ast.Import | ast.ImportFrom, ast.alias]]
                 ) -> ast.alias | None | Literal[False]:
    """What of the imports must stay: False where nothing; the first ``qiskit.tools.jupyter``
    of ``import qiskit.tools.jupyter`` where code reads the ``qiskit`` it binds and no other
    import binds it (it becomes ``import qiskit``, bound where it was); None where code reads
    another name the imports bind (a star import's names where nothing else binds them), or
    ``qiskit.tools``."""
    if _spells_tools(module) or _jupyter_names_used(module, imports):
        return None
    plain = [a for s, a in imports if isinstance(s, ast.Import) and not a.asname]
    if not plain or not _jupyter_names_used(module, imports, qiskit_read=True):
        return False
    return min(plain, key=lambda a: (a.lineno, a.col_offset))


def _jupyter_names_used(module: ast.Module,
                        imports: list[tuple[ast.Import | ast.ImportFrom, ast.alias]],
                        qiskit_read: bool = False) -> bool:
    """Whether code reads a name the imports bind other than ``qiskit`` (a star import's
    names where nothing else binds them), or with ``qiskit_read`` whether it reads the
    ``qiskit`` of ``import qiskit.tools.jupyter`` where no other import binds it."""
    loaded = {n.id for n in ast.walk(module) if isinstance(n, ast.Name)
              and isinstance(n.ctx, ast.Load)}
    removed = {id(a) for _, a in imports}
    names: set[str] = set()
    for statement, alias in imports:
        if alias.name == "*":
            names |= _JUPYTER_STAR - _bound_elsewhere(module, _JUPYTER_STAR, removed)
        elif alias.asname or isinstance(statement, ast.ImportFrom):
            names.add(alias.asname or alias.name)
        elif qiskit_read and "qiskit" in loaded and not any(
                a.name.split(".")[0] == "qiskit" and not a.asname and id(a) not in removed
                for s in module.body if isinstance(s, ast.Import) for a in s.names):
            return True
    return not qiskit_read and not names.isdisjoint(loaded)


def _bound_elsewhere(module: ast.Module, names: frozenset[str], skip: set[int]) -> set[str]:
    """Which of ``names`` the module binds other than at the aliases of ``skip``."""
    bound = set()
    for node in ast.walk(module):
        if isinstance(node, ast.alias) and id(node) not in skip and node.name != "*":
            bound.add(node.asname or node.name.split(".")[0])
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound.add(node.id)
    return bound & names


def _spells_tools(module: ast.Module) -> bool:
    """Whether code reads ``qiskit.tools`` (``qiskit.tools.jupyter.HTMLProgressBar``)."""
    return any(isinstance(n, ast.Attribute) and n.attr == "tools" and isinstance(
        n.value, ast.Name) and n.value.id == "qiskit" for n in ast.walk(module))


def _jupyter_magic_fix(ctx: Context, magic: Magic) -> Fix | None:
    removal = jupyter_removal(ctx)
    return removal[0] if removal is not None else None


REGISTRY.match_magics("QKM212", *JUPYTER_MAGICS, replacement=JUPYTER_ADVICE,
                      fixer=_jupyter_magic_fix)
