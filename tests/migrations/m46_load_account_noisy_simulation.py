# The provider load_account() returns, its device simulated with noise (2020-2022 notebooks).
# device: lima
# compare: tvd<=0.08
# remaining: none
from qiskit import QuantumCircuit, execute, IBMQ
from qiskit.providers.aer import AerSimulator

provider = IBMQ.load_account()
device = provider.get_backend('ibmq_lima')
simulator = AerSimulator.from_backend(device)

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

counts = execute(qc, simulator, shots=4000, seed_simulator=3, seed_transpiler=3).result().get_counts()
print("counts:", dict(sorted(counts.items())))
