"""``--fix``, ``--unsafe-fixes`` and ``--diff``: apply the rules' fixes to the reported
findings, file by file (notebooks cell by cell)."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass

from .. import fix
from .diagnostics import Diagnostic
from .notebook import rewrite_code_cells
from .sources import Source


@dataclass(frozen=True)
class Change:
    path: str
    before: str
    after: str

    def diff(self) -> str:
        return "".join(difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


def allowed(diagnostic: Diagnostic, unsafe: bool) -> bool:
    rule_fix = diagnostic.finding.rule.fix
    return rule_fix is not None and (unsafe or rule_fix.applicability == "safe")


def changes(sources: dict[str, Source], diagnostics: list[Diagnostic],
            unsafe: bool) -> list[Change]:
    """The new text of every file a fix changes (for notebooks, the JSON document)."""
    wanted: dict[str, dict[int | None, list[fix.Target]]] = defaultdict(lambda: defaultdict(list))
    for d in diagnostics:
        if allowed(d, unsafe):
            wanted[d.path][d.cell].append(fix.Target(d.code, d.row, d.column - 1))
    result = []
    for path, by_cell in wanted.items():
        before = sources[path].text
        if sources[path].cells is None:
            after = fix.apply(before, by_cell[None])[0]
        else:
            after = rewrite_code_cells(before, lambda cell, code: _fixed_cell(code, by_cell[cell]))
        if after != before:
            result.append(Change(path, before, after))
    return result


def _fixed_cell(code: str, targets: list[fix.Target]) -> str | None:
    fixed, done = fix.apply(code, targets)
    return fixed if done else None
