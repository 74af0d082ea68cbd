# QKM306: the Runtime EstimatorV1.
import qiskit_ibm_runtime as rt
from qiskit_ibm_runtime.executor_estimator import Estimator  # ok: the V2 class since 0.28

rt.EstimatorV1(session=session)  # QKM306: 1, QKM412: 16
Estimator(mode=backend)  # ok
rt.EstimatorV2(mode=backend)  # ok
# The bare Runtime name constructed the V1 way is a V1 primitive.
Estimator(backend=backend)  # QKM306: 1, QKM413: 11
rt.EstimatorV2(backend=backend)  # QKM413: 16; ok: EstimatorV2(backend=) is category 4 only
rt.Estimator(mode=session)  # ok
