"""Issue 25, item 4 (fixture ``evidence_small_classes.py`` holds the positives and traps) and the
in-module half of item 3: instances of a module's class that subclasses one Qiskit class are
what the base's instances are."""

from __future__ import annotations

import ast

from flake8_qiskit_migrate.engine import check


def found(source: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.col + 1, f.code) for f in check(ast.parse(source), source)]


def test_a_subclass_of_a_backend_is_a_backend() -> None:
    source = ("from qiskit.providers import BackendV2\n"
              "class Device(BackendV2):\n"
              "    def run(self, circuits, **options):\n"
              "        return self._submit(circuits)\n"
              "Device().run(qc, shots=10)\n")
    assert found(source) == [(5, 1, "QKM103"), (5, 18, "QKM401")]


def test_a_subclass_of_a_v2_primitive_base_keeps_its_own_signature() -> None:
    source = ("from qiskit.primitives import BaseSamplerV2\n"
              "class Mine(BaseSamplerV2):\n"
              "    def run(self, circuits, values):\n"
              "        return circuits, values\n"
              "sampler = Mine()\n"
              "sampler.run(circuits, values)\n")
    assert found(source) == []


def test_a_class_of_the_module_named_backend_is_nothing_of_qiskit() -> None:
    source = ("import qiskit\n"
              "class Backend:\n"
              "    def run(self, circuit, shots=1):\n"
              "        return circuit\n"
              "backend = Backend()\n"
              "backend.run(qc, shots=10)\n")
    assert found(source) == []


def test_a_class_with_two_qiskit_bases_is_left_alone() -> None:
    source = ("from qiskit.providers import BackendV2\n"
              "from qiskit_aer import AerSimulator\n"
              "class Odd(BackendV2, AerSimulator):\n"
              "    pass\n"
              "Odd().run(qc)\n")
    assert found(source) == []


def test_a_literal_bound_in_a_class_attribute_is_followed() -> None:
    source = ("from qiskit_ibm_runtime import QiskitRuntimeService\n"
              "class Account:\n"
              "    def __init__(self):\n"
              "        self.channel = 'ibm_quantum'\n"
              "    def connect(self):\n"
              "        return QiskitRuntimeService(channel=self.channel)\n")
    findings = check(ast.parse(source), source)
    assert [(f.line, f.col + 1, f.code, f.name, bool(f.edits)) for f in findings] == [
        (6, 37, "QKM501", "'ibm_quantum'", False)]  # the fix rewrites literals only


def test_a_provider_runtime_call_names_the_service() -> None:
    source = ("from qiskit import IBMQ\n"
              "provider = IBMQ.load_account()\n"
              "provider.runtime.run('sampler', options, inputs)\n")
    names = [f.name for f in check(ast.parse(source), source) if f.code == "QKM503"]
    assert names == ["qiskit.IBMQ.get_provider().runtime.run"]
