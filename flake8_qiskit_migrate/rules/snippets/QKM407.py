# QKM407: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime import Options

options = Options(optimization_level=1)
options.execution.shots = 1000

# --- use instead ---
from qiskit_ibm_runtime.executor_sampler import Sampler
from qiskit_ibm_runtime.fake_provider import FakeManilaV2
from qiskit_ibm_runtime.options_models import SamplerOptions

options = SamplerOptions(default_shots=1000)
sampler = Sampler(mode=FakeManilaV2(), options=options)
