"""The core's diagnostics, fixes and edits as LSP messages, in the client's position encoding
(the core counts characters; UTF-16 clients count code units, UTF-8 ones bytes). A document is
one text file or the cells of a notebook joined into one module."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from lsprotocol import types
from lsprotocol.converters import get_converter

from ..core.diagnostics import Diagnostic
from ..core.notebook import CellMap
from ..core.unchecked import Unchecked
from ..edits import Edit
from .checking import Noqa

SOURCE = "flake8-qiskit-migrate"
FIX_ALL = types.CodeActionKind.SourceFixAll + "." + SOURCE  # source.fixAll.flake8-qiskit-migrate
NOTEBOOK_FIX_ALL = "notebook." + FIX_ALL


def encoding_name(kind: object) -> str:
    """``utf-8``, ``utf-16`` or ``utf-32``, from the enumeration or the string pygls holds."""
    return str(getattr(kind, "value", kind) or "utf-16")


def units(encoding: str, text: str) -> int:
    """How many code units of the position ``encoding`` (an ``encoding_name``) ``text`` holds,
    at C speed (pygls counts character by character)."""
    if encoding == "utf-32" or text.isascii():
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Layout:
    """Where the checked module's lines live: one document, or the cells of a notebook (the
    joined module's row ``r`` is row ``locate(r)`` of cell ``uris[cell]``)."""

    uri: str
    code: str  # the module checked (for a notebook, its code cells joined)
    lines: Sequence[str]  # the text of each row, as the client holds it
    cells: CellMap | None = None
    cell_uris: dict[int, str] | None = None  # cell number -> cell document uri

    def place(self, row: int) -> tuple[str, int]:
        """(document uri, 0-based line) of a 1-based row of the module."""
        if self.cells is None or self.cell_uris is None:
            return self.uri, row - 1
        cell, cell_row = self.cells.locate(row)
        return self.cell_uris[cell], cell_row - 1

    def position(self, encoding: str, row: int, column: int) -> tuple[str, dict[str, int]]:
        uri, line = self.place(row)
        text = self.lines[row - 1] if 0 < row <= len(self.lines) else ""
        return uri, {"line": line, "character": units(encoding, text[:column - 1])}

    def range(self, encoding: str, row: int, column: int, end_row: int,
              end_column: int) -> tuple[str, dict[str, Any]]:
        """(document uri, an LSP range as JSON) of 1-based rows and character columns."""
        uri, start = self.position(encoding, row, column)
        _, end = self.position(encoding, end_row, end_column)
        return uri, {"start": start, "end": end}

    def text_edit(self, encoding: str, edit: Edit) -> dict[str, Any]:
        """An edit as ``{"uri", "range", "newText"}``, for a diagnostic's data."""
        uri, where = self.range(encoding, edit.row, edit.column, edit.end_row, edit.end_column)
        return {"uri": uri, "range": where, "newText": edit.content}


# Messages are built as plain JSON: lsprotocol's objects and converter take longer than the
# check for a file with hundreds of findings. ``from_json`` makes the few a code action needs.


def diagnostic(layout: Layout, encoding: str, d: Diagnostic, version: int | None,
               noqa: Noqa | None) -> tuple[str, dict[str, Any]]:
    """A finding as an LSP diagnostic of the document (or cell) it is in; its ``data``
    carries the fix's edits and (given ``noqa``) the ``noqa`` edit, so a code action needs no
    second check."""
    finding = d.finding
    uri, where = layout.range(encoding, finding.line, d.column, finding.end_line, d.end_column)
    data: dict[str, Any] = {"version": version}
    rule_fix = finding.autofix
    # In a notebook each edit stays in its cell (none where one would cross into the next).
    edits = finding.edits if layout.cells is None else layout.cells.contained(finding.edits)
    if rule_fix is not None and edits:
        data["fix"] = {"title": d.fix.message if d.fix else rule_fix.title_of(finding.edits),
                       "safe": rule_fix.applicability_of(finding.edits) == "safe",
                       "edits": [layout.text_edit(encoding, e) for e in edits]}
    noqa_edit = noqa.edit(finding.line, finding.code) if noqa is not None else None
    if noqa_edit is not None:
        data["noqa"] = layout.text_edit(encoding, noqa_edit)
    return uri, {"range": where, "message": finding.text, "severity": _WARNING,
                 "code": finding.code, "codeDescription": {"href": finding.rule.url},
                 "source": SOURCE, "tags": [_DEPRECATED], "data": data}


_WARNING = types.DiagnosticSeverity.Warning.value
_DEPRECATED = types.DiagnosticTag.Deprecated.value


def not_checked(layout: Layout, encoding: str,
                problem: Unchecked) -> tuple[str, dict[str, Any]]:
    """A module that was not checked (it does not parse, or the check failed): an error where
    it stops, so no one reads the silence as "nothing to migrate"."""
    (row, column), (end_row, end_column) = problem.start, problem.end
    uri, where = layout.range(encoding, max(row, 1), max(column, 1), max(end_row, 1),
                              max(end_column, 1))
    return uri, {"range": where, "message": f"not checked: {problem.message}",
                 "severity": types.DiagnosticSeverity.Error.value, "source": SOURCE}


def from_json(found: dict[str, Any]) -> types.Diagnostic:
    """One of our diagnostics as lsprotocol's object."""
    return _CONVERTER.structure(found, types.Diagnostic)


_CONVERTER = get_converter()


def workspace_edit(edits: Sequence[dict[str, Any]],
                   versions: dict[str, int | None]) -> types.WorkspaceEdit:
    """Edits from a diagnostic's data as a workspace edit, per document (each at the version
    the edits were computed for, so a client refuses stale ones)."""
    by_uri: dict[str, list[types.TextEdit]] = {}
    for edit in edits:
        start, end = edit["range"]["start"], edit["range"]["end"]
        text_edit = types.TextEdit(types.Range(types.Position(start["line"], start["character"]),
                                               types.Position(end["line"], end["character"])),
                                   edit["newText"])
        if text_edit not in by_uri.setdefault(edit["uri"], []):
            by_uri[edit["uri"]].append(text_edit)
    if any(version is None for version in versions.values()):
        return types.WorkspaceEdit(changes=by_uri)
    return types.WorkspaceEdit(document_changes=[
        types.TextDocumentEdit(types.OptionalVersionedTextDocumentIdentifier(uri, versions[uri]),
                               list(changed)) for uri, changed in by_uri.items()])


def whole_change(encoding: str, before: str, after: str) -> types.TextEdit:
    """One edit from ``before`` to ``after``: the span between their common start and end."""
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    lines = before.split("\n")

    def position(offset: int) -> types.Position:
        line = before.count("\n", 0, offset)
        column = offset - (before.rfind("\n", 0, offset) + 1)
        return types.Position(line, units(encoding, lines[line][:column]))
    return types.TextEdit(types.Range(position(start), position(len(before) - end)),
                          after[start:len(after) - end])


def kind_wanted(kind: str, only: Sequence[str] | None) -> bool:
    """Whether a client that asked for ``only`` these kinds wants an action of ``kind``."""
    return only is None or any(kind == asked or kind.startswith(asked + ".") for asked in only)
