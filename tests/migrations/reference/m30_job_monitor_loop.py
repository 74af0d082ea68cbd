from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

backend = AerSimulator()
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 11})
for shots in (1000, 3000):
    job = sampler.run([transpile(qc, backend, seed_transpiler=11)], shots=shots)
    counts = job.result()[0].data.c.get_counts()
    print(f"counts_{shots}:", dict(sorted(counts.items())))
