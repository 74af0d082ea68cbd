import time

from qiskit.providers import JobStatus
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_sampler import SamplerV2

backend = QiskitRuntimeService().least_busy(operational=True)
job = SamplerV2(mode=backend).run([isa_circuit])
while job.status() != "DONE":
    time.sleep(5)
