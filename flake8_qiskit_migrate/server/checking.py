"""A document as the server sees it: its settings (the editor's merged with its project's
``pyproject.toml``), its diagnostics, its fixes and ``noqa`` edits, all from the core that the
command uses too. No LSP types here: rows are 1-based, columns 1-based characters."""

from __future__ import annotations

import ast
import io
import json
import os
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core import config, fixing, sources
from ..core import settings as core_settings
from ..core.diagnostics import Diagnostic, Parse, ParseError, diagnose, parse_whole
from ..core.filters import Selection
from ..core.notebook import CellMap
from ..core.unchecked import INTERNAL, Unchecked
from ..edits import Edit, apply
from ..packages import package_of
from ..registry import Settings

# Editor settings (camelCase, as editors spell them) and the pyproject keys they stand for.
EDITOR_KEYS = {"select": "select", "extendSelect": "extend-select", "ignore": "ignore",
               "targetQiskit": "target-qiskit", "targetRuntime": "target-runtime"}
# Which wins where both the editor and pyproject.toml set a key (ruff's names).
PREFERENCES = ("editorFirst", "filesystemFirst", "editorOnly")


@dataclass(frozen=True)
class EditorSettings:
    values: tuple[tuple[str, Any], ...] = ()  # pyproject keys and values the editor sets
    unsafe_fixes: bool = False
    fix_all: bool = True  # offer source.fixAll
    run: str = "onType"  # or "onSave": check on open and save only
    preference: str = "editorFirst"

    @classmethod
    def parse(cls, given: object) -> tuple[EditorSettings, list[str]]:
        """The settings an editor sent, and a message for each value ignored."""
        if isinstance(given, dict) and isinstance(given.get("flake8-qiskit-migrate"), dict):
            given = given["flake8-qiskit-migrate"]  # didChangeConfiguration nests our section
        if not isinstance(given, dict):
            return cls(), [] if given is None else ["settings must be an object"]
        problems: list[str] = []
        values: list[tuple[str, Any]] = []
        for key, target in EDITOR_KEYS.items():
            value = given.get(key)
            lists = target in ("select", "extend-select", "ignore")
            if value is None:
                continue
            if lists and isinstance(value, list) and all(isinstance(v, str) for v in value):
                values.append((target, [v.strip().upper() for v in value]))
            elif not lists and isinstance(value, str):
                values.append((target, value))
            else:
                problems.append(f"'{key}' must be {'a list of strings' if lists else 'a string'}")
        flags = {}
        for key, default in (("unsafeFixes", False), ("fixAll", True)):
            value = given.get(key, default)
            if not isinstance(value, bool):
                problems.append(f"'{key}' must be true or false")
                value = default
            flags[key] = value
        run = given.get("run", "onType")
        if run not in ("onType", "onSave"):
            problems.append("'run' must be 'onType' or 'onSave'")
            run = "onType"
        preference = given.get("configurationPreference", "editorFirst")
        if preference not in PREFERENCES:
            problems.append(f"'configurationPreference' must be one of {', '.join(PREFERENCES)}")
            preference = "editorFirst"
        return cls(tuple(values), flags["unsafeFixes"], flags["fixAll"], run,
                   preference), problems


@dataclass(frozen=True)
class Resolved:
    """The settings one document is checked with."""

    selection: Selection
    settings: Settings
    pyproject: Path | None
    editor: EditorSettings


def resolve(folder: Path, editor: EditorSettings) -> Resolved:
    """The editor's settings merged with those of the ``pyproject.toml`` nearest ``folder``,
    by ``editor.preference``. A bad value anywhere raises ``ValueError`` with its message."""
    pyproject = config.find_pyproject(folder)
    project = {} if editor.preference == "editorOnly" else config.load(pyproject)
    editor_values = dict(editor.values)
    merged = ({**project, **editor_values} if editor.preference != "filesystemFirst"
              else {**editor_values, **project})
    if "select" in editor_values and editor.preference != "filesystemFirst":
        merged.pop("extend-select", None)  # the editor's select replaces the project's whole
    return Resolved(core_settings.selection(merged),
                    core_settings.engine_settings(merged, folder), pyproject, editor)


@dataclass(frozen=True)
class Result:
    diagnostics: list[Diagnostic]
    problem: Unchecked | None = None  # the text does not parse: nothing was checked


def check(path: str, code: str, resolved: Resolved, cells: CellMap | None = None,
          parse: Parse = parse_whole, fixes: bool = True) -> Result:
    """The diagnostics (with their fixes, unless not ``fixes``) of a module's text, as the
    command finds them; for a notebook, its joined cells with their map (the cells' bindings
    and magics count). ``parse``: how the text is parsed (a document's ``Reparser`` reuses
    its last tree)."""
    return _check(sources.Source(path, code, cells, text=code), path, resolved, parse=parse,
                  fixes=fixes)


def _check(source: sources.Source, path: str, resolved: Resolved,
           tree: ast.Module | None = None, parse: Parse = parse_whole,
           fixes: bool = True) -> Result:
    def package() -> str | None:
        return package_of(path) if os.path.isfile(path) else None
    try:
        return Result(diagnose(source, resolved.selection, resolved.settings, package,
                               with_fixes=fixes, tree=tree, parse=parse, fixes=fixes))
    except ParseError as error:
        return Result([], error.unchecked)
    except Exception as error:  # a bug: said on the document, as the command says it
        return Result([], Unchecked(path, INTERNAL, f"internal error while checking it "
                                                    f"({type(error).__name__}: {error})"))


def fixed(path: str, code: str, diagnostics: list[Diagnostic], unsafe: bool,
          resolved: Resolved) -> str | None:
    """The module's text with every allowed fix, merged as ``--fix`` merges them; None if none
    applies."""
    source = sources.Source(path, code, text=code)
    done = fixing.fix_source(source, diagnostics, unsafe,
                             lambda again, tree: _check(again, path, resolved, tree).diagnostics)
    return done.change.after if done is not None else None


def notebook_fixes(code: str, cells: CellMap, diagnostics: list[Diagnostic],
                   unsafe: bool) -> list[Edit]:
    """The edits of every allowed fix of a notebook's joined code that does not overlap an
    earlier one (one round: each cell is edited where its own edits fall, an added import in
    the cell that holds the imports; each edit inside its cell)."""
    wanted = [cells.contained(d.finding.edits) for d in diagnostics if fixing.allowed(d, unsafe)]
    edits: list[Edit] = []
    for index in apply(code, wanted)[1]:
        edits += [edit for edit in wanted[index] if edit not in edits]
    return edits


class Noqa:
    """``# noqa`` edits for the lines of one module: its lines and the rows that end inside a
    string (where a comment would be text) are worked out once, for all its findings."""

    def __init__(self, code: str) -> None:
        self.lines = code.splitlines()
        self.in_strings = _rows_ending_in_strings(code)

    def edit(self, row: int, rule: str) -> Edit | None:
        """The edit that adds ``rule`` to line ``row``'s ``# noqa`` comment, or adds one."""
        if not 0 < row <= len(self.lines) or row in self.in_strings:
            return None
        line = self.lines[row - 1]
        existing = _NOQA.search(line)
        if existing:
            codes = [c for c in re.split(r"[,\s]+", existing.group(1)) if c]
            if rule in codes:
                return None
            start, end = existing.span(1)
            return Edit(row, start + 1, row, end + 1, ", ".join([*codes, rule]))
        stripped = len(line.rstrip())
        return Edit(row, stripped + 1, row, len(line) + 1, f"  # noqa: {rule}")


_NOQA = re.compile(r"#\s*noqa:\s*([A-Z][A-Z0-9]*(?:[,\s]+[A-Z][A-Z0-9]*)*)", re.IGNORECASE)


def _rows_ending_in_strings(code: str) -> frozenset[int] | _All:
    """The rows whose line end lies inside a string literal: one scan of comments and string
    literals, much faster than ``tokenize``. f- and t-strings with triple quotes, which may
    nest quotes (PEP 701), go to the tokenizer."""
    if _FORMATTED_TRIPLE.search(code):
        return _tokenized_rows(code)
    rows: set[int] = set()
    row, counted = 1, 0  # the row at offset ``counted``
    for literal in _LITERAL.finditer(code):
        start, end = literal.span()
        if code.find("\n", start, end) >= 0:  # a comment never holds one
            row += code.count("\n", counted, start)
            counted = start
            rows.update(range(row, row + code.count("\n", start, end)))
    return frozenset(rows)


_FORMATTED_TRIPLE = re.compile(r"(?<!\w)(?:[fFtT][rR]?|[rR][fFtT])(?:\"\"\"|''')")
# A comment, or a string to its closing quote (an unclosed one-line string ends at its line).
_LITERAL = re.compile(r'''#[^\n]*'''
                      r'''|"""(?:[^\\"]|\\[\s\S]|"(?!""))*(?:"""|\Z)'''
                      r"""|'''(?:[^\\']|\\[\s\S]|'(?!''))*(?:'''|\Z)"""
                      r'''|"(?:[^\\"\n]|\\[\s\S])*(?:"|(?=\n)|\Z)'''
                      r"""|'(?:[^\\'\n]|\\[\s\S])*(?:'|(?=\n)|\Z)""")


def _tokenized_rows(code: str) -> frozenset[int] | _All:
    rows: set[int] = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type in _STRINGS and token.end[0] > token.start[0]:
                rows.update(range(token.start[0], token.end[0]))
    except (tokenize.TokenError, SyntaxError):
        return _All()  # unsure: offer nothing rather than break the code
    return frozenset(rows)


class _All:
    def __contains__(self, row: object) -> bool:
        return True


_STRINGS = frozenset({tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING),
                      getattr(tokenize, "FSTRING_START", tokenize.STRING)})


def joined_cells(cells: list[tuple[bool, str]]) -> tuple[str, CellMap]:
    """A notebook's cells (code or not, text) as one module and the map back to the cells,
    exactly as the command joins a ``.ipynb`` file's cells (magics blanked)."""
    document = {"cells": [{"cell_type": "code" if is_code else "markdown", "source": text,
                           "metadata": {}, **({"outputs": [], "execution_count": None}
                                              if is_code else {})}
                          for is_code, text in cells],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    source = sources.redecode("notebook.ipynb", json.dumps(document))
    assert source.cells is not None  # a document we built is a notebook
    return source.code, source.cells
