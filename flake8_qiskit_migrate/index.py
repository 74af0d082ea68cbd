"""Fast lookups built once from the registry: deprecated names, deprecated calls, what
``from m import *`` binds, and the package roots that make a module worth checking."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from . import rules  # noqa: F401  (registers every rule family)
from .registry import REGISTRY, AttributeHook, CallHook, CallMatch, NameMatch, Registry


@dataclass(frozen=True)
class Index:
    exact: dict[str, NameMatch]
    prefixes: tuple[tuple[str, NameMatch], ...]
    calls: dict[str, CallMatch]
    exports: dict[str, frozenset[str]]
    values: dict[str, str]
    value_globs: tuple[tuple[str, str, str], ...]  # (prefix, suffix, canonical)
    roots: frozenset[str]
    method_hooks: dict[str, list[CallHook]]
    path_hooks: dict[str, list[CallHook]]
    attribute_hooks: dict[str, list[AttributeHook]]

    def value(self, path: str) -> str:
        """The canonical form of a value path (``Aer.get_backend()`` is an ``AerSimulator()``)."""
        canonical = self.values.get(path)
        if canonical is not None:
            return canonical
        for prefix, suffix, canonical in self.value_globs:
            if path.startswith(prefix) and path.endswith(suffix):
                middle = path[len(prefix): len(path) - len(suffix)]
                if middle.isidentifier():
                    return canonical
        return path

    def name(self, path: str | None) -> NameMatch | None:
        """The deprecated name a pure qualified name (no call or subscript in it) falls under."""
        if path is None or path.partition(".")[0] not in self.roots or "(" in path or "[" in path:
            return None
        match = self.exact.get(path)
        if match is not None:
            return match
        for prefix, match in self.prefixes:
            if path.startswith(prefix):
                return match
        return None


def _known_names(registry: Registry) -> list[str]:
    """Every qualified name the tables mention, up to the first call or wildcard."""
    names = [m.pattern.removesuffix(".*").split("*")[0].rstrip(".") for m in registry.names]
    names += [c.path.split("(")[0] for c in registry.calls]
    names += [p.split("(")[0].split("*")[0].rstrip(".")
              for p in (*registry.values, *registry.values.values(), *registry.path_hooks)]
    return names + registry.star_names


@lru_cache(maxsize=1)
def shared() -> Index:
    """The index of every rule family, built once: the engine and the prescan both read it."""
    return build()


def build(registry: Registry = REGISTRY) -> Index:
    exact: dict[str, NameMatch] = {}
    prefixes: list[tuple[str, NameMatch]] = []
    for match in registry.names:
        if match.pattern.endswith(".*"):
            module = match.pattern[:-2]
            exact.setdefault(module, match)
            prefixes.append((module + ".", match))
        elif match.pattern.endswith("*"):
            prefixes.append((match.pattern[:-1], match))
        else:
            exact[match.pattern] = match
    # Longest prefix first, so a specific entry wins over its module's catch-all.
    prefixes.sort(key=lambda item: len(item[0]), reverse=True)
    exports: defaultdict[str, set[str]] = defaultdict(set)
    for name in _known_names(registry):
        parts = name.split(".")
        for i in range(1, len(parts)):
            exports[".".join(parts[:i])].add(parts[i])
    calls = {c.path: c for c in registry.calls}
    globs = tuple((path.split("*")[0], path.split("*")[1], canonical)
                  for path, canonical in registry.values.items() if "*" in path)
    roots = frozenset(name.partition(".")[0] for name in _known_names(registry))
    return Index(
        exact=exact,
        prefixes=tuple(prefixes),
        calls=calls,
        exports={module: frozenset(names) for module, names in exports.items()},
        values={path: c for path, c in registry.values.items() if "*" not in path},
        value_globs=globs,
        roots=roots,
        method_hooks=registry.method_hooks,
        path_hooks=registry.path_hooks,
        attribute_hooks=registry.attribute_hooks,
    )
