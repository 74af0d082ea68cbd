# QKM704: the example of the old code, then what to use instead (run by the tests).
from qiskit.result import LocalReadoutMitigator

mitigator = LocalReadoutMitigator(assignment_matrices)
quasi = mitigator.quasi_probabilities(counts)

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.quantum_info import SparsePauliOp
from qiskit_ibm_runtime.executor_estimator import Estimator
from qiskit_ibm_runtime.fake_provider import FakeManilaV2
from qiskit.transpiler import generate_preset_pass_manager

backend = FakeManilaV2()
circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
isa = generate_preset_pass_manager(optimization_level=1, backend=backend).run(circuit)
observable = SparsePauliOp("ZZ").apply_layout(isa.layout)
estimator = Estimator(mode=backend)
estimator.options.resilience.measure_mitigation = True  # TREX (on IBM hardware)
estimator.options.twirling.enable_measure = True
result = estimator.run([(isa, observable)]).result()
print(result[0].data.evs)
