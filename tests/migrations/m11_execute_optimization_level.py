# `execute` with transpiler options and a coupling map (2021 transpiler tutorials).
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit, execute
from qiskit_aer import AerSimulator

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 2)
qc.cx(2, 1)
qc.measure([0, 1, 2], [0, 1, 2])

backend = AerSimulator()
job = execute(qc, backend, shots=2000, optimization_level=3, coupling_map=[[0, 1], [1, 2]],
              basis_gates=["cx", "rz", "sx", "x"], seed_transpiler=9, seed_simulator=9)
counts = job.result().get_counts()
print("counts:", dict(sorted(counts.items())))
