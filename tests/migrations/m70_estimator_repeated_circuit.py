# V1 Estimator on one ansatz repeated with [qc] * n, observables and parameters kept in names
# (2023 VQE scans).
# compare: close
# remaining: none
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.primitives import Estimator
from qiskit.quantum_info import SparsePauliOp

theta = Parameter("theta")
ansatz = QuantumCircuit(2)
ansatz.ry(theta, 0)
ansatz.cx(0, 1)

hamiltonian = SparsePauliOp.from_list([("ZZ", 0.5), ("IZ", 1.0), ("XX", 0.3)])
angles = [[0.0], [0.8], [1.6], [2.4]]
circuits = [ansatz] * 4
observables = [hamiltonian] * 4
print("points:", len(circuits))

estimator = Estimator()
job = estimator.run(circuits, observables, angles)
energies = job.result().values
print("energies:", [round(float(e), 6) for e in energies])

pair = [SparsePauliOp("ZI"), SparsePauliOp("IZ")]
result = estimator.run([ansatz, ansatz], pair, parameter_values=[[0.5]] * 2).result()
print("pair:", [round(float(v), 6) for v in result.values])
