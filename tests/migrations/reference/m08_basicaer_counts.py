from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit.providers.basic_provider import BasicSimulator

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.h(1)
qc.cz(0, 1)
qc.h(1)
qc.measure([0, 1], [0, 1])

backend = BasicSimulator()
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 3})
counts = sampler.run([transpile(qc, backend, seed_transpiler=3)], shots=1000).result()[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
