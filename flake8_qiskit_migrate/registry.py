"""The rule registry: one record per code, and the tables that say which Qiskit names trigger it.

Everything a user sees about a rule (message, replacement, link, document) and everything the
engine matches on (qualified names, call paths) is declared here by the rule-family modules in
``flake8_qiskit_migrate.rules``. Front ends, docs and tests read this registry; nothing else
holds rule text.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple, Protocol, TypeVar

from .edits import Fix, SourceText

GUIDES = "https://quantum.cloud.ibm.com/docs/migration-guides/"

CATEGORIES = {
    1: "Direct execution",
    2: "Provider packages",
    3: "V1 primitives",
    4: "Legacy options and keywords",
    5: "Other retired Runtime settings",
    6: "Server-side Runtime primitives (qiskit-ibm-runtime 0.50+)",
    7: "Backend, job and result interfaces",
}

_CODE = re.compile(r"QKM[1-7]\d\d\Z")
_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")


@dataclass(frozen=True)
class RuleDoc:
    """The prose of a rule's document. Its example and "use instead" code live in
    ``rules/snippets/QKMnnn.py``, real files that the tests lint and run."""

    what: str
    why: str
    notes: str = ""
    summary: str = ""  # one line for tables: what the rule finds, in a few words


@dataclass(frozen=True)
class Releases:
    """The releases of a package (its PyPI name) that deprecated and removed a rule's API;
    with a target version known, a rule is reported only where its API is deprecated."""

    package: str
    deprecated: str
    removed: str = ""


@dataclass(frozen=True)
class Autofix:
    """A rule's fix: ``safe`` fixes keep behaviour, ``unsafe`` ones may change it and are
    applied only with ``--unsafe-fixes``. ``safety`` is the document's "Fix safety" text."""

    applicability: str
    title: str
    safety: str
    # The old objects (qualified names) whose chain the fix rewrites one step of, e.g.
    # ``qiskit.IBMQ``: the fix is dropped where the module reports another use of them.
    chain: tuple[str, ...] = ()
    # Fixes that migrate one chain in steps reported by several rules (a V1 primitive's class,
    # call shape and result read): where a finding of a rule of the group carries no fix, no
    # finding of the group does, so no step is rewritten without the others.
    group: str = ""
    # The fix migrates a name across the module (its import and every use): each finding of
    # the rule in a module gets the edits of all of them, or none does.
    whole: bool = False
    # The riskier form the fix takes on some shapes (``execute`` on an IBM Quantum backend
    # becomes a Sampler run), as (a text only its edits write, its title): that fix is unsafe.
    unsafe_form: tuple[str, str] | None = None
    # The fix at an import of the old name (the import's own edit) joins the fixes of every
    # finding of that name in the module: offered with all of them where each has one, so an
    # import never goes before its last use; the fix of each use stands alone.
    joins_imports: bool = False
    # False: not offered in a package's ``__init__.py``, where an import may re-export its
    # name (ruff's F401).
    in_init: bool = True

    def applicability_of(self, edits: Fix) -> str:
        return "unsafe" if self._in_unsafe_form(edits) else self.applicability

    def title_of(self, edits: Fix) -> str:
        return self.unsafe_form[1] if self.unsafe_form and self._in_unsafe_form(edits) else (
            self.title)

    def _in_unsafe_form(self, edits: Fix) -> bool:
        return self.unsafe_form is not None and any(
            self.unsafe_form[0] in edit.content for edit in edits)


@dataclass(frozen=True)
class Rule:
    """One code. ``message`` and ``fix_title`` are ``str.format`` templates over the finding's
    ``name`` (the qualified name found) and ``replacement``."""

    code: str
    name: str
    message: str
    fix_title: str
    replacement: str
    url: str
    doc: RuleDoc
    # Qualified names of the new API: a ``try`` body that uses one of them guards the old name
    # in its ``except ImportError/AttributeError`` branch (code that supports both APIs).
    new_names: tuple[str, ...] = ()
    deprecated_in: str = ""
    removed_in: str = ""
    # Machine-readable releases for target-version gating; None: reported whatever the target
    # (retired packages and services, recommendations).
    releases: Releases | None = None
    fix: Autofix | None = None
    # Why there is no fix, where users would expect one (the document says so).
    no_fix_reason: str = ""
    # Where the user's change lives: ``"use"`` (each call or reference changes: reported at
    # every use) or ``"import"`` (the module moved, the names stay: reported at the import, and
    # at a use only where its own text spells the old module path).
    reported_at: str = "use"
    since: str = "0.1.0"  # the release of this project that added the rule
    # Reported only where the target releases reach ``releases``, or when selected by name
    # (``--extend-select QKM6``): advice that would be wrong for an unknown target.
    opt_in: bool = False
    # The problem where the target reaches the removal, for an API whose name stayed with
    # another meaning (``qiskit_ibm_runtime.Options`` is OptionsV2 since 0.28); it names the
    # release itself, so no status follows it.
    message_removed: str = ""
    # Goes by names, not proven values (QKM104, QKM309): the findings it gates (``gated_by``:
    # the options of the call it found, the results read from it) go when it is not selected.
    heuristic: bool = False

    @property
    def category(self) -> int:
        return int(self.code[3])

    def problem(self, name: str, replacement: str | None = None, status: str = "") -> str:
        """What was found, and its status in the target release (if known)."""
        replacement = replacement or self.replacement
        if self.message_removed and status.startswith("removed"):
            return self.message_removed.format(name=name, replacement=replacement)
        problem = self.message.format(name=name, replacement=replacement)
        return problem + (f" [{status}]" if status else "")

    def remedy(self, name: str, replacement: str | None = None) -> str:
        return self.fix_title.format(name=name, replacement=replacement or self.replacement)

    def describe(self, name: str, replacement: str | None = None, status: str = "") -> str:
        """What was found (with its status in the target release, if known) and the remedy."""
        return f"{self.problem(name, replacement, status)}: {self.remedy(name, replacement)}"

    def render(self, name: str, replacement: str | None = None, status: str = "") -> str:
        """The one-line flake8 message: code, what was found, the remedy, the URL last."""
        return f"{self.code} {self.describe(name, replacement, status)} ({self.url})"


@dataclass(frozen=True)
class Successor:
    """A name the rules recommend that a later release replaced: from ``releases`` on, advice
    names ``new`` instead of ``old`` (and says what the older releases call it)."""

    old: str
    new: str
    releases: Releases


@dataclass(frozen=True)
class NameMatch:
    """A deprecated qualified name. ``pattern`` is exact (``qiskit.IBMQ``), a module and all
    below it (``qiskit_ibm_provider.*``), or a name prefix
    (``qiskit.providers.fake_provider.Fake*``).
    Reported where it is imported, referenced through an attribute chain, called or subclassed."""

    pattern: str
    code: str
    replacement: str | None = None
    # For a moved module: the new qualified name of a name found under ``pattern``.
    rename: Callable[[str], str] | None = None
    # The releases that deprecated and removed this name, where they differ from its rule's.
    releases: Releases | None = None

    def advice(self, path: str) -> str | None:
        """The replacement for the name found: its new qualified name, if the module moved."""
        return self.rename(path) if self.rename is not None else self.replacement


@dataclass(frozen=True)
class CallMatch:
    """A call of an exact value path, e.g. ``qiskit.IBMQ.load_account`` or
    ``qiskit_ibm_provider.IBMProvider().get_backend`` (``()`` marks the result of a call)."""

    path: str
    code: str
    replacement: str | None = None


@dataclass(frozen=True)
class Settings:
    """User settings that rules read (flake8 options, later the command line)."""

    # Receiver names that make an unproven ``x.run(...)`` a backend run (QKM104).
    backend_names: frozenset[str] = frozenset({"backend", "simulator", "sim", "device", "qpu"})
    # Receiver names that make an unproven ``x.run(a, b)`` a V1 primitive call (QKM309).
    primitive_names: frozenset[str] = frozenset({"sampler", "estimator"})
    # The releases the project targets, as (PyPI name, PEP 440 specifier) pairs; a package
    # without a target is not gated.
    targets: tuple[tuple[str, str], ...] = ()
    # The selectors the user gave explicitly (select / extend-select): they turn on opt-in
    # rules whose target is unknown.
    explicit: tuple[str, ...] = ()


@dataclass(frozen=True)
class HookNeeds:
    """What one method or attribute hook needs to report: a receiver (owner) whose value is
    one of ``values``, or (``by_name``, a ``Settings`` field) one named with one of its words.
    Neither: the hook may report on any receiver, so the key itself is what it needs."""

    key: str
    values: tuple[str, ...] = ()
    by_name: str | None = None


class Magic(NamedTuple):
    """An IPython magic of a notebook, which the joined module blanked: ``%name args``
    (``%%name`` for a cell magic) at a 1-based line of the joined module and a 0-based
    column. ``alone``: the magic is its own unindented line of one line (not assigned, not
    continued, not opening a block), so deleting the line deletes it and nothing else."""

    line: int
    column: int
    name: str
    text: str
    alone: bool


class Context(Protocol):
    """What a rule's call hook sees: name resolution, module facts, settings, reporting."""

    settings: Settings
    imports_qiskit: bool  # the module imports some ``qiskit*`` package
    # The module's text, for fixes; None where the caller gave only a tree (no fixes then).
    source: SourceText | None
    module: ast.Module | None  # the module's tree, for fixes that add an import
    magics: tuple[Magic, ...]  # a notebook's magics (blanked in ``source``)
    # The import statement whose names are being reported, while one is.
    import_statement: ast.Import | ast.ImportFrom | None

    def qualify(self, node: ast.expr) -> str | None: ...

    def literal(self, node: ast.expr) -> str | None:
        """The string ``node`` holds: a literal, or a name or attribute a simple assignment
        bound to one (``CHANNEL = "ibm_quantum"``)."""

    def origin(self, node: ast.expr) -> ast.expr | None:
        """The expression the name ``node`` was last bound to by an assignment or a ``with``
        item of the current scope, where that value has a path (``qc = QuantumCircuit(2)``:
        the call); None for parameters, loop targets, unpackings, unknown values and the names
        of enclosing scopes."""

    def assume(self, node: ast.expr, path: str) -> None:
        """From now on, the value of ``node`` is ``path`` (a hook that proved more than the
        names say, e.g. that a bare ``Sampler(session=...)`` is a V1 Sampler)."""

    def seen(self, prefix: str) -> bool:
        """Whether the module has used a name under ``prefix`` so far."""

    def report(self, node: ast.AST, code: str, name: str, replacement: str | None = None,
               gated_by: str = "", fix: Fix | None = None) -> None:
        """Report ``code`` at ``node``; ``gated_by`` names another rule whose releases decide
        whether the finding applies to the target (its own, if empty); ``fix`` is its edits
        (else the rule's fixer, if any, is asked)."""


# A call hook: (context, the call, the path of its receiver or function) -> None.
CallHook = Callable[[Context, ast.Call, "str | None"], None]
# An attribute hook: (context, the ``owner.attr`` node, the path of ``owner``) -> None.
AttributeHook = Callable[[Context, ast.Attribute, "str | None"], None]
# A fixer: (context with its source, the reported node, the name found) -> the fix, if any.
Fixer = Callable[[Context, ast.AST, str], "Fix | None"]
# The fixer of a reported magic: (context with its source, the magic) -> the fix, if any.
MagicFixer = Callable[[Context, Magic], "Fix | None"]
# A group's fixer, asked once the module is walked: (context with its source, the (code, line,
# column) of each finding of the group) -> the one fix all of them carry, if any.
GroupFixer = Callable[[Context, "list[tuple[str, int, int]]"], "Fix | None"]


@dataclass
class Registry:
    rules: dict[str, Rule] = field(default_factory=dict)
    # Where each rule is declared (file relative to the package root, line), for rule exports.
    locations: dict[str, tuple[str, int]] = field(default_factory=dict)
    names: list[NameMatch] = field(default_factory=list)
    calls: list[CallMatch] = field(default_factory=list)
    # Value paths that are known to be the same kind of object as a canonical path, e.g.
    # ``qiskit_aer.Aer.get_backend()`` is a ``qiskit_aer.AerSimulator()``.
    values: dict[str, str] = field(default_factory=dict)
    # Hooks for calls of a method name (``x.run(...)``, given the receiver's path) and for
    # calls of an exact function path (given that path).
    method_hooks: dict[str, list[CallHook]] = field(default_factory=dict)
    path_hooks: dict[str, list[CallHook]] = field(default_factory=dict)
    # Hooks for ``owner.attr`` (read or assigned), given the owner's path.
    attribute_hooks: dict[str, list[AttributeHook]] = field(default_factory=dict)
    # Recommended names that later releases replaced (advice follows the target releases).
    successors: list[Successor] = field(default_factory=list)
    # Fixes of findings the engine reports by name (hooks pass their fixes themselves).
    fixers: dict[str, Fixer] = field(default_factory=dict)
    # Notebook magics an old API registered (name without ``%``: its rule's code and advice),
    # and the fixers of their findings.
    magics: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    magic_fixers: dict[str, MagicFixer] = field(default_factory=dict)
    # Fixes of a whole group (``Autofix.group``), computed from the module once it is walked.
    group_fixers: dict[str, GroupFixer] = field(default_factory=dict)
    # What method and attribute hooks need in a module's text to report (``prescan``).
    hook_needs: list[HookNeeds] = field(default_factory=list)
    # Names a star import binds that no table mentions (``from qiskit import *`` binds
    # ``QuantumCircuit``), so that fixes asking for them see them through the star.
    star_names: list[str] = field(default_factory=list)

    def add(self, rule: Rule) -> Rule:
        if not _CODE.match(rule.code):
            raise ValueError(f"bad rule code {rule.code!r}")
        if not _NAME.match(rule.name):
            raise ValueError(f"rule name {rule.name!r} is not kebab-case")
        if rule.code in self.rules:
            raise ValueError(f"duplicate rule code {rule.code}")
        if rule.opt_in and rule.releases is None:
            raise ValueError(f"{rule.code}: an opt-in rule needs the releases that turn it on")
        if rule.reported_at not in ("use", "import"):
            raise ValueError(f"{rule.code}: reported_at must be 'use' or 'import'")
        self.rules[rule.code] = rule
        caller = sys._getframe(1)
        package_root = Path(__file__).parent.parent
        file = Path(caller.f_code.co_filename)
        shown = file.relative_to(package_root) if file.is_relative_to(package_root) else file
        self.locations[rule.code] = (shown.as_posix(), caller.f_lineno)
        return rule

    def match_names(self, code: str, *patterns: str | tuple[str, str],
                    releases: Releases | None = None) -> None:
        """Declare deprecated names for ``code``; a tuple is ``(pattern, replacement)``;
        ``releases``: these names' own releases, where the rule's do not apply to them."""
        for item in patterns:
            pattern, replacement = item if isinstance(item, tuple) else (item, None)
            self.names.append(NameMatch(pattern, self._known(code), replacement,
                                        releases=releases))

    def match_moved(self, code: str, pattern: str, rename: Callable[[str], str]) -> None:
        """Declare names under ``pattern`` whose module moved: ``rename`` gives each one's new
        qualified name (the message names the exact new import)."""
        self.names.append(NameMatch(pattern, self._known(code), rename=rename))

    def match_calls(self, code: str, *paths: str | tuple[str, str]) -> None:
        """Declare deprecated call paths for ``code``; a tuple is ``(path, replacement)``."""
        for item in paths:
            path, replacement = item if isinstance(item, tuple) else (item, None)
            self.calls.append(CallMatch(path, self._known(code), replacement))

    def same_value(self, canonical: str, *paths: str) -> None:
        """Declare that each value path is an object of the kind ``canonical`` names."""
        for path in paths:
            self.values[path] = canonical

    def star_binds(self, *paths: str) -> None:
        """Declare qualified names that ``from <their module> import *`` binds."""
        self.star_names.extend(paths)

    def succeeded_by(self, old: str, new: str, releases: Releases) -> None:
        """Declare that advice naming ``old`` must name ``new`` where ``releases`` apply."""
        self.successors.append(Successor(old, new, releases))

    def match_magics(self, code: str, *names: str, replacement: str | None = None,
                     fixer: MagicFixer | None = None) -> None:
        """Declare the magics (names without ``%``) an old API registered, reported as
        ``code`` (with ``replacement`` as advice) where a notebook uses them."""
        self.magics.update(dict.fromkeys(names, (self._known(code), replacement)))
        if fixer is not None:
            self.magic_fixers[code] = fixer

    def fixer(self, *codes: str) -> Callable[[Fixer], Fixer]:
        """Register the fixer of findings of ``codes`` that carry no fix of their own."""
        def register(function: Fixer) -> Fixer:
            for code in codes:
                self.fixers[self._known(code)] = function
            return function
        return register

    def group_fixer(self, group: str) -> Callable[[GroupFixer], GroupFixer]:
        """Register the fixer of a group: every finding of the group gets its fix, or none."""
        def register(function: GroupFixer) -> GroupFixer:
            self.group_fixers[group] = function
            return function
        return register

    def on_method(self, *methods: str, values: Iterable[str] = (),
                  by_name: str | None = None) -> Callable[[CallHook], CallHook]:
        """Register a hook for calls ``<receiver>.<method>(...)``. A hook that reports only on
        receivers whose value is one of ``values`` (paths, or prefixes of paths), or whose
        name holds a word of the setting ``by_name``, says so: the prescan then looks for
        those values' names instead of the bare method name. Without either, any receiver."""
        self._needs(methods, values, by_name)
        return _hook_into(self.method_hooks, methods)

    def on_call(self, *paths: str) -> Callable[[CallHook], CallHook]:
        """Register a hook for calls of the given function paths."""
        return _hook_into(self.path_hooks, paths)

    def on_attribute(self, *attrs: str,
                     values: Iterable[str] = ()) -> Callable[[AttributeHook], AttributeHook]:
        """Register a hook for ``<owner>.<attr>``, read or assigned; ``values`` as for
        ``on_method``: the owners it reports on (without them, any owner)."""
        self._needs(attrs, values, None)
        return _hook_into(self.attribute_hooks, attrs)

    def _needs(self, keys: tuple[str, ...], values: Iterable[str], by_name: str | None) -> None:
        if by_name is not None and not hasattr(Settings(), by_name):
            raise ValueError(f"no setting {by_name!r} names receivers")
        self.hook_needs.extend(HookNeeds(key, tuple(values), by_name) for key in keys)

    def _known(self, code: str) -> str:
        if code not in self.rules:
            raise KeyError(f"{code} is matched before it is registered")
        return code

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self.rules.values(), key=lambda rule: rule.code))


Hook = TypeVar("Hook", CallHook, AttributeHook)


def _hook_into(table: dict[str, list[Hook]], keys: tuple[str, ...]) -> Callable[[Hook], Hook]:
    """A decorator that files a hook under each key of a hook table."""
    def register(hook: Hook) -> Hook:
        for key in keys:
            table.setdefault(key, []).append(hook)
        return hook
    return register


REGISTRY = Registry()
