"""Rewrites for the mechanical migrations, with libcst, so formatting, comments and quotes
survive. A rewrite is asked for by position (a finding's code, line and character column);
the result must parse, or nothing is changed."""

from __future__ import annotations

import ast
import difflib
from dataclasses import dataclass
from typing import Sequence

import libcst as cst
from libcst.metadata import CodePosition, MetadataWrapper, PositionProvider

from .registry import REGISTRY
from .rules.server_side_primitives import CLIENT_SIDE_MODULES

SERVICE = "QiskitRuntimeService"
SERVICE_IMPORT = f"from qiskit_ibm_runtime import {SERVICE}"
# V1 class -> its V2 replacement, in the same module (qiskit.primitives).
V2_CLASSES = {
    "Sampler": "StatevectorSampler",
    "Estimator": "StatevectorEstimator",
    "BackendSampler": "BackendSamplerV2",
    "BackendEstimator": "BackendEstimatorV2",
}


@dataclass(frozen=True)
class Target:
    """A finding to fix: its code and where it starts (1-based line, 0-based character)."""

    code: str
    line: int
    column: int


@dataclass(frozen=True)
class Edit:
    """Replace the text from (row, column) to (end_row, end_column), 1-based, with content."""

    content: str
    row: int
    column: int
    end_row: int
    end_column: int


def apply(source: str, targets: Sequence[Target]) -> tuple[str, set[Target]]:
    """The source with every fix it can make, and the targets it fixed. A rewrite that would
    not parse is dropped whole."""
    wanted = [t for t in targets if REGISTRY.rules[t.code].fix is not None]
    if not wanted:
        return source, set()
    try:
        module = MetadataWrapper(cst.parse_module(source))
    except (cst.ParserSyntaxError, RecursionError):
        return source, set()
    fixer = _Fixer(wanted)
    try:
        fixed = module.visit(fixer).code
        ast.parse(fixed)
    except (SyntaxError, ValueError, RecursionError, cst.CSTValidationError):
        return source, set()
    return fixed, fixer.fixed


def edits(source: str, target: Target) -> list[Edit]:
    """The edits of one target's fix, as line ranges of the source (ruff's fix edits)."""
    fixed, done = apply(source, [target])
    if not done:
        return []
    old, new = source.splitlines(keepends=True), fixed.splitlines(keepends=True)
    result = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, start, end, new_start, new_end in matcher.get_opcodes():
        if tag != "equal":
            result.append(Edit("".join(new[new_start:new_end]), start + 1, 1, end + 1, 1))
    return result


class _Fixer(cst.CSTTransformer):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, targets: Sequence[Target]) -> None:
        super().__init__()
        self._at: dict[tuple[int, int], set[str]] = {}
        for target in targets:
            self._at.setdefault((target.line, target.column), set()).add(target.code)
        self._targets = {(t.line, t.column, t.code): t for t in targets}
        self.fixed: set[Target] = set()
        self._needs_service_import = False

    def _codes(self, node: cst.CSTNode) -> set[str]:
        start: CodePosition = self.get_metadata(PositionProvider, node).start
        return self._at.get((start.line, start.column), set())

    def _done(self, node: cst.CSTNode, code: str) -> None:
        start = self.get_metadata(PositionProvider, node).start
        self.fixed.add(self._targets[(start.line, start.column, code)])

    # QKM301/QKM302: ``from qiskit.primitives import Sampler`` -> ``StatevectorSampler as Sampler``
    def leave_ImportFrom(self, original: cst.ImportFrom, updated: cst.ImportFrom) -> cst.ImportFrom:
        module = original.module
        if module is None or _dotted(module) != "qiskit.primitives" or isinstance(
                updated.names, cst.ImportStar):
            return updated
        names = []
        for old, new in zip(original.names, updated.names):  # type: ignore[arg-type]
            codes = self._codes(old) & {"QKM301", "QKM302"}
            name = old.name.value if isinstance(old.name, cst.Name) else ""
            if codes and name in V2_CLASSES:
                alias = new.asname or cst.AsName(name=cst.Name(name))
                new = new.with_changes(name=cst.Name(V2_CLASSES[name]), asname=alias)
                self._done(old, codes.pop())
            names.append(new)
        return updated.with_changes(names=names)

    # QKM301/QKM302 reached as ``prims.Sampler``: rename the attribute.
    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.Attribute:
        codes = self._codes(original) & {"QKM301", "QKM302"}
        if codes and original.attr.value in V2_CLASSES:
            self._done(original, codes.pop())
            return updated.with_changes(attr=cst.Name(V2_CLASSES[original.attr.value]))
        return updated

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        codes = self._codes(original)
        func = original.func
        if "QKM204" in codes and isinstance(func, cst.Attribute) and func.attr.value == (
                "load_account") and not original.args:
            return self._service_call(original, "QKM204")
        if "QKM207" in codes and not original.args and _last_name(func) == "IBMProvider":
            return self._service_call(original, "QKM207")
        if "QKM302" in codes and _last_name(func) in ("BackendSampler", "BackendEstimator"):
            updated = _backend_by_keyword(updated)  # the V2 classes take it keyword-only
        return self._fix_arguments(original, updated)

    def _service_call(self, original: cst.Call, code: str) -> cst.Call:
        """``IBMQ.load_account()`` / ``IBMProvider()`` -> ``QiskitRuntimeService()``."""
        self._done(original, code)
        self._needs_service_import = True
        return cst.Call(func=cst.Name(SERVICE))

    def _fix_arguments(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        args = list(updated.args)
        keep = []
        keywords = {a.keyword.value for a in original.args if a.keyword is not None}
        # session=/backend= -> mode=, unless a mode is given already, or both are given.
        can_rename = not ({"session", "backend"} <= keywords or "mode" in keywords
                          or _has_positional(original))
        for old, new in zip(original.args, args):
            codes = self._codes(old)
            if codes & {"QKM412", "QKM413"}:
                if can_rename:
                    new = new.with_changes(keyword=cst.Name("mode"))
                    self._done(old, (codes & {"QKM412", "QKM413"}).pop())
            elif "QKM414" in codes and not _backend_is_text(original, old):
                self._done(old, "QKM414")
                continue  # drop the service: the backend object carries it
            elif "QKM501" in codes and isinstance(new.value, cst.SimpleString):
                quote = new.value.quote
                platform = cst.SimpleString(f"{quote}ibm_quantum_platform{quote}")
                new = new.with_changes(value=platform)
                self._done(old, "QKM501")
            keep.append(new)
        if len(keep) != len(args) and keep:
            keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated.with_changes(args=keep)

    # QKM601: ``from qiskit_ibm_runtime import Session, SamplerV2`` -> the same names, each
    # server-side one imported from its client-side module on a line of its own.
    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine,
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        statement = original.body[0]
        if len(original.body) != 1 or not isinstance(statement, cst.ImportFrom) or isinstance(
                statement.names, cst.ImportStar) or statement.module is None:
            return updated
        module = _dotted(statement.module)
        kept: list[cst.ImportAlias] = []
        moved: list[cst.SimpleStatementLine] = []
        for alias in statement.names:
            destination = CLIENT_SIDE_MODULES.get(f"{module}.{_dotted(alias.name)}")
            if destination is None or "QKM601" not in self._codes(alias):
                kept.append(alias.with_changes(comma=cst.MaybeSentinel.DEFAULT))
                continue
            self._done(alias, "QKM601")
            single = alias.with_changes(comma=cst.MaybeSentinel.DEFAULT)
            module_node = cst.parse_expression(destination)
            assert isinstance(module_node, cst.Attribute)
            moved.append(cst.SimpleStatementLine(body=[cst.ImportFrom(module=module_node,
                                                                      names=[single])]))
        if not moved:
            return updated
        lines: list[cst.BaseStatement] = []
        if kept:
            lines.append(updated.with_changes(body=[statement.with_changes(
                names=kept, lpar=None if len(kept) == 1 else statement.lpar,
                rpar=None if len(kept) == 1 else statement.rpar)]))
        lines += [line.with_changes(trailing_whitespace=updated.trailing_whitespace) if not kept
                  and index == 0 else line for index, line in enumerate(moved)]
        if not kept:
            lines[0] = lines[0].with_changes(leading_lines=updated.leading_lines)
        return cst.FlattenSentinel(lines)

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        if not self._needs_service_import or _imports_service(updated):
            return updated
        body = list(updated.body)
        position = _after_imports(body)
        line = cst.parse_statement(SERVICE_IMPORT + "\n")
        return updated.with_changes(body=[*body[:position], line, *body[position:]])


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _last_name(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Attribute):
        return node.attr.value
    return node.value if isinstance(node, cst.Name) else ""


def _backend_by_keyword(call: cst.Call) -> cst.Call:
    """``BackendSampler(backend)`` -> ``BackendSampler(backend=backend)``: valid for the V1
    class and required by the V2 one."""
    args = list(call.args)
    if args and args[0].keyword is None and not args[0].star:
        args[0] = args[0].with_changes(keyword=cst.Name("backend"), equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")))
    return call.with_changes(args=args)


def _has_positional(call: cst.Call) -> bool:
    return any(a.keyword is None and not a.star for a in call.args)


def _backend_is_text(call: cst.Call, service: cst.Arg) -> bool:
    """Whether the backend left after dropping ``service`` is a name string (then the
    session needs a backend object first, which is not a mechanical change)."""
    rest = [a for a in call.args if a is not service]
    backend = next((a for a in rest if a.keyword is not None and a.keyword.value == "backend"),
                   next((a for a in rest if a.keyword is None and not a.star), None))
    return backend is None or isinstance(backend.value, (cst.SimpleString,
                                                         cst.ConcatenatedString,
                                                         cst.FormattedString))


def _imports_service(module: cst.Module) -> bool:
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.ImportFrom) and small.module is not None and _dotted(
                        small.module) == "qiskit_ibm_runtime" and not isinstance(
                        small.names, cst.ImportStar) and any(
                        _last_name(a.name) == SERVICE and a.asname is None for a in small.names):
                    return True
    return False


def _after_imports(body: Sequence[cst.BaseStatement]) -> int:
    """Where a new import goes: after the module's leading docstring and imports."""
    position = 0
    for index, statement in enumerate(body):
        if not isinstance(statement, cst.SimpleStatementLine):
            break
        first = statement.body[0]
        is_docstring = index == 0 and isinstance(first, cst.Expr) and isinstance(
            first.value, (cst.SimpleString, cst.ConcatenatedString))
        if isinstance(first, (cst.Import, cst.ImportFrom)) or is_docstring:
            position = index + 1
        else:
            break
    return position
