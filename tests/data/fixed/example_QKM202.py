from qiskit import IBMQ
from qiskit.providers.ibmq import least_busy
from qiskit_ibm_runtime import QiskitRuntimeService

provider = QiskitRuntimeService()
backend = least_busy(provider.backends(simulator=False))
