import numpy as np
from qiskit import QuantumCircuit
from qiskit.quantum_info import Operator

qct = QuantumCircuit(2)
qct.h(0)
qct.cp(np.pi / 3, 0, 1)

unitary = Operator(qct)
print("controlled_phase:", np.round(np.asarray(unitary), 6).tolist())

qci = QuantumCircuit(2)
qci.swap(0, 1)
qci.t(1)

unitary = Operator(qci)
print("swap_t:", np.round(np.asarray(unitary), 6).tolist())
