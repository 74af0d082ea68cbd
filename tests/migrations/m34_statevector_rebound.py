# One gate per section, the statevector backend fetched again in each (a notebook run as a
# script, IBM Quantum Challenge 2021 style); a circuit gets more gates after its first read.
# compare: close
# remaining: none
from math import pi

import numpy as np
from qiskit import Aer, QuantumCircuit, execute

x_gate = QuantumCircuit(1)
x_gate.x(0)
x_gate.draw()

backend = Aer.get_backend('statevector_simulator')
result = execute(x_gate, backend).result().get_statevector()
print("x:", np.round(np.asarray(result), 6).tolist())

rz_gate = QuantumCircuit(1)
rz_gate.rz(pi / 2, 0)

backend = Aer.get_backend('statevector_simulator')
result = execute(rz_gate, backend).result().get_statevector()
print("rz:", np.round(np.asarray(result), 6).tolist())

rz_gate.sx(0)
rz_gate.rz(pi / 2, 0)

backend = Aer.get_backend('statevector_simulator')
result = execute(rz_gate, backend).result().get_statevector()
print("rz_sx_rz:", np.round(np.asarray(result), 6).tolist())
