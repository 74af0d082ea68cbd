from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

qr = QuantumRegister(2)
cr = ClassicalRegister(2)
qc = QuantumCircuit(qr, cr)
qc.x(qr[0])
qc.cx(qr[0], qr[1])
qc.measure(qr, cr)

backend = AerSimulator()
result = BackendSamplerV2(backend=backend).run([transpile(qc, backend)], shots=1000).result()
counts = result[0].join_data().get_counts()  # the register's name is the counter's c0, c1...
print("counts:", dict(sorted(counts.items())))
