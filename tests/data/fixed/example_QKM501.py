from qiskit_ibm_runtime import QiskitRuntimeService

QiskitRuntimeService.save_account(channel="ibm_quantum", token="MY_TOKEN")
service = QiskitRuntimeService(channel="ibm_quantum_platform")
