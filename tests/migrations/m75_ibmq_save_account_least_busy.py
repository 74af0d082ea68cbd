# The token saved, the account loaded, a device picked by least_busy with V1 filters
# (2020-2021 textbook algorithm chapters).
# device: manila
# compare: exact
# remaining: none
from qiskit import IBMQ, QuantumCircuit, transpile
from qiskit.providers.ibmq import least_busy

IBMQ.save_account('MY_API_TOKEN')
IBMQ.load_account()
provider = IBMQ.get_provider(hub='ibm-q')
device = least_busy(provider.backends(filters=lambda b: b.configuration().n_qubits >= 5 and
                                      not b.configuration().simulator and b.status().operational))

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
