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
# A ``str`` value: a string literal, a ``str`` annotation, a string fallback (``x or "name"``).
STRING = "builtins.str()"
# A list or iterable of values of one path (``[service.backend(n) for n in names]``): its
# elements (subscripts, loop targets) are that path.
LIST = "<list>"
# Annotations that declare an iterable of their argument's type.
_CONTAINERS = frozenset({"typing.List", "typing.Sequence", "typing.Iterable", "typing.Iterator",
                         "collections.abc.Sequence", "collections.abc.Iterable", "builtins.list"})
_UNIONS = frozenset({"typing.Optional", "typing.Union"})
# Exceptions whose handler marks code that supports both the old and the new API.
_COMPAT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "AttributeError"})
# Expressions whose path extends the path of one inner expression.
_LINKS = (ast.Attribute, ast.Call, ast.Subscript, ast.NamedExpr)


class Binding:
    """What a name is bound to, and whether the binding came from ``from m import *`` (``star``)
    or from a plain ``import m [as x]`` (``module``: its uses spell the module's path)."""

    __slots__ = ("path", "star", "module", "text", "node")

    def __init__(self, path: Path, star: bool = False, module: bool = False,
                 text: str | None = None, node: ast.expr | None = None) -> None:
        self.path = path
        self.star = star
        self.module = module
        self.text = text  # the string a name is bound to by ``NAME = "literal"``
        self.node = node  # the expression an assignment or ``with`` item bound it to


UNKNOWN = Binding(None)


class Scope:
    __slots__ = ("is_class", "bindings", "declared")

    def __init__(self, is_class: bool = False) -> None:
        self.is_class = is_class
        self.bindings: dict[str, Binding] = {}
        self.declared: dict[str, str] = {}  # ``name: Annotation``: what later values are


class Resolver:
    """Scopes and name resolution for one module.

    ``exports`` maps a module to the names ``from module import *`` is known to bind;
    ``normalize`` maps a value path to its canonical form (``Aer.get_backend()`` is an
    ``AerSimulator()``); ``package`` lazily gives the module's package for relative imports;
    ``project`` holds the values the project's other modules define (``project_index``).
    Classes defined in the module have paths under ``<local>``: their instances are known
    values that are nothing of Qiskit's.
    """

    def __init__(
        self,
        exports: Mapping[str, frozenset[str]],
        normalize: Callable[[str], str],
        package: Callable[[], str | None] = lambda: None,
        project: Mapping[str, str] | None = None,
    ) -> None:
        self._exports = exports
        self._project = project or {}
        self._value = normalize
        self._package = package
        self._scopes = [Scope()]
        self._memo: dict[ast.AST, Path] = {}
        self._assumed: dict[ast.AST, str] = {}  # what hooks proved (``assume``)
        # ``obj.attr = value`` assignments, keyed by the path of ``obj.attr``; the strings of
        # ``obj.attr = "literal"``; the annotations of ``obj.attr: Annotation``.
        self._attributes: dict[str, str] = {}
        self._texts: dict[str, str] = {}
        self._declared: dict[str, str] = {}
        # Instances of the module's classes that subclass a Qiskit class: what the base's are.
        self._instances: dict[str, str] = {}
        self.has_star_bindings = False

    # -- scopes -----------------------------------------------------------------------------
    def push(self, is_class: bool = False) -> None:
        self._scopes.append(Scope(is_class))

    def pop(self) -> None:
        self._scopes.pop()

    def in_class(self) -> bool:
        return self._scopes[-1].is_class

    def bind(self, name: str, path: Path, star: bool = False, module: bool = False,
             text: str | None = None, node: ast.expr | None = None) -> None:
        self._scopes[-1].bindings[name] = (
            Binding(path, star, module, text, node) if path or text else UNKNOWN)

    def origin(self, node: ast.expr) -> ast.expr | None:
        """The expression the name ``node`` was last bound to by an assignment or a ``with``
        item of the current scope, where that value has a path (``qc = QuantumCircuit(2)``:
        the call). Only the current scope's: an enclosing scope may rebind its names before a
        function defined in it runs."""
        if not isinstance(node, ast.Name):
            return None
        binding = self._scopes[-1].bindings.get(node.id)
        return binding.node if binding is not None else None

    def defines(self, name: str) -> bool:
        """Whether a visible scope binds ``name`` (else it is a builtin, such as ``str``)."""
        scopes = self._scopes
        return name in scopes[-1].bindings or any(
            name in scope.bindings for scope in scopes[:-1] if not scope.is_class)

    def declare(self, target: ast.expr, path: str) -> None:
        """``target: Annotation``: later values of the name or attribute that nothing proves
        are what the annotation says."""
        if isinstance(target, ast.Name):
            self._scopes[-1].declared[target.id] = path
        elif isinstance(target, ast.Attribute):
            owner = self.qualify(target.value)
            if owner is not None:
                self._declared[f"{owner}.{target.attr}"] = path

    def declare_attribute(self, key: str, path: str) -> None:
        """A class body's ``name: Annotation`` declares the attribute ``key`` of instances."""
        self._declared[key] = path

    def qiskit_base(self, bases: list[ast.expr]) -> str | None:
        """The one base of a class whose instances are Qiskit objects (a Qiskit class, or a
        class of the module or the project deriving from one), if it has exactly one."""
        found = [path for path in map(self.qualify, bases) if path is not None and (
            path.startswith("qiskit") or self.instance(path) is not None)]
        return found[0] if len(found) == 1 else None

    def instance(self, cls: str) -> str | None:
        """What an instance of a class of the module or the project deriving from a Qiskit
        class is."""
        found = self._instances.get(cls + "()") or self._project.get(cls + "()")
        return found if found is not None and found.startswith("qiskit") else None

    def subclass(self, local: str, base: str) -> None:
        """Instances of the module's class ``local`` are what instances of ``base`` are."""
        self._instances[local + "()"] = self.instance(base) or self._value(base + "()")

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

    def bind_target(self, target: ast.expr, path: Path, text: str | None = None,
                    node: ast.expr | None = None) -> None:
        """Bind an assignment target: a name, ``obj.attr`` (remembered by the path of
        ``obj.attr``), or the names of an unpacking, which become unknown. A value nothing
        proves is what the target's annotation declared, if any; ``node``: the value's
        expression, the name's ``origin``."""
        if isinstance(target, ast.Name):
            self.bind(target.id, path or self._scopes[-1].declared.get(target.id), text=text,
                      node=node)
        elif isinstance(target, ast.Attribute):
            owner = self.qualify(target.value)
            if owner is not None:
                key = f"{owner}.{target.attr}"
                path = path or self._declared.get(key)
                if path:
                    self._attributes[key] = path
                else:
                    self._attributes.pop(key, None)
                if text is not None:
                    self._texts[key] = text
                else:
                    self._texts.pop(key, None)
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
            # A value the project defines is that value (``from mypkg.config import backend``).
            self.bind(alias.asname or alias.name, self._project.get(qualified, qualified)
                      if qualified is not None else None)
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
            path = self.lookup(current.id).path if isinstance(current, ast.Name) else (
                self._value_of(current))
            memo[current] = path
        for link in reversed(chain):
            if path is not None:
                if isinstance(link, ast.Attribute):
                    path = self._attribute(path, link.attr)
                elif isinstance(link, ast.Call):
                    path = (self._instances.get(path + "()") or self._project.get(path + "()")
                            or self._value(path + "()"))
                elif isinstance(link, ast.Subscript):
                    path = self.element(path)
            if type(link) is ast.Call and _string_fallback(link):
                path = STRING  # ``os.environ.get("BACKEND", "ibm_x")``, ``d.get(k, "x")``
            memo[link] = path
        return path

    def _value_of(self, node: ast.expr) -> Path:
        """The path of an expression that is no name and no link of a chain: strings, string
        fallbacks (``x or "name"``), and lists whose elements share a path."""
        if _is_string(node) or (isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or)
                                and _is_string(node.values[-1])):
            return STRING
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)) and node.elts:
            paths = {self.qualify(e) for e in node.elts}
            element = paths.pop() if len(paths) == 1 else None
            return LIST + element if element is not None else None
        return None

    def element(self, path: str) -> Path:
        """What subscripting or iterating over a value of ``path`` gives."""
        return path[len(LIST):] if path.startswith(LIST) else self._value(path + "[]")

    def assume(self, node: ast.expr, path: str) -> None:
        """From now on ``node`` is ``path``. Expressions around it may have been resolved
        before it was proven (``estimator.run(a, b).result().values``): forget them."""
        self._assumed[node] = path
        self._memo = dict(self._assumed)

    def forget(self) -> None:
        """Forget the paths of the expressions resolved so far: their names are bound
        otherwise now (a second look at a function's body)."""
        self._memo = dict(self._assumed)

    def literal(self, node: ast.expr) -> str | None:
        """The string an expression is known to hold: a literal, or a name or attribute that
        a simple assignment bound to one (``CHANNEL = "ibm_quantum"``)."""
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, str) else None
        if isinstance(node, ast.Name):
            return self.lookup(node.id).text
        if isinstance(node, ast.Attribute):
            owner = self.qualify(node.value)
            return self._texts.get(f"{owner}.{node.attr}") if owner is not None else None
        return None

    def annotated(self, node: ast.expr) -> Path:
        """The value an annotation declares: an instance of the class it names
        (``Optional[X]``, ``X | None`` and string annotations too), ``STRING`` for ``str``, a
        ``LIST`` for ``list[X]``/``Sequence[X]``; None when it says nothing certain."""
        if isinstance(node, ast.Constant):
            if not isinstance(node.value, str):
                return None
            try:
                parsed = ast.parse(node.value.strip(), mode="eval").body
            except (SyntaxError, ValueError):
                return None
            return self.annotated(parsed)
        members = self._union_members(node)
        if members is not None:
            paths = {self.annotated(m) for m in members if not _is_none(m)}
            return paths.pop() if len(paths) == 1 else None
        if isinstance(node, ast.Name) and node.id == "str" and not self.defines("str"):
            return STRING
        if isinstance(node, ast.Subscript):
            generic = self._builtin_or_path(node.value)
            if generic in _CONTAINERS:
                element = self.annotated(node.slice)
                return LIST + element if element is not None else None
        cls = self.qualify(node)
        return self._value(cls + "()") if cls else None

    def _union_members(self, node: ast.expr) -> list[ast.expr] | None:
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return [*(self._union_members(node.left) or [node.left]),
                    *(self._union_members(node.right) or [node.right])]
        if isinstance(node, ast.Subscript) and self.qualify(node.value) in _UNIONS:
            inner = node.slice  # ``Optional[X]`` has one member, ``Union[X, Y]`` a tuple
            return list(inner.elts) if isinstance(inner, ast.Tuple) else [inner]
        return None

    def _builtin_or_path(self, node: ast.expr) -> Path:
        if isinstance(node, ast.Name) and not self.defines(node.id):
            return "builtins." + node.id
        return self.qualify(node)

    def _attribute(self, owner: str, attr: str) -> Path:
        path = f"{owner}.{attr}"
        recorded = (self._attributes.get(path) or self._declared.get(path)
                    or self._project.get(path))
        if recorded is not None:
            return recorded
        # An attribute of a local object that the module never assigned is unknown.
        return None if owner.startswith(LOCAL) else path


def compat_handler(handler: ast.ExceptHandler) -> bool:
    """Whether ``except`` catches an error of a missing name (``except ImportError``): the
    ``try`` body holds the API in use, the handler a fallback."""
    caught = handler.type
    elements = caught.elts if isinstance(caught, ast.Tuple) else [caught]
    return any(isinstance(e, ast.Name) and e.id in _COMPAT_ERRORS for e in elements)


def _is_string(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str))


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _string_fallback(call: ast.Call) -> bool:
    """``m.get(key, "default")`` / ``os.getenv(key, "default")``: a string when the key is
    missing, and the key's value otherwise, which a string default says is a string too."""
    func = call.func
    return (isinstance(func, ast.Attribute) and func.attr in ("get", "getenv")
            and len(call.args) == 2 and _is_string(call.args[1]))
