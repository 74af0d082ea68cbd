"""What is a backend: the factories whose values are IBM Quantum backends or other Qiskit
backends, declared as value paths that resolve to a few canonical kinds (IBM, Aer, the
runtime's V2 fakes, the backends of Qiskit itself, and any other)."""

from __future__ import annotations

from ..registry import REGISTRY

IBM_BACKEND = "qiskit_ibm_runtime.IBMBackend()"
IBMQ_BACKEND = "qiskit.providers.ibmq.IBMQBackend()"  # IBM Quantum, but a BackendV1
AER_BACKEND = "qiskit_aer.AerSimulator()"
OTHER_BACKEND = "qiskit.providers.BackendV2()"
# ``BackendV2`` classes that never had the BackendV1 accessors (``configuration()`` ...), and
# the runtime's V2 fakes, which still answer ``configuration()`` and ``properties()``.
BARE_V2_BACKEND = "qiskit.providers.fake_provider.GenericBackendV2()"
RUNTIME_FAKE_BACKEND = "qiskit_ibm_runtime.fake_provider.FakeBackendV2()"
# The legacy statevector and unitary simulators are kinds of their own: what runs on them
# returns states and unitaries, not counts (``legacy_simulators``).
STATEVECTOR_BACKEND = "qiskit_aer.StatevectorSimulator()"
UNITARY_BACKEND = "qiskit_aer.UnitarySimulator()"
AER_BACKENDS = (AER_BACKEND, STATEVECTOR_BACKEND, UNITARY_BACKEND)
BACKENDS = (IBM_BACKEND, IBMQ_BACKEND, *AER_BACKENDS, OTHER_BACKEND, BARE_V2_BACKEND,
            RUNTIME_FAKE_BACKEND)

_SERVICE = "qiskit_ibm_runtime.QiskitRuntimeService()"
_IBMQ_PROVIDERS = ("qiskit.IBMQ.get_provider()", "qiskit.providers.ibmq.IBMQ.get_provider()")
_IBM_PROVIDERS = (_SERVICE, "qiskit_ibm_provider.IBMProvider()", *_IBMQ_PROVIDERS)

# ``IBMQ.load_account()`` and ``IBMQ.enable_account(...)`` return the default provider.
for _ibmq in ("qiskit.IBMQ", "qiskit.providers.ibmq.IBMQ"):
    REGISTRY.same_value(f"{_ibmq}.get_provider()", f"{_ibmq}.load_account()",
                        f"{_ibmq}.enable_account()")

REGISTRY.same_value(
    IBM_BACKEND,
    f"{_SERVICE}.backend()",
    f"{_SERVICE}.least_busy()",
    f"{_SERVICE}.get_backend()",
    *[f"{provider}.backends()[]" for provider in _IBM_PROVIDERS[:2]],
    "qiskit_ibm_provider.IBMProvider().get_backend()",
    "qiskit_ibm_provider.least_busy()",
    "qiskit_ibm_provider.IBMBackend()",  # annotations: ``def f(backend: IBMBackend)``
)
REGISTRY.same_value(
    IBMQ_BACKEND,
    *[f"{provider}.backends()[]" for provider in _IBMQ_PROVIDERS],
    *[f"{provider}.get_backend()" for provider in _IBMQ_PROVIDERS],
    "qiskit.IBMQ.get_backend()",
    "qiskit.providers.ibmq.least_busy()",
)

_AER_MODULES = ("qiskit_aer", "qiskit_aer.backends", "qiskit.providers.aer")
for _kind in (STATEVECTOR_BACKEND, UNITARY_BACKEND):
    REGISTRY.same_value(_kind, *[f"{module}.{_kind.removeprefix('qiskit_aer.')}"
                                 for module in _AER_MODULES[1:]])
REGISTRY.same_value(
    AER_BACKEND,
    *[f"{module}.{cls}()" for module in _AER_MODULES for cls in ("AerSimulator", "QasmSimulator")],
    "qiskit_aer.AerSimulator.from_backend()",
    "qiskit_aer.Aer.get_backend()",
    "qiskit_aer.AerProvider().get_backend()",
    "qiskit.Aer.get_backend()",
    "qiskit.providers.aer.Aer.get_backend()",
)

_FAKES = "qiskit_ibm_runtime.fake_provider"
REGISTRY.same_value(
    BARE_V2_BACKEND,
    "qiskit.providers.basic_provider.BasicSimulator()",
    "qiskit.providers.basic_provider.BasicProvider().get_backend()",
)
# Declared before the catch-all ``Fake*()`` below, which would match them too; the provider
# maps to itself so that its ``backend()`` is reached.
REGISTRY.same_value(f"{_FAKES}.FakeProviderForBackendV2()", f"{_FAKES}.FakeProviderForBackendV2()")
REGISTRY.same_value(
    RUNTIME_FAKE_BACKEND,
    f"{_FAKES}.Fake*V2()",
    f"{_FAKES}.FakeProviderForBackendV2().backend()",
    f"{_FAKES}.FakeProviderForBackendV2().backends()[]",
)
REGISTRY.same_value(
    OTHER_BACKEND,
    "qiskit.providers.BackendV1()",
    "qiskit.BasicAer.get_backend()",
    "qiskit.providers.basicaer.BasicAer.get_backend()",
    "qiskit.providers.basicaer.QasmSimulatorPy()",
    "qiskit.providers.fake_provider.Fake*()",
    "qiskit.test.mock.Fake*()",  # the V1 fakes' home before qiskit-terra 0.21
    "qiskit.test.mock.backends.Fake*()",
    f"{_FAKES}.Fake*()",  # the V1 fakes of qiskit-ibm-runtime before 0.33
    # Third-party providers that serve Qiskit backends.
    "qiskit_ionq.IonQProvider().get_backend()",
    "qiskit_braket_provider.BraketProvider().get_backend()",
    "qiskit_braket_provider.BraketLocalBackend()",
    "qiskit_aqt_provider.AQTProvider().get_backend()",
)


def backend_kind(path: str | None) -> str | None:
    """``"ibm"`` for an IBM Quantum backend, ``"other"`` for any other known Qiskit backend."""
    if path in (IBM_BACKEND, IBMQ_BACKEND):
        return "ibm"
    if path in BACKENDS:
        return "other"
    return None
