"""A notebook in ``flake8-qiskit-migrate server`` is checked as the command checks the same
``.ipynb`` file: the magics that an old import registered are reported in their cells and
deleted with it, and the cells' map reaches the check (findings, fixes and rows agree)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lsp_support import CONFIG, ROOT, apply_text_edits, codes, diagnostics, edits_of, start

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

CELLS = ["import qiskit.tools.jupyter\nfrom qiskit import QuantumCircuit\n",
         "qc = QuantumCircuit(1)\n%qiskit_version_table\n%qiskit_copyright\n"]


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    yield
    await lsp_client.shutdown_session()


def _open(client: LanguageClient, folder: Path) -> list[str]:
    notebook = (folder / "magics.ipynb").as_uri()
    uris = [f"{notebook}#cell{n}" for n in range(1, len(CELLS) + 1)]
    client.notebook_document_did_open(types.DidOpenNotebookDocumentParams(
        types.NotebookDocument(notebook, "jupyter-notebook", 1, [
            types.NotebookCell(types.NotebookCellKind.Code, uri) for uri in uris]),
        [types.TextDocumentItem(uri, "python", 1, text) for uri, text in zip(uris, CELLS)]))
    return uris


def _command_json(folder: Path) -> list[dict[str, Any]]:
    path = folder / "magics.ipynb"
    path.write_text(json.dumps({"cells": [
        {"cell_type": "code", "source": text, "metadata": {}, "outputs": [],
         "execution_count": None} for text in CELLS],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    run = subprocess.run([sys.executable, "-m", "flake8_qiskit_migrate", "check", str(path),
                          "--output-format", "json", "--exit-zero", "--no-cache"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    found: list[dict[str, Any]] = json.loads(run.stdout)
    return found


@pytest.mark.asyncio
async def test_magics_are_reported_in_their_cells_as_the_command_reports_them(
        client: LanguageClient, tmp_path: Path) -> None:
    await start(client, tmp_path, "vscode", encodings=["utf-16"])
    imports, uses = _open(client, tmp_path)
    in_uses = await diagnostics(client, uses)
    assert codes(in_uses) == ["QKM212", "QKM212"]
    assert [d.range for d in in_uses] == [
        types.Range(types.Position(1, 0), types.Position(1, 21)),
        types.Range(types.Position(2, 0), types.Position(2, 17))]
    assert codes(await diagnostics(client, imports)) == ["QKM212"]
    # The command, on the same notebook stored as a file, finds the same, cell by cell.
    command = _command_json(tmp_path)
    assert [(d["cell"], d["location"]["row"] - 1, d["location"]["column"] - 1)
            for d in command if d["cell"] == 2] == [
        (2, d.range.start.line, d.range.start.character) for d in in_uses]


@pytest.mark.asyncio
async def test_the_magics_quick_fix_deletes_them_with_their_import(
        client: LanguageClient, tmp_path: Path) -> None:
    await start(client, tmp_path, "neovim")
    imports, uses = _open(client, tmp_path)
    in_uses = await diagnostics(client, uses)
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uses), in_uses[0].range,
        types.CodeActionContext(in_uses[:1], only=["quickfix"])))
    fixes = [a for a in result or [] if isinstance(a, types.CodeAction) and a.edit is not None
             and "unsafe" in a.title]
    assert len(fixes) == 1
    assert fixes[0].edit is not None
    edits = edits_of(fixes[0].edit)
    assert sorted(edits) == sorted([imports, uses])
    assert apply_text_edits(CELLS[0], edits[imports]) == "from qiskit import QuantumCircuit\n"
    assert apply_text_edits(CELLS[1], edits[uses]) == "qc = QuantumCircuit(1)\n"
