# QKM602: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime import EstimatorV2
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

estimator = EstimatorV2(mode=FakeManilaV2())
estimator.options.seed_estimator = 42
estimator.options.simulator.noise_model = None

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.quantum_info import SparsePauliOp
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel, depolarizing_error
from qiskit_ibm_runtime.executor_estimator import Estimator
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

# The noise comes from the local backend given as the mode; there is no seed_estimator.
noise_model = NoiseModel()
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.01, 2), ["cx"])
backend = AerSimulator.from_backend(FakeManilaV2(), noise_model=noise_model)
circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
isa_circuit = generate_preset_pass_manager(backend=backend, optimization_level=1).run(circuit)
observable = SparsePauliOp("ZZ").apply_layout(isa_circuit.layout)
estimator = Estimator(mode=backend)
estimator.options.resilience_level = 0
estimator.options.simulator.seed_simulator = 42
evs = estimator.run([(isa_circuit, observable)]).result()[0].data.evs
