from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

circuits = []
for angle in (0.5, 1.5):
    qc = QuantumCircuit(1, 1)
    qc.ry(angle, 0)
    qc.measure(0, 0)
    circuits.append(qc)

backend = AerSimulator()
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 9})
jobs = [sampler.run([transpile(qc, backend)], shots=2000) for qc in circuits]
for index, job in enumerate(jobs):
    print(f"counts_{index}:", dict(sorted(job.result()[0].data.c.get_counts().items())))
