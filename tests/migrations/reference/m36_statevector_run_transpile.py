import numpy as np
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector

phase = QuantumCircuit(2)
phase.rz(np.pi / 2, 0)
phase.x(1)

ghz = QuantumCircuit(3)
ghz.h(0)
ghz.cx(0, 1)
ghz.cx(1, 2)
ghz.s(2)

first = Statevector(phase)
second = Statevector(ghz)
print("rz_and_x:", np.round(np.asarray(first), 6).tolist())
print("ghz:", np.round(np.asarray(second), 6).tolist())
print("probabilities:", np.round(np.abs(np.asarray(second)) ** 2, 6).tolist())
