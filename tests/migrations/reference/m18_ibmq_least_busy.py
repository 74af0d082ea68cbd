# device: quito
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2

service = QiskitRuntimeService()
backend = service.least_busy(simulator=False, operational=True)

qc = QuantumCircuit(2, 2)
qc.x(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

counts = SamplerV2(mode=backend).run([transpile(qc, backend, seed_transpiler=7)], shots=4000).result()[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
