# device: quito
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2

service = QiskitRuntimeService()
backend = service.backend("ibmq_quito")

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

sampler = SamplerV2(mode=backend)
job = sampler.run([transpile(qc, backend, optimization_level=1, seed_transpiler=7)], shots=4000)
counts = job.result()[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
