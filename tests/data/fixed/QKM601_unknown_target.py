# QKM601: opt-in. With no known target (and no explicit selection) the family is silent.
from qiskit_ibm_runtime.executor_sampler import SamplerV2  # ok: no target, not selected
from qiskit_ibm_runtime.executor_estimator import EstimatorV2
from qiskit_ibm_runtime import NoiseLearner  # ok: no target, not selected

estimator = EstimatorV2(mode=backend, options={"seed_estimator": 1})  # ok: no target
