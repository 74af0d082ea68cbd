# A fake device run with job_monitor and backend.run (2022).
# compare: tvd<=0.08
# remaining: none
from qiskit import QuantumCircuit, transpile
from qiskit.providers.fake_provider import FakeLima
from qiskit.tools.monitor import job_monitor

backend = FakeLima()
qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

job = backend.run(transpile(qc, backend, seed_transpiler=2), shots=4000, seed_simulator=2)
job_monitor(job, interval=0.1)
print("counts:", dict(sorted(job.result().get_counts().items())))
