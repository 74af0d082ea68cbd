# A batch of jobs, each watched in a loop of its own before the results are read (2020).
# compare: tvd<=0.06
# remaining: none
from qiskit import Aer, QuantumCircuit, execute
from qiskit.tools.monitor import backend_overview, job_monitor

circuits = []
for angle in (0.5, 1.5):
    qc = QuantumCircuit(1, 1)
    qc.ry(angle, 0)
    qc.measure(0, 0)
    circuits.append(qc)

backend = Aer.get_backend("qasm_simulator")
jobs = [execute(qc, backend, shots=2000, seed_simulator=9) for qc in circuits]
for job in jobs:
    job_monitor(job, interval=0.5, quiet=True)

for index, job in enumerate(jobs):
    print(f"counts_{index}:", dict(sorted(job.result().get_counts().items())))
