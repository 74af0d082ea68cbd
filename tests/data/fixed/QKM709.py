# QKM709: a Runtime job's status compared with the JobStatus enum.
import time

from qiskit.providers import JobStatus
from qiskit_ibm_runtime import QiskitRuntimeService, RuntimeJobV2, Session
from qiskit_ibm_runtime.executor_sampler import SamplerV2

service = QiskitRuntimeService()
backend = service.least_busy(operational=True)
sampler = SamplerV2(mode=backend)
job = sampler.run([circuit])
while job.status() != "DONE":  # QKM709: 7
    time.sleep(5)
if job.status() is JobStatus.ERROR:  # QKM709: 4
    raise RuntimeError(job.error_message())
status = job.status()
if status in ("CANCELLED", "ERROR"):  # QKM709: 4
    pass
if job.status() == "DONE":  # ok: the string status
    pass
print(job.done(), job.status() == JobStatus.VALIDATING)  # QKM709: 19
old = service.job("d1234")
old.status() == "DONE"  # QKM709: 1
for previous in service.jobs(limit=3):
    assert previous.status() != "RUNNING"  # QKM709: 12
with Session(backend=backend) as session:
    SamplerV2(mode=session).run([circuit]).status() == "QUEUED"  # QKM709: 5


def finished(job: RuntimeJobV2) -> bool:
    return job.status() == "DONE"  # QKM709: 12


print(JobStatus.DONE)  # ok: not compared
job.status() < JobStatus.DONE  # ok: not an equality test
