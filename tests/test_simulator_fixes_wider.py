"""The legacy simulators' and exact states' fixes, widened on real legacy code (issue 22): a read
rounded by ``decimals=``, BasicAer's NumPy arrays, a circuit built through ``from qiskit
import *``, the import of a notebook whose backend is its cell's last line. Each fixed program
runs on today's releases and prints what qiskit 0.46.3 / qiskit-aer 0.13.3 printed (recorded
here as literals)."""

from __future__ import annotations

import ast
import json
import textwrap
from pathlib import Path

import pytest

from helpers import command
from test_fixes_execution import fixed_and_run

UNSAFE = "--unsafe-fixes"


def notebook(path: Path, cells: list[str]) -> None:
    path.write_text(json.dumps({
        "cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                   "source": cell.splitlines(keepends=True)} for cell in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1))


def cell_sources(path: Path) -> list[str]:
    return ["".join(cell["source"]) for cell in json.loads(path.read_text())["cells"]]


def test_an_aer_read_rounded_by_decimals_prints_as_it_did(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import QuantumCircuit, Aer, execute

        circ = QuantumCircuit(2)
        circ.h(0)
        circ.cx(0, 1)
        backend = Aer.get_backend("statevector_simulator")
        state = execute(circ, backend).result().get_statevector(circ, decimals=3)
        print(state)
        """, UNSAFE)
    assert fixed == textwrap.dedent("""\
        from qiskit import QuantumCircuit
        from qiskit.quantum_info import Statevector

        circ = QuantumCircuit(2)
        circ.h(0)
        circ.cx(0, 1)
        state = Statevector(Statevector(circ).data.round(3))
        print(state)
        """)
    assert printed == "Statevector([0.707+0.j, 0.   +0.j, 0.   +0.j, 0.707+0.j],\n" \
                      "            dims=(2, 2))\n"


def test_a_basicaer_read_stays_a_numpy_array_rounded_positionally(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import QuantumCircuit, BasicAer, execute

        qc = QuantumCircuit(2)
        qc.h(0)
        qc.rx(0.3, 1)
        simulator = BasicAer.get_backend("unitary_simulator")
        unitary = execute(qc, simulator).result().get_unitary(qc, 2)
        print(type(unitary).__name__, unitary[0].tolist())
        """, UNSAFE)
    assert "unitary = Operator(qc).data.round(2)\n" in fixed
    assert "BasicAer" not in fixed and "execute" not in fixed
    assert printed == "ndarray [(0.7+0j), (0.7+0j), -0.11j, -0.11j]\n"


@pytest.mark.parametrize(("read", "replacement"), [
    ("get_statevector(qc, decimals=0)", "Statevector(qc)"),  # 0 did not round
    ("get_statevector(decimals=None)", "Statevector(qc)"),
    ("get_statevector(experiment=qc, decimals=4)", "Statevector(Statevector(qc).data.round(4))"),
])
def test_what_replaces_a_read_follows_its_arguments(tmp_path: Path, read: str,
                                                    replacement: str) -> None:
    program = tmp_path / "legacy.py"
    program.write_text("from qiskit import QuantumCircuit\nfrom qiskit_aer import Aer\n\n"
                       "qc = QuantumCircuit(1)\nqc.h(0)\n"
                       "backend = Aer.get_backend('statevector_simulator')\n"
                       f"state = backend.run(qc).result().{read}\n")
    command("check", "legacy.py", "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    assert program.read_text().splitlines()[-1] == f"state = {replacement}"


@pytest.mark.parametrize("read", ["get_statevector(qc, decimals=places)",
                                  "get_statevector(qc, decimals=2.5)",
                                  "get_statevector(qc, 3, 4)",
                                  "get_statevector(other, decimals=3)"])
def test_a_read_with_other_arguments_gets_no_fix(tmp_path: Path, read: str) -> None:
    program = tmp_path / "legacy.py"
    text = ("from qiskit import QuantumCircuit\nfrom qiskit_aer import Aer\n\n"
            "qc = QuantumCircuit(1)\nqc.h(0)\nbackend = Aer.get_backend('statevector_simulator')\n"
            f"state = backend.run(qc).result().{read}\n")
    program.write_text(text)
    fixing = command("check", "legacy.py", "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    assert program.read_text() == text
    assert ":6:11: QKM111 'Aer.get_backend(\"statevector_simulator\")'" in fixing.stdout


def test_a_circuit_built_through_the_star_import_is_proven(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import *

        circ = QuantumCircuit(1)
        circ.x(0)
        backend = Aer.get_backend('statevector_simulator')
        result = backend.run(circ).result()
        print(result.get_statevector(circ).data.tolist())
        """, UNSAFE)
    assert fixed == textwrap.dedent("""\
        from qiskit import *
        from qiskit.quantum_info import Statevector

        circ = QuantumCircuit(1)
        circ.x(0)
        print(Statevector(circ).data.tolist())
        """)
    assert printed == "[0j, (1+0j)]\n"


def test_the_imports_of_another_cell_change_with_the_jobs(tmp_path: Path) -> None:
    """The imports are in the first cell, the backend is the last line of its cell (no line
    end): the import of ``Statevector`` takes the place of the Aer import the fix leaves
    unused, and the comment before the backend stays whole."""
    path = tmp_path / "legacy.ipynb"
    notebook(path, ["from qiskit import QuantumCircuit\nfrom qiskit_aer import Aer\n\n"
                    "qc = QuantumCircuit(1)\nqc.h(0)",
                    "# the backend\nbackend = Aer.get_backend('statevector_simulator')",
                    "job = backend.run(qc)",
                    "state = job.result().get_statevector(qc, decimals=3)\nprint(state)"])
    fixing = command("check", "legacy.ipynb", "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stdout
    assert cell_sources(path) == [
        "from qiskit import QuantumCircuit\nfrom qiskit.quantum_info import Statevector\n\n"
        "qc = QuantumCircuit(1)\nqc.h(0)",
        "# the backend",
        "",
        "state = Statevector(Statevector(qc).data.round(3))\nprint(state)"]


def test_basicaer_through_the_star_import_is_fixed_at_each_use(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import *

        qc = QuantumCircuit(1, 1)
        qc.x(0)
        qc.measure(0, 0)
        backend = BasicAer.get_backend('qasm_simulator')
        counts = backend.run(transpile(qc, backend), shots=10).result().get_counts()
        print(counts)
        """, UNSAFE)
    assert fixed.splitlines()[:2] == [
        "from qiskit import *", "from qiskit.providers.basic_provider import BasicSimulator"]
    assert "backend = BasicSimulator()\n" in fixed
    assert printed == "{'1': 10}\n"


def test_an_unused_basicaer_import_goes(tmp_path: Path) -> None:
    program = tmp_path / "legacy.py"
    program.write_text("from qiskit import QuantumCircuit, BasicAer\nfrom qiskit import BasicAer"
                       " as Basic\nqc = QuantumCircuit(1)\n")
    checked = command("check", "legacy.py", "--no-cache", "--exit-zero", cwd=tmp_path)
    assert [line.split(" ")[0:2] for line in checked.stdout.splitlines()] == [
        ["legacy.py:1:36:", "QKM108"], ["legacy.py:2:20:", "QKM108"]]
    fixing = command("check", "legacy.py", "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stdout
    assert program.read_text() == "from qiskit import QuantumCircuit\nqc = QuantumCircuit(1)\n"


def test_basicaer_qasm_and_statevector_simulators_are_fixed_in_turn(tmp_path: Path) -> None:
    """Each simulator's fix is whole on its own: the statevector job first, then, with no
    other use left, the QASM simulator and the import."""
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import BasicAer, QuantumCircuit, execute

        qc = QuantumCircuit(1)
        qc.h(0)
        simulator = BasicAer.get_backend("statevector_simulator")
        state = execute(qc, simulator).result().get_statevector(qc, decimals=3)
        print(state)
        backend = BasicAer.get_backend("qasm_simulator")
        print(backend.name)
        """, UNSAFE)
    assert fixed == textwrap.dedent("""\
        from qiskit import QuantumCircuit
        from qiskit.providers.basic_provider import BasicSimulator
        from qiskit.quantum_info import Statevector

        qc = QuantumCircuit(1)
        qc.h(0)
        state = Statevector(qc).data.round(3)
        print(state)
        backend = BasicSimulator()
        print(backend.name)
        """)
    assert printed == "[0.707+0.j 0.707+0.j]\nbasic_simulator\n"


def test_aer_through_the_star_import_is_imported_from_qiskit_aer_after_it(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import *
        import numpy as np

        qc = QuantumCircuit(1, 1)
        qc.x(0)
        qc.measure(0, 0)
        sim = Aer.get_backend('aer_simulator')
        print(sim.name, Aer.get_backend('aer_simulator').name)
        """)  # safe fixes only
    assert fixed.splitlines()[:3] == ["from qiskit import *", "from qiskit_aer import Aer",
                                      "import numpy as np"]
    assert printed == "aer_simulator aer_simulator\n"


def test_a_star_aer_that_only_fetches_legacy_simulators_is_left_to_their_fixes(
        tmp_path: Path) -> None:
    """``from qiskit_aer import Aer`` would be left unused once QKM111's fix replaces them."""
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import *

        backend = Aer.get_backend('qasm_simulator')
        print(backend.name)
        """, UNSAFE)
    assert fixed == ("from qiskit import *\nfrom qiskit_aer import AerSimulator\n\n"
                     "backend = AerSimulator()\nprint(backend.name)\n")
    assert printed == "aer_simulator\n"


@pytest.mark.parametrize(("imports", "after"), [
    ("from qiskit_aer import Aer\n", "from qiskit_aer import AerSimulator\n"),
    ("from qiskit import QuantumCircuit, Aer\n",
     "from qiskit import QuantumCircuit\nfrom qiskit_aer import AerSimulator\n"),
])
def test_the_qasm_simulators_take_the_aer_import_they_leave_unused(
        tmp_path: Path, imports: str, after: str) -> None:
    program = tmp_path / "legacy.py"
    program.write_text(imports + "a = Aer.get_backend('qasm_simulator')\n"
                       "b = Aer.get_backend('qasm_simulator')\n")
    fixing = command("check", "legacy.py", "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stdout
    assert program.read_text() == after + "a = AerSimulator()\nb = AerSimulator()\n"


def test_an_aer_still_used_keeps_its_import(tmp_path: Path) -> None:
    program = tmp_path / "legacy.py"
    program.write_text("from qiskit_aer import Aer\na = Aer.get_backend('qasm_simulator')\n"
                       "b = Aer.get_backend('aer_simulator')\n")
    command("check", "legacy.py", "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    assert program.read_text() == ("from qiskit_aer import Aer\n"
                                   "from qiskit_aer import AerSimulator\na = AerSimulator()\n"
                                   "b = Aer.get_backend('aer_simulator')\n")


def test_the_standard_errors_module_moves_to_qiskit_aer(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit.providers.aer.noise.errors.standard_errors import depolarizing_error
        print(depolarizing_error(0.1, 1).num_qubits)
        """)
    assert fixed.splitlines()[0] == (
        "from qiskit_aer.noise.errors.standard_errors import depolarizing_error")
    assert printed == "1\n"


def test_a_backend_with_a_comment_and_a_circuit_composed_into_another_are_proven(
        tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import QuantumCircuit, Aer, execute

        bell = QuantumCircuit(2, 2)
        bell.h(0)
        measured = bell.compose(QuantumCircuit(2, 2))
        backend = Aer.get_backend('statevector_simulator')  # the device to run on
        psi = execute(bell, backend).result().get_statevector(bell)
        print(psi.data.tolist())
        """, UNSAFE)
    assert "backend" not in fixed and "psi = Statevector(bell)\n" in fixed
    # The amplitudes the legacy program printed; a zero's sign differs between releases.
    assert ast.literal_eval(printed) == [0.7071067811865475, 0.7071067811865475, 0, 0]


@pytest.mark.parametrize("use", ["bell.compose(other, inplace=True)", "bell.compose(**options)"])
def test_a_circuit_composed_in_place_gets_no_fix(tmp_path: Path, use: str) -> None:
    program = tmp_path / "legacy.py"
    text = ("from qiskit import QuantumCircuit\nfrom qiskit_aer import Aer\n\n"
            f"bell = QuantumCircuit(1)\n{use}\nbackend = Aer.get_backend('statevector_simulator')\n"
            "psi = backend.run(bell).result().get_statevector()\n")
    program.write_text(text)
    command("check", "legacy.py", "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    assert program.read_text() == text


def test_the_noise_packages_own_modules_move_to_qiskit_aer(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit.providers.aer.noise.noise_model import NoiseModel
        from qiskit.providers.aer.noise.errors.readout_error import ReadoutError
        from qiskit.providers.aer.noise.device.models import basic_device_readout_errors
        model = NoiseModel()
        model.add_all_qubit_readout_error(ReadoutError([[0.9, 0.1], [0.1, 0.9]]))
        print(model.noise_qubits, callable(basic_device_readout_errors))
        """)
    assert fixed.splitlines()[:3] == [
        "from qiskit_aer.noise.noise_model import NoiseModel",
        "from qiskit_aer.noise.errors.readout_error import ReadoutError",
        "from qiskit_aer.noise.device.models import basic_device_readout_errors"]
    assert printed == "[] True\n"


NOISE_TURNED_OFF = """\
    from qiskit import QuantumCircuit, execute
    from qiskit_aer import AerSimulator
    from qiskit_aer.noise import NoiseModel, depolarizing_error

    noise = NoiseModel()
    noise.add_all_qubit_quantum_error(depolarizing_error(0.3, 1), ["x"])
    sim = AerSimulator(noise_model=noise)
    qc = QuantumCircuit(1, 1)
    qc.x(0)
    qc.measure(0, 0)
    print(execute(qc, sim, noise_model=None, shots=200, seed_transpiler=None).result().get_counts())
    """


@pytest.mark.parametrize("flags", [(), (UNSAFE,)])
def test_an_aer_option_given_as_none_is_passed_on_as_execute_passed_it(
        tmp_path: Path, flags: tuple[str, ...]) -> None:
    """``execute`` dropped its own parameters given as None (``seed_transpiler=None``) but
    passed the others to ``backend.run``: ``noise_model=None`` ran the noisy simulator without
    noise (qiskit 0.46.3 / qiskit-aer 0.13.3 printed the recorded counts)."""
    fixed, printed = fixed_and_run(tmp_path, NOISE_TURNED_OFF, *flags)
    assert "seed_transpiler" not in fixed and "noise_model" in fixed.splitlines()[-1]
    assert printed == "{'1': 200}\n"
