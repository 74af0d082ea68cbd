# The plotting tutorial's shape (2019-2021): a Bell circuit composed with its measurements for
# counts, the unmeasured one read on the statevector simulator; BasicAer reached as
# qiskit.BasicAer, a comment after each backend.
# compare: tvd<=0.05
# remaining: none
import numpy as np
import qiskit
from qiskit import *

bell = QuantumCircuit(2, 2)
bell.h(0)
bell.cx(0, 1)

meas = QuantumCircuit(2, 2)
meas.measure([0, 1], [0, 1])
circ = bell.compose(meas)

backend = qiskit.BasicAer.get_backend('qasm_simulator')  # the device to run on
result = backend.run(transpile(circ, backend), shots=1000, seed_simulator=8).result()
print("counts:", dict(sorted(result.get_counts(circ).items())))

backend = qiskit.BasicAer.get_backend('statevector_simulator')  # the device to run on
result = backend.run(transpile(bell, backend)).result()
psi = result.get_statevector(bell)
print("state:", np.round(psi, 6).tolist())
print("type:", repr(type(psi).__name__))
