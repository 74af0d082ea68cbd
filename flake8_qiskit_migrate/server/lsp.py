"""The pygls server: documents in, diagnostics and code actions out. Checks run off the event
loop, one document at a time; a document edited while it is checked is checked once more, at
its newest version, and results for a version the client no longer has are dropped."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__, collector
from ..core import fixing
from ..core.diagnostics import Diagnostic
from ..core.filters import Selection
from ..core.reparse import Reparser
from ..project import LOCK_FILES
from ..registry import REGISTRY, Settings
from . import checking, protocol
from .checking import EditorSettings, Resolved
from .protocol import FIX_ALL, NOTEBOOK_FIX_ALL, SOURCE, Layout

APPLY_AUTOFIX = "flake8-qiskit-migrate.applyAutofix"
PRINT_DEBUG = "flake8-qiskit-migrate.printDebugInformation"
# Files whose change changes a document's settings or targets.
WATCHED = ("**/pyproject.toml", "**/requirements*.txt", *(f"**/{name}" for name in LOCK_FILES))
_NOQA = re.compile(r"#\s*noqa:\s*(?P<codes>[A-Z][A-Z0-9]*(?:[,\s]+[A-Z][A-Z0-9]*)*)",
                   re.IGNORECASE)


@dataclass(frozen=True)
class Snapshot:
    """What is checked: a document (or notebook) at one version."""

    unit: str  # the text document's or the notebook's uri
    version: int | None
    path: str
    layout: Layout


@dataclass(frozen=True)
class Checked:
    snapshot: Snapshot
    resolved: Resolved
    diagnostics: list[Diagnostic]
    published: dict[str, list[dict[str, Any]]]  # per document (each cell of a notebook), JSON
    messages: list[dict[str, Any]]  # the publishDiagnostics notifications, as JSON
    fixes: bool  # whether the diagnostics carry their fixes and ``noqa`` edits (in ``data``)
    generation: int = 0  # of the settings it was checked with (see ``Server.reload``)


# How long after its diagnostics a text must stay unchanged before its fixes are worked out.
FIXES_AFTER = 0.15  # seconds


class Server(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            SOURCE, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            notebook_document_sync=types.NotebookDocumentSyncOptions(notebook_selector=[
                types.NotebookDocumentFilterWithCells(
                    cells=[types.NotebookCellLanguage(language="python")])], save=True))
        self.editor = EditorSettings()  # from initializationOptions or didChangeConfiguration
        self.folder_editors: dict[Path, EditorSettings] = {}  # per workspace folder, if asked
        self.settings_by_folder: dict[Path, Resolved] = {}
        self.results: dict[str, Checked] = {}
        self.parsers: dict[str, Reparser] = {}  # per unit: an edit parses only what it touched
        self.running: set[str] = set()
        self.dirty: set[str] = set()
        self.waiting: dict[str, asyncio.Event] = {}  # set by an edit of a unit waiting to fix
        self.warned: set[str] = set()
        self.generation = 0  # counts reloads: a check begun before one is not reused after
        self.checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="check")

    # Documents --------------------------------------------------------------------------

    def unit_of(self, uri: str) -> str:
        notebook = self.workspace.get_notebook_document(cell_uri=uri)
        return notebook.uri if notebook is not None else uri

    def snapshot(self, unit: str) -> Snapshot | None:
        """The unit's text now, or None if it is closed."""
        path = to_fs_path(unit) or unit
        notebook = self.workspace.get_notebook_document(notebook_uri=unit)
        if notebook is not None:
            cells = [(cell.kind == types.NotebookCellKind.Code,
                      self.workspace.get_text_document(cell.document).source)
                     for cell in notebook.cells]
            code, cell_map = checking.joined_cells(cells)
            uris = {number: cell.document for number, cell in enumerate(notebook.cells, 1)}
            lines = code.split("\n")
            for magic in cell_map.magics:  # blanked in the code; positions count its text
                lines[magic.line - 1] = magic.text
            return Snapshot(unit, notebook.version, path,
                            Layout(unit, code, lines, cell_map, uris))
        if unit not in self.workspace.text_documents:
            return None
        document = self.workspace.get_text_document(unit)
        code = document.source
        return Snapshot(unit, document.version, path,
                        Layout(unit, code, [line.rstrip("\r") for line in code.split("\n")]))

    def version_of(self, unit: str) -> int | None:
        current = self.snapshot(unit)
        return None if current is None else current.version

    def editor_for(self, folder: Path) -> EditorSettings:
        """The editor's settings of the workspace folder holding ``folder`` (the innermost)."""
        holding = [root for root in self.folder_editors if folder.is_relative_to(root)]
        return self.folder_editors[max(holding, key=lambda root: len(root.parts))] if (
            holding) else self.editor

    async def ask_folder_settings(self) -> None:
        """Each workspace folder's settings (``workspace/configuration``), where the client
        has them: a multi-root workspace may set each folder its own way."""
        workspace = self.client_capabilities.workspace
        folders = list(self.workspace.folders.values())
        if not (workspace and workspace.configuration and folders):
            return
        answers = await self.workspace_configuration_async(types.ConfigurationParams([
            types.ConfigurationItem(scope_uri=folder.uri, section=SOURCE) for folder in folders]))
        self.folder_editors = {}
        for folder, answer in zip(folders, answers or []):
            if isinstance(answer, dict) and answer:
                parsed, problems = EditorSettings.parse(answer)
                self.folder_editors[Path(to_fs_path(folder.uri) or folder.uri)] = parsed
                for problem in problems:
                    self.window_show_message(types.ShowMessageParams(
                        types.MessageType.Warning, f"{SOURCE}: setting ignored: {problem}"))
        self.reload()

    def resolved(self, path: str) -> Resolved:
        """The settings of a document at ``path``: a bad setting is shown once, and the
        defaults are used rather than no check at all."""
        folder = Path(path).parent
        if folder not in self.settings_by_folder:
            editor = self.editor_for(folder)
            try:
                found = checking.resolve(folder, editor)
            except ValueError as error:
                if str(error) not in self.warned:
                    self.warned.add(str(error))
                    self.window_show_message(types.ShowMessageParams(
                        types.MessageType.Error, f"{SOURCE}: {error}; using the defaults"))
                found = Resolved(Selection.build(None, [], []), Settings(), None, editor)
            self.settings_by_folder[folder] = found
        return self.settings_by_folder[folder]

    def check(self, snapshot: Snapshot, resolved: Resolved, fixes: bool) -> Checked:
        """Runs in the checker's thread: it reads the snapshot and sends nothing."""
        with collector.paused():  # the module's nodes and the messages' parts: see ``collector``
            return self._check(snapshot, resolved, fixes)

    def _check(self, snapshot: Snapshot, resolved: Resolved, fixes: bool) -> Checked:
        layout, encoding = snapshot.layout, protocol.encoding_name(self.workspace.position_encoding)
        parser = self.parsers.setdefault(snapshot.unit, Reparser())
        result = checking.check(snapshot.path, layout.code, resolved, layout.cells, parser.parse,
                                fixes)
        published: dict[str, list[dict[str, Any]]] = {
            uri: [] for uri in (layout.cell_uris or {0: snapshot.unit}).values()}
        noqa = checking.Noqa(layout.code) if fixes else None  # edits, for the code actions
        for found in result.diagnostics:
            uri, diagnostic = protocol.diagnostic(layout, encoding, found, snapshot.version, noqa)
            # Which of the document's diagnostics it is, for the copy a code action sends.
            diagnostic["data"]["index"] = len(published[uri])
            published[uri].append(diagnostic)
        if result.problem is not None:
            uri, diagnostic = protocol.not_checked(layout, encoding, result.problem)
            published[uri].append(diagnostic)
        notebook = layout.cells is not None
        messages = [{"jsonrpc": "2.0", "method": types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS,
                     "params": {"uri": uri, "diagnostics": found,
                                **({} if notebook else {"version": snapshot.version})}}
                    for uri, found in published.items()]
        return Checked(snapshot, resolved, result.diagnostics, published, messages, fixes)

    async def fresh(self, unit: str, fixes: bool = True) -> Checked | None:
        """The unit's results at its current version (with their fixes, if ``fixes``),
        checked now if need be."""
        snapshot = self.snapshot(unit)
        if snapshot is None:
            return None
        known = self.results.get(unit)
        if known is not None and known.snapshot.version == snapshot.version and (
                known.snapshot.layout.code == snapshot.layout.code) and (
                known.generation == self.generation) and (known.fixes or not fixes):
            return known
        generation = self.generation
        resolved = self.resolved(snapshot.path)  # on the loop: it may show a message
        checked = dataclasses.replace(await asyncio.get_running_loop().run_in_executor(
            self.checker, self.check, snapshot, resolved, fixes), generation=generation)
        self.results[unit] = checked
        return checked

    def on_type(self, uri: str) -> bool:
        """Whether the document at ``uri`` is checked as it is typed (else on save)."""
        return self.editor_for(Path(to_fs_path(uri) or uri).parent).run == "onType"

    def pulls(self) -> bool:
        """Whether the client asks for diagnostics (LSP 3.17) rather than being sent them."""
        capabilities = self.client_capabilities.text_document
        return capabilities is not None and capabilities.diagnostic is not None

    def schedule(self, unit: str) -> None:
        """Check the unit soon; edits that arrive meanwhile are checked together, once."""
        if self.pulls() and self.workspace.get_notebook_document(notebook_uri=unit) is None:
            return  # the client asks when it wants them
        if unit in self.running:
            self.dirty.add(unit)
            waiting = self.waiting.get(unit)
            if waiting is not None:
                waiting.set()  # no fixes for the text before: check the new one now
            return
        self.running.add(unit)
        asyncio.ensure_future(self._check_until_current(unit))

    async def _check_until_current(self, unit: str) -> None:
        try:
            while True:
                self.dirty.discard(unit)
                # The findings first, at once; once typing pauses, again with their fixes (a
                # third of a check) in the data code actions read: a keystroke would wait
                # for them. A code action asked for before then works them out itself.
                checked = await self.publish_fresh(unit, fixes=False)
                if checked is not None and not checked.fixes and unit not in self.dirty:
                    if await self.stays_unchanged(unit, FIXES_AFTER):
                        await self.publish_fresh(unit)
                if checked is None or unit not in self.dirty:
                    return
        finally:
            self.running.discard(unit)

    async def stays_unchanged(self, unit: str, seconds: float) -> bool:
        """Whether no edit of the unit arrives for ``seconds`` (one that does ends the wait)."""
        edited = self.waiting[unit] = asyncio.Event()
        try:
            await asyncio.wait_for(edited.wait(), seconds)
            return False
        except asyncio.TimeoutError:
            return unit not in self.dirty
        finally:
            del self.waiting[unit]

    async def publish_fresh(self, unit: str, fixes: bool = True) -> Checked | None:
        """``fresh(unit, fixes)``, published unless the text changed meanwhile."""
        # The collection a check's allocations owe runs once its diagnostics are sent, not
        # between the check and the message the editor waits for.
        with collector.paused():
            checked = await self.fresh(unit, fixes)
            if checked is not None and self.version_of(unit) == checked.snapshot.version:
                self.publish(checked)
            return checked

    def publish(self, checked: Checked) -> None:
        for message in checked.messages:  # plain JSON: no converter on the way out
            self.protocol._send_data(message)

    def clear(self, uris: list[str]) -> None:
        for uri in uris:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    def reload(self) -> None:
        """Settings changed: forget them, and check every open document again."""
        self.generation += 1
        self.settings_by_folder.clear()
        self.results.clear()
        self.warned.clear()
        if self.pulls():
            workspace = self.client_capabilities.workspace
            if workspace and workspace.diagnostics and workspace.diagnostics.refresh_support:
                self.workspace_diagnostic_refresh(None)
        units = {self.unit_of(uri) for uri in self.workspace.text_documents}
        for unit in units | set(self.workspace.notebook_documents):
            self.schedule(unit)

    # Code actions -----------------------------------------------------------------------

    async def fix_all_action(self, checked: Checked, kind: str) -> types.CodeAction | None:
        """The fix-all action, where a fix is allowed. Merging every fix and checking the
        result takes longer than a check, and editors ask for code actions as the cursor
        moves: a client that can ask for the edit later (``codeAction/resolve``) gets it then."""
        title = f"{SOURCE}: fix all auto-fixable problems"
        if self.resolves_edits():
            unsafe = checked.resolved.editor.unsafe_fixes
            if not any(fixing.allowed(d, unsafe) for d in checked.diagnostics):
                return None
            return types.CodeAction(title, kind=kind, data={"unit": checked.snapshot.unit})
        edit = await self.fix_all_edit(checked)
        return None if edit is None else types.CodeAction(title, kind=kind, edit=edit)

    def resolves_edits(self) -> bool:
        """Whether the client asks for a code action's edit when it is chosen."""
        text_document = self.client_capabilities.text_document
        code_action = text_document.code_action if text_document is not None else None
        support = code_action.resolve_support if code_action is not None else None
        return support is not None and "edit" in support.properties

    async def fix_all_edit(self, checked: Checked) -> types.WorkspaceEdit | None:
        """Every allowed fix, merged as ``--fix`` merges them, worked out in the checker's
        thread: edits keep arriving meanwhile."""
        return await asyncio.get_running_loop().run_in_executor(
            self.checker, self._fix_all_edit, checked)

    def _fix_all_edit(self, checked: Checked) -> types.WorkspaceEdit | None:
        snapshot, unsafe = checked.snapshot, checked.resolved.editor.unsafe_fixes
        layout, encoding = snapshot.layout, protocol.encoding_name(self.workspace.position_encoding)
        if layout.cells is not None:
            edits = checking.notebook_fixes(layout.code, layout.cells, checked.diagnostics,
                                            unsafe)
            if not edits:
                return None
            return protocol.workspace_edit([layout.text_edit(encoding, e) for e in edits],
                                           {uri: None for uri in checked.published})
        after = checking.fixed(snapshot.path, layout.code, checked.diagnostics, unsafe,
                               checked.resolved)
        if after is None:
            return None
        change = protocol.whole_change(encoding, layout.code, after)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            types.OptionalVersionedTextDocumentIdentifier(snapshot.unit, snapshot.version),
            [change])])


def _data(diagnostic: types.Diagnostic) -> dict[str, Any]:
    return diagnostic.data if isinstance(diagnostic.data, dict) else {}


def _overlaps(found: dict[str, Any], where: types.Range) -> bool:
    """Whether one of our diagnostics (JSON) overlaps a range."""
    start, end = found["range"]["start"], found["range"]["end"]
    return (start["line"], start["character"]) <= (where.end.line, where.end.character) and (
        where.start.line, where.start.character) <= (end["line"], end["character"])


def _settings_given(options: Any) -> Any:
    """``initializationOptions``: ``{"settings": {...}}`` (as ruff's) or the settings."""
    if isinstance(options, dict) and "settings" in options:
        return options["settings"]
    return options


def server() -> Server:
    ls = Server()

    def take_settings(given: Any) -> None:
        ls.editor, problems = EditorSettings.parse(given)
        for problem in problems:
            ls.window_show_message(types.ShowMessageParams(
                types.MessageType.Warning, f"{SOURCE}: setting ignored: {problem}"))

    @ls.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        take_settings(_settings_given(params.initialization_options))

    @ls.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        asyncio.ensure_future(ls.ask_folder_settings())
        workspace = ls.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if watched is not None and watched.dynamic_registration:
            ls.client_register_capability(types.RegistrationParams([types.Registration(
                "watched-project-files", types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                types.DidChangeWatchedFilesRegistrationOptions(
                    [types.FileSystemWatcher(pattern) for pattern in WATCHED]))]))

    @ls.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(params: types.DidChangeConfigurationParams) -> None:
        if params.settings is not None:
            take_settings(params.settings)
        ls.reload()
        asyncio.ensure_future(ls.ask_folder_settings())

    @ls.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        ls.reload()

    @ls.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(ls.unit_of(params.text_document.uri))

    @ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        if ls.on_type(params.text_document.uri):
            ls.schedule(ls.unit_of(params.text_document.uri))

    @ls.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(ls.unit_of(params.text_document.uri))

    @ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        ls.results.pop(params.text_document.uri, None)
        ls.parsers.pop(params.text_document.uri, None)
        if not ls.pulls():
            ls.clear([params.text_document.uri])

    @ls.feature(types.NOTEBOOK_DOCUMENT_DID_OPEN)
    def notebook_open(params: types.DidOpenNotebookDocumentParams) -> None:
        ls.schedule(params.notebook_document.uri)

    @ls.feature(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
    def notebook_change(params: types.DidChangeNotebookDocumentParams) -> None:
        unit = params.notebook_document.uri
        before = ls.results.get(unit)
        snapshot = ls.snapshot(unit)
        if before is not None and snapshot is not None and snapshot.layout.cell_uris:
            gone = set(before.published) - set(snapshot.layout.cell_uris.values())
            ls.clear(sorted(gone))  # cells removed keep no diagnostics
        if ls.on_type(unit):
            ls.schedule(unit)

    @ls.feature(types.NOTEBOOK_DOCUMENT_DID_SAVE)
    def notebook_save(params: types.DidSaveNotebookDocumentParams) -> None:
        ls.schedule(params.notebook_document.uri)

    @ls.feature(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
    def notebook_close(params: types.DidCloseNotebookDocumentParams) -> None:
        ls.results.pop(params.notebook_document.uri, None)
        ls.parsers.pop(params.notebook_document.uri, None)
        ls.clear([cell.uri for cell in params.cell_text_documents])

    @ls.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, types.DiagnosticOptions(
        identifier=SOURCE, inter_file_dependencies=False, workspace_diagnostics=False))
    async def pull(params: types.DocumentDiagnosticParams) -> dict[str, Any]:
        # The findings without their fixes, which the code actions work out if asked; as
        # plain JSON, as they are pushed (a FullDocumentDiagnosticReport's shape).
        uri = params.text_document.uri
        checked = await ls.fresh(ls.unit_of(uri), fixes=False)
        items = [] if checked is None else checked.published.get(uri, [])
        return {"kind": types.DocumentDiagnosticReportKind.Full.value, "items": items}

    @ls.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[
        types.CodeActionKind.QuickFix, FIX_ALL, NOTEBOOK_FIX_ALL], resolve_provider=True))
    async def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        uri, only = params.text_document.uri, params.context.only
        checked = await ls.fresh(ls.unit_of(uri))
        if checked is None:
            return []
        version = checked.snapshot.version
        # The client's copies (of this version) say which diagnostics; ours carry the fixes:
        # its copies may be those sent before the fixes were worked out, and some clients
        # send their ranges back in other units. Without copies, those in the range.
        ours = checked.published.get(uri, [])
        picked = {_data(d).get("index") for d in params.context.diagnostics
                  if d.source == SOURCE and _data(d).get("version") == version}
        diagnostics = [protocol.from_json(d) for d in [
            d for index, d in enumerate(ours) if index in picked] or [
            d for d in ours if _overlaps(d, params.range)]]
        versions = {u: (None if checked.snapshot.layout.cells is not None else version)
                    for u in checked.published}
        actions = []
        if protocol.kind_wanted(types.CodeActionKind.QuickFix, only):
            actions += _quick_fixes(diagnostics, versions)
        # As ruff: a notebook's fix-all is a notebook action, never a plain source one on a cell.
        fix_all = NOTEBOOK_FIX_ALL if checked.snapshot.layout.cells is not None else FIX_ALL
        if protocol.kind_wanted(fix_all, only) and checked.resolved.editor.fix_all:
            action = await ls.fix_all_action(checked, fix_all)
            if action is not None:
                actions.append(action)
        return actions

    @ls.feature(types.CODE_ACTION_RESOLVE)
    async def resolve_code_action(action: types.CodeAction) -> types.CodeAction:
        unit = action.data.get("unit") if isinstance(action.data, dict) else None
        if isinstance(unit, str) and action.edit is None:
            checked = await ls.fresh(unit)
            if checked is not None:
                action.edit = await ls.fix_all_edit(checked)
        return action

    @ls.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        if uri not in ls.workspace.text_documents:
            return None
        document = ls.workspace.get_text_document(uri)
        lines = document.lines
        if params.position.line >= len(lines):
            return None
        position = ls.workspace.position_codec.position_from_client_units(
            lines, params.position)
        line = lines[position.line]
        for comment in _NOQA.finditer(line):
            for code in re.finditer(r"[A-Z][A-Z0-9]*", comment.group("codes"), re.IGNORECASE):
                start, end = (comment.start("codes") + code.start(),
                              comment.start("codes") + code.end())
                rule = REGISTRY.rules.get(code.group().upper())
                if rule is not None and start <= position.character <= end:
                    from ..docs import explanation  # rule documents: only on hover
                    return types.Hover(types.MarkupContent(
                        types.MarkupKind.Markdown,
                        f"# {rule.code} ({rule.name})\n\n{explanation(rule)}"))
        return None

    @ls.command(APPLY_AUTOFIX)
    async def apply_autofix(ls: Server, *arguments: object) -> None:  # pygls passes ls
        target = arguments[0] if arguments else None
        uri = target.get("uri") if isinstance(target, dict) else target
        if not isinstance(uri, str):
            return None
        checked = await ls.fresh(ls.unit_of(uri))
        edit = None if checked is None else await ls.fix_all_edit(checked)
        if edit is not None:
            await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(
                edit, label=f"{SOURCE}: fix all"))
        return None

    @ls.command(PRINT_DEBUG)
    def print_debug(ls: Server, *arguments: object) -> str:
        lines = [f"{SOURCE} {__version__}, Python {sys.version.split()[0]}",
                 f"position encoding: {ls.workspace.position_encoding}",
                 f"diagnostics: {'pulled by the client' if ls.pulls() else 'pushed'}",
                 f"editor settings: {ls.editor}",
                 f"workspace folders: {', '.join(sorted(ls.workspace.folders)) or 'none'}",
                 "open documents:"]
        for unit, checked in sorted(ls.results.items()):
            resolved = checked.resolved
            lines.append(f"  {unit} (version {checked.snapshot.version}): "
                         f"{len(checked.diagnostics)} findings; settings from "
                         f"{resolved.pyproject or 'no pyproject.toml'}; selected "
                         f"{', '.join(resolved.selection.select)}; ignored "
                         f"{', '.join(resolved.selection.ignore) or 'none'}; targets "
                         f"{resolved.settings.targets or 'none known'}")
        text = "\n".join(lines)
        ls.window_log_message(types.LogMessageParams(types.MessageType.Info, text))
        return text

    return ls


def _quick_fixes(diagnostics: list[types.Diagnostic],
                 versions: dict[str, int | None]) -> list[types.CodeAction]:
    """For each diagnostic: its fix (preferred where safe; an unsafe one says so), then
    "Disable ... for this line"."""
    actions = []
    for diagnostic in diagnostics:
        data = _data(diagnostic)
        fix = data.get("fix")
        if fix:
            actions.append(types.CodeAction(
                f"{fix['title']}{'' if fix['safe'] else ' (unsafe)'}",
                kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                is_preferred=fix["safe"],
                edit=protocol.workspace_edit(fix["edits"], _only(versions, fix["edits"]))))
    for diagnostic in diagnostics:
        noqa = _data(diagnostic).get("noqa")
        if noqa:
            actions.append(types.CodeAction(
                f"Disable {diagnostic.code} for this line", kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=protocol.workspace_edit([noqa], _only(versions, [noqa]))))
    return actions


def _only(versions: dict[str, int | None], edits: list[dict[str, Any]]) -> dict[str, int | None]:
    return {edit["uri"]: versions.get(edit["uri"]) for edit in edits}
