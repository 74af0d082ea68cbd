"""QKM310: V2 results read the V1 way. The shapes it relies on, checked on the installed
releases, and the finding that must survive QKM301's fix of the primitive above it."""

from __future__ import annotations

import importlib
import warnings
from pathlib import Path

import pytest
from qiskit import QuantumCircuit, transpile
from qiskit.primitives import (BitArray, DataBin, PrimitiveResult, PubResult, SamplerPubResult,
                               StatevectorEstimator, StatevectorSampler)
from qiskit.quantum_info import SparsePauliOp
from qiskit_ibm_runtime import SamplerV2
from qiskit_ibm_runtime.executor_estimator import Estimator as ClientEstimator
from qiskit_ibm_runtime.executor_sampler import Sampler as ClientSampler
from qiskit_ibm_runtime.executor_sampler import SamplerV2 as ClientSamplerV2
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

from flake8_qiskit_migrate.rules.v2_results import CLIENT_SIDE

from helpers import command

V1_FILE = '''\
from qiskit import QuantumCircuit
from qiskit.primitives import Estimator
from qiskit.quantum_info import SparsePauliOp

circuit = QuantumCircuit(1)
job = Estimator().run(circuit, SparsePauliOp("Z"))
result = job.result()
print(result.values[0])
print(result.metadata[0])
'''


def _bell() -> QuantumCircuit:
    circuit = QuantumCircuit(2)
    circuit.h(0)
    circuit.cx(0, 1)
    circuit.measure_all()
    return circuit


def test_the_sampler_result_has_no_v1_reads() -> None:
    result = StatevectorSampler().run([_bell()], shots=10).result()
    assert type(result) is PrimitiveResult and type(result[0]) is SamplerPubResult
    assert isinstance(result[0], PubResult) and type(result[0].data) is DataBin
    for shape in (result, result[0], result[0].data):
        assert not hasattr(shape, "get_counts") and not hasattr(shape, "get_memory")
    assert not hasattr(result, "values") and not hasattr(result[0], "values")
    assert callable(result[0].data.values)  # DataBin is a mapping: not reported
    assert type(result[0].data.meas) is BitArray
    assert sum(result[0].data.meas.get_counts().values()) == 10
    assert len(result[0].data.meas.get_bitstrings()) == 10
    assert sum(result[0].join_data().get_counts().values()) == 10


def test_the_metadata_is_one_dictionary_per_job_and_per_pub() -> None:
    result = StatevectorSampler().run([_bell()], shots=10).result()
    assert result.metadata == {"version": 2}
    with pytest.raises(KeyError):
        result.metadata[0]  # noqa: QKM310
    assert list(result.metadata) == ["version"]  # iterating gives keys, not circuits
    assert result[0].metadata["shots"] == 10


def test_the_estimator_result_has_evs_and_no_values() -> None:
    circuit = QuantumCircuit(1)
    result = StatevectorEstimator().run([(circuit, SparsePauliOp("Z"))]).result()
    assert type(result[0]) is PubResult
    assert not hasattr(result, "values") and not hasattr(result[0], "values")
    assert float(result[0].data.evs) == pytest.approx(1.0)


@pytest.mark.parametrize("sampler", [SamplerV2, ClientSampler, ClientSamplerV2])
def test_runtime_local_mode_returns_a_primitive_result(sampler: type) -> None:
    backend = FakeManilaV2()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        job = sampler(mode=backend).run([transpile(_bell(), backend)], shots=10)
    assert type(job.result()) is PrimitiveResult


def test_the_client_side_primitives_the_rule_follows_are_installed() -> None:
    for path in CLIENT_SIDE:
        module, _, name = path.rpartition(".")
        assert getattr(importlib.import_module(module), name) in (
            ClientSampler, ClientSamplerV2, ClientEstimator), path


def test_the_v1_reads_are_still_reported_after_the_primitive_is_renamed(tmp_path: Path) -> None:
    original = tmp_path / "original.py"
    original.write_text(V1_FILE)
    before = command("check", "original.py", cwd=tmp_path).stdout
    assert "original.py:8:7: QKM308 'values'" in before
    assert "original.py:9:7: QKM308 'metadata'" in before
    # ``.metadata[0]`` has no V2 read per circuit: the fix leaves the whole module alone (the
    # class is not renamed without its calls and reads).
    command("check", "--fix", "--unsafe-fixes", "original.py", cwd=tmp_path)
    assert original.read_text() == V1_FILE
    # The class renamed by hand, as a half migration would: the V1 reads are QKM310.
    copy = tmp_path / "fixed.py"
    copy.write_text(V1_FILE.replace("import Estimator", "import StatevectorEstimator as Estimator"))
    run = command("check", "fixed.py", cwd=tmp_path)
    assert run.returncode == 1
    assert "fixed.py:8:7: QKM310 'result.values' reads a V2 primitive result the V1 way: " \
           "use result[i].data.evs" in run.stdout
    assert "fixed.py:9:7: QKM310 'result.metadata[0]' reads a V2 primitive result" in run.stdout
    assert original.read_text() == V1_FILE
