from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
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
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 8})
result = sampler.run(transpile([bell, flip], backend), shots=1000).result()
print("counts_bell:", dict(sorted(result[0].data.c.get_counts().items())))
print("counts_flip:", dict(sorted(result[1].data.c.get_counts().items())))
