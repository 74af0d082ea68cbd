from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

qasm_sim = AerSimulator()

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.cx(1, 2)
qc.measure(range(3), range(3))
tqc = transpile(qc, qasm_sim, seed_transpiler=5)
sampler = BackendSamplerV2(backend=qasm_sim, options={"seed_simulator": 21})
counts = sampler.run([tqc], shots=3000).result()[0].data.c.get_counts()
print("ghz:", dict(sorted(counts.items())))

qc = QuantumCircuit(2, 2)
qc.ry(1.1, 0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])
tqc = transpile(qc, qasm_sim, seed_transpiler=5)
sampler = BackendSamplerV2(backend=qasm_sim, options={"seed_simulator": 22})
counts = sampler.run([tqc], shots=3000).result()[0].data.c.get_counts()
print("ry:", dict(sorted(counts.items())))
