# QKM501: the ibm_quantum channel.
from qiskit_ibm_runtime import QiskitRuntimeService

service = QiskitRuntimeService(channel="ibm_quantum_platform", token="t")  # QKM501: 32
QiskitRuntimeService.save_account(channel="ibm_quantum_platform", token="t")  # QKM501: 35
QiskitRuntimeService(channel="ibm_quantum_platform")  # ok
QiskitRuntimeService(channel="local")  # ok
