"""Autofix: before/after pairs for every fix, idempotence, safety classes, notebooks, and a
sweep showing no fix ever produces code that does not parse."""

from __future__ import annotations

import ast
import json
import os
from pathlib import Path

import pytest
from helpers import command

from flake8_qiskit_migrate.engine import REGISTRY, Finding, check
from flake8_qiskit_migrate.edits import Edit, apply
from flake8_qiskit_migrate.registry import Settings
from flake8_qiskit_migrate.snippets import snippets

FIXTURES = Path(__file__).parent / "fixtures"
OPT_IN = Settings(explicit=("QKM6",))  # the opt-in family on, as --extend-select QKM6 does

CASES = [
    ("QKM412", """\
from qiskit_ibm_runtime import SamplerV2, Session
with Session(backend=backend) as session:
    sampler = SamplerV2( session = session )  # keep this comment
""", """\
from qiskit_ibm_runtime import SamplerV2, Session
with Session(backend=backend) as session:
    sampler = SamplerV2( mode = session )  # keep this comment
"""),
    ("QKM412", """\
from qiskit_ibm_runtime import Sampler as S
S(session=s, backend=b)
S(session=s, mode=m)
""", None),  # both session= and backend=, or a mode already: left alone
    ("QKM413", """\
import qiskit_ibm_runtime as rt
backend = rt.QiskitRuntimeService().least_busy()
estimator = rt.EstimatorV2(
    backend=backend,  # the device
    options={"default_shots": 10},
)
""", """\
import qiskit_ibm_runtime as rt
backend = rt.QiskitRuntimeService().least_busy()
estimator = rt.EstimatorV2(
    mode=backend,  # the device
    options={"default_shots": 10},
)
"""),
    ("QKM414", """\
from qiskit_ibm_runtime import Batch, QiskitRuntimeService, Session
service = QiskitRuntimeService()
backend = service.backend("ibm_kyiv")
Session(service=service, backend=backend)
Batch(service, backend)
Session(backend=backend, service=service)
""", """\
from qiskit_ibm_runtime import Batch, QiskitRuntimeService, Session
service = QiskitRuntimeService()
backend = service.backend("ibm_kyiv")
Session(backend=backend)
Batch(backend)
Session(backend=backend)
"""),
    ("QKM414", """\
from qiskit_ibm_runtime import QiskitRuntimeService, Session
Session(service=QiskitRuntimeService(), backend="ibm_brisbane")
""", None),  # a backend name needs service.backend(name) first: not mechanical
    ("QKM501", """\
from qiskit_ibm_runtime import QiskitRuntimeService
QiskitRuntimeService(channel='ibm_quantum', instance=crn)
""", """\
from qiskit_ibm_runtime import QiskitRuntimeService
QiskitRuntimeService(channel='ibm_quantum_platform', instance=crn)
"""),
    ("QKM301", """\
from qiskit.primitives import (
    Sampler,  # reference
    Estimator as E,
)
import qiskit.primitives as prims
sampler = Sampler()
estimator = prims.Estimator()
""", """\
from qiskit.primitives import (
    StatevectorSampler as Sampler,  # reference
    StatevectorEstimator as E,
)
import qiskit.primitives as prims
sampler = Sampler()
estimator = prims.StatevectorEstimator()
"""),
    ("QKM301", """\
from qiskit.primitives.sampler import Sampler
Sampler()
""", None),  # from a submodule: the V2 class lives elsewhere
    ("QKM302", """\
from qiskit.primitives import BackendSampler
from qiskit_aer import AerSimulator
import qiskit
backend = AerSimulator()
sampler = BackendSampler(backend)
qiskit.primitives.BackendEstimator(backend)
""", """\
from qiskit.primitives import BackendSamplerV2 as BackendSampler
from qiskit_aer import AerSimulator
import qiskit
backend = AerSimulator()
sampler = BackendSampler(backend=backend)
qiskit.primitives.BackendEstimatorV2(backend=backend)
"""),
    ("QKM302", """\
from qiskit.primitives import BackendSampler
sampler = BackendSampler(backend)
""", None),  # a backend not proven a simulator: V1 transpiled for it, V2 does not
    ("QKM304", """\
from qiskit_aer.primitives import Sampler
sampler = Sampler(run_options={"shots": 2000, "seed": 42})
""", """\
from qiskit_aer.primitives import SamplerV2 as Sampler
sampler = Sampler(default_shots=2000, seed=42)
"""),
    ("QKM204", '''\
"""Notebook export."""
from qiskit import IBMQ

IBMQ.load_account()
''', '''\
"""Notebook export."""
from qiskit import IBMQ
from qiskit_ibm_runtime import QiskitRuntimeService

QiskitRuntimeService()
'''),
    ("QKM203", """\
from qiskit import QuantumCircuit, execute, Aer, IBMQ, QuantumRegister  # keep this comment
from qiskit import IBMQ as Q
""", """\
from qiskit import QuantumCircuit, execute, Aer, QuantumRegister  # keep this comment
"""),  # never used: dropped from the import, as ruff's F401 drops it
    ("QKM202", """\
from qiskit.providers.ibmq import job_manager
from qiskit.providers.ibmq import least_busy, job_monitor as monitor
print(job_manager)
""", """\
from qiskit.providers.ibmq import job_manager
print(job_manager)
"""),  # the statement goes when its last name goes (a second round)
    ("QKM209", """\
from qiskit import IBMQ
from qiskit.providers.ibmq import least_busy
provider = IBMQ.load_account()
backend = least_busy(provider.backends(filters=lambda b: b.configuration().n_qubits >= 5))
""", """\
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()
backend = service.least_busy(filters=lambda b: b.configuration().n_qubits >= 5)
"""),  # the whole provider chain (QKM205's fix): IBMBackend keeps configuration()
    ("QKM207", """\
from qiskit_ibm_provider import IBMProvider
from qiskit_ibm_runtime import QiskitRuntimeService
provider = IBMProvider()  # never read
""", """\
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()  # never read
"""),  # the whole (one-step) chain: the provider import goes too
]
CASES += [
    ("QKM601", """\
\"\"\"Docstring.\"\"\"
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2, EstimatorV2 as E  # tail
from qiskit_ibm_runtime import (
    SamplerV2 as S,
)
from qiskit_ibm_runtime.options import EstimatorOptions
import qiskit_ibm_runtime

sampler = SamplerV2(mode=backend)
estimator = E(mode=backend, options=EstimatorOptions())
qiskit_ibm_runtime.SamplerV2(mode=backend)
""", """\
\"\"\"Docstring.\"\"\"
from qiskit_ibm_runtime import QiskitRuntimeService  # tail
from qiskit_ibm_runtime.executor_sampler import SamplerV2
from qiskit_ibm_runtime.executor_estimator import EstimatorV2 as E
from qiskit_ibm_runtime.executor_sampler import SamplerV2 as S
from qiskit_ibm_runtime.options_models import EstimatorOptions
import qiskit_ibm_runtime

sampler = SamplerV2(mode=backend)
estimator = E(mode=backend, options=EstimatorOptions())
qiskit_ibm_runtime.SamplerV2(mode=backend)
"""),  # attribute uses keep their text: the submodule is not imported by the package
    ("QKM601", """\
from qiskit_ibm_runtime import Sampler, Session  # ok to split
try:
    from qiskit_ibm_runtime.executor_sampler import Sampler as Shim
except ImportError:
    from qiskit_ibm_runtime import SamplerV2 as Shim
""", """\
from qiskit_ibm_runtime import Session  # ok to split
from qiskit_ibm_runtime.executor_sampler import Sampler
try:
    from qiskit_ibm_runtime.executor_sampler import Sampler as Shim
except ImportError:
    from qiskit_ibm_runtime import SamplerV2 as Shim
"""),
]
CASES += [
    ("QKM707", """\
from qiskit_aer import AerSimulator
backend = AerSimulator()
print(backend.name(), backend.name( ))
name = backend.name(
)
backend.name("x")
""", """\
from qiskit_aer import AerSimulator
backend = AerSimulator()
print(backend.name, backend.name)
name = backend.name
backend.name("x")
"""),  # with an argument it is still reported, not fixed
]
CASES += [
    ("QKM709", """\
from qiskit.providers import JobStatus
from qiskit_ibm_runtime import RuntimeJobV2
def wait(job: RuntimeJobV2) -> None:
    while job.status() not in (JobStatus.DONE, JobStatus.ERROR):
        pass
    assert job.status() != JobStatus.VALIDATING
    job.status() is JobStatus.DONE
""", """\
from qiskit.providers import JobStatus
from qiskit_ibm_runtime import RuntimeJobV2
def wait(job: RuntimeJobV2) -> None:
    while job.status() not in ("DONE", "ERROR"):
        pass
    assert job.status() != JobStatus.VALIDATING
    job.status() is JobStatus.DONE
"""),  # no string status is VALIDATING, and `is "DONE"` tests identity: reported, not fixed
]
CASES += [
    ("QKM212", """\
from qiskit.tools.monitor import job_monitor
job = sampler.run([(circuit,)])
job_monitor(job)
if job.done():
    job_monitor(job)
print(job.result())
""", """\
job = sampler.run([(circuit,)])
if job.done():
    pass
print(job.result())
"""),
]
CASES += [
    (code, """\
from qiskit import QuantumCircuit
from qiskit.primitives import Estimator
qc = QuantumCircuit(1)
value = Estimator().run([qc], [op]).result().values[0]
""", """\
from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorEstimator as Estimator
qc = QuantumCircuit(1)
value = Estimator().run([(qc, op)]).result()[0].data.evs
""") for code in ("QKM307", "QKM308")
]
CASES += [
    ("QKM205", """\
from qiskit import IBMQ
IBMQ.load_account()
provider = IBMQ.get_provider(hub="h", group="g", project="p")
backend = provider.get_backend("ibm_kyiv")
""", """\
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()  # was IBMQ.get_provider(hub="h", group="g", project="p"): \
instance= now takes an IBM Cloud CRN or name
backend = service.backend("ibm_kyiv")
"""),
    ("QKM208", """\
from qiskit_ibm_runtime import QiskitRuntimeService
backend = QiskitRuntimeService().get_backend("ibm_kyiv")
""", """\
from qiskit_ibm_runtime import QiskitRuntimeService
backend = QiskitRuntimeService().backend("ibm_kyiv")
"""),
]
CASES += [
    ("QKM210", """\
from qiskit.providers.aer.noise import (NoiseModel,
                                        depolarizing_error)  # kept
import qiskit.providers.aer as aer
""", """\
from qiskit_aer.noise import (NoiseModel,
                                        depolarizing_error)  # kept
import qiskit_aer as aer
"""),
    ("QKM210", "from qiskit.providers.aer import PulseSimulator\n", None),  # gone from Aer
    ("QKM107", """\
from qiskit import QuantumCircuit, Aer  # tail
    """.rstrip(" ") + """\
if True:
    from qiskit import Aer, transpile
""", """\
from qiskit import QuantumCircuit  # tail
from qiskit_aer import Aer
if True:
    from qiskit import transpile
    from qiskit_aer import Aer
"""),
    ("QKM211", """\
from qiskit.providers.fake_provider import FakeManila as Device, GenericBackendV2
""", """\
from qiskit.providers.fake_provider import GenericBackendV2
from qiskit_ibm_runtime.fake_provider import FakeManilaV2 as Device
"""),
    ("QKM111", """\
from qiskit_aer import Aer
backend = Aer.get_backend("qasm_simulator")
Aer.get_backend("statevector_simulator")
""", """\
from qiskit_aer import Aer
from qiskit_aer import AerSimulator
backend = AerSimulator()
Aer.get_backend("statevector_simulator")
"""),
    ("QKM416", """\
from qiskit import execute
from qiskit_aer import AerSimulator
sim = AerSimulator()
execute(circuit, sim, optimization_level=1)
sim.run(circuit, optimization_level=1)
""", """\
from qiskit import transpile
from qiskit_aer import AerSimulator
sim = AerSimulator()
sim.run(transpile(circuit, sim, optimization_level=1))
sim.run(circuit, optimization_level=1)
"""),
    ("QKM406", """\
from qiskit import execute
from qiskit_aer import AerSimulator
sim = AerSimulator()
execute(circuit, sim, max_credits=10)
sim.run(circuit, max_credits=10)
""", """\
from qiskit import transpile
from qiskit_aer import AerSimulator
sim = AerSimulator()
sim.run(transpile(circuit, sim))
sim.run(circuit, max_credits=10)
"""),
    ("QKM108", """\
from qiskit import BasicAer
backend = BasicAer.get_backend("qasm_simulator")
""", """\
from qiskit.providers.basic_provider import BasicSimulator
backend = BasicSimulator()
"""),
    ("QKM108", """\
from qiskit import BasicAer
BasicAer.get_backend("qasm_simulator")
BasicAer.get_backend("statevector_simulator")
""", None),  # the import and all its uses change together, or none
    ("QKM101", """\
from qiskit import QuantumCircuit, execute
from qiskit_aer import AerSimulator
sim = AerSimulator()
job = execute(circuit, sim, shots=10,
              seed_transpiler=1)
""", """\
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
sim = AerSimulator()
job = sim.run(transpile(circuit, sim, seed_transpiler=1), shots=10)
"""),
    ("QKM211", """\
from qiskit.test.mock import FakeVigo
print(FakeVigo().name())
""", None),  # name() is a string attribute of a V2 backend
    ("QKM103", """\
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
sim = AerSimulator()
qc = QuantumCircuit(2, 2)
job = sim.run(transpile(qc, sim), shots=10)
counts = job.result().get_counts()
""", """\
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.primitives import BackendSamplerV2
sim = AerSimulator()
qc = QuantumCircuit(2, 2)
job = BackendSamplerV2(backend=sim).run([transpile(qc, sim)], shots=10)
counts = job.result()[0].data.c.get_counts()
"""),
    ("QKM103", """\
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
sim = AerSimulator()
qc = QuantumCircuit(2, 2)
qc.measure_all()
counts = sim.run(transpile(qc, sim), shots=10).result().get_counts()
""", None),  # two registers: the keys of the counts would change
    ("QKM102", """\
from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService
backend = QiskitRuntimeService().backend("ibm_kyiv")
qc = QuantumCircuit(2, 2)
counts = backend.run(qc, shots=10).result().get_counts()
""", """\
from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager
from qiskit_ibm_runtime.executor_sampler import Sampler
backend = QiskitRuntimeService().backend("ibm_kyiv")
qc = QuantumCircuit(2, 2)
isa_qc = generate_preset_pass_manager(backend=backend, optimization_level=1).run(qc)
counts = Sampler(mode=backend).run([isa_qc], shots=10).result()[0].data.c.get_counts()
"""),
    ("QKM401", """\
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
sim = AerSimulator()
qc = QuantumCircuit(2, 2)
counts = sim.run(transpile(qc, sim), shots=10).result().get_counts()
""", """\
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.primitives import BackendSamplerV2
sim = AerSimulator()
qc = QuantumCircuit(2, 2)
counts = BackendSamplerV2(backend=sim).run([transpile(qc, sim)], shots=10).result()[0].data.c.\
get_counts()
"""),
    ("QKM402", """\
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_runtime import QiskitRuntimeService
backend = QiskitRuntimeService().backend("ibm_kyiv")
qc = QuantumCircuit(2, 2)
shots = backend.run(transpile(qc, backend), memory=True).result().get_memory()
""", """\
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_sampler import Sampler
backend = QiskitRuntimeService().backend("ibm_kyiv")
qc = QuantumCircuit(2, 2)
shots = Sampler(mode=backend).run([transpile(qc, backend)]).result()[0].data.c.get_bitstrings()
"""),
    ("QKM402", """\
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_runtime import QiskitRuntimeService
backend = QiskitRuntimeService().backend("ibm_kyiv")
qc = QuantumCircuit(2, 2)
counts = backend.run(transpile(qc, backend), rep_delay=1e-4).result().get_counts()
""", None),  # only memory=True goes with the Sampler fix
    ("QKM701", """\
from qiskit import Aer, assemble, transpile
sim = Aer.get_backend("aer_simulator")
qobj = assemble(transpile(qc, sim), shots=100)  # the Qobj
counts = sim.run(qobj).result().get_counts()
""", """\
from qiskit import Aer, transpile
sim = Aer.get_backend("aer_simulator")
# the Qobj
counts = sim.run(transpile(qc, sim), shots=100).result().get_counts()
"""),  # the statement goes, its comment stays
]
# An option of a ``backend.run`` whose Sampler fix takes it away carries that fix.
CASES += [
    (code, """\
from qiskit import QuantumCircuit
from qiskit_aer import AerSimulator
sim = AerSimulator()
qc = QuantumCircuit(1, 1)
result = sim.run(qc, shots=5, memory=True, noise_model=nm).result()
bits = result.get_memory()
""", """\
from qiskit import QuantumCircuit
from qiskit_aer import AerSimulator
from qiskit.primitives import BackendSamplerV2
sim = AerSimulator()
qc = QuantumCircuit(1, 1)
result = BackendSamplerV2(backend=sim, options={"run_options": {"noise_model": nm}}).run([qc], \
shots=5).result()
bits = result[0].data.c.get_bitstrings()
""") for code in ("QKM401", "QKM402", "QKM417")
] + [
    ("QKM401", """\
from qiskit import QuantumCircuit, execute
from qiskit_aer import AerSimulator
qc = QuantumCircuit(1, 1)
counts = execute(qc, AerSimulator(), shots=5).result().get_counts()
""", """\
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.primitives import BackendSamplerV2
qc = QuantumCircuit(1, 1)
counts = BackendSamplerV2(backend=AerSimulator()).run([transpile(qc, AerSimulator())], shots=5)\
.result()[0].data.c.get_counts()
"""),  # the fix of execute keeps shots= on backend.run: the option's is the Sampler form
]
CASES += [
    # The Runtime V1 primitives in a session: the V2 class of the targets, ISA circuits.
    ("QKM305", (
        "from qiskit import QuantumCircuit\n"
        "from qiskit_ibm_runtime import QiskitRuntimeService, Sampler, Session\n"
        "\n"
        'backend = QiskitRuntimeService().backend("ibm_kyiv")\n'
        "qc = QuantumCircuit(1, 1)\n"
        "qc.measure(0, 0)\n"
        "with Session(backend=backend) as session:\n"
        "    counts = Sampler(session=session).run(qc).result().quasi_dists[0]\n"
    ), (
        "from qiskit import QuantumCircuit\n"
        "from qiskit_ibm_runtime import QiskitRuntimeService, Session\n"
        "from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager\n"
        "from qiskit_ibm_runtime.executor_sampler import Sampler\n"
        "\n"
        'backend = QiskitRuntimeService().backend("ibm_kyiv")\n'
        "qc = QuantumCircuit(1, 1)\n"
        "qc.measure(0, 0)\n"
        "with Session(backend=backend) as session:\n"
        "    pass_manager = generate_preset_pass_manager(optimization_level=1, backend=backe"
        "nd)\n"
        "    counts = {k: n / bits.num_shots for bits in [Sampler(mode=session).run([pass_ma"
        "nager.run(qc)]).result()[0].join_data()] for k, n in bits.get_int_counts().items()}\n"
    )),
    ("QKM306", (
        "from qiskit import QuantumCircuit\n"
        "from qiskit.quantum_info import SparsePauliOp\n"
        "from qiskit_ibm_runtime import Estimator, QiskitRuntimeService, Session\n"
        "\n"
        'backend = QiskitRuntimeService().backend("ibm_kyiv")\n'
        "qc = QuantumCircuit(1)\n"
        "with Session(backend=backend) as session:\n"
        '    value = Estimator(session=session).run(qc, SparsePauliOp("Z")).result().values['
        '0]\n'
    ), (
        "from qiskit import QuantumCircuit\n"
        "from qiskit.quantum_info import SparsePauliOp\n"
        "from qiskit_ibm_runtime import QiskitRuntimeService, Session\n"
        "from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager\n"
        "from qiskit_ibm_runtime.executor_estimator import Estimator\n"
        "\n"
        'backend = QiskitRuntimeService().backend("ibm_kyiv")\n'
        "qc = QuantumCircuit(1)\n"
        "with Session(backend=backend) as session:\n"
        "    pass_manager = generate_preset_pass_manager(optimization_level=1, backend=backe"
        "nd)\n"
        '    value = Estimator(mode=session).run([(isa, SparsePauliOp(o).apply_layout(isa.la'
        'yout), *rest) for isa, o, *rest in [(pass_manager.run(qc), SparsePauliOp("Z"))]]).r'
        'esult()[0].data.evs\n'
    )),
]

IDS = [f"{code}-{i}" for i, (code, _, _) in enumerate(CASES)]


def fixable(source: str, codes: set[str] | None = None) -> list[Finding]:
    """The findings of the wanted codes that carry a fix."""
    return [f for f in check(ast.parse(source), source, settings=OPT_IN)
            if f.edits and (codes is None or f.code in codes)]


def fix(source: str, codes: set[str] | None = None) -> tuple[str, list[Finding]]:
    """The source with the fixes applied as the command does (merged, re-checked while fixes
    overlapped, at most four rounds), and the findings fixed."""
    done: list[Finding] = []
    for _ in range(4):
        wanted = fixable(source, codes)
        fixed, applied = apply(source, [f.edits for f in wanted])
        if fixed == source:
            break
        ast.parse(fixed)
        source = fixed
        done += [wanted[i] for i in applied]
        if len(applied) == len(wanted):
            break
    return source, done


def codes_in(source: str) -> list[str]:
    """The codes a default run reports (the opt-in family off, as in the command's runs)."""
    return [finding.code for finding in check(ast.parse(source), source)]


@pytest.mark.parametrize("code, before, after", CASES, ids=IDS)
def test_fix_before_after(code: str, before: str, after: str | None) -> None:
    fixed, done = fix(before, {code})
    assert fixed == (after if after is not None else before)
    if after is not None:
        assert done and all(f.code == code for f in done)
        assert fix(fixed, {code})[0] == fixed  # a second fix changes nothing
        fixed_lines = {f.line for f in done}
        remaining = [f for f in check(ast.parse(fixed), fixed, settings=OPT_IN) if f.code == code]
        assert not [f for f in remaining if f.line in fixed_lines and code != "QKM204"]


def test_every_fixable_rule_has_a_case_and_a_fix_safety_text() -> None:
    fixable = {rule.code for rule in REGISTRY if rule.fix is not None}
    assert fixable == {code for code, _, after in CASES if after is not None}
    for code in fixable:
        fix = REGISTRY.rules[code].fix
        assert fix is not None and fix.applicability in ("safe", "unsafe") and fix.safety


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.py")), ids=lambda p: p.name)
def test_fixing_every_fixture_keeps_it_parseable_and_is_idempotent(path: Path) -> None:
    source = path.read_text()
    fixed, _ = fix(source)
    ast.parse(fixed)
    assert fix(fixed)[0] == fixed


run = command


MIXED = """\
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2, Session
from qiskit.primitives import Sampler

service = QiskitRuntimeService(channel="ibm_quantum")
backend = service.backend("ibm_brisbane")
with Session(service=service, backend=backend) as session:
    sampler = SamplerV2(session=session)
"""


def test_diff_shows_safe_fixes_and_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(MIXED)
    result = run("check", "--diff", "a.py", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "--- a/a.py",
        "+++ b/a.py",
        "@@ -3,5 +3,5 @@",
        " ",
        ' service = QiskitRuntimeService(channel="ibm_quantum")',
        ' backend = service.backend("ibm_brisbane")',
        "-with Session(service=service, backend=backend) as session:",
        "-    sampler = SamplerV2(session=session)",
        "+with Session(backend=backend) as session:",
        "+    sampler = SamplerV2(mode=session)",
    ]
    assert (tmp_path / "a.py").read_text() == MIXED


def test_fix_applies_safe_fixes_and_reports_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(MIXED)
    result = run("check", "--fix", "a.py", cwd=tmp_path, quiet=False)
    assert result.returncode == 1
    *findings, blank, found, unsafe = result.stdout.splitlines()
    assert [line.split(" ")[1] for line in findings] == ["QKM301", "QKM501"]
    assert (blank, found) == ("", "Found 4 errors (2 fixed, 2 remaining).")
    assert unsafe == "2 unsafe fixes available with `--fix --unsafe-fixes`."
    assert "SamplerV2(mode=session)" in (tmp_path / "a.py").read_text()
    again = run("check", "--fix", "a.py", cwd=tmp_path, quiet=False)
    assert "Found 2 errors (0 fixed, 2 remaining)." in again.stdout


def test_unsafe_fixes_fix_everything_fixable(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(MIXED)
    result = run("check", "--fix", "--unsafe-fixes", "a.py", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    fixed = (tmp_path / "a.py").read_text()
    assert 'channel="ibm_quantum_platform"' in fixed
    assert "import StatevectorSampler as Sampler" in fixed
    assert codes_in(fixed) == []


def test_stdin_fix_prints_the_fixed_buffer(tmp_path: Path) -> None:
    result = run("check", "--fix", "-", "--stdin-filename", "a.py", cwd=tmp_path, stdin=MIXED)
    assert result.returncode == 1 and "SamplerV2(mode=session)" in result.stdout
    assert "a.py:" not in result.stdout and "QKM501" in result.stderr  # left: an unsafe fix


def test_notebook_fix_rewrites_code_cells_and_keeps_the_rest(tmp_path: Path) -> None:
    document = {
        "cells": [
            {"cell_type": "markdown", "metadata": {"tags": ["x"]}, "source": ["# Title\n"]},
            {"cell_type": "code", "metadata": {}, "execution_count": 3,
             "outputs": [{"output_type": "stream", "name": "stdout", "text": ["hi\n"]}],
             "source": ["%matplotlib inline\n", "from qiskit_ibm_runtime import SamplerV2\n",
                        "s = SamplerV2(session=session)  # é"]},
        ],
        "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5,
    }
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(document))
    result = run("check", "--fix", "nb.ipynb", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    fixed = json.loads(path.read_text())
    assert fixed["cells"][1]["source"] == [
        "%matplotlib inline\n", "from qiskit_ibm_runtime import SamplerV2\n",
        "s = SamplerV2(mode=session)  # é"]
    for key in ("metadata", "nbformat", "nbformat_minor"):
        assert fixed[key] == document[key]
    assert fixed["cells"][0] == document["cells"][0]
    assert fixed["cells"][1]["outputs"] == document["cells"][1]["outputs"]


def test_json_fix_objects_are_cell_relative(tmp_path: Path) -> None:
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["x"]},
                    {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                     "source": ["from qiskit_ibm_runtime import SamplerV2\n",
                                "SamplerV2(session=s)\n"]}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "nb.ipynb").write_text(json.dumps(nb))
    [diagnostic] = json.loads(run("check", "--output-format", "json", "nb.ipynb",
                                  cwd=tmp_path).stdout)
    assert diagnostic["cell"] == 2
    assert diagnostic["fix"] == {
        "applicability": "safe",
        "edits": [{"content": "mode", "cell": 2, "location": {"row": 2, "column": 11},
                   "end_location": {"row": 2, "column": 18}}],  # the minimal edit
        "message": "Replace `session=` with `mode=`",
    }


def test_rules_export_says_which_rules_have_fixes(tmp_path: Path) -> None:
    exported = {r["code"]: r for r in json.loads(run("rules", "--output-format", "json",
                                                     cwd=tmp_path).stdout)}
    assert exported["QKM412"]["fix_availability"] == "Sometimes"
    assert exported["QKM320"]["fix"] == "Fix is not available."
    assert "## Fix safety" in exported["QKM412"]["explanation"]
    assert "## Fix\nNo fix: transpiling needs" in exported["QKM320"]["explanation"]


def test_documented_fixing_diff_is_real() -> None:
    root = Path(__file__).parent.parent
    readme = (root / "docs" / "fixing.md").read_text(encoding="utf-8")
    shown = readme.split("$ flake8-qiskit-migrate check examples/legacy_runtime_v1.py --diff "
                         "--unsafe-fixes\n", 1)[1].split("```", 1)[0]
    result = run("check", "examples/legacy_runtime_v1.py", "--diff", "--unsafe-fixes", cwd=root)
    assert result.stdout == shown


# Every fixture, corpus program and rule example, fixed with every fix (unsafe ones and the
# opt-in family included): the text must equal what the earlier libcst-based fixer produced,
# recorded in tests/data/fixed/ (files it did not change have no recording), except where a
# fix's precondition is not proven there (tests/test_fix_preconditions.py): those recordings
# were rewritten to the text with that fix not offered.
RECORDED = Path(__file__).parent / "data" / "fixed"
ORACLE = {
    **{p.name: p for p in sorted(FIXTURES.glob("*.py"))},
    **{f"corpus_{p.name}": p for p in sorted((FIXTURES.parent / "corpus").glob("*.py"))},
}
EXAMPLES = {f"example_{rule.code}.py": rule.code for rule in REGISTRY}


# Where the libcst fixer was wrong: it rewrote the ``IBMProvider()`` inside a reported
# ``IBMProvider().get_backend(...)`` into ``QiskitRuntimeService().get_backend(...)``, an API
# removed in qiskit-ibm-runtime 0.30 (QKM208). The reported call has arguments: no fix.
DIVERGES = {"QKM102.py", "QKM404.py", "example_QKM105.py"}


@pytest.mark.parametrize("name", [*ORACLE, *EXAMPLES])
def test_fixed_text_equals_the_recorded_result(name: str) -> None:
    source = ORACLE[name].read_text() if name in ORACLE else snippets(EXAMPLES[name])[0]
    recorded = RECORDED / name
    expected = recorded.read_text() if recorded.exists() else source
    if name in DIVERGES:
        assert "QiskitRuntimeService().get_backend(" in expected
        assert "QiskitRuntimeService().get_backend(" not in fix(source)[0]
        assert "IBMProvider().get_backend(" in fix(source)[0]
    else:
        assert fix(source)[0] == expected


def test_every_recording_has_its_input() -> None:
    assert {p.name for p in RECORDED.iterdir()} <= {*ORACLE, *EXAMPLES}


def test_applier_merges_edits_skips_overlaps_and_dedupes_identical_ones() -> None:
    text = "a = f(x, y)\n"
    rename = (Edit(1, 7, 1, 8, "z"),)  # x -> z
    overlapping = (Edit(1, 7, 1, 11, "w"),)  # x, y -> w: overlaps the rename
    insert = (Edit(1, 1, 1, 1, "import f\n"),)
    same_insert = (Edit(1, 1, 1, 1, "import f\n"), Edit(1, 10, 1, 11, "v"))
    fixed, applied = apply(text, [overlapping, rename, insert, same_insert])
    assert applied == [2, 3, 1]  # by first edit; the overlapping fix waits for a re-run
    assert fixed == "import f\na = f(z, v)\n"  # the identical insertion made once


ENCODED = (
    "# -*- coding: latin-1 -*-\r\n"
    "from qiskit_ibm_runtime import SamplerV2, Session\r\n"
    'label = "r\u00e9sum\u00e9"\r\n'
    "with Session(backend=backend) as session:\r\n"
    '\tsampler = SamplerV2(session=session); note = "\u00e9t\u00e9"\r\n'
)


def test_fix_keeps_encoding_newlines_tabs_and_other_text_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "legacy.py"
    path.write_bytes(ENCODED.encode("latin-1"))
    result = run("check", "--fix", "legacy.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = ENCODED.replace("SamplerV2(session=", "SamplerV2(mode=").encode("latin-1")
    assert path.read_bytes() == expected


def test_fix_keeps_a_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.py"
    body = "from qiskit_ibm_runtime import SamplerV2\r\nSamplerV2(session=b)  # \u00e9\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode())
    run("check", "--fix", "bom.py", cwd=tmp_path)
    assert path.read_bytes() == b"\xef\xbb\xbf" + body.replace("session=", "mode=").encode()


def test_json_edits_applied_independently_equal_fix(tmp_path: Path) -> None:
    """Apply the JSON edits with a few lines of code of our own (no project code), as an
    editor or a ruff-style consumer would, until nothing is left: the text equals --fix's."""
    source = MIXED + 'acct = IBMQ.load_account(); again = IBMQ.load_account()\n' \
        "from qiskit import IBMQ\n"
    (tmp_path / "a.py").write_text(source)
    (tmp_path / "b.py").write_text(source)
    for _ in range(4):
        report = json.loads(run("check", "a.py", "--output-format", "json",
                                cwd=tmp_path).stdout)
        text = (tmp_path / "a.py").read_text()
        lines = text.splitlines(keepends=True)
        starts = [sum(len(line) for line in lines[:i]) for i in range(len(lines) + 1)]

        def offset(location: dict[str, int]) -> int:
            return starts[location["row"] - 1] + location["column"] - 1
        edits, taken = [], []
        for diagnostic in report:
            if not diagnostic["fix"]:
                continue
            spans = {(offset(e["location"]), offset(e["end_location"]), e["content"])
                     for e in diagnostic["fix"]["edits"]}
            fresh = spans - set(edits)
            if any(s < te and ts < e for s, e, _ in fresh for ts, te, _ in taken):
                continue
            edits += fresh
            taken += fresh
        if not edits:
            break
        for start, end, content in sorted(edits, reverse=True):
            text = text[:start] + content + text[end:]
        (tmp_path / "a.py").write_text(text)
    run("check", "b.py", "--fix", "--unsafe-fixes", cwd=tmp_path)
    assert (tmp_path / "a.py").read_text() == (tmp_path / "b.py").read_text() != source


def test_fix_writes_through_symlinks_and_keeps_the_mode(tmp_path: Path) -> None:
    real = tmp_path / "real.py"
    real.write_text("from qiskit_ibm_runtime import SamplerV2\nSamplerV2(session=s)\n")
    real.chmod(0o750)
    link = tmp_path / "link.py"
    link.symlink_to(real)
    run("check", "--fix", "link.py", cwd=tmp_path)
    assert link.is_symlink() and "SamplerV2(mode=s)" in real.read_text()
    assert real.stat().st_mode & 0o777 == 0o750
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".qkm")] == []


def test_a_file_changed_since_it_was_read_is_left_alone(tmp_path: Path) -> None:
    from flake8_qiskit_migrate.core import sources
    path = tmp_path / "a.py"
    path.write_text("x = 1\n")
    source = sources.read(str(path))
    path.write_text("x = 2\n")  # someone else saved the file meanwhile
    with pytest.raises(OSError, match="changed on disk"):
        sources.write(source, "x = 3\n")
    assert path.read_text() == "x = 2\n"


def test_unwritable_folder_is_a_clear_error_and_the_file_stays(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "a.py"
    text = "from qiskit_ibm_runtime import SamplerV2\nSamplerV2(session=s)\n"
    path.write_text(text)
    folder.chmod(0o555)
    try:
        result = run("check", "--fix", str(path), cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    if os.geteuid() == 0:  # root writes anyway: the fix lands, and nothing is left behind
        assert "SamplerV2(mode=s)" in path.read_text()
    else:  # more in test_fix_permissions.py, which also runs as root
        assert result.returncode == 2 and "cannot write: permission denied" in result.stderr
        assert path.read_text() == text
    assert [p.name for p in folder.iterdir()] == ["a.py"]


def test_notebook_fix_changes_only_the_fixed_cells_bytes(tmp_path: Path) -> None:
    """Outputs, metadata, key order, indentation and escapes outside the fixed source stay
    byte for byte, whatever wrote the notebook; lines may be added to a cell."""
    cells = [
        {"cell_type": "code", "execution_count": 1, "metadata": {"z": 1, "a": "\u00e9"},
         "outputs": [{"name": "stdout", "output_type": "stream", "text": ["r\u00e9sultat\n"]}],
         "source": ["from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2\n",
                    "s = SamplerV2(session=sess)  # caf\u00e9"]},
        {"cell_type": "markdown", "metadata": {}, "source": "plain text"},
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
         "source": "x = 1\n"},
    ]
    styles = [
        json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3"}},
                    "nbformat": 4, "nbformat_minor": 5}, indent=1, sort_keys=True,
                   ensure_ascii=False) + "\n",  # as nbformat writes
        json.dumps({"nbformat": 4, "cells": cells, "nbformat_minor": 5, "metadata": {}},
                   indent=2),  # another tool: \\u escapes, no final newline, its key order
    ]
    for number, text in enumerate(styles):
        path = tmp_path / f"nb{number}.ipynb"
        path.write_text(text, encoding="utf-8")
        result = run("check", "--fix", "--unsafe-fixes", "--extend-select", "QKM6", path.name,
                     cwd=tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        after = path.read_text(encoding="utf-8")
        fixed = json.loads(after)
        assert fixed["cells"][0]["source"] == [
            "from qiskit_ibm_runtime import QiskitRuntimeService\n",
            "from qiskit_ibm_runtime.executor_sampler import SamplerV2\n",
            "s = SamplerV2(mode=sess)  # caf\u00e9"]
        source_start = text.index('"source"', text.index('"outputs"'))
        old_end = text.index("]", source_start)
        new_end = after.index("]", source_start)
        assert after[:source_start] == text[:source_start]  # outputs and metadata untouched
        assert after[new_end:] == text[old_end:]  # the other cells and the notebook metadata
