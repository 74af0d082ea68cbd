# Reading the final state from "statevector_simulator" (2019-2021 tutorials).
# compare: close
# remaining: none
import numpy as np
from qiskit import Aer, QuantumCircuit, execute

qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
qc.rz(np.pi / 4, 1)

backend = Aer.get_backend("statevector_simulator")
result = execute(qc, backend).result()
state = result.get_statevector(qc)
print("state:", np.round(np.asarray(state), 6).tolist())
print("probabilities:", np.round(np.abs(np.asarray(state)) ** 2, 6).tolist())
