# Aer's V1 Estimator computing exact expectation values in a parameter scan (2023 VQE demos).
# compare: close
# remaining: none
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.quantum_info import SparsePauliOp
from qiskit_aer.primitives import Estimator

theta = Parameter("theta")
ansatz = QuantumCircuit(2)
ansatz.ry(theta, 0)
ansatz.cx(0, 1)
hamiltonian = SparsePauliOp.from_list([("ZZ", 1.0), ("XX", 0.3), ("IZ", -0.2)])

estimator = Estimator(approximation=True, run_options={"shots": None})
energies = []
for value in (0.0, 0.7, 1.4):
    energy = estimator.run([ansatz], [hamiltonian], [[value]]).result().values[0]
    energies.append(round(float(energy), 6))
print("scan:", energies)
values = estimator.run([ansatz, ansatz], [hamiltonian, hamiltonian], [[0.2], [0.4]]).result().values
print("pair:", [round(float(v), 6) for v in values])
