# QKM202: the example of the old code, then what to use instead (run by the tests).
from qiskit import IBMQ
from qiskit.providers.ibmq import least_busy

provider = IBMQ.load_account()
backend = least_busy(provider.backends(simulator=False))

# --- use instead ---
from qiskit_ibm_runtime import QiskitRuntimeService

# Local testing mode; on IBM hardware: QiskitRuntimeService().
service = QiskitRuntimeService(channel="local")
backend = service.least_busy(min_num_qubits=2)
