from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

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

backend = AerSimulator()
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 42})
job = sampler.run([transpile(circuit, backend, seed_transpiler=42)], shots=1024)
counts = job.result()[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
