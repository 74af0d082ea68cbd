# QKM410: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime import Options

options = Options(resilience_level=3)
options.resilience.noise_factors = (1, 3, 5)

# --- use instead ---
from qiskit_ibm_runtime.executor_estimator import Estimator
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

estimator = Estimator(mode=FakeManilaV2())
estimator.options.resilience_level = 2
estimator.options.resilience.zne_mitigation = True
estimator.options.resilience.zne.noise_factors = (1, 3, 5)
