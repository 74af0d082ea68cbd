from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

qc = QuantumCircuit(3)
qc.h(0)
qc.cx(0, 1)
qc.cx(0, 2)
qc.measure_all()

sim = AerSimulator()
sampler = BackendSamplerV2(backend=sim, options={"seed_simulator": 99})
result = sampler.run([transpile(qc, sim)], shots=2000).result()
print("counts:", dict(sorted(result[0].data.meas.get_counts().items())))
