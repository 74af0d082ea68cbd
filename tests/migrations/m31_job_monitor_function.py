# Helpers that wait for a job, as research scripts wrote them (2021).
# compare: tvd<=0.06
# remaining: none
from qiskit import QuantumCircuit, transpile
from qiskit.providers.aer import AerSimulator
from qiskit.tools import job_monitor


def wait(job):
    job_monitor(job)


def run(circuit, backend, shots):
    job = backend.run(transpile(circuit, backend, seed_transpiler=5), shots=shots,
                      seed_simulator=5)
    wait(job)
    return job.result().get_counts()


qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.cx(1, 2)
qc.measure(range(3), range(3))
print("ghz:", dict(sorted(run(qc, AerSimulator(), 2000).items())))
