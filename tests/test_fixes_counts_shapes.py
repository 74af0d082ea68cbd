"""The counts paths of legacy code as they are written in notebooks and scripts (issue 22 items 3
and 4): chained simulators, circuits rebound from cell to cell, untranspiled circuits, run
options the Sampler carries, ``execute`` beside IBM backends, and the option findings of a call
whose fix takes the option away. Each legacy program is fixed by the command on a copy and run
with the installed releases: seeded, it prints what the unfixed program printed."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers import command

SAMPLER = "from qiskit.primitives import BackendSamplerV2"


def notebook(*cells: str) -> str:
    return json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [],
                                  "execution_count": None, "source": textwrap.dedent(c)}
                                 for c in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def fix_notebook(tmp_path: Path, *cells: str) -> list[str]:
    """The code cells after ``check --fix --unsafe-fixes``."""
    program = tmp_path / "legacy.ipynb"
    program.write_text(notebook(*cells))
    fixing = command("check", "legacy.ipynb", "--fix", "--unsafe-fixes", "--no-cache",
                     "--exit-zero", cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stderr
    return [c["source"] for c in json.loads(program.read_text())["cells"]]


def run_cells(tmp_path: Path, cells: list[str]) -> str:
    """What the notebook's cells print, run in order as one program."""
    program = tmp_path / "cells.py"
    program.write_text("\n".join(cells))
    ran = subprocess.run([sys.executable, "-W", "ignore", str(program)], cwd=tmp_path,
                         capture_output=True, text=True, check=False, timeout=120)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout


def test_an_import_goes_to_the_cell_of_the_imports(tmp_path: Path) -> None:
    """``AerSimulator`` is imported beside the module's imports (in the first cell; the
    notebook runs as one module): the fix of QKM111 edits both cells."""
    cells = fix_notebook(tmp_path, """\
        from qiskit import QuantumCircuit
        from qiskit_aer import Aer
        """, """\
        # a bit flip
        sim = Aer.get_backend('qasm_simulator')
        """)
    assert cells[0].endswith("from qiskit_aer import AerSimulator\n")
    assert cells[1] == "# a bit flip\nsim = AerSimulator()\n"


def findings(tmp_path: Path, name: str = "legacy.py") -> list[dict[str, object]]:
    checked = command("check", name, "--output-format", "json", "--unsafe-fixes", "--no-cache",
                      "--exit-zero", cwd=tmp_path)
    found: list[dict[str, object]] = json.loads(checked.stdout)
    return found


def fix_program(tmp_path: Path, legacy: str) -> str:
    program = tmp_path / "legacy.py"
    program.write_text(textwrap.dedent(legacy))
    fixing = command("check", "legacy.py", "--fix", "--unsafe-fixes", "--no-cache",
                     "--exit-zero", cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stderr
    return program.read_text()


def test_cells_rebinding_the_circuit_and_the_job(tmp_path: Path) -> None:
    """``qc`` and ``job`` are bound again in each cell; each run reads the binding before it.
    The chained simulator is fixed inside the Sampler call (QKM111's edit and QKM103's do not
    overlap)."""
    legacy = ["""\
        from qiskit import QuantumCircuit
        from qiskit_aer import Aer
        base = QuantumCircuit(2)
        base.h(0)
        base.cx(0, 1)
        """, """\
        qc = base.copy()
        qc.measure_all()
        job = Aer.get_backend('qasm_simulator').run(qc, shots=500, seed_simulator=4)
        print(dict(sorted(job.result().get_counts().items())))
        """, """\
        qc = QuantumCircuit(2, 2)
        qc.x(1)
        qc.measure([0, 1], [0, 1])
        job = Aer.get_backend('qasm_simulator').run(qc)
        print(job.result().get_counts())
        """]
    before = run_cells(tmp_path, [textwrap.dedent(c) for c in legacy])
    cells = fix_notebook(tmp_path, *legacy)
    assert cells[0].startswith("from qiskit import QuantumCircuit\n"
                               "from qiskit_aer import AerSimulator\n"  # Aer's last use went
                               "from qiskit.primitives import BackendSamplerV2\n")
    assert cells[1:] == [
        "qc = base.copy()\n"
        "qc.measure_all()\n"
        'job = BackendSamplerV2(backend=AerSimulator(), options={"seed_simulator": 4})'
        ".run([qc], shots=500)\n"
        "print(dict(sorted(job.result()[0].data.meas.get_counts().items())))\n",
        "qc = QuantumCircuit(2, 2)\n"
        "qc.x(1)\n"
        "qc.measure([0, 1], [0, 1])\n"
        "job = BackendSamplerV2(backend=AerSimulator()).run([qc])\n"
        "print(job.result()[0].data.c.get_counts())\n"]
    assert run_cells(tmp_path, cells) == before
    assert "{'10': 1024}" in before and "'00'" in before
    assert findings(tmp_path, "legacy.ipynb") == []


def test_a_transpiled_name_reads_the_register_of_its_circuit(tmp_path: Path) -> None:
    text = fix_program(tmp_path, """\
        from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, transpile
        from qiskit_aer import AerSimulator
        qasm_sim = AerSimulator()
        qc = QuantumCircuit(QuantumRegister(2), ClassicalRegister(2, "out"))
        tqc = transpile(qc, qasm_sim)
        counts = qasm_sim.run(tqc).result().get_counts()
        """)
    assert ("counts = BackendSamplerV2(backend=qasm_sim).run([tqc]).result()[0].data.out"
            ".get_counts()\n") in text


def test_a_register_without_a_name_is_read_with_join_data(tmp_path: Path) -> None:
    text = fix_program(tmp_path, """\
        from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister
        from qiskit_aer import AerSimulator
        sim = AerSimulator()
        qr = QuantumRegister(2)
        cr = ClassicalRegister(2)
        circuit = QuantumCircuit(qr, cr)
        circuit.measure(qr, cr)
        counts = sim.run(circuit, shots=8192).result().get_counts()
        """)
    assert ("counts = BackendSamplerV2(backend=sim).run([circuit], shots=8192).result()[0]"
            ".join_data().get_counts()\n") in text


def test_options_carry_the_fix_of_their_call_and_are_gone_after_it(tmp_path: Path) -> None:
    """``noise_model=`` reaches ``backend.run`` through the Sampler's run options; each
    option's finding carries the call's fix, and a check of the fixed program finds none."""
    legacy = """\
        from qiskit import QuantumCircuit
        from qiskit_aer import AerSimulator
        from qiskit_aer.noise import NoiseModel, depolarizing_error
        noise_model = NoiseModel()
        noise_model.add_all_qubit_quantum_error(depolarizing_error(0.2, 1), ["x"])
        aer_sim = AerSimulator()
        qc = QuantumCircuit(1, 1)
        qc.x(0)
        qc.measure(0, 0)
        result = aer_sim.run(qc, noise_model=noise_model, shots=4000, memory=True,
                             seed_simulator=6).result()
        print(dict(sorted(result.get_counts().items())), result.get_memory()[:5])
        """
    program = tmp_path / "legacy.py"
    program.write_text(textwrap.dedent(legacy))
    before = run_cells(tmp_path, [textwrap.dedent(legacy)])
    found = findings(tmp_path)
    assert [f["code"] for f in found] == ["QKM103", "QKM417", "QKM401", "QKM402", "QKM417"]
    edits = [f["fix"]["edits"] for f in found]  # type: ignore[index]
    assert all(e == edits[0] for e in edits) and edits[0]
    text = fix_program(tmp_path, legacy)
    assert ('result = BackendSamplerV2(backend=aer_sim, options={"seed_simulator": 6, '
            '"run_options": {"noise_model": noise_model}}).run([qc], shots=4000).result()\n'
            ) in text
    assert "result[0].data.c.get_counts()" in text and "result[0].data.c.get_bitstrings()" in text
    assert findings(tmp_path) == []
    assert run_cells(tmp_path, [text]) == before


def test_options_of_execute_carry_the_sampler_form(tmp_path: Path) -> None:
    """The fix of ``execute`` keeps ``backend.run`` and its ``shots=``: the option's finding
    carries the call straight to the Sampler form instead (tests/test_execute_fix_wider.py)."""
    (tmp_path / "legacy.py").write_text(textwrap.dedent("""\
        from qiskit import QuantumCircuit, execute
        from qiskit_aer import AerSimulator
        backend = AerSimulator()
        qc = QuantumCircuit(1, 1)
        counts = execute(qc, backend, shots=10).result().get_counts()
        """))
    assert [(f["code"], bool(f["fix"])) for f in findings(tmp_path)] == [
        ("QKM101", True), ("QKM101", True), ("QKM401", True)]


LEFT = {
    "register unknown and several registers": """\
        qc = make_circuit()
        qc.add_register(ClassicalRegister(1))
        counts = sim.run(qc, shots=10).result().get_counts()
        """,
    "several registers": """\
        qc = QuantumCircuit(QuantumRegister(2), ClassicalRegister(1), ClassicalRegister(1))
        counts = sim.run(qc, shots=10).result().get_counts()
        """,
    "circuit changed after the run, before the read": """\
        qc = QuantumCircuit(2)
        job = sim.run(qc, shots=10)
        qc.measure_all()
        counts = job.result().get_counts()
        """,
    "transpiled circuit measured again": """\
        qc = QuantumCircuit(2, 2)
        tqc = transpile(qc, sim)
        tqc.measure_all()
        counts = sim.run(tqc, shots=10).result().get_counts()
        """,
    "circuit given to an unknown function": """\
        qc = QuantumCircuit(2, 2)
        add_measurements(qc)
        counts = sim.run(qc, shots=10).result().get_counts()
        """,
    "measure_all in a branch": """\
        qc = QuantumCircuit(2)
        if flag:
            qc.measure_all()
        counts = sim.run(qc, shots=10).result().get_counts()
        """,
    "circuit rebound in a loop": """\
        qc = QuantumCircuit(1, 1)
        for n in range(2):
            counts = sim.run(qc, shots=10).result().get_counts()
            qc = QuantumCircuit(1)
        """,
    "backend maybe an IBM backend got by name": """\
        qc = QuantumCircuit(1, 1)
        if flag:
            backend = QiskitRuntimeService().backend("ibm_kyiv")
        counts = backend.run(qc, shots=10).result().get_counts()
        """,
    "noise model computed in the call": """\
        qc = QuantumCircuit(1, 1)
        counts = sim.run(qc, noise_model=make_noise(), shots=10).result().get_counts()
        """,
    "simulator option on BasicSimulator": """\
        qc = QuantumCircuit(1, 1)
        counts = basic.run(qc, noise_model=noise, shots=10).result().get_counts()
        """,
    "job bound in a loop, read there and after it, bound before": """\
        qc = QuantumCircuit(1, 1)
        job = None
        for n in range(2):
            job = sim.run(qc, shots=10)
            print(job.result().get_counts())
        print(job.result().get_counts())
        """,
    "job rebound and read by a function": """\
        qc = QuantumCircuit(1, 1)
        job = sim.run(qc, shots=10)
        def show():
            print(job.result().get_counts())
        job = None
        """,
}


@pytest.mark.parametrize("body", LEFT.values(), ids=LEFT.keys())
def test_no_fix_where_the_registers_or_the_values_are_not_proven(tmp_path: Path,
                                                                 body: str) -> None:
    (tmp_path / "legacy.py").write_text(
        "from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, transpile\n"
        "from qiskit.providers.basic_provider import BasicSimulator\n"
        "from qiskit_aer import AerSimulator\n"
        "from qiskit_ibm_runtime import QiskitRuntimeService\n"
        "sim = AerSimulator()\n"
        "basic = BasicSimulator()\n"
        "backend = AerSimulator()\n" + textwrap.dedent(body))
    found = [(f["code"], f["fix"]) for f in findings(tmp_path)]
    assert {"QKM102", "QKM103"} & {code for code, _ in found}
    assert all(fix is None for _, fix in found), found


def test_qiskit_facts_the_fix_relies_on() -> None:
    """On the installed releases: ``join_data()`` of one register is that register's counts,
    while several registers change the keys ('01 1' -> '011'); the Sampler passes
    ``run_options`` on to ``backend.run``, so a seeded noisy run samples the same counts."""
    from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister
    from qiskit.primitives import BackendSamplerV2
    from qiskit_aer import AerSimulator
    from qiskit_aer.noise import NoiseModel, depolarizing_error

    sim = AerSimulator()
    one = QuantumCircuit(QuantumRegister(2), ClassicalRegister(2))
    one.h(0)
    one.cx(0, 1)
    one.measure([0, 1], [0, 1])
    legacy = sim.run(one, shots=300, seed_simulator=2).result().get_counts()  # noqa: QKM
    sampler = BackendSamplerV2(backend=sim, options={"seed_simulator": 2})
    assert sampler.run([one], shots=300).result()[0].join_data().get_counts() == legacy
    two = QuantumCircuit(2, 1)
    two.x(0)
    two.measure(0, 0)
    two.measure_all()
    assert sim.run(two, shots=5).result().get_counts() == {"01 1": 5}  # noqa: QKM
    assert sampler.run([two], shots=5).result()[0].join_data().get_counts() == {"011": 5}
    noise = NoiseModel()
    noise.add_all_qubit_quantum_error(depolarizing_error(0.3, 1), ["h"])
    legacy = sim.run(  # noqa: QKM
        one, shots=500, seed_simulator=8, noise_model=noise).result().get_counts()  # noqa: QKM
    noisy = BackendSamplerV2(backend=sim, options={"seed_simulator": 8,
                                                   "run_options": {"noise_model": noise}})
    assert noisy.run([one], shots=500).result()[0].join_data().get_counts() == legacy


def test_execute_imported_in_two_cells_and_a_simulator_made_in_the_call(tmp_path: Path) -> None:
    """Each cell's ``from qiskit import execute`` imports ``transpile`` instead; a backend
    made by a call of constants is written twice (two equal simulators)."""
    legacy = """\
        from qiskit import QuantumCircuit, execute
        from qiskit_aer import Aer
        qc = QuantumCircuit(1, 1)
        qc.x(0)
        qc.measure(0, 0)
        counts = execute(qc, Aer.get_backend('aer_simulator'), shots=50).result().get_counts()
        print(counts)
        from qiskit import execute
        print(execute(qc, Aer.get_backend('aer_simulator')).result().get_counts())
        """
    before = run_cells(tmp_path, [textwrap.dedent(legacy).replace("execute", "qiskit_execute")
                                  .replace("from qiskit import QuantumCircuit, qiskit_execute",
                                           "from qiskit import QuantumCircuit, transpile\n"
                                           "from qiskit_aer import AerSimulator\n"
                                           "def qiskit_execute(c, b, **o):\n"
                                           "    return b.run(transpile(c, b), **o)")
                                  .replace("from qiskit import qiskit_execute\n", "")])
    program = tmp_path / "legacy.py"
    program.write_text(textwrap.dedent(legacy))
    fixing = command("check", "legacy.py", "--fix", "--no-cache", "--exit-zero", cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stderr
    text = program.read_text()
    assert text.splitlines()[0] == "from qiskit import QuantumCircuit, transpile"
    assert ("counts = Aer.get_backend('aer_simulator').run(transpile(qc, Aer.get_backend("
            "'aer_simulator')), shots=50).result().get_counts()") in text
    assert "from qiskit import transpile\n" in text and "execute" not in text
    assert run_cells(tmp_path, [text]) == before == "{'1': 50}\n{'1': 1024}\n"


def test_execute_from_a_star_import_needs_no_import_edit(tmp_path: Path) -> None:
    text = fix_program(tmp_path, """\
        from qiskit import *
        from qiskit_aer import AerSimulator
        sim = AerSimulator()
        qc = QuantumCircuit(1, 1)
        job = execute(qc, sim, seed_transpiler=3)
        """)
    assert text.splitlines()[0] == "from qiskit import *"
    assert "job = sim.run(transpile(qc, sim, seed_transpiler=3))" in text


def test_execute_beside_an_ibm_backend_is_not_fixed(tmp_path: Path) -> None:
    """A call left on an IBM Quantum backend needs ``from qiskit import execute``: no call of
    the module is fixed (the import must change with the last one)."""
    (tmp_path / "legacy.py").write_text(textwrap.dedent("""\
        from qiskit import QuantumCircuit, execute
        from qiskit_aer import AerSimulator
        from qiskit_ibm_runtime import QiskitRuntimeService
        device = QiskitRuntimeService().backend("ibm_kyiv")
        qc = QuantumCircuit(1, 1)
        local = execute(qc, AerSimulator())
        remote = execute(qc, device)
        """))
    assert [(f["code"], f["fix"]) for f in findings(tmp_path) if f["code"] == "QKM101"] == [
        ("QKM101", None)] * 3


def test_a_cell_fixed_in_a_later_round_imports_what_it_uses(tmp_path: Path) -> None:
    """The first cell's run waits a round (its import meets QKM107's at one point) while the
    second cell's fix imports ``BackendSamplerV2`` there: that later import does not serve the
    first cell, which gets its own."""
    cells = fix_notebook(tmp_path, """\
        from qiskit import QuantumCircuit, Aer
        qc = QuantumCircuit(1)
        qc.x(0)
        qc.measure_all()
        job = Aer.get_backend('qasm_simulator').run(qc)
        print(job.result().get_counts())
        """, """\
        qc = QuantumCircuit(1)
        qc.measure_all()
        job = Aer.get_backend('qasm_simulator').run(qc)
        print(job.result().get_counts())
        """)
    assert all("BackendSamplerV2(backend=AerSimulator())" in c for c in cells)
    assert "from qiskit.primitives import BackendSamplerV2\n" in cells[0]
    assert run_cells(tmp_path, cells) == "{'1': 1024}\n{'0': 1024}\n"


def test_import_needed_counts_only_imports_before_the_use() -> None:
    import ast

    from flake8_qiskit_migrate.edits import import_needed

    module = ast.parse("use = 1\nfrom qiskit.primitives import BackendSamplerV2\nlater = 2\n")
    first, _, last = module.body
    origins = ("qiskit.primitives",)
    assert import_needed(module, origins, "BackendSamplerV2", first) is True
    assert import_needed(module, origins, "BackendSamplerV2", last) is False
    other = ast.parse("BackendSamplerV2 = object\nuse = 1\n")
    assert import_needed(other, origins, "BackendSamplerV2", other.body[1]) is None


def test_a_name_bound_to_a_transpiled_list_runs_as_that_list(tmp_path: Path) -> None:
    """``tqcs = transpile([a, b], sim)`` then ``sim.run(tqcs)``: the list of PUBs as it is,
    each circuit read by its index; not where something may change the list after."""
    legacy = """\
        from qiskit import QuantumCircuit, transpile
        from qiskit_aer import AerSimulator
        a = QuantumCircuit(1, 1)
        a.x(0)
        a.measure(0, 0)
        b = QuantumCircuit(1, 1)
        b.measure(0, 0)
        sim = AerSimulator()
        tqcs = transpile([a, b], sim)
        result = sim.run(tqcs, shots=20).result()
        print(result.get_counts(0), result.get_counts(1))
        """
    fixed_text = fix_notebook(tmp_path, legacy)[0]
    assert ("result = BackendSamplerV2(backend=sim).run(tqcs, shots=20).result()\n"
            "print(result[0].data.c.get_counts(), result[1].data.c.get_counts())\n") in fixed_text
    changed = fix_notebook(tmp_path, legacy.replace("        result =", "        tqcs.append(a)\n"
                                                    "        result ="))[0]
    assert "sim.run(tqcs, shots=20)" in changed
