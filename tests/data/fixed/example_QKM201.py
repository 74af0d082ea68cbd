from qiskit_ibm_provider import IBMProvider
from qiskit_ibm_runtime import QiskitRuntimeService

provider = QiskitRuntimeService()
backend = provider.get_backend("ibm_brisbane")
