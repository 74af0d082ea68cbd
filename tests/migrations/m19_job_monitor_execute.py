# job_monitor on a local job, as copied from hardware notebooks (2020).
# compare: tvd<=0.05
# remaining: none
from qiskit import Aer, QuantumCircuit, execute
from qiskit.tools.monitor import job_monitor

qc = QuantumCircuit(2, 2)
qc.h([0, 1])
qc.measure([0, 1], [0, 1])

backend = Aer.get_backend("qasm_simulator")
job = execute(qc, backend, shots=2000, seed_simulator=4, seed_transpiler=4)
job_monitor(job)
print("counts:", dict(sorted(job.result().get_counts().items())))
