from qiskit_ibm_runtime import QiskitRuntimeService

service = QiskitRuntimeService()  # was IBMProvider(instance="ibm-q/open/main"): instance= now takes an IBM Cloud CRN or name
backend = service.backend("ibm_brisbane")
