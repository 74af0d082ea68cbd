# QKM415: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime import Session

session = Session(backend="ibm_brisbane")

# --- use instead ---
from qiskit_ibm_runtime import QiskitRuntimeService, Session

# Local testing mode; on IBM hardware: QiskitRuntimeService() and a real backend name.
service = QiskitRuntimeService(channel="local")
backend = service.backend("fake_manila")
with Session(backend=backend) as session:
    pass
