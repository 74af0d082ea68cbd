from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.primitives import StatevectorEstimator
from qiskit.quantum_info import SparsePauliOp

theta = Parameter("theta")
ansatz = QuantumCircuit(1)
ansatz.ry(theta, 0)

hamiltonian = SparsePauliOp.from_list([("Z", 1.0), ("X", 0.5)])

estimator = StatevectorEstimator()
result = estimator.run([(ansatz, hamiltonian, [0.1]), (ansatz, hamiltonian, [1.2])]).result()
print("evs:", [round(float(pub.data.evs), 6) for pub in result])
