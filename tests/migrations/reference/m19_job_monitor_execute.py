from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

qc = QuantumCircuit(2, 2)
qc.h([0, 1])
qc.measure([0, 1], [0, 1])

backend = AerSimulator()
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 4})
job = sampler.run([transpile(qc, backend, seed_transpiler=4)], shots=2000)
print("counts:", dict(sorted(job.result()[0].data.c.get_counts().items())))
