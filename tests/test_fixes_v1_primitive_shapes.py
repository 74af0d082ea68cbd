"""Issue 22 item 7: the V1 reference primitives of a module migrate as one fix (QKM301 class,
QKM307 call shape, QKM308 result read), on the shapes programs use: instances, jobs and results
kept in names and read later, several runs, keyword arguments, parameter values, seeds; and
never half of it (the import rename alone is not offered)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_qiskit_migrate.edits import apply
from flake8_qiskit_migrate.engine import check
from helpers import command

GROUP = ("QKM301", "QKM302", "QKM304", "QKM307", "QKM308")


def fixes(source: str) -> dict[tuple[str, int], bool]:
    """(code, line) -> whether a fix is offered, for the group's findings."""
    return {(f.code, f.line): bool(f.edits) for f in check(ast.parse(source), source)
            if f.code in GROUP}


def fixed(source: str) -> str:
    found = [f for f in check(ast.parse(source), source) if f.code in GROUP]
    assert found and all(f.edits for f in found), found
    # One fix for the whole module: every finding carries the same edits.
    assert len({f.edits for f in found}) == 1
    text, _ = apply(source, [f.edits for f in found])
    return text


KEPT_IN_NAMES = """\
import numpy as np
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.primitives import Estimator, Sampler
from qiskit.quantum_info import SparsePauliOp

theta = Parameter("theta")
ansatz = QuantumCircuit(1)
ansatz.ry(theta, 0)
bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
hamiltonian = SparsePauliOp.from_list([("Z", 1.0), ("X", 0.5)])
zz = SparsePauliOp("ZZ")

estimator = Estimator()
job = estimator.run([ansatz, ansatz], [hamiltonian, hamiltonian], [[0.1], [1.2]])
result = job.result()
print("evs", [round(float(v), 6) for v in result.values])
job = estimator.run(bell, zz)
print("bell", round(float(job.result().values[0]), 6))
first = estimator.run(circuits=[ansatz], observables=[hamiltonian],
                      parameter_values=[[0.3]]).result().values[0]
print("first", round(float(first), 6))

measured = QuantumCircuit(2)
measured.h(0)
measured.cx(0, 1)
measured.measure_all()
sampler = Sampler()
result = sampler.run(measured, shots=4000, seed=7).result()
quasi = result.quasi_dists[0]
print("keys", sorted(quasi.keys()))
probabilities = sampler.run([measured], shots=4000, seed=7).result().quasi_dists[0] \\
    .binary_probabilities()
print("bits", sorted(probabilities))
"""
KEPT_IN_NAMES_FIXED = """\
import numpy as np
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.primitives import StatevectorEstimator as Estimator, StatevectorSampler as Sampler
from qiskit.quantum_info import SparsePauliOp

theta = Parameter("theta")
ansatz = QuantumCircuit(1)
ansatz.ry(theta, 0)
bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
hamiltonian = SparsePauliOp.from_list([("Z", 1.0), ("X", 0.5)])
zz = SparsePauliOp("ZZ")

estimator = Estimator()
job = estimator.run([(ansatz, hamiltonian, [0.1]), (ansatz, hamiltonian, [1.2])])
result = job.result()
print("evs", [round(float(v), 6) for v in np.array([pub.data.evs for pub in result])])
job = estimator.run([(bell, zz)])
print("bell", round(float(job.result()[0].data.evs), 6))
first = estimator.run([(ansatz, hamiltonian, [0.3])]).result()[0].data.evs
print("first", round(float(first), 6))

measured = QuantumCircuit(2)
measured.h(0)
measured.cx(0, 1)
measured.measure_all()
sampler = Sampler(seed=7)
result = sampler.run([measured], shots=4000).result()
quasi = {k: n / bits.num_shots for bits in [result[0].join_data()] for k, n in \
bits.get_int_counts().items()}
print("keys", sorted(quasi.keys()))
probabilities = {b: n / bits.num_shots for bits in [sampler.run([measured], shots=4000)\
.result()[0].join_data()] for b, n in bits.get_counts().items()}
print("bits", sorted(probabilities))
"""


def test_instances_jobs_and_results_kept_in_names_migrate_together() -> None:
    assert fixed(KEPT_IN_NAMES) == KEPT_IN_NAMES_FIXED


def test_the_migrated_program_prints_what_the_v1_program_did(tmp_path: Path) -> None:
    """The legacy values (qiskit 0.46.3's exact Estimator, the Bell keys of the Sampler)."""
    program = tmp_path / "fixed.py"
    program.write_text(KEPT_IN_NAMES_FIXED)
    run = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                         check=True, cwd=tmp_path)
    assert run.stdout.splitlines() == [
        "evs [1.044921, 0.828377]", "bell 1.0", "first 1.103097", "keys [0, 3]",
        "bits ['00', '11']"]


def test_the_command_fixes_the_module_in_one_pass(tmp_path: Path) -> None:
    (tmp_path / "legacy.py").write_text(KEPT_IN_NAMES)
    run = command("check", "--fix", "--unsafe-fixes", "legacy.py", cwd=tmp_path)
    assert run.returncode == 0, run.stdout
    assert (tmp_path / "legacy.py").read_text() == KEPT_IN_NAMES_FIXED


def test_without_numpy_imported_the_values_list_gets_its_import() -> None:
    source = ("from qiskit import QuantumCircuit\nfrom qiskit.primitives import Estimator\n"
              "from qiskit.quantum_info import SparsePauliOp\n"
              "qc = QuantumCircuit(1)\nvalues = Estimator().run([qc], [SparsePauliOp('Z')])"
              ".result().values\n")
    assert fixed(source) == (
        "from qiskit import QuantumCircuit\n"
        "from qiskit.primitives import StatevectorEstimator as Estimator\n"
        "from qiskit.quantum_info import SparsePauliOp\nimport numpy\n"
        "qc = QuantumCircuit(1)\nvalues = numpy.array([pub.data.evs for pub in "
        "Estimator().run([(qc, SparsePauliOp('Z'))]).result()])\n")


def test_a_rebound_name_is_followed_to_its_next_binding() -> None:
    source = ("from qiskit import QuantumCircuit\nfrom qiskit.primitives import Sampler\n"
              "qc = QuantumCircuit(1)\nqc.measure_all()\nsampler = Sampler()\n"
              "result = sampler.run(qc).result()\nfirst = result.quasi_dists[0]\n"
              "result = 'done'\nprint(result.upper(), first[0])\n")
    assert fixed(source).splitlines()[5:] == [
        "result = sampler.run([qc]).result()",
        "first = {k: n / bits.num_shots for bits in [result[0].join_data()] for k, n in "
        "bits.get_int_counts().items()}",
        "result = 'done'", "print(result.upper(), first[0])"]


HEAD = ("from qiskit import QuantumCircuit\nfrom qiskit.primitives import Estimator, Sampler\n"
        "from qiskit.quantum_info import SparsePauliOp\n"
        "qc = QuantumCircuit(1)\nop = SparsePauliOp('Z')\n"
        "print(Estimator().run([qc], [op]).result().values[0])\n")


@pytest.mark.parametrize("rest", [
    # The algorithm decides the interface: a V1 algorithm takes a V1 primitive.
    "from qiskit_algorithms import VQE\nvqe = VQE(estimator=Estimator(), ansatz=qc, "
    "optimizer=None)\n",
    "from qiskit_algorithms import Grover\ngrover = Grover(sampler=Sampler())\n",
    "sampler = Sampler()\nsampler.set_options(shots=100)\n",  # V1 options later
    "result = Estimator().run([qc], [op]).result()\nshow(result)\n",  # a result passed on
    "job = Estimator().run([qc], [op])\nprint(job.result().metadata[0])\n",  # no V2 metadata
    "d = Sampler().run([qc]).result().quasi_dists[0]\n"
    "print(d.nearest_probability_distribution())\n",  # a QuasiDistribution method
    "def read(j):\n    return j\njob = Estimator().run([qc], [op])\nread(job)\n",
    "job = Estimator().run([qc], [op])\nif qc:\n    job = None\nprint(job.result().values)\n",
    "job = Estimator().run([qc], [op])\ndef later():\n    return job.result().values\n",
    "print(Sampler().run([qc], seed=1).result().quasi_dists[0])\n"
    "print(Sampler().run([qc], shots=9).result().quasi_dists[0])\n"
    "sampler = Sampler()\nsampler.run([qc], seed=1)\nsampler.run([qc], seed=2)\n",
    "print(Estimator().run([qc], [op], shots=100).result().values)\n",  # a V1 run option
    "Cls = Sampler\n",  # the class itself
])
def test_one_step_left_v1_leaves_the_whole_module_unfixed(rest: str) -> None:
    found = fixes(HEAD + rest)
    assert found and not any(found.values()), found


def test_the_import_rename_is_not_offered_alone() -> None:
    """It was (QKM301 on the import, unsafe), leaving V1 calls on a V2 class."""
    source = ("from qiskit.primitives import Sampler\nfrom qiskit_algorithms import Grover\n"
              "grover = Grover(sampler=Sampler())\n")
    assert fixes(source) == {("QKM301", 1): False, ("QKM301", 3): False}


def test_a_class_constructed_but_not_run_is_renamed() -> None:
    source = "from qiskit.primitives import Sampler\nsampler = Sampler()\n"
    assert fixed(source) == ("from qiskit.primitives import StatevectorSampler as Sampler\n"
                             "sampler = Sampler()\n")


def test_a_module_path_construction_is_renamed_in_place() -> None:
    source = ("import qiskit.primitives\nfrom qiskit import QuantumCircuit\n"
              "qc = QuantumCircuit(1)\nqc.measure_all()\n"
              "print(qiskit.primitives.Sampler().run(qc).result().quasi_dists[0])\n")
    assert fixed(source).splitlines()[-1] == (
        "print({k: n / bits.num_shots for bits in [qiskit.primitives.StatevectorSampler()"
        ".run([qc]).result()[0].join_data()] for k, n in bits.get_int_counts().items()})")


def test_no_fix_inside_a_try() -> None:
    source = ("from qiskit import QuantumCircuit\ntry:\n    from qiskit.primitives import Sampler\n"
              "except ImportError:\n    Sampler = None\nqc = QuantumCircuit(1)\n"
              "print(Sampler().run(qc).result().quasi_dists[0])\n")
    assert not any(fixes(source).values())


# -- Aer's V1 primitives and the V1 backend primitives ----------------------------------------
AER_AND_BACKEND = """\
from qiskit import QuantumCircuit
from qiskit.primitives import BackendSampler
from qiskit_aer import AerSimulator
from qiskit_aer.primitives import Estimator, Sampler

qc = QuantumCircuit(1)
qc.h(0)
qc.measure_all()
exact = Estimator(approximation=True, run_options={"shots": None})
sampler = Sampler(run_options={"shots": 2000})
counts = sampler.run(qc, seed=5).result().quasi_dists[0]
wrapped = BackendSampler(AerSimulator())
print(wrapped.run([qc]).result().quasi_dists[0], counts)
"""


def test_aer_and_backend_primitives_migrate_with_their_options() -> None:
    assert fixed(AER_AND_BACKEND).splitlines()[1:] == [
        "from qiskit.primitives import BackendSamplerV2 as BackendSampler",
        "from qiskit_aer import AerSimulator",
        "from qiskit_aer.primitives import EstimatorV2 as Estimator, SamplerV2 as Sampler",
        "", "qc = QuantumCircuit(1)", "qc.h(0)", "qc.measure_all()",
        "exact = Estimator()",
        "sampler = Sampler(default_shots=2000, seed=5)",
        "counts = {k: n / bits.num_shots for bits in [sampler.run([qc]).result()[0]"
        ".join_data()] for k, n in bits.get_int_counts().items()}",
        "wrapped = BackendSampler(backend=AerSimulator())",
        "print({k: n / bits.num_shots for bits in [wrapped.run([qc]).result()[0].join_data()] "
        "for k, n in bits.get_int_counts().items()}, counts)"]


@pytest.mark.parametrize("construction", [
    "Estimator()",  # sampled expectation values (approximation=False): V2 is exact
    "Estimator(approximation=True, run_options={'shots': 100})",  # Gaussian sampling
    "Sampler(run_options={'shots': None})",  # exact probabilities: V2 samples
    "Sampler(backend_options={'method': 'statevector'})",
    "Sampler(run_options={'shots': 10, 'seed': 1})\nx.run(qc, seed=2)",  # two seeds
    "BackendSampler(FakeManilaV2())",  # V1 transpiled for the device, V2 does not
    "BackendSampler(backend)",  # unknown backend
    "BackendSampler(AerSimulator(), options={'shots': 10})",
])
def test_aer_and_backend_constructions_without_an_exact_v2_home(construction: str) -> None:
    head = ("from qiskit import QuantumCircuit\nfrom qiskit.primitives import BackendSampler\n"
            "from qiskit_aer import AerSimulator\n"
            "from qiskit_aer.primitives import Estimator, Sampler\n"
            "from qiskit_ibm_runtime.fake_provider import FakeManilaV2\nqc = QuantumCircuit(1)\n")
    found = fixes(head + f"x = {construction}\n")
    assert found and not any(found.values()), found
    # The control: a construction that fits is fixed in the same module.
    assert all(fixes(head + "x = Sampler(run_options={'seed': 3})\n").values())


def test_a_repeated_import_is_renamed_each_time() -> None:
    source = ("from qiskit.primitives import Sampler\nsampler = Sampler()\n"
              "from qiskit.primitives import Sampler\nother = Sampler()\n")
    assert fixed(source) == source.replace("import Sampler", "import StatevectorSampler as Sampler")


def test_numpy_bound_to_something_else_leaves_the_values_list_unfixed() -> None:
    source = ("from qiskit import QuantumCircuit\nfrom qiskit.primitives import Estimator\n"
              "numpy = None\nqc = QuantumCircuit(1)\n"
              "values = Estimator().run([qc], [op]).result().values\n")
    found = fixes(source)
    assert found and not any(found.values())
    assert all(fixes(source.replace(".values\n", ".values[0]\n")).values())


@pytest.mark.parametrize(("pin", "fixed_there"), [
    ("qiskit-aer==0.13.3", False),  # before SamplerV2 (0.14) and the deprecation (0.15)
    ("qiskit-aer>=0.15", True),
])
def test_aer_primitives_follow_the_target_release(tmp_path: Path, pin: str,
                                                  fixed_there: bool) -> None:
    (tmp_path / "p.py").write_text(AER_AND_BACKEND)
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "x"\nversion = "1"\ndependencies = ["{pin}", "qiskit>=1.2"]\n')
    result = command("check", "--diff", "--unsafe-fixes", "p.py", cwd=tmp_path)
    assert ("+from qiskit_aer.primitives import EstimatorV2 as Estimator, SamplerV2 as Sampler"
            in result.stdout) is fixed_there, result.stdout


def test_a_comment_inside_a_rewritten_call_keeps_the_module_unfixed() -> None:
    source = ("from qiskit import QuantumCircuit\nfrom qiskit.primitives import Estimator\n"
              "qc = QuantumCircuit(1)\nvalues = Estimator().run(\n    [qc],  # circuits\n"
              "    [op],\n).result().values[0]\n")
    found = fixes(source)
    assert found and not any(found.values())
    assert all(fixes(source.replace("  # circuits", "")).values())
    assert all(fixes(source.replace("  # circuits", "").replace("[op]", "['#']")).values())


def test_the_reference_sampler_options_become_its_v2_keywords(tmp_path: Path) -> None:
    """``Sampler(options={"shots": n, "seed": s})``: the V1 run options are the V2 Sampler's
    ``default_shots`` and ``seed`` (the Estimator's shots have no exact V2 home)."""
    legacy = """\
from qiskit import QuantumCircuit
from qiskit.primitives import Sampler

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
bell.measure_all()
sampler = Sampler(options={"shots": 4000, "seed": 3})
print(sampler.run(bell).result().quasi_dists[0].binary_probabilities())
"""
    text = fixed(legacy)
    assert 'sampler = Sampler(default_shots=4000, seed=3)\n' in text
    assert "from qiskit.primitives import StatevectorSampler as Sampler\n" in text
    run = subprocess.run([sys.executable, "-c", text], capture_output=True, text=True,
                         check=False, timeout=120)
    assert run.returncode == 0, run.stderr
    counts = ast.literal_eval(run.stdout)
    assert set(counts) == {"00", "11"} and abs(counts["00"] - 0.5) < 0.05
    for options in ('{"shots": 100, "transpile": 1}', '{"shots": None}', "opts"):
        assert not any(fixes(legacy.replace('{"shots": 4000, "seed": 3}', options)).values())
    estimator = legacy.replace("Sampler", "Estimator")
    assert not any(fixes(estimator).values())
