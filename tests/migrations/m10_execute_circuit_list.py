# Several circuits in one `execute` call, counts read by index (2020 research scripts).
# compare: tvd<=0.05
# remaining: none
import numpy as np
from qiskit import QuantumCircuit, execute
from qiskit_aer import AerSimulator

circuits = []
for angle in [0.0, np.pi / 3, np.pi / 2]:
    qc = QuantumCircuit(1, 1)
    qc.ry(angle, 0)
    qc.measure(0, 0)
    circuits.append(qc)

backend = AerSimulator()
result = execute(circuits, backend, shots=3000, seed_simulator=21, seed_transpiler=21).result()
for index in range(len(circuits)):
    counts = result.get_counts(index)
    print(f"counts_{index}:", dict(sorted(counts.items())))
