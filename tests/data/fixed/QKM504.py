# QKM504: retired cloud simulators.
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_sampler import SamplerV2

service = QiskitRuntimeService()
service.backend("ibmq_qasm_simulator")  # QKM504: 17
service.backend(name="simulator_mps")  # QKM504: 22
service.backend("ibm_brisbane")  # ok
SamplerV2(mode="simulator_statevector")  # QKM415: 16, QKM504: 16
