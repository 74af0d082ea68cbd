# An IBMQ hardware script (2021): transpile for the device, backend.run, monitor, counts.
# device: nairobi
# compare: tvd<=0.08
# remaining: none
from qiskit import IBMQ, QuantumCircuit, transpile
from qiskit.tools.monitor import job_monitor

IBMQ.load_account()
provider = IBMQ.get_provider(hub="ibm-q", group="open", project="main")
backend = provider.get_backend("ibm_nairobi")

ghz = QuantumCircuit(3)
ghz.h(0)
ghz.cx(0, 1)
ghz.cx(1, 2)
ghz.measure_all()

transpiled = transpile(ghz, backend, optimization_level=1, seed_transpiler=11)
job = backend.run(transpiled, shots=4000)
job_monitor(job)
counts = job.result().get_counts()
print("counts:", dict(sorted(counts.items())))
