# qiskit-ibm-provider (2023): two circuits in one job, counts read by index and by circuit.
# device: belem
# compare: tvd<=0.08
# remaining: none
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_provider import IBMProvider

provider = IBMProvider()
backend = provider.get_backend("ibmq_belem")

bell = QuantumCircuit(2, 2)
bell.h(0)
bell.cx(0, 1)
bell.measure([0, 1], [0, 1])

flip = QuantumCircuit(2, 2)
flip.x(1)
flip.measure([0, 1], [0, 1])

job = backend.run(transpile([bell, flip], backend, seed_transpiler=5), shots=3000)
result = job.result()
print("bell:", dict(sorted(result.get_counts(0).items())))
print("flip:", dict(sorted(result.get_counts(flip).items())))
