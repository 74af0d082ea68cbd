"""Issue 22: the V1 primitives' fix on wider shapes found on held-out programs: a V1 ``run`` on
lists the module proves but does not spell out (``[qc] * 3``, names bound to lists), and a
Sampler distribution kept in a name and read with ``binary_probabilities()``; never where a
list's length or contents are unproven, or a read has no V2 equivalent."""

from __future__ import annotations

import ast

import pytest

from flake8_qiskit_migrate.edits import apply
from flake8_qiskit_migrate.engine import check

GROUP = ("QKM301", "QKM302", "QKM304", "QKM307", "QKM308")

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
