# `backend.run` on a transpiled circuit (the Qiskit 0.3x "execute is deprecated" style).
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator

qc = QuantumCircuit(2, 2)
qc.x(0)
qc.h(1)
qc.cx(1, 0)
qc.measure([0, 1], [0, 1])

backend = AerSimulator()
tqc = transpile(qc, backend, seed_transpiler=3)
job = backend.run(tqc, shots=1500, seed_simulator=3)
counts = job.result().get_counts()
print("counts:", dict(sorted(counts.items())))
