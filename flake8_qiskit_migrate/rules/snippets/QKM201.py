# QKM201: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_provider import IBMProvider

provider = IBMProvider()
backend = provider.get_backend("ibm_brisbane")

# --- use instead ---
from qiskit_ibm_runtime import QiskitRuntimeService

# Local testing mode; on IBM hardware: QiskitRuntimeService() and a real backend name.
service = QiskitRuntimeService(channel="local")
backend = service.backend("fake_manila")
