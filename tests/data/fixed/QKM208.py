# QKM208: QiskitRuntimeService.get_backend.
from qiskit_ibm_runtime import QiskitRuntimeService

service = QiskitRuntimeService()
service.backend("ibm_x")  # QKM208: 1
QiskitRuntimeService(channel="ibm_cloud").backend("x")  # QKM208: 1
service.backend("ibm_x")  # ok: the replacement
