# device: lima
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_runtime import QiskitRuntimeService

service = QiskitRuntimeService()
service.instances()
device = service.backend('ibmq_lima')

qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
qc.measure_all()
mapped = transpile(qc, device, optimization_level=0, seed_transpiler=2)
print("qubits:", mapped.num_qubits)
print("ops:", dict(sorted(mapped.count_ops().items())))
