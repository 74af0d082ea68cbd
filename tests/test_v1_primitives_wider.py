"""Issue 22: the V1 primitives' fix on wider shapes found on held-out programs: a V1 ``run`` on
lists the module proves but does not spell out (``[qc] * 3``, names bound to lists), and a
Sampler distribution kept in a name and read with ``binary_probabilities()``; the Runtime V1
Sampler in a session with V1 ``Options``; never where a list's length or contents are
unproven, a read has no V2 equivalent, or an option has no V2 home."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_qiskit_migrate.edits import apply
from flake8_qiskit_migrate.engine import check
from flake8_qiskit_migrate.registry import Settings
from test_fixed_code_binds import problems

RUNNER = Path(__file__).parent / "migrations" / "runner.py"

GROUP = ("QKM301", "QKM302", "QKM304", "QKM305", "QKM306", "QKM307", "QKM308")

ESTIMATOR = """\
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.primitives import Estimator
from qiskit.quantum_info import SparsePauliOp

theta = Parameter("theta")
qc = QuantumCircuit(1)
qc.ry(theta, 0)
"""
SAMPLER = """\
from qiskit import QuantumCircuit
from qiskit.primitives import Sampler

qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
qc.measure_all()
sampler = Sampler()
result = sampler.run(qc).result()
"""


def findings(source: str) -> list[tuple[str, int, bool]]:
    return [(f.code, f.line, bool(f.edits)) for f in check(ast.parse(source), source)
            if f.code in GROUP]


def fixed(source: str) -> str:
    found = [f for f in check(ast.parse(source), source) if f.code in GROUP]
    assert found and all(f.edits for f in found), found
    assert len({f.edits for f in found}) == 1  # one fix for the module
    text, _ = apply(source, [f.edits for f in found])
    return text


def test_repeated_circuits_and_named_lists_are_zipped_into_pubs() -> None:
    source = ESTIMATOR + """\
circuits = [qc] * 3
observables = [SparsePauliOp("Z"), SparsePauliOp("X"), SparsePauliOp("Z")]
params = [[0.1], [0.7], [1.3]]
print(len(circuits), circuits[0])
estimator = Estimator()
job = estimator.run(circuits, observables, params)
print(job.result().values[2])
print(estimator.run([qc] * 2, [SparsePauliOp("Z")] * 2, parameter_values=[[0.5]] * 2)
      .result().values[0])
"""
    assert fixed(source) == source.replace(
        "import Estimator", "import StatevectorEstimator as Estimator").replace(
        "run(circuits, observables, params)", "run(list(zip(circuits, observables, params)))"
    ).replace("job.result().values[2]", "job.result()[2].data.evs").replace(
        'run([qc] * 2, [SparsePauliOp("Z")] * 2, parameter_values=[[0.5]] * 2)',
        'run(list(zip([qc] * 2, [SparsePauliOp("Z")] * 2, [[0.5]] * 2)))').replace(
        ".result().values[0]", ".result()[0].data.evs")


def test_a_sampler_list_by_name_stays_the_pub_list() -> None:
    source = SAMPLER.replace("run(qc)", "run(circuits)").replace(
        "sampler = Sampler()", "circuits = [qc, qc]\nsampler = Sampler()") + \
        "print(result.quasi_dists[1])\n"
    assert "result = sampler.run(circuits).result()\n" in fixed(source)


@pytest.mark.parametrize("lists", [
    "circuits = [qc] * n\nobservables = [SparsePauliOp('Z')] * 3",  # a length not constant
    "circuits = [qc] * 3\nobservables = [SparsePauliOp('Z')] * 2",  # V1 raised: lengths differ
    "circuits = [qc] * 3\ncircuits.append(qc)\nobservables = [SparsePauliOp('Z')] * 4",
    "circuits = [qc] * 3\nshow(circuits)\nobservables = [SparsePauliOp('Z')] * 3",
    "circuits = [qc] * 3\nif n:\n    circuits = [qc] * 2\nobservables = [SparsePauliOp('Z')] * 3",
    "circuits = [*more, qc]\nobservables = [SparsePauliOp('Z')] * 2",
    "circuits = [qc] * 3\nobservables = [SparsePauliOp('Z')] * 3\nzip = None",
])
def test_no_fix_where_a_list_is_unproven(lists: str) -> None:
    source = ESTIMATOR + f"""\
n = 3
more = [qc]
def show(items):
    items.pop()
{lists}
estimator = Estimator()
print(estimator.run(circuits, observables, [[0.1]] * 3).result().values)
"""
    found = findings(source)
    assert ("QKM307", source.count("\n"), False) in found
    assert not any(fix for _, _, fix in found)


def test_parameter_values_must_be_one_list_per_circuit() -> None:
    source = ESTIMATOR + """\
import numpy as np
params = np.array([[0.1], [0.2]])
estimator = Estimator()
print(estimator.run([qc] * 2, [SparsePauliOp("Z")] * 2, params).result().values)
"""
    assert not any(fix for _, _, fix in findings(source))


def test_a_kept_distribution_read_as_bitstrings_keeps_the_bits() -> None:
    source = SAMPLER + """\
dist = result.quasi_dists[0]
print(dist.binary_probabilities())
print(sorted(dist.items()), dist[3], dict(dist))
print(f"{dist}")
"""
    ints = "{k: n / dist.num_shots for k, n in dist.get_int_counts().items()}"
    assert fixed(source) == source.replace(
        "import Sampler", "import StatevectorSampler as Sampler").replace(
        "run(qc)", "run([qc])").replace(
        "result.quasi_dists[0]", "result[0].join_data()").replace(
        "dist.binary_probabilities()",
        "{b: n / dist.num_shots for b, n in dist.get_counts().items()}").replace(
        "sorted(dist.items()), dist[3], dict(dist)",
        f"sorted({ints}.items()), {ints}[3], dict({ints})").replace(
        '{dist}', "{(" + ints + ")}")


@pytest.mark.parametrize("read", [
    "dist.binary_probabilities(3)",  # a width of its own
    "dist.nearest_probability_distribution()",  # no V2 counterpart
    "dist.stddev_upper_bound",  # a QuasiDistribution field
])
def test_no_fix_where_a_kept_distribution_read_has_no_v2_equivalent(read: str) -> None:
    source = SAMPLER + f"""\
dist = result.quasi_dists[0]
print(dist.binary_probabilities(), {read})
"""
    assert not any(fix for _, _, fix in findings(source))


def test_a_distribution_in_an_f_string_stays_an_expression() -> None:
    """``{{`` in an f-string is a literal brace: the dict display goes in parentheses."""
    source = SAMPLER + 'print(f"quasi: {result.quasi_dists[0]}")\n'
    assert fixed(source).endswith(
        'print(f"quasi: {({k: n / bits.num_shots for bits in [result[0].join_data()] '
        'for k, n in bits.get_int_counts().items()})}")\n')


# -- the Runtime V1 Sampler in a session, with V1 Options ------------------------------------

RUNTIME = """\
# device: manila
from qiskit import QuantumCircuit
from qiskit_ibm_runtime import Options, QiskitRuntimeService, Sampler, Session

service = QiskitRuntimeService()
backend = service.backend("ibm_manila")

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
bell.measure_all()

options = Options(optimization_level=3)
options.execution.shots = 2000
with Session(service=service, backend=backend) as session:
    sampler = Sampler(session=session, options=options)
    job = sampler.run(bell)
    dist = job.result().quasi_dists[0]
    print("bell:", dist.binary_probabilities())
"""
RUNTIME_FIXED = """\
# device: manila
from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService, Session
from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager
from qiskit_ibm_runtime.executor_sampler import Sampler

service = QiskitRuntimeService()
backend = service.backend("ibm_manila")

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
bell.measure_all()

with Session(backend=backend) as session:
    pass_manager = generate_preset_pass_manager(optimization_level=3, backend=backend)
    sampler = Sampler(mode=session, options={"default_shots": 2000})
    job = sampler.run([pass_manager.run(bell)])
    dist = job.result()[0].join_data()
    print("bell:", {b: n / dist.num_shots for b, n in dist.get_counts().items()})
"""
OLD_RUNTIME = (("qiskit-ibm-runtime", ">=0.30,<0.50"),)
PM_IMPORT = "from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager\n"


def all_fixed(source: str, targets: tuple[tuple[str, str], ...] = ()) -> str:
    """SOURCE with every fix applied, re-checked while fixes overlap (``--fix``'s rounds)."""
    settings = Settings(targets=targets)
    for _ in range(4):
        fixes = [f.edits for f in check(ast.parse(source), source, settings=settings) if f.edits]
        source, applied = apply(source, fixes)
        if len(applied) == len(fixes):
            break
    return source


def test_the_runtime_v1_sampler_moves_its_options_and_transpiles_for_the_backend() -> None:
    assert all_fixed(RUNTIME) == RUNTIME_FIXED
    assert [(code, fix) for code, _, fix in findings(RUNTIME)] == [
        ("QKM305", True), ("QKM307", True), ("QKM308", True)]


@pytest.mark.parametrize("targets", [(), OLD_RUNTIME], ids=["client-side", "before-0.50"])
def test_every_name_the_runtime_fix_writes_binds(targets: tuple[tuple[str, str], ...]) -> None:
    """The imports exist and each call binds to today's signature (qiskit-ibm-runtime 0.51)."""
    assert problems(RUNTIME, all_fixed(RUNTIME, targets)) == []


def test_the_fixed_runtime_program_runs_in_local_testing_mode(tmp_path: Path) -> None:
    """The fixed program on the fake of its device (the migration runner's swap: the service
    serves ``FakeManilaV2``, a session on it runs locally): a Bell pair, within the fake
    device's noise."""
    program = tmp_path / "bell.py"
    program.write_text(all_fixed(RUNTIME), encoding="utf-8")
    out = tmp_path / "out.json"
    subprocess.run([sys.executable, str(RUNNER), "--out", str(out), str(program)], check=True,
                   capture_output=True, timeout=300)
    run = json.loads(out.read_text(encoding="utf-8"))["bell"]
    assert run["error"] is None, run["error"]
    printed = ast.literal_eval(run["output"].removeprefix("bell: "))
    assert abs(sum(printed.values()) - 1) < 1e-9
    assert printed.get("00", 0) + printed.get("11", 0) > 0.85


def test_targets_before_the_client_side_classes_get_sampler_v2() -> None:
    assert all_fixed(RUNTIME, OLD_RUNTIME) == RUNTIME_FIXED.replace(
        "from qiskit_ibm_runtime import QiskitRuntimeService, Session\n",
        "from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2 as Sampler, Session\n"
    ).replace("from qiskit_ibm_runtime.executor_sampler import Sampler\n", "")


def test_no_runtime_fix_for_targets_without_mode() -> None:
    source = RUNTIME
    settings = Settings(targets=(("qiskit-ibm-runtime", ">=0.20"),))
    assert not any(f.edits for f in check(ast.parse(source), source, settings=settings)
                   if f.code in GROUP)


RUN = "    job = sampler.run(bell)\n"


@pytest.mark.parametrize("before, after", [
    ("options.execution.shots = 2000\n", "options.execution.shots = 2000\nprint(options)\n"),
    ("options.execution.shots = 2000\n", "options.resilience_level = 1\n"),  # mitigation
    ("options.execution.shots = 2000\n", "options.transpilation.skip_transpilation = True\n"),
    ("options.execution.shots = 2000\n", "options.execution.shots = shots\n"),
    (RUN, "    options.execution.shots = 10\n" + RUN),  # set after the construction
    ('backend = service.backend("ibm_manila")', 'backend = "ibm_manila"'),
    ("Session(service=service, backend=backend)", 'Session(service=service, backend="ibm_manila")'),
    ("Sampler(session=session, options=options)", "Sampler(backend=backend, options=options)"),
    (RUN, "    other = Sampler(session=session)\n" + RUN),  # a second construction
])
def test_no_runtime_fix_where_a_step_is_unproven(before: str, after: str) -> None:
    source = "shots = 5\n" + RUNTIME.replace(before, after)
    assert source != "shots = 5\n" + RUNTIME
    assert any(code == "QKM307" for code, _, _ in findings(source))
    assert not any(fix for _, _, fix in findings(source))


ESTIMATOR_RUNTIME = """\
# device: manila
from qiskit import QuantumCircuit
from qiskit.quantum_info import SparsePauliOp
from qiskit_ibm_runtime import Estimator, Options, QiskitRuntimeService, Session

service = QiskitRuntimeService()
backend = service.backend("ibm_manila")

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
observable = SparsePauliOp("ZZ")

options = Options(optimization_level=1, resilience_level=1)
options.execution.shots = 4000
with Session(service=service, backend=backend) as session:
    estimator = Estimator(session=session, options=options)
    job = estimator.run([circuit, circuit], [observable, "XX"])
    print("evs:", [float(v) for v in job.result().values])
"""


def test_the_runtime_v1_estimator_lays_its_observables_out_on_the_isa_circuits() -> None:
    fixed_text = all_fixed(ESTIMATOR_RUNTIME)
    assert fixed_text == ESTIMATOR_RUNTIME.replace(
        "from qiskit_ibm_runtime import Estimator, Options, QiskitRuntimeService, Session\n",
        "from qiskit_ibm_runtime import QiskitRuntimeService, Session\n" + PM_IMPORT +
        "from qiskit_ibm_runtime.executor_estimator import Estimator\nimport numpy\n").replace(
        "options = Options(optimization_level=1, resilience_level=1)\n"
        "options.execution.shots = 4000\n", "").replace(
        "Session(service=service, backend=backend)", "Session(backend=backend)").replace(
        "    estimator = Estimator(session=session, options=options)\n",
        "    pass_manager = generate_preset_pass_manager(optimization_level=1, backend=backend)\n"
        '    estimator = Estimator(mode=session, options={"default_shots": 4000, '
        '"resilience_level": 1})\n').replace(
        'estimator.run([circuit, circuit], [observable, "XX"])',
        "estimator.run([(isa, SparsePauliOp(o).apply_layout(isa.layout), *rest) for isa, o, "
        '*rest in [(pass_manager.run(circuit), observable), (pass_manager.run(circuit), "XX")]])'
    ).replace("in job.result().values]", "in numpy.array([pub.data.evs for pub in job.result()])]")
    assert problems(ESTIMATOR_RUNTIME, fixed_text) == []
    assert problems(ESTIMATOR_RUNTIME, all_fixed(ESTIMATOR_RUNTIME, OLD_RUNTIME)) == []


def test_the_fixed_runtime_estimator_runs_in_local_testing_mode(tmp_path: Path) -> None:
    program = tmp_path / "bell_evs.py"
    program.write_text(all_fixed(ESTIMATOR_RUNTIME), encoding="utf-8")
    out = tmp_path / "out.json"
    subprocess.run([sys.executable, str(RUNNER), "--out", str(out), str(program)], check=True,
                   capture_output=True, timeout=300)
    run = json.loads(out.read_text(encoding="utf-8"))["bell_evs"]
    assert run["error"] is None, run["error"]
    zz, xx = ast.literal_eval(run["output"].removeprefix("evs: "))
    assert zz > 0.8 and xx > 0.8  # a Bell pair's <ZZ> = <XX> = 1, within the fake's noise


@pytest.mark.parametrize("level", ["resilience_level=3", "resilience_level=level"])
def test_no_runtime_estimator_fix_for_a_level_without_a_v2_home(level: str) -> None:
    source = "level = 1\n" + ESTIMATOR_RUNTIME.replace("resilience_level=1", level)
    assert not any(fix for _, _, fix in findings(source))
    assert any(code == "QKM306" for code, _, _ in findings(source))


def test_a_runtime_construction_run_at_once_and_a_v2_runtime_class_left_alone() -> None:
    """``Sampler(session=s).run(qc)`` migrates; a module whose Runtime class is used the V2
    way keeps it while its reference primitives migrate."""
    source = RUNTIME.replace("    sampler = Sampler(session=session, options=options)\n", "")
    source = source.replace("sampler.run(bell)", "Sampler(session=session, options=options)"
                            ".run(bell)")
    assert "    job = Sampler(mode=session, options={\"default_shots\": 2000}).run(" \
        "[pass_manager.run(bell)])\n" in all_fixed(source)
    v2 = """\
from qiskit import QuantumCircuit
from qiskit.primitives import Sampler as Reference
from qiskit_ibm_runtime import QiskitRuntimeService, Sampler

backend = QiskitRuntimeService().backend("ibm_kyiv")
qc = QuantumCircuit(1)
qc.measure_all()
print(Sampler(mode=backend).run([qc]).result()[0].data.meas.get_counts())
print(Reference().run(qc).result().quasi_dists[0])
"""
    assert "from qiskit_ibm_runtime import QiskitRuntimeService, Sampler\n" in fixed(v2)
    assert "from qiskit.primitives import StatevectorSampler as Reference\n" in fixed(v2)


def test_a_loop_over_the_distributions_reads_each_pubs_bits() -> None:
    source = SAMPLER + """\
for dist in result.quasi_dists:
    print(dist.binary_probabilities(), dist[0])
"""
    ints = "{k: n / dist.num_shots for k, n in dist.get_int_counts().items()}"
    assert fixed(source).endswith(
        "for dist in [pub.join_data() for pub in result]:\n"
        "    print({b: n / dist.num_shots for b, n in dist.get_counts().items()}, "
        f"{ints}[0])\n")


@pytest.mark.parametrize("after", [
    "print(dist)\n",  # read after the loop: the last distribution
    "dist = None\n",  # bound twice
])
def test_no_fix_where_the_loop_name_lives_on(after: str) -> None:
    source = SAMPLER + """\
for dist in result.quasi_dists:
    print(dist.binary_probabilities())
""" + after
    assert not any(fix for _, _, fix in findings(source))
