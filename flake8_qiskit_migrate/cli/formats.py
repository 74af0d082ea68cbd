"""Output formats. ``json``/``json-lines`` follow ruff's diagnostic schema, ``github`` and
``gitlab`` ruff's CI formats, ``sarif`` SARIF 2.1.0; ``concise`` is the flake8 line."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from ..registry import Rule
from .baseline import line_fingerprint, relative_path
from .diagnostics import Diagnostic
from .summary import fixable

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


def _ruff_object(d: Diagnostic) -> dict[str, Any]:
    rule = d.finding.rule
    return {
        "cell": d.cell,
        "code": d.code,
        "end_location": {"column": d.end_column, "row": d.end_row},
        "filename": d.filename,
        "fix": None if d.fix is None else {
            "applicability": d.fix.applicability,
            "edits": [{"content": e.content,
                       "end_location": {"column": e.end_column, "row": e.end_row},
                       "location": {"column": e.column, "row": e.row}} for e in d.fix.edits],
            "message": d.fix.message,
        },
        "location": {"column": d.column, "row": d.row},
        "message": d.finding.text,
        "name": rule.name,
        "noqa_row": d.row,
        "severity": "error",
        "url": rule.url,
    }


def json_array(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([_ruff_object(d) for d in diagnostics], indent=2, sort_keys=True) + "\n"


def json_lines(diagnostics: list[Diagnostic]) -> str:
    return "".join(json.dumps(_ruff_object(d), sort_keys=True) + "\n" for d in diagnostics)


def _escape(text: str, property_value: bool = False) -> str:
    """GitHub workflow-command escaping."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github(diagnostics: list[Diagnostic]) -> str:
    lines = []
    for d in diagnostics:
        properties = ",".join(f"{key}={_escape(str(value), True)}" for key, value in (
            ("title", f"{TOOL} ({d.code})"), ("file", d.filename), ("line", d.row),
            ("col", d.column), ("endLine", d.end_row), ("endColumn", d.end_column)))
        lines.append(f"::error {properties}::{_escape(f'{d.position}: {d.finding.message}')}\n")
    return "".join(lines)


def gitlab(diagnostics: list[Diagnostic]) -> str:
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


def sarif(diagnostics: list[Diagnostic]) -> str:
    fired = sorted({d.code: d.finding.rule for d in diagnostics}.items())
    index = {code: position for position, (code, _) in enumerate(fired)}
    results = []
    for d in diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": "error",
            "message": {"text": d.finding.text},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": Path(d.filename).as_uri()},
                "region": {"startLine": d.row, "startColumn": d.column,
                           "endLine": d.end_row, "endColumn": d.end_column},
            }}],
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
        }],
    }
    return json.dumps(log, indent=2) + "\n"


def statistics(diagnostics: list[Diagnostic], stale: int | None = None) -> str:
    """Counts per code; with a baseline, also the entries it holds that no longer occur."""
    counts = Counter(d.code for d in diagnostics)
    names = {d.code: d.finding.rule.name for d in diagnostics}
    lines = [f"{counts[code]:>5}\t{code}\t{names[code]}\n" for code in sorted(counts)]
    if stale is not None:
        lines.append(f"{stale:>5}\tstale\tbaseline entries whose findings are gone\n")
    return "".join(lines)


# The formats a person reads: they mark fixable findings and end with ruff's closing lines.
TEXT_FORMATS = frozenset({"concise", "full"})
FORMATS: dict[str, Callable[[list[Diagnostic]], str]] = {
    "concise": concise,
    "full": full,
    "json": json_array,
    "json-lines": json_lines,
    "sarif": sarif,
    "github": github,
    "gitlab": gitlab,
    "summary": lambda diagnostics: _report().markdown(diagnostics),
    "summary-html": lambda diagnostics: _report().page(diagnostics),
}


def _explanation(rule: Rule) -> str:
    from ..docs import explanation  # rule documents: only SARIF carries them
    return explanation(rule)


def _report() -> Any:
    """The report module, imported only by the runs that print a report."""
    from . import report
    return report
