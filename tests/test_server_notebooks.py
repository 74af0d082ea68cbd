"""Notebooks in ``flake8-qiskit-migrate server`` (LSP 3.17 notebook synchronisation): the code
cells are checked as one module, diagnostics and fixes land in their cells, a fix that adds an
import edits the cell holding the imports; removed cells and closed notebooks are cleared."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_support import CONFIG, apply_text_edits, codes, diagnostics, edits_of, start

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

IMPORTS = "from qiskit import IBMQ\nimport numpy as np\n"
TITLE = "# Loading the account"
USE = "x = 1\n%time y = 2\nIBMQ.load_account()\n"


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    yield
    await lsp_client.shutdown_session()


def _open(client: LanguageClient, folder: Path) -> tuple[str, list[str]]:
    notebook = (folder / "legacy.ipynb").as_uri()
    cells = [f"{notebook}#cell{n}" for n in (1, 2, 3)]
    kinds = [types.NotebookCellKind.Code, types.NotebookCellKind.Markup,
             types.NotebookCellKind.Code]
    client.notebook_document_did_open(types.DidOpenNotebookDocumentParams(
        types.NotebookDocument(notebook, "jupyter-notebook", 1,
                               [types.NotebookCell(kind, uri) for kind, uri in zip(kinds, cells)]),
        [types.TextDocumentItem(uri, language, 1, text) for uri, language, text in
         zip(cells, ["python", "markdown", "python"], [IMPORTS, TITLE, USE])]))
    return notebook, cells


@pytest.mark.asyncio
@pytest.mark.parametrize("profile", ["vscode", "neovim"])
async def test_cells_are_one_module_and_findings_land_in_their_cells(
        client: LanguageClient, tmp_path: Path, profile: str) -> None:
    await start(client, tmp_path, profile, encodings=["utf-16"])
    notebook, (first, title, use) = _open(client, tmp_path)
    # IBMQ is imported in cell 1 and used in cell 3: the use is found (one module).
    in_use = await diagnostics(client, use)
    assert codes(in_use) == ["QKM204"]
    assert in_use[0].range == types.Range(types.Position(2, 0), types.Position(2, 19))
    assert codes(await diagnostics(client, first)) == ["QKM203"]
    assert await diagnostics(client, title) == []

    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(use), in_use[0].range,
        types.CodeActionContext(in_use, only=["quickfix"])))
    fix = [a for a in result or [] if isinstance(a, types.CodeAction)][0]
    assert fix.title == "Replace `IBMQ.load_account()` with `QiskitRuntimeService()` (unsafe)"
    assert fix.edit is not None
    edits = edits_of(fix.edit)
    assert sorted(edits) == sorted([first, use])  # the import goes to the imports' cell
    assert apply_text_edits(IMPORTS, edits[first]) == (
        "from qiskit import IBMQ\nimport numpy as np\n"
        "from qiskit_ibm_runtime import QiskitRuntimeService\n")
    assert apply_text_edits(USE, edits[use]) == "x = 1\n%time y = 2\nQiskitRuntimeService()\n"


@pytest.mark.asyncio
@pytest.mark.parametrize(("only", "offered"), [
    (["notebook.source.fixAll"], True), (["source.fixAll"], False), (None, True)])
async def test_a_notebook_fix_all_is_a_notebook_action(
        client: LanguageClient, tmp_path: Path, only: list[str] | None, offered: bool) -> None:
    await start(client, tmp_path, "vscode", settings={"unsafeFixes": True})
    notebook, (first, title, use) = _open(client, tmp_path)
    in_use = await diagnostics(client, use)
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(use), in_use[0].range,
        types.CodeActionContext([], only=only)))
    fix_all = [a for a in result or [] if isinstance(a, types.CodeAction)
               and a.kind == "notebook.source.fixAll.flake8-qiskit-migrate"]
    assert len(fix_all) == offered
    if offered:
        resolved = await client.code_action_resolve_async(fix_all[0])
        assert resolved.edit is not None
        assert sorted(edits_of(resolved.edit)) == sorted([first, use])


@pytest.mark.asyncio
async def test_an_edit_of_the_import_cell_rechecks_the_others(
        client: LanguageClient, tmp_path: Path) -> None:
    await start(client, tmp_path, "vscode")
    notebook, (first, title, use) = _open(client, tmp_path)
    await diagnostics(client, use, lambda f: codes(f) == ["QKM204"])
    # The import cell's text changes: the use in cell 3 is no longer IBMQ's.
    client.notebook_document_did_change(types.DidChangeNotebookDocumentParams(
        types.VersionedNotebookDocumentIdentifier(2, notebook),
        types.NotebookDocumentChangeEvent(cells=types.NotebookDocumentCellChanges(
            text_content=[types.NotebookDocumentCellContentChanges(
                types.VersionedTextDocumentIdentifier(2, first),
                [types.TextDocumentContentChangeWholeDocument("import numpy as np\n")])]))))
    assert await diagnostics(client, use, lambda f: not f) == []
    assert await diagnostics(client, first, lambda f: not f) == []


@pytest.mark.asyncio
async def test_a_removed_cell_is_cleared_and_so_is_a_closed_notebook(
        client: LanguageClient, tmp_path: Path) -> None:
    await start(client, tmp_path, "neovim")
    notebook, (first, title, use) = _open(client, tmp_path)
    await diagnostics(client, use, lambda f: codes(f) == ["QKM204"])
    client.notebook_document_did_change(types.DidChangeNotebookDocumentParams(
        types.VersionedNotebookDocumentIdentifier(2, notebook),
        types.NotebookDocumentChangeEvent(cells=types.NotebookDocumentCellChanges(
            structure=types.NotebookDocumentCellChangeStructure(
                types.NotebookCellArrayChange(2, 1),
                did_close=[types.TextDocumentIdentifier(use)])))))
    assert await diagnostics(client, use, lambda f: not f) == []
    assert codes(await diagnostics(client, first)) == ["QKM203"]
    client.notebook_document_did_close(types.DidCloseNotebookDocumentParams(
        types.NotebookDocumentIdentifier(notebook),
        [types.TextDocumentIdentifier(uri) for uri in (first, title)]))
    assert await diagnostics(client, first, lambda f: not f) == []
