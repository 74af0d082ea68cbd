# device: belem
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2

service = QiskitRuntimeService()
backend = service.backend("ibmq_belem")

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.cx(1, 2)
qc.measure([0, 1, 2], [0, 1, 2])

job = SamplerV2(mode=backend).run([transpile(qc, backend, optimization_level=1, seed_transpiler=7)], shots=4000)
counts = job.result()[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
