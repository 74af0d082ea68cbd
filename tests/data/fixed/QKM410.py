# QKM410: V1 resilience options.
from qiskit_ibm_runtime import Options  # QKM407: 32
from qiskit_ibm_runtime.executor_estimator import EstimatorV2

options = Options(resilience_level=3)  # QKM407: 11, QKM410: 19
options.resilience_level = 2  # QKM410: 1
options.resilience.noise_factors = (1, 3, 5)  # QKM410: 1
options.resilience.extrapolator = "LinearExtrapolator"  # QKM410: 1
est = EstimatorV2(mode=backend)
est.options.resilience_level = 1  # ok: V2 Estimator has resilience levels 0-2
est.options.resilience.zne_mitigation = True  # ok
est.options.resilience.zne.noise_factors = (1, 3)  # ok: the V2 home
