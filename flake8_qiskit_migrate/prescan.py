"""A cheap look at a module's raw text before parsing it: a finding needs certain words in the
source, so a module without them is not parsed and yields nothing.

The words are derived from the registry, never listed by hand. A value path reaches a module
only through the name it starts from: ``qiskit_ibm_runtime.QiskitRuntimeService().backend()``
through ``QiskitRuntimeService``, spelled where it is imported, used, star-bound or annotated
(relative imports spell it too). So each deprecated name, deprecated call, call hook and known
value (``Aer.get_backend()`` is an ``AerSimulator()``) needs the *origin word* of its path: the
last name before the first call or subscript (a prefix where the path has a wildcard:
``Fake`` for ``fake_provider.Fake*()``). Method and attribute hooks need the origin words of the
values they report on (``HookNeeds.values``), their own key where they report on any receiver,
and, for the heuristics that go by the receiver's name (``by_name``), the key *and* one of the
setting's words in some identifier. A module must also reach Qiskit: name a package root the
registry knows, or sit inside such a package, where relative imports reach it without spelling it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable

from .registry import REGISTRY, Registry, Settings

_CALL_OR_SUBSCRIPT = re.compile(r"[(\[]")


def origin(path: str) -> str:
    """The word a path is reached through (``*`` kept at its end for a wildcard)."""
    head = _CALL_OR_SUBSCRIPT.split(path.removesuffix(".*"), maxsplit=1)[0]
    last = head.rpartition(".")[2]
    return last.split("*")[0] + "*" if "*" in last else last


def trigger_words(registry: Registry = REGISTRY) -> frozenset[str]:
    """The words one of which any finding needs in the source, besides the name heuristics
    (``conditions``); a word ending in ``*`` is a prefix of an identifier."""
    paths = [match.pattern for match in registry.names]
    paths += [call.path for call in registry.calls]
    paths += list(registry.path_hooks)
    paths += list(registry.values)
    words = {origin(path) for path in paths}
    for needs in registry.hook_needs:
        words.update(origin(value) for value in needs.values)
        if not needs.values and needs.by_name is None:
            words.add(needs.key)  # a hook that reports on any receiver
    words.discard("")
    words.discard("*")
    return frozenset(words)


def conditions(registry: Registry = REGISTRY) -> frozenset[tuple[str, str]]:
    """(key, setting) pairs: a hook reports on a receiver named with one of the setting's
    words (``Settings.backend_names``), so it needs both the key and such a name."""
    return frozenset((needs.key, needs.by_name) for needs in registry.hook_needs
                     if needs.by_name is not None)


def _alternatives(words: Iterable[str]) -> str:
    """One regular expression for many words, factored by their common prefixes: Python's
    ``re`` tries alternatives one by one, so a trie is several times faster than a flat list."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body
    return emit(trie)


@lru_cache(maxsize=1)
def _words_pattern() -> re.Pattern[str]:
    # A whole identifier, or the start of one for a prefix word; never the end of one.
    words = trigger_words()
    whole = _alternatives(w for w in words if not w.endswith("*"))
    prefixes = _alternatives(w[:-1] for w in words if w.endswith("*"))
    return re.compile(rf"(?<!\w)(?:{whole}(?!\w)|{prefixes})" if prefixes else
                      rf"(?<!\w){whole}(?!\w)")


@lru_cache(maxsize=16)
def _name_pattern(words: frozenset[str]) -> re.Pattern[str]:
    # A word of a snake_case identifier, in any case (``aer_backend``, ``self._Sampler``).
    return re.compile(rf"(?<![^\W_])(?:{_alternatives(sorted(words))})(?![^\W_])", re.I)


@lru_cache(maxsize=1)
def _roots() -> tuple[str, ...]:
    from .engine import INDEX  # the engine registers every rule family first
    return tuple(sorted(INDEX.roots))


@lru_cache(maxsize=1)
def _spelled_roots() -> tuple[str, ...]:
    # A text naming ``qiskit_aer`` names ``qiskit``: one scan for a root another one contains.
    roots = _roots()
    return tuple(r for r in roots if not any(other != r and other in r for other in roots))


def may_find(source: str, package: Callable[[], str | None] = lambda: None,
             settings: Settings = Settings()) -> bool:
    """False only when the module cannot hold a finding: then it need not be parsed."""
    if not any(root in source for root in _spelled_roots()):
        owner = package()
        if owner is None or owner.partition(".")[0] not in _roots():
            return False
    # Plain substring scans (C speed) first: most modules hold none of the words at all.
    if any(word in source for word in _scanned()) and _words_pattern().search(source):
        return True
    for key, field in _conditions():
        names: frozenset[str] = getattr(settings, field)
        if key in source and _key_pattern(key).search(source):
            lowered = source.lower()
            if any(name in lowered for name in names) and _name_pattern(names).search(source):
                return True
    return False


@lru_cache(maxsize=1)
def _scanned() -> tuple[str, ...]:
    """The trigger words without those that hold another one (``SamplerV2`` holds
    ``Sampler``): a text holding none of these holds no trigger word."""
    words = {word.rstrip("*") for word in trigger_words()}
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


@lru_cache(maxsize=None)
def _key_pattern(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")


@lru_cache(maxsize=1)
def _conditions() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(conditions()))
