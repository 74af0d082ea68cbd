"""The nodes of the module being checked, by type: one walk of the whole tree, shared by every
fix that asks about the whole module (each imported name's other uses, what else binds it),
instead of an ``ast.walk`` per question. The lists keep ``ast.walk``'s order.

They, and what the fixes work out from them (``remembered``), are kept for the module being
checked only: ``release`` drops them when its check ends, so no tree outlives its check (a
kept tree makes every later garbage collection longer)."""

from __future__ import annotations

import ast
from typing import Callable, Hashable, TypeVar, cast

Node = TypeVar("Node", bound=ast.AST)
Result = TypeVar("Result")


def node_classes() -> list[type[ast.AST]]:
    found, todo = [], [ast.AST]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


# Fields that never hold a node anyone asks for: names and flags, and the context, operator
# and comparison markers (shared singletons).
_SCALAR_FIELDS = frozenset({"ctx", "op", "ops", "id", "attr", "arg", "name", "module", "asname",
                            "type_comment", "kind", "level", "conversion", "is_async", "simple"})
CHILD_FIELDS = {cls: tuple(f for f in cls._fields if f not in _SCALAR_FIELDS)
                for cls in node_classes()}


class ModuleNodes:
    """A module's nodes (without the context and operator markers), in ``ast.walk``'s order:
    breadth first, each node's children in field order."""

    def __init__(self, module: ast.Module) -> None:
        self.module = module
        by_type: dict[type[ast.AST], list[ast.AST]] = {}
        order: list[ast.AST] = [module]
        fields, node_class = CHILD_FIELDS, ast.AST
        for node in order:  # grows as it goes: the walk's queue
            kind = type(node)
            same = by_type.get(kind)
            if same is None:
                by_type[kind] = [node]
            else:
                same.append(node)
            for name in fields[kind]:
                value = getattr(node, name, None)
                if type(value) is list:
                    order.extend([v for v in value if isinstance(v, node_class)])
                elif isinstance(value, node_class):
                    order.append(value)
        self._by_type = by_type
        self._order = order
        self._parents: dict[int, ast.AST] | None = None
        self.memo: dict[Hashable, object] = {}  # see ``remembered``

    def of(self, kind: type[Node]) -> list[Node]:
        """The nodes of one (concrete) node class."""
        return self._by_type.get(kind, [])  # type: ignore[return-value]

    @property
    def parents(self) -> dict[int, ast.AST]:
        """Each node's parent, by the node's id (worked out on the first question)."""
        if self._parents is None:
            parents: dict[int, ast.AST] = {}
            fields, node_class = CHILD_FIELDS, ast.AST
            for node in self._order:
                for name in fields[type(node)]:
                    value = getattr(node, name, None)
                    if type(value) is list:
                        parents.update((id(v), node) for v in value if isinstance(v, node_class))
                    elif isinstance(value, node_class):
                        parents[id(value)] = node
            self._parents = parents
        return self._parents


_last: list[ModuleNodes] = []  # of the module being checked (one slot)


def nodes(module: ast.Module) -> ModuleNodes:
    """The module's nodes, walked once for all the questions about it."""
    known = _last[0] if _last else None
    if known is not None and known.module is module:
        return known
    found = ModuleNodes(module)
    _last[:] = [found]  # another thread's module may replace it: ``found`` stays ours
    return found


def remembered(module: ast.Module, key: Hashable, compute: Callable[[], Result]) -> Result:
    """``compute()``, worked out once per module and ``key``: the fixers asked at each
    finding of a module ask the same whole-module question."""
    memo = nodes(module).memo
    if key not in memo:
        memo[key] = compute()
    return cast(Result, memo[key])


def release(module: ast.Module) -> None:
    """The module's check is over: forget its nodes and what was worked out from them."""
    if _last and _last[0].module is module:
        _last.clear()
