"""QKM111's (and QKM108's, for BasicAer) exact migration of a statevector or unitary simulator
job (issue 22 item 2): legacy programs fixed by the command run on today's releases and print
the state or unitary that qiskit 0.46.3 / qiskit-aer 0.13.3 printed; where a step is not proven
(a measured circuit, a backend or result used again, code under a
``try``) nothing is rewritten."""

from __future__ import annotations

import ast
import json
import textwrap
from pathlib import Path

import numpy as np
import pytest

from helpers import command
from test_fixes_execution import fixed_and_run

UNSAFE = "--unsafe-fixes"


def printed_value(printed: str) -> np.ndarray:
    return np.array(ast.literal_eval(printed.strip()), dtype=complex)


def test_an_aer_statevector_job_becomes_statevector_and_prints_the_same(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import QuantumCircuit, Aer, transpile
        import numpy as np

        circuit = QuantumCircuit(2)
        circuit.h(0)
        circuit.cx(0, 1)
        circuit.ry(0.4, 1)
        circuit.barrier()
        backend = Aer.get_backend("statevector_simulator")
        state = backend.run(transpile(circuit, backend)).result().get_statevector(circuit)
        print(np.asarray(state).tolist())
        """, UNSAFE)
    assert fixed == textwrap.dedent("""\
        from qiskit import QuantumCircuit
        import numpy as np
        from qiskit.quantum_info import Statevector

        circuit = QuantumCircuit(2)
        circuit.h(0)
        circuit.cx(0, 1)
        circuit.ry(0.4, 1)
        circuit.barrier()
        state = Statevector(circuit)
        print(np.asarray(state).tolist())
        """)
    legacy = [0.6930117232058354, -0.14048043101898117, 0.1404804310189812, 0.6930117232058353]
    assert np.allclose(printed_value(printed), legacy, atol=1e-9, rtol=0)


def test_a_basicaer_unitary_job_through_names_becomes_the_operators_array(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import BasicAer, QuantumCircuit, execute
        import numpy as np

        qc = QuantumCircuit(2)
        qc.h(0)
        qc.cp(0.7, 0, 1)
        simulator = BasicAer.get_backend("unitary_simulator")
        job = execute(qc, simulator)
        result = job.result()
        unitary = result.get_unitary(qc)
        print(np.asarray(unitary).tolist())
        """, UNSAFE)
    assert fixed == textwrap.dedent("""\
        from qiskit import QuantumCircuit
        import numpy as np
        from qiskit.quantum_info import Operator

        qc = QuantumCircuit(2)
        qc.h(0)
        qc.cp(0.7, 0, 1)
        unitary = Operator(qc).data
        print(np.asarray(unitary).tolist())
        """)
    half, a, b = 0.7071067811865475, 0.540825097166413, 0.4555306952060857
    legacy = [[half, half, 0, 0], [half, -half, 0, 0], [0, 0, half, half],
              [0, 0, a + b * 1j, -a - b * 1j]]
    assert np.allclose(printed_value(printed), legacy, atol=1e-9, rtol=0)


def test_a_unitary_simulator_class_and_its_import_go(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import QuantumCircuit, transpile
        from qiskit_aer.backends import UnitarySimulator
        import numpy as np

        qc = QuantumCircuit(2)
        qc.rx(0.3, 0)
        qc.cz(0, 1)
        simulator = UnitarySimulator()
        job = simulator.run(transpile(qc, simulator))
        print(np.asarray(job.result().get_unitary(qc)).tolist())
        """, UNSAFE)
    assert fixed == textwrap.dedent("""\
        from qiskit import QuantumCircuit
        import numpy as np
        from qiskit.quantum_info import Operator

        qc = QuantumCircuit(2)
        qc.rx(0.3, 0)
        qc.cz(0, 1)
        print(np.asarray(Operator(qc)).tolist())
        """)
    c, s = 0.9887710779360422, 0.14943813247359922
    legacy = [[c, -s * 1j, 0, 0], [-s * 1j, c, 0, 0], [0, 0, c, -s * 1j], [0, 0, s * 1j, -c]]
    assert np.allclose(printed_value(printed), legacy, atol=1e-9, rtol=0)


def test_the_fix_is_unsafe_and_carried_by_qkm111(tmp_path: Path) -> None:
    (tmp_path / "legacy.py").write_text(textwrap.dedent("""\
        from qiskit import QuantumCircuit
        from qiskit_aer import Aer

        qc = QuantumCircuit(1)
        qc.h(0)
        backend = Aer.get_backend("statevector_simulator")
        state = backend.run(qc).result().get_statevector()
        """))
    checked = command("check", "legacy.py", "--output-format", "json", "--no-cache",
                      "--exit-zero", cwd=tmp_path)
    fixes = {f["code"]: f["fix"] for f in json.loads(checked.stdout)}
    assert set(fixes) == {"QKM111", "QKM103"}
    assert fixes["QKM103"]["edits"] == fixes["QKM111"]["edits"]  # the run carries the same fix
    assert fixes["QKM111"]["applicability"] == "unsafe"
    assert [e["content"] for e in fixes["QKM111"]["edits"]] == [
        "from qiskit.quantum_info import Statevector", "", "Statevector(qc)"]  # Aer's import goes
    assert command("check", "legacy.py", "--fix", "--no-cache", "--exit-zero",
                   cwd=tmp_path).returncode == 0
    assert "Statevector" not in (tmp_path / "legacy.py").read_text()  # safe fixes only


PROLOGUE = """\
from qiskit import QuantumCircuit
from qiskit_aer import Aer

qc = QuantumCircuit(1, 1)
qc.h(0)
backend = Aer.get_backend("statevector_simulator")
"""


@pytest.mark.parametrize("rest", [
    pytest.param("qc.measure(0, 0)\nstate = backend.run(qc).result().get_statevector()\n",
                 id="measured"),
    pytest.param("qc.measure_all()\nstate = backend.run(qc).result().get_statevector()\n",
                 id="measure_all"),
    pytest.param("qc.reset(0)\nstate = backend.run(qc).result().get_statevector()\n",
                 id="reset"),
    pytest.param("qc.x(0).c_if(0, 1)\nstate = backend.run(qc).result().get_statevector()\n",
                 id="classical-control"),
    pytest.param("qc.append(gate, [0])\nstate = backend.run(qc).result().get_statevector()\n",
                 id="unknown-instruction"),
    pytest.param("helper(qc)\nstate = backend.run(qc).result().get_statevector()\n",
                 id="circuit-passed-elsewhere"),
    pytest.param("state = backend.run(qc).result().get_statevector()\nprint(backend.name)\n",
                 id="backend-used-twice"),
    pytest.param("result = backend.run(qc).result()\nstate = result.get_statevector()\n"
                 "print(result.success)\n", id="result-used-elsewhere"),
    pytest.param("job = backend.run(qc)\nstate = job.result().get_statevector()\n"
                 "print(job.job_id())\n", id="job-used-elsewhere"),
    pytest.param("state = backend.run(qc, noise_model=nm).result().get_statevector()\n",
                 id="run-options"),
    pytest.param("state = backend.run(qc).result().get_statevector(decimals=places)\n",
                 id="decimals-unknown"),
    pytest.param("state = backend.run(qc).result().get_unitary()\n", id="other-getter"),
    pytest.param("try:\n    state = backend.run(qc).result().get_statevector()\n"
                 "except AttributeError:\n    state = None\n", id="inside-try"),
    pytest.param("def f():\n    return backend.run(qc).result().get_statevector()\n",
                 id="other-scope"),
    pytest.param("job = backend.run(qc)\nqc.x(0)\nstate = job.result().get_statevector()\n",
                 id="gate-after-the-job"),
    pytest.param("qc = helper()\nstate = backend.run(qc).result().get_statevector()\n",
                 id="circuit-rebound"),
])
def test_an_unproven_simulator_job_gets_no_fix(tmp_path: Path, rest: str) -> None:
    program = tmp_path / "legacy.py"
    program.write_text(PROLOGUE + rest)
    fixing = command("check", "legacy.py", "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    assert program.read_text() == PROLOGUE + rest
    assert 'QKM111 \'Aer.get_backend("statevector_simulator")\'' in fixing.stdout


def test_a_job_across_notebook_cells_is_fixed_in_every_cell(tmp_path: Path) -> None:
    """The notebook runs as one module: the backend's cell and the job's cell change together."""
    cells = [PROLOGUE, "state = backend.run(qc).result().get_statevector()\n"]
    notebook = {"cells": [{"cell_type": "code", "metadata": {}, "execution_count": None,
                           "outputs": [], "source": cell.splitlines(keepends=True)}
                          for cell in cells],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "legacy.ipynb"
    path.write_text(json.dumps(notebook, indent=1))
    fixing = command("check", "legacy.ipynb", "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stdout
    assert ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]] == [
        "from qiskit import QuantumCircuit\nfrom qiskit.quantum_info import Statevector\n\n"
        "qc = QuantumCircuit(1, 1)\nqc.h(0)\n", "state = Statevector(qc)\n"]
