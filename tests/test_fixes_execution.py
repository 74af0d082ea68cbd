"""Fixes that make legacy execution code run on today's releases (issue 22, items 1-4): each
legacy program is fixed by the command (``check --fix --unsafe-fixes`` on a copy) and the fixed
program is run with the installed qiskit, qiskit-aer and qiskit-ibm-runtime, offline."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from flake8_qiskit_migrate.edits import Edit, apply
from flake8_qiskit_migrate.rules.moved_imports import AER_NAMES
from helpers import command


def fixed_and_run(tmp_path: Path, legacy: str, *flags: str) -> tuple[str, str]:
    """The program as ``check --fix`` left it, and what running it printed."""
    program = tmp_path / "legacy.py"
    program.write_text(textwrap.dedent(legacy))
    command("check", "legacy.py", "--fix", "--no-cache", *flags, cwd=tmp_path)
    ran = subprocess.run([sys.executable, "-W", "ignore", str(program)], cwd=tmp_path,
                         capture_output=True, text=True, check=False, timeout=120)
    assert ran.returncode == 0, ran.stderr
    return program.read_text(), ran.stdout


def test_the_qiskit_aer_table_is_the_installed_package() -> None:
    for module, names in AER_NAMES.items():
        imported = importlib.import_module(module)
        public = {n for n in dir(imported) if not n.startswith("_") and getattr(
            getattr(imported, n), "__module__", "").startswith("qiskit_aer")}
        package = hasattr(imported, "__path__")  # a plain module has no submodules to find
        submodules = {n for n in names if isinstance(getattr(imported, n, None), types.ModuleType)
                      or package and importlib.util.find_spec(f"{module}.{n}") is not None}
        assert public <= names and names == public | submodules, module


def test_moved_imports_run_with_the_current_releases(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        import qiskit
        from qiskit import QuantumCircuit, Aer, transpile
        from qiskit.providers.aer import AerSimulator
        from qiskit.providers.aer.noise import NoiseModel, depolarizing_error
        import qiskit.providers.aer.noise as aernoise
        from qiskit.providers.fake_provider import FakeManila, GenericBackendV2
        from qiskit.test.mock import FakeVigo

        noise = NoiseModel()
        noise.add_all_qubit_quantum_error(depolarizing_error(0.5, 1), ["x"])
        circuit = QuantumCircuit(1, 1)
        circuit.x(0)
        circuit.measure(0, 0)
        simulator = AerSimulator(noise_model=noise, seed_simulator=7)
        counts = simulator.run(transpile(circuit, simulator), shots=100).result().get_counts()
        print(sorted(counts), qiskit.Aer.get_backend("aer_simulator").name, Aer is not None)
        print(FakeManila().num_qubits, FakeVigo().num_qubits, aernoise.NoiseModel is NoiseModel)
        print(GenericBackendV2(2).num_qubits)
        """, "--unsafe-fixes")
    assert fixed.splitlines()[:9] == [
        "import qiskit",
        "from qiskit import QuantumCircuit, transpile",
        "from qiskit_aer import Aer",
        "from qiskit_aer import AerSimulator",
        "from qiskit_aer.noise import NoiseModel, depolarizing_error",
        "import qiskit_aer.noise as aernoise",
        "from qiskit.providers.fake_provider import GenericBackendV2",
        "from qiskit_ibm_runtime.fake_provider import FakeManilaV2 as FakeManila",
        "from qiskit_ibm_runtime.fake_provider import FakeVigoV2 as FakeVigo",
    ]
    assert "import qiskit_aer\n" in fixed and "qiskit_aer.Aer.get_backend(" in fixed
    assert printed == "['0', '1'] aer_simulator True\n5 5 True\n2\n"


def test_the_fake_device_move_is_unsafe(tmp_path: Path) -> None:
    legacy = "from qiskit.providers.fake_provider import FakeManila\n"
    (tmp_path / "legacy.py").write_text(legacy)
    result = command("check", "legacy.py", "--fix", "--no-cache", "--output-format", "concise",
                     cwd=tmp_path)
    assert (tmp_path / "legacy.py").read_text() == legacy
    assert "QKM211 'qiskit.providers.fake_provider.FakeManila'" in result.stdout


@pytest.mark.parametrize("legacy", [
    "from qiskit.providers.aer import PulseSimulator\n",  # removed from qiskit-aer
    "import qiskit.providers.aer\nqiskit.providers.aer.AerSimulator()\n",  # binds qiskit
    "from qiskit.test.mock import FakeVigo\nprint(FakeVigo().name())\n",  # V1 interface
    "from qiskit.providers.fake_provider import Fake5QV1\n",  # no V2 class of that name
])
def test_no_move_where_its_target_is_not_proven(tmp_path: Path, legacy: str) -> None:
    (tmp_path / "legacy.py").write_text(legacy)
    command("check", "legacy.py", "--fix", "--unsafe-fixes", "--no-cache", cwd=tmp_path)
    assert (tmp_path / "legacy.py").read_text() == legacy


LEGACY_EXECUTE = """\
    from qiskit import QuantumCircuit, Aer, execute
    from qiskit.providers.aer import AerSimulator
    from qiskit.providers.fake_provider import GenericBackendV2

    qc = QuantumCircuit(2, 2)
    qc.h(0)
    qc.cx(0, 1)
    qc.measure([0, 1], [0, 1])
    backend = Aer.get_backend("qasm_simulator")
    job = execute(qc, backend, shots=500, seed_simulator=11, seed_transpiler=3,
                  optimization_level=None)
    print(job.result().get_counts())
    sim = AerSimulator()
    print(execute([qc, qc], backend=sim, shots=100, seed_simulator=5).result().get_counts(1))
    sv_backend = Aer.get_backend("statevector_simulator")
    qc2 = QuantumCircuit(1)
    qc2.h(0)
    print(execute(experiments=qc2, backend=sv_backend).result().get_statevector().data)
    generic = GenericBackendV2(2, seed=1)
    print(execute(qc, generic, optimization_level=1,  # kept
                  seed_transpiler=7, shots=50, seed_simulator=3).result().get_counts())
    """


def test_execute_becomes_transpile_and_run_with_the_same_counts(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, LEGACY_EXECUTE)
    lines = fixed.splitlines()
    assert lines[0] == "from qiskit import QuantumCircuit, transpile"
    assert [line for line in lines if ".run(" in line] == [
        "job = backend.run(transpile(qc, backend, seed_transpiler=3), shots=500, "
        "seed_simulator=11)",
        "print(sim.run(transpile([qc, qc], sim), shots=100, seed_simulator=5).result()"
        ".get_counts(1))",
        "print(sv_backend.run(transpile(qc2, sv_backend)).result().get_statevector().data)",
        "print(generic.run(transpile(qc, generic, optimization_level=1, seed_transpiler=7), "
        "shots=50, seed_simulator=3).result().get_counts())",
    ]
    # What the legacy program printed with qiskit 0.46.3 + qiskit-aer 0.13.3: the same seeded
    # counts and state.
    assert printed.splitlines() == ["{'00': 247, '11': 253}", "{'11': 41, '00': 59}",
                                    "[0.70710678+0.j 0.70710678+0.j]", "{'00': 23, '11': 27}"]


@pytest.mark.parametrize("legacy", [
    # an IBM Quantum backend: backend.run is gone there
    "from qiskit import execute\nfrom qiskit_ibm_runtime import QiskitRuntimeService\n"
    "backend = QiskitRuntimeService().backend('ibm_x')\nexecute(qc, backend)\n",
    # an unproven backend; options without a home; the backend written twice would run twice
    "from qiskit import execute\nexecute(qc, backend)\n",
    "from qiskit import execute\nfrom qiskit_aer import AerSimulator\nsim = AerSimulator()\n"
    "execute(qc, sim, pass_manager=pm)\n",
    "from qiskit import execute\nfrom qiskit_aer import AerSimulator\n"
    "execute(qc, AerSimulator(noise_model=nm))\n",  # evaluated twice: maybe not the same
    # None breaks BasicSimulator.run, which execute never gave it
    "from qiskit import execute\nfrom qiskit.providers.basic_provider import BasicSimulator\n"
    "sim = BasicSimulator()\nexecute(qc, sim, shots=n)\n",
    # one call cannot be fixed: the others and the import stay with it
    "from qiskit import execute\nfrom qiskit_aer import AerSimulator\nsim = AerSimulator()\n"
    "execute(qc, sim)\nexecute(qc, backend)\n",
    # execute used as a value
    "from qiskit import execute\nfrom qiskit_aer import AerSimulator\nsim = AerSimulator()\n"
    "execute(qc, sim)\nrunner = execute\n",
])
def test_no_execute_fix_where_it_is_not_proven(tmp_path: Path, legacy: str) -> None:
    (tmp_path / "legacy.py").write_text(legacy)
    command("check", "legacy.py", "--fix", "--unsafe-fixes", "--no-cache", "--select", "QKM101",
            cwd=tmp_path)
    assert (tmp_path / "legacy.py").read_text() == legacy


def test_execute_with_transpile_imported_drops_the_import(tmp_path: Path) -> None:
    legacy = ("from qiskit import transpile\nfrom qiskit import execute\n"
              "import qiskit\nfrom qiskit_aer import AerSimulator\nsim = AerSimulator()\n"
              "execute(qc, sim, shots=None)\nqiskit.execute(qc, sim)\n")
    (tmp_path / "legacy.py").write_text(legacy)
    command("check", "legacy.py", "--fix", "--no-cache", "--select", "QKM101", cwd=tmp_path)
    assert (tmp_path / "legacy.py").read_text() == (
        "from qiskit import transpile\nimport qiskit\nfrom qiskit_aer import AerSimulator\n"
        "sim = AerSimulator()\nsim.run(transpile(qc, sim))\n"
        "sim.run(qiskit.transpile(qc, sim))\n")


def test_the_qasm_simulator_becomes_aer_simulator_with_the_same_counts(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import QuantumCircuit, Aer, execute

        qc = QuantumCircuit(3)
        qc.h(0)
        qc.cx(0, 1)
        qc.ry(0.3, 2)
        qc.measure_all()
        backend = Aer.get_backend("qasm_simulator")
        print(execute(qc, backend, shots=300, seed_simulator=4, seed_transpiler=1).result()
              .get_counts())
        """, "--unsafe-fixes")
    assert fixed.splitlines()[:3] == ["from qiskit import QuantumCircuit, transpile",
                                      "from qiskit_aer import AerSimulator",  # Aer's last use went
                                      "from qiskit.primitives import BackendSamplerV2"]
    assert "backend = AerSimulator()\n" in fixed
    assert "BackendSamplerV2(backend=backend" in fixed  # the run becomes a Sampler (QKM103)
    # as qiskit 0.46.3 + qiskit-aer 0.13.3 printed it
    assert ast.literal_eval(printed) == {'100': 3, '111': 5, '011': 141, '000': 151}


def test_the_simulator_swap_is_unsafe_and_only_for_the_qasm_simulator(tmp_path: Path) -> None:
    legacy = ('from qiskit_aer import Aer\nb = Aer.get_backend("qasm_simulator")\n'
              'Aer.get_backend("statevector_simulator")\n'
              'AerSimulator = None\nAer.get_backend("qasm_simulator")\n')
    (tmp_path / "legacy.py").write_text(legacy)
    command("check", "legacy.py", "--fix", "--no-cache", cwd=tmp_path)
    assert (tmp_path / "legacy.py").read_text() == legacy
    command("check", "legacy.py", "--fix", "--unsafe-fixes", "--no-cache", cwd=tmp_path)
    assert (tmp_path / "legacy.py").read_text() == legacy  # AerSimulator names another thing
    (tmp_path / "legacy.py").write_text(legacy.replace("AerSimulator = None\n", ""))
    command("check", "legacy.py", "--fix", "--unsafe-fixes", "--no-cache", cwd=tmp_path)
    assert (tmp_path / "legacy.py").read_text() == (
        "from qiskit_aer import Aer\nfrom qiskit_aer import AerSimulator\nb = AerSimulator()\n"
        'Aer.get_backend("statevector_simulator")\nAerSimulator()\n')


def notebook(*cells: str) -> str:
    return json.dumps({"cells": [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
         "source": source.splitlines(keepends=True)} for source in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_execute_in_another_cell_than_its_import_is_fixed_in_both(tmp_path: Path) -> None:
    # The calls and the import change together: the notebook runs as one module, so the
    # migration edits both cells, as one fix.
    path = tmp_path / "nb.ipynb"
    path.write_text(notebook("from qiskit import execute\nfrom qiskit_aer import AerSimulator\n",
                             "sim = AerSimulator()\nexecute(qc, sim)\n"))
    report = json.loads(command("check", "--output-format", "json", "nb.ipynb", "--no-cache",
                                cwd=tmp_path).stdout)
    fixes = [(d["code"], d["cell"], d["fix"]) for d in report if d["code"] == "QKM101"]
    assert [(code, cell) for code, cell, _ in fixes] == [("QKM101", 1), ("QKM101", 2)]
    assert fixes[0][2] == fixes[1][2] and fixes[0][2]["applicability"] == "safe"
    command("check", "--fix", "nb.ipynb", "--no-cache", cwd=tmp_path)
    assert [c["source"] for c in json.loads(path.read_text())["cells"]] == [
        ["from qiskit import transpile\n", "from qiskit_aer import AerSimulator\n"],
        ["sim = AerSimulator()\n", "sim.run(transpile(qc, sim))\n"]]
    path.write_text(notebook("from qiskit import execute\nfrom qiskit_aer import AerSimulator\n"
                             "sim = AerSimulator()\nexecute(qc, sim)\n"))
    command("check", "--fix", "nb.ipynb", "--no-cache", cwd=tmp_path)
    assert json.loads(path.read_text())["cells"][0]["source"] == [
        "from qiskit import transpile\n", "from qiskit_aer import AerSimulator\n",
        "sim = AerSimulator()\n", "sim.run(transpile(qc, sim))\n"]


def test_no_fix_inside_a_try_that_catches_an_old_exception(tmp_path: Path) -> None:
    legacy = ("from qiskit import execute\nfrom qiskit.providers.aer import AerSimulator\n"
              "from qiskit.providers.ibmq import IBMQAccountError\nsim = AerSimulator()\n"
              "try:\n    execute(qc, sim)\nexcept IBMQAccountError:\n    pass\n")
    (tmp_path / "legacy.py").write_text(legacy)
    command("check", "legacy.py", "--fix", "--no-cache", "--select", "QKM101", cwd=tmp_path)
    assert (tmp_path / "legacy.py").read_text() == legacy


def test_basic_aer_becomes_basic_simulator_and_runs(tmp_path: Path) -> None:
    fixed, printed = fixed_and_run(tmp_path, """\
        from qiskit import QuantumCircuit, BasicAer, execute
        qc = QuantumCircuit(3)
        qc.h(0)
        qc.cx(0, 1)
        qc.ry(0.3, 2)
        qc.measure_all()
        backend = BasicAer.get_backend("qasm_simulator")
        print(execute(qc, backend, shots=300, seed_simulator=4, seed_transpiler=1).result()
              .get_counts())
        """, "--unsafe-fixes")
    assert fixed.splitlines()[:2] == [
        "from qiskit import QuantumCircuit, transpile",
        "from qiskit.providers.basic_provider import BasicSimulator"]
    assert "backend = BasicSimulator()\n" in fixed
    # qiskit 0.46.3 printed {'011': 152, '000': 143, '100': 4, '111': 1}: another simulator
    # (the fix is unsafe), the same distribution
    assert printed == "{'011': 171, '000': 124, '100': 2, '111': 3}\n"


def test_transpiler_options_of_execute_go_with_its_fix(tmp_path: Path) -> None:
    legacy = ("from qiskit import execute\nfrom qiskit_aer import AerSimulator\n"
              "sim = AerSimulator()\nexecute(qc, sim, seed_transpiler=1, shots=5)\n"
              "sim.run(qc, seed_transpiler=1)\n")
    (tmp_path / "legacy.py").write_text(legacy)
    report = json.loads(command("check", "--output-format", "json", "legacy.py", "--no-cache",
                                cwd=tmp_path).stdout)
    fixes = [(d["code"], d["location"]["row"], d["fix"] is not None) for d in report]
    assert fixes == [("QKM101", 1, True), ("QKM101", 4, True), ("QKM416", 4, True),
                     ("QKM401", 4, False), ("QKM103", 5, False), ("QKM416", 5, False)]
    assert len({json.dumps(d["fix"]["edits"]) for d in report if d["fix"]}) == 1  # one migration


def test_a_fix_shared_by_findings_is_applied_once_and_counts_for_each() -> None:
    shared = (Edit(1, 1, 1, 2, "b"), Edit(2, 1, 2, 2, "d"))
    other = (Edit(1, 1, 1, 2, "x"),)  # overlaps the shared fix: waits for a re-check
    assert apply("a\nc\n", [shared, other, shared]) == ("b\nd\n", [0, 2])


NOQA_ONE_CALL = """\
from qiskit import QuantumCircuit, execute
from qiskit_aer import AerSimulator
qc = QuantumCircuit(1, 1)
qc.measure(0, 0)
backend = AerSimulator()
a = execute(qc, backend, shots=10)
b = execute(qc, backend)  # noqa: QKM101
"""


def test_a_noqa_on_one_execute_keeps_the_whole_module_migration_away(tmp_path: Path) -> None:
    """The execute fix rewrites every call and the import together; a call the user silenced
    is not rewritten by its siblings' fix, so none is (no half migration either)."""
    (tmp_path / "a.py").write_text(NOQA_ONE_CALL)
    result = command("check", "--fix", "--output-format", "concise", "a.py", cwd=tmp_path)
    assert (tmp_path / "a.py").read_text() == NOQA_ONE_CALL
    assert [line.split(" ")[1] for line in result.stdout.splitlines()[:3]] == [
        "QKM101", "QKM101", "QKM401"]
    (tmp_path / "b.py").write_text(NOQA_ONE_CALL.replace("  # noqa: QKM101", ""))
    command("check", "--fix", "b.py", cwd=tmp_path)
    assert "execute" not in (tmp_path / "b.py").read_text()
