"""From engine findings to what the output formats print: character columns (not flake8's
byte offsets), cell-relative rows for notebooks, the source line, and ``noqa`` filtering."""

from __future__ import annotations

import ast
import dataclasses
import os
from dataclasses import dataclass
from typing import Callable

from .. import collector
from ..edits import Edit
from ..engine import Finding, check, shared_fixes, whole_groups
from ..prescan import may_find, names_in
from ..project_index import EMPTY, ProjectIndex
from ..registry import REGISTRY, Settings
from .cache import Cache
from .filters import Selection, file_is_ignored, noqa_suppresses
from .sources import Source
from .unchecked import SYNTAX, Unchecked

Parse = Callable[[str, str], ast.Module]  # (code, file name) -> tree, raising as ``ast.parse``


def parse_whole(code: str, path: str) -> ast.Module:
    return ast.parse(code, filename=path)


@dataclass(frozen=True)
class FixInfo:
    """A finding's fix as ruff's JSON shows it: applicability, title and edits."""

    applicability: str
    message: str
    edits: tuple[Edit, ...]
    cells: tuple[int, ...] = ()  # in a notebook, the cell of each edit (its rows are the cell's)


@dataclass(frozen=True)
class Diagnostic:
    path: str  # as given on the command line
    filename: str  # absolute
    cell: int | None
    row: int
    column: int  # 1-based, in characters
    end_row: int
    end_column: int
    finding: Finding
    source_line: str
    fix: FixInfo | None = None

    @property
    def code(self) -> str:
        return self.finding.code

    @property
    def position(self) -> str:
        """``path:row:col`` or, in a notebook, ``path:cell N:row:col``."""
        cell = f"cell {self.cell}:" if self.cell is not None else ""
        return f"{self.path}:{cell}{self.row}:{self.column}"


class ParseError(ValueError):
    """The module does not parse: ``unchecked`` says why and, for a syntax error, where."""

    def __init__(self, unchecked: Unchecked) -> None:
        super().__init__(unchecked.reason)
        self.unchecked = unchecked


def diagnose(source: Source, selection: Selection, settings: Settings,
             package: Callable[[], str | None], with_fixes: bool = False,
             cache: Cache | None = None, project: ProjectIndex = EMPTY,
             tree: ast.Module | None = None, parse: Parse = parse_whole,
             fixes: bool = True) -> list[Diagnostic]:
    """The selected, un-suppressed diagnostics of one readable source; ``with_fixes`` also
    gives each fixable finding's edits as ``Diagnostic.fix`` (cell-relative in notebooks).
    ``tree``: the parsed ``source.code``, where the caller has it already (a fixed text proven
    to parse); else ``parse`` makes it (the server's reuses the last tree of the document).
    ``fixes``: whether the findings carry their fixes at all (the server's first answer to an
    edit does without them; such findings are never cached)."""
    with collector.paused():  # see ``collector``
        return _diagnose(source, selection, settings, package, with_fixes,
                         cache if fixes else None, project, tree, parse, fixes)


def _diagnose(source: Source, selection: Selection, settings: Settings,
              package: Callable[[], str | None], with_fixes: bool, cache: Cache | None,
              project: ProjectIndex, tree: ast.Module | None, parse: Parse,
              fixes: bool) -> list[Diagnostic]:
    try:
        findings = _findings(source, settings, package, cache, project, tree, parse, fixes)
    except ParseError:
        if file_is_ignored(source.code):  # ``# flake8: noqa`` exempts the file, errors too
            return []
        raise
    if not findings or file_is_ignored(source.code):  # the scan only where it matters
        return []
    lines = source.code.splitlines() if findings else []
    for magic in source.cells.magics if source.cells is not None else ():
        lines[magic.line - 1] = magic.text  # a finding's source line, and its ``noqa``
    if os.path.basename(source.path) == "__init__.py":  # its imports may re-export names
        findings = [dataclasses.replace(f, edits=()) if f.edits and f.rule.fix and not (
            f.rule.fix.in_init) else f for f in findings]
    findings = shared_fixes(findings)
    diagnostics = []
    if source.cells is not None:  # a fix the cells cannot take is not offered: see ``split``
        cells = source.cells
        findings = whole_groups([dataclasses.replace(f, edits=()) if f.edits and cells.split(
            f.edits) is None else f for f in findings])
    # A fix shared with a finding the user silenced with ``# noqa`` (a whole-module or chain
    # migration carries the same edits on each finding) would rewrite the silenced line too.
    silenced = {edit for f in findings if f.edits and noqa_suppresses(_line(lines, f.line), f.code)
                for edit in f.edits}
    for finding in findings:
        line = _line(lines, finding.line)
        if not selection.enabled(finding.code) or (
                finding.heuristic and not selection.enabled(finding.heuristic)) or (
                noqa_suppresses(line, finding.code)):
            continue
        if silenced and not silenced.isdisjoint(finding.edits):
            finding = dataclasses.replace(finding, edits=())
        end_line = lines[finding.end_line - 1] if finding.end_line <= len(lines) else ""
        diagnostic = _diagnostic(source, finding, line, end_line)
        if with_fixes and finding.edits:
            diagnostic = dataclasses.replace(diagnostic, fix=_fix_info(source, diagnostic))
        diagnostics.append(diagnostic)
    return diagnostics


def _line(lines: list[str], row: int) -> str:
    return lines[row - 1] if row <= len(lines) else ""


def _findings(source: Source, settings: Settings, package: Callable[[], str | None],
              cache: Cache | None, project: ProjectIndex,
              tree: ast.Module | None, parse: Parse, fixes: bool) -> list[Finding]:
    """The engine's findings: from the cache (keyed by the project index's entries the module
    spells, too), or, for a module that can hold any (``prescan``), from parsing and checking
    it."""
    key = ""
    cells = source.cells.first_lines if source.cells is not None else ()
    magics = source.cells.magics if source.cells is not None else ()
    if cache is not None:
        spelled = project.digest(names_in(source.code)) if project.modules else ""
        # A fix keeps to its cells, so the same joined code in other cells has other fixes;
        # the magics are blanked in the code, but findings and fixes depend on them.
        key = cache.key(source.code + "".join(f"\0{m}" for m in magics), package(),
                        spelled + "".join(f" {n}" for n in cells))
        cached = cache.load(key)
        if cached is not None:
            return cached
    findings: list[Finding] = []
    if may_find(source.code, package, settings, project.words) or any(
            m.name in REGISTRY.magics for m in magics):
        try:
            if tree is None:
                tree = parse(source.code, source.path)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            raise ParseError(_unparsed(error, source)) from None
        findings = check(tree, source.code, package, settings, prescanned=True,
                         project=project, cells=cells, magics=magics, fixes=fixes)
        collector.free_later(tree)  # the server frees it after sending the diagnostics
    if cache is not None:
        cache.store(key, findings)
    return findings


def _fix_info(source: Source, d: Diagnostic) -> FixInfo | None:
    """The finding's edits (computed by the check), cell-relative in notebooks."""
    rule_fix = d.finding.autofix
    if rule_fix is None or not d.finding.edits:
        return None
    edits = d.finding.edits
    cells: tuple[int, ...] = ()  # a script's edits name no cell
    if source.cells is not None:  # rows inside each edit's own cell, as ruff gives them
        split = source.cells.split(edits) or {}
        edits = tuple(edit for cell in sorted(split) for edit in split[cell])
        cells = tuple(cell for cell in sorted(split) for _ in split[cell])
    return FixInfo(rule_fix.applicability_of(d.finding.edits), rule_fix.title_of(d.finding.edits),
                   edits, cells)


def _diagnostic(source: Source, finding: Finding, line: str, end_line: str) -> Diagnostic:
    row, end_row, cell = finding.line, finding.end_line, None
    if source.cells is not None:
        cell, row = source.cells.locate(finding.line)
        end_row = row + (finding.end_line - finding.line)
    return Diagnostic(
        path=source.path,
        filename=os.path.abspath(source.path),
        cell=cell,
        row=row,
        column=characters(line, finding.col) + 1,
        end_row=end_row,
        end_column=characters(end_line, finding.end_col) + 1,
        finding=finding,
        source_line=line,
    )


def characters(line: str, byte_offset: int) -> int:
    """How many characters the first ``byte_offset`` UTF-8 bytes of ``line`` hold."""
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


def _unparsed(error: BaseException, source: Source) -> Unchecked:
    """Why the module does not parse and, for a syntax error, where (in its cell)."""
    if isinstance(error, SyntaxError) and error.lineno:
        cell, row = None, error.lineno
        if source.cells is not None:
            cell, row = source.cells.locate(error.lineno)
        column = max(error.offset or 1, 1)
        end_row = row + max((error.end_lineno or error.lineno) - error.lineno, 0)
        end_column = error.end_offset or 0
        if (end_row, end_column) <= (row, column):  # Python gives no end, or one before the start
            end_row, end_column = row, column + 1
        return Unchecked(source.path, SYNTAX, error.msg, cell, row, column, end_row, end_column)
    if isinstance(error, (RecursionError, MemoryError)):  # the parser's stack overflowed
        return Unchecked(source.path, SYNTAX, "too deeply nested to parse")
    return Unchecked(source.path, SYNTAX, f"cannot parse: {error}")
