"""Settings of ``flake8-qiskit-migrate server``: the editor's merged with ``pyproject.toml``
(editor first unless ``configurationPreference`` says otherwise), reloaded when project files
change, per folder in multi-root workspaces; on-save checking."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_support import CONFIG, change, codes, diagnostics, open_file, start

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

LEGACY = '''from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2, Session

service = QiskitRuntimeService(channel="ibm_quantum")
with Session(backend=service.backend("ibm_kyiv")) as session:
    sampler = SamplerV2(session=session)
'''


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    yield
    await lsp_client.shutdown_session()


def _pyproject(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(f"[tool.flake8-qiskit-migrate]\n{body}\n", encoding="utf-8")
    return path


@pytest.mark.asyncio
@pytest.mark.parametrize(("preference", "expected"), [
    ("editorFirst", ["QKM412"]), ("filesystemFirst", ["QKM501"]), ("editorOnly", ["QKM412"])])
async def test_editor_and_project_settings_merge_by_preference(
        client: LanguageClient, tmp_path: Path, preference: str, expected: list[str]) -> None:
    _pyproject(tmp_path, 'ignore = ["QKM412"]')
    await start(client, tmp_path, "neovim", pull=False,
                settings={"ignore": ["QKM501"], "configurationPreference": preference})
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    assert codes(await diagnostics(client, uri)) == expected


@pytest.mark.asyncio
async def test_project_settings_apply_and_reload_when_pyproject_changes(
        client: LanguageClient, tmp_path: Path) -> None:
    pyproject = _pyproject(tmp_path, 'select = ["QKM5"]')
    await start(client, tmp_path, "vscode", pull=False)
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    assert codes(await diagnostics(client, uri)) == ["QKM501"]
    (registration,) = client.registrations  # type: ignore[attr-defined]
    assert registration.method == "workspace/didChangeWatchedFiles"
    assert "**/pyproject.toml" in [w["globPattern"] for w in registration.register_options[
        "watchers"]]
    _pyproject(tmp_path, 'select = ["QKM4"]')
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams([
        types.FileEvent(pyproject.as_uri(), types.FileChangeType.Changed)]))
    assert codes(await diagnostics(client, uri, lambda f: codes(f) != ["QKM501"])) == ["QKM412"]


@pytest.mark.asyncio
async def test_target_releases_from_the_editor_and_from_a_lock_file(
        client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("qiskit-ibm-runtime==0.20.0\n", encoding="utf-8")
    await start(client, tmp_path, "neovim", pull=False)
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    # In 0.20 'session=' was not removed yet (0.30), nor the channel retired (0.41), and the
    # server-side primitives not deprecated (0.50): as the command says with that pin.
    assert codes(await diagnostics(client, uri)) == []
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        {"flake8-qiskit-migrate": {"targetRuntime": ">=0.41"}}))
    after = await diagnostics(client, uri, lambda f: f != [])
    assert codes(after) == ["QKM601", "QKM501", "QKM412"]


@pytest.mark.asyncio
async def test_a_bad_setting_is_shown_and_the_defaults_used(client: LanguageClient,
                                                            tmp_path: Path) -> None:
    _pyproject(tmp_path, 'select = ["QKM9"]')
    await start(client, tmp_path, "neovim", pull=False)
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    assert codes(await diagnostics(client, uri)) == ["QKM501", "QKM412"]
    assert [m.message for m in client.messages] == [
        "flake8-qiskit-migrate: unknown rule selector(s): QKM9; using the defaults"]


@pytest.mark.asyncio
async def test_each_workspace_folder_has_its_own_project(client: LanguageClient,
                                                         tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    _pyproject(first, 'ignore = ["QKM412"]')
    _pyproject(second, 'ignore = ["QKM501"]')
    await start(client, first, "vscode", pull=False, folders=[first, second])
    one = open_file(client, first / "a.py", LEGACY)
    two = open_file(client, second / "a.py", LEGACY)
    assert codes(await diagnostics(client, one)) == ["QKM501"]
    assert codes(await diagnostics(client, two)) == ["QKM412"]


@pytest.mark.asyncio
async def test_on_save_checks_on_open_and_save_only(client: LanguageClient,
                                                    tmp_path: Path) -> None:
    await start(client, tmp_path, "neovim", pull=False, settings={"run": "onSave"})
    uri = open_file(client, tmp_path / "a.py", LEGACY)
    assert codes(await diagnostics(client, uri)) == ["QKM501", "QKM412"]
    change(client, uri, LEGACY.replace("session=session", "mode=session"), 2)
    client.text_document_hover(types.HoverParams(  # a round trip: the change was handled
        types.TextDocumentIdentifier(uri), types.Position(0, 0)))
    await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(0, 0)))
    assert codes(client.diagnostics[uri]) == ["QKM501", "QKM412"]
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        types.TextDocumentIdentifier(uri)))
    assert codes(await diagnostics(client, uri, lambda f: len(f) == 1)) == ["QKM501"]


@pytest.mark.asyncio
async def test_each_workspace_folder_may_have_its_own_editor_settings(
        client: LanguageClient, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    client.set_configuration({"ignore": ["QKM412"]}, section="flake8-qiskit-migrate",
                             scope_uri=first.as_uri())
    await start(client, first, "vscode", pull=False, folders=[first, second])
    one = open_file(client, first / "a.py", LEGACY)
    two = open_file(client, second / "a.py", LEGACY)
    assert codes(await diagnostics(client, one, lambda f: codes(f) == ["QKM501"])) == ["QKM501"]
    assert codes(await diagnostics(client, two)) == ["QKM501", "QKM412"]
