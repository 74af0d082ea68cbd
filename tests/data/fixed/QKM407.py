# QKM407: the V1 Runtime Options class.
from qiskit_ibm_runtime import Options  # QKM407: 32
from qiskit_ibm_runtime.options_models import SamplerOptions  # ok: V2
from qiskit_ibm_runtime.options_models import EstimatorOptions
import qiskit_ibm_runtime as rt

options = Options()  # QKM407: 11
rt.options.Options(optimization_level=1)  # QKM407: 1, QKM409: 20
SamplerOptions(default_shots=100)  # ok
