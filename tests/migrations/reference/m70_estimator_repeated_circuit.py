from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.primitives import StatevectorEstimator
from qiskit.quantum_info import SparsePauliOp

theta = Parameter("theta")
ansatz = QuantumCircuit(2)
ansatz.ry(theta, 0)
ansatz.cx(0, 1)

hamiltonian = SparsePauliOp.from_list([("ZZ", 0.5), ("IZ", 1.0), ("XX", 0.3)])
angles = [[0.0], [0.8], [1.6], [2.4]]
print("points:", 4)

estimator = StatevectorEstimator()
result = estimator.run([(ansatz, hamiltonian, angle) for angle in angles]).result()
print("energies:", [round(float(pub.data.evs), 6) for pub in result])

pubs = [(ansatz, SparsePauliOp("ZI"), [0.5]), (ansatz, SparsePauliOp("IZ"), [0.5])]
result = estimator.run(pubs).result()
print("pair:", [round(float(pub.data.evs), 6) for pub in result])
