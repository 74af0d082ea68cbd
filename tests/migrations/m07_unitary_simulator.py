# The unitary of a small circuit from "unitary_simulator".
# compare: close
# remaining: none
import numpy as np
from qiskit import Aer, QuantumCircuit, execute

qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
qc.s(1)

backend = Aer.get_backend("unitary_simulator")
job = execute(qc, backend)
unitary = job.result().get_unitary(qc)
print("unitary:", np.round(np.asarray(unitary), 6).tolist())
