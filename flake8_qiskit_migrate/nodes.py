"""The nodes of the module being checked, by type: one walk of the whole tree, shared by every
fix that asks about the whole module (each imported name's other uses, what else binds it),
instead of an ``ast.walk`` per question. The lists keep ``ast.walk``'s order.

They, and what the fixes work out from them (``remembered``), are kept for the module being
checked only: ``release`` drops them when its check ends, so no tree outlives its check (a
kept tree makes every later garbage collection longer)."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
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


# How a field holds its nodes, from the class's ASDL signature (its docstring, as
# ``Call(expr func, expr* args, keyword* keywords)``): a node or None, a list of nodes only,
# or anything else (looked at value by value). The walk then checks no value of the first two.
_NODE, _NODES, _CHECKED = 0, 1, 2
_SCALARS = frozenset({"identifier", "string", "constant", "int"})  # no node in these types
_SIGNATURE = re.compile(r"\w+\((.*)\)")
# Lists of nodes that hold None too: ``{**rest}``'s key, a keyword-only argument's default.
_MAY_HOLD_NONE = frozenset({(ast.Dict, "keys"), (ast.arguments, "kw_defaults")})


def _plan(cls: type[ast.AST]) -> tuple[tuple[str, int], ...]:
    """The fields of ``cls`` that may hold nodes, in field order, each with how it holds
    them; a field the signature does not describe is ``_CHECKED``."""
    lines = (cls.__doc__ or "").strip().splitlines()
    signature = _SIGNATURE.fullmatch(lines[0]) if lines else None
    types = {}  # field name -> its ASDL type (``expr*``, ``arg?``, ``identifier``)
    for part in signature.group(1).split(", ") if signature and signature.group(1) else ():
        spelled, name = part.rsplit(" ", 1)
        types[name] = spelled
    plan = []
    for name in CHILD_FIELDS[cls]:
        spelled = types.get(name)
        if spelled is not None and spelled.rstrip("*?") in _SCALARS:
            continue
        how = _CHECKED if spelled is None or (cls, name) in _MAY_HOLD_NONE else (
            _NODES if spelled.endswith("*") else _NODE)
        plan.append((name, how))
    return tuple(plan)


_PLANS = {cls: _plan(cls) for cls in CHILD_FIELDS}


class ModuleNodes:
    """A module's nodes (without the context and operator markers), in ``ast.walk``'s order:
    breadth first, each node's children in field order."""

    def __init__(self, module: ast.Module) -> None:
        self.module = module
        by_type: defaultdict[type[ast.AST], list[ast.AST]] = defaultdict(list)
        order: list[ast.AST] = [module]
        plans, append, extend = _PLANS, order.append, order.extend
        for node in order:  # grows as it goes: the walk's queue
            kind = type(node)
            by_type[kind].append(node)
            for name, how in plans[kind]:
                if how == _NODES:
                    extend(getattr(node, name, ()))
                elif how == _NODE:
                    value = getattr(node, name, None)
                    if value is not None:
                        append(value)
                else:
                    extend(_children_of(getattr(node, name, None)))
        self._by_type = dict(by_type)
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
            plans = _PLANS
            for node in self._order:
                for name, how in plans[type(node)]:
                    if how == _NODES:
                        parents.update(dict.fromkeys(map(id, getattr(node, name, ())), node))
                    elif how == _NODE:
                        value = getattr(node, name, None)
                        if value is not None:
                            parents[id(value)] = node
                    else:
                        children = _children_of(getattr(node, name, None))
                        parents.update(dict.fromkeys(map(id, children), node))
            self._parents = parents
        return self._parents


def _children_of(value: object) -> list[ast.AST]:
    """The nodes a field of unknown shape holds."""
    if type(value) is list:
        return [v for v in value if isinstance(v, ast.AST)]
    return [value] if isinstance(value, ast.AST) else []


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


def names(module: ast.Module) -> dict[str, list[ast.Name]]:
    """The module's ``ast.Name`` nodes by identifier, in ``ast.walk``'s order: the questions
    about one name (is it only called? rebound?) look at its uses, not at every name."""
    return remembered(module, names, lambda: _by_identifier(nodes(module).of(ast.Name)))


def _by_identifier(found: list[ast.Name]) -> dict[str, list[ast.Name]]:
    by_identifier: defaultdict[str, list[ast.Name]] = defaultdict(list)
    for node in found:
        by_identifier[node.id].append(node)
    return dict(by_identifier)


def release(module: ast.Module) -> None:
    """The module's check is over: forget its nodes and what was worked out from them."""
    if _last and _last[0].module is module:
        _last.clear()


def same_tree(a: object, b: object) -> bool:
    """Whether two nodes spell the same code (their fields, not their positions), as
    ``ast.dump(a) == ast.dump(b)`` says without the garbage cycle each ``ast.dump`` leaves
    (its recursive inner function): a check frees what it made (``collector``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, ast.AST):
        return all(same_tree(getattr(a, f, None), getattr(b, f, None)) for f in a._fields)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(same_tree(x, y) for x, y in zip(a, b))
    return a == b
