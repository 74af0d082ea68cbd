"""Fixes as minimal text edits, computed from the ``ast`` positions the check already has (ruff's
model: no second parser), and an applier that merges the fixes of one file.

A fix is a tuple of ``Edit``s applied together or not at all. Positions are 1-based rows and
1-based *character* columns, end exclusive, as ruff's JSON shows them.
"""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass
from typing import Callable, Concatenate, Iterable, ParamSpec, Sequence, TypeVar

from .nodes import names, nodes, remembered

# Python's own line ends (``ast`` counts these; ``str.splitlines`` also splits on \f, \x1c ...).
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def newline_lines(text: str) -> list[str]:
    """``text``'s lines, each with its ``\\n`` (the last may have none): ``\\r``, and what else
    ``str.splitlines`` splits at, stays inside a line."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


@dataclass(frozen=True, order=True)
class Edit:
    """Replace the text from (row, column) to (end_row, end_column) with ``content``."""

    row: int
    column: int
    end_row: int
    end_column: int
    content: str


Fix = tuple[Edit, ...]


class SourceText:
    """A module's text with its line index, for positions of ``ast`` nodes (whose columns are
    UTF-8 byte offsets) as edit positions (characters)."""

    def __init__(self, text: str, cells: tuple[int, ...] = ()) -> None:
        self.text = text
        self.cells = cells  # a notebook's joined code: the line where each code cell starts
        self._lines: list[str] | None = None  # split on first use: most modules need no fix
        self._starts: list[int] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = _LINES.findall(self.text)
        return self._lines

    def line(self, row: int) -> str:
        """Line ``row`` (1-based) without its line end; "" past the end."""
        return self.lines[row - 1].rstrip("\r\n") if 0 < row <= len(self.lines) else ""

    def column(self, row: int, byte_offset: int) -> int:
        """The 1-based character column of a byte offset into line ``row``."""
        line = self.line(row)
        if line.isascii():
            return byte_offset + 1
        return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore")) + 1

    def start(self, node: ast.AST) -> tuple[int, int]:
        row = node.lineno  # type: ignore[attr-defined]
        return row, self.column(row, node.col_offset)  # type: ignore[attr-defined]

    def end(self, node: ast.AST) -> tuple[int, int]:
        row = node.end_lineno  # type: ignore[attr-defined]
        return row, self.column(row, node.end_col_offset)  # type: ignore[attr-defined]

    def replace(self, node: ast.AST, content: str) -> Edit:
        return Edit(*self.start(node), *self.end(node), content)

    def segment(self, start: tuple[int, int], end: tuple[int, int]) -> str:
        return self.text[self.offset(*start): self.offset(*end)]

    def offset(self, row: int, column: int) -> int:
        """The index into the text of a (row, character column) position."""
        if self._starts is None:
            starts, total = [], 0
            for line in self.lines:
                starts.append(total)
                total += len(line)
            starts.append(total)
            self._starts = starts
        row = min(max(row, 1), len(self._starts))
        return self._starts[row - 1] + column - 1

    def cell_start(self, row: int) -> int:
        """The line where the notebook cell holding ``row`` starts (1 outside notebooks): a
        fix keeps its edits in one cell."""
        return self.cells[bisect.bisect_right(self.cells, row) - 1] if self.cells and (
            row >= self.cells[0]) else 1

    def line_end(self, row: int) -> tuple[int, int]:
        """The position just before line ``row``'s line end."""
        return row, len(self.line(row)) + 1


def argument_removal(source: SourceText, call: ast.Call, argument: ast.AST) -> Edit:
    """The edit that removes one argument of a call with its separating comma: up to the next
    argument, or, for the last one, from the end of the previous argument (and a trailing comma
    after it). A lone argument leaves ``()``."""
    arguments = sorted([*call.args, *call.keywords],
                       key=lambda a: (a.lineno, a.col_offset))  # type: ignore[attr-defined]
    return item_removal(source, arguments, argument, source.end(call))


def arguments_removal(source: SourceText, call: ast.Call, removed: Sequence[ast.AST]) -> Fix:
    """The edits that remove several arguments of a call: each one up to the next argument,
    a run of them at the end from the end of the last argument kept (edits that would
    overlap, were each removed on its own, never do)."""
    arguments = sorted([*call.args, *call.keywords],
                       key=lambda a: (a.lineno, a.col_offset))  # type: ignore[attr-defined]
    gone = {id(a) for a in removed}
    kept = [i for i, a in enumerate(arguments) if id(a) not in gone]
    last = kept[-1] if kept else -1
    edits = [Edit(*source.start(a), *source.start(arguments[i + 1]), "")
             for i, a in enumerate(arguments[:last]) if id(a) in gone]
    if last + 1 < len(arguments):
        end = _after_trailing_comma(source, source.end(arguments[-1]), source.end(call))
        start = source.end(arguments[last]) if kept else source.start(arguments[0])
        edits.append(Edit(*start, *end, ""))
    return tuple(edits)


def item_removal(source: SourceText, items: Sequence[ast.AST], item: ast.AST,
                 limit: tuple[int, int]) -> Edit:
    """The edit that removes one item of a comma-separated list (call arguments, the names of
    an import) ending before ``limit``, as ``argument_removal`` describes."""
    index = list(items).index(item)
    if index + 1 < len(items):
        return Edit(*source.start(item), *source.start(items[index + 1]), "")
    end = _after_trailing_comma(source, source.end(item), limit)
    if index > 0:
        return Edit(*source.end(items[index - 1]), *end, "")
    return Edit(*source.start(item), *end, "")


def _after_trailing_comma(source: SourceText, end: tuple[int, int],
                          limit: tuple[int, int]) -> tuple[int, int]:
    """Past a trailing comma that follows ``end`` on the same line, if any."""
    row, column = end
    rest = source.line(row)[column - 1:]
    stripped = rest.lstrip(" \t")
    if stripped.startswith(",") and (row, column + len(rest) - len(stripped)) < limit:
        return row, column + len(rest) - len(stripped) + 1
    return end


def apply(text: str, fixes: Sequence[Fix]) -> tuple[str, list[int]]:
    """``text`` with every fix whose edits do not overlap an earlier fix's, and the indices of
    the fixes applied. Identical edits of different fixes (the same import added twice) are
    made once. Fixes are taken in the order of their first edit, as ruff does."""
    source = SourceText(text)
    # A fix shared by findings (``Autofix.whole``: one tuple for all) is weighed once.
    first: dict[int, Edit] = {}
    order = sorted((i for i, fix in enumerate(fixes) if fix),
                   key=lambda i: first.get(id(fixes[i])) or first.setdefault(
                       id(fixes[i]), min(fixes[i])))
    taken: dict[tuple[int, int, str], None] = {}
    spans: list[tuple[int, int]] = []
    applied = []
    decided: dict[int, bool] = {}
    for index in order:
        if id(fixes[index]) in decided:
            if decided[id(fixes[index])]:
                applied.append(index)
            continue
        ranges = [(source.offset(e.row, e.column), source.offset(e.end_row, e.end_column),
                   e.content) for e in fixes[index]]
        fresh = [r for r in ranges if r not in taken]
        decided[id(fixes[index])] = not any(_overlaps(start, end, spans)
                                            for start, end, _ in fresh)
        if not decided[id(fixes[index])]:
            continue
        for item in fresh:
            taken[item] = None
            spans.append(item[:2])
        applied.append(index)
    pieces, position = [], 0
    for start, end, content in sorted(taken, key=lambda r: (r[0], r[1])):
        pieces += [text[position:start], content]
        position = end
    pieces.append(text[position:])
    return "".join(pieces), applied


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether [start, end) meets a taken span; two insertions at one point also meet."""
    return any(start < other_end and other_start < end or start == end == other_start == other_end
               for other_start, other_end in spans)


def add_import(source: SourceText, module: ast.Module, line: str, avoid: Fix = ()) -> Edit:
    """The edit that adds an import line after the module's leading docstring and imports (at
    the top when it has none): after the last of them whose line end no edit of ``avoid``
    (the rest of the same fix) deletes."""
    leading: list[ast.stmt] = []
    for index, statement in enumerate(module.body):
        docstring = index == 0 and isinstance(statement, ast.Expr) and isinstance(
            statement.value, ast.Constant) and isinstance(statement.value.value, str)
        if not (docstring or isinstance(statement, (ast.Import, ast.ImportFrom))):
            break
        leading.append(statement)
    for last in reversed(leading):
        end = source.line_end(last.end_lineno or last.lineno)
        if not any((e.row, e.column) <= end < (e.end_row, e.end_column) for e in avoid):
            return Edit(*end, *end, "\n" + line)
    row = module.body[0].lineno if module.body else 1
    return Edit(row, 1, row, 1, line + "\n")


def imports_name(module: ast.Module, origin: str, name: str) -> bool:
    """Whether the module's top level has ``from origin import name`` (unaliased)."""
    return any(isinstance(s, ast.ImportFrom) and s.module == origin and not s.level
               and any(a.name == name and a.asname is None for a in s.names)
               for s in module.body)


def binds(module: ast.Module, name: str, besides: frozenset[int] = frozenset()) -> bool:
    """Whether the module binds ``name`` anywhere (assignment, definition, import, argument),
    other than by the import aliases ``besides`` (their ids)."""
    return binds_but_by_import(module, name) or any(
        (a.asname or a.name) == name and id(a) not in besides for a in nodes(module).of(ast.alias))


def binds_but_by_import(module: ast.Module, name: str) -> bool:
    """Whether the module binds ``name`` by anything but an import (assignment, definition,
    argument)."""
    found = nodes(module)
    definitions: list[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef] = [
        *found.of(ast.FunctionDef), *found.of(ast.AsyncFunctionDef), *found.of(ast.ClassDef)]
    return any(not isinstance(n.ctx, ast.Load) for n in names(module).get(name, ())) or (
        any(d.name == name for d in definitions)) or any(a.arg == name for a in found.of(ast.arg))


def bindings(module: ast.Module, name: str) -> int:
    """How many times the module binds ``name`` (assignments and other stores, definitions,
    imports, arguments, exception handlers)."""
    found = nodes(module)
    named: list[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.ExceptHandler] = [
        *found.of(ast.FunctionDef), *found.of(ast.AsyncFunctionDef), *found.of(ast.ClassDef),
        *found.of(ast.ExceptHandler)]
    return (sum(not isinstance(n.ctx, ast.Load) for n in names(module).get(name, ()))
            + sum(d.name == name for d in named)
            + sum((a.asname or a.name) == name for a in found.of(ast.alias))
            + sum(a.arg == name for a in found.of(ast.arg)))


def bound_once(module: ast.Module, name: str) -> ast.expr | None:
    """The value of the module's only binding of ``name``, where it is ``name = value`` or
    ``with value as name``."""
    if bindings(module, name) != 1:
        return None
    found = nodes(module)
    values = [s.value for s in found.of(ast.Assign) if len(s.targets) == 1
              and isinstance(s.targets[0], ast.Name) and s.targets[0].id == name] + [
        w.context_expr for w in found.of(ast.withitem)
        if isinstance(w.optional_vars, ast.Name) and w.optional_vars.id == name]
    return values[0] if len(values) == 1 else None


def import_needed(module: ast.Module, origins: tuple[str, ...], name: str,
                  at: ast.AST) -> bool | None:
    """Whether a fix that writes ``name`` at ``at`` must import it (``from origins[0] import
    name``): not where a top-level ``from <origin> import name`` comes before ``at`` (one in a
    later notebook cell does not: the cells run in order), and never (None) where the module
    binds the name to anything else."""
    imports, rebound = remembered(module, (import_needed, origins, name),
                                  lambda: _imports_of(module, origins, name))
    if any((s.end_lineno or s.lineno) < at.lineno for s in imports):  # type: ignore[attr-defined]
        return False
    return None if rebound else True


def _imports_of(module: ast.Module, origins: tuple[str, ...],
                name: str) -> tuple[list[ast.ImportFrom], bool]:
    """The module's top-level ``from <origin> import name`` statements, and whether anything
    else in it binds ``name`` (asked once per module, for every fix that writes the name)."""
    imports = [s for s in module.body if isinstance(s, ast.ImportFrom) and s.module in origins
               and not s.level and any(a.name == name and a.asname is None for a in s.names)]
    return imports, binds(module, name, frozenset(id(a) for s in imports for a in s.names))


def result_unused(module: ast.Module, call: ast.Call) -> bool:
    """Whether the call's value is discarded: a statement of its own, or assigned to a plain
    name that the module never reads."""
    statement = _usage(module).statements.get(id(call))
    if isinstance(statement, ast.Expr):
        return True
    if isinstance(statement, ast.Assign):
        names = {t.id for t in statement.targets if isinstance(t, ast.Name)}
        return len(names) == len(statement.targets) and names.isdisjoint(_usage(module).read)
    return False


def only_called(module: ast.Module, name: str) -> bool:
    """Whether every ``name`` of the module is the function of a call (no other read, and no
    assignment)."""
    uses = {id(n) for n in names(module).get(name, ())}
    return not uses or sum(id(n.func) in uses for n in nodes(module).of(ast.Call)) == len(uses)


def statement_removal(source: SourceText, statement: ast.stmt) -> Fix | None:
    """The edit that removes a statement with its line, where it is alone on its lines."""
    row, column = source.start(statement)
    end_row, end_column = source.end(statement)
    if source.line(row)[:column - 1].strip() or source.line(end_row)[end_column - 1:].strip():
        return None
    return (Edit(row, 1, end_row + 1, 1, ""),)


def inside_try(module: ast.Module, node: ast.AST) -> bool:
    """Whether ``node`` is inside a ``try`` statement of the module (its handlers may expect
    the old API: a fix there would change what they catch)."""
    parents = nodes(module).parents  # up the node's ancestors, not down every ``try``
    current: ast.AST | None = node
    while current is not None and not isinstance(current, TRY_STATEMENTS):
        current = parents.get(id(current))
    return current is not None


# ``try`` statements: ``try ... except*`` (``ast.TryStar``) exists from Python 3.11 only.
TRY_STATEMENTS: tuple[type[ast.stmt], ...] = (ast.Try, *(
    [getattr(ast, "TryStar")] if hasattr(ast, "TryStar") else []))


Result = TypeVar("Result")
Arguments = ParamSpec("Arguments")


def per_module(function: Callable[Concatenate[SourceText, ast.Module, Arguments], Result],
               ) -> Callable[Concatenate[SourceText, ast.Module, Arguments], Result]:
    """Memoize a whole-module computation (for the module being checked, ``nodes.remembered``;
    other arguments must be hashable): the fixers asked at each finding of a chain compute it
    once."""
    def once(source: SourceText, module: ast.Module, /, *args: Arguments.args,
             **kwargs: Arguments.kwargs) -> Result:
        return remembered(module, (function, source, args, tuple(kwargs.items())),
                          lambda: function(source, module, *args, **kwargs))
    return once


def parents_of(source: SourceText, module: ast.Module) -> dict[int, ast.AST]:
    """Each node's parent (by the node's id) in the module."""
    return nodes(module).parents


_FROM_MODULE = re.compile(r"from[ \t]+([\w.]+)[ \t]+import\b")


def moved_from_import(source: SourceText, statement: ast.ImportFrom, alias: ast.alias,
                      targets: dict[str, tuple[str, str]]) -> Fix | None:
    """The edits that import one name of ``from old import a, b`` from its new module (with its
    new name, binding the name the code uses). ``targets`` maps each name of the statement that
    moves to its (module, name): where all of them move to one module, the statement's module
    is rewritten (the same edit for every name, made once); otherwise the name leaves the
    statement and a ``from new import name`` line follows it. None where the text is not the
    plain form these edits assume (a relative import, a module spelled across lines, another
    statement on the line)."""
    if statement.level or alias.name not in targets or alias.name == "*":
        return None
    module, name = targets[alias.name]
    bound = alias.asname or alias.name
    start = source.start(alias)
    if source.segment(start, (start[0], start[1] + len(alias.name))) != alias.name:
        return None
    if {targets.get(a.name, ("", ""))[0] for a in statement.names} == {module}:
        found = _FROM_MODULE.match(source.segment(source.start(statement), source.end(statement)))
        if found is None or found.group(1) != statement.module:
            return None
        row, column = source.start(statement)
        edits = [Edit(row, column + found.start(1), row, column + found.end(1), module)]
        if name != alias.name:
            edits.append(Edit(*start, start[0], start[1] + len(alias.name),
                              name if alias.asname else f"{name} as {bound}"))
        return tuple(edits)
    added = import_after(source, statement,
                         f"from {module} import {name}{'' if name == bound else ' as ' + bound}")
    if added is None:
        return None
    return item_removal(source, statement.names, alias, source.end(statement)), added


def import_after(source: SourceText, statement: ast.stmt, line: str) -> Edit | None:
    """The edit that adds ``line`` after a statement, at its indentation; none where the
    statement does not begin its line or shares its last line with code."""
    row, column = source.start(statement)
    end_row, end_column = source.end(statement)
    rest = source.line(end_row)[end_column - 1:].strip()
    indent = source.line(row)[:column - 1]
    if indent.strip() or rest and not rest.startswith("#"):
        return None
    end = source.line_end(end_row)
    return Edit(*end, *end, "\n" + indent + line)


@dataclass(frozen=True)
class _Usage:
    statements: dict[int, ast.stmt]  # id of a call -> the statement whose value it is
    read: frozenset[str]  # the names the module reads


def _usage(module: ast.Module) -> _Usage:
    """One pass for all the module's calls."""
    return remembered(module, _usage, lambda: _usage_of(module))


def _usage_of(module: ast.Module) -> _Usage:
    found = nodes(module)
    statements: dict[int, ast.stmt] = {id(s.value): s for s in found.of(ast.Expr)}
    statements.update((id(s.value), s) for s in found.of(ast.Assign))
    read = frozenset(n.id for n in found.of(ast.Name) if isinstance(n.ctx, ast.Load))
    return _Usage(statements, read)
