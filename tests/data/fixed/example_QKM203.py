from qiskit import IBMQ
from qiskit_ibm_runtime import QiskitRuntimeService

provider = QiskitRuntimeService()
