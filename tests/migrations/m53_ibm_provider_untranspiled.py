# qiskit-ibm-provider (2022): a circuit sent to the device as written, no transpile call.
# (The device ran what it was given; today it must be an ISA circuit of the backend.)
# device: quito
# compare: tvd<=0.08
# remaining: none
from qiskit import QuantumCircuit
from qiskit_ibm_provider import IBMProvider

provider = IBMProvider()
backend = provider.get_backend("ibmq_quito")

qc = QuantumCircuit(2, 2)
qc.x(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

job = backend.run(qc, shots=4000)
print("Job ID", job.job_id())
result = job.result()
counts = result.get_counts()
print("counts:", dict(sorted(counts.items())))
