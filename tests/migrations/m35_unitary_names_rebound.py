# Unitaries of two circuits, each through its own job and result names reused section by
# section; the second job passes shots (a unitary does not depend on them).
# compare: close
# remaining: none
import numpy as np
from qiskit import Aer, QuantumCircuit, execute

qct = QuantumCircuit(2)
qct.h(0)
qct.cp(np.pi / 3, 0, 1)

usim = Aer.get_backend('unitary_simulator')
job = execute(qct, usim)
result = job.result()
unitary = result.get_unitary(qct)
print("controlled_phase:", np.round(np.asarray(unitary), 6).tolist())

qci = QuantumCircuit(2)
qci.swap(0, 1)
qci.t(1)

usim = Aer.get_backend('unitary_simulator')
job = execute(qci, usim, shots=8192)
result = job.result()
unitary = result.get_unitary()
print("swap_t:", np.round(np.asarray(unitary), 6).tolist())
