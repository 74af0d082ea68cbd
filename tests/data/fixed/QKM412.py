# QKM412: session= to Runtime primitives.
from qiskit_ibm_runtime import Session
from qiskit_ibm_runtime.executor_sampler import SamplerV2
from qiskit_ibm_runtime.executor_estimator import EstimatorV2

with Session(backend=backend) as session:
    SamplerV2(mode=session)  # QKM412: 15
    EstimatorV2(mode=session)  # ok: the V2 keyword
    EstimatorV2(session)  # ok: positional mode
