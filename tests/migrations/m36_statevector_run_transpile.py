# Two circuits on one statevector backend through backend.run(transpile(...)): the global
# phase of rz and the little-endian qubit order show in the amplitudes.
# compare: close
# remaining: none
import numpy as np
from qiskit import Aer, QuantumCircuit, transpile

phase = QuantumCircuit(2)
phase.rz(np.pi / 2, 0)
phase.x(1)

ghz = QuantumCircuit(3)
ghz.h(0)
ghz.cx(0, 1)
ghz.cx(1, 2)
ghz.s(2)

sv_backend = Aer.get_backend("statevector_simulator")
first = sv_backend.run(transpile(phase, sv_backend), shots=1).result().get_statevector(phase)
second = sv_backend.run(transpile(ghz, sv_backend)).result().get_statevector()
print("rz_and_x:", np.round(np.asarray(first), 6).tolist())
print("ghz:", np.round(np.asarray(second), 6).tolist())
print("probabilities:", np.round(np.abs(np.asarray(second)) ** 2, 6).tolist())
