"""Category 5: other retired Runtime settings — the ``ibm_quantum`` channel, hub/group/project
instances, custom runtime programs and the retired cloud simulators."""

from __future__ import annotations

import ast

from ..edits import Fix
from ..registry import GUIDES, REGISTRY, Autofix, Context, Releases, Rule, RuleDoc
from .primitive_values import RUNTIME

CLASSIC = GUIDES + "classic-iqp-to-cloud-iqp"
SERVICE = f"{RUNTIME}.QiskitRuntimeService"
ACCOUNT_CALLS = (SERVICE, f"{SERVICE}.save_account", f"{SERVICE}().save_account")

REGISTRY.add(Rule(
    code="QKM501",
    name="ibm-quantum-channel",
    message="channel {name} was retired in qiskit-ibm-runtime 0.41",
    fix_title="use {replacement}",
    replacement='channel="ibm_quantum_platform" with an IBM Cloud API key (and instance CRN)',
    url=CLASSIC + "#credentials",
    fix=Autofix("unsafe", 'Use `channel="ibm_quantum_platform"`', 'Unsafe: the account changes: the saved IBM Quantum Platform account is used instead of the Classic one. Offered only where the call passes no credentials (no `token=`, `url=`, positional arguments or `**kwargs`): IBM Cloud needs an IBM Cloud API key and instance instead of the Classic token, so a call that passes the token is migrated by hand.'),
    releases=Releases("qiskit-ibm-runtime", deprecated="0.38.0", removed="0.41.0"),
    new_names=("qiskit_ibm_runtime.QiskitRuntimeService",),
    deprecated_in="qiskit-ibm-runtime 0.38.0",
    removed_in="qiskit-ibm-runtime 0.41.0",
    doc=RuleDoc(
        summary='`channel="ibm_quantum"`',
        what="Finds `channel=\"ibm_quantum\"` given to `QiskitRuntimeService(...)` or "
        "`QiskitRuntimeService.save_account(...)`.",
        why="The IBM Quantum Platform Classic channel was retired: qiskit-ibm-runtime 0.41 no "
        "longer supports it and skips saved `ibm_quantum` accounts. Accounts live on IBM Cloud.",
    ),
))

REGISTRY.add(Rule(
    code="QKM502",
    name="hub-group-project-instance",
    message="instance {name} is an IBM Quantum Classic hub/group/project",
    fix_title="use {replacement}",
    replacement="the IBM Cloud instance CRN or name",
    url=CLASSIC + "#instances",
    releases=Releases("qiskit-ibm-runtime", deprecated="0.38.0", removed="0.41.0"),
    new_names=("qiskit_ibm_runtime.QiskitRuntimeService",),
    deprecated_in="qiskit-ibm-runtime 0.38.0 (with the ibm_quantum channel)",
    removed_in="qiskit-ibm-runtime 0.41.0",
    doc=RuleDoc(
        summary='`instance="hub/group/project"`',
        what="Finds `instance=\"hub/group/project\"` given to `QiskitRuntimeService(...)` or "
        "`save_account(...)`.",
        why="Instances are IBM Cloud service instances now, named by CRN or name; "
        "hub/group/project strings belonged to the retired Classic channel.",
    ),
))


# Arguments that carry Classic credentials, wrong for an IBM Cloud account.
_CREDENTIALS = frozenset({"token", "url", None})  # None: ``**kwargs``


def _platform_channel(ctx: Context, call: ast.Call, literal: ast.expr) -> Fix | None:
    """``"ibm_quantum"`` -> ``"ibm_quantum_platform"`` in the literal's own quotes; only a
    plain literal (no prefix, no implicit concatenation) is rewritten, and only where the call
    passes no credentials: a Classic token (or URL) under the new channel would leave a wrong
    account that no rule reports."""
    if ctx.source is None or call.args or any(k.arg in _CREDENTIALS for k in call.keywords):
        return None
    text = ctx.source.segment(ctx.source.start(literal), ctx.source.end(literal))
    for quote in ('"""', "'''", '"', "'"):
        if text == f"{quote}ibm_quantum{quote}":
            return (ctx.source.replace(literal, f"{quote}ibm_quantum_platform{quote}"),)
    return None


@REGISTRY.on_call(*ACCOUNT_CALLS)
def _account_settings(ctx: Context, call: ast.Call, path: str | None) -> None:
    for keyword in call.keywords:
        value = ctx.literal(keyword.value)
        if keyword.arg == "channel" and value == "ibm_quantum":
            ctx.report(keyword, "QKM501", repr(value), fix=_platform_channel(ctx, call, keyword.value))
        elif keyword.arg == "instance" and value is not None and value.count("/") == 2:
            ctx.report(keyword, "QKM502", repr(value))


REGISTRY.add(Rule(
    code="QKM503",
    name="runtime-program",
    message="'{name}' runs or manages a custom Runtime program",
    fix_title="use {replacement}",
    replacement="qiskit_ibm_runtime.SamplerV2 / qiskit_ibm_runtime.EstimatorV2, or Qiskit "
    "Serverless for custom code",
    url=GUIDES + "qiskit-runtime-use-case#upload-view-or-delete-custom-prototype-programs",
    releases=Releases("qiskit-ibm-runtime", deprecated="0.24.0", removed="0.30.0"),
    new_names=("qiskit_ibm_runtime.SamplerV2", "qiskit_ibm_runtime.EstimatorV2"),
    deprecated_in="qiskit-ibm-runtime 0.24.0",
    removed_in="qiskit-ibm-runtime 0.30.0",
    doc=RuleDoc(
        summary='custom Runtime programs',
        what="Finds `service.run(program_id=...)`, `Session(...).run(...)` and the program "
        "management calls `upload_program`, `update_program`, `delete_program`, `programs`, "
        "`program`, on a `QiskitRuntimeService` or on the runtime service of an IBMQ provider "
        "(`provider.runtime.run(...)`).",
        why="Custom Runtime programs are not supported any more; only the primitives run on "
        "the service, and custom workloads belong in Qiskit Serverless.",
    ),
))
_PROGRAM_CALLS = ("run", "upload_program", "update_program", "delete_program", "programs",
                  "program")
# The runtime services of qiskit-ibmq-provider: ``provider.runtime`` and the class itself.
_IBMQ_RUNTIMES = (*(f"{ibmq}.get_provider().runtime" for ibmq in (
    "qiskit.IBMQ", "qiskit.providers.ibmq.IBMQ")),
    "qiskit.providers.ibmq.runtime.IBMRuntimeService()")
REGISTRY.match_calls(
    "QKM503",
    *[f"{service}.{method}" for service in (f"{SERVICE}()", *_IBMQ_RUNTIMES)
      for method in _PROGRAM_CALLS],
    f"{RUNTIME}.Session().run",
)

REGISTRY.add(Rule(
    code="QKM504",
    name="cloud-simulator",
    message="{name} is a cloud simulator, retired on 15 May 2024",
    fix_title="use {replacement}",
    replacement="local testing mode: a fake backend or AerSimulator() as the primitive's mode",
    url=GUIDES + "local-simulators#migrate-to-local-simulators",
    new_names=("qiskit_ibm_runtime.fake_provider", "qiskit_aer.AerSimulator"),
    removed_in="IBM Quantum cloud simulators retired 15 May 2024",
    doc=RuleDoc(
        summary='retired cloud simulators (`ibmq_qasm_simulator` ...)',
        what="Finds the names of the retired cloud simulators (`ibmq_qasm_simulator`, "
        "`simulator_statevector`, `simulator_mps`, `simulator_stabilizer`, "
        "`simulator_extended_stabilizer`) given to `service.backend(...)`, "
        "`provider.get_backend(...)` or as a backend or mode.",
        why="IBM Quantum's cloud simulators were retired; simulate locally, where the same "
        "primitives code runs against a fake backend or Aer.",
    ),
))
CLOUD_SIMULATORS = frozenset({
    "ibmq_qasm_simulator", "simulator_statevector", "simulator_mps", "simulator_stabilizer",
    "simulator_extended_stabilizer"})
_BACKEND_LOOKUPS = (
    f"{SERVICE}().backend", f"{SERVICE}().get_backend",
    "qiskit_ibm_provider.IBMProvider().get_backend",
    "qiskit.IBMQ.get_provider().get_backend", "qiskit.providers.ibmq.IBMQ.get_provider().get_backend",
    *(f"{RUNTIME}.{cls}" for cls in (
        "Session", "Batch", "Sampler", "Estimator", "SamplerV2", "EstimatorV2")),
)


@REGISTRY.on_call(*_BACKEND_LOOKUPS)
def _cloud_simulator(ctx: Context, call: ast.Call, path: str | None) -> None:
    for argument in (*call.args, *(k.value for k in call.keywords)):
        value = ctx.literal(argument)
        if value in CLOUD_SIMULATORS:
            ctx.report(argument, "QKM504", repr(value))
