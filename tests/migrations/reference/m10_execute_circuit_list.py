import numpy as np
from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

circuits = []
for angle in [0.0, np.pi / 3, np.pi / 2]:
    qc = QuantumCircuit(1, 1)
    qc.ry(angle, 0)
    qc.measure(0, 0)
    circuits.append(qc)

backend = AerSimulator()
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 21})
result = sampler.run(transpile(circuits, backend, seed_transpiler=21), shots=3000).result()
for index in range(len(circuits)):
    counts = result[index].data.c.get_counts()
    print(f"counts_{index}:", dict(sorted(counts.items())))
