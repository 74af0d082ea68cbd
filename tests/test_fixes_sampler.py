"""The unsafe fix of QKM103 on ``AerSimulator`` (issue 22 item 4): ``backend.run`` and its counts
read become ``BackendSamplerV2`` and ``result[0].data.<register>.get_counts()``. Each legacy
program is fixed by the command on a copy and run with the installed releases: seeded, it prints
the counts the unfixed program prints."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers import command

IMPORT = "from qiskit.primitives import BackendSamplerV2"


def run(program: Path) -> str:
    ran = subprocess.run([sys.executable, "-W", "ignore", str(program)], cwd=program.parent,
                         capture_output=True, text=True, check=False, timeout=120)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout


def fixed(tmp_path: Path, legacy: str, runs: bool = True) -> tuple[str, str, str]:
    """The program after ``check --fix --unsafe-fixes``, what it printed before (if it runs on
    today's releases) and after."""
    program = tmp_path / "legacy.py"
    program.write_text(textwrap.dedent(legacy))
    before = run(program) if runs else ""
    fixing = command("check", "legacy.py", "--fix", "--unsafe-fixes", "--no-cache",
                     "--exit-zero", cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stderr
    return program.read_text(), before, run(program)


def codes(tmp_path: Path) -> list[str]:
    checked = command("check", "legacy.py", "--no-cache", "--exit-zero",
                      "--output-format", "concise", cwd=tmp_path)
    return sorted(line.split()[1] for line in checked.stdout.splitlines() if ": QKM" in line)


def test_measure_all_in_one_chain(tmp_path: Path) -> None:
    text, before, after = fixed(tmp_path, """\
        from qiskit import QuantumCircuit, transpile
        from qiskit_aer import AerSimulator

        qc = QuantumCircuit(3)
        qc.h(0)
        qc.cx(0, 1)
        qc.rx(0.7, 2)
        qc.measure_all()
        backend = AerSimulator()
        counts = backend.run(transpile(qc, backend), shots=1000,
                             seed_simulator=42).result().get_counts()
        print(dict(sorted(counts.items())))
        """)
    assert ('counts = BackendSamplerV2(backend=backend, options={"seed_simulator": 42})'
            '.run([transpile(qc, backend)], shots=1000).result()[0].data.meas.get_counts()'
            ) in text.replace("\n                             ", " ")
    assert IMPORT in text.splitlines()
    assert after == before and "'000'" in after
    assert codes(tmp_path) == []


def test_job_and_result_names_with_a_named_register(tmp_path: Path) -> None:
    text, before, after = fixed(tmp_path, """\
        from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, transpile
        from qiskit_aer import AerSimulator

        q = QuantumRegister(2, "q")
        out = ClassicalRegister(2, "out")
        circuit = QuantumCircuit(q, out)
        circuit.h(q[0])
        circuit.cx(q[0], q[1])
        circuit.measure(q, out)
        sim = AerSimulator()
        isa = transpile(circuit, sim, seed_transpiler=1)
        job = sim.run(isa, shots=500, seed_simulator=5)
        result = job.result()
        print(dict(sorted(result.get_counts(circuit).items())))
        """)
    assert ('job = BackendSamplerV2(backend=sim, options={"seed_simulator": 5})'
            '.run([isa], shots=500)') in text
    assert "result[0].data.out.get_counts().items()" in text
    assert after == before
    assert codes(tmp_path) == []


def test_two_classical_bits_register_c_without_a_seed(tmp_path: Path) -> None:
    text, before, after = fixed(tmp_path, """\
        from qiskit import QuantumCircuit, transpile
        from qiskit_aer import AerSimulator

        qc = QuantumCircuit(1, 1)
        qc.x(0)
        qc.measure(0, 0)
        backend = AerSimulator()
        job = backend.run(transpile(qc, backend))
        print(job.result().get_counts())
        """)
    assert "BackendSamplerV2(backend=backend).run([transpile(qc, backend)])" in text
    assert "job.result()[0].data.c.get_counts()" in text
    assert after == before == "{'1': 1024}\n"  # the same default shots


LEFT = {
    "two registers": """\
        qc = QuantumCircuit(2, 2)
        qc.h(0)
        qc.measure_all()
        counts = backend.run(transpile(qc, backend), shots=10).result().get_counts()
        """,
    "unknown register": """\
        qc = make_circuit()
        counts = backend.run(transpile(qc, backend), shots=10).result().get_counts()
        """,
    "register added": """\
        qc = QuantumCircuit(2, 2)
        qc.add_register(ClassicalRegister(1, "extra"))
        counts = backend.run(transpile(qc, backend), shots=10).result().get_counts()
        """,
    "circuit unknown": """\
        counts = backend.run(make_circuit(), shots=10).result().get_counts()
        """,
    "job used elsewhere": """\
        qc = QuantumCircuit(1, 1)
        job = backend.run(transpile(qc, backend), shots=10)
        print(job.job_id())
        counts = job.result().get_counts()
        """,
    "result used elsewhere": """\
        qc = QuantumCircuit(1, 1)
        result = backend.run(transpile(qc, backend), shots=10).result()
        counts = result.get_counts()
        print(result.time_taken)
        """,
    "memory read without memory=True": """\
        qc = QuantumCircuit(1, 1)
        memory = backend.run(transpile(qc, backend), shots=10).result().get_memory()
        """,
    "option without a home": """\
        qc = QuantumCircuit(1, 1)
        counts = backend.run(transpile(qc, backend), shots=10,
                             parameter_binds=[{}]).result().get_counts()
        """,
    "all the counts of a list": """\
        qc = QuantumCircuit(1, 1)
        counts = backend.run(transpile([qc, qc], backend), shots=10).result().get_counts()
        """,
    "index out of the list": """\
        qc = QuantumCircuit(1, 1)
        counts = backend.run(transpile([qc, qc], backend), shots=10).result().get_counts(2)
        """,
    "several registers in a list": """\
        a = QuantumCircuit(1, 1)
        b = QuantumCircuit(1, 1)
        b.measure_all()
        counts = backend.run(transpile([a, b], backend), shots=10).result().get_counts(1)
        """,
    "try catching old errors": """\
        qc = QuantumCircuit(1, 1)
        try:
            counts = backend.run(transpile(qc, backend), shots=10).result().get_counts()
        except QiskitError:
            counts = {}
        """,
    "job rebound": """\
        qc = QuantumCircuit(1, 1)
        job = backend.run(transpile(qc, backend), shots=10)
        job = None
        """,
}


@pytest.mark.parametrize("body", LEFT.values(), ids=LEFT.keys())
def test_no_fix_where_the_module_does_not_prove_the_shape(tmp_path: Path, body: str) -> None:
    program = tmp_path / "legacy.py"
    program.write_text("from qiskit import ClassicalRegister, QuantumCircuit, transpile\n"
                       "from qiskit.exceptions import QiskitError\n"
                       "from qiskit_aer import AerSimulator\n"
                       "backend = AerSimulator()\n" + textwrap.dedent(body))
    before = program.read_text()
    fixing = command("check", "legacy.py", "--fix", "--unsafe-fixes", "--no-cache",
                     "--exit-zero", cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stderr
    assert program.read_text() == before
    assert "QKM103" in codes(tmp_path)


def test_a_list_of_circuits_read_by_position_and_by_name(tmp_path: Path) -> None:
    text, before, after = fixed(tmp_path, """\
        from qiskit import QuantumCircuit, transpile
        from qiskit_aer import AerSimulator

        bell = QuantumCircuit(2, 2)
        bell.h(0)
        bell.cx(0, 1)
        bell.measure([0, 1], [0, 1])
        flip = QuantumCircuit(2, 2)
        flip.x(1)
        flip.measure([0, 1], [0, 1])
        backend = AerSimulator()
        job = backend.run(transpile([bell, flip], backend), shots=1000, seed_simulator=8)
        result = job.result()
        print(dict(sorted(result.get_counts(0).items())))
        print(dict(sorted(result.get_counts(flip).items())))
        """)
    assert ('job = BackendSamplerV2(backend=backend, options={"seed_simulator": 8})'
            '.run(transpile([bell, flip], backend), shots=1000)') in text
    assert "result[0].data.c.get_counts()" in text and "result[1].data.c.get_counts()" in text
    assert after == before and "{'10': 1000}" in after
    assert codes(tmp_path) == []


def test_memory_becomes_the_bitstrings_of_the_register(tmp_path: Path) -> None:
    text, before, after = fixed(tmp_path, """\
        from qiskit import QuantumCircuit, transpile
        from qiskit_aer import AerSimulator

        qc = QuantumCircuit(2)
        qc.h(0)
        qc.cx(0, 1)
        qc.measure_all()
        backend = AerSimulator()
        result = backend.run(transpile(qc, backend), shots=20, memory=True,
                             seed_simulator=3).result()
        print(result.get_memory())
        print(dict(sorted(result.get_counts().items())))
        """)
    assert ('result = BackendSamplerV2(backend=backend, options={"seed_simulator": 3})'
            '.run([transpile(qc, backend)], shots=20).result()') in text
    assert "result[0].data.meas.get_bitstrings()" in text
    assert after == before and "'11'" in after
    assert codes(tmp_path) == []


SIMULATORS = {
    "BasicSimulator": ("from qiskit.providers.basic_provider import BasicSimulator",
                       "BasicSimulator()"),
    "GenericBackendV2": ("from qiskit.providers.fake_provider import GenericBackendV2",
                         "GenericBackendV2(3, seed=1)"),
    "FakeBelemV2": ("from qiskit_ibm_runtime.fake_provider import FakeBelemV2", "FakeBelemV2()"),
}


@pytest.mark.parametrize("imported,built", SIMULATORS.values(), ids=SIMULATORS.keys())
def test_other_local_simulators_sample_the_same_counts(tmp_path: Path, imported: str,
                                                       built: str) -> None:
    text, before, after = fixed(tmp_path, f"""\
        from qiskit import QuantumCircuit, transpile
        {imported}
        backend = {built}
        qc = QuantumCircuit(3)
        qc.h(0)
        qc.cx(0, 1)
        qc.rx(0.7, 2)
        qc.measure_all()
        result = backend.run(transpile(qc, backend, seed_transpiler=1), shots=1000,
                             seed_simulator=42).result()
        print(dict(sorted(result.get_counts().items())))
        """)
    assert "BackendSamplerV2(backend=backend" in text and "result[0].data.meas" in text
    assert after == before and "'011'" in after
    assert codes(tmp_path) == []


def test_ibm_backends_get_the_runtime_sampler_and_unknown_ones_no_fix(tmp_path: Path) -> None:
    program = tmp_path / "legacy.py"
    program.write_text(textwrap.dedent("""\
        from qiskit import QuantumCircuit, transpile
        from qiskit_ibm_runtime import QiskitRuntimeService
        from some_provider import make_backend
        ibm = QiskitRuntimeService().backend("ibm_x")
        other = make_backend()
        qc = QuantumCircuit(1, 1)
        counts = ibm.run(transpile(qc, ibm), shots=10).result().get_counts()
        counts = other.run(transpile(qc, other), shots=10).result().get_counts()
        """))
    before = program.read_text()
    command("check", "legacy.py", "--fix", "--unsafe-fixes", "--no-cache", cwd=tmp_path)
    assert program.read_text() == before.replace(
        "make_backend\n", "make_backend\n"
        "from qiskit_ibm_runtime.executor_sampler import Sampler\n", 1).replace(
        "ibm.run(transpile(qc, ibm), shots=10).result().get_counts()",
        "Sampler(mode=ibm).run([transpile(qc, ibm)], shots=10).result()[0].data.c.get_counts()")
    assert "BackendSamplerV2" not in program.read_text()  # QKM103's fix is for local backends


def test_the_fix_is_unsafe(tmp_path: Path) -> None:
    program = tmp_path / "legacy.py"
    program.write_text(textwrap.dedent("""\
        from qiskit import QuantumCircuit, transpile
        from qiskit_aer import AerSimulator
        backend = AerSimulator()
        qc = QuantumCircuit(1, 1)
        counts = backend.run(transpile(qc, backend), shots=10).result().get_counts()
        """))
    before = program.read_text()
    checked = command("check", "legacy.py", "--fix", "--no-cache", cwd=tmp_path, quiet=False)
    assert program.read_text() == before
    # the run and its shots= (QKM401, which goes with the run's fix)
    assert "2 unsafe fixes available with `--fix --unsafe-fixes`." in checked.stdout


def test_execute_becomes_a_sampler_in_one_command(tmp_path: Path) -> None:
    """The execute fix writes ``backend.run``; the re-check offers the Sampler fix next."""
    text, before, after = fixed(tmp_path, """\
        from qiskit import QuantumCircuit, execute
        from qiskit_aer import AerSimulator

        qc = QuantumCircuit(2, 2)
        qc.h(0)
        qc.cx(0, 1)
        qc.measure([0, 1], [0, 1])
        backend = AerSimulator()
        counts = execute(qc, backend, shots=300, seed_simulator=2).result().get_counts()
        print(dict(sorted(counts.items())))
        """, runs=False)
    assert "execute" not in text and "backend.run" not in text
    reference = tmp_path / "reference.py"  # what ``execute`` ran
    reference.write_text(text.replace(IMPORT + "\n", "").replace(
        'BackendSamplerV2(backend=backend, options={"seed_simulator": 2}).run([transpile(qc, '
        'backend)], shots=300).result()[0].data.c', 'backend.run(transpile(qc, backend), '
        'shots=300, seed_simulator=2).result()'))
    assert "BackendSamplerV2" not in reference.read_text()
    assert after == run(reference) and "'00'" in after
    assert codes(tmp_path) == []


def notebook(*cells: str) -> str:
    return json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [],
                                  "execution_count": None, "source": textwrap.dedent(c)}
                                 for c in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_notebook_fix_adds_the_import_to_the_cell_of_the_imports(tmp_path: Path) -> None:
    """The notebook runs as one module: the import goes to the first cell, the call stays."""
    program = tmp_path / "legacy.ipynb"
    program.write_text(notebook("""\
        from qiskit import QuantumCircuit, transpile
        from qiskit_aer import AerSimulator
        """, """\
        backend = AerSimulator()
        qc = QuantumCircuit(1, 1)
        counts = backend.run(transpile(qc, backend), shots=10).result().get_counts()
        """))
    fixing = command("check", "legacy.ipynb", "--fix", "--unsafe-fixes", "--no-cache",
                     cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stdout
    assert [c["source"] for c in json.loads(program.read_text())["cells"]] == [
        "from qiskit import QuantumCircuit, transpile\nfrom qiskit_aer import AerSimulator\n"
        "from qiskit.primitives import BackendSamplerV2\n",
        "backend = AerSimulator()\nqc = QuantumCircuit(1, 1)\ncounts = BackendSamplerV2("
        "backend=backend).run([transpile(qc, backend)], shots=10).result()[0].data.c"
        ".get_counts()\n"]
