# QKM504: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime import QiskitRuntimeService

backend = QiskitRuntimeService().backend("ibmq_qasm_simulator")

# --- use instead ---
from qiskit_ibm_runtime import QiskitRuntimeService

# Local testing mode; on IBM hardware: QiskitRuntimeService() and a real backend name.
service = QiskitRuntimeService(channel="local")
backend = service.backend("fake_manila")
