"""A result cache, like ruff's ``.ruff_cache``: a file whose text, package and settings were
seen before gets its findings back without being parsed.

An entry is keyed by the tool's version, the engine settings, the file's package (relative
imports) and a hash of its code, so an edited or fixed file simply misses. Entries are small
JSON files written atomically (a temporary file, then a rename), so runs sharing the cache never
see half an entry; an unreadable entry or another version's cache is ignored and rewritten. The
cache is bounded: past ``MAX_BYTES`` the oldest entries go.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .. import __version__
from ..edits import Edit
from ..engine import Finding
from ..registry import Settings

DEFAULT_NAME = ".flake8-qiskit-migrate_cache"
ENVIRONMENT = "FLAKE8_QISKIT_MIGRATE_CACHE_DIR"
FORMAT = 1
MAX_BYTES = 64 * 2**20
TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
       "# This file is a cache directory tag created by flake8-qiskit-migrate.\n"
       "# For information about cache directory tags see https://bford.info/cachedir/\n")


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
        """Absolute path -> [mtime_ns, size, package] of the files last seen with no finding."""
        try:
            with open(self._manifest_path, "rb") as stream:
                data = json.loads(stream.read())
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def unchanged_and_clean(self, path: str, stat: os.stat_result, package: str | None) -> bool:
        entry = self.manifest.get(path)
        return entry == [stat.st_mtime_ns, stat.st_size, package or ""]

    def write_manifest(self, clean: dict[str, list[Any]], dirty: set[str]) -> None:
        """Record this run's files with no finding (and forget those that now have some)."""
        merged = {path: entry for path, entry in self.manifest.items() if path not in dirty}
        merged.update(clean)
        if merged == self.manifest:
            return
        with contextlib.suppress(OSError):
            if not self._ready:
                self._prepare()
            import tempfile
            handle, temporary = tempfile.mkstemp(dir=self._folder, prefix=".tmp-")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(merged, stream, separators=(",", ":"))
                os.replace(temporary, self._manifest_path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise

    def key(self, code: str, package: str | None) -> str:
        digest = hashlib.sha256(self.salt)
        digest.update(b"\0" + (package or "").encode() + b"\0")
        digest.update(code.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self._folder, key[:2], key)

    def load(self, key: str) -> list[Finding] | None:
        """The findings stored under ``key``, or None (absent, unreadable, or not ours)."""
        try:
            with open(self._path(key), "rb") as stream:
                data = json.loads(stream.read())
            return [_finding(item) for item in data]
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def store(self, key: str, findings: list[Finding]) -> None:
        """Keep the findings; a cache that cannot be written is simply not used."""
        path = self._path(key)
        with contextlib.suppress(OSError):
            if not self._ready:
                self._prepare()
            folder = os.path.dirname(path)
            os.makedirs(folder, exist_ok=True)
            import tempfile
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump([_record(f) for f in findings], stream, separators=(",", ":"))
                os.replace(temporary, path)
                self.written += 1
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise

    def _prepare(self) -> None:
        """The cache folder with its tag and ``.gitignore``; other versions' caches go."""
        import shutil
        self.root.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "*\n"), ("CACHEDIR.TAG", TAG)):
            if not (self.root / name).exists():
                (self.root / name).write_text(text, encoding="utf-8")
        for other in self.root.iterdir():
            if other.is_dir() and other != self.directory:
                shutil.rmtree(other, ignore_errors=True)
        self.directory.mkdir(exist_ok=True)
        self._ready = True

    def prune(self, limit: int = MAX_BYTES) -> None:
        """Past ``limit`` bytes, remove the least recently written entries down to 3/4 of it."""
        entries = []
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
    """Remove a cache folder (only one that carries our tag); whether there was one."""
    if not (directory / "CACHEDIR.TAG").is_file():
        return False
    import shutil
    shutil.rmtree(directory, ignore_errors=True)
    return True


def _record(finding: Finding) -> list[Any]:
    return [finding.line, finding.col, finding.code, finding.name, finding.replacement,
            finding.end_line, finding.end_col, finding.status, finding.gated_by,
            [[e.row, e.column, e.end_row, e.end_column, e.content] for e in finding.edits]]


def _finding(item: list[Any]) -> Finding:
    line, col, code, name, replacement, end_line, end_col, status, gated_by, edits = item
    return Finding(int(line), int(col), str(code), str(name), replacement, int(end_line),
                   int(end_col), str(status), str(gated_by),
                   tuple(Edit(int(a), int(b), int(c), int(d), str(e)) for a, b, c, d, e in edits))
