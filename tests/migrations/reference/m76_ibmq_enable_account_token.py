# device: belem
from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime import QiskitRuntimeService

token = 'MY_API_TOKEN'
service = QiskitRuntimeService(channel="ibm_quantum_platform", token=token)
print("backends:", len(service.backends()))
device = service.backend('ibmq_belem')

simulator = AerSimulator.from_backend(device)
bell = QuantumCircuit(2, 2)
bell.h(0)
bell.cx(0, 1)
bell.measure([0, 1], [0, 1])
sampler = BackendSamplerV2(backend=simulator, options={"seed_simulator": 4})
job = sampler.run([transpile(bell, simulator, seed_transpiler=4)], shots=4000)
print("counts:", dict(sorted(job.result()[0].data.c.get_counts().items())))
