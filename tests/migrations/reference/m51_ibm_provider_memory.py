# device: lima
from collections import Counter

from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_sampler import Sampler

service = QiskitRuntimeService()
backend = service.backend("ibmq_lima")

qubits = QuantumRegister(2, "q")
bits = ClassicalRegister(2, "out")
qc = QuantumCircuit(qubits, bits)
qc.x(qubits[0])
qc.cx(qubits[0], qubits[1])
qc.measure(qubits, bits)

isa = generate_preset_pass_manager(backend=backend, seed_transpiler=3).run(qc)
memory = Sampler(mode=backend).run([isa], shots=1000).result()[0].data.out.get_bitstrings()
print("shots:", len(memory))
print("outcome_widths:", sorted({len(shot) for shot in memory}))
print("frequencies:", dict(sorted(Counter(memory).items())))
