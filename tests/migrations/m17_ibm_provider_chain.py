# qiskit-ibm-provider (2023): IBMProvider, get_backend, backend.run.
# device: belem
# compare: tvd<=0.08
# remaining: none
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_provider import IBMProvider

provider = IBMProvider()
backend = provider.get_backend("ibmq_belem")

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.cx(1, 2)
qc.measure([0, 1, 2], [0, 1, 2])

job = backend.run(transpile(qc, backend, optimization_level=1, seed_transpiler=7), shots=4000)
counts = job.result().get_counts()
print("counts:", dict(sorted(counts.items())))
