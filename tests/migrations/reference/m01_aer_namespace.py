from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

simulator = AerSimulator()
compiled = transpile(qc, simulator, seed_transpiler=11)
sampler = BackendSamplerV2(backend=simulator, options={"seed_simulator": 11})
result = sampler.run([compiled], shots=2048).result()
counts = result[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
