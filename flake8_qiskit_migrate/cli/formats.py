"""Output formats. ``json``/``json-lines`` follow ruff's diagnostic schema, ``github`` and
``gitlab`` ruff's CI formats, ``sarif`` SARIF 2.1.0; ``concise`` is the flake8 line. The files
that could not be checked are in each: as ruff's ``invalid-syntax``/``E902`` diagnostics, as
SARIF tool execution notifications, in the closing summary of the text formats."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from ..registry import Rule
from ..core.baseline import line_fingerprint, relative_path
from ..core.diagnostics import Diagnostic
from ..edits import Edit
from .summary import fixable
from ..core.unchecked import Unchecked

TOOL = "flake8-qiskit-migrate"
HOME = "https://pypi.org/project/flake8-qiskit-migrate/"


def concise(diagnostics: list[Diagnostic], unsafe: bool = False) -> str:
    """The flake8 line, with ruff's ``[*]`` after the code of what ``--fix`` would fix."""
    return "".join(f"{d.position}: {_code(d, unsafe)} {d.finding.text} ({d.finding.rule.url})\n"
                   for d in diagnostics)


def _code(d: Diagnostic, unsafe: bool) -> str:
    return f"{d.code} [*]" if fixable(d, unsafe) else d.code


def full(diagnostics: list[Diagnostic], unsafe: bool = False) -> str:
    blocks = []
    for d in diagnostics:
        rule, f = d.finding.rule, d.finding
        width = len(str(d.row))
        gutter = " " * width
        span = d.end_column - d.column if d.end_row == d.row else len(d.source_line) - d.column + 1
        blocks.append("\n".join([
            f"{d.position}: {_code(d, unsafe)} {rule.problem(f.name, f.replacement, f.status)}",
            f"{gutter} |",
            f"{d.row} | {d.source_line}",
            f"{gutter} | {' ' * (d.column - 1)}{'^' * max(span, 1)}",
            f"{gutter} |",
            f"{gutter} = help: {rule.remedy(f.name, f.replacement)}",
            f"{gutter} = see: {rule.url}",
        ]) + "\n")
    return "\n".join(blocks)


def _edit_object(edit: Edit, cell: int | None) -> dict[str, Any]:
    """An edit as ruff's JSON gives it; in a notebook its rows are its cell's, and the cell
    is named (a fix may edit several cells)."""
    return {"content": edit.content, **({} if cell is None else {"cell": cell}),
            "end_location": {"column": edit.end_column, "row": edit.end_row},
            "location": {"column": edit.column, "row": edit.row}}


def _ruff_object(d: Diagnostic) -> dict[str, Any]:
    rule = d.finding.rule
    return {
        "cell": d.cell,
        "code": d.code,
        "end_location": {"column": d.end_column, "row": d.end_row},
        "filename": d.filename,
        "fix": None if d.fix is None else {
            "applicability": d.fix.applicability,
            "edits": [_edit_object(e, cell) for e, cell in
                      zip(d.fix.edits, d.fix.cells or [None] * len(d.fix.edits))],
            "message": d.fix.message,
        },
        "location": {"column": d.column, "row": d.row},
        "message": d.finding.text,
        "name": rule.name,
        "noqa_row": d.row,
        "severity": "error",
        "url": rule.url,
    }


def _ruff_error_object(u: Unchecked) -> dict[str, Any]:
    """A file that could not be checked, as ruff's JSON shows a syntax or I/O error."""
    (row, column), (end_row, end_column) = u.start, u.end
    return {
        "cell": u.cell,
        "code": u.code,
        "end_location": {"column": end_column, "row": end_row},
        "filename": u.filename,
        "fix": None,
        "location": {"column": column, "row": row},
        "message": u.message,
        "name": u.name,
        "noqa_row": None,
        "severity": "error",
        "url": None,
    }


def _ruff_objects(diagnostics: list[Diagnostic], unchecked: list[Unchecked]) -> list[Any]:
    return [*map(_ruff_object, diagnostics), *map(_ruff_error_object, unchecked)]


def json_array(diagnostics: list[Diagnostic], unchecked: list[Unchecked]) -> str:
    return json.dumps(_ruff_objects(diagnostics, unchecked), indent=2, sort_keys=True) + "\n"


def json_lines(diagnostics: list[Diagnostic], unchecked: list[Unchecked]) -> str:
    return "".join(json.dumps(item, sort_keys=True) + "\n"
                   for item in _ruff_objects(diagnostics, unchecked))


def _escape(text: str, property_value: bool = False) -> str:
    """GitHub workflow-command escaping."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github(diagnostics: list[Diagnostic], unchecked: list[Unchecked]) -> str:
    annotations = [(d.code, d.filename, (d.row, d.column), (d.end_row, d.end_column),
                    f"{d.position}: {d.finding.message}") for d in diagnostics]
    annotations += [(u.code, u.filename, u.start, u.end, f"{u.position}: {u.code}: {u.message}")
                    for u in unchecked]
    lines = []
    for code, filename, (row, column), (end_row, end_column), message in annotations:
        properties = ",".join(f"{key}={_escape(str(value), True)}" for key, value in (
            ("title", f"{TOOL} ({code})"), ("file", filename), ("line", row),
            ("col", column), ("endLine", end_row), ("endColumn", end_column)))
        lines.append(f"::error {properties}::{_escape(message)}\n")
    return "".join(lines)


def gitlab(diagnostics: list[Diagnostic], unchecked: list[Unchecked]) -> str:
    """GitLab Code Quality. Fingerprints hash the code, the path and the offending line's text
    (and its occurrence count), not the line number, so they survive edits elsewhere."""
    root = os.environ.get("CI_PROJECT_DIR") or os.getcwd()
    seen: Counter[tuple[str, str, str]] = Counter()
    report = []
    for d in diagnostics:
        path = relative_path(d, root)
        seen[(d.code, path, d.source_line.strip())] += 1
        occurrence = seen[(d.code, path, d.source_line.strip())]
        digest = line_fingerprint(d.code, path, f"{d.source_line.strip()}\0{occurrence}")
        report.append({
            "check_name": d.code,
            "description": f"{d.code}: {d.finding.text}",
            "severity": "major",
            "fingerprint": digest,
            "location": {"path": path, "positions": {
                "begin": {"line": d.row, "column": d.column},
                "end": {"line": d.end_row, "column": d.end_column}}},
        })
    for u in unchecked:
        path = Path(os.path.relpath(u.filename, root)).as_posix()
        (row, column), (end_row, end_column) = u.start, u.end
        report.append({
            "check_name": u.code,
            "description": f"{u.code}: {u.message}",
            "severity": "major",
            "fingerprint": line_fingerprint(u.code, path, u.message),
            "location": {"path": path, "positions": {
                "begin": {"line": row, "column": column},
                "end": {"line": end_row, "column": end_column}}},
        })
    return json.dumps(report, indent=2) + "\n"


def sarif_rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.message},
        "fullDescription": {"text": _explanation(rule)},
        "help": {"text": rule.fix_title},
        "helpUri": rule.url,
        "defaultConfiguration": {"enabled": True, "level": "error"},
        "properties": {"id": rule.code, "kind": TOOL, "name": rule.name,
                       "problem.severity": "error"},
    }


def _sarif_location(uri: str, start: tuple[int, int], end: tuple[int, int]) -> dict[str, Any]:
    return {"physicalLocation": {
        "artifactLocation": {"uri": uri},
        "region": {"startLine": start[0], "startColumn": start[1],
                   "endLine": end[0], "endColumn": end[1]},
    }}


def _sarif_notification(u: Unchecked) -> dict[str, Any]:
    """A file that could not be checked: a tool execution notification, not a result."""
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": f"{u.path}: {u.reason}"},
        "descriptor": {"id": u.code},
        "locations": [_sarif_location(Path(u.filename).as_uri(), u.start, u.end)],
    }
    if u.cell is not None:
        notification["properties"] = {"cell": u.cell}
    return notification


def sarif(diagnostics: list[Diagnostic], unchecked: list[Unchecked]) -> str:
    fired = sorted({d.code: d.finding.rule for d in diagnostics}.items())
    index = {code: position for position, (code, _) in enumerate(fired)}
    results = []
    for d in diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": "error",
            "message": {"text": d.finding.text},
            "locations": [_sarif_location(Path(d.filename).as_uri(), (d.row, d.column),
                                          (d.end_row, d.end_column))],
        }
        if d.cell is not None:
            result["properties"] = {"cell": d.cell}
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": TOOL, "informationUri": HOME, "version": __version__,
                                "rules": [sarif_rule(rule) for _, rule in fired]}},
            "results": results,
            "invocations": [{
                "executionSuccessful": not unchecked,
                "toolExecutionNotifications": [_sarif_notification(u) for u in unchecked],
            }],
        }],
    }
    return json.dumps(log, indent=2) + "\n"


def statistics(diagnostics: list[Diagnostic], unchecked: list[Unchecked],
               stale: int | None = None) -> str:
    """Counts per code, the files that could not be checked among them (by ``invalid-syntax``,
    ``E902``...); with a baseline, also the entries it holds that no longer occur."""
    counts = Counter([*(d.code for d in diagnostics), *(u.code for u in unchecked)])
    names = {**{d.code: d.finding.rule.name for d in diagnostics},
             **{u.code: u.name for u in unchecked}}
    lines = [f"{counts[code]:>5}\t{code}\t{names[code]}\n" for code in sorted(counts)]
    if stale is not None:
        lines.append(f"{stale:>5}\tstale\tbaseline entries whose findings are gone\n")
    return "".join(lines)


# The formats a person reads: they mark fixable findings and end with ruff's closing lines.
TEXT_FORMATS = frozenset({"concise", "full"})
FORMATS: dict[str, Callable[[list[Diagnostic], list[Unchecked]], str]] = {
    "concise": lambda diagnostics, unchecked: concise(diagnostics),
    "full": lambda diagnostics, unchecked: full(diagnostics),
    "json": json_array,
    "json-lines": json_lines,
    "sarif": sarif,
    "github": github,
    "gitlab": gitlab,
    "summary": lambda diagnostics, unchecked: _report().markdown(diagnostics, unchecked),
    "summary-html": lambda diagnostics, unchecked: _report().page(diagnostics, unchecked),
}


def _explanation(rule: Rule) -> str:
    from ..docs import explanation  # rule documents: only SARIF carries them
    return explanation(rule)


def _report() -> Any:
    """The report module, imported only by the runs that print a report."""
    from . import report
    return report
