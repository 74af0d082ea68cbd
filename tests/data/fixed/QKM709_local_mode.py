# QKM709 traps: in local testing mode the job still returns the JobStatus enum.
from qiskit.providers import JobStatus
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_sampler import SamplerV2
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

remote = SamplerV2(mode=QiskitRuntimeService().backend("ibm_x"))
local = SamplerV2(mode=FakeManilaV2())
job = local.run([circuit])
job.status() == JobStatus.DONE  # ok: a LocalRuntimeJob's status is the enum
remote.run([circuit]).status() == JobStatus.DONE  # ok: the module also runs locally
SamplerV2(mode=AerSimulator()).run([circuit]).status() == JobStatus.DONE  # ok
AerSimulator().run(circuit).status() == JobStatus.DONE  # QKM103: 1; ok: a backend job's enum


def wait(sampler: SamplerV2) -> None:
    while sampler.run([circuit]).status() != JobStatus.DONE:  # ok: its mode is unknown
        pass
