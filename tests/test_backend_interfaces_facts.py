"""Category 7 (backend, job and result interfaces): the facts each rule states, checked on the
installed qiskit, qiskit-ibm-runtime and qiskit-aer, and the target-version gating of the
removals."""

from __future__ import annotations

import ast
import importlib
import inspect
import typing
import warnings
from pathlib import Path
from typing import Any, Callable
from unittest import mock

import pytest
from qiskit.providers.basic_provider import BasicSimulator
from qiskit.providers.fake_provider import GenericBackendV2
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

from flake8_qiskit_migrate.engine import REGISTRY, check
from flake8_qiskit_migrate.registry import Settings
from flake8_qiskit_migrate.rules.backend_interfaces import ACCESSORS, MISSING
from flake8_qiskit_migrate.rules.job_status import MEMBERS, PRIMITIVES, STRING_STATUSES
from flake8_qiskit_migrate.rules.backends import (AER_BACKEND, BARE_V2_BACKEND, IBM_BACKEND,
                                                  RUNTIME_FAKE_BACKEND)
from helpers import command

REMOVED_MODULES = ["qiskit.qobj", "qiskit.assembler", "qiskit.compiler.assembler",
                   "qiskit.providers.models", "qiskit.providers.provider",
                   "qiskit.providers.backend_compat", "qiskit.result.mitigation",
                   "qiskit.utils.mitigation", "qiskit.ignis", "qiskit_ibm_runtime.runtime_job"]
REMOVED_NAMES = [("qiskit", "assemble"), ("qiskit.compiler", "assemble"),
                 ("qiskit.providers", "BackendV1"), ("qiskit.providers.backend", "BackendV1"),
                 ("qiskit.providers", "ProviderV1"), ("qiskit.providers", "Provider"),
                 ("qiskit.providers", "BackendV2Converter"),
                 ("qiskit.providers", "convert_to_target"),
                 ("qiskit.result", "LocalReadoutMitigator"),
                 ("qiskit.result", "CorrelatedReadoutMitigator"),
                 ("qiskit_ibm_runtime", "RuntimeJob")]


@pytest.mark.parametrize("module", REMOVED_MODULES)
def test_removed_modules_do_not_import(module: str) -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module(module)


@pytest.mark.parametrize(("module", "name"), REMOVED_NAMES)
def test_removed_names_are_gone(module: str, name: str) -> None:
    assert not hasattr(importlib.import_module(module), name)


def test_every_removed_name_is_matched_by_a_category_7_rule() -> None:
    patterns = {m.pattern for m in REGISTRY.names if m.code.startswith("QKM7")}
    assert {f"{module}.{name}" for module, name in REMOVED_NAMES} <= patterns
    assert {f"{module}.*" for module in REMOVED_MODULES} - patterns == {
        "qiskit.ignis.*", "qiskit_ibm_runtime.runtime_job.*"}  # matched by their names


def test_the_replacements_are_installed() -> None:
    import qiskit_ibm_runtime.models as ibm_models
    from qiskit_ibm_runtime import RuntimeJobV2
    from qiskit_ibm_runtime.executor_estimator import Estimator
    assert {"BackendProperties", "BackendConfiguration"} <= set(dir(ibm_models))
    assert callable(RuntimeJobV2.status)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        options = Estimator(mode=FakeManilaV2()).options
    assert hasattr(options.resilience, "measure_mitigation") and hasattr(options, "twirling")


def _found(source: str, *targets: tuple[str, str]) -> list[tuple[int, str, str]]:
    settings = Settings(targets=targets)
    return [(f.line, f.code, f.status) for f in check(ast.parse(source), source, settings=settings)]


ASSEMBLE = "from qiskit import assemble\n"


def test_the_removals_follow_the_targeted_qiskit() -> None:
    assert _found(ASSEMBLE, ("qiskit", "<1.2")) == []
    assert _found(ASSEMBLE, ("qiskit", "==1.4.6")) == [
        (1, "QKM701", "deprecated since qiskit 1.2.0")]
    assert _found(ASSEMBLE, ("qiskit", ">=2")) == [(1, "QKM701", "removed in qiskit 2.0.0")]
    converter = "from qiskit.providers import BackendV2Converter\n"
    assert _found(converter, ("qiskit", "==1.3.3")) == []
    assert _found(converter, ("qiskit", "==1.4.0"))[0][2] == "deprecated since qiskit 1.4.0"


def test_runtime_job_follows_the_targeted_runtime() -> None:
    source = "from qiskit_ibm_runtime import RuntimeJob\n"
    assert _found(source, ("qiskit-ibm-runtime", "<0.38")) == []
    assert _found(source, ("qiskit-ibm-runtime", "==0.51.0")) == [
        (1, "QKM706", "removed in qiskit-ibm-runtime 0.42.0")]


# -- BackendV1 accessors on V2 backends (QKM707, QKM708) ---------------------------------------

def _ibm_backend() -> Any:
    """An ``IBMBackend`` built on a fake's configuration, its API client mocked (no network)."""
    from qiskit_ibm_runtime import IBMBackend
    fake = FakeManilaV2()
    client = mock.MagicMock()
    client.backend_properties.return_value = fake.properties().to_dict()
    return IBMBackend(fake.configuration(), service=mock.MagicMock(), api_client=client)


KINDS: dict[str, Callable[[], Any]] = {
    BARE_V2_BACKEND: lambda: GenericBackendV2(2),
    "basic": BasicSimulator,
    AER_BACKEND: AerSimulator,
    RUNTIME_FAKE_BACKEND: FakeManilaV2,
    IBM_BACKEND: _ibm_backend,
}
KIND_OF = {"basic": BARE_V2_BACKEND}


def _answers(backend: Any, accessor: str) -> bool:
    """Whether the accessor works the BackendV1 way: a method that answers, or an attribute."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            found = getattr(backend, accessor)
            if accessor in ("configuration", "properties", "defaults", "name"):
                found()
    except (AttributeError, TypeError, DeprecationWarning):
        return False
    return True


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_rules_report_exactly_the_accessors_that_fail(kind: str) -> None:
    backend = KINDS[kind]()
    failing = {accessor for accessor in ACCESSORS if not _answers(backend, accessor)}
    assert failing == MISSING[KIND_OF.get(kind, kind)]
    assert isinstance(backend.name, str) and backend.target is not None


def test_the_runtime_limits_are_reported_where_the_runtime_removed_them() -> None:
    source = ("from qiskit_ibm_runtime.fake_provider import FakeManilaV2\n"
              "FakeManilaV2().defaults()\n")
    assert _found(source, ("qiskit-ibm-runtime", "<0.38")) == []
    assert _found(source, ("qiskit-ibm-runtime", ">=0.41")) == [
        (2, "QKM708", "removed in qiskit-ibm-runtime 0.41.0")]
    generic = ("from qiskit.providers.fake_provider import GenericBackendV2\n"
               "GenericBackendV2(2).defaults()\n")
    assert _found(generic, ("qiskit-ibm-runtime", "<0.38")) == [(2, "QKM707", "")]


def test_name_called_is_fixed_to_the_attribute(tmp_path: Path) -> None:
    script = tmp_path / "names.py"
    script.write_text("from qiskit_aer import AerSimulator\n\nbackend = AerSimulator()\n"
                      "print(backend.name(), backend.name('x'), backend.configuration())\n")
    run = command("check", "--fix", "names.py", cwd=tmp_path, quiet=False)
    assert script.read_text().endswith(
        "print(backend.name, backend.name('x'), backend.configuration())\n")
    assert run.stdout.splitlines()[0].startswith("names.py:4:21: QKM707 'backend.name('x')'")
    assert "Found 2 errors (1 fixed, 1 remaining)." in run.stdout


# -- job statuses (QKM709) ---------------------------------------------------------------------

def test_a_runtime_job_status_is_a_string_never_the_enum() -> None:
    from qiskit.providers import JobStatus
    from qiskit_ibm_runtime import QiskitRuntimeService, RuntimeJobV2, runtime_job_v2
    assert typing.get_args(runtime_job_v2.JobStatus) == STRING_STATUSES
    assert set(MEMBERS) == set(JobStatus.__members__)
    assert all(JobStatus[name] != name for name in STRING_STATUSES)  # a plain Enum
    assert inspect.signature(QiskitRuntimeService.job).return_annotation == "RuntimeJobV2"
    assert inspect.signature(QiskitRuntimeService.jobs).return_annotation == "list[RuntimeJobV2]"
    assert callable(RuntimeJobV2.done) and callable(RuntimeJobV2.in_final_state)


@pytest.mark.parametrize("primitive", PRIMITIVES)
def test_every_runtime_primitive_returns_a_runtime_job_v2(primitive: str) -> None:
    module, _, name = primitive.rpartition(".")
    run = getattr(importlib.import_module(module), name).run
    assert "RuntimeJobV2" in str(inspect.signature(run).return_annotation)


def test_in_local_testing_mode_the_status_is_still_the_enum() -> None:
    from qiskit import QuantumCircuit, transpile
    from qiskit.providers import JobStatus
    from qiskit_ibm_runtime import SamplerV2
    from qiskit_ibm_runtime.executor_sampler import Sampler
    backend = FakeManilaV2()
    circuit = QuantumCircuit(1)
    circuit.measure_all()
    for sampler in (SamplerV2, Sampler):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            job = sampler(mode=backend).run([transpile(circuit, backend)], shots=10)
        job.result()
        assert job.status() is JobStatus.DONE


def test_the_comparison_is_fixed_to_the_string_status(tmp_path: Path) -> None:
    script = tmp_path / "wait.py"
    script.write_text("from qiskit.providers import JobStatus\n"
                      "from qiskit_ibm_runtime import QiskitRuntimeService\n\n"
                      "job = QiskitRuntimeService().job('d1')\n"
                      "while job.status() != JobStatus.DONE:\n    pass\n")
    shown = command("check", "wait.py", cwd=tmp_path).stdout
    assert shown.startswith("wait.py:5:7: QKM709 'job.status() != JobStatus.DONE' is never "
                            "true: a Runtime job's status is a string: compare with \"DONE\"")
    assert command("check", "--fix", "wait.py", cwd=tmp_path).returncode == 1  # unsafe: kept
    assert "!= JobStatus.DONE" in script.read_text()
    assert command("check", "--fix", "--unsafe-fixes", "wait.py", cwd=tmp_path).returncode == 0
    assert 'while job.status() != "DONE":' in script.read_text()
