# Two circuits in one `backend.run`, counts read by index (2023 benchmarks).
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator

bell = QuantumCircuit(2, 2)
bell.h(0)
bell.cx(0, 1)
bell.measure([0, 1], [0, 1])

flip = QuantumCircuit(2, 2)
flip.x(1)
flip.h(0)
flip.measure([0, 1], [0, 1])

backend = AerSimulator()
job = backend.run(transpile([bell, flip], backend), shots=1000, seed_simulator=8)
result = job.result()
print("counts_bell:", dict(sorted(result.get_counts(0).items())))
print("counts_flip:", dict(sorted(result.get_counts(1).items())))
