# device: belem
from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime import QiskitRuntimeService

service = QiskitRuntimeService()
service.instances()
print("backends:", len(service.backends()))
backend = service.backend("ibmq_belem")

simulator = AerSimulator.from_backend(backend)
qc = QuantumCircuit(3, 3)
qc.x(0)
qc.cx(0, 2)
qc.measure([0, 1, 2], [0, 1, 2])
sampler = BackendSamplerV2(backend=simulator, options={"seed_simulator": 9})
job = sampler.run([transpile(qc, simulator, seed_transpiler=9)], shots=4000)
print("counts:", dict(sorted(job.result()[0].data.c.get_counts().items())))
