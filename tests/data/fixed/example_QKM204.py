from qiskit_ibm_runtime import QiskitRuntimeService

QiskitRuntimeService.save_account(channel="ibm_quantum_platform", token="MY_TOKEN", overwrite=True)
service = QiskitRuntimeService()
