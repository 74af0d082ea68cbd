import numpy as np
from qiskit import QuantumCircuit
from qiskit.quantum_info import Operator

qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
qc.s(1)

unitary = Operator(qc)
print("unitary:", np.round(np.asarray(unitary), 6).tolist())
