# A shots sweep watched with job_monitor's keywords, monitor tools imported together (2020).
# compare: tvd<=0.06
# remaining: none
from qiskit import Aer, QuantumCircuit, execute
from qiskit.tools.monitor import job_monitor, backend_monitor, backend_overview

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

backend = Aer.get_backend("qasm_simulator")
for shots in (1000, 3000):
    job = execute(qc, backend, shots=shots, seed_simulator=11, seed_transpiler=11)
    job_monitor(job, interval=2)
    counts = job.result().get_counts()
    print(f"counts_{shots}:", dict(sorted(counts.items())))
