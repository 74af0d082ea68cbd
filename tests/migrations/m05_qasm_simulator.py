# Deutsch-Jozsa on "qasm_simulator" (the 2019 textbook style).
# compare: exact
# remaining: none
from qiskit import Aer, ClassicalRegister, QuantumCircuit, QuantumRegister, execute

q = QuantumRegister(3, "q")
c = ClassicalRegister(2, "c")
circuit = QuantumCircuit(q, c)
circuit.x(q[2])
circuit.h(q)
circuit.cx(q[0], q[2])
circuit.cx(q[1], q[2])
circuit.h(q[0])
circuit.h(q[1])
circuit.measure(q[0], c[0])
circuit.measure(q[1], c[1])

backend = Aer.get_backend("qasm_simulator")
job = execute(circuit, backend, shots=1024, seed_simulator=42, seed_transpiler=42)
result = job.result()
counts = result.get_counts(circuit)
print("counts:", dict(sorted(counts.items())))
