from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, transpile
from qiskit_aer import AerSimulator

qr = QuantumRegister(2)
cr = ClassicalRegister(2)
qc = QuantumCircuit(qr, cr)
qc.x(qr[0])
qc.cx(qr[0], qr[1])
qc.measure(qr, cr)

backend = AerSimulator()
counts = backend.run(transpile(qc, backend), shots=1000).result().get_counts()
print("counts:", dict(sorted(counts.items())))
