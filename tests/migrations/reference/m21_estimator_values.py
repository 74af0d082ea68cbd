from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorEstimator
from qiskit.quantum_info import SparsePauliOp

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)

plus = QuantumCircuit(2)
plus.h([0, 1])

zz = SparsePauliOp("ZZ")
xx_plus_z = SparsePauliOp.from_list([("XX", 0.5), ("IZ", 0.25)])

estimator = StatevectorEstimator()
job = estimator.run([(bell, zz), (plus, xx_plus_z)])
values = [pub.data.evs for pub in job.result()]
print("evs:", [round(float(v), 6) for v in values])
