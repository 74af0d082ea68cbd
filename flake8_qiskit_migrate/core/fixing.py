"""``--fix``, ``--unsafe-fixes`` and ``--diff``: merge the fixes the check computed (minimal
edits, ruff's model) file by file, notebooks cell by cell, and re-check a file (a bounded
number of times) only when fixes overlapped and some were left for another round."""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from ..edits import Edit, Fix, apply
from .diagnostics import Diagnostic
from .notebook import CellMap, rewrite_code_cells
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
        lines = difflib.unified_diff(_lines(self.before), _lines(self.after),
                                     fromfile=f"a/{self.path}", tofile=f"b/{self.path}")
        return "".join(line if line.endswith("\n") else f"{line}\n{_NO_NEWLINE}"
                       for line in lines)


_NO_NEWLINE = "\\ No newline at end of file\n"


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def allowed(diagnostic: Diagnostic, unsafe: bool) -> bool:
    rule_fix = diagnostic.finding.rule.fix
    return bool(diagnostic.finding.edits) and rule_fix is not None and (
        unsafe or rule_fix.applicability_of(diagnostic.finding.edits) == "safe")


# Checks a new text of a file again: its diagnostics (with their fixes).
Recheck = Callable[[Source], "list[Diagnostic]"]


def fix_source(source: Source, diagnostics: list[Diagnostic], unsafe: bool,
               recheck: Recheck) -> Change | None:
    """The file's new text (for a notebook, the JSON document) with its allowed fixes, or
    None. The new text is checked again, ``ROUNDS`` passes at most, as ruff does: overlapping
    fixes wait for it, and a fix may offer the next step of a migration (``execute`` becomes
    ``backend.run``, which becomes a Sampler)."""
    wanted = [d for d in diagnostics if allowed(d, unsafe)]
    current = source
    for _ in range(ROUNDS):
        if not wanted:
            break
        after = _fixed(current, wanted)
        if after == current.text:
            break
        current = redecode(source.path, after)
        if current.error is not None:
            break
        wanted = [d for d in recheck(current) if allowed(d, unsafe)]
    return Change(source.path, source.text, current.text) if current.text != source.text else None


def _fixed(source: Source, wanted: list[Diagnostic]) -> str:
    """The text with the non-overlapping fixes applied (the others wait for a re-check)."""
    if source.cells is None:
        text, _ = apply(source.text, [d.finding.edits for d in wanted])
        return text if _parses(text) else source.text
    by_cell: dict[int, list[Fix]] = defaultdict(list)
    for d in wanted:
        local = _cell_fix(source.cells, d.finding.edits)
        if local is not None:
            by_cell[local[0]].append(local[1])

    def rewrite(cell: int, code: str) -> str | None:
        if cell not in by_cell:
            return None
        text, _ = apply(code, by_cell[cell])
        return text if _parses(text) else None
    return rewrite_code_cells(source.text, rewrite)


def _cell_fix(cells: CellMap, fix: Fix) -> tuple[int, Fix] | None:
    """A fix of the joined notebook code as the fix of one cell, with cell-relative rows; None
    if its edits do not all fall in one cell."""
    cell = cells.cell_of(fix)
    if cell is None:
        return None
    shift = cells.locate(fix[0].row)[1] - fix[0].row
    return cell, tuple(Edit(e.row + shift, e.column, e.end_row + shift, e.end_column, e.content)
                       for e in fix)


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True
