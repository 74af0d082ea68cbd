# QKM404: dynamic=.
from qiskit_ibm_provider import IBMProvider  # QKM201: 33
from qiskit_ibm_runtime import QiskitRuntimeService

backend = QiskitRuntimeService().get_backend("ibm_x")  # QKM207: 11
backend.run(circuit, dynamic=True)  # QKM102: 1, QKM404: 22
backend.run(circuit, dynamic_decoupling=True)  # QKM102: 1, QKM418: 22
import subprocess
subprocess.run(["ls"], dynamic=True)  # ok: not a backend
