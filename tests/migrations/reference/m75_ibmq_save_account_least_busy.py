# device: manila
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_runtime import QiskitRuntimeService

QiskitRuntimeService.save_account(channel="ibm_quantum_platform", token="MY_API_TOKEN",
                                  overwrite=True)
service = QiskitRuntimeService()
device = service.least_busy(min_num_qubits=5, simulator=False, operational=True)

bv = QuantumCircuit(4, 3)
bv.x(3)
bv.h(range(4))
bv.cx(0, 3)
bv.cx(2, 3)
bv.h(range(3))
bv.measure(range(3), range(3))
mapped = transpile(bv, device, optimization_level=1, seed_transpiler=5)
print("qubits:", mapped.num_qubits)
print("measures:", mapped.count_ops().get("measure", 0))
