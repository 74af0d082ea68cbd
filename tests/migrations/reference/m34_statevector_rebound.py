from math import pi

import numpy as np
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector

x_gate = QuantumCircuit(1)
x_gate.x(0)
x_gate.draw()

result = Statevector(x_gate)
print("x:", np.round(np.asarray(result), 6).tolist())

rz_gate = QuantumCircuit(1)
rz_gate.rz(pi / 2, 0)

result = Statevector(rz_gate)
print("rz:", np.round(np.asarray(result), 6).tolist())

rz_gate.sx(0)
rz_gate.rz(pi / 2, 0)

result = Statevector(rz_gate)
print("rz_sx_rz:", np.round(np.asarray(result), 6).tolist())
