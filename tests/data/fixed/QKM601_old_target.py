# settings: runtime=>=0.40,<0.50; explicit=QKM6
# QKM601: a target entirely before 0.50 never reports the family, even when selected.
from qiskit_ibm_runtime.executor_sampler import SamplerV2  # ok: right for qiskit-ibm-runtime < 0.50
from qiskit_ibm_runtime.executor_estimator import EstimatorV2

estimator = EstimatorV2(mode=backend, options={"seed_estimator": 1})  # ok: still valid there
