# device: belem
import numpy as np

from qiskit import QuantumCircuit, transpile
from qiskit_ibm_runtime import QiskitRuntimeService

n = 3
service = QiskitRuntimeService()
backend = service.least_busy(min_num_qubits=n + 1, simulator=False, operational=True)

qc = QuantumCircuit(n)
for qubit in range(n):
    qc.h(qubit)
qc.measure_all()
transpiled = transpile(qc, backend, optimization_level=3, seed_transpiler=1)
print("ops:", dict(sorted(transpiled.count_ops().items())))
print("angle:", round(float(np.pi / 2), 6))
