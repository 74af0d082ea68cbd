# QKM305: the Runtime SamplerV1.
from qiskit_ibm_runtime import SamplerV1  # QKM305: 32
from qiskit_ibm_runtime.executor_sampler import Sampler  # ok: Sampler is the V2 class since 0.28
from qiskit_ibm_runtime.executor_sampler import SamplerV2

SamplerV1(backend=backend)  # QKM305: 1, QKM413: 11
Sampler(mode=backend)  # ok
SamplerV2(mode=backend)  # ok
# The bare Runtime name constructed the V1 way is a V1 primitive.
from qiskit_ibm_runtime import Options, Session  # QKM407: 32
Sampler(mode=session)  # QKM305: 1, QKM412: 9
Sampler(backend=backend, options={"shots": 10})  # QKM305: 1, QKM413: 9, QKM408: 35
options = Options()  # QKM407: 11
options.execution.shots = 10  # QKM408: 1
Sampler(options=options)  # QKM305: 1
with Session(backend=backend) as session:
    Sampler(mode=session)  # ok: V2 usage
    SamplerV2(mode=session)  # QKM412: 15; ok: the explicit V2 class is category 4 only
Sampler(options={"default_shots": 10})  # ok: a V2 option
