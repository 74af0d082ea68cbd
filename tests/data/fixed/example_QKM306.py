from qiskit import QuantumCircuit
from qiskit.quantum_info import SparsePauliOp
from qiskit_ibm_runtime import EstimatorV1, QiskitRuntimeService

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
observable = SparsePauliOp("ZZ")
backend = QiskitRuntimeService().backend("ibm_brisbane")
values = EstimatorV1(mode=backend).run(circuit, observable).result().values
