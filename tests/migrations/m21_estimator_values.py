# V1 reference Estimator: circuits and observables as two lists (2023 primitives tutorial).
# compare: close
# remaining: none
from qiskit import QuantumCircuit
from qiskit.primitives import Estimator
from qiskit.quantum_info import SparsePauliOp

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)

plus = QuantumCircuit(2)
plus.h([0, 1])

zz = SparsePauliOp("ZZ")
xx_plus_z = SparsePauliOp.from_list([("XX", 0.5), ("IZ", 0.25)])

estimator = Estimator()
job = estimator.run([bell, plus], [zz, xx_plus_z])
values = job.result().values
print("evs:", [round(float(v), 6) for v in values])
