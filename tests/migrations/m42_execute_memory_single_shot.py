# `execute(..., shots=1, memory=True)` and the one shot read with `get_memory()` (the textbook's
# exercises); in qubit order, a deterministic circuit.
# compare: exact
# remaining: none
from qiskit import QuantumCircuit, execute
from qiskit_aer import AerSimulator

backend = AerSimulator()
qc = QuantumCircuit(3, 3)
qc.x(0)
qc.x(2)
qc.measure([0, 1, 2], [0, 1, 2])
job = execute(qc, backend, shots=1, memory=True)
print("memory:", job.result().get_memory())
