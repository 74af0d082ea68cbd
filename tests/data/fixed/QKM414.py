# QKM414: Session/Batch(service=...).
from qiskit_ibm_runtime import QiskitRuntimeService, Session, Batch

service = QiskitRuntimeService()
backend = service.backend("ibm_x")
Session(backend=backend)  # QKM414: 9
Batch(service, "ibm_x")  # QKM414: 7, QKM415: 16
Session(backend=backend)  # ok
Batch(backend)  # ok
