from qiskit_ibm_runtime import QiskitRuntimeService

service = QiskitRuntimeService()
