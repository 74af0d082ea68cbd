"""QKM320: circuits built in the module that reach a Runtime primitive on IBM hardware without a
transpiler in between; the names' origins it follows; and the Qiskit facts its tables rest on."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
import warnings
from functools import lru_cache
from pathlib import Path

import pytest
from qiskit import QuantumCircuit
from qiskit.quantum_info import SparsePauliOp
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime import EstimatorV2, SamplerV2
from qiskit_ibm_runtime.exceptions import IBMInputValueError
from qiskit_ibm_runtime.fake_provider import FakeProviderForBackendV2, FakeSherbrooke, FakeTorino
from qiskit_ibm_runtime.utils.validations import validate_isa_circuits

import qiskit.circuit.library
from flake8_qiskit_migrate.engine import check
from flake8_qiskit_migrate.index import build
from flake8_qiskit_migrate.resolve import Resolver
from flake8_qiskit_migrate.rules.isa_circuits import LIBRARY_CIRCUITS, NON_NATIVE_GATES

FIXTURE = Path(__file__).parent / "fixtures" / "QKM320.py"
HEADER = """\
from qiskit import QuantumCircuit, transpile
from qiskit.circuit.library import efficient_su2
from qiskit_ibm_runtime import EstimatorV2, QiskitRuntimeService, SamplerV2
backend = QiskitRuntimeService().backend("ibm_brisbane")
"""
URL = "https://quantum.cloud.ibm.com/docs/migration-guides/v2-primitives#transpilation"


def findings(body: str) -> list[tuple[int, int, str]]:
    source = HEADER + textwrap.dedent(body)
    return [(f.line - 4, f.col, f.message) for f in check(ast.parse(source), source)
            if f.code == "QKM320"]


def test_the_message_names_the_circuit_and_the_pass_manager() -> None:
    found = findings("""\
        qc = QuantumCircuit(2)
        qc.h(0)
        SamplerV2(mode=backend).run([qc])
        """)
    assert found == [(3, 29, "QKM320 'qc' reaches a primitive on IBM hardware untranspiled (not "
                      "an ISA circuit of the backend: rejected since March 4, 2024): transpile "
                      "it first: pm = generate_preset_pass_manager(optimization_level=1, "
                      f"backend=backend); isa = pm.run(qc) ({URL})")]


def test_an_estimator_message_maps_the_observables_too() -> None:
    [(_, _, message)] = findings("""\
        ansatz = efficient_su2(2)
        EstimatorV2(mode=backend).run([(ansatz, obs)])
        """)
    assert message.endswith("isa = pm.run(ansatz), and map the observables to its layout: "
                            f"observable.apply_layout(isa.layout) ({URL})")


@pytest.mark.parametrize("body", [
    # transpiled, in place of the circuit or as a new name
    "qc = QuantumCircuit(2)\nqc.h(0)\nqc = transpile(qc, backend)\nSamplerV2(backend).run([qc])",
    "qc = QuantumCircuit(2)\nqc.h(0)\nqc = pm.run(qc)\nSamplerV2(backend).run([qc])",
    "qc = QuantumCircuit(2)\nqc.h(0)\nisa = pm.run(qc)\nSamplerV2(backend).run([isa])",
    # the last binding is a call the rule cannot see into
    "qc = QuantumCircuit(2)\nqc.h(0)\nqc = helper(qc)\nSamplerV2(backend).run([qc])",
    "qc = efficient_su2(2).copy()\nSamplerV2(backend).run([qc])",
    # a gate applied after the run, or none that is non-native
    "qc = QuantumCircuit(2)\nSamplerV2(backend).run([qc])\nqc.h(0)",
    "qc = QuantumCircuit(1)\nqc.x(0)\nqc.measure_all()\nSamplerV2(backend).run([qc])",
    # unpacking and loops bind no origin
    "qc, other = QuantumCircuit(2), None\nqc.h(0)\nSamplerV2(backend).run([qc])",
    "for qc in [efficient_su2(2)]:\n    SamplerV2(backend).run([qc])",
    # a mode that is not proven IBM hardware
    "qc = efficient_su2(2)\nSamplerV2(mode=backend.name).run([qc])",
    "qc = efficient_su2(2)\nSamplerV2().run([qc])",
    "s = SamplerV2(backend)\ns = wrap(s)\ns.run([efficient_su2(2)])",
])
def test_traps_stay_silent(body: str) -> None:
    assert findings(body) == []


def test_the_fixture_through_the_real_flake8() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "QKM320", str(FIXTURE)],
        capture_output=True, text=True, check=False)
    positions = sorted((int(line.split(":")[1]), int(line.split(":")[2]))
                       for line in result.stdout.splitlines())
    expected = sorted((line, col) for line, col, code in _expected() if code == "QKM320")
    assert positions == expected and len(expected) >= 10
    assert result.returncode == 1


def _expected() -> list[tuple[int, int, str]]:
    sys.path.insert(0, str(Path(__file__).parent))
    from test_fixtures import expected
    return expected(FIXTURE)


# -- origins: the expression a name was last bound to --------------------------------------------

def _origins(source: str, *names: str) -> list[str | None]:
    index = build()
    resolver = Resolver(index.exports, index.value)
    tree = ast.parse(source)
    from flake8_qiskit_migrate.engine import Walker
    from flake8_qiskit_migrate.registry import Settings
    Walker(index, resolver, Settings()).visit(tree)
    found = [resolver.origin(ast.Name(name)) for name in names]
    return [ast.unparse(node) if node is not None else None for node in found]


def test_origins_follow_assignments_and_with_items() -> None:
    source = ("from qiskit import QuantumCircuit\nfrom qiskit_ibm_runtime import Session\n"
              "a = QuantumCircuit(1)\nb: QuantumCircuit = QuantumCircuit(2)\n"
              "with Session(backend=x) as c:\n    pass\n(d := QuantumCircuit(3))\n"
              "e = helper()\nf, g = QuantumCircuit(1), QuantumCircuit(2)\n")
    assert _origins(source, "a", "b", "c", "d", "e", "f") == [
        "QuantumCircuit(1)", "QuantumCircuit(2)", "Session(backend=x)", "QuantumCircuit(3)",
        None, None]


def test_origins_are_the_current_scopes_only() -> None:
    source = "from qiskit import QuantumCircuit\na = QuantumCircuit(1)\ndef f():\n    pass\n"
    assert _origins(source, "a") == ["QuantumCircuit(1)"]
    index = build()
    resolver = Resolver(index.exports, index.value)
    resolver.bind("a", "qiskit.QuantumCircuit()", node=ast.Name("a"))
    resolver.push()
    assert resolver.origin(ast.Name("a")) is None


# -- the facts the tables rest on ----------------------------------------------------------------

@lru_cache(maxsize=1)
def _every_native_instruction() -> frozenset[str]:
    """What some IBM QPU runs: the instructions of every fake backend's target."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return frozenset(name for backend in FakeProviderForBackendV2().backends()
                         for name in backend.target.operation_names)


def test_native_instructions_include_the_ones_the_gate_table_leaves_out() -> None:
    assert {"cx", "cz", "ecr", "rz", "sx", "x", "rx", "rzz", "measure"} <= (
        _every_native_instruction())


@pytest.mark.parametrize("path", sorted(LIBRARY_CIRCUITS))
def test_library_circuits_hold_a_non_native_instruction(path: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        circuit = getattr(qiskit.circuit.library, path.rpartition(".")[2])(3)
    assert isinstance(circuit, QuantumCircuit)
    names = {instruction.operation.name for instruction in circuit.data}
    assert names - _every_native_instruction()


# Arguments for the gate methods whose signature is not (angles..., qubits...).
_SPECIAL = {"mcx": ([0, 1], 2), "mcp": (0.1, [0, 1], 2)}


@pytest.mark.parametrize("gate", sorted(NON_NATIVE_GATES))
def test_non_native_gates_are_in_no_target(gate: str) -> None:
    circuit = QuantumCircuit(4)
    method = getattr(circuit, gate)
    if gate in _SPECIAL:
        method(*_SPECIAL[gate])
    else:
        import inspect
        required = [p for p in inspect.signature(method).parameters.values()
                    if p.default is inspect.Parameter.empty]
        qubits = [p for p in required if "qubit" in p.name]
        angles = [0.1] * (len(required) - len(qubits))
        method(*angles, *range(len(qubits)))
    assert circuit.data[-1].operation.name not in _every_native_instruction()


def _bell() -> QuantumCircuit:
    circuit = QuantumCircuit(2)
    circuit.h(0)
    circuit.cx(0, 1)
    circuit.measure_all()
    return circuit


@pytest.mark.parametrize("backend", [FakeSherbrooke, FakeTorino])
def test_the_client_rejects_a_circuit_not_transpiled_for_the_target(backend: type) -> None:
    with pytest.raises(IBMInputValueError, match="no longer supported after March 4, 2024"):
        validate_isa_circuits([_bell()], backend().target)


def test_local_modes_differ_a_simulator_takes_any_circuit_a_fake_backend_checks() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        counts = SamplerV2(mode=AerSimulator()).run([_bell()], shots=10).result()
        assert sum(counts[0].data.meas.get_counts().values()) == 10
        with pytest.raises(IBMInputValueError):
            SamplerV2(mode=FakeSherbrooke()).run([_bell()])


def test_the_fix_runs_and_an_estimator_needs_the_layout_on_its_observables() -> None:
    backend = FakeSherbrooke()
    circuit = QuantumCircuit(2)
    circuit.h(0)
    circuit.cx(0, 1)
    isa = generate_preset_pass_manager(optimization_level=1, backend=backend).run(circuit)
    observable = SparsePauliOp("ZZ")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        estimator = EstimatorV2(mode=backend)
        with pytest.raises(ValueError, match="number of qubits"):
            estimator.run([(isa, observable)])
        job = estimator.run([(isa, observable.apply_layout(isa.layout))])
        assert job.result()[0].data.evs > 0.5
