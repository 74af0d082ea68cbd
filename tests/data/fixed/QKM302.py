# QKM302: V1 backend primitives.
from qiskit.primitives import BackendSamplerV2 as BackendSampler  # QKM302: 31
from qiskit.primitives import BackendSamplerV2, BackendEstimatorV2  # ok: V2
import qiskit.primitives

sampler = BackendSampler(backend=backend)  # QKM302: 11
qiskit.primitives.BackendEstimatorV2(backend=backend)  # QKM302: 1
BackendSamplerV2(backend=backend)  # ok
