# Code that supports both APIs is not reported (ruff NPY201's try/except guard).
try:
    from qiskit.primitives import StatevectorSampler as Sampler
except ImportError:
    from qiskit.primitives import Sampler  # ok: fallback for old Qiskit

Sampler()  # ok: after the shim the name means the new class

try:
    from qiskit_ibm_runtime import QiskitRuntimeService
except (ModuleNotFoundError, ImportError):
    from qiskit_ibm_provider import IBMProvider as QiskitRuntimeService  # ok: fallback

import qiskit.primitives as prims

try:
    Estimator = prims.StatevectorEstimator
except AttributeError:
    Estimator = prims.Estimator  # ok: fallback

try:
    from qiskit.primitives import StatevectorSampler as Legacy  # QKM301: 35
except ImportError:
    pass

try:
    import numpy
except ImportError:
    from qiskit.primitives import StatevectorEstimator as E  # QKM301: 35

try:
    from qiskit.primitives import StatevectorSampler
except ValueError:
    from qiskit.primitives import StatevectorSampler as S2  # QKM301: 35
