# QKM415: a backend given by name.
from qiskit_ibm_runtime import Session
from qiskit_ibm_runtime.executor_sampler import SamplerV2

Session(backend="ibm_brisbane")  # QKM415: 17
Session("ibm_brisbane")  # QKM415: 9
SamplerV2(mode="ibm_brisbane")  # QKM415: 16
SamplerV2(f"ibm_{name}")  # QKM415: 11
SamplerV2(mode=backend)  # ok
Session(backend=service.backend("ibm_brisbane"))  # ok
