"""When the server checks a document: the findings of each text at once, the fixes only once
the text stays unchanged, and an edit during that wait checked at once (in-process, with the
wait made long, so that waiting it out would show)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

lsp = pytest.importorskip("flake8_qiskit_migrate.server.lsp", reason="the 'server' extra")
from lsprotocol import types  # noqa: E402
from pygls.workspace import Workspace  # noqa: E402

LEGACY = "from qiskit import execute\njob = execute(circuit, backend)\n"


def test_an_edit_while_the_fixes_wait_is_checked_at_once(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lsp, "FIXES_AFTER", 30.0)
    server = lsp.Server()
    server.protocol._workspace = Workspace(tmp_path.as_uri())
    uri = (tmp_path / "m.py").as_uri()
    server.workspace.put_text_document(types.TextDocumentItem(uri, "python", 1, LEGACY))
    sent: list[tuple[int | None, bool]] = []

    def edit() -> None:
        server.workspace.put_text_document(
            types.TextDocumentItem(uri, "python", 2, LEGACY + "x = 1\n"))
        server.schedule(uri)

    def publish(checked: Any) -> None:
        sent.append((checked.snapshot.version, checked.fixes))
        if len(sent) == 1:  # the first answer is out, the server waits: the user types on
            asyncio.get_running_loop().call_later(0.2, edit)

    async def edit_and_wait() -> None:
        server.schedule(uri)
        while uri in server.running:
            await asyncio.sleep(0.01)
    server.publish = publish  # type: ignore[method-assign]
    monkeypatch.setattr(server, "pulls", lambda: False)
    try:
        # Version 2 is checked at once; its own fixes would come only after 30 s of quiet.
        with pytest.raises(asyncio.TimeoutError):
            asyncio.run(asyncio.wait_for(edit_and_wait(), 2))
    finally:
        server.checker.shutdown(wait=False)
    assert sent == [(1, False), (2, False)]


def test_the_fixes_follow_once_the_text_stays_unchanged(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lsp, "FIXES_AFTER", 0.05)
    server = lsp.Server()
    server.protocol._workspace = Workspace(tmp_path.as_uri())
    uri = (tmp_path / "m.py").as_uri()
    server.workspace.put_text_document(types.TextDocumentItem(uri, "python", 1, LEGACY))
    sent: list[tuple[int | None, bool, int]] = []
    server.publish = lambda checked: sent.append(  # type: ignore[method-assign]
        (checked.snapshot.version, checked.fixes, len(checked.diagnostics)))
    try:
        asyncio.run(server._check_until_current(uri))
    finally:
        server.checker.shutdown()
    assert sent == [(1, False, 2), (1, True, 2)]
