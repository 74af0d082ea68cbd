"""What a person reads at the end of a text run, worded as ruff words it (``Found 3 errors.``,
``[*] 2 fixable with `--fix`.``), and colour for terminals (``NO_COLOR``, ``FORCE_COLOR``)."""

from __future__ import annotations

import os
import re
from typing import TextIO

from ..core.diagnostics import Diagnostic

_RESET = "\033[0m"
_STYLES = {"path": "\033[1m", "code": "\033[1;31m", "fix": "\033[36m", "caret": "\033[31m"}


def counted(number: int, noun: str) -> str:
    plural = noun + ("es" if noun.endswith("x") else "s")
    return f"{number} {noun if number == 1 else plural}"


def closing_lines(diagnostics: list[Diagnostic], unsafe: bool, fixed: int | None,
                  unchecked: int) -> str:
    """ruff's last lines: how many findings (and, after ``--fix``, how many were fixed), how
    many files could not be checked (then never "All checks passed!"), and how many more
    ``--fix`` (and ``--unsafe-fixes``) would fix."""
    remaining = len(diagnostics)
    lines = []
    if fixed is None and remaining:
        lines.append(f"Found {counted(remaining, 'error')}.")
    elif fixed is not None and fixed + remaining:
        lines.append(f"Found {counted(fixed + remaining, 'error')} ({fixed} fixed, "
                     f"{remaining} remaining).")
    if unchecked:
        lines.append(f"{counted(unchecked, 'file')} could not be checked.")
    lines = lines or ["All checks passed!"]
    safe = sum(1 for d in diagnostics if fixable(d, unsafe))
    hidden = sum(1 for d in diagnostics if fixable(d, True)) - safe
    more = f"{counted(hidden, 'unsafe fix')} available with `--fix --unsafe-fixes`"
    if safe:
        lines.append(f"[*] {safe} fixable with `--fix`" + (f" ({more})." if hidden else "."))
    elif hidden:
        lines.append(f"{more}.")
    return "\n".join(lines) + "\n"


def fixable(diagnostic: Diagnostic, unsafe: bool) -> bool:
    """Whether ``--fix`` (with ``--unsafe-fixes`` if ``unsafe``) would fix it."""
    rule_fix = diagnostic.finding.autofix
    return bool(diagnostic.finding.edits) and rule_fix is not None and (
        unsafe or rule_fix.applicability_of(diagnostic.finding.edits) == "safe")


def wants_colour(stream: TextIO, disabled: bool) -> bool:
    """ruff's rule: ``--no-color`` or ``NO_COLOR`` turn colour off, ``FORCE_COLOR`` on, and
    otherwise a terminal gets it."""
    if disabled or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


_POSITION = re.compile(r"^(?P<path>\S.*?:(?:cell \d+:)?\d+:\d+:) (?P<code>QKM\d{3})"
                       r"(?P<fix> \[\*\])?", re.M)
_CARET = re.compile(r"^(?P<gutter> *\| *)(?P<caret>\^+)$", re.M)


def coloured(report: str) -> str:
    """A concise or full report with its paths, codes, fix marks and carets styled."""
    def position(match: re.Match[str]) -> str:
        mark = f" {_STYLES['fix']}[*]{_RESET}" if match["fix"] else ""
        return (f"{_STYLES['path']}{match['path']}{_RESET} "
                f"{_STYLES['code']}{match['code']}{_RESET}{mark}")
    report = _POSITION.sub(position, report)
    return _CARET.sub(lambda m: f"{m['gutter']}{_STYLES['caret']}{m['caret']}{_RESET}", report)
