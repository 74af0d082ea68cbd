# The IBMQ account chain of 2019-2021 hardware tutorials.
# device: quito
# compare: tvd<=0.08
# remaining: none
from qiskit import IBMQ, QuantumCircuit, execute
from qiskit.tools.monitor import job_monitor

IBMQ.load_account()
provider = IBMQ.get_provider(hub="ibm-q", group="open", project="main")
backend = provider.get_backend("ibmq_quito")

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

job = execute(qc, backend, shots=4000, optimization_level=1, seed_transpiler=7)
job_monitor(job)
counts = job.result().get_counts()
print("counts:", dict(sorted(counts.items())))
