from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.ry(0.9, 2)
qc.measure([0, 1, 2], [0, 1, 2])

aer_sim = AerSimulator()
t_qc = transpile(qc, aer_sim)
sampler = BackendSamplerV2(backend=aer_sim, options={"seed_simulator": 5})
counts = sampler.run([t_qc], shots=8192).result()[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
