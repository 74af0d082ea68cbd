# least_busy with a filters lambda over V1 accessors (2020-2021 textbook algorithm chapters).
# device: belem
# compare: exact
# remaining: none
import numpy as np

from qiskit import IBMQ, QuantumCircuit, transpile
from qiskit.providers.ibmq import least_busy

n = 3
IBMQ.load_account()
provider = IBMQ.get_provider(hub='ibm-q')
backend = least_busy(provider.backends(filters=lambda x: x.configuration().n_qubits >= (n+1) and
                                   not x.configuration().simulator and x.status().operational==True))

qc = QuantumCircuit(n)
for qubit in range(n):
    qc.h(qubit)
qc.measure_all()
transpiled = transpile(qc, backend, optimization_level=3, seed_transpiler=1)
print("ops:", dict(sorted(transpiled.count_ops().items())))
print("angle:", round(float(np.pi / 2), 6))
