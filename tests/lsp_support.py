"""A real LSP client (pytest-lsp) talking to ``flake8-qiskit-migrate server`` over stdio, with
the client profiles of real editors, and a handler for ``workspace/applyEdit``."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytest_lsp", reason="the server tests need the 'test' extra (pytest-lsp)")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402
from pytest_lsp.client import (  # noqa: E402
    DEFAULT_CLIENT_FEATURES, register_lsp_features)
from pygls.protocol import default_converter  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PROFILES = {"neovim": "neovim@v0.7.0", "vscode": "visual_studio_code", "emacs": "emacs"}


def _client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # type: ignore[attr-defined]  # every publishDiagnostics, in order

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.published.append(params)  # type: ignore[attr-defined]
        client.diagnostics[params.uri] = params.diagnostics
    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES,
                                   types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish})
    client.applied = []  # type: ignore[attr-defined]

    @client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        client.applied.append(params.edit)  # type: ignore[attr-defined]
        return types.ApplyWorkspaceEditResult(applied=True)

    client.registrations = []  # type: ignore[attr-defined]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]
    return client


CONFIG = ClientServerConfig(
    server_command=[sys.executable, "-m", "flake8_qiskit_migrate", "server"],
    client_factory=_client, server_env={**os.environ, "PYTHONPATH": str(ROOT)})


def capabilities(profile: str, encodings: list[str] | None = None,
                 pull: bool | None = None) -> types.ClientCapabilities:
    """A real editor's capabilities; ``encodings`` the position encodings it offers,
    ``pull`` forces pull diagnostics on or off."""
    found = client_capabilities(PROFILES[profile])
    if encodings is not None:
        found.general = types.GeneralClientCapabilities(position_encodings=encodings)
    if pull is not None and found.text_document is not None:
        found.text_document.diagnostic = (
            types.DiagnosticClientCapabilities(dynamic_registration=False) if pull else None)
    return found


async def start(client: LanguageClient, folder: Path, profile: str = "neovim",
                settings: dict[str, Any] | None = None, encodings: list[str] | None = None,
                pull: bool | None = None,
                folders: list[Path] | None = None) -> types.InitializeResult:
    roots = folders or [folder]
    return await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(profile, encodings, pull), root_uri=folder.as_uri(),
        workspace_folders=[types.WorkspaceFolder(f.as_uri(), f.name) for f in roots],
        initialization_options={"settings": settings or {}}))


def open_file(client: LanguageClient, path: Path, text: str, version: int = 1) -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri, "python", version, text)))
    return uri


def change(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version, uri),
        [types.TextDocumentContentChangeWholeDocument(text)]))


async def diagnostics(client: LanguageClient, uri: str, want: Any = None,
                      timeout: float = 20) -> list[types.Diagnostic]:
    """The diagnostics pushed for ``uri`` once ``want`` (a predicate on them) holds; polling,
    as pytest-lsp advises, rather than waiting on notifications one by one."""
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        found = client.diagnostics.get(uri)
        if found is not None and (want is None or want(list(found))):
            return list(found)
        await asyncio.sleep(0.02)
    raise AssertionError(f"no matching diagnostics for {uri}: {client.diagnostics.get(uri)}")


def with_fixes(found: list[types.Diagnostic]) -> bool:
    """Whether the diagnostics are those sent with their fixes (the server first sends them
    without, then again with the fixes in ``data``): for texts where one has a fix."""
    return any(isinstance(d.data, dict) and "fix" in d.data for d in found)


def codes(found: list[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in found]


def apply_text_edits(text: str, edits: list[types.TextEdit]) -> str:
    """The text with LSP edits (UTF-16 positions) applied, as an editor applies them."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[:position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return before + index
            units += 2 if ord(char) > 0xFFFF else 1
        return before + len(line)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                       reverse=True):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


def edits_of(edit: types.WorkspaceEdit) -> dict[str, list[types.TextEdit]]:
    """A workspace edit's text edits by document, whichever form it takes."""
    found: dict[str, list[types.TextEdit]] = {}
    for uri, changes in (edit.changes or {}).items():
        found.setdefault(uri, []).extend(changes)
    for document_edit in edit.document_changes or []:
        assert isinstance(document_edit, types.TextDocumentEdit)
        found.setdefault(document_edit.text_document.uri, []).extend(
            e for e in document_edit.edits if isinstance(e, types.TextEdit))
    return found
