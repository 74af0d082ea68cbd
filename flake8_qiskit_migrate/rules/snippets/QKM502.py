# QKM502: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime import QiskitRuntimeService

service = QiskitRuntimeService(instance="ibm-q/open/main")

# --- use instead ---
import os
import tempfile

from qiskit_ibm_runtime import QiskitRuntimeService

# A throwaway account file here; by default it is ~/.qiskit/qiskit-ibm.json.
account_file = os.path.join(tempfile.mkdtemp(), "qiskit-ibm.json")
QiskitRuntimeService.save_account(
    channel="ibm_quantum_platform",
    token="MY_IBM_CLOUD_API_KEY",
    instance="my-instance",  # or the instance CRN
    filename=account_file,
)
