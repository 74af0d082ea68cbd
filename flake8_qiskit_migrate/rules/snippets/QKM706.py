# QKM706: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime import QiskitRuntimeService, RuntimeJob

job: RuntimeJob = QiskitRuntimeService().job("job-id")

# --- use instead ---
from qiskit_ibm_runtime import RuntimeJobV2


def finished(job: RuntimeJobV2) -> bool:
    return job.status() == "DONE"


print(finished.__annotations__["job"])
