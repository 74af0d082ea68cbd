import numpy as np
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector

qc = QuantumCircuit(3)
qc.h(0)
qc.cx(0, 1)
qc.ry(0.3, 2)

vector = Statevector(qc)
print("state:", np.round(np.asarray(vector), 6).tolist())
