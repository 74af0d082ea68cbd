# QKM307: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorEstimator
from qiskit.quantum_info import SparsePauliOp

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
observable = SparsePauliOp("ZZ")
estimator = StatevectorEstimator()
job = estimator.run([circuit] * 2, [observable, SparsePauliOp("XX")])

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorEstimator
from qiskit.quantum_info import SparsePauliOp

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
observable = SparsePauliOp("ZZ")
estimator = StatevectorEstimator()
job = estimator.run([(circuit, [observable, SparsePauliOp("XX")])])
expectation_values = job.result()[0].data.evs
