# QKM205: IBMQ provider selection and the provider's backends.
from qiskit import IBMQ  # QKM203: 20
from qiskit_ibm_runtime import QiskitRuntimeService

provider = IBMQ.get_provider(hub="h", group="g", project="p")  # QKM205: 12
backend = provider.get_backend("ibmq_qasm_simulator")  # QKM205: 11, QKM504: 32
for b in provider.backends():  # QKM205: 10
    pass
IBMQ.get_provider().get_backend("x")  # QKM205: 1
IBMQ.providers()  # QKM205: 1
provider = object()
provider.get_backend("x")  # ok: rebound to something else
provider = QiskitRuntimeService()  # QKM204: 12 (returns the default provider)
device = provider.get_backend("ibmq_lima")  # QKM205: 10
device.run(circuit, shots=100, max_credits=10)  # QKM102: 1, QKM401: 21, QKM406: 32
account = IBMQ.enable_account("token")  # QKM204: 11
for candidate in account.backends():  # QKM205: 18
    candidate.run(circuit)  # QKM102: 5
