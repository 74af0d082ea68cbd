# V1 Estimator with parameter values, keyword style (2023 VQE scripts).
# compare: close
# remaining: none
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.primitives import Estimator
from qiskit.quantum_info import SparsePauliOp

theta = Parameter("theta")
ansatz = QuantumCircuit(1)
ansatz.ry(theta, 0)

hamiltonian = SparsePauliOp.from_list([("Z", 1.0), ("X", 0.5)])

estimator = Estimator()
result = estimator.run(circuits=[ansatz, ansatz], observables=[hamiltonian, hamiltonian],
                       parameter_values=[[0.1], [1.2]]).result()
print("evs:", [round(float(v), 6) for v in result.values])
