# QKM203: the example of the old code, then what to use instead (run by the tests).
from qiskit import IBMQ

provider = IBMQ.load_account()

# --- use instead ---
from qiskit_ibm_runtime import QiskitRuntimeService

# Local testing mode; with a saved IBM Cloud account: QiskitRuntimeService().
service = QiskitRuntimeService(channel="local")
