"""A result cache, like ruff's ``.ruff_cache``: a file whose text, package and settings were
seen before gets its findings back without being parsed.

An entry is keyed by the tool's version, the engine settings, the file's package (relative
imports) and a hash of its code, so an edited or fixed file simply misses. Entries are small
JSON files written atomically (a temporary file, then a rename), so runs sharing the cache never
see half an entry; an unreadable entry or another version's cache is ignored and rewritten. The
cache is bounded: past ``MAX_BYTES`` the oldest entries go.

The cache deletes only what it made. Its entries live in a version folder
(``<version>-<format>``) that carries our ``CACHEDIR.TAG``; the folder named by the user (the
root) is tagged, and given a ``.gitignore``, only when the cache created it. Other versions'
folders are removed only from a root so tagged, and only when they carry the tag themselves: a
folder of the user's (a project, ``~/.cache``) merely gains our version folder.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from .. import __version__
from ..edits import Edit
from ..engine import Finding
from ..project_index import Entries
from ..registry import REGISTRY, Settings

DEFAULT_NAME = ".flake8-qiskit-migrate_cache"
ENVIRONMENT = "FLAKE8_QISKIT_MIGRATE_CACHE_DIR"
FORMAT = 2  # 2: version folders carry the tag (folders of format 1 are not recognised)
MAX_BYTES = 64 * 2**20
TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
       "# This file is a cache directory tag created by flake8-qiskit-migrate.\n"
       "# For information about cache directory tags see https://bford.info/cachedir/\n")
TAG_NAME = "CACHEDIR.TAG"
IGNORE_ALL = "*\n"  # the .gitignore of a folder the cache made
_VERSION_FOLDER = re.compile(r"[0-9][0-9A-Za-z.+!_]*-[0-9]+")  # "<version>-<format>"


def default_directory(project_root: Path) -> Path:
    given = os.environ.get(ENVIRONMENT)
    return Path(given) if given else project_root / DEFAULT_NAME


class Cache:
    def __init__(self, directory: Path, settings: Settings, scope: str = "") -> None:
        """``scope``: what else decides whether a file reports anything (the selection), for
        the manifest of files with nothing to report."""
        self.scope = scope
        self.root = directory
        self.directory = directory / f"{__version__}-{FORMAT}"
        self.salt = json.dumps({
            "tool": _tool_fingerprint(),
            "backend_names": sorted(settings.backend_names),
            "primitive_names": sorted(settings.primitive_names),
            "targets": sorted(settings.targets), "explicit": sorted(settings.explicit),
        }).encode()
        self.written = 0
        self._ready = False  # folders made and other versions' caches removed, once
        self._ours = False  # the version folder is known to carry our tag
        self._folder = str(self.directory)

    # -- the manifest: files seen unchanged (same size and mtime) with no finding ---------------
    # Like ruff's cache, it trusts a file's size and modification time, so a warm run does not
    # even read the files that had nothing to report.

    @functools.cached_property
    def _manifest_path(self) -> str:
        name = hashlib.sha256(self.salt + self.scope.encode()).hexdigest()[:16]
        return os.path.join(self._folder, f"clean-{name}")

    @functools.cached_property
    def manifest(self) -> dict[str, list[Any]]:
        """Absolute path -> [mtime_ns, size, package, project index fingerprint] of the files
        last seen with no finding."""
        try:
            with open(self._manifest_path, "rb") as stream:
                data = json.loads(stream.read())
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) and self._trusted() else {}

    def unchanged_and_clean(self, path: str, stat: os.stat_result, package: str | None,
                            project: str = "") -> bool:
        """``project``: the project index's fingerprint (an edited definition re-checks)."""
        entry = self.manifest.get(path)
        return entry == [stat.st_mtime_ns, stat.st_size, package or "", project]

    # -- the project index, kept with the files (path -> [mtime_ns, size]) it came from ------

    @functools.cached_property
    def _index_path(self) -> str:
        return os.path.join(self._folder, "project-index")

    def load_index(self, files: dict[str, list[int]] | None) -> Entries | None:
        """The project index stored for these files (any files: None), if there is one."""
        try:
            with open(self._index_path, "rb") as stream:
                data = json.loads(stream.read())
        except (OSError, ValueError):
            return None
        if not (isinstance(data, dict) and self._trusted()
                and data.get("tool") == _tool_fingerprint()
                and (files is None or data.get("files") == files)):
            return None
        modules = data.get("modules")
        valid = isinstance(modules, dict) and all(
            isinstance(entries, dict) and all(
                isinstance(k, str) and isinstance(v, str) for k, v in entries.items())
            for entries in modules.values())
        return modules if valid else None

    def store_index(self, files: dict[str, list[int]], modules: Entries) -> None:
        with contextlib.suppress(OSError):
            if not self._ready:
                self._prepare()
            _write(self._index_path, json.dumps(
                {"tool": _tool_fingerprint(), "files": files, "modules": modules},
                separators=(",", ":")))

    def write_manifest(self, clean: dict[str, list[Any]], dirty: set[str]) -> None:
        """Record this run's files with no finding (and forget those that now have some)."""
        merged = {path: entry for path, entry in self.manifest.items() if path not in dirty}
        merged.update(clean)
        if merged == self.manifest:
            return
        with contextlib.suppress(OSError):
            if not self._ready:
                self._prepare()
            _write(self._manifest_path, json.dumps(merged, separators=(",", ":")))

    def key(self, code: str, package: str | None, project: str = "") -> str:
        """``project``: the digest of the project index's entries the code spells."""
        digest = hashlib.sha256(self.salt)
        digest.update(b"\0" + (package or "").encode() + b"\0" + project.encode() + b"\0")
        digest.update(code.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self._folder, key[:2], key)

    def load(self, key: str) -> list[Finding] | None:
        """The findings stored under ``key``, or None (absent, unreadable, or not ours)."""
        try:
            with open(self._path(key), "rb") as stream:
                data = json.loads(stream.read())
        except (OSError, ValueError):
            return None
        if not isinstance(data, list) or not self._trusted():
            return None
        findings = [_finding(item) for item in data]
        valid = [finding for finding in findings if finding is not None]
        return valid if len(valid) == len(findings) else None  # a forged entry: a miss

    def store(self, key: str, findings: list[Finding]) -> None:
        """Keep the findings; a cache that cannot be written is simply not used."""
        path = self._path(key)
        with contextlib.suppress(OSError):
            if not self._ready:
                self._prepare()
            os.makedirs(os.path.dirname(path), exist_ok=True)
            _write(path, json.dumps([_record(f) for f in findings], separators=(",", ":")))
            self.written += 1

    def _trusted(self) -> bool:
        """Whether the version folder is ours (tagged), not a user's folder of that name."""
        if not self._ours:
            self._ours = _tagged(self.directory)
        return self._ours

    def _prepare(self) -> None:
        """Our tagged version folder. The root is tagged only when made here, and only a root
        so tagged has other versions' folders removed. Raises OSError when a folder of that
        name exists and is not ours (the cache is then not used)."""
        try:
            self.root.mkdir(parents=True)
            _tag(self.root)
        except FileExistsError:
            pass
        if _tagged(self.root):
            _remove_versions(self.root, keep=self.directory.name)
        try:
            self.directory.mkdir()
            _tag(self.directory)
        except FileExistsError:
            if not _tagged(self.directory):  # a user's folder, or another run tagging it now
                raise OSError(f"{self.directory} is not a cache folder of ours") from None
        self._ready = self._ours = True

    def prune(self, limit: int = MAX_BYTES) -> None:
        """Past ``limit`` bytes, remove the least recently written entries down to 3/4 of it."""
        entries = []
        if not self._trusted():
            return
        with contextlib.suppress(OSError):
            for folder in os.scandir(self.directory):
                if folder.is_dir():
                    entries += [(e.stat().st_mtime, e.stat().st_size, e.path)
                                for e in os.scandir(folder.path) if e.is_file()]
        total = sum(size for _, size, _ in entries)
        if total <= limit:
            return
        for _, size, path in sorted(entries):
            if total <= limit * 3 // 4:
                break
            with contextlib.suppress(OSError):
                os.unlink(path)
            total -= size


@functools.lru_cache(maxsize=1)
def _tool_fingerprint() -> str:
    """A hash of the package's own code: rules changed without a new version (a development
    checkout) must not reuse findings."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def clean(directory: Path) -> bool:
    """Remove what the cache made in ``directory``: its version folders and, when the cache
    made ``directory`` itself and nothing else is left in it, the folder. Whether anything
    was removed."""
    removed = _remove_versions(directory, keep=None)
    try:
        left = {entry.name for entry in os.scandir(directory)}
        ignore = (directory / ".gitignore").read_text(encoding="utf-8") if (
            ".gitignore" in left) else IGNORE_ALL
    except (OSError, UnicodeDecodeError):
        return removed
    if _tagged(directory) and left <= {TAG_NAME, ".gitignore"} and ignore == IGNORE_ALL:
        with contextlib.suppress(OSError):
            for name in left:
                os.unlink(directory / name)
            os.rmdir(directory)
            removed = True
    return removed


def _tagged(folder: Path) -> bool:
    """Whether ``folder`` carries the tag this tool writes (the mark of a folder it made)."""
    try:
        with open(folder / TAG_NAME, encoding="utf-8") as stream:
            return stream.read(len(TAG) + 1) == TAG
    except (OSError, UnicodeDecodeError):
        return False


def _tag(folder: Path) -> None:
    """Mark a folder the cache made: the cache-directory tag, and a ``.gitignore``."""
    _write(str(folder / ".gitignore"), IGNORE_ALL)
    _write(str(folder / TAG_NAME), TAG)  # last: a tagged folder is complete


def _remove_versions(root: Path, keep: str | None) -> bool:
    """Remove the version folders of ours in ``root`` (named so, and tagged), but ``keep``."""
    import shutil
    removed = False
    with contextlib.suppress(OSError):
        for entry in os.scandir(root):
            if (entry.name != keep and _VERSION_FOLDER.fullmatch(entry.name)
                    and entry.is_dir(follow_symlinks=False) and _tagged(Path(entry.path))):
                shutil.rmtree(entry.path, ignore_errors=True)
                removed = True
    return removed


def _write(path: str, text: str) -> None:
    """Write atomically (a temporary file, then a rename): readers never see half a file."""
    import tempfile
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _record(finding: Finding) -> list[Any]:
    return [finding.line, finding.col, finding.code, finding.name, finding.replacement,
            finding.end_line, finding.end_col, finding.status, finding.gated_by,
            [[e.row, e.column, e.end_row, e.end_column, e.content] for e in finding.edits]]


# The types of a record's fields (as ``_record`` writes them), and of an edit's.
_RECORD = (int, int, str, str, (str, type(None)), int, int, str, str, list)
_EDIT = (int, int, int, int, str)


def _finding(item: Any) -> Finding | None:
    """The finding a record holds, or None when it is not one we write (a forged or damaged
    entry: the file is then checked again)."""
    if not _shaped(item, _RECORD) or not all(_shaped(edit, _EDIT) for edit in item[9]):
        return None
    line, col, code, name, replacement, end_line, end_col, status, gated_by, edits = item
    if code not in REGISTRY.rules or (gated_by and gated_by not in REGISTRY.rules):
        return None
    return Finding(line, col, code, name, replacement, end_line, end_col, status, gated_by,
                   tuple(Edit(*edit) for edit in edits))


def _shaped(values: Any, types: tuple[type | tuple[type, ...], ...]) -> bool:
    """Whether ``values`` is a list of values of these types, in order (no bool for an int)."""
    return (isinstance(values, list) and len(values) == len(types) and all(
        isinstance(value, kind) and not isinstance(value, bool)
        for value, kind in zip(values, types)))
