# A Bell pair through `execute` with shots, seed and memory, counts and shots read (2020 style).
# compare: exact
# remaining: none
from qiskit import Aer, QuantumCircuit, execute

bell = QuantumCircuit(2, 2)
bell.h(0)
bell.cx(0, 1)
bell.measure([0, 1], [0, 1])

backend = Aer.get_backend("qasm_simulator")
job = execute(bell, backend, shots=2000, seed_simulator=7, memory=True)
counts = job.result().get_counts()
print("counts:", dict(sorted(counts.items())))
print("first_shots:", job.result().get_memory()[:6])
