"""Settings from ``[tool.flake8-qiskit-migrate]`` in the nearest ``pyproject.toml``."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Collection, Mapping

from ..project import ProjectFileError, read_toml, shown, table

SECTION = "flake8-qiskit-migrate"
# Keys the section may hold, and whether each is a list of strings.
KEYS = {"select": True, "extend-select": True, "ignore": True, "exclude": True,
        "extend-exclude": True, "backend-names": True, "primitive-names": True,
        "output-format": False, "target-qiskit": False, "target-runtime": False,
        "cache-dir": False, "force-exclude": False}
FLAGS = frozenset({"force-exclude"})  # true or false


# One error for every project file that is not what its name says.
ConfigError = ProjectFileError


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load(path: Path | None,
         choices: Mapping[str, Collection[str]] | None = None) -> dict[str, Any]:
    """The section's settings, checked for known keys, types and ``choices`` (the values a
    key may take)."""
    if path is None:
        return {}
    # A file that does not mention the tool cannot configure it (and tomllib costs start-up).
    tool = table(read_toml(path, needs="qiskit"), "tool", path)
    section = tool.get(SECTION, {})
    if not isinstance(section, dict):
        raise ConfigError(f"{shown(path)}: 'tool.{SECTION}' must be a table")
    for key, value in section.items():
        if key not in KEYS:
            raise ConfigError(f"{shown(path)}: unknown key '{key}' in [tool.{SECTION}]")
        wants_list = KEYS[key]
        valid = (isinstance(value, bool) if key in FLAGS
                 else isinstance(value, list) and all(isinstance(v, str) for v in value)
                 if wants_list else isinstance(value, str))
        if not valid:
            kind = ("true or false" if key in FLAGS else "a list of strings" if wants_list
                    else "a string")
            raise ConfigError(f"{shown(path)}: '{key}' in [tool.{SECTION}] must be {kind}")
        allowed = (choices or {}).get(key)
        if allowed is not None and value not in allowed:
            raise ConfigError(f"{shown(path)}: '{key}' in [tool.{SECTION}] must be one of: "
                              f"{', '.join(allowed)} (not {value!r})")
    return dict(section)
