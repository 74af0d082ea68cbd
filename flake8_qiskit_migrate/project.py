"""The releases a project targets, read from its own files: a lock file (exact versions),
else ``[project] dependencies`` in ``pyproject.toml``, else ``requirements*.txt``."""

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


def targets(qiskit: str | None, runtime: str | None, start: Path) -> tuple[tuple[str, str], ...]:
    """The targets given (by option or setting), over those read from the project's files.
    Raises ValueError on a malformed specifier."""
    found = dict(find_targets(start))
    given = {"qiskit": qiskit, "qiskit-ibm-runtime": runtime}
    found.update({package: spec for package, spec in given.items() if spec})
    if found:
        from .versions import specifier
        for spec in found.values():
            specifier(spec)
    return tuple(sorted(found.items()))


def find_targets(start: Path) -> tuple[tuple[str, str], ...]:
    """Targets found in the nearest folder (from ``start`` up) holding project files."""
    for folder in (start, *start.parents):
        found = _from_folder(folder)
        if found is not None:
            return found
    return ()


def _from_folder(folder: Path) -> tuple[tuple[str, str], ...] | None:
    sources = [
        *(_locked(folder / name) for name in LOCK_FILES if (folder / name).is_file()),
        *([_pyproject(folder / "pyproject.toml")] if (folder / "pyproject.toml").is_file() else []),
        *(_requirements(path) for path in sorted(folder.glob("requirements*.txt"))),
    ]
    if not sources:
        return None
    targets: dict[str, str] = {}
    for pairs in sources:  # the first source to name a package wins
        for name, spec in pairs:
            targets.setdefault(name, spec)
    return tuple(sorted(targets.items()))


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503, as packaging.utils does it


def _wanted(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(_canonical(name), spec) for name, spec in pairs if _canonical(name) in PACKAGES]


def _toml(path: Path, needs: str = "") -> dict[str, Any]:
    """The document, or nothing when its text lacks ``needs`` in any case (then there is
    nothing to find in it, and parsing TOML would only cost start-up)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    if needs not in text.lower():
        return {}
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        document: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}
    return document


def _locked(path: Path) -> list[tuple[str, str]]:
    """Exact versions from uv.lock / pylock.toml / poetry.lock / Pipfile.lock."""
    if path.name == "Pipfile.lock":
        try:
            default = json.loads(path.read_text(encoding="utf-8")).get("default", {})
        except (OSError, ValueError):
            return []
        return _wanted((name, str(entry.get("version", ""))) for name, entry in default.items()
                       if isinstance(entry, dict) and entry.get("version"))
    document = _toml(path, "qiskit")
    packages = document.get("package", document.get("packages", []))
    return _wanted((p["name"], f"=={p['version']}") for p in packages
                   if isinstance(p, dict) and "name" in p and "version" in p)


def _pyproject(path: Path) -> list[tuple[str, str]]:
    dependencies = _toml(path, "qiskit").get("project", {}).get("dependencies", [])
    return _wanted(_parse(dependencies))


def _requirements(path: Path) -> list[tuple[str, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return _wanted(_parse(line.split(" #")[0] for line in lines
                          if line.strip() and not line.lstrip().startswith(("#", "-"))))


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
