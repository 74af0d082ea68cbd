"""Issue 22 items 5-7: fixes that migrate whole chains. ``job_monitor`` statements and their
import go together (QKM212); V1 reference primitives become V2 with class, call shape and
result read rewritten together (QKM307/QKM308); and the IBMQ provider chain becomes a
``QiskitRuntimeService`` chain. Migrated programs are run with today's releases."""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import command

from flake8_qiskit_migrate.edits import apply
from flake8_qiskit_migrate.engine import check


def offered(source: str, code: str) -> list[tuple[int, int, bool]]:
    """(line, 1-based column, whether a fix is offered) of every finding of ``code``."""
    return [(f.line, f.col + 1, bool(f.edits)) for f in check(ast.parse(source), source)
            if f.code == code]


def fixed(source: str, codes: set[str]) -> str:
    text, _ = apply(source, [f.edits for f in check(ast.parse(source), source)
                             if f.edits and f.code in codes])
    return text


# -- item 6: job_monitor ----------------------------------------------------------------------
MONITORED = """\
from qiskit.tools.monitor import job_monitor, backend_monitor
from qiskit.tools import job_monitor as jm
job = backend.run(qc)
backend_monitor(backend)
job_monitor(job)
jm(job, interval=2)  # watch
if job:
    job_monitor(job)
    jm(job)
else:
    print(1)
for i in range(2):
    jm(job, output=sys.stdout)
    print(i)
print(job.result())
"""
MONITOR_REMOVED = """\
from qiskit.tools.monitor import backend_monitor
job = backend.run(qc)
backend_monitor(backend)
if job:
    pass
else:
    print(1)
for i in range(2):
    print(i)
print(job.result())
"""


def test_job_monitor_calls_and_imports_go_in_one_fix() -> None:
    assert offered(MONITORED, "QKM212") == [
        (1, 34, True), (1, 47, False),  # backend_monitor, used, stays unfixed
        (2, 26, True), (4, 1, False), (5, 1, True), (6, 1, True), (8, 5, True), (9, 5, True),
        (13, 5, True)]
    fixes = {f.edits for f in check(ast.parse(MONITORED), MONITORED) if f.edits}
    assert len(fixes) == 1  # every finding carries the whole rewrite
    assert fixed(MONITORED, {"QKM212"}) == MONITOR_REMOVED


def test_job_monitor_no_fix_where_a_use_is_not_a_plain_statement() -> None:
    for use in ("status = job_monitor(job)", "callbacks = [job_monitor]",
                "job_monitor(backend.run(qc))", "a = 1; job_monitor(job)",
                "def job_monitor(job):\n    pass"):
        source = f"from qiskit.tools.monitor import job_monitor\njob_monitor(job)\n{use}\n"
        assert not any(fix for *_, fix in offered(source, "QKM212")), use


def test_job_monitor_no_fix_inside_a_try() -> None:
    source = ("from qiskit.tools.monitor import job_monitor\n"
              "try:\n    job_monitor(job)\nexcept KeyboardInterrupt:\n    pass\n")
    assert offered(source, "QKM212") == [(1, 34, False), (3, 5, False)]


def test_job_monitor_fix_through_the_command(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(MONITORED)
    result = command("check", "--fix", "--unsafe-fixes", "--select", "QKM212", "m.py",
                     cwd=tmp_path)
    assert (tmp_path / "m.py").read_text() == MONITOR_REMOVED
    assert result.stdout.splitlines() == [
        f"m.py:{position}: QKM212 'qiskit.tools.monitor.backend_monitor' was removed in Qiskit "
        "1.0: use 'job.status() in a loop, or the IBM Quantum dashboard' "
        "(https://quantum.cloud.ibm.com/docs/migration-guides/qiskit-1.0-features#monitor)"
        for position in ("1:34", "3:1")]
    assert result.returncode == 1


def test_job_monitor_fix_spanning_notebook_cells_edits_every_cell(tmp_path: Path) -> None:
    import json
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": [text]} for text in (
                  "from qiskit.tools.monitor import job_monitor\n", "job_monitor(job)\n")]
    notebook = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                           "nbformat_minor": 5}, indent=1)
    (tmp_path / "n.ipynb").write_text(notebook)
    command("check", "--fix", "--unsafe-fixes", "n.ipynb", cwd=tmp_path)
    fixed = json.loads((tmp_path / "n.ipynb").read_text())
    assert [c["source"] for c in fixed["cells"]] == [[], []]


# -- item 7: V1 reference primitives -> V2, class, call shape and result read together --------
LEGACY_PRIMITIVES = """\
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.primitives import Estimator, Sampler
from qiskit.quantum_info import SparsePauliOp

theta = Parameter("theta")
bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
rotated = QuantumCircuit(1)
rotated.ry(theta, 0)
zz = SparsePauliOp("ZZ")
z = SparsePauliOp("Z")
xx = SparsePauliOp.from_list([("XX", 1.0)])
print("E", list(Estimator().run([bell, bell], [zz, xx]).result().values))
estimator = Estimator()
print("E", estimator.run([rotated], [z], [[0.5]]).result().values[0])
print("E", estimator.run(bell, zz).result().values[0])
measured = QuantumCircuit(2)
measured.h(0)
measured.cx(0, 1)
measured.measure_all()
print("S", Sampler().run(measured).result().quasi_dists[0])
print("S", Sampler().run([measured], shots=4000).result().quasi_dists[0].binary_probabilities())
print("S", Sampler().run([measured, measured]).result().quasi_dists[1])
"""
# What the legacy program printed (qiskit 0.46.3: exact reference primitives, except the
# ``shots=4000`` line, sampled there too), to 1e-12.
EXACT_VALUES = [1.0, 1.0, 0.8775825618903726, 1.0]
EXACT_DISTRIBUTIONS = [{0: 0.5, 3: 0.5}, {"00": 0.5, "11": 0.5}, {0: 0.5, 3: 0.5}]
# Total-variation distance a 1024-shot sample of a fair two-outcome distribution stays within
# (about 5 standard deviations: 5 * sqrt(0.25 / 1024) = 0.078).
TOLERANCE = 0.08


def test_legacy_primitive_program_runs_on_current_releases_after_fix(tmp_path: Path) -> None:
    import subprocess
    import sys
    program = tmp_path / "legacy.py"
    program.write_text(LEGACY_PRIMITIVES)
    result = command("check", "--fix", "--unsafe-fixes", "legacy.py", cwd=tmp_path)
    assert result.stdout == "" and result.returncode == 0, result.stdout
    text = program.read_text()
    assert "from qiskit.primitives import StatevectorEstimator as Estimator, " \
        "StatevectorSampler as Sampler\n" in text
    assert "estimator.run([(rotated, z, [0.5])]).result()[0].data.evs" in text
    run = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                         check=True, cwd=tmp_path)
    printed = [line.split(" ", 1) for line in run.stdout.splitlines()]
    values = [v for kind, line in printed if kind == "E" for v in _floats(line)]
    assert values == [pytest_approx(v) for v in EXACT_VALUES]
    distributions = [ast.literal_eval(line) for kind, line in printed if kind == "S"]
    assert len(distributions) == len(EXACT_DISTRIBUTIONS)
    for got, exact in zip(distributions, EXACT_DISTRIBUTIONS):
        assert set(got) <= set(exact)
        total_variation = sum(abs(got.get(k, 0) - p) for k, p in exact.items()) / 2
        assert total_variation < TOLERANCE, (got, exact)


def _floats(line: str) -> list[float]:
    return [float(x) for x in line.replace("np.float64(", "").strip("[]() ").replace(
        ")", "").split(",")]


def pytest_approx(value: float) -> object:
    import pytest
    return pytest.approx(value, abs=1e-12)


def test_primitive_chain_fix_only_where_every_step_is_proven() -> None:
    head = ("from qiskit import QuantumCircuit\nfrom qiskit.primitives import Estimator\n"
            "qc = QuantumCircuit(1)\n")
    proven = "Estimator().run([qc], [op]).result().values[0]\n"
    assert all(fix for *_, fix in offered(head + proven, "QKM307"))
    for unproven in (
            "Estimator().run(circuits, observables).result().values",  # lists unknown
            "Estimator().run([qc], [op], [0.5]).result().values",  # values not per circuit
            "Estimator().run([qc, qc], [op]).result().values",  # lengths differ
            "Estimator().run([qc], [op]).result().values[i]",  # index unknown
            "job = Estimator().run([qc], [op])\nhandle(job)",  # the job goes elsewhere
            "handle(Estimator().run([qc], [op]).result())",  # the result goes elsewhere
    ):
        source = head + proven + unproven + "\n"
        assert not any(fix for code in ("QKM307", "QKM308")
                       for *_, fix in offered(source, code)), unproven
    # A construction with V1 options keeps the import (QKM301 not offered): nothing else goes.
    assert not any(fix for *_, fix in offered(
        head + proven + "Estimator(options={'shots': 10})\n", "QKM307"))


def test_primitive_chain_no_fix_inside_a_try_catching_the_old_api() -> None:
    source = ("from qiskit import QuantumCircuit\nfrom qiskit.primitives import Estimator\n"
              "from qiskit.providers.ibmq import IBMQAccountError\nqc = QuantumCircuit(1)\n"
              "print(Estimator().run([qc], [op]).result().values[0])\n"
              "try:\n    print(Estimator().run([qc], [op]).result().values[0])\n"
              "except IBMQAccountError:\n    pass\n")
    assert offered(source, "QKM307") == [(5, 7, False), (7, 11, False)]


def test_primitive_chain_spanning_notebook_cells_is_offered(tmp_path: Path) -> None:
    import json
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": [text]} for text in (
                  "from qiskit import QuantumCircuit\nfrom qiskit.primitives import Estimator\n"
                  "qc = QuantumCircuit(1)\n",
                  "print(Estimator().run([qc], [op]).result().values[0])\n")]
    (tmp_path / "n.ipynb").write_text(json.dumps(
        {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    result = command("check", "--output-format", "json", "--unsafe-fixes", "n.ipynb",
                     cwd=tmp_path)
    fixes = {(d["code"], d["location"]["row"]): d["fix"] is not None
             for d in json.loads(result.stdout)}
    # Rows are cell-relative; the module's V1 primitives are one fix, carried by each finding.
    assert fixes == {("QKM301", 2): True, ("QKM301", 1): True, ("QKM307", 1): True,
                     ("QKM308", 1): True}
    command("check", "--fix", "--unsafe-fixes", "n.ipynb", cwd=tmp_path)
    fixed = json.loads((tmp_path / "n.ipynb").read_text())["cells"]
    assert [c["source"] for c in fixed] == [
        ["from qiskit import QuantumCircuit\n",
         "from qiskit.primitives import StatevectorEstimator as Estimator\n",
         "qc = QuantumCircuit(1)\n"],
        ["print(Estimator().run([(qc, op)]).result()[0].data.evs)\n"]]


# -- item 5: the provider chain as one service chain ------------------------------------------
IBMQ_CHAIN = """\
from qiskit import IBMQ, QuantumCircuit
from qiskit.providers.ibmq import least_busy

IBMQ.load_account()
provider = IBMQ.get_provider(hub="ibm-q", group="open", project="main")
backend = provider.get_backend("ibm_kyiv")
device = least_busy(provider.backends(simulator=False, operational=True))
print(backend.name, device.name, len(provider.backends()))
"""
SERVICE_CHAIN = """\
from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService

service = QiskitRuntimeService()  # was IBMQ.get_provider(hub="ibm-q", group="open", \
project="main"): instance= now takes an IBM Cloud CRN or name
backend = service.backend("ibm_kyiv")
device = service.least_busy(simulator=False, operational=True)
print(backend.name, device.name, len(service.backends()))
"""
IBM_PROVIDER_CHAIN = """\
from qiskit_ibm_provider import IBMProvider, least_busy
provider = IBMProvider()
device = least_busy(provider.backends(min_num_qubits=5))
"""
IBM_PROVIDER_FIXED = """\
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()
device = service.least_busy(min_num_qubits=5)
"""


def test_ibmq_chain_becomes_one_service_chain() -> None:
    assert offered(IBMQ_CHAIN, "QKM205") == [(5, 12, True), (6, 11, True), (7, 21, True),
                                             (8, 38, True)]
    assert offered(IBMQ_CHAIN, "QKM204") == [(4, 1, True)]
    fixes = {f.edits for f in check(ast.parse(IBMQ_CHAIN), IBMQ_CHAIN) if f.edits}
    assert len(fixes) == 1
    assert fixed(IBMQ_CHAIN, {"QKM205"}) == SERVICE_CHAIN
    assert fixed(IBM_PROVIDER_CHAIN, {"QKM207"}) == IBM_PROVIDER_FIXED


def test_provider_chain_no_fix_unless_every_step_is_rewritten() -> None:
    for change in (
            ("device.name, 1)", "device.name, provider.runtime)"),  # another use
            ("IBMQ.load_account()", "IBMQ.enable_account(token, url)"),  # a Classic URL
            ('provider.get_backend("ibm_kyiv")', "provider.get_backend()"),  # no name
            ("print(backend.name", "IBMQ.save_account(t, url=u)\nprint(backend.name"),
            ("print(backend.name", "x = IBMQ.providers()\nprint(backend.name"),  # read
            ("print(backend.name", "service = 1\nprint(backend.name"),  # ``service`` taken
            ("IBMQ.load_account()\n", "try:\n    IBMQ.load_account()\nexcept Exception:\n"
             "    pass\n"),
    ):
        source = IBMQ_CHAIN.replace("len(provider.backends())", "1").replace(*change)
        assert source != IBMQ_CHAIN.replace("len(provider.backends())", "1"), change
        assert not any(fix for code in ("QKM204", "QKM205")
                       for *_, fix in offered(source, code)), change


def test_no_chain_fix_where_another_least_busy_use_remains() -> None:
    """Its import would stay, and fail on today's releases: half a migration."""
    source = IBM_PROVIDER_CHAIN + "other = least_busy(backends)\n"
    assert fixed(IBM_PROVIDER_CHAIN, {"QKM207"}) != IBM_PROVIDER_CHAIN
    assert fixed(source, {"QKM207"}) == source


# A stand-in for QiskitRuntimeService, no network: every call must bind the real signature.
FAKE_SERVICE = """\
import inspect
import qiskit_ibm_runtime
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

REAL = qiskit_ibm_runtime.QiskitRuntimeService


class FakeService:
    def __init__(self, *args, **kwargs):
        inspect.signature(REAL.__init__).bind(self, *args, **kwargs)

    def backend(self, *args, **kwargs):
        inspect.signature(REAL.backend).bind(self, *args, **kwargs)
        return FakeManilaV2()

    def backends(self, *args, **kwargs):
        inspect.signature(REAL.backends).bind(self, *args, **kwargs)
        return [FakeManilaV2()]

    def least_busy(self, *args, **kwargs):
        inspect.signature(REAL.least_busy).bind(self, *args, **kwargs)
        return FakeManilaV2()


qiskit_ibm_runtime.QiskitRuntimeService = FakeService
"""


# The backend the chain got, used as a program would (local mode: a fake runs on Aer).
RUN_ON_IT = """\
from qiskit import transpile
from qiskit_ibm_runtime import SamplerV2
circuit = QuantumCircuit(1)
circuit.x(0)
circuit.measure_all()
job = SamplerV2(mode=backend).run([transpile(circuit, backend)], shots=50)
print(sum(job.result()[0].data.meas.get_counts().values()))
"""


def test_fixed_service_chain_runs_with_a_fake_service(tmp_path: Path) -> None:
    import subprocess
    import sys
    (tmp_path / "sitecustomize.py").write_text(FAKE_SERVICE)
    (tmp_path / "chain.py").write_text(IBMQ_CHAIN + RUN_ON_IT)
    result = command("check", "--fix", "--unsafe-fixes", "--select", "QKM2", "chain.py",
                     cwd=tmp_path)
    assert result.stdout == "", result.stdout
    assert (tmp_path / "chain.py").read_text().startswith(SERVICE_CHAIN)
    run = subprocess.run([sys.executable, "chain.py"], capture_output=True, text=True,
                         cwd=tmp_path, env={"PYTHONPATH": str(tmp_path), "PATH": ""})
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["fake_manila", "fake_manila", "1", "50"]


def test_get_backend_becomes_backend() -> None:
    source = ("from qiskit_ibm_runtime import QiskitRuntimeService\n"
              "service = QiskitRuntimeService()\n"
              "a = service.get_backend('ibm_kyiv')\nb = service.get_backend(name='x', instance=i)\n"
              "c = service.get_backend()\n")
    assert offered(source, "QKM208") == [(3, 5, True), (4, 5, True), (5, 5, False)]
    assert fixed(source, {"QKM208"}) == source.replace(
        "a = service.get_backend(", "a = service.backend(").replace(
        "b = service.get_backend(", "b = service.backend(")


def test_ibmq_bound_by_a_star_import_is_rewritten_too() -> None:
    source = ("from qiskit import *\nIBMQ.load_account()\nprovider = IBMQ.get_provider()\n"
              "device = provider.get_backend('ibm_kyiv')\n")
    assert offered(source, "QKM204") == [(2, 1, True)]
    assert fixed(source, {"QKM204"}) == (
        "from qiskit import *\nfrom qiskit_ibm_runtime import QiskitRuntimeService\n"
        "service = QiskitRuntimeService()\ndevice = service.backend('ibm_kyiv')\n")


def test_primitive_chain_not_fixed_for_a_target_without_the_v2_classes(tmp_path: Path) -> None:
    (tmp_path / "p.py").write_text(LEGACY_PRIMITIVES)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\nversion = "1"\ndependencies = ["qiskit==0.46.3"]\n')
    result = command("check", "--diff", "--unsafe-fixes", "p.py", cwd=tmp_path)
    assert result.stdout == ""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\nversion = "1"\ndependencies = ["qiskit>=1.2"]\n')
    result = command("check", "--diff", "--unsafe-fixes", "p.py", cwd=tmp_path)
    assert "+print(\"E\", estimator.run([(bell, zz)]).result()[0].data.evs)" in result.stdout
