from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 2)
qc.cx(2, 1)
qc.measure([0, 1, 2], [0, 1, 2])

backend = AerSimulator()
tqc = transpile(qc, backend, optimization_level=3, coupling_map=[[0, 1], [1, 2]],
                basis_gates=["cx", "rz", "sx", "x"], seed_transpiler=9)
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 9})
counts = sampler.run([tqc], shots=2000).result()[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
