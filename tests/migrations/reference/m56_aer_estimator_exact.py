from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.quantum_info import SparsePauliOp
from qiskit_aer.primitives import EstimatorV2

theta = Parameter("theta")
ansatz = QuantumCircuit(2)
ansatz.ry(theta, 0)
ansatz.cx(0, 1)
hamiltonian = SparsePauliOp.from_list([("ZZ", 1.0), ("XX", 0.3), ("IZ", -0.2)])

estimator = EstimatorV2()
energies = []
for value in (0.0, 0.7, 1.4):
    energy = estimator.run([(ansatz, hamiltonian, [value])]).result()[0].data.evs
    energies.append(round(float(energy), 6))
print("scan:", energies)
result = estimator.run([(ansatz, hamiltonian, [0.2]), (ansatz, hamiltonian, [0.4])]).result()
print("pair:", [round(float(pub.data.evs), 6) for pub in result])
