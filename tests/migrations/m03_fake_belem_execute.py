# Noisy simulation of a device with a V1 fake backend (2022 error-mitigation scripts).
# compare: tvd<=0.08
# remaining: none
from qiskit import QuantumCircuit, execute
from qiskit.providers.fake_provider import FakeBelem

backend = FakeBelem()

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

job = execute(qc, backend, shots=4000, seed_simulator=1234, seed_transpiler=1234,
              optimization_level=1)
counts = job.result().get_counts()
print("backend:", backend.configuration().n_qubits)
print("counts:", dict(sorted(counts.items())))
