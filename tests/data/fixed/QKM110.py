# QKM110: transpilation options of the V1 backend primitives.
from qiskit.primitives import BackendSamplerV2 as BackendSampler, BackendSamplerV2  # QKM302: 31

BackendSampler(  # QKM302: 1
    backend=backend,
    skip_transpilation=True,  # QKM110: 5
    bound_pass_manager=pm,  # QKM110: 5
    options={"shots": 10},  # ok: not a transpilation option
)
BackendSamplerV2(backend=backend)  # ok
