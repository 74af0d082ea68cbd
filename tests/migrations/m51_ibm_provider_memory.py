# qiskit-ibm-provider (2023): a named register, memory=True, per-shot bitstrings.
# device: lima
# compare: tvd<=0.08
# remaining: none
from collections import Counter

from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, transpile
from qiskit_ibm_provider import IBMProvider

provider = IBMProvider()
backend = provider.get_backend("ibmq_lima")

qubits = QuantumRegister(2, "q")
bits = ClassicalRegister(2, "out")
qc = QuantumCircuit(qubits, bits)
qc.x(qubits[0])
qc.cx(qubits[0], qubits[1])
qc.measure(qubits, bits)

job = backend.run(transpile(qc, backend, seed_transpiler=3), shots=1000, memory=True)
memory = job.result().get_memory()
print("shots:", len(memory))
print("outcome_widths:", sorted({len(shot) for shot in memory}))
print("frequencies:", dict(sorted(Counter(memory).items())))
