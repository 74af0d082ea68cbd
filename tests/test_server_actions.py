"""Code actions, the applyAutofix command and hover of ``flake8-qiskit-migrate server``."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from lsp_support import (CONFIG, apply_text_edits, change, codes, diagnostics, edits_of,
                         open_file, start, with_fixes)

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

LEGACY = '''from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2, Session

service = QiskitRuntimeService(channel="ibm_quantum")
with Session(backend=service.backend("ibm_kyiv")) as session:
    s = "\U0001d6fc\u00e9"; sampler = SamplerV2(session=session)
'''
SAFE_FIXED = LEGACY.replace("SamplerV2(session=", "SamplerV2(mode=")
ALL_FIXED = SAFE_FIXED.replace('"ibm_quantum"', '"ibm_quantum_platform"')
FIX_ALL = "source.fixAll.flake8-qiskit-migrate"


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    yield
    await lsp_client.shutdown_session()


async def _actions(client: LanguageClient, uri: str, line: int,
                   found: list[types.Diagnostic],
                   only: list[str] | None = None) -> list[types.CodeAction]:
    where = types.Range(types.Position(line, 0), types.Position(line, 80))
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), where,
        types.CodeActionContext([d for d in found if d.range.start.line == line], only=only)))
    return [a for a in result or [] if isinstance(a, types.CodeAction)]


def _applied(text: str, action: types.CodeAction, uri: str) -> str:
    assert action.edit is not None
    return apply_text_edits(text, edits_of(action.edit)[uri])


@pytest.mark.asyncio
@pytest.mark.parametrize("profile", ["neovim", "vscode", "emacs"])
async def test_quick_fixes_safe_preferred_unsafe_labelled_and_noqa(
        client: LanguageClient, tmp_path: Path, profile: str) -> None:
    await start(client, tmp_path, profile, encodings=["utf-16"], pull=False)
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    found = await diagnostics(client, uri)
    safe = await _actions(client, uri, 4, found, only=["quickfix"])
    assert [(a.title, a.kind, a.is_preferred) for a in safe] == [
        ("Replace `session=` with `mode=`", "quickfix", True),
        ("Disable QKM412 for this line", "quickfix", None)]
    assert _applied(LEGACY, safe[0], uri) == SAFE_FIXED
    assert _applied(LEGACY, safe[1], uri).splitlines()[4].endswith(
        "SamplerV2(session=session)  # noqa: QKM412")
    unsafe = await _actions(client, uri, 2, found, only=["quickfix"])
    assert [(a.title, a.is_preferred) for a in unsafe] == [
        ('Use `channel="ibm_quantum_platform"` (unsafe)', False),
        ("Disable QKM501 for this line", None)]


@pytest.mark.asyncio
async def test_the_fix_is_offered_for_copies_sent_before_it_or_with_ranges_in_other_units(
        client: LanguageClient, tmp_path: Path) -> None:
    """The first diagnostics of a text carry no fixes (they come right after), and Neovim
    sends its copies back with columns in bytes: the server's own diagnostics, found by the
    ``index`` in the copies' data, carry the fix."""
    await start(client, tmp_path, "neovim", encodings=["utf-16"], pull=False)
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    await diagnostics(client, uri, with_fixes)
    first = list(client.published[0].diagnostics)  # type: ignore[attr-defined]
    assert not with_fixes(first)
    in_bytes = [attrs.evolve(d, range=types.Range(types.Position(4, 38), types.Position(4, 53)))
                if d.code == "QKM412" else d for d in first]
    for copies in (first, in_bytes):
        actions = await _actions(client, uri, 4, copies, only=["quickfix"])
        assert [a.title for a in actions] == ["Replace `session=` with `mode=`",
                                              "Disable QKM412 for this line"]
        assert _applied(LEGACY, actions[0], uri) == SAFE_FIXED


@pytest.mark.asyncio
async def test_noqa_merges_into_an_existing_comment_and_fixes_apply_to_the_text(
        client: LanguageClient, tmp_path: Path) -> None:
    await start(client, tmp_path, "neovim", pull=False)
    text = LEGACY.replace("SamplerV2(session=session)\n",
                          "SamplerV2(session=session)  # noqa: E702\n")
    uri = open_file(client, tmp_path / "a.py", text)
    found = await diagnostics(client, uri)
    (noqa,) = [a for a in await _actions(client, uri, 4, found) if a.title.startswith("Disable")]
    after = _applied(text, noqa, uri)
    assert after.splitlines()[4].endswith("SamplerV2(session=session)  # noqa: E702, QKM412")
    change(client, uri, after, 2)
    assert codes(await diagnostics(client, uri, lambda f: len(f) == 1)) == ["QKM501"]


@pytest.mark.asyncio
async def test_no_noqa_inside_a_multi_line_string(client: LanguageClient,
                                                  tmp_path: Path) -> None:
    await start(client, tmp_path, "neovim", pull=False)
    text = 'from qiskit import execute\nx = f"""{execute(\n1)}\n"""\n'
    uri = open_file(client, tmp_path / "a.py", text)
    found = await diagnostics(client, uri)
    assert found and all("noqa" not in (d.data or {}) for d in found if d.range.start.line == 1)


@pytest.mark.asyncio
@pytest.mark.parametrize(("unsafe", "expected"), [(False, SAFE_FIXED), (True, ALL_FIXED)])
@pytest.mark.parametrize("profile", ["vscode", "emacs"])
async def test_fix_all_applies_the_safe_fixes_or_all_with_unsafe_fixes(
        client: LanguageClient, tmp_path: Path, unsafe: bool, expected: str,
        profile: str) -> None:
    """VS Code asks for the edit when the action is chosen (``codeAction/resolve``), Eglot
    1.9 cannot: it gets the edit with the action."""
    await start(client, tmp_path, profile, encodings=["utf-16"], pull=False,
                settings={"unsafeFixes": unsafe})
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    found = await diagnostics(client, uri)
    (action,) = await _actions(client, uri, 0, found, only=["source.fixAll"])
    assert action.kind == FIX_ALL
    assert (action.edit is None) is (profile == "vscode")
    if action.edit is None:
        action = await client.code_action_resolve_async(action)
    assert _applied(LEGACY, action, uri) == expected
    assert await _actions(client, uri, 4, found, only=["source.organizeImports"]) == []
    assert [a.kind for a in await _actions(client, uri, 4, found, only=["quickfix"])] == [
        "quickfix", "quickfix"]  # Eglot asks for quick fixes only: no fix-all among them


@pytest.mark.asyncio
async def test_fix_all_can_be_turned_off(client: LanguageClient, tmp_path: Path) -> None:
    await start(client, tmp_path, "vscode", pull=False, settings={"fixAll": False})
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    found = await diagnostics(client, uri)
    assert await _actions(client, uri, 0, found, only=["source.fixAll"]) == []


@pytest.mark.asyncio
async def test_apply_autofix_sends_workspace_apply_edit(client: LanguageClient,
                                                        tmp_path: Path) -> None:
    await start(client, tmp_path, "neovim", encodings=["utf-16"], pull=False)
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    await diagnostics(client, uri)
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        "flake8-qiskit-migrate.applyAutofix", [{"uri": uri, "version": 1}]))
    (edit,) = client.applied  # type: ignore[attr-defined]
    assert apply_text_edits(LEGACY, edits_of(edit)[uri]) == SAFE_FIXED


@pytest.mark.asyncio
async def test_hover_on_a_noqa_code_shows_the_rule_document(client: LanguageClient,
                                                            tmp_path: Path) -> None:
    await start(client, tmp_path, "neovim", pull=False)
    text = "x = 1  # noqa: E501, QKM412\n"
    uri = open_file(client, tmp_path / "a.py", text)
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(0, text.index("QKM412") + 2)))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith("# QKM412 (")
    assert "## What it does" in hover.contents.value
    assert await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(0, text.index("E501")))) is None


@pytest.mark.asyncio
async def test_print_debug_information(client: LanguageClient, tmp_path: Path) -> None:
    await start(client, tmp_path, "neovim", pull=False)
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    await diagnostics(client, uri)
    text = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        "flake8-qiskit-migrate.printDebugInformation"))
    assert text.startswith("flake8-qiskit-migrate ")
    assert f"{uri} (version 1): 2 findings; settings from no pyproject.toml" in text
