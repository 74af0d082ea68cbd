from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

backend = AerSimulator()
qc = QuantumCircuit(3, 3)
qc.x(0)
qc.x(2)
qc.measure([0, 1, 2], [0, 1, 2])
job = BackendSamplerV2(backend=backend).run([transpile(qc, backend)], shots=1)
print("memory:", job.result()[0].data.c.get_bitstrings())
