"""Category 4, part three: the keywords of the Runtime primitives and sessions that V2 replaced
(``session=``/``backend=`` -> ``mode=``, ``Session(service=...)``, backends given by name), and
the category-3 finding for a bare ``Sampler``/``Estimator`` constructed the V1 way."""

from __future__ import annotations

import ast

from ..edits import Edit, Fix, argument_removal
from ..registry import GUIDES, REGISTRY, Autofix, Context, Releases, Rule, RuleDoc
from ..resolve import STRING
from .backends import IBM_BACKEND, backend_kind
from .primitive_values import AMBIGUOUS_RUNTIME, RUNTIME, RUNTIME_PRIMITIVES, V1_OPTIONS, is_estimator
from .runtime_options import report_dict_keys

SESSIONS = GUIDES + "sessions#sessions"
SESSION_CLASSES = (f"{RUNTIME}.Session", f"{RUNTIME}.Batch")
SERVICE = f"{RUNTIME}.QiskitRuntimeService()"

REGISTRY.add(Rule(
    code="QKM412",
    name="primitive-session-keyword",
    message="'{name}=' was removed from the Runtime primitives in qiskit-ibm-runtime 0.30",
    fix_title="use {replacement}",
    replacement="mode=session",
    url=SESSIONS,
    fix=Autofix("safe", 'Replace `session=` with `mode=`', 'Safe: `mode=` takes the same session object, and the fix is skipped when the call already gives a mode (by keyword or position) or passes both `session=` and `backend=`. Not offered on the removed `SamplerV1` / `EstimatorV1` classes, whose `mode=` cannot be checked: they are replaced by the V2 classes (QKM305, QKM306).'),
    releases=Releases("qiskit-ibm-runtime", deprecated="0.24.0", removed="0.30.0"),
    new_names=(
        "qiskit_ibm_runtime.SamplerV2",
        "qiskit_ibm_runtime.EstimatorV2",
        "qiskit_ibm_runtime.Session",
    ),
    deprecated_in="qiskit-ibm-runtime 0.24.0",
    removed_in="qiskit-ibm-runtime 0.30.0",
    doc=RuleDoc(
        summary='`session=` on Runtime primitives',
        what="Finds `session=` given to `Sampler`, `Estimator`, `SamplerV2` or `EstimatorV2` of "
        "qiskit-ibm-runtime.",
        why="The primitives take their execution mode — a backend, a `Session` or a `Batch` — "
        "as `mode=` (or the first positional argument).",
    ),
))

REGISTRY.add(Rule(
    code="QKM413",
    name="primitive-backend-keyword",
    message="'{name}=' was removed from the Runtime primitives in qiskit-ibm-runtime 0.30",
    fix_title="use {replacement}",
    replacement="mode=backend",
    url=GUIDES + "qiskit-runtime-examples#sampler-algorithm",
    fix=Autofix("safe", 'Replace `backend=` with `mode=`', 'Safe: `mode=` takes the same IBM Quantum backend object. Offered only where the backend is proven one (`service.backend(name)`, `service.least_busy(...)`, a parameter annotated `IBMBackend`): `backend=` also took a name, which `mode=` rejects (`ValueError` in qiskit-ibm-runtime 0.51), so a name or a value the check cannot prove is left to the user. Skipped when a mode is already given, when both `session=` and `backend=` are passed, and on the removed `SamplerV1` / `EstimatorV1` classes.'),
    releases=Releases("qiskit-ibm-runtime", deprecated="0.24.0", removed="0.30.0"),
    new_names=("qiskit_ibm_runtime.SamplerV2", "qiskit_ibm_runtime.EstimatorV2"),
    deprecated_in="qiskit-ibm-runtime 0.24.0",
    removed_in="qiskit-ibm-runtime 0.30.0",
    doc=RuleDoc(
        summary='`backend=` on Runtime primitives',
        what="Finds `backend=` given to `Sampler`, `Estimator`, `SamplerV2` or `EstimatorV2` of "
        "qiskit-ibm-runtime.",
        why="A backend is one of the execution modes and is passed as `mode=`.",
    ),
))

REGISTRY.add(Rule(
    code="QKM414",
    name="session-service-keyword",
    message="'{name}' is no longer accepted by Session/Batch (qiskit-ibm-runtime 0.34)",
    fix_title="use {replacement}",
    replacement="Session(backend=service.backend(name)): the backend carries its service",
    url=SESSIONS,
    fix=Autofix("safe", 'Remove the `service` argument', 'Safe: an IBM Quantum backend object carries its service. Offered only where the backend is proven one (`service.backend(name)`, `service.least_busy(...)`, a parameter annotated `IBMBackend`); not offered when it is a name (`"ibm_kyiv"`, a variable holding one, `backend.name`) or a value the check cannot prove, where qiskit-ibm-runtime 0.51 raises `ValueError: Invalid backend type` without the service: a `service.backend(name)` call is needed first (QKM415).'),
    releases=Releases("qiskit-ibm-runtime", deprecated="0.26.0", removed="0.34.0"),
    new_names=("qiskit_ibm_runtime.Session", "qiskit_ibm_runtime.Batch"),
    deprecated_in="qiskit-ibm-runtime 0.26.0",
    removed_in="qiskit-ibm-runtime 0.34.0",
    doc=RuleDoc(
        summary='`Session(service=...)` / `Batch(service=...)`',
        what="Finds `service=` (or a service as the first positional argument) given to "
        "`Session(...)` or `Batch(...)`.",
        why="A session is opened on a backend object, which knows its service; the `service` "
        "parameter was removed in qiskit-ibm-runtime 0.34.",
    ),
))

REGISTRY.add(Rule(
    code="QKM415",
    name="backend-name-string",
    message="a backend given by name ({name}) is no longer accepted",
    fix_title="use {replacement}",
    replacement="the backend object: service.backend(name)",
    url=GUIDES + "qiskit-runtime-from-ibm-provider#get-a-backend",
    releases=Releases("qiskit-ibm-runtime", deprecated="0.26.0", removed="0.34.0"),
    new_names=("qiskit_ibm_runtime.QiskitRuntimeService.backend",),
    deprecated_in="qiskit-ibm-runtime 0.26.0",
    removed_in="qiskit-ibm-runtime 0.34.0",
    doc=RuleDoc(
        summary='backends given by name (`Session(backend="ibm_x")`)',
        what="Finds a backend name given as the backend of `Session`/`Batch` or as the mode of "
        "a Runtime primitive: a string literal, a name bound to one, a parameter annotated "
        "`str` or with a string default, a string fallback (`name or \"ibm_x\"`, "
        "`os.environ.get(\"BACKEND\", \"ibm_x\")`), or `backend.name()` / `backend.name` of a "
        "backend object.",
        why="Sessions, batches and primitives take a backend object; names are resolved once, "
        "with `service.backend(name)`.",
    ),
))


def _is_text(ctx: Context, node: ast.expr) -> bool:
    """Whether a value is a backend's name: a string (``resolve.STRING``), or the ``name`` of
    a backend (a method returning a string on IBMQ/IBMProvider backends, a property since)."""
    path = ctx.qualify(node)
    if path == STRING:
        return True
    owner, _, attr = (path or "").removesuffix("()").rpartition(".")
    return attr == "name" and backend_kind(owner) is not None


def argument(call: ast.Call, name: str, position: int) -> ast.expr | None:
    """The argument bound to a parameter, given by keyword or by position."""
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    if len(call.args) > position and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return None


V1_CLASSES = (f"{RUNTIME}.SamplerV1", f"{RUNTIME}.EstimatorV1")
# V1-only dict keys of ``options={...}`` given to a Runtime primitive.
_OPTION_KEYS = {"shots": "QKM408", "optimization_level": "QKM409", "transpilation": "QKM409",
                "skip_transpilation": "QKM409"}


def _to_mode(ctx: Context, call: ast.Call, keyword: ast.keyword, path: str | None) -> Fix | None:
    """``session=``/``backend=`` -> ``mode=``, unless a mode is given already (by keyword or
    position) or both keywords are: then which one is the mode is a decision, not a rename.
    ``mode=`` takes sessions and backend objects but no backend name, which ``backend=`` took:
    a backend must be proven an IBM Quantum backend object. The removed V1 classes
    (``SamplerV1``) are left alone: their ``mode=`` cannot be checked against 0.51."""
    given = {k.arg for k in call.keywords}
    if ctx.source is None or {"session", "backend"} <= given or "mode" in given or any(
            not isinstance(a, ast.Starred) for a in call.args) or path in V1_CLASSES or (
            keyword.arg == "backend" and ctx.qualify(keyword.value) != IBM_BACKEND):
        return None
    row, column = ctx.source.start(keyword)
    return (Edit(row, column, row, column + len(keyword.arg or ""), "mode"),)


@REGISTRY.on_call(*RUNTIME_PRIMITIVES)
def _primitive_keywords(ctx: Context, call: ast.Call, path: str | None) -> None:
    v1_keywords = []
    for keyword in call.keywords:
        if keyword.arg == "session":
            ctx.report(keyword, "QKM412", "session", fix=_to_mode(ctx, call, keyword, path))
            v1_keywords.append("session=...")
        elif keyword.arg == "backend":
            ctx.report(keyword, "QKM413", "backend", fix=_to_mode(ctx, call, keyword, path))
            v1_keywords.append("backend=...")
        elif keyword.arg == "options":
            if ctx.qualify(keyword.value) == V1_OPTIONS:
                v1_keywords.append("options=Options(...)")
            if isinstance(keyword.value, ast.Dict):
                report_dict_keys(ctx, keyword.value, _OPTION_KEYS, prefix="options.")
    mode = argument(call, "mode", 0)
    if mode is not None and _is_text(ctx, mode):
        ctx.report(mode, "QKM415", ast.unparse(mode))
    if v1_keywords and path in AMBIGUOUS_RUNTIME:
        # The bare name constructed the V1 way is a V1 primitive (QKM305/QKM306).
        code = "QKM306" if is_estimator(str(path)) else "QKM305"
        ctx.report(call, code, f"{path}({', '.join(v1_keywords)})", f"{path}V2(mode=...)")
        ctx.assume(call, f"{path}V1()")  # so its results are known to be V1 results


def _drop_service(ctx: Context, call: ast.Call, service: ast.AST,
                  backend: ast.expr | None) -> Fix | None:
    """Remove the service argument where the backend is proven an IBM Quantum backend object,
    which carries its service. A name (``"ibm_kyiv"``, ``backend.name``, a variable) or any
    value not proven makes qiskit-ibm-runtime 0.51 raise ``ValueError: Invalid backend type``
    once the service is gone: the session needs ``service.backend(name)`` first."""
    if ctx.source is None or backend is None or ctx.qualify(backend) != IBM_BACKEND:
        return None
    return (argument_removal(ctx.source, call, service),)


@REGISTRY.on_call(*SESSION_CLASSES)
def _session_keywords(ctx: Context, call: ast.Call, path: str | None) -> None:
    # The V1 signature was Session(service, backend): a service in first place.
    service_first = bool(call.args) and ctx.qualify(call.args[0]) == SERVICE
    backend = argument(call, "backend", 1 if service_first else 0)
    for keyword in call.keywords:
        if keyword.arg == "service":
            ctx.report(keyword, "QKM414", "service=",
                       fix=_drop_service(ctx, call, keyword, backend))
    if service_first:
        ctx.report(call.args[0], "QKM414", ast.unparse(call.args[0]),
                   fix=_drop_service(ctx, call, call.args[0], backend))
    if backend is not None and _is_text(ctx, backend):
        ctx.report(backend, "QKM415", ast.unparse(backend))
