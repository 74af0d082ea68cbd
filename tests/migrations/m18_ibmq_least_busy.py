# least_busy over the provider's devices, then execute (2020 hardware notebooks).
# (Unseeded shots on a noisy device, and transpile's default optimization level went from 1 to 2.)
# device: quito
# compare: tvd<=0.08
# remaining: none
from qiskit import IBMQ, QuantumCircuit, execute
from qiskit.providers.ibmq import least_busy

provider = IBMQ.load_account()
devices = provider.backends(simulator=False, operational=True)
backend = least_busy(devices)

qc = QuantumCircuit(2, 2)
qc.x(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

counts = execute(qc, backend, shots=4000, seed_transpiler=7).result().get_counts()
print("counts:", dict(sorted(counts.items())))
