# device: lima
from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime import QiskitRuntimeService

service = QiskitRuntimeService()
device = service.backend("ibmq_lima")
simulator = AerSimulator.from_backend(device)

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

sampler = BackendSamplerV2(backend=simulator, options={"seed_simulator": 3})
job = sampler.run([transpile(qc, simulator, seed_transpiler=3)], shots=4000)
counts = job.result()[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
