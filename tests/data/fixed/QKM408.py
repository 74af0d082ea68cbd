# QKM408: V1 shots option.
from qiskit_ibm_runtime import Options  # QKM407: 32
from qiskit_ibm_runtime.executor_sampler import SamplerV2

options = Options(execution={"shots": 100, "init_qubits": True})  # QKM407: 11, QKM408: 30
options.execution.shots = 4000  # QKM408: 1
print(options.execution.shots)  # QKM408: 7
options.execution.init_qubits = False  # ok: still a V2 field
sampler = SamplerV2(mode=backend)
sampler.options.default_shots = 2000  # ok: the V2 field
sampler.options.execution.shots = 10  # QKM408: 1
