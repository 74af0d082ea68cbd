# QKM320: a circuit built here reaches a Runtime primitive on IBM hardware untranspiled.
from qiskit import QuantumCircuit, transpile
from qiskit.circuit.library import RealAmplitudes, efficient_su2, zz_feature_map
from qiskit.quantum_info import SparsePauliOp
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime import Batch, IBMBackend, QiskitRuntimeService, Session
from qiskit_ibm_runtime.executor_estimator import Estimator
from qiskit_ibm_runtime.executor_estimator import EstimatorV2
from qiskit_ibm_runtime.executor_sampler import SamplerV2
from qiskit_ibm_runtime.fake_provider import FakeSherbrooke

service = QiskitRuntimeService()
backend = service.backend("ibm_brisbane")
observable = SparsePauliOp("ZZ")

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
bell.measure_all()
sampler = SamplerV2(mode=backend)
sampler.run([bell])  # QKM320: 14
sampler.run([(bell, None, 100)])  # QKM320: 15
sampler.run(pubs=[bell])  # QKM320: 19
SamplerV2(backend).run([bell])  # QKM320: 25
pubs = [(bell,)]  # QKM320: 10
sampler.run(pubs)  # ok: reported above, where the PUB list spells the circuit
pm = generate_preset_pass_manager(optimization_level=1, backend=backend)
isa = pm.run(bell)
sampler.run([isa])  # ok: the pass manager's output
sampler.run([bell, isa])  # QKM320: 14
transpile(bell, backend)  # the result is dropped: bell is still the circuit built above
sampler.run([bell])  # QKM320: 14


def hardware_estimator(device: IBMBackend) -> None:
    ansatz = efficient_su2(2)
    estimator = EstimatorV2(mode=device)
    estimator.run([(ansatz, observable)])  # QKM320: 21
    ansatz = pm.run(ansatz)
    estimator.run([(ansatz, observable.apply_layout(ansatz.layout))])  # ok: transpiled


def in_a_session() -> None:
    with Session(backend=service.least_busy(operational=True)) as session:
        estimator = Estimator(mode=session)
        estimator.run([(RealAmplitudes(2), observable)])  # QKM320: 25
    with Batch(backend) as batch:
        SamplerV2(batch).run([zz_feature_map(2)])  # QKM320: 31


def module_names_from_a_function() -> None:
    sampler.run([bell])  # ok: the module may rebind bell before this runs


def transpiled_by_reassignment() -> None:
    qc = QuantumCircuit(2)
    qc.h(0)
    qc = transpile(qc, backend)
    SamplerV2(mode=backend).run([qc])  # ok: reassigned from transpile


def transpiled_in_a_helper() -> None:
    qc = QuantumCircuit(2)
    qc.h(0)
    qc = prepare(qc)
    SamplerV2(mode=backend).run([qc])  # ok: a helper may transpile


def prepare(circuit: QuantumCircuit) -> QuantumCircuit:
    return transpile(circuit, backend)


def from_a_parameter(qc: QuantumCircuit) -> None:
    qc.h(0)
    SamplerV2(mode=backend).run([qc])  # ok: who built it is unknown


def local_modes() -> None:
    qc = QuantumCircuit(2)
    qc.h(0)
    SamplerV2(mode=AerSimulator()).run([qc])  # ok: a local simulator takes any circuit
    SamplerV2(mode=FakeSherbrooke()).run([qc])  # ok: local testing mode (fails at the first run)
    with Session(backend=AerSimulator()) as session:
        SamplerV2(mode=session).run([qc])  # ok
    with Session(backend=backend):
        SamplerV2().run([qc])  # ok: the mode comes from the context manager


def native_gates_only() -> None:
    qc = QuantumCircuit(1)
    qc.sx(0)
    qc.rz(0.5, 0)
    qc.measure_all()
    SamplerV2(mode=backend).run([qc])  # ok: it may be an ISA circuit already


def gates_in_a_helper() -> None:
    qc = QuantumCircuit(2)
    add_gates(qc)
    SamplerV2(mode=backend).run([qc])  # ok: what the helper adds is unknown


def add_gates(circuit: QuantumCircuit) -> None:
    circuit.h(0)


def lists_built_in_a_loop() -> None:
    circuits = []
    for n in range(2, 4):
        circuits.append(efficient_su2(n))
    SamplerV2(mode=backend).run(circuits)  # ok: the list's contents are not followed
    SamplerV2(mode=backend).run([(c,) for c in circuits])  # ok


def chosen_gates() -> None:
    SamplerV2(mode=backend).run([efficient_su2(2, su2_gates=["rz", "sx"])])  # ok: gates chosen


def unknown_modes(mode, estimator) -> None:
    qc = QuantumCircuit(2)
    qc.h(0)
    SamplerV2(mode=mode).run([qc])  # ok: the mode is unknown
    estimator.run([(qc, observable)])  # ok: the primitive is unknown
    EstimatorV2(mode=backend).run([qc])  # ok: not an Estimator PUB
