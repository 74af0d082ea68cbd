"""QKM111's exact migration of statevector and unitary simulator jobs on the shapes of real
notebooks and scripts (issue 22 item 2): a backend name bound again in each cell or section,
job and result names reused, several jobs on one backend, a circuit changed after its read,
``shots=`` on the job. Names are followed binding by binding through the top level; each
backend binding is migrated with all its jobs or not at all (all the bindings of a name at once
where each is proven), in whichever notebook cells they and the imports are."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import numpy as np
import pytest

from helpers import command
from test_fixes_execution import fixed_and_run
from test_fixes_statevector import printed_value

UNSAFE = "--unsafe-fixes"


def notebook(path: Path, *cells: str) -> None:
    path.write_text(json.dumps({
        "cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                   "source": textwrap.dedent(cell).splitlines(keepends=True)} for cell in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1))


def sources(path: Path) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]]


def report(path: Path) -> list[tuple[str, int | None, int, bool]]:
    checked = command("check", path.name, "--output-format", "json", "--no-cache",
                      "--exit-zero", UNSAFE, cwd=path.parent)
    return [(d["code"], d["cell"], d["location"]["row"], d["fix"] is not None)
            for d in json.loads(checked.stdout)]


IMPORTS = "from qiskit import QuantumCircuit, execute, Aer\n"
X_CELL = "x_gate = QuantumCircuit(1)\nx_gate.x(0)\nx_gate.draw()\n"
JOB = ("backend = Aer.get_backend('statevector_simulator')\n"
       "result = execute({c}, backend).result().get_statevector()\nprint(result)")


def test_a_backend_fetched_again_in_each_cell_is_fixed_cell_by_cell(tmp_path: Path) -> None:
    path = tmp_path / "ex1.ipynb"
    notebook(path, IMPORTS, X_CELL, JOB.format(c="x_gate"), "x_gate.h(0)\n",
             "# again\n" + JOB.format(c="x_gate"))
    assert report(path) == [
        ("QKM101", 1, 1, True), ("QKM107", 1, 1, True),
        ("QKM111", 3, 1, True), ("QKM101", 3, 2, True),
        ("QKM111", 5, 2, True), ("QKM101", 5, 3, True)]
    fixing = command("check", path.name, "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    # Both bindings go at once: the imports' cell loses execute and Aer, gains Statevector.
    assert sources(path) == [
        "from qiskit import QuantumCircuit\nfrom qiskit.quantum_info import Statevector\n",
        X_CELL, "result = Statevector(x_gate)\nprint(result)", "x_gate.h(0)\n",
        "# again\nresult = Statevector(x_gate)\nprint(result)"]
    assert fixing.returncode == 0, fixing.stdout
    code = "\n".join(sources(path)).replace("x_gate.draw()", "")
    printed: list[object] = []
    exec(compile(code, "ex1", "exec"), {"print": printed.append})  # noqa: S102 - our own text
    assert [np.round(np.asarray(p), 6).tolist() for p in printed] == [
        [0j, 1 + 0j], [0.707107 + 0j, -0.707107 + 0j]]  # X|0>, then H X|0> (legacy: the same)


def test_a_job_in_the_backend_cell_and_an_import_cell_elsewhere_changes_both(
        tmp_path: Path) -> None:
    """The fix takes the names only the job used out of the imports' cell, where the other
    findings' fixes edit the same line."""
    path = tmp_path / "nb.ipynb"
    notebook(path, "from qiskit import QuantumCircuit, execute, Aer, IBMQ\n", X_CELL,
             JOB.format(c="x_gate"))
    command("check", path.name, "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    assert sources(path)[0] == ("from qiskit import QuantumCircuit\n"
                                "from qiskit.quantum_info import Statevector\n")
    assert sources(path)[2] == "result = Statevector(x_gate)\nprint(result)"
    # The unused IBMQ went (QKM203), execute became transpile, Aer moved to qiskit_aer.
    assert report(path) == []


def test_every_binding_of_a_script_goes_at_once_with_its_imports(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        import numpy as np
        from qiskit import QuantumCircuit, execute, Aer

        qc = QuantumCircuit(1)
        qc.sx(0)
        backend = Aer.get_backend('statevector_simulator')
        job = execute(qc, backend, shots=1024)
        result = job.result()
        print(np.round(np.asarray(result.get_statevector(qc)), 6).tolist())
        qc.rz(np.pi / 2, 0)
        backend = Aer.get_backend('statevector_simulator')
        job = execute(qc, backend)
        result = job.result()
        print(np.round(np.asarray(result.get_statevector()), 6).tolist())
        """, UNSAFE)
    assert fixed == textwrap.dedent("""\
        import numpy as np
        from qiskit import QuantumCircuit
        from qiskit.quantum_info import Statevector

        qc = QuantumCircuit(1)
        qc.sx(0)
        print(np.round(np.asarray(Statevector(qc)), 6).tolist())
        qc.rz(np.pi / 2, 0)
        print(np.round(np.asarray(Statevector(qc)), 6).tolist())
        """)
    # qiskit 0.46.3 / qiskit-aer 0.13.3 printed these (global phase included)
    legacy = [[0.5 + 0.5j, 0.5 - 0.5j], [0.707107 + 0j, 0.707107 + 0j]]
    assert np.allclose([printed_value(line) for line in printed.splitlines()], legacy,
                       atol=1e-6, rtol=0)


def test_a_run_on_the_statevector_backend_carries_the_fix_as_qkm103(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import QuantumCircuit, transpile
        from qiskit_aer import Aer

        bell = QuantumCircuit(2)
        bell.h(0)
        bell.cx(0, 1)
        sim = Aer.get_backend('statevector_simulator')
        first = sim.run(bell).result().get_statevector()
        second = sim.run(transpile(bell, sim)).result().get_statevector(bell)
        print(first.equiv(second), len(first))
        """, UNSAFE)
    assert fixed == textwrap.dedent("""\
        from qiskit import QuantumCircuit
        from qiskit.quantum_info import Statevector

        bell = QuantumCircuit(2)
        bell.h(0)
        bell.cx(0, 1)
        first = Statevector(bell)
        second = Statevector(bell)
        print(first.equiv(second), len(first))
        """)
    assert printed == "True 4\n"
    program = tmp_path / "again.py"
    program.write_text("from qiskit import QuantumCircuit\nfrom qiskit_aer import Aer\n"
                       "qc = QuantumCircuit(1)\nqc.h(0)\n"
                       "sim = Aer.get_backend('unitary_simulator')\n"
                       "u = sim.run(qc).result().get_unitary()\n")
    assert report(program) == [("QKM111", None, 5, True), ("QKM103", None, 6, True)]


def test_a_proven_binding_is_fixed_beside_an_unproven_one(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import QuantumCircuit, execute
        from qiskit_aer import Aer

        qc = QuantumCircuit(1, 1)
        qc.x(0)
        backend = Aer.get_backend('statevector_simulator')
        print(execute(qc, backend).result().get_statevector().probabilities().tolist())
        qc.measure(0, 0)
        backend = Aer.get_backend('statevector_simulator')
        print(execute(qc, backend).result().get_statevector().probabilities().tolist())
        """, UNSAFE)
    run = "backend.run(transpile(qc, backend))"
    assert fixed == textwrap.dedent(f"""\
        from qiskit import QuantumCircuit, transpile
        from qiskit_aer import Aer
        from qiskit.quantum_info import Statevector

        qc = QuantumCircuit(1, 1)
        qc.x(0)
        print(Statevector(qc).probabilities().tolist())
        qc.measure(0, 0)
        backend = Aer.get_backend('statevector_simulator')
        print({run}.result().get_statevector().probabilities().tolist())
        """)  # the measured circuit's job stays a job (QKM101 made it a run in a later round)
    assert printed == "[0.0, 1.0]\n[0.0, 1.0]\n"


LEGACY = """\
from qiskit import QuantumCircuit, execute
from qiskit_aer import Aer

qc = QuantumCircuit(2, 2)
qc.h(0)
backend = Aer.get_backend('statevector_simulator')
"""


@pytest.mark.parametrize("rest", [
    pytest.param("state = execute(qc, backend).result().get_statevector()\n"
                 "qm = QuantumCircuit(1, 1)\nqm.measure(0, 0)\n"
                 "counts = execute(qm, backend).result().get_counts()\n",
                 id="backend-used-for-counts-too"),
    pytest.param("def final_state(circuit):\n"
                 "    return execute(circuit, backend).result().get_statevector()\n",
                 id="circuit-is-a-parameter"),
    pytest.param("def f():\n    global qc\n    qc = QuantumCircuit(1)\n"
                 "state = execute(qc, backend).result().get_statevector()\n",
                 id="circuit-bound-in-a-function"),
    pytest.param("qc.cx(0, 1)\nqc.measure_all()\n"
                 "state = execute(qc, backend).result().get_statevector()\n",
                 id="circuit-measured-in-another-statement"),
    pytest.param("job = execute(qc, backend)\nqc.h(1)\n"
                 "state = job.result().get_statevector()\n", id="circuit-changed-after-the-job"),
    pytest.param("qc.compose(other, inplace=True)\n"
                 "state = execute(qc, backend).result().get_statevector()\n",
                 id="circuit-changed-by-a-method"),
    pytest.param("for i in range(2):\n    backend = Aer.get_backend('statevector_simulator')\n"
                 "state = execute(qc, backend).result().get_statevector()\n",
                 id="backend-bound-in-a-loop"),
    pytest.param("state = execute([qc], backend).result().get_statevector()\n",
                 id="circuit-list"),
    pytest.param("state = execute(qc, backend, optimization_level=3).result()"
                 ".get_statevector()\n", id="transpiler-option"),
    pytest.param("state = execute(qc, backend, shots=shots_of()).result().get_statevector()\n",
                 id="shots-computed"),
    pytest.param("result = execute(qc, backend).result()\nstate = result.get_statevector()\n"
                 "again = result.get_statevector()\n", id="result-read-twice"),
])
def test_an_unproven_shape_gets_no_fix(tmp_path: Path, rest: str) -> None:
    program = tmp_path / "legacy.py"
    program.write_text(LEGACY + rest)
    fixing = command("check", "legacy.py", "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    fixed = program.read_text()  # QKM101 may make the execute a run: the state stays read
    assert "quantum_info" not in fixed and fixed.count(".get_statevector()") == rest.count(
        ".get_statevector()") and "backend = Aer.get_backend('statevector_simulator')" in fixed
    assert 'QKM111 \'Aer.get_backend("statevector_simulator")\'' in fixing.stdout


def test_a_backend_read_before_a_binding_in_the_cell_order_gets_no_fix(tmp_path: Path) -> None:
    """A notebook whose cells ran out of order: the first load precedes every binding."""
    path = tmp_path / "nb.ipynb"
    notebook(path, IMPORTS + X_CELL, "print(backend)\n", JOB.format(c="x_gate"))
    before = path.read_text()
    command("check", path.name, "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    assert path.read_text() != before  # the safe moves only: QKM107, and execute (QKM101)
    assert sources(path)[2] == JOB.format(c="x_gate").replace(
        "execute(x_gate, backend)", "backend.run(transpile(x_gate, backend))")


def test_a_drawn_circuit_and_a_unitary_job_in_one_cell(tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    notebook(path, "from qiskit import QuantumCircuit, Aer\nfrom math import pi\n",
             "qc = QuantumCircuit(2)\nqc.cp(pi/4, 0, 1)\ndisplay(qc.draw())\n"
             "usim = Aer.get_backend('unitary_simulator')\n"
             "unitary = usim.run(qc).result().get_unitary()\nprint(unitary)")
    assert report(path) == [("QKM107", 1, 1, True), ("QKM111", 2, 4, True),
                            ("QKM103", 2, 5, True)]
    command("check", path.name, "--fix", UNSAFE, "--no-cache", cwd=tmp_path)
    assert sources(path) == [
        "from qiskit import QuantumCircuit\nfrom math import pi\n"
        "from qiskit.quantum_info import Operator\n",
        "qc = QuantumCircuit(2)\nqc.cp(pi/4, 0, 1)\ndisplay(qc.draw())\n"
        "unitary = Operator(qc)\nprint(unitary)"]


def test_a_replacement_imported_only_after_the_job_gets_no_fix(tmp_path: Path) -> None:
    program = tmp_path / "legacy.py"
    text = LEGACY + ("state = execute(qc, backend).result().get_statevector()\n"
                     "from qiskit.quantum_info import Statevector\n")
    program.write_text(text)
    assert ("QKM111", None, 6, False) in report(program)
