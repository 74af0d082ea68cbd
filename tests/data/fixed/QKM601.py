# settings: runtime=>=0.49
# QKM601: the server-side Runtime primitives, with a target that reaches qiskit-ibm-runtime 0.50.
from qiskit_ibm_runtime import QiskitRuntimeService  # QKM601: 54, QKM601: 65
from qiskit_ibm_runtime.executor_sampler import SamplerV2
from qiskit_ibm_runtime.executor_estimator import EstimatorV2
from qiskit_ibm_runtime.executor_sampler import Sampler as RuntimeSampler  # QKM601: 32
from qiskit_ibm_runtime.options_models import EstimatorOptions  # QKM601: 40
import qiskit_ibm_runtime
import qiskit_ibm_runtime as qir

backend = QiskitRuntimeService().backend("ibm_x")
for _ in range(3):
    SamplerV2(mode=backend)  # ok: fixed by the import
estimator = EstimatorV2(mode=backend, options=EstimatorOptions())  # ok: fixed by the import
RuntimeSampler(mode=backend).run([circuit])  # ok: fixed by the import
qiskit_ibm_runtime.SamplerV2(mode=backend)  # QKM601: 1
qir.EstimatorV2(mode=backend)  # QKM601: 1
