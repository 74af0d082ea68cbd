# The exact state of a circuit and the counts of its measured copy, on the two simulators
# (separate backend names: the statevector one is migrated alone).
# compare: exact
# remaining: none
import numpy as np
from qiskit import Aer, QuantumCircuit, execute

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)

state_backend = Aer.get_backend('statevector_simulator')
state = execute(bell, state_backend).result().get_statevector()
print("state:", np.round(np.asarray(state), 6).tolist())

measured = QuantumCircuit(2, 2)
measured.h(0)
measured.cx(0, 1)
measured.measure([0, 1], [0, 1])

counts_backend = Aer.get_backend('qasm_simulator')
counts = execute(measured, counts_backend, shots=1000, seed_simulator=11).result().get_counts()
print("counts:", dict(sorted(counts.items())))
