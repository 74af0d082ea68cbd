# Star imports bind the names the package is known to export; each use is reported.
from qiskit_ibm_runtime import *  # ok
from qiskit.primitives import *  # ok: the module itself is current; its Sampler wins (last)
from qiskit import *  # ok
from qiskit_ibm_runtime import QiskitRuntimeService

Sampler()  # QKM301: 1
BackendEstimator(backend)  # QKM302: 1
QiskitRuntimeService()  # QKM203: 1, QKM204: 1
StatevectorSampler()  # ok: V2
service = QiskitRuntimeService()
service.backend("x")  # QKM208: 1
from qiskit_ibm_runtime import *  # ok: binds the Runtime names again
Sampler(mode=backend)  # ok: now qiskit_ibm_runtime.Sampler, the V2 class
from qiskit import *  # ok
simulator = Aer.get_backend("aer_simulator")  # QKM107: 13 (the first use of a star-bound moved name)
Aer.get_backend("statevector_simulator")  # QKM111: 1 (Aer itself: fixed once, by importing it from qiskit_aer)
simulator.run(transpile(circuit, simulator))  # QKM101: 1
