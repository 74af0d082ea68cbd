"""The project index: what the project's own modules define that their users' findings depend
on, so ``from mypkg.backends import MyBackend; MyBackend().run(qc, shots=10)`` is a backend run
in any module of the project.

One cheap pass over the modules of the project's packages (the packages of the checked files,
walked from their top folder; Qiskit's own packages are the registry's, never the project's).
A value a finding can be reached through is spelled with an anchor of the prescan
(``AerSimulator``, ``BackendV2``), so a module that names no Qiskit package and anchor, and no
name the index holds for such a value, is not parsed: only its top-level ``class`` lines are
read (classes of the project: their instances are nothing of Qiskit's). The others are parsed,
and their top-level statements read: a class with one Qiskit base (its instances are what the
base's are), an assignment of a known value, a function whose return value is known, a
re-export of any of these. Entries are small and JSON-serialisable: module -> {name or
``name()``: value}.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
from collections import ChainMap
from functools import cached_property
from typing import Iterable, Mapping, Sequence

from .index import Index
from .packages import package_of
from .prescan import anchored, anchors_in, names_in
from .resolve import LOCAL, Resolver, compat_handler

Entries = dict[str, dict[str, str]]  # module -> {"MyBackend()": "qiskit_aer.AerSimulator()"}
_ROUNDS = 4  # re-exports and subclasses of the project's classes: chains are short
_CLASS_LINE = re.compile(rb"^class[ \t]+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)


class ProjectIndex:
    def __init__(self, modules: Entries | None = None) -> None:
        self.modules: Entries = modules or {}

    @cached_property
    def paths(self) -> dict[str, str]:
        """Qualified path -> value: ``mypkg.backends.MyBackend()`` -> ``qiskit...()``."""
        return {f"{module}.{key}": value for module, entries in self.modules.items()
                for key, value in entries.items()}

    @cached_property
    def words(self) -> frozenset[bytes]:
        """The names a module must spell to use a Qiskit value of the index that can lead to a
        finding (the prescan lets such a module through): the first name of each entry."""
        return frozenset(_first(key).encode() for entries in self.modules.values()
                         for key, value in entries.items()
                         if not value.startswith(LOCAL) and anchored(value))

    def exports(self, known: Mapping[str, frozenset[str]]) -> Mapping[str, frozenset[str]]:
        """What ``from m import *`` binds: the registry's, and the index's names."""
        # ChainMap types its maps as mutable; it only reads them here.
        return ChainMap(self._exports, known) if self.modules else known  # type: ignore[arg-type]

    @cached_property
    def _exports(self) -> dict[str, frozenset[str]]:
        return {module: frozenset(map(_first, entries)) for module, entries in self.modules.items()}

    @cached_property
    def fingerprint(self) -> str:
        """The digest of every entry: a clean file's manifest entry holds it."""
        return self.digest()

    def digest(self, names: set[bytes] | None = None) -> str:
        """A digest of the entries whose first name is in ``names`` (all: None), for cache
        keys: a module's findings depend on the entries it spells; "" for none."""
        by_name = self._by_name
        spelled = by_name.keys() if names is None else by_name.keys() & names
        chosen = sorted(entry for name in spelled for entry in by_name[name])
        if not chosen:
            return ""
        return hashlib.sha256(json.dumps(chosen).encode()).hexdigest()[:16]

    @cached_property
    def _by_name(self) -> dict[bytes, list[tuple[str, str, str]]]:
        """First name -> its (module, key, value) entries."""
        found: dict[bytes, list[tuple[str, str, str]]] = {}
        for module, entries in self.modules.items():
            for key, value in entries.items():
                found.setdefault(_first(key).encode(), []).append((module, key, value))
        return found


EMPTY = ProjectIndex()


def _first(key: str) -> str:
    return key.partition("(")[0]


def project_files(files: Iterable[str], roots: frozenset[str]) -> dict[str, str]:
    """Absolute path -> module name of every ``.py`` file in the packages the given files
    belong to (walked from each package's top folder), Qiskit's packages left out."""
    tops: set[str] = set()
    for file in files:
        package = package_of(file)
        if package is not None and package.partition(".")[0] not in roots:
            folder = os.path.dirname(os.path.abspath(file))
            for _ in range(package.count(".")):
                folder = os.path.dirname(folder)
            tops.add(folder)
    found: dict[str, str] = {}
    for top in sorted(tops):
        for folder, folders, names in os.walk(top):
            folders[:] = sorted(f for f in folders
                                if os.path.isfile(os.path.join(folder, f, "__init__.py")))
            package = package_of(os.path.join(folder, "__init__.py"))
            for name in sorted(names):
                if name.endswith(".py") and package is not None:
                    stem = name[:-3]
                    found[os.path.join(folder, name)] = (
                        package if stem == "__init__" else f"{package}.{stem}")
    return found


def build(texts: Mapping[str, bytes], modules: Mapping[str, str], index: Index) -> ProjectIndex:
    """The index of the modules (path -> module name, path -> text). A module whose entries
    depend on another's (a re-export, a subclass of a project class) is read again once the
    names it spells are known, for a few rounds."""
    roots = frozenset(root.encode() for root in index.roots)
    names: dict[str, set[bytes]] = {}
    todo = []
    for path, text in texts.items():
        source = text.decode("utf-8", "replace")
        names[path] = names_in(source)
        # A Qiskit value is reached through an anchor of the prescan (``AerSimulator``).
        if not names[path].isdisjoint(roots) and anchors_in(source, names[path]):
            todo.append(path)
    entries: Entries = {}
    words: frozenset[bytes] = frozenset()
    parsed = set(todo)
    for path in texts:
        if path not in parsed:
            classes = {match.decode(): "" for match in _CLASS_LINE.findall(texts[path])}
            if classes:
                entries[modules[path]] = {
                    f"{name}()": f"{LOCAL}{modules[path]}.{name}()" for name in classes}
    for _ in range(_ROUNDS):
        project = ProjectIndex(dict(entries))
        for path in todo:
            tree = _parse(texts[path])  # again in a later round: trees are not kept (memory)
            found = scan(tree, modules[path], package_of(path), project,
                         index) if tree is not None else {}
            if found:
                entries[modules[path]] = found
            else:
                entries.pop(modules[path], None)
        new_words = ProjectIndex(entries).words - words
        words = words | new_words
        todo = [path for path in texts if not names[path].isdisjoint(new_words)]
        if not todo:
            break
    return ProjectIndex(entries)


def _parse(text: bytes) -> ast.Module | None:
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # the check reports it


def scan(tree: ast.Module, module: str, package: str | None, project: ProjectIndex,
         index: Index) -> dict[str, str]:
    """The entries of one module: its top-level classes, known values and functions."""
    resolver = Resolver(project.exports(index.exports), index.value, lambda: package,
                        project.paths)
    found: dict[str, str] = {}
    _statements(tree.body, module, resolver, project, found)
    return found


def _statements(body: list[ast.stmt], module: str, resolver: Resolver, project: ProjectIndex,
                found: dict[str, str]) -> None:
    """Top-level statements in source order, and the bodies of top-level ``try`` statements
    (compatibility imports); a name another block binds is no longer known."""
    for statement in body:
        if isinstance(statement, ast.Import):
            resolver.bind_import(statement)
        elif isinstance(statement, ast.ImportFrom):
            for alias, path in resolver.bind_import_from(statement):
                _reexport(found, alias.asname or alias.name, path, project)
        elif isinstance(statement, ast.ClassDef):
            local = LOCAL + statement.name
            base = resolver.qiskit_base(statement.bases)
            resolver.bind(statement.name, local)
            if base is not None:
                resolver.subclass(local, base)
            instance = resolver.instance(local) if base is not None else None
            found[statement.name + "()"] = instance or f"{LOCAL}{module}.{statement.name}()"
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
            _assigned(resolver, statement, found)
        elif isinstance(statement, ast.FunctionDef):
            _forget(resolver, found, statement.name)
            value = _returned(resolver, statement)
            if value is not None:
                found[statement.name + "()"] = value
        elif isinstance(statement, ast.Try):
            _statements(statement.body, module, resolver, project, found)
            kept = _stored(statement.body)  # a fallback does not undo what the body bound
            fallbacks = [h for h in statement.handlers if compat_handler(h)]
            others = [h for h in statement.handlers if not compat_handler(h)]
            for name in (_stored(fallbacks) - kept) | _stored(
                    others, statement.orelse, statement.finalbody):
                _forget(resolver, found, name)
        else:
            for name in _stored([statement]):
                _forget(resolver, found, name)


def _forget(resolver: Resolver, found: dict[str, str], name: str) -> None:
    resolver.bind(name, None)
    found.pop(name, None)
    found.pop(name + "()", None)


def _stored(*blocks: Sequence[ast.AST]) -> set[str]:
    """The names the blocks bind (assignments, imports, loop targets, definitions)."""
    names: set[str] = set()
    for block in blocks:
        for statement in block:
            for node in ast.walk(statement):
                if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
                    names.add(node.id)
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    names.add(node.name)
                elif isinstance(node, ast.alias):
                    names.add((node.asname or node.name).partition(".")[0])
    return names


def _qiskit(path: str | None) -> bool:
    return path is not None and path.startswith("qiskit") and "(" in path


def _reexport(found: dict[str, str], name: str, path: str, project: ProjectIndex) -> None:
    for suffix in ("", "()"):
        value = project.paths.get(path + suffix)
        if value is not None:
            found[name + suffix] = value
        else:
            found.pop(name + suffix, None)


def _assigned(resolver: Resolver, statement: ast.Assign | ast.AnnAssign,
              found: dict[str, str]) -> None:
    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
    path = resolver.qualify(statement.value) if statement.value is not None else None
    if path is None and isinstance(statement, ast.AnnAssign):
        path = resolver.annotated(statement.annotation)
    for target in targets:
        for name in _stored([target]):
            _forget(resolver, found, name)
        if isinstance(target, ast.Name) and path is not None:
            resolver.bind(target.id, path)
            if _qiskit(path):
                found[target.id] = path


def _returned(resolver: Resolver, function: ast.FunctionDef) -> str | None:
    """What calling a plain function gives: the value its return annotation declares, else the
    one value every ``return`` gives, all at the top of its body (its top-level assignments
    followed, unless another block or a parameter binds the name). A decorated function or a
    generator: unknown."""
    if function.decorator_list:
        return None
    declared = resolver.annotated(function.returns) if function.returns is not None else None
    # The cheap look first (most functions return nothing of Qiskit's), then the proof.
    value = declared if _qiskit(declared) else _returns(resolver, function, set())
    if not _qiskit(value):
        return None
    nodes = list(ast.walk(function))
    if any(isinstance(node, (ast.Yield, ast.YieldFrom)) for node in nodes):
        return None
    if value == declared:
        return value
    top = sum(isinstance(statement, ast.Return) for statement in function.body)
    if top != sum(isinstance(node, ast.Return) for node in nodes):
        return None  # a return inside a block
    unsure = _stored([s for s in function.body if not isinstance(s, ast.Assign)])
    unsure.update(arg.arg for arg in (*function.args.posonlyargs, *function.args.args,
                                      *function.args.kwonlyargs, function.args.vararg,
                                      function.args.kwarg) if arg is not None)
    return value if _returns(resolver, function, unsure) == value else None


def _returns(resolver: Resolver, function: ast.FunctionDef, unsure: set[str]) -> str | None:
    """The one value the top-level ``return`` statements give, with the ``unsure`` names
    unknown and the top-level assignments of the others followed."""
    resolver.push()
    resolver.forget()
    for name in unsure:
        resolver.bind(name, None)
    values: set[str | None] = set()
    for statement in function.body:
        if isinstance(statement, ast.Assign):
            path = resolver.qualify(statement.value)
            for target in statement.targets:
                shadowed = isinstance(target, ast.Name) and target.id in unsure
                resolver.bind_target(target, None if shadowed else path)
        elif isinstance(statement, ast.Return):
            values.add(resolver.qualify(statement.value) if statement.value else None)
    resolver.pop()
    return values.pop() if len(values) == 1 else None
