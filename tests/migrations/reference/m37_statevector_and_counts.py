import numpy as np
from qiskit import QuantumCircuit, transpile
from qiskit.quantum_info import Statevector
from qiskit_aer import AerSimulator

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)

state = Statevector(bell)
print("state:", np.round(np.asarray(state), 6).tolist())

measured = QuantumCircuit(2, 2)
measured.h(0)
measured.cx(0, 1)
measured.measure([0, 1], [0, 1])

counts_backend = AerSimulator()
counts = counts_backend.run(transpile(measured, counts_backend), shots=1000,
                            seed_simulator=11).result().get_counts()
print("counts:", dict(sorted(counts.items())))
