# The IBM Quantum Challenge 2021 import line: IBMQ imported, never used; a local simulation
# (anonymous registers: the Sampler fix cannot name the result field, backend.run stays).
# compare: exact
# remaining: none
from qiskit import QuantumCircuit, execute, Aer, IBMQ, QuantumRegister, ClassicalRegister

qr = QuantumRegister(2)
cr = ClassicalRegister(2)
qc = QuantumCircuit(qr, cr)
qc.x(qr[0])
qc.cx(qr[0], qr[1])
qc.measure(qr, cr)

backend = Aer.get_backend('qasm_simulator')
counts = execute(qc, backend, shots=1000).result().get_counts()
print("counts:", dict(sorted(counts.items())))
