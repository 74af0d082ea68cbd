"""Diagnostics of ``flake8-qiskit-migrate server``: pushed on open and change, pulled by
clients that ask, cleared on close, in the client's position encoding."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pytest
from lsp_support import CONFIG, change, codes, diagnostics, open_file, start, with_fixes

import pytest_lsp
from lsprotocol import types

from flake8_qiskit_migrate.engine import REGISTRY
from pytest_lsp import LanguageClient

LEGACY = '''from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2, Session

service = QiskitRuntimeService(channel="ibm_quantum")
with Session(backend=service.backend("ibm_kyiv")) as session:
    s = "\U0001d6fc\u00e9"; sampler = SamplerV2(session=session)
'''
# Line 5 (0-based 4): 'session=' starts after 34 characters; the alpha is 2 UTF-16 units and
# 4 UTF-8 bytes, the e-acute 1 unit and 2 bytes.
SESSION_COLUMN = {"utf-32": 34, "utf-16": 35, "utf-8": 38}


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
@pytest.mark.parametrize("profile", ["neovim", "vscode", "emacs"])
async def test_diagnostics_are_pushed_on_open_with_code_link_tag_and_fix_data(
        client: LanguageClient, tmp_path: Path, profile: str) -> None:
    result = await start(client, tmp_path, profile, pull=False)
    column = SESSION_COLUMN[str(result.capabilities.position_encoding)]  # Emacs: UTF-32
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    found = await diagnostics(client, uri, with_fixes)
    assert codes(found) == ["QKM501", "QKM412"]
    retired, session = found
    assert session.range == types.Range(types.Position(4, column), types.Position(4, column + 15))
    assert session.code_description == types.CodeDescription(REGISTRY.rules["QKM412"].url)
    assert list(session.tags or ()) == [types.DiagnosticTag.Deprecated]
    assert session.severity == types.DiagnosticSeverity.Warning
    assert session.source == "flake8-qiskit-migrate"
    assert session.message.startswith("'session=' was removed from the Runtime primitives")
    assert session.data["fix"] == {
        "title": "Replace `session=` with `mode=`", "safe": True,
        "edits": [{"uri": uri, "newText": "mode",
                   "range": {"start": {"line": 4, "character": column},
                             "end": {"line": 4, "character": column + 7}}}]}
    assert session.data["noqa"]["newText"] == "  # noqa: QKM412"
    assert retired.data["fix"]["safe"] is False


@pytest.mark.asyncio
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
async def test_positions_follow_the_negotiated_encoding(
        client: LanguageClient, tmp_path: Path, encoding: str) -> None:
    result = await start(client, tmp_path, "neovim", encodings=[encoding], pull=False)
    assert result.capabilities.position_encoding == encoding
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    session = (await diagnostics(client, uri, with_fixes))[1]
    assert session.range.start == types.Position(4, SESSION_COLUMN[encoding])
    assert session.data["fix"]["edits"][0]["range"]["start"]["character"] == (
        SESSION_COLUMN[encoding])


@pytest.mark.asyncio
async def test_a_change_is_checked_and_close_clears(client: LanguageClient,
                                                    tmp_path: Path) -> None:
    await start(client, tmp_path, "neovim", pull=False)
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    await diagnostics(client, uri, lambda found: len(found) == 2)
    for version in range(2, 6):  # a burst of edits: only the last text counts
        change(client, uri, LEGACY.replace("session=session", "mode=session")
               if version == 5 else LEGACY + "#" * version, version)
    found = await diagnostics(client, uri, lambda found: codes(found) == ["QKM501"])
    assert codes(found) == ["QKM501"]
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        types.TextDocumentIdentifier(uri)))
    assert await diagnostics(client, uri, lambda found: not found) == []


@pytest.mark.asyncio
async def test_an_edit_is_answered_at_once_without_edits_then_again_with_them(
        client: LanguageClient, tmp_path: Path) -> None:
    await start(client, tmp_path, "neovim", pull=False)
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    await diagnostics(client, uri, with_fixes)
    change(client, uri, LEGACY + "x = 1\n", 2)
    await diagnostics(client, uri, lambda found: with_fixes(found) and all(
        d.data["version"] == 2 for d in found))
    sent = [p.diagnostics for p in client.published  # type: ignore[attr-defined]
            if p.uri == uri and p.version == 2]
    assert [with_fixes(list(found)) for found in sent] == [False, True]

    def without_fixes(found: Sequence[types.Diagnostic]) -> list[tuple[object, ...]]:
        return [(d.range, d.code, d.message, {k: v for k, v in d.data.items()
                                              if k not in ("fix", "noqa")}) for d in found]
    assert without_fixes(sent[0]) == without_fixes(sent[1])
    assert [sorted(d.data) for d in sent[0]] == [["index", "version"]] * 2
    assert [d.data["index"] for d in sent[1]] == [0, 1]


@pytest.mark.asyncio
async def test_fixes_wait_until_typing_pauses(client: LanguageClient, tmp_path: Path) -> None:
    await start(client, tmp_path, "neovim", pull=False)
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    await diagnostics(client, uri, with_fixes)
    for version in range(2, 6):  # keystrokes far closer together than FIXES_AFTER
        change(client, uri, LEGACY + "#" * version, version)
    await diagnostics(client, uri, lambda found: with_fixes(found) and all(
        d.data["version"] == 5 for d in found))
    fixed = [p.version for p in client.published  # type: ignore[attr-defined]
             if p.uri == uri and with_fixes(list(p.diagnostics))]
    assert fixed == [1, 5]


@pytest.mark.asyncio
async def test_clients_that_pull_get_diagnostics_on_request(client: LanguageClient,
                                                            tmp_path: Path) -> None:
    result = await start(client, tmp_path, "vscode", pull=True)
    assert result.capabilities.diagnostic_provider is not None
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        types.TextDocumentIdentifier(uri)))
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport | types.
                      FullDocumentDiagnosticReport)
    assert [d.code for d in report.items] == ["QKM501", "QKM412"]
    change(client, uri, LEGACY.replace('channel="ibm_quantum"', ""), 2)
    report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        types.TextDocumentIdentifier(uri)))
    assert [d.code for d in report.items] == ["QKM412"]
    assert uri not in client.diagnostics  # nothing pushed to a client that pulls
    # Pulled at once, without the fixes: a code action on them works the fix out.
    assert not with_fixes(report.items)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), report.items[0].range,
        types.CodeActionContext(report.items, only=["quickfix"])))
    assert [a.title for a in actions or [] if isinstance(a, types.CodeAction)] == [
        "Replace `session=` with `mode=`", "Disable QKM412 for this line"]


@pytest.mark.asyncio
async def test_a_module_that_does_not_parse_says_it_was_not_checked(
        client: LanguageClient, tmp_path: Path) -> None:
    await start(client, tmp_path, "neovim", pull=False)
    uri = open_file(client, tmp_path / "a.py", "from qiskit import execute\nx = (\n")
    (error,) = await diagnostics(client, uri)
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.message.startswith("not checked: ")
    assert error.range.start.line == 1


@pytest.mark.asyncio
async def test_shutdown_and_exit_end_the_server_cleanly(tmp_path: Path) -> None:
    client = await CONFIG.start()
    assert isinstance(client, LanguageClient)
    await start(client, tmp_path, "neovim", pull=False)
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    await diagnostics(client, uri)
    await client.shutdown_session()
    assert client._server is not None and client._server.returncode == 0
    await client.stop()
