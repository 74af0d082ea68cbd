# Transpiling for a device reached through the IBMQ provider (2021 textbook chapters).
# device: quito
# compare: exact
# remaining: none
from qiskit import IBMQ, QuantumCircuit, transpile

IBMQ.load_account()
provider = IBMQ.get_provider(hub='ibm-q')
backend = provider.get_backend('ibmq_quito')

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.cx(1, 2)
qc.measure([0, 1, 2], [0, 1, 2])

transpiled = transpile(qc, backend, optimization_level=1, seed_transpiler=11)
print("ops:", dict(sorted(transpiled.count_ops().items())))
print("qubits:", transpiled.num_qubits)
