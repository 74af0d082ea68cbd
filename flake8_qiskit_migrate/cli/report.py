"""A migration report for a whole project, for the person planning the work: findings per
category, per file and per directory, the share fixable automatically, the files with the most
work, and the migration-guide steps involved. ``summary``: Markdown (pastes into an issue or a
pull request); ``summary-html``: one self-contained page with bar charts (no script, no CDN)."""

from __future__ import annotations

import html
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..registry import CATEGORIES, REGISTRY
from ..core.diagnostics import Diagnostic
from .summary import counted, fixable
from ..core.unchecked import Unchecked

TOP_FILES = 10


@dataclass
class Tally:
    findings: int = 0
    safe: int = 0  # fixable with --fix
    unsafe: int = 0  # fixable with --fix --unsafe-fixes as well
    codes: Counter[str] = field(default_factory=Counter)

    def add(self, d: Diagnostic) -> None:
        self.findings += 1
        self.safe += fixable(d, False)
        self.unsafe += fixable(d, True)
        self.codes[d.code] += 1


@dataclass
class Report:
    total: Tally
    categories: dict[int, Tally]
    files: dict[str, Tally]
    folders: dict[str, Tally]
    steps: dict[str, Tally]  # migration-guide URL -> what points there


def tally(diagnostics: list[Diagnostic]) -> Report:
    report = Report(Tally(), defaultdict(Tally), defaultdict(Tally), defaultdict(Tally),
                    defaultdict(Tally))
    for d in diagnostics:
        rule = d.finding.rule
        for bucket in (report.total, report.categories[rule.category], report.files[d.path],
                       report.folders[os.path.dirname(d.path) or "."], report.steps[rule.url]):
            bucket.add(d)
    return report


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


def _step_title(url: str) -> str:
    """``.../qiskit-runtime#step-3-replace-the-call`` -> ``qiskit-runtime: step 3 replace the
    call``."""
    page, _, anchor = url.rstrip("/").rpartition("/")[2].partition("#")
    return f"{page}: {anchor.replace('-', ' ')}" if anchor else page


def _top(files: dict[str, Tally]) -> list[tuple[str, Tally]]:
    return sorted(files.items(), key=lambda item: (-item[1].findings, item[0]))[:TOP_FILES]


def _not_checked(unchecked: list[Unchecked]) -> str:
    """The sentence saying how many files the report leaves out, if any."""
    if not unchecked:
        return ""
    return (f"{counted(len(unchecked), 'file')} could not be checked: "
            "their findings are not counted here.")


def markdown(diagnostics: list[Diagnostic], unchecked: list[Unchecked]) -> str:
    r = tally(diagnostics)
    t = r.total
    lines = ["# Qiskit migration report", ""]
    if unchecked:
        lines += [f"**{_not_checked(unchecked)}**", "", "| File | Why |", "|---|---|",
                  *(f"| `{u.path}` | {u.reason.replace('|', '&#124;')} |" for u in unchecked),
                  ""]
    if not t.findings:
        checked = " in the files checked" if unchecked else ""
        return "\n".join([*lines, f"No deprecated Qiskit execution patterns found{checked}.",
                          ""])
    lines += [f"**{counted(t.findings, 'finding')}** in {counted(len(r.files), 'file')}. "
              f"{_share(t.safe, t.findings)} are fixed by `--fix` ({t.safe}), "
              f"{_share(t.unsafe, t.findings)} with `--fix --unsafe-fixes` ({t.unsafe}); "
              f"the rest need a person.", "",
              "## By category", "", "| Category | Findings | Fixable | Rules |",
              "|---|---:|---:|---|"]
    for category, title in CATEGORIES.items():
        c = r.categories.get(category)
        if c:
            codes = ", ".join(f"{code} ({n})" for code, n in sorted(c.codes.items()))
            lines.append(f"| {category}xx {title} | {c.findings} | {c.unsafe} | {codes} |")
    lines += ["", f"## Files with the most work (top {TOP_FILES})", "",
              "| File | Findings | Fixable | Rules |", "|---|---:|---:|---|"]
    for path, f in _top(r.files):
        codes = ", ".join(sorted(f.codes))
        lines.append(f"| `{path}` | {f.findings} | {f.unsafe} | {codes} |")
    lines += ["", "## By directory", "", "| Directory | Findings | Fixable |", "|---|---:|---:|"]
    for folder, f in sorted(r.folders.items(), key=lambda item: (-item[1].findings, item[0])):
        lines.append(f"| `{folder}` | {f.findings} | {f.unsafe} |")
    lines += ["", "## Migration-guide steps involved", ""]
    for url, s in sorted(r.steps.items(), key=lambda item: (-item[1].findings, item[0])):
        codes = ", ".join(f"{code} `{REGISTRY.rules[code].name}`" for code in sorted(s.codes))
        findings = counted(s.findings, "finding")
        lines.append(f"- [{_step_title(url)}]({url}): {findings} ({codes})")
    lines += ["", "Fixable counts include the unsafe fixes; `--fix` alone applies the safe ones. "
              "Made by `flake8-qiskit-migrate check --output-format summary`.", ""]
    return "\n".join(lines)


_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #1d1d1f; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.8em; }
table { border-collapse: collapse; width: 100%; }
td, th { padding: .25em .6em; border-bottom: 1px solid #ddd; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; width: 5em; }
.bar { background: #e8e8ed; height: 1em; width: 24em; position: relative; }
.bar span { display: block; height: 100%; background: #0f62fe; }
.bar span.fix { position: absolute; top: 0; left: 0; background: #42be65; }
.legend span { display: inline-block; width: .9em; height: .9em; margin: 0 .3em 0 1em; }
code { font-size: .92em; }
"""


def _bar(f: Tally, largest: int) -> str:
    width = 100 * f.findings / largest if largest else 0
    fixed = 100 * f.unsafe / largest if largest else 0
    return (f'<div class="bar" role="img" aria-label="{f.findings} findings, {f.unsafe} '
            f'fixable"><span style="width:{width:.1f}%"></span>'
            f'<span class="fix" style="width:{fixed:.1f}%"></span></div>')


def _rows(items: list[tuple[str, Tally]]) -> str:
    largest = max((f.findings for _, f in items), default=0)
    return "\n".join(f"<tr><td>{label}</td><td class=n>{f.findings}</td><td class=n>{f.unsafe}"
                     f"</td><td>{_bar(f, largest)}</td></tr>" for label, f in items)


def page(diagnostics: list[Diagnostic], unchecked: list[Unchecked]) -> str:
    r = tally(diagnostics)
    t = r.total
    head = ("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
            "<title>Qiskit migration report</title>"
            f"<style>{_STYLE}</style></head><body>\n<h1>Qiskit migration report</h1>\n")
    if unchecked:
        head += (f"<p><strong>{_not_checked(unchecked)}</strong></p>\n<table><tr><th>File</th>"
                 "<th>Why</th></tr>\n" + "\n".join(
                     f"<tr><td><code>{html.escape(u.path)}</code></td>"
                     f"<td>{html.escape(u.reason)}</td></tr>" for u in unchecked) + "\n</table>\n")
    if not t.findings:
        checked = " in the files checked" if unchecked else ""
        return (head + f"<p>No deprecated Qiskit execution patterns found{checked}.</p>\n"
                "</body></html>\n")
    table = ("<table><tr><th>{}</th><th>Findings</th><th>Fixable</th><th>"
             "<span class=legend><span style='background:#0f62fe'></span>findings"
             "<span style='background:#42be65'></span>fixable</span></th></tr>\n{}\n</table>\n")
    categories = [(f"{c}xx {html.escape(title)}", r.categories[c])
                  for c, title in CATEGORIES.items() if c in r.categories]
    folders = sorted(r.folders.items(), key=lambda item: (-item[1].findings, item[0]))
    files = _top(r.files)
    steps = sorted(r.steps.items(), key=lambda item: (-item[1].findings, item[0]))
    body = [
        f"<p><strong>{counted(t.findings, 'finding')}</strong> in "
        f"{counted(len(r.files), 'file')}. "
        f"{_share(t.safe, t.findings)} are fixed by <code>--fix</code> ({t.safe}), "
        f"{_share(t.unsafe, t.findings)} with <code>--fix --unsafe-fixes</code> ({t.unsafe}); "
        "the rest need a person.</p>",
        "<h2>By category</h2>", table.format("Category", _rows(categories)),
        "<h2>By directory</h2>",
        table.format("Directory", _rows([(f"<code>{html.escape(d)}</code>", f)
                                         for d, f in folders])),
        f"<h2>Files with the most work (top {TOP_FILES})</h2>",
        table.format("File", _rows([(f"<code>{html.escape(p)}</code>", f) for p, f in files])),
        "<h2>Migration-guide steps involved</h2>", "<ul>",
        *[f'<li><a href="{html.escape(url)}">{html.escape(_step_title(url))}</a>: '
          f"{counted(s.findings, 'finding')} ({', '.join(sorted(s.codes))})</li>"
          for url, s in steps],
        "</ul>",
    ]
    return head + "\n".join(body) + "\n</body></html>\n"
