"""Advice that is right for the releases a project targets: a replacement text that names a
recommended API which a later release superseded (``qiskit_ibm_runtime.SamplerV2``, deprecated
in qiskit-ibm-runtime 0.50 for ``qiskit_ibm_runtime.executor_sampler.Sampler``) names the API
of the targeted releases, and, where the target also allows the other side, says what it is
called there."""

from __future__ import annotations

import re
from functools import lru_cache

from .registry import REGISTRY, Successor
from .versions import status

Targets = tuple[tuple[str, str], ...]


@lru_cache(maxsize=1024)
def advise(text: str, targets: Targets) -> str:
    """``text`` with each superseded name replaced by its successor, unless every targeted
    release predates the successor; the older name is then mentioned in parentheses."""
    older: dict[str, list[str]] = {}  # "package version" -> the names it still uses
    for successor in REGISTRY.successors:
        pattern = _pattern(successor)
        if not pattern.search(text):
            continue
        if status(successor.releases, targets) is None:
            continue  # every targeted release predates the successor: the old name is right
        text = pattern.sub(successor.new, text)
        release = successor.releases
        older.setdefault(f"{release.package} {_short(release.deprecated)}", []).append(
            successor.old)
    notes = [f"before {release}: {', '.join(names)}" for release, names in older.items()]
    return f"{text} ({'; '.join(notes)})" if notes else text


@lru_cache(maxsize=64)
def _pattern(successor: Successor) -> re.Pattern[str]:
    return re.compile(r"(?<![\w.])" + re.escape(successor.old) + r"(?!\w)")


def _short(version: str) -> str:
    return version.removesuffix(".0")
