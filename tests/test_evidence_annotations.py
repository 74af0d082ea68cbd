"""Issue 25, item 2: type annotations are evidence (fixture ``evidence_annotations.py`` holds
the positives and traps; these tests pin what the messages say and the edge cases)."""

from __future__ import annotations

import ast

from flake8_qiskit_migrate.engine import check


def found(source: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.col + 1, f.code) for f in check(ast.parse(source), source)]


def messages(source: str) -> list[str]:
    return [f.message for f in check(ast.parse(source), source)]


def test_a_str_parameter_given_as_backend_is_a_backend_by_name() -> None:
    source = ("from qiskit_ibm_runtime import Session\n"
              "def go(backend_name: str):\n"
              "    Session(backend=backend_name)\n")
    assert messages(source) == [
        "QKM415 a backend given by name (backend_name) is no longer accepted: use the backend "
        "object: service.backend(name) (https://quantum.cloud.ibm.com/docs/migration-guides/"
        "qiskit-runtime-from-ibm-provider#get-a-backend)"]


def test_a_shadowed_str_is_not_the_builtin() -> None:
    source = ("from qiskit_ibm_runtime import Session\n"
              "from mylib import str\n"
              "def go(backend: str):\n"
              "    Session(backend=backend)\n")
    assert found(source) == []


def test_the_service_fix_is_skipped_for_a_str_parameter() -> None:
    source = ("from qiskit_ibm_runtime import Session\n"
              "def go(service, name: str):\n"
              "    Session(service=service, backend=name)\n")
    findings = check(ast.parse(source), source)
    assert [(f.code, bool(f.edits)) for f in findings] == [("QKM414", False), ("QKM415", False)]


def test_broken_and_non_class_string_annotations_give_nothing() -> None:
    source = ("import qiskit\n"
              "def go(backend: 'IBM Backend', device: 'list[', sim: 'int'):\n"
              "    backend.run(c)\n"
              "    device.run(c)\n")
    assert found(source) == [(3, 5, "QKM104"), (4, 5, "QKM104")]


def test_a_union_of_two_kinds_proves_neither() -> None:
    source = ("from typing import Union\n"
              "from qiskit_aer import AerSimulator\n"
              "from qiskit_ibm_runtime import IBMBackend\n"
              "def go(target: Union[IBMBackend, AerSimulator], backend: AerSimulator | None):\n"
              "    target.run(c)\n"
              "    backend.run(c)\n")
    assert found(source) == [(6, 5, "QKM103")]


def test_an_annotated_attribute_keeps_its_kind_through_unknown_assignments() -> None:
    source = ("from qiskit_ibm_runtime import IBMBackend\n"
              "class Job:\n"
              "    def __init__(self):\n"
              "        self.target: IBMBackend | None = None\n"
              "    def connect(self, service):\n"
              "        self.target = service.pick()\n"
              "    def go(self, c):\n"
              "        self.target.run(c, shots=5)\n")
    assert found(source) == [(8, 9, "QKM102"), (8, 28, "QKM401")]
