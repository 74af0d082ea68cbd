from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_estimator import EstimatorV2

backend = QiskitRuntimeService().backend("ibm_brisbane")
estimator = EstimatorV2(mode=backend)
