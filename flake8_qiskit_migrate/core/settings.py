"""From a settings table (``[tool.flake8-qiskit-migrate]``, merged with the command line's
options or an editor's) to what a check needs: the rule selection and the engine's settings.
The command and the server both resolve settings here, so the two cannot differ."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..project import targets
from ..registry import REGISTRY, Settings
from .config import ConfigError
from .filters import Selection


def selection(found: dict[str, Any]) -> Selection:
    """The codes selected; an unknown selector is a ``ConfigError``."""
    chosen = Selection.build(found.get("select"), found.get("extend-select", []),
                             found.get("ignore", []))
    unknown = [c for c in (*chosen.select, *chosen.ignore)
               if not any(code.startswith(c) for code in REGISTRY.rules)]
    if unknown:
        raise ConfigError(f"unknown rule selector(s): {', '.join(unknown)}")
    return chosen


def engine_settings(found: dict[str, Any], start: Path) -> Settings:
    """The engine's settings; the targeted releases default to what the project at ``start``
    pins. A target that is no version or specifier raises ``ValueError``."""
    return Settings(
        backend_names=_names(found.get("backend-names"), Settings.backend_names),
        primitive_names=_names(found.get("primitive-names"), Settings.primitive_names),
        explicit=(*(found.get("select") or ()), *found.get("extend-select", [])),
        targets=targets(found.get("target-qiskit"), found.get("target-runtime"), start))


def _names(given: list[str] | None, default: frozenset[str]) -> frozenset[str]:
    return frozenset(name.lower() for name in given) if given else default
