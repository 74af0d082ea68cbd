"""The releases a project targets, read from its own files: its lock files (exact versions),
else ``[project] dependencies`` in ``pyproject.toml`` and ``requirements*.txt``."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator

# packaging and tomllib are imported where a project file needs them: most runs read none.

# The packages whose releases gate rules (PyPI names, canonical form).
PACKAGES = ("qiskit", "qiskit-ibm-runtime", "qiskit-aer")
LOCK_FILES = ("uv.lock", "pylock.toml", "poetry.lock", "Pipfile.lock")


class ProjectFileError(ValueError):
    """A project file that is not what its name says (invalid TOML, a key of the wrong type)."""


def targets(qiskit: str | None, runtime: str | None,
            start: Path | None) -> tuple[tuple[str, str], ...]:
    """The targets given (by option or setting), over those read from the project's files
    (none when ``start`` is None). A package may have several: every pin the project declares.
    Raises ValueError on a malformed specifier, ProjectFileError on a malformed project file."""
    given = {package: spec for package, spec in (("qiskit", qiskit),
                                                 ("qiskit-ibm-runtime", runtime)) if spec}
    if given:
        from .versions import specifier
        for spec in given.values():
            specifier(spec)
    found = find_targets(start) if start is not None else ()
    return tuple(sorted({*((p, s) for p, s in found if p not in given), *given.items()}))


def find_targets(start: Path) -> tuple[tuple[str, str], ...]:
    """Targets found in the nearest folder (from ``start`` up) holding project files."""
    for folder in (start, *start.parents):
        found = _from_folder(folder)
        if found is not None:
            return found
    return ()


def _from_folder(folder: Path) -> tuple[tuple[str, str], ...] | None:
    """The pins of a package in the lock files, else in the declared requirements
    (``pyproject.toml`` and every ``requirements*.txt``): a lock file's exact versions are what
    its declared ranges resolved to. Every pin of the kind that names a package counts."""
    locks = [folder / name for name in LOCK_FILES if (folder / name).is_file()]
    declared = [path for path in (folder / "pyproject.toml",) if path.is_file()]
    declared += sorted(folder.glob("requirements*.txt"))
    if not locks and not declared:
        return None
    pins: set[tuple[str, str]] = set()
    for kind in (locks, declared):
        found = {pin for path in kind for pin in _pins(path)}
        named = {package for package, _ in pins}
        pins |= {(package, spec) for package, spec in found if package not in named}
    return tuple(sorted(pins))


def _pins(path: Path) -> list[tuple[str, str]]:
    """A project file's (package, specifier) pairs for the packages we gate on."""
    if path.name in LOCK_FILES:
        pairs = _locked(path)
    else:
        pairs = _pyproject(path) if path.name == "pyproject.toml" else _requirements(path)
    from .versions import specifier
    for package, spec in pairs:
        try:
            specifier(spec)
        except ValueError as error:
            raise ProjectFileError(f"{shown(path)}: {package}: {error}") from None
    return pairs


def shown(path: Path) -> str:
    """A path as messages name it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503, as packaging.utils does it


def _wanted(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(_canonical(name), spec) for name, spec in pairs if _canonical(name) in PACKAGES]


def read_toml(path: Path, needs: str = "") -> dict[str, Any]:
    """The document, or nothing when its text lacks ``needs`` in any case (then there is
    nothing to find in it, and parsing TOML would only cost start-up)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProjectFileError(f"{shown(path)}: cannot read: {error}") from None
    if needs not in text.lower():
        return {}
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        document: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProjectFileError(f"{shown(path)}: invalid TOML: {error}") from None
    return document


def table(document: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    """``document[key]`` (a table; empty when absent)."""
    value = document.get(key, {})
    if not isinstance(value, dict):
        raise ProjectFileError(f"{shown(path)}: '{key}' must be a table")
    return value


def _locked(path: Path) -> list[tuple[str, str]]:
    """Exact versions from uv.lock / pylock.toml / poetry.lock / Pipfile.lock."""
    if path.name == "Pipfile.lock":
        return _pipfile_lock(path)
    document = read_toml(path, "qiskit")
    key = "packages" if "packages" in document else "package"
    packages = document.get(key, [])
    if not isinstance(packages, list) or not all(isinstance(p, dict) for p in packages):
        raise ProjectFileError(f"{shown(path)}: '{key}' must be an array of tables")
    pairs = [(p.get("name"), p.get("version")) for p in packages if "name" in p and "version" in p]
    for name, version in pairs:
        if not (isinstance(name, str) and isinstance(version, str)):
            raise ProjectFileError(f"{shown(path)}: the 'name' and 'version' of each '{key}' "
                                   f"must be strings (found {name!r}, {version!r})")
    return _wanted((name, f"=={version}") for name, version in pairs)


def _pipfile_lock(path: Path) -> list[tuple[str, str]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ProjectFileError(f"{shown(path)}: invalid JSON: {error}") from None
    default = document.get("default", {}) if isinstance(document, dict) else None
    if not isinstance(default, dict):
        raise ProjectFileError(f"{shown(path)}: must hold an object with a 'default' object")
    versions: dict[str, Any] = {name: entry.get("version") for name, entry in default.items()
                                if isinstance(entry, dict) and entry.get("version")}
    for name, version in versions.items():
        if not isinstance(version, str):
            raise ProjectFileError(f"{shown(path)}: 'default.{name}.version' must be a string")
    return _wanted(versions.items())


def _pyproject(path: Path) -> list[tuple[str, str]]:
    project = table(read_toml(path, "qiskit"), "project", path)
    dependencies = project.get("dependencies", [])
    if not isinstance(dependencies, list) or not all(isinstance(d, str) for d in dependencies):
        raise ProjectFileError(f"{shown(path)}: 'project.dependencies' must be a list of strings")
    return _wanted(_parse(dependencies))


# pip's requirements format: a backslash continues a line; a comment starts at a '#' after
# whitespace; options follow a requirement (pip-compile's '--hash=sha256:...').
_CONTINUATION = re.compile(r"\\\r?\n")
_COMMENT_OR_OPTIONS = re.compile(r"(^|\s)(#|--?[A-Za-z]).*")


def _requirements(path: Path) -> list[tuple[str, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    lines = (_COMMENT_OR_OPTIONS.sub("", line) for line in
             _CONTINUATION.sub(" ", text).splitlines())
    return _wanted(_parse(line for line in lines if line.strip()))


_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")  # PEP 508: a requirement starts so


def _parse(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    for line in lines:
        name = _NAME.match(line)
        if name is None or _canonical(name.group(1)) not in PACKAGES:
            continue  # not a package we gate on: packaging (slow to import) is not needed
        from packaging.requirements import InvalidRequirement, Requirement
        try:
            requirement = Requirement(line.strip())
        except InvalidRequirement:
            continue
        if requirement.specifier and (requirement.marker is None or requirement.marker.evaluate()):
            yield requirement.name, str(requirement.specifier)
