"""A cheap look at a module's raw text before parsing it: a finding needs certain words in the
source, so a module without them is not parsed and yields nothing.

The words are derived from the registry, never listed by hand. A module holding a path spells
every name in it (``qiskit_ibm_runtime.QiskitRuntimeService().backend()``:
``qiskit_ibm_runtime``, ``QiskitRuntimeService``, ``backend``) where it imports, uses, star-binds
or annotates it, except the names of its own package path, which relative imports reach
unspelled; a known value (``Aer.get_backend()`` is an ``AerSimulator()``) is reached by spelling
its source form instead. So each deprecated name, deprecated call and call hook, and each value a
method or attribute hook declares it reports on (with the hook's own key), gives *ways*: sets of
words a module must hold in full. Each way has an *anchor*, the name its path is reached through
(``QiskitRuntimeService``; a prefix ``Fake*`` for ``fake_provider.Fake*()``). Hooks that report on
any receiver need their key; the heuristics that go by the receiver's name need their key *and*
one of the setting's words in some identifier (``conditions``).

The check: a module must name a Qiskit package root (or sit inside such a package); then the
anchors are found with one expression, and only the ways of the anchors found are checked, word
by word, with plain substring scans.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Callable

from .index import shared
from .registry import REGISTRY, Registry, Settings

_CALL_OR_SUBSCRIPT = re.compile(r"[(\[]")
Way = tuple[str, frozenset[str]]  # (anchor, every word)


def origin(path: str) -> str:
    """The name a path is reached through: its last name before the first call or subscript
    (``*`` kept at its end for a wildcard)."""
    head = _CALL_OR_SUBSCRIPT.split(path.removesuffix(".*"), maxsplit=1)[0]
    return _word(head.rpartition(".")[2])


def path_words(path: str) -> frozenset[str]:
    """Every name a path spells, its package root included."""
    parts = path.removesuffix(".*").replace("()", "").replace("[]", "").split(".")
    return frozenset(_word(part) for part in parts if part)


def _word(part: str) -> str:
    return part.split("*")[0] + "*" if "*" in part else part


def ways(registry: Registry = REGISTRY) -> frozenset[Way]:
    """One (anchor, words) per way a finding can be reached, besides the name heuristics."""
    sources: defaultdict[str, list[str]] = defaultdict(list)  # canonical -> its source forms
    for source, canonical in registry.values.items():
        sources[canonical].append(source)
    found: set[Way] = set()
    targets = [match.pattern for match in registry.names]
    targets += [call.path for call in registry.calls] + list(registry.path_hooks)
    for target in targets:
        found.update(_reached(target, sources))
    for needs in registry.hook_needs:
        for value in needs.values:
            # The hook's key is spelled at the use: ``backend.run``, ``options.shots``.
            found.update((anchor, words | {needs.key})
                         for anchor, words in _reached(value, sources))
        if not needs.values and needs.by_name is None:
            found.add((needs.key, frozenset({needs.key})))  # any receiver
    return frozenset(found)


def _reached(path: str, sources: dict[str, list[str]], depth: int = 0) -> set[Way]:
    """The ways of the source paths that resolve to ``path``: itself, and the source forms of
    every known value whose canonical form (ending in a call or subscript) starts it, followed
    by the rest of ``path``."""
    found = {(origin(path), path_words(path))}
    if depth > 4:  # values map source forms to canonical ones: chains are one or two long
        return found
    for end, char in enumerate(path, start=1):
        if char in ")]" and path[:end] in sources:
            rest = path_words(path[end:])
            for source in sources[path[:end]]:
                found.update((anchor, words | rest)
                             for anchor, words in _reached(source, sources, depth + 1))
    return found


def trigger_words(registry: Registry = REGISTRY) -> frozenset[str]:
    """The anchors: one of them is in any module that can hold a finding, besides the name
    heuristics (``conditions``); a word ending in ``*`` is a prefix of an identifier."""
    return frozenset(anchor for anchor, _ in ways(registry))


def conditions(registry: Registry = REGISTRY) -> frozenset[tuple[str, str]]:
    """(key, setting) pairs: a hook reports on a receiver named with one of the setting's
    words (``Settings.backend_names``), so it needs both the key and such a name."""
    return frozenset((needs.key, needs.by_name) for needs in registry.hook_needs
                     if needs.by_name is not None)


# Bytes that can be part of a name in valid code: ASCII letters, digits, ``_``, and every
# non-ASCII byte (a non-ASCII character next to a name in code is a letter of that name).
_NAME_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_TO_SPACES = bytes(c if c in _NAME_BYTES or c >= 128 else 32 for c in range(256))


def names_in(source: str) -> set[bytes]:
    """Every name-like token of a text (names, keywords, digits; in strings and comments too),
    found by C-speed byte operations: translate everything else to spaces, then split."""
    return set(source.encode("utf-8", "surrogatepass").translate(_TO_SPACES).split())


def may_find(source: str, package: Callable[[], str | None] = lambda: None,
             settings: Settings = Settings(), project: frozenset[bytes] = frozenset()) -> bool:
    """False only when the module cannot hold a finding: then it need not be parsed.
    ``project``: the names of the Qiskit values the project's modules define (a module using
    ``MyBackend`` of ``mypkg.backends`` spells that name, and maybe no Qiskit name)."""
    names = names_in(source)
    if not names.isdisjoint(project):
        return True
    owner = package()
    if owner is not None:
        names.update(part.encode() for part in owner.split("."))  # relative imports reach them
    if names.isdisjoint(_roots()):
        return False
    anchors = anchors_in(source, names)
    if any(way <= names for anchor in anchors for way in _by_anchor()[anchor]):
        return True
    return any(key in names and _called_on_named(source, key.decode(), getattr(settings, field))
               for key, field in _conditions())


def anchors_in(source: str, names: set[bytes]) -> set[bytes]:
    """The anchors among a module's names (``names_in(source)``), ``Fake*`` for a name that
    starts with ``Fake``: a module with none holds no value a finding is reached through."""
    anchors = names & _by_anchor().keys()
    anchors.update(anchor for anchor, start in _prefixes() if start.decode() in source
                   and any(name.startswith(start) for name in names))
    return anchors


def anchored(path: str) -> bool:
    """Whether a value path is reached through an anchor (``qiskit_aer.AerSimulator()``): a
    value that is not cannot lead to a finding."""
    name = origin(path).encode()
    return name in _by_anchor() or any(name.startswith(start) for _, start in _prefixes())


@lru_cache(maxsize=1)
def _by_anchor() -> dict[bytes, list[frozenset[bytes]]]:
    """The registry's ways by anchor (``Fake*`` keeps its star), as bytes; built once."""
    table: defaultdict[bytes, list[frozenset[bytes]]] = defaultdict(list)
    for anchor, words in sorted(ways(), key=lambda way: (way[0], sorted(way[1]))):
        plain = frozenset(w.encode() for w in words - {anchor} if not w.endswith("*"))
        table[anchor.encode()].append(plain)  # a prefix word other than the anchor: not needed
    return dict(table)


@lru_cache(maxsize=1)
def _prefixes() -> tuple[tuple[bytes, bytes], ...]:
    """(anchor, the start of a name it stands for): ``(b"Fake*", b"Fake")``."""
    return tuple((a, a[:-1]) for a in _by_anchor() if a.endswith(b"*"))


@lru_cache(maxsize=1)
def _roots() -> frozenset[bytes]:
    return frozenset(root.encode() for root in shared().roots)


@lru_cache(maxsize=1)
def _conditions() -> tuple[tuple[bytes, str], ...]:
    return tuple(sorted((key.encode(), field) for key, field in conditions()))


def _called_on_named(source: str, method: str, words: frozenset[str]) -> bool:
    """Whether the text calls ``x.method`` on a name ``x`` holding one of ``words`` as a
    snake_case word, in any case (``backend.run``, ``self._Aer_Backend.run``, ``(sim) .run``),
    as the by-name heuristics ask of the receiver (``receivers.name_says``). From each
    ``.method``, back over white space, line continuations and closing parentheses to the name;
    a comment on the way makes it answer yes (it may hide anything)."""
    for match in _dot_method(method).finditer(source):
        end = match.start()
        while end and source[end - 1] in " \t\f\r\n\\)":
            if source[end - 1] == "\n" and "#" in source[source.rfind("\n", 0, end - 1) + 1:end]:
                return True
            end -= 1
        start = end
        while start and (source[start - 1].isalnum() or source[start - 1] == "_"):
            start -= 1
        if not words.isdisjoint(source[start:end].lower().strip("_").split("_")):
            return True
    return False


@lru_cache(maxsize=None)
def _dot_method(method: str) -> re.Pattern[str]:
    # The dot, then white space, line continuations or comments (inside brackets, so a line
    # break ends each: no backtracking into a comment's text), then the name.
    return re.compile(rf"\.(?:[ \t\f\r\n\\]|#[^\n]*\n)*{re.escape(method)}\b")
