from qiskit import QuantumCircuit, transpile
from qiskit.circuit.library import QFT
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

qc = QuantumCircuit(3)
qc.x(1)
qc.append(QFT(3), range(3))
qc.measure_all()

backend = AerSimulator()
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 17})
counts = sampler.run([transpile(qc, backend, seed_transpiler=17)], shots=4000).result()[0].data.meas.get_counts()
print("outcomes:", len(counts))
print("counts:", dict(sorted(counts.items())))
