"""What a name or expression *is*: scopes, imports and value paths.

An expression resolves to a *path*: a dotted qualified name (``qiskit.primitives.Sampler``), with
``()`` after a call and ``[]`` after a subscript
(``qiskit_ibm_runtime.QiskitRuntimeService().backend()``),
or to ``None`` when it cannot be proven from the module itself. Rules match on paths, never on
spelling. Bindings are recorded in source order, which is how notebooks and scripts read.
"""

from __future__ import annotations

import ast
from typing import Callable, Mapping

Path = str | None
LOCAL = "<local>."
# Expressions whose path extends the path of one inner expression.
_LINKS = (ast.Attribute, ast.Call, ast.Subscript, ast.NamedExpr)


class Binding:
    """What a name is bound to, and whether the binding came from ``from m import *`` (``star``)
    or from a plain ``import m [as x]`` (``module``: its uses spell the module's path)."""

    __slots__ = ("path", "star", "module")

    def __init__(self, path: Path, star: bool = False, module: bool = False) -> None:
        self.path = path
        self.star = star
        self.module = module


UNKNOWN = Binding(None)


class Scope:
    __slots__ = ("is_class", "bindings")

    def __init__(self, is_class: bool = False) -> None:
        self.is_class = is_class
        self.bindings: dict[str, Binding] = {}


class Resolver:
    """Scopes and name resolution for one module.

    ``exports`` maps a module to the names ``from module import *`` is known to bind;
    ``normalize`` maps a value path to its canonical form (``Aer.get_backend()`` is an
    ``AerSimulator()``); ``package`` lazily gives the module's package for relative imports.
    Classes defined in the module have paths under ``<local>``: their instances are known
    values that are nothing of Qiskit's.
    """

    def __init__(
        self,
        exports: Mapping[str, frozenset[str]],
        normalize: Callable[[str], str],
        package: Callable[[], str | None] = lambda: None,
    ) -> None:
        self._exports = exports
        self._value = normalize
        self._package = package
        self._scopes = [Scope()]
        self._memo: dict[ast.AST, Path] = {}
        # ``obj.attr = value`` assignments, keyed by the path of ``obj.attr``.
        self._attributes: dict[str, str] = {}
        self.has_star_bindings = False

    # -- scopes -----------------------------------------------------------------------------
    def push(self, is_class: bool = False) -> None:
        self._scopes.append(Scope(is_class))

    def pop(self) -> None:
        self._scopes.pop()

    def in_class(self) -> bool:
        return self._scopes[-1].is_class

    def bind(self, name: str, path: Path, star: bool = False, module: bool = False) -> None:
        self._scopes[-1].bindings[name] = Binding(path, star, module) if path else UNKNOWN

    def lookup(self, name: str) -> Binding:
        scopes = self._scopes
        top = scopes[-1]
        binding = top.bindings.get(name)
        if binding is not None:
            return binding
        # Enclosing class bodies are not visible from nested scopes (Python's rule).
        for scope in reversed(scopes[:-1]):
            if not scope.is_class:
                binding = scope.bindings.get(name)
                if binding is not None:
                    return binding
        return UNKNOWN

    def bind_target(self, target: ast.expr, path: Path) -> None:
        """Bind an assignment target: a name, ``obj.attr`` (remembered by the path of
        ``obj.attr``), or the names of an unpacking, which become unknown."""
        if isinstance(target, ast.Name):
            self.bind(target.id, path)
        elif isinstance(target, ast.Attribute):
            owner = self.qualify(target.value)
            if owner is not None:
                key = f"{owner}.{target.attr}"
                if path:
                    self._attributes[key] = path
                else:
                    self._attributes.pop(key, None)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                inner = element.value if isinstance(element, ast.Starred) else element
                self.bind_target(inner, None)

    # -- imports ----------------------------------------------------------------------------
    def bind_import(self, node: ast.Import) -> list[tuple[ast.alias, str]]:
        """Bind ``import a.b [as c]``; return each alias with the module it names."""
        found = []
        for alias in node.names:
            if alias.asname:
                self.bind(alias.asname, alias.name, module=True)
            else:
                root = alias.name.partition(".")[0]
                self.bind(root, root, module=True)
            found.append((alias, alias.name))
        return found

    def bind_import_from(self, node: ast.ImportFrom) -> list[tuple[ast.alias, str]]:
        """Bind ``from m import x [as y]`` and ``from m import *``; return each alias with its
        qualified name (the module itself for ``*``). Unresolvable relative imports bind
        unknowns, so they still shadow earlier bindings."""
        module = self._absolute(node.module, node.level)
        found = []
        for alias in node.names:
            if alias.name == "*":
                if module is not None:
                    for name in self._exports.get(module, ()):
                        self.bind(name, f"{module}.{name}", star=True)
                        self.has_star_bindings = True
                    found.append((alias, module))
                continue
            qualified = f"{module}.{alias.name}" if module is not None else None
            self.bind(alias.asname or alias.name, qualified)
            if qualified is not None:
                found.append((alias, qualified))
        return found

    def _absolute(self, module: str | None, level: int) -> str | None:
        if not level:
            return module
        package = self._package()
        if package is None:
            return None
        parts = package.split(".")
        if level - 1 >= len(parts):
            return None
        base = ".".join(parts[: len(parts) - (level - 1)])
        return f"{base}.{module}" if module else base

    # -- expressions ------------------------------------------------------------------------
    def qualify(self, node: ast.expr) -> Path:
        """The path of an expression. Iterative (a chain of thousands of calls costs no
        recursion) and memoized per node, so each link of a chain is resolved once."""
        memo = self._memo
        if node in memo:
            return memo[node]
        if type(node) is ast.Name:  # the common case, without the chain machinery
            name_path = self.lookup(node.id).path
            memo[node] = name_path
            return name_path
        chain: list[ast.expr] = []
        current: ast.expr = node
        while current not in memo and isinstance(current, _LINKS):
            chain.append(current)
            current = current.func if isinstance(current, ast.Call) else current.value
        if current in memo:
            path = memo[current]
        else:
            path = self.lookup(current.id).path if isinstance(current, ast.Name) else None
            memo[current] = path
        for link in reversed(chain):
            if path is not None:
                if isinstance(link, ast.Attribute):
                    path = self._attribute(path, link.attr)
                elif isinstance(link, ast.Call):
                    path = self._value(path + "()")
                elif isinstance(link, ast.Subscript):
                    path = self._value(path + "[]")
            memo[link] = path
        return path

    def assume(self, node: ast.expr, path: str) -> None:
        self._memo[node] = path

    def _attribute(self, owner: str, attr: str) -> Path:
        path = f"{owner}.{attr}"
        recorded = self._attributes.get(path)
        if recorded is not None:
            return recorded
        # An attribute of a local object that the module never assigned is unknown.
        return None if owner.startswith(LOCAL) else path
