"""One walk over a module's tree, in source order, keeping the resolver's scopes up to date and
asking the registry's tables about every import, reference, call and base class it meets.

Nothing here knows about flake8, files or output formats.
"""

from __future__ import annotations

import ast
import dataclasses
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from . import rules  # noqa: F401  (registers every rule family)
from .advice import advise
from .edits import Fix, SourceText
from .index import Index, shared
from .nodes import CHILD_FIELDS, node_classes, release
from .prescan import may_find
from .project_index import EMPTY, ProjectIndex
from .registry import REGISTRY, Autofix, Magic, NameMatch, Releases, Rule, Settings
from .resolve import LIST, LOCAL, STRING, Resolver, compat_handler
from .versions import status

_RECURSION_LIMIT = 20_000
INDEX = shared()


@dataclass(frozen=True, order=True)
class Finding:
    """One finding. Lines are 1-based, columns 0-based UTF-8 byte offsets, as in ``ast``."""

    line: int
    col: int
    code: str
    name: str
    replacement: str | None = None
    end_line: int = 0
    end_col: int = 0
    status: str = ""  # "deprecated since ..." / "removed in ..." for the target release
    gated_by: str = ""  # the rule whose releases gate this finding, if not its own
    edits: Fix = field(default=(), compare=False)  # the fix, if the rule has one here
    # The releases of the name found, where they differ from its rule's (``NameMatch``).
    releases: Releases | None = field(default=None, compare=False)
    # The rule whose fix the edits are, where they are another rule's fix too (``shared_fixes``).
    fix_code: str = field(default="", compare=False)

    @property
    def rule(self) -> Rule:
        return REGISTRY.rules[self.code]

    @property
    def autofix(self) -> Autofix | None:
        """What the edits are: the rule's fix, or the one it carries with another rule."""
        return REGISTRY.rules[self.fix_code or self.code].fix

    @property
    def heuristic(self) -> str:
        """The heuristic rule this finding follows from (QKM104 for the options of the call it
        found), if any: where that rule is not selected, neither is this finding."""
        gate = self.gated_by
        return gate if gate and REGISTRY.rules[gate].heuristic else ""

    @property
    def message(self) -> str:
        """The flake8 line: code, problem, remedy, URL."""
        return self.rule.render(self.name, self.replacement, self.status)

    @property
    def text(self) -> str:
        """Problem and remedy, without the code or the URL (for structured formats)."""
        return self.rule.describe(self.name, self.replacement, self.status)


def check(
    tree: ast.AST,
    source: str | None = None,
    package: Callable[[], str | None] = lambda: None,
    settings: Settings = Settings(),
    index: Index = INDEX,
    prescanned: bool = False,
    project: ProjectIndex = EMPTY,
    cells: tuple[int, ...] = (),
    magics: tuple[Magic, ...] = (),
    fixes: bool = True,
) -> list[Finding]:
    """All findings in a parsed module, sorted by position.

    ``source``, when given, lets a module that cannot hold a finding skip the walk (``prescan``;
    ``prescanned``: the caller looked already). ``project``: what the project's other modules
    define. ``cells``: the lines where a notebook's code cells start in ``source`` (a fix keeps
    to one cell). ``fixes``: whether the findings carry their fixes (the same findings either
    way; flake8 shows no fixes, and working them out is a third of a check). A tree too deep
    to walk yields the findings made before the limit, and a log warning.
    """
    if source is not None and not prescanned and not may_find(source, package, settings,
                                                              project.words):
        return []
    resolver = Resolver(project.exports(index.exports), index.value, package, project.paths)
    walker = Walker(index, resolver, settings,
                    SourceText(source, cells) if source is not None and fixes else None)
    walker.module = tree if isinstance(tree, ast.Module) else None  # for fixes adding imports
    walker.magics = magics
    # Nested calls recurse a few frames per level; ``ast.parse`` accepts a few thousand levels.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))
    try:
        walker.visit(tree)
    except RecursionError:
        import logging  # only for this warning: logging costs every run's start-up
        logging.getLogger(__name__).warning(
            "flake8-qiskit-migrate: expression nesting too deep; checked part of the file")
    finally:
        sys.setrecursionlimit(limit)
    walker.report_magics()
    findings = walker.whole_chains()
    if walker.module is not None:
        release(walker.module)
    return sorted(_advised(_in_target(findings, settings), settings.targets))


def shared_fixes(findings: list[Finding]) -> list[Finding]:
    """The findings, where one fix is carried by findings of rules whose fixes differ in
    applicability (the provider chain's unsafe rewrite, carried by the ``IBMQ`` import whose
    own fix, when unused, is safe), each marked with the least safe of those rules."""
    unsafe: dict[Fix, str] = {}
    for finding in findings:
        if finding.edits and _applicability(finding.rule, finding.edits) == "unsafe":
            unsafe.setdefault(finding.edits, finding.code)
    return [dataclasses.replace(f, fix_code=unsafe[f.edits]) if f.edits in unsafe and (
        _applicability(f.rule, f.edits) == "safe") else f for f in findings]


def _applicability(rule: Rule, edits: Fix) -> str:
    return rule.fix.applicability_of(edits) if rule.fix is not None else ""


def whole_groups(findings: list[Finding]) -> list[Finding]:
    """The findings, without the fixes of a group (``Autofix.group``) one of whose findings
    carries none: no step of that chain is rewritten without the others."""
    broken = {f.rule.fix.group for f in findings if f.rule.fix and f.rule.fix.group
              and not f.edits}
    if not broken:
        return findings
    return [dataclasses.replace(f, edits=()) if f.edits and f.rule.fix and (
        f.rule.fix.group in broken) else f for f in findings]


def _whole_migrations(findings: list[Finding]) -> list[Finding]:
    """For a rule whose fix migrates a name across the module (``Autofix.whole``: each call
    and the import that binds it), every finding carries the edits of all of them, or none
    does where one of them has no fix (or their edits overlap): no half migration. The
    findings it gates that carry its fix (an option the call's fix takes away) go with it, and
    so do those that carry another form of the call's fix (``_in_place_of``)."""
    groups: dict[str, list[int]] = {}
    joining: dict[str, list[int]] = {}
    for index, finding in enumerate(findings):
        if _whole(finding.rule):
            groups.setdefault(finding.code, []).append(index)
        elif finding.gated_by and finding.edits and _whole(REGISTRY.rules[finding.gated_by]):
            joining.setdefault(finding.gated_by, []).append(index)
    for code, indices in groups.items():
        union = _joined([findings[i].edits for i in indices])
        for index in indices:
            findings[index] = dataclasses.replace(findings[index], edits=union)
        for index in joining.pop(code, []):
            edits = findings[index].edits
            findings[index] = dataclasses.replace(findings[index], edits=union if (
                set(edits) <= set(union)) else _in_place_of(edits, union))
    for index in (i for indices in joining.values() for i in indices):  # their call unreported
        findings[index] = dataclasses.replace(findings[index], edits=())
    return findings


def _in_place_of(own: Fix, union: Fix) -> Fix:
    """An option's fix that rewrites its call in another form (``execute`` straight to a
    Sampler run): its edits in place of the call's edits of the whole fix (those inside an
    edit of its own), with every other edit of that fix; none where the whole fix is none."""
    if not union:
        return ()
    rest = [edit for edit in union if not any(
        (o.row, o.column) <= (edit.row, edit.column) and (edit.end_row, edit.end_column) <= (
            o.end_row, o.end_column) and (o.row, o.column) != (o.end_row, o.end_column)
        for o in own)]
    return _joined([own, tuple(rest)]) if rest else own


def _joined(fixes: list[Fix]) -> Fix:
    """The edits of every fix, made once each; none where a fix is missing or edits overlap."""
    if not all(fixes):
        return ()
    union = tuple(sorted({edit for fix in fixes for edit in fix}))
    if any((a.end_row, a.end_column) > (b.row, b.column) for a, b in zip(union, union[1:])):
        return ()
    return union


def _whole(rule: Rule) -> bool:
    return rule.fix is not None and rule.fix.whole


def _advised(findings: list[Finding], targets: tuple[tuple[str, str], ...]) -> list[Finding]:
    """Name, in each remedy, the API of the releases the project targets (``advice``)."""
    result = []
    for finding in findings:
        text = finding.replacement or finding.rule.replacement
        advised = advise(text, targets)
        if advised != text:
            finding = dataclasses.replace(finding, replacement=advised)
        result.append(finding)
    return result


def _in_target(findings: list[Finding], settings: Settings) -> list[Finding]:
    """Drop findings whose API the target releases do not deprecate yet, and findings of
    opt-in rules when the target is unknown and the rule was not selected by name; say what
    the target reaches (deprecated or removed) on the others."""
    kept = []
    for finding in findings:
        gate = REGISTRY.rules[finding.gated_by] if finding.gated_by else finding.rule
        state = status(finding.releases or gate.releases, settings.targets)
        if state is None or (state == "" and gate.opt_in
                             and not chosen(finding.code, settings.explicit)):
            continue
        kept.append(dataclasses.replace(finding, status=state) if state else finding)
    return kept


def chosen(code: str, selectors: Iterable[str]) -> bool:
    """Whether a selector names the code's category or a narrower prefix (``QKM6``,
    ``QKM601``), not just the plugin (``QKM``)."""
    return any(len(selector) >= 4 and code.startswith(selector) for selector in selectors)


class Walker(ast.NodeVisitor):
    """Visits each node once. Node types with a ``visit_X`` method go there; all others are
    walked with an explicit stack, so long operator chains cost no Python recursion."""

    def __init__(self, index: Index, resolver: Resolver, settings: Settings,
                 source: SourceText | None = None) -> None:
        # Node types the generic walk passes over: constants and markers always, plain names
        # while no ``try`` body is being walked and no star import bound anything.
        self._leaves = _LEAVES | {ast.Name}
        self.index = index
        self.resolver = resolver
        self.settings = settings
        self.imports_qiskit = False
        self.source = source
        self.module: ast.Module | None = None
        self.magics: tuple[Magic, ...] = ()
        self.import_statement: ast.Import | ast.ImportFrom | None = None
        self.qualify = resolver.qualify
        self.assume = resolver.assume
        self.literal = resolver.literal
        self.origin = resolver.origin
        self.findings: list[Finding] = []
        self._module_seen: set[str] = set()
        self._reported: set[tuple[str, int, int]] = set()
        self._star_reported: set[str] = set()  # star-bound paths already reported at a use
        self._try_seen: list[set[str]] = []  # paths used in each enclosing ``try`` body
        self._guards: list[set[str]] = []  # the same, for each enclosing compat handler
        # How many enclosing ``try`` bodies have a handler for an exception of the old API:
        # a fix there would change what the handler must catch, so none is offered.
        self._old_handlers = 0
        self._import_reports: set[tuple[int, int]] = set()  # positions reported at imports
        self._class_paths: list[str] = []

    def visit(self, node: ast.AST) -> None:
        kind = type(node)
        if kind in self._leaves:
            return
        method = _DISPATCH.get(kind)
        if method is not None:
            method(self, node)
        else:
            self.generic_visit(node)

    def generic_visit(self, node: ast.AST) -> None:
        # The hottest loop of the walk: ``ast.iter_child_nodes`` inlined, children pushed so
        # they pop in source order. Lists of children hold only nodes here: the node types
        # whose lists may hold ``None`` or strings are dispatched to ``_visit_mixed``.
        dispatch = _DISPATCH
        fields = _FIELDS_BACKWARDS
        leaves = self._leaves
        todo: list[ast.AST] = [node]
        first = True
        while todo:
            current = todo.pop()
            kind = type(current)
            if not first:
                if kind in leaves:
                    continue
                method = dispatch.get(kind)
                if method is not None:
                    method(self, current)
                    leaves = self._leaves  # a ``try`` or a star import may have changed it
                    continue
            first = False
            for name in fields[kind]:
                value = getattr(current, name, None)
                if type(value) is list:
                    todo.extend(reversed(value))
                elif isinstance(value, ast.AST) and type(value) not in leaves:
                    todo.append(value)

    def _visit_mixed(self, node: ast.AST) -> None:
        """Nodes whose lists may hold ``None`` or strings (``Dict`` keys, ``MatchClass``
        attribute names): visit their node children one by one."""
        for child in ast.iter_child_nodes(node):
            self.visit(child)

    # -- reporting --------------------------------------------------------------------------
    def report(self, node: ast.AST, code: str, name: str, replacement: str | None = None,
               gated_by: str = "", fix: Fix | None = None,
               releases: Releases | None = None) -> None:
        line, col = node.lineno, node.col_offset  # type: ignore[attr-defined]
        if (code, line, col) in self._reported or self._guarded(code):
            return
        self._reported.add((code, line, col))
        if self.import_statement is not None:
            self._import_reports.add((line, col))
        end_line = getattr(node, "end_lineno", None) or line
        end_col = getattr(node, "end_col_offset", None) or col
        if self._old_handlers:
            fix = None
        elif fix is None and self.source is not None and code in REGISTRY.fixers:
            fix = REGISTRY.fixers[code](self, node, name)
        self.findings.append(Finding(line, col, code, name, replacement, end_line, end_col,
                                     gated_by=gated_by, edits=fix or (), releases=releases))

    def report_magics(self) -> None:
        """Report the notebook's magics that an old API registered (``match_magics``), from
        the ``%`` to the line's end."""
        for magic in self.magics:
            if magic.name not in REGISTRY.magics:
                continue
            code, replacement = REGISTRY.magics[magic.name]
            fixer = REGISTRY.magic_fixers.get(code)
            fix = fixer(self, magic) if fixer is not None and self.source is not None else None
            spelled = magic.text[magic.column:].split(None, 1)[0]
            prefix = len(magic.text[:magic.column].encode("utf-8"))
            self.findings.append(Finding(
                magic.line, prefix, code, spelled, replacement, magic.line,
                len(magic.text.rstrip().encode("utf-8")), edits=fix or ()))

    def _report_match(self, node: ast.AST, match: NameMatch, path: str) -> None:
        """Report a deprecated name found at ``node``, with its advice and releases."""
        self.report(node, match.code, path, match.advice(path), releases=match.releases)

    def whole_chains(self) -> list[Finding]:
        """The findings, without the fixes that rewrite one step of a chain of old objects
        (``Autofix.chain``) while another use of them is reported outside the fixed node and
        the imports: the rest of the chain would still expect the old object; and without
        the fixes of a group (``Autofix.group``) one of whose findings has none."""
        kept = []
        for finding in self.findings:
            roots = finding.rule.fix.chain if finding.edits and finding.rule.fix else ()
            if roots and any(self._chain_use(other, finding, roots) for other in self.findings):
                finding = dataclasses.replace(finding, edits=())
            kept.append(finding)
        return whole_groups(_whole_migrations(self._joined_imports(self._group_fixes(kept))))

    def _joined_imports(self, findings: list[Finding]) -> list[Finding]:
        """For a rule whose fix at an import joins its uses' (``Autofix.joins_imports``): each
        finding at an import carries the edits of every finding of its name, where all of them
        have a fix, and none otherwise."""
        groups: dict[tuple[str, str], list[int]] = {}
        for index, finding in enumerate(findings):
            if finding.rule.fix is not None and finding.rule.fix.joins_imports:
                groups.setdefault((finding.code, finding.name), []).append(index)
        for indices in groups.values():
            union = _joined([findings[i].edits for i in indices])
            for index in indices:
                if (findings[index].line, findings[index].col) in self._import_reports:
                    findings[index] = dataclasses.replace(findings[index], edits=union)
        return findings

    def _group_fixes(self, findings: list[Finding]) -> list[Finding]:
        """The findings of each group that has a fixer (``REGISTRY.group_fixer``), all with
        its one fix for the module, or all without."""
        for group, fixer in REGISTRY.group_fixers.items():
            members = [i for i, f in enumerate(findings)
                       if f.rule.fix and f.rule.fix.group == group]
            if members and self.source is not None:
                fix = fixer(self, [(findings[i].code, findings[i].line, findings[i].col)
                                   for i in members]) or ()
                for index in members:
                    findings[index] = dataclasses.replace(findings[index], edits=fix)
        return findings

    def _chain_use(self, other: Finding, fixed: Finding, roots: tuple[str, ...]) -> bool:
        inside = (fixed.line, fixed.col) <= (other.line, other.col) and (
            other.end_line, other.end_col) <= (fixed.end_line, fixed.end_col)
        # A use the same fix rewrites (the whole chain's fix, carried by each step) is no
        # leftover.
        return not inside and other.edits != fixed.edits and not self._rewritten(
            other, fixed.edits) and (
            other.line, other.col) not in self._import_reports and any(
            other.name == root or other.name.startswith((root + ".", root + "("))
            for root in roots)

    def _rewritten(self, finding: Finding, edits: Fix) -> bool:
        """Whether one of the edits replaces the whole text of the finding."""
        if self.source is None:
            return False
        start = (finding.line, self.source.column(finding.line, finding.col))
        end = (finding.end_line, self.source.column(finding.end_line, finding.end_col))
        return any((e.row, e.column) <= start and end <= (e.end_row, e.end_column)
                   for e in edits)

    def _guarded(self, code: str) -> bool:
        new_names = REGISTRY.rules[code].new_names
        return any(
            path == new or path.startswith(new + ".")
            for seen in self._guards
            for path in seen
            for new in new_names
        )

    def _seen(self, path: str | None, module_wide: bool = True) -> None:
        """Record a path the module uses: for ``seen`` (imports and attribute chains are
        enough) and for the ``try`` bodies being walked (every use counts)."""
        if path is not None:
            if module_wide:
                self._module_seen.add(path)
            for seen in self._try_seen:
                seen.add(path)

    def seen(self, prefix: str) -> bool:
        return any(p == prefix or p.startswith(prefix + ".") for p in self._module_seen)

    def _report_name(self, node: ast.AST, path: str | None, text: ast.AST | None = None) -> None:
        """Report a deprecated name at a use (``text``, the expression naming it, defaults to
        ``node``) that the rule's ``reported_at`` says the user must change."""
        match = self.index.name(path)
        if match is None or path is None:
            return
        if REGISTRY.rules[match.code].reported_at == "import" and not self._spells_module(
                text or node):
            return  # fixed at its import, which was reported
        self._report_match(node, match, path)

    def _module_alias(self, owner: ast.expr, code: str) -> bool:
        return (REGISTRY.rules[code].reported_at == "import" and isinstance(owner, ast.Name)
                and self.resolver.lookup(owner.id).module)

    def _spells_module(self, node: ast.AST) -> bool:
        """Whether a use's own text must change when a module moves: an attribute chain that
        reaches the old name from outside it (``qiskit.providers.aer.X``, ``fp.FakeVigo`` with
        ``fp`` the fake_provider module) or from a plain ``import old.module as alias``."""
        root = node
        while isinstance(root, ast.Attribute):
            root = root.value
        if root is node or not isinstance(root, ast.Name):
            return False
        binding = self.resolver.lookup(root.id)
        return binding.module or self.index.name(binding.path) is None

    # -- imports ----------------------------------------------------------------------------
    def visit_Import(self, node: ast.Import) -> None:
        self.import_statement = node
        self._imports(self.resolver.bind_import(node))
        self.import_statement = None

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self.import_statement = node
        self._imports(self.resolver.bind_import_from(node))
        self.import_statement = None
        self._refresh_leaves()

    def _refresh_leaves(self) -> None:
        names_matter = bool(self._try_seen) or self.resolver.has_star_bindings
        self._leaves = _LEAVES if names_matter else _LEAVES | {ast.Name}

    def _imports(self, found: Iterable[tuple[ast.alias, str]]) -> None:
        for alias, path in found:
            self.imports_qiskit = self.imports_qiskit or path.startswith("qiskit")
            self._seen(path)
            match = self.index.name(path)
            if match is not None:
                self._report_match(alias, match, path)

    # -- references -------------------------------------------------------------------------
    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            if not (self._try_seen or self.resolver.has_star_bindings):
                return  # nothing to record or report for a plain name
            binding = self.resolver.lookup(node.id)
            if self._try_seen:
                self._seen(binding.path, module_wide=False)
            # A star import reported nothing per name, so a use is where the user learns: each
            # use, or the first one for a rule fixed at the import.
            if binding.star and binding.path is not None:
                match = self.index.name(binding.path)
                if match is not None and (REGISTRY.rules[match.code].reported_at == "use"
                                          or binding.path not in self._star_reported):
                    self._star_reported.add(binding.path)
                    self._report_match(node, match, binding.path)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        # The owner first: a hook inside it may prove what it is (``estimator.run(a, b)`` is
        # a V1 call, so ``.result().values`` around it reads a V1 result).
        self.visit(node.value)
        if isinstance(node.ctx, ast.Load):
            path = self.resolver.qualify(node)
            if path is not None:
                self._seen(path)
                match = self.index.name(path)
                # ``qiskit.IBMQ`` is reported; ``IBMQ.x`` is not, its base was reported already,
                # except where the base is a module alias and the name's fix is at the import.
                if match is not None and (
                        self.index.name(self.resolver.qualify(node.value)) is None
                        or self._module_alias(node.value, match.code)):
                    self._report_name(node, path)
        hooks = self.index.attribute_hooks.get(node.attr)
        if hooks:
            owner = self.resolver.qualify(node.value)
            for hook in hooks:
                hook(self, node, owner)

    def visit_Call(self, node: ast.Call) -> None:
        func = self.resolver.qualify(node.func)
        if func is not None:
            call = self.index.calls.get(func)
            if call is not None:
                self.report(node, call.code, func, call.replacement)
            else:
                self._report_name(node, func, node.func)
            for hook in self.index.path_hooks.get(func, ()):
                hook(self, node, func)
        if isinstance(node.func, ast.Attribute):
            hooks = self.index.method_hooks.get(node.func.attr)
            if hooks:
                receiver = self.resolver.qualify(node.func.value)
                for hook in hooks:
                    hook(self, node, receiver)
        self.generic_visit(node)

    # -- bindings ---------------------------------------------------------------------------
    def visit_Assign(self, node: ast.Assign) -> None:
        self.visit(node.value)
        path = self.resolver.qualify(node.value)
        text = self.resolver.literal(node.value)
        for target in node.targets:
            self._assign(target, path, text, node.value)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        """``x: T = value``: the value where it is proven, else what ``T`` declares, for this
        and later assignments; in a class body, ``x: T`` declares the instances' ``x``."""
        self.visit(node.annotation)
        declared = self.resolver.annotated(node.annotation)
        if declared is not None:
            if self.resolver.in_class() and isinstance(node.target, ast.Name):
                self.resolver.declare_attribute(f"{self._class_paths[-1]}().{node.target.id}",
                                                declared)
            self.resolver.declare(node.target, declared)
        if node.value is not None:
            self.visit(node.value)
            self._assign(node.target, self.resolver.qualify(node.value),
                         self.resolver.literal(node.value), node.value)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.visit(node.value)
        self._assign(node.target, None)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.visit(node.value)
        self.resolver.bind(node.target.id, self.resolver.qualify(node.value), node=node.value)

    def _assign(self, target: ast.expr, path: str | None, text: str | None = None,
                node: ast.expr | None = None) -> None:
        if not isinstance(target, ast.Name):
            self.visit(target)  # loads inside ``a[i].x = ...`` targets
        self.resolver.bind_target(target, path, text, node)

    def _element(self, iterable: ast.expr) -> str | None:
        path = self.resolver.qualify(iterable)
        return self.resolver.element(path) if path else None

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        self.visit(node.iter)
        self._assign(node.target, self._element(node.iter))
        self._body(node.body, node.orelse)

    visit_AsyncFor = visit_For

    def visit_With(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            self.visit(item.context_expr)
            if item.optional_vars is not None:
                # ``with Session(...) as s`` binds the context manager itself, as Qiskit's do.
                self._assign(item.optional_vars, self.resolver.qualify(item.context_expr),
                             node=item.context_expr)
        self._body(node.body)

    visit_AsyncWith = visit_With

    def visit_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            self._assign(target, None)

    def _body(self, *blocks: list[ast.stmt]) -> None:
        for block in blocks:
            for statement in block:
                self.visit(statement)

    # -- scopes -----------------------------------------------------------------------------
    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        self._arguments_outside(node.args)
        if node.returns is not None:
            self.visit(node.returns)
        owner = self._class_paths[-1] if self.resolver.in_class() else None
        self.resolver.bind(node.name, None)
        self.resolver.push()
        self._bind_arguments(node.args)
        if owner is not None:
            self._bind_self(node, owner)
        self._body(node.body)
        self.resolver.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def _bind_self(self, method: ast.FunctionDef | ast.AsyncFunctionDef, owner: str) -> None:
        """A method's first parameter is an instance of its class (the class itself for a
        classmethod), so ``self.backend`` finds what ``__init__`` assigned to it."""
        decorators = {d.id for d in method.decorator_list if isinstance(d, ast.Name)}
        positional = [*method.args.posonlyargs, *method.args.args]
        if positional and "staticmethod" not in decorators:
            instance = owner if "classmethod" in decorators else owner + "()"
            self.resolver.bind(positional[0].arg, instance)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._arguments_outside(node.args)
        self.resolver.push()
        self._bind_arguments(node.args)
        self.visit(node.body)
        self.resolver.pop()

    def _arguments_outside(self, args: ast.arguments) -> None:
        """Defaults and annotations are evaluated in the enclosing scope."""
        for default in (*args.defaults, *args.kw_defaults):
            if default is not None:
                self.visit(default)
        for arg in _all_args(args):
            if arg.annotation is not None:
                self.visit(arg.annotation)

    def _bind_arguments(self, args: ast.arguments) -> None:
        """Parameters are unknown, unless annotated with a class (then an instance of it) or
        ``str``, or given a string literal as default (then a string)."""
        positional = [*args.posonlyargs, *args.args]
        defaults: dict[ast.arg, ast.expr | None] = dict(
            zip(positional[len(positional) - len(args.defaults):], args.defaults))
        defaults.update(zip(args.kwonlyargs, args.kw_defaults))
        for arg in _all_args(args):
            path = self.resolver.annotated(arg.annotation) if arg.annotation is not None else None
            default = defaults.get(arg)
            if path is None and default is not None and self.resolver.qualify(default) == STRING:
                path = STRING
            self.resolver.bind(arg.arg, path)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        for base in node.bases:
            self._report_name(base, self.resolver.qualify(base))
            self.visit(base)
        for keyword in node.keywords:
            self.visit(keyword.value)
        qiskit_base = self.resolver.qiskit_base(node.bases)
        path = LOCAL + node.name
        self.resolver.bind(node.name, path)
        if qiskit_base is not None:  # a subclass of one Qiskit class is one of its kind
            self.resolver.subclass(path, qiskit_base)
        self._class_paths.append(path)
        self.resolver.push(is_class=True)
        self._body(node.body)
        self.resolver.pop()
        self._class_paths.pop()

    def _comprehension(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp,
                       *elements: ast.expr) -> None:
        self.resolver.push()
        for generator in node.generators:
            self.visit(generator.iter)
            self._assign(generator.target, self._element(generator.iter))
            for condition in generator.ifs:
                self.visit(condition)
        for element in elements:
            self.visit(element)
        # ``[service.backend(n) for n in names]`` is a list of backends.
        produced = self.resolver.qualify(elements[-1]) if len(elements) == 1 else None
        self.resolver.pop()
        if produced is not None:
            self.assume(node, LIST + produced)

    def visit_ListComp(self, node: ast.ListComp) -> None:
        self._comprehension(node, node.elt)

    visit_SetComp = visit_ListComp  # type: ignore[assignment]
    visit_GeneratorExp = visit_ListComp  # type: ignore[assignment]

    def visit_DictComp(self, node: ast.DictComp) -> None:
        self._comprehension(node, node.key, node.value)

    # -- compatibility shims ----------------------------------------------------------------
    def visit_Try(self, node: ast.Try) -> None:
        seen: set[str] = set()
        self._try_seen.append(seen)
        self._refresh_leaves()
        old_handler = any(self._catches_old_api(handler) for handler in node.handlers)
        self._old_handlers += old_handler
        self._body(node.body)
        self._old_handlers -= old_handler
        self._try_seen.pop()
        self._refresh_leaves()
        for path in seen:  # an outer ``try`` saw these too
            self._seen(path)
        for handler in node.handlers:
            compat = compat_handler(handler)
            if compat:
                self._guards.append(seen)
            if handler.type is not None:
                self.visit(handler.type)
            if handler.name:
                self.resolver.bind(handler.name, None)
            self._guarded_body(handler.body, seen if compat else None)
            if compat:
                self._guards.pop()
        self._body(node.orelse, node.finalbody)

    visit_TryStar = visit_Try  # type: ignore[assignment]

    def _catches_old_api(self, handler: ast.ExceptHandler) -> bool:
        """Whether the handler catches an exception class the rules report (``except
        IBMQAccountError``)."""
        caught = handler.type
        elements = caught.elts if isinstance(caught, ast.Tuple) else [caught]
        return any(e is not None and self.index.name(self.resolver.qualify(e)) is not None
                   for e in elements)

    def _guarded_body(self, body: list[ast.stmt], seen: set[str] | None) -> None:
        """Visit a handler; under a compat guard, a name the ``try`` body bound keeps that
        binding, so ``Sampler`` after the shim means the new API, not the fallback."""
        if seen is None:
            self._body(body)
            return
        before = {name: self.resolver.lookup(name) for name in _bound_names(body)}
        self._body(body)
        for name, binding in before.items():
            if binding.path in seen:
                self.resolver.bind(name, binding.path, binding.star, binding.module)


# Node class -> the Walker method that handles it (only Walker's own methods: the base class's
# deprecated ``visit_Constant`` would cost a lookup per constant), computed once. Functions,
# not a walker's bound methods: those would make each walker a reference cycle, and its tree
# garbage that only the cycle collector frees.
_DISPATCH: dict[type[ast.AST], Callable[[Walker, Any], None]] = {
    cls: vars(Walker)[f"visit_{cls.__name__}"]
    for cls in node_classes()
    if f"visit_{cls.__name__}" in vars(Walker)
}
_LEAVES = frozenset(
    cls for cls in node_classes()
    if cls in (ast.Constant, ast.Global, ast.Nonlocal)
    or issubclass(cls, (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop))
)
# Each node type's fields that may hold nodes worth visiting, last first, so children pushed
# in this order pop in order.
_FIELDS_BACKWARDS = {cls: fields[::-1] for cls, fields in CHILD_FIELDS.items()}
# Node types with lists that may hold something other than nodes.
_MIXED = (ast.Dict, ast.MatchClass, ast.arguments)
_DISPATCH.update(dict.fromkeys(_MIXED, Walker._visit_mixed))


def _all_args(args: ast.arguments) -> list[ast.arg]:
    extra = [a for a in (args.vararg, args.kwarg) if a is not None]
    return [*args.posonlyargs, *args.args, *args.kwonlyargs, *extra]


def _bound_names(body: list[ast.stmt]) -> set[str]:
    """Names bound directly by the statements of a block (imports and assignments)."""
    names: set[str] = set()
    for statement in body:
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).partition(".")[0] for a in statement.names)
        elif isinstance(statement, ast.Assign):
            names.update(t.id for t in statement.targets if isinstance(t, ast.Name))
    return names
