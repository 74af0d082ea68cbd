"""``--fix``, ``--unsafe-fixes`` and ``--diff``: merge the fixes the check computed (minimal
edits, ruff's model) file by file, notebooks cell by cell, and re-check a file (a bounded
number of times) only when fixes overlapped and some were left for another round."""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from ..edits import Edit, apply
from .diagnostics import Diagnostic
from .notebook import rewrite_code_cells
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
    rule_fix = diagnostic.finding.autofix
    return bool(diagnostic.finding.edits) and rule_fix is not None and (
        unsafe or rule_fix.applicability == "safe")


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
    """The text with the non-overlapping fixes applied (the others wait for a re-check). In a
    notebook a fix may edit several cells: it is applied to all of them or to none, so a
    cell that would not parse takes back every fix that edits it."""
    if source.cells is None:
        text, _ = apply(source.text, [d.finding.edits for d in wanted])
        return text if _parses(text) else source.text
    cells = source.cells
    candidates = [d.finding.edits for d in wanted if cells.split(d.finding.edits) is not None]
    while True:
        by_cell: dict[int, dict[Edit, None]] = defaultdict(dict)
        for index in apply(source.code, candidates)[1]:
            for cell, edits in (cells.split(candidates[index]) or {}).items():
                by_cell[cell].update(dict.fromkeys(edits))
        broken = {cell for cell, edits in by_cell.items() if not _parses(
            apply(cells.code_of(source.code, cell), [tuple(edits)])[0])}
        if not broken:  # the edits touch no IPython line: the cell's own text takes them
            return rewrite_code_cells(source.text, lambda cell, text: apply(
                text, [tuple(by_cell[cell])])[0] if cell in by_cell else None)
        candidates = [fix for fix in candidates if broken.isdisjoint(cells.split(fix) or {})]


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True
