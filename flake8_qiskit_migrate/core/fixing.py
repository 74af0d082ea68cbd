"""``--fix``, ``--unsafe-fixes`` and ``--diff``: merge the fixes the check computed (minimal
edits, ruff's model) file by file, notebooks cell by cell, and check the new text again (a
bounded number of rounds) for the fixes that overlapped or that a fix made possible; the last
of those checks is the report of the fixed file, so it is never checked twice."""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from .. import collector
from ..edits import Fix, SourceText, apply, newline_lines
from .diagnostics import Diagnostic
from .notebook import blanked, rewrite_code_cells
from .sources import Source, redecode

ROUNDS = 4  # passes over one file at most; later rounds only fix what overlapped before


@dataclass(frozen=True)
class Change:
    path: str
    before: str
    after: str

    def diff(self) -> str:
        """A unified diff ``patch`` and ``git apply`` accept: lines end at ``\\n`` only (a
        form feed or a lone ``\\r`` is part of a line), and a last line without one is
        marked."""
        import difflib  # for --diff only
        lines = difflib.unified_diff(newline_lines(self.before), newline_lines(self.after),
                                     fromfile=f"a/{self.path}", tofile=f"b/{self.path}")
        return "".join(line if line.endswith("\n") else f"{line}\n{_NO_NEWLINE}"
                       for line in lines)


_NO_NEWLINE = "\\ No newline at end of file\n"


def allowed(diagnostic: Diagnostic, unsafe: bool) -> bool:
    rule_fix = diagnostic.finding.autofix
    return bool(diagnostic.finding.edits) and rule_fix is not None and (
        unsafe or rule_fix.applicability_of(diagnostic.finding.edits) == "safe")


# Checks a new text of a file again: its diagnostics (with their fixes); the tree, where the
# fixing parsed that very text already (to prove it parses), spares the check a second parse.
Recheck = Callable[[Source, "ast.Module | None"], "list[Diagnostic]"]
# Which of a check's diagnostics the fixes may touch (not a baseline's).
Touchable = Callable[["list[Diagnostic]"], "list[Diagnostic]"]


@dataclass(frozen=True)
class Fixed:
    change: Change
    remaining: list[Diagnostic]  # the check of ``change.after``: what is left after the fixes


def fix_source(source: Source, diagnostics: list[Diagnostic], unsafe: bool,
               recheck: Recheck, touchable: Touchable = list) -> Fixed | None:
    """The file's new text (for a notebook, the JSON document) with its allowed fixes, and the
    diagnostics of that text, or None. The new text is checked again, ``ROUNDS`` passes at
    most, as ruff does: overlapping fixes wait for it, and a fix may offer the next step of a
    migration (``execute`` becomes ``backend.run``, which becomes a Sampler). The rounds stop
    where a check offers nothing more to fix, so that check is of the final text."""
    wanted = [d for d in touchable(diagnostics) if allowed(d, unsafe)]
    current, remaining = source, diagnostics
    for _ in range(ROUNDS):
        if not wanted:
            break
        after, tree = _fixed(current, wanted)
        if after == current.text:
            break
        new = redecode(source.path, after)
        if new.error is not None:  # the text of the last round stays, with its check
            break
        current, remaining = new, recheck(new, tree)
        wanted = [d for d in touchable(remaining) if allowed(d, unsafe)]
    if current.text == source.text:
        return None
    return Fixed(Change(source.path, source.text, current.text), remaining)


def _fixed(source: Source, wanted: list[Diagnostic]) -> tuple[str, ast.Module | None]:
    """The text with the non-overlapping fixes applied (the others wait for a re-check), and,
    for a Python file, its tree (None for a notebook, whose cells are parsed one by one)."""
    if source.cells is None:
        text, _ = apply(source.text, [d.finding.edits for d in wanted])
        tree = _parsed(text)
        return (text, tree) if tree is not None else (source.text, None)
    codes: dict[int, str] = {}

    def read(cell: int, code: str) -> None:
        codes[cell] = code
    rewrite_code_cells(source.text, read)
    fixes = {id(d.finding.edits): d.finding.edits for d in wanted}
    parts = {key: split for key, fix in fixes.items()
             if (split := source.cells.split(fix)) is not None}
    new = _cells_fixed(codes, parts)
    return rewrite_code_cells(source.text, lambda cell, code: new.get(cell)), None


def _cells_fixed(codes: dict[int, str], parts: dict[int, dict[int, Fix]]) -> dict[int, str]:
    """The new code of each cell with its fixes (``parts``: each fix's edits per cell), a fix
    of several cells made in all of them or none: where one of its cells cannot take it
    (overlap, or the cell's result would not parse), the cells are worked out again without
    it. A cell whose result would not parse is left as it was."""
    while True:
        by_cell: dict[int, list[tuple[int, Fix]]] = defaultdict(list)
        for key, split in parts.items():
            for cell, local in split.items():
                by_cell[cell].append((key, local))
        new: dict[int, str] = {}
        missed: set[int] = set()  # fixes left out of one of their cells
        for cell, entries in by_cell.items():
            text, applied = apply(codes[cell], [local for _, local in entries])
            if text.endswith("\n") and not codes[cell].endswith("\n"):
                text = text[:-1]  # deleted last lines leave the line end before them
            done = {entries[i][0] for i in applied}
            if _cell_parses(codes[cell], text, [entries[i][1] for i in applied]):
                new[cell] = text
            else:
                done = set()
            missed |= {key for key, _ in entries if key not in done}
        spanning = {key for key in missed if len(parts[key]) > 1}
        if not spanning:
            return new
        parts = {key: split for key, split in parts.items() if key not in spanning}


def _cell_parses(code: str, text: str, fixes: list[Fix]) -> bool:
    """Whether a cell's new code parses (its IPython lines blanked) and keeps every IPython
    line of the old code but those a fix deletes whole (a line's text inside a deletion)."""
    python, kept = blanked(text)
    _, before = blanked(code)
    source, lines = SourceText(code), code.split("\n")
    cuts = [(source.offset(e.row, e.column), source.offset(e.end_row, e.end_column))
            for fix in fixes for e in fix if not e.content]

    def deleted(row: int) -> bool:
        start = source.offset(row + 1, 1)
        return any(a <= start and start + len(lines[row]) <= b for a, b in cuts)
    after = text.split("\n")
    return [after[i] for i in kept] == [lines[i] for i in before if not deleted(i)] and (
        _parsed(python) is not None)


def _parsed(text: str) -> ast.Module | None:
    """The module's tree, or None where it does not parse."""
    try:
        with collector.paused():  # tens of thousands of new nodes, no cycle: see ``collector``
            return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
