# A hardware experiment's job watched until done, on a fake device (2021 challenge style).
# compare: tvd<=0.08
# remaining: none
from qiskit import QuantumCircuit, transpile
from qiskit.providers.fake_provider import FakeManila
from qiskit.tools.monitor import job_monitor

backend = FakeManila()
rabi = QuantumCircuit(1, 1)
rabi.rx(1.2, 0)
rabi.measure(0, 0)

rabi_job = backend.run(transpile(rabi, backend, seed_transpiler=3), shots=4000,
                       seed_simulator=3)
job_monitor(rabi_job)
result = rabi_job.result()
print("counts:", dict(sorted(result.get_counts().items())))
