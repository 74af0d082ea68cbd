# QKM413: backend= to Runtime primitives.
import qiskit_ibm_runtime

qiskit_ibm_runtime.EstimatorV2(mode=backend)  # QKM413: 32
qiskit_ibm_runtime.SamplerV2(mode=backend)  # ok
qiskit_ibm_runtime.Session(backend=backend)  # ok: Session takes backend=
