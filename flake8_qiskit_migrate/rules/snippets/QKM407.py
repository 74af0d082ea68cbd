# QKM407: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime import Options

options = Options(optimization_level=1)
options.execution.shots = 1000

# --- use instead ---
from qiskit_ibm_runtime import SamplerV2
from qiskit_ibm_runtime.fake_provider import FakeManilaV2
from qiskit_ibm_runtime.options import SamplerOptions

options = SamplerOptions(default_shots=1000)
sampler = SamplerV2(mode=FakeManilaV2(), options=options)
