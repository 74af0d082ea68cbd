import numpy as np
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector

qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
qc.rz(np.pi / 4, 1)

state = Statevector(qc)
print("state:", np.round(np.asarray(state), 6).tolist())
print("probabilities:", np.round(np.abs(np.asarray(state)) ** 2, 6).tolist())
