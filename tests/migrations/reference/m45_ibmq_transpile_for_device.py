# device: quito
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_runtime import QiskitRuntimeService

service = QiskitRuntimeService()
backend = service.backend("ibmq_quito")

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.cx(1, 2)
qc.measure([0, 1, 2], [0, 1, 2])

transpiled = transpile(qc, backend, optimization_level=1, seed_transpiler=11)
print("ops:", dict(sorted(transpiled.count_ops().items())))
print("qubits:", transpiled.num_qubits)
