# QKM202: anything imported from qiskit.providers.ibmq.
import qiskit.providers.ibmq  # QKM202: 8
from qiskit.providers import ibmq  # QKM202: 30
import qiskit

qiskit.providers.ibmq.IBMQ  # QKM202: 1
ibmq.job_monitor  # ok: reported at its import
qiskit.providers.models  # QKM702: 1; ok: not the provider (a BackendV1 model)
from qiskit.providers import BackendV2  # ok
