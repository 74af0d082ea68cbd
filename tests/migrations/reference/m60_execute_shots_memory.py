from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

bell = QuantumCircuit(2, 2)
bell.h(0)
bell.cx(0, 1)
bell.measure([0, 1], [0, 1])

backend = AerSimulator()
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 7})
result = sampler.run([transpile(bell, backend)], shots=2000).result()
print("counts:", dict(sorted(result[0].data.c.get_counts().items())))
print("first_shots:", result[0].data.c.get_bitstrings()[:6])
