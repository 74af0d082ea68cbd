# QKM205: the example of the old code, then what to use instead (run by the tests).
from qiskit import IBMQ

provider = IBMQ.get_provider(hub="ibm-q", group="open", project="main")
backend = provider.get_backend("ibm_brisbane")

# --- use instead ---
from qiskit_ibm_runtime import QiskitRuntimeService

# Local testing mode; on IBM Cloud: QiskitRuntimeService(instance="<CRN or instance name>").
service = QiskitRuntimeService(channel="local")
backend = service.backend("fake_manila")
