from qiskit_ibm_runtime.executor_estimator import EstimatorV2
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

estimator = EstimatorV2(mode=FakeManilaV2())
estimator.options.seed_estimator = 42
estimator.options.simulator.noise_model = None
