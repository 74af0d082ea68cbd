"""Typing into a legacy program, as an editor sends it: a burst of incremental changes
(lines added and removed, characters typed and deleted; now and then one that leaves the text
unparsable, undone by the next), then the server's diagnostics of the last version, with
their fixes, are those the core finds in the text the editor holds."""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest
from lsp_support import CONFIG, diagnostics, open_file, start, with_fixes

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from flake8_qiskit_migrate.server import checking

PROGRAMS = sorted((Path(__file__).parent / "corpus").glob("*.py"))


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    yield
    await lsp_client.shutdown_session()


def _keystroke(lines: list[str], chance: random.Random) -> tuple[types.Range, str]:
    """A change as an editor sends it, on ASCII text (UTF-16 columns are characters)."""
    row = chance.randrange(len(lines))
    column = chance.randrange(len(lines[row]) + 1)
    at = types.Position(row, column)
    kind = chance.randrange(4)
    if kind == 0:  # a line typed above this one
        return types.Range(types.Position(row, 0), types.Position(row, 0)), (
            lines[row][:len(lines[row]) - len(lines[row].lstrip())] + "x_1 = 1\n")
    if kind == 1 and row + 1 < len(lines):  # a line deleted
        return types.Range(types.Position(row, 0), types.Position(row + 1, 0)), ""
    if kind == 2:  # characters typed (a comment may cut a statement short)
        return types.Range(at, at), chance.choice(["a", "()", '""', " ", "#", "_1"])
    end = types.Position(row, min(len(lines[row]), column + 1))  # a character deleted
    return types.Range(at, end), ""


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except SyntaxError:
        return False
    return True


def _undo(before: str, after: str) -> tuple[types.Range, str]:
    """The change that takes ``after`` back to ``before``: the span between their common
    start and end."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1

    def position(offset: int) -> types.Position:
        line = after.count("\n", 0, offset)
        return types.Position(line, offset - (after.rfind("\n", 0, offset) + 1))
    return types.Range(position(start), position(len(after) - end)), before[start:len(before) - end]


def _applied(text: str, where: types.Range, new: str) -> str:
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[:where.start.line]) + where.start.character
    end = sum(len(line) + 1 for line in lines[:where.end.line]) + where.end.character
    return text[:start] + new + text[end:]


@pytest.mark.asyncio
@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.stem)
async def test_after_a_burst_of_keystrokes_the_diagnostics_are_those_of_the_text(
        client: LanguageClient, tmp_path: Path, path: Path) -> None:
    await start(client, tmp_path, "neovim", encodings=["utf-16"], pull=False)
    text = path.read_text(encoding="utf-8")
    assert text.isascii()
    uri = open_file(client, tmp_path / "typed.py", text)
    chance = random.Random(path.name)
    version, broken = 1, 0
    while version < 40:
        where, new = _keystroke(text.split("\n"), chance)
        typed = _applied(text, where, new)
        changes = [(where, new)]
        if not _parses(typed):
            if broken == 4:
                continue  # an editor's user fixes what they broke: so does this one
            broken += 1
            changes.append(_undo(text, typed))
            typed = _applied(typed, *changes[-1])
        text = typed
        for where, new in changes:
            version += 1
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version, uri),
                [types.TextDocumentContentChangePartial(where, new)]))
    resolved = checking.resolve(tmp_path, checking.EditorSettings())
    expected = checking.check(str(tmp_path / "typed.py"), text, resolved)
    fixable = any(d.fix for d in expected.diagnostics)

    def last(found: list[types.Diagnostic]) -> bool:  # the last version's, fixes and all
        sent = [p for p in client.published  # type: ignore[attr-defined]
                if p.uri == uri and p.version == version]
        return bool(sent) and (not fixable or with_fixes(list(sent[-1].diagnostics)))
    found = await diagnostics(client, uri, last)
    assert expected.problem is None  # (modern_v2_traps has no finding: none may appear)
    assert [(d.range.start.line, d.range.start.character, d.code,
             (d.data.get("fix") or {}).get("title")) for d in found] == [
        (d.row - 1, d.column - 1, d.code, d.fix.message if d.fix else None)
        for d in expected.diagnostics]
