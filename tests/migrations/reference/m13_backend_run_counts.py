from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

qc = QuantumCircuit(2, 2)
qc.x(0)
qc.h(1)
qc.cx(1, 0)
qc.measure([0, 1], [0, 1])

backend = AerSimulator()
tqc = transpile(qc, backend, seed_transpiler=3)
job = BackendSamplerV2(backend=backend, options={"seed_simulator": 3}).run([tqc], shots=1500)
counts = job.result()[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
