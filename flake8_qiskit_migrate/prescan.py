"""A cheap look at a module's raw text before parsing it: a finding needs certain words in the
source, so a module without any of them is not parsed and yields nothing.

The words are derived from the registry and the resolver's tables, never listed by hand: every
finding comes from a deprecated name (its last fixed component is spelled wherever the name is
imported, reached or star-bound: ``IBMQ``, ``aer`` for ``qiskit.providers.aer.*``, ``Fake`` for
``fake_provider.Fake*``), a deprecated call (its method name), or a hook on a call path, a method
or an attribute (its key). A module must also reach Qiskit: name a package root the registry
knows, or sit inside such a package, where relative imports reach it without spelling it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from .registry import REGISTRY, Registry


def trigger_words(registry: Registry = REGISTRY) -> frozenset[str]:
    """The words one of which any finding needs in the source."""
    words = set()
    for match in registry.names:
        fixed = match.pattern.removesuffix(".*")
        words.add(fixed.rpartition(".")[2].split("*")[0])
    words.update(call.path.rpartition(".")[2] for call in registry.calls)
    words.update(path.rpartition(".")[2] for path in registry.path_hooks)
    words.update(registry.method_hooks)
    words.update(registry.attribute_hooks)
    words.discard("")
    return frozenset(words)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    # Longest first, so a word is not cut short by a shorter one it starts with; a word may be
    # the start of a longer identifier (``Fake`` in ``FakeVigo``), never the end of one.
    words = sorted(trigger_words(), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, words)) + ")")


@lru_cache(maxsize=1)
def _roots() -> tuple[str, ...]:
    from .engine import INDEX  # the engine registers every rule family first
    return tuple(sorted(INDEX.roots))


def may_find(source: str, package: Callable[[], str | None] = lambda: None) -> bool:
    """False only when the module cannot hold a finding: then it need not be parsed."""
    if not _pattern().search(source):
        return False
    if any(root in source for root in _roots()):
        return True
    owner = package()
    return owner is not None and owner.partition(".")[0] in _roots()
