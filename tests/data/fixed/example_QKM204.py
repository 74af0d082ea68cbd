from qiskit import IBMQ
from qiskit_ibm_runtime import QiskitRuntimeService

IBMQ.save_account("MY_TOKEN")
provider = QiskitRuntimeService()
