"""Settings from ``[tool.flake8-qiskit-migrate]`` in the nearest ``pyproject.toml``."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

SECTION = "flake8-qiskit-migrate"
# Keys the section may hold, and whether each is a list of strings.
KEYS = {"select": True, "extend-select": True, "ignore": True, "exclude": True,
        "extend-exclude": True, "backend-names": True, "primitive-names": True,
        "output-format": False, "target-qiskit": False, "target-runtime": False,
        "cache-dir": False, "force-exclude": False}
FLAGS = frozenset({"force-exclude"})  # true or false


# Every spelling of the section names it before ``]``, ``.`` or ``=``: ``[tool.SECTION]``,
# ``tool.SECTION.key =``, ``"SECTION" = {...}`` (and, harmlessly, ``"SECTION==1.0"``).
_SECTION_NAMED = re.compile(re.escape(SECTION) + r"[\"']?\s*[\].=]")


class ConfigError(ValueError):
    pass


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load(path: Path | None) -> dict[str, Any]:
    """The section's settings, checked for known keys and types."""
    if path is None:
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
    if _SECTION_NAMED.search(text) is None:  # no TOML to parse (tomllib costs start-up)
        return {}
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {error}") from None
    section = document.get("tool", {}).get(SECTION, {})
    for key, value in section.items():
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key '{key}' in [tool.{SECTION}]")
        wants_list = KEYS[key]
        valid = (isinstance(value, bool) if key in FLAGS
                 else isinstance(value, list) and all(isinstance(v, str) for v in value)
                 if wants_list else isinstance(value, str))
        if not valid:
            kind = ("true or false" if key in FLAGS else "a list of strings" if wants_list
                    else "a string")
            raise ConfigError(f"{path}: '{key}' in [tool.{SECTION}] must be {kind}")
    return dict(section)
