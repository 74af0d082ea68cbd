"""Category 7: a Runtime job's status compared with Qiskit's ``JobStatus`` enum. A
``RuntimeJobV2`` reports its status as a string, so the comparison is never true; in local
testing mode (a fake or Aer backend as the mode) the job is a ``LocalRuntimeJob`` that still
returns the enum, so only jobs proven to run on IBM hardware are reported."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from ..edits import Fix
from ..registry import GUIDES, REGISTRY, Autofix, Context, Releases, Rule, RuleDoc
from .backends import IBM_BACKEND
from .parents import parent
from .primitive_values import AMBIGUOUS_RUNTIME, RUNTIME
from .runtime_keywords import SESSION_CLASSES
from .runtime_keywords import argument
from .server_side_primitives import CLIENT_SIDE_PRIMITIVES

JOB_STATUS = ("qiskit.providers.JobStatus", "qiskit.providers.jobstatus.JobStatus")
# The statuses a RuntimeJobV2 reports (its ``status()`` Literal); VALIDATING never comes.
STRING_STATUSES = ("INITIALIZING", "QUEUED", "RUNNING", "CANCELLED", "DONE", "ERROR")
MEMBERS = (*STRING_STATUSES, "VALIDATING")
# Jobs that are RuntimeJobV2 whatever the mode: typed so, or fetched from the service.
REMOTE_JOBS = frozenset({f"{RUNTIME}.RuntimeJobV2()", f"{RUNTIME}.QiskitRuntimeService().job()",
                         f"{RUNTIME}.QiskitRuntimeService().jobs()[]"})
PRIMITIVES = (f"{RUNTIME}.SamplerV2", f"{RUNTIME}.EstimatorV2", *AMBIGUOUS_RUNTIME,
              *CLIENT_SIDE_PRIMITIVES)
PRIMITIVE_JOBS = frozenset(f"{cls}().run()" for cls in PRIMITIVES)
_SESSIONS = frozenset(f"{cls}()" for cls in SESSION_CLASSES)

REGISTRY.add(Rule(
    code="QKM709",
    name="runtime-job-status-enum",
    message="'{name}' is never true: a Runtime job's status is a string",
    fix_title="compare with {replacement}",
    replacement='"DONE" (or use job.done() / job.in_final_state())',
    url=GUIDES + "v2-primitives#job-status",
    fix=Autofix("unsafe", "Compare with the status string (`\"DONE\"`) instead of the enum",
                "Unsafe: the comparison was never true, so the code after it starts running "
                "(a loop that waited forever ends, a branch never taken is taken). `is` and "
                "`is not` comparisons are not fixed: they would compare string identities."),
    releases=Releases("qiskit-ibm-runtime", deprecated="0.30.0", removed="0.38.0"),
    new_names=("qiskit_ibm_runtime.RuntimeJobV2.status", "qiskit_ibm_runtime.RuntimeJobV2.done",
               "qiskit_ibm_runtime.RuntimeJobV2.in_final_state"),
    deprecated_in="qiskit-ibm-runtime 0.30 (announced with the string statuses of "
    "`RuntimeJobV2`)",
    removed_in="qiskit-ibm-runtime 0.38 (`RuntimeJob`, the job whose status was the enum, "
    "deprecated; removed in 0.42)",
    since="0.2.0",
    doc=RuleDoc(
        summary="`job.status() == JobStatus.DONE` (Runtime)",
        what="Finds a comparison (`==`, `!=`, `is`, `is not`, `in`) of a Runtime job's "
        "`status()` with a member of `qiskit.providers.JobStatus`, where the job is a "
        "`RuntimeJobV2`: annotated so, fetched with `service.job(...)` / `service.jobs()`, "
        "or returned by a Runtime primitive's `run` in a module whose Runtime primitives "
        "all run on IBM backends (`mode=` an IBM backend, or a `Session` / `Batch` on one).",
        why="`RuntimeJobV2.status()` returns a string (`\"DONE\"`, `\"RUNNING\"` ...), which is "
        "never equal to the enum: a loop that waits for `JobStatus.DONE` never ends. In local "
        "testing mode (a fake or Aer backend as the mode) the job is a `LocalRuntimeJob` whose "
        "status is still the enum, so those comparisons work and are not reported; code that "
        "runs in both should use `job.done()` or `job.in_final_state()`.",
    ),
))


@dataclass
class _Modes:
    """What the module's Runtime sessions and primitives run on, so far: True for IBM."""

    sessions: list[bool] = field(default_factory=list)
    primitives: list[bool] = field(default_factory=list)


_MODES: WeakKeyDictionary[Context, _Modes] = WeakKeyDictionary()


def _modes(ctx: Context) -> _Modes:
    return _MODES.setdefault(ctx, _Modes())


def _on_ibm(ctx: Context, target: ast.expr | None) -> bool:
    if target is None:
        return False
    path = ctx.qualify(target)
    if path in _SESSIONS:
        sessions = _modes(ctx).sessions
        return bool(sessions) and all(sessions)
    return path == IBM_BACKEND


@REGISTRY.on_call(*SESSION_CLASSES)
def _session_backend(ctx: Context, call: ast.Call, path: str | None) -> None:
    _modes(ctx).sessions.append(_on_ibm(ctx, argument(call, "backend", 0)))


@REGISTRY.on_call(*PRIMITIVES)
def _primitive_mode(ctx: Context, call: ast.Call, path: str | None) -> None:
    mode = argument(call, "mode", 0)
    for legacy in ("session", "backend"):  # QKM412/QKM413: the same object, another keyword
        mode = mode or argument(call, legacy, len(call.args))
    _modes(ctx).primitives.append(_on_ibm(ctx, mode))


def _remote(ctx: Context, job: str) -> bool:
    if job in REMOTE_JOBS:
        return True
    primitives = _modes(ctx).primitives
    return job in PRIMITIVE_JOBS and bool(primitives) and all(primitives)


@REGISTRY.on_attribute(*MEMBERS, values=JOB_STATUS)
def _status_compared(ctx: Context, node: ast.Attribute, owner: str | None) -> None:
    if owner not in JOB_STATUS:
        return
    around = parent(ctx, node)
    if isinstance(around, (ast.Tuple, ast.List, ast.Set)):  # ``in (JobStatus.DONE, ...)``
        around = parent(ctx, around)
    if not isinstance(around, ast.Compare) or not all(
            isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot, ast.In, ast.NotIn))
            for op in around.ops):
        return
    for operand in (around.left, *around.comparators):
        path = ctx.qualify(operand)
        if path is not None and path.endswith(".status()") and _remote(
                ctx, path.removesuffix(".status()")):
            ctx.report(around, "QKM709", _shown(around), f'"{node.attr}"',
                       fix=_to_strings(ctx, around))
            return


def _to_strings(ctx: Context, compare: ast.Compare) -> Fix | None:
    """Every ``JobStatus.X`` of the comparison -> ``"X"``, if each has a string status and the
    comparison tests equality (``is "DONE"`` would test identity)."""
    source = ctx.source
    members = [n for n in ast.walk(compare) if isinstance(n, ast.Attribute)
               and ctx.qualify(n.value) in JOB_STATUS]
    if source is None or any(m.attr not in STRING_STATUSES for m in members) or any(
            isinstance(op, (ast.Is, ast.IsNot)) for op in compare.ops):
        return None
    return tuple(source.replace(m, f'"{m.attr}"') for m in members)


def _shown(node: ast.expr) -> str:
    text = ast.unparse(node)
    return text if len(text) <= 50 else text[:47] + "..."
